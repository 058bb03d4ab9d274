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

#[test]
fn a_bad_config_stops_the_reader_with_the_line_named() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("dateline");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("config.toml"), "[list]\nsort = \"newest\"\n").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_dateline"))
        .arg(home.path())
        .env("XDG_CONFIG_HOME", home.path())
        .env("XDG_DATA_HOME", home.path().join("data"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    let expected = format!(
        "dateline: {}:2: unknown variant `newest`",
        dir.join("config.toml").display()
    );
    assert!(err.contains(&expected), "{err}");
}
