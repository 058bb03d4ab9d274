//! Command-line definitions.

use crate::entity::EntityKind;
use clap::{Parser, Subcommand};

/// A terminal reader for collections of news articles.
#[derive(Debug, Parser)]
#[command(name = "dateline", version, about)]
pub struct Cli {
    /// Files or folders of articles (.txt, .json, .jsonl), or `-` for standard input.
    /// Without any, the bundled sample articles.
    pub paths: Vec<String>,

    /// Start with this entity active (name or alias, case-insensitive).
    #[arg(long)]
    pub entity: Option<String>,

    /// Print the full default configuration (a commented config.toml) and exit.
    #[arg(long)]
    pub print_config: bool,

    /// A subcommand instead of the reader.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Write every article as one JSON object per line.
    Export {
        /// Write JSON Lines (the only format).
        #[arg(long)]
        jsonl: bool,
        /// Files or folders of articles, or `-` for standard input.
        #[arg(required = true)]
        paths: Vec<String>,
    },
    /// Print a shell completion script (e.g. `dateline completions bash > ~/.local/share/bash-completion/completions/dateline`).
    Completions {
        /// The shell to complete for.
        shell: clap_complete::Shell,
    },
    /// List the collection's entities, most articles first: articles, mentions,
    /// first and last date, kind, name.
    Entities {
        /// Only entities of this kind.
        #[arg(long, value_parser = parse_kind)]
        kind: Option<EntityKind>,
        /// One JSON object per line.
        #[arg(long)]
        json: bool,
        /// Files or folders of articles, or `-` for standard input.
        #[arg(required = true)]
        paths: Vec<String>,
    },
    /// Every mention of one entity with its context, grep-style
    /// (`path:block:start: left [mention] right`), oldest first.
    Mentions {
        /// The entity's name or any alias, case-insensitive.
        name: String,
        /// The entity of this kind, when the name is that of several
        /// (by default the one in most articles).
        #[arg(long, value_parser = parse_kind)]
        kind: Option<EntityKind>,
        /// Characters of context on each side.
        #[arg(long, default_value_t = 40, value_name = "N")]
        context: usize,
        /// One JSON object per line.
        #[arg(long)]
        json: bool,
        /// Files or folders of articles, or `-` for standard input.
        #[arg(required = true)]
        paths: Vec<String>,
    },
}

/// Parses `person`, `organization` or `place` (also `org`).
fn parse_kind(s: &str) -> Result<EntityKind, String> {
    match s.to_ascii_lowercase().as_str() {
        "org" => Ok(EntityKind::Organization),
        s => EntityKind::ALL
            .into_iter()
            .find(|k| k.as_str() == s)
            .ok_or_else(|| "expected person, organization or place".to_string()),
    }
}

/// Writes the completion script of `shell` for the whole command line to `out`.
pub fn write_completions(shell: clap_complete::Shell, out: &mut dyn std::io::Write) {
    use clap::CommandFactory;
    clap_complete::generate(shell, &mut Cli::command(), "dateline", out);
}
