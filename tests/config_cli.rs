//! The command line around configuration: --print-config, completions, --help, --version.

use dateline::config::{Config, default_toml};
use std::path::Path;
use std::process::{Command, Output};

fn dateline(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(args)
        .env_remove("NO_COLOR")
        .output()
        .unwrap()
}

fn stdout(out: &Output) -> String {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).unwrap()
}

#[test]
fn print_config_prints_the_default_config() {
    let text = stdout(&dateline(&["--print-config"]));
    assert_eq!(text, default_toml());
    assert_eq!(
        Config::parse(&text, Path::new("printed")).unwrap(),
        Config::default()
    );
}

#[test]
fn completions_are_generated_for_each_shell() {
    for (shell, marker) in [
        ("bash", "_dateline()"),
        ("zsh", "#compdef dateline"),
        ("fish", "complete -c dateline"),
    ] {
        let script = stdout(&dateline(&["completions", shell]));
        assert!(script.contains(marker), "{shell}: {script:.300}");
        assert!(
            script.contains("print-config"),
            "{shell} script lacks --print-config"
        );
        assert!(
            script.contains("export"),
            "{shell} script lacks the export subcommand"
        );
    }
    let bad = dateline(&["completions", "cmd.exe"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("cmd.exe"));
}

#[test]
fn help_and_version() {
    let help = stdout(&dateline(&["--help"]));
    for item in ["--print-config", "--entity", "completions", "export"] {
        assert!(help.contains(item), "--help lacks {item}");
    }
    let version = stdout(&dateline(&["--version"]));
    assert_eq!(
        version.trim(),
        format!("dateline {}", env!("CARGO_PKG_VERSION"))
    );
}
