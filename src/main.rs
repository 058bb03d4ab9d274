use clap::Parser;
use dateline::cli::{Cli, Command};

fn main() {
    let cli = Cli::parse();
    if cli.print_config {
        print!("{}", dateline::config::default_toml());
        return;
    }
    if let Some(Command::Completions { shell }) = cli.command {
        dateline::cli::write_completions(shell, &mut std::io::stdout());
    }
}
