use clap::Parser;
use dateline::cli::{Cli, Command};
use std::io;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    if cli.print_config {
        print!("{}", dateline::config::default_toml());
        return ExitCode::SUCCESS;
    }
    match cli.command {
        Some(Command::Export { jsonl: _, paths }) => dateline::query::export_command(&paths),
        Some(Command::Completions { shell }) => {
            dateline::cli::write_completions(shell, &mut io::stdout());
            ExitCode::SUCCESS
        }
        Some(Command::Entities { kind, json, paths }) => {
            dateline::query::entities_command(&paths, kind, json)
        }
        Some(Command::Mentions {
            name,
            kind,
            context,
            json,
            paths,
        }) => dateline::query::mentions_command(&paths, (&name, kind), context, json),
        None => dateline::tui::main(&cli.paths, cli.entity.as_deref()),
    }
}
