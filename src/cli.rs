//! Command-line definitions.

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
}

/// Writes the completion script of `shell` for the whole command line to `out`.
pub fn write_completions(shell: clap_complete::Shell, out: &mut dyn std::io::Write) {
    use clap::CommandFactory;
    clap_complete::generate(shell, &mut Cli::command(), "dateline", out);
}
