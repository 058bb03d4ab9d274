use clap::Parser;
use dateline::cli::{Cli, Command};
use dateline::corpus::{Severity, load};
use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    if cli.print_config {
        print!("{}", dateline::config::default_toml());
        return ExitCode::SUCCESS;
    }
    match cli.command {
        Some(Command::Export { jsonl: _, paths }) => export(&paths),
        Some(Command::Completions { shell }) => {
            dateline::cli::write_completions(shell, &mut io::stdout());
            ExitCode::SUCCESS
        }
        Some(Command::Entities { kind, json, paths }) => {
            dateline::query::entities_command(&paths, kind, json)
        }
        Some(Command::Mentions {
            name,
            context,
            json,
            paths,
        }) => dateline::query::mentions_command(&paths, &name, context, json),
        None => dateline::tui::main(&cli.paths, cli.entity.as_deref()),
    }
}

/// `dateline export --jsonl PATH...`: every good article on standard output,
/// one line per problem on standard error; status 1 if any input failed.
fn export(paths: &[String]) -> ExitCode {
    let (corpus, diagnostics) = load(paths);
    let mut stderr = io::stderr().lock();
    for d in &diagnostics {
        let _ = writeln!(stderr, "{d}");
    }
    let failed = diagnostics.iter().any(|d| d.severity == Severity::Error);
    let mut out = BufWriter::new(io::stdout().lock());
    match dateline::export::write_jsonl(&corpus, &mut out) {
        // The reader went away (`| head`): nothing more to say.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {}
        Err(e) => {
            let _ = writeln!(stderr, "dateline: cannot write output: {e}");
            return ExitCode::FAILURE;
        }
        Ok(problems) => {
            for p in problems {
                let _ = writeln!(
                    stderr,
                    "dateline: warning: {}",
                    dateline::sanitize::sanitize(&p)
                );
            }
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
