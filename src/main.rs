use clap::Parser;
use dateline::cli::Cli;

fn main() {
    let _cli = Cli::parse();
}
