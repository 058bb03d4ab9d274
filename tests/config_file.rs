//! Reading config.toml: defaults, remapping, and errors that name the line.

use dateline::config::keys::KeySpec;
use dateline::config::theme::ThemeColor;
use dateline::config::{CaptionMode, Config, ConfigError, SortOrder, default_toml};
use ratatui::style::Color;
use std::path::Path;

fn parse(text: &str) -> Result<Config, ConfigError> {
    Config::parse(text, Path::new("/cfg/config.toml"))
}

/// The line and message of a configuration error.
fn error(text: &str) -> (usize, String) {
    match parse(text) {
        Err(ConfigError::Invalid { line, message, .. }) => (line, message),
        other => panic!("expected an invalid-config error for {text:?}, got {other:?}"),
    }
}

fn key(s: &str) -> KeySpec {
    s.parse().unwrap()
}

#[test]
fn the_printed_default_config_parses_back_to_the_default() {
    let text = default_toml();
    assert_eq!(parse(&text).unwrap(), Config::default());
    // It lists every action and every setting.
    for (action, _) in &Config::default().keys {
        assert!(
            text.contains(&format!("\n{action} = [")),
            "{action} missing"
        );
    }
    for setting in [
        "person =",
        "organization =",
        "place =",
        "active =",
        "current =",
        "search =",
        "caption_mode =",
        "sort =",
    ] {
        assert!(text.contains(setting), "{setting} missing");
    }
}

#[test]
fn an_empty_or_missing_file_gives_the_defaults() {
    assert_eq!(parse("").unwrap(), Config::default());
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(
        Config::load(&dir.path().join("none.toml")).unwrap(),
        Config::default()
    );
}

#[test]
fn settings_override_only_what_they_name() {
    let config = parse(
        "[keys]\ndown = [\"ctrl-n\", \"down\"]\nquit = [\"Q\"]\n\n\
         [theme]\nperson = \"#ff8800\"\nactive = \"light-blue\"\n\n\
         [reader]\ncaption_mode = \"inline\"\n[list]\nsort = \"title\"\n",
    )
    .unwrap();
    assert_eq!(config.keys_of("down"), [key("ctrl-n"), key("down")]);
    assert_eq!(config.keys_of("quit"), [key("shift-q")]);
    assert_eq!(config.keys_of("up"), Config::default().keys_of("up"));
    assert_eq!(config.theme.person, ThemeColor(Color::Rgb(0xff, 0x88, 0)));
    assert_eq!(config.theme.active, ThemeColor(Color::LightBlue));
    assert_eq!(config.theme.place, Config::default().theme.place);
    assert_eq!(config.reader.caption_mode, CaptionMode::Inline);
    assert_eq!(config.list.sort, SortOrder::Title);
    // The order of actions (the help screen's) does not depend on the file's.
    let order: Vec<_> = config.keys.iter().map(|(a, _)| *a).collect();
    let default_order: Vec<_> = Config::default().keys.iter().map(|(a, _)| *a).collect();
    assert_eq!(order, default_order);
}

#[test]
fn errors_name_the_line_of_the_problem() {
    let cases: &[(&str, usize, &str)] = &[
        ("[reader]\ncaption_mode = \"beside\"\n", 2, "beside"),
        ("[list]\n\nsort = \"newest\"\n", 3, "newest"),
        (
            "[theme]\nperson = \"yellow\"\nplace = \"greenish\"\n",
            3,
            "greenish",
        ),
        ("[theme]\ncolour = \"red\"\n", 2, "colour"),
        ("[reader]\ncaptions = \"inline\"\n", 2, "captions"),
        ("\n\n[pager]\nx = 1\n", 3, "pager"),
        ("[keys]\ndown = [\"j\", \"ctrl-\"]\n", 2, "ctrl-"),
        ("[keys]\nup = [\"k\"]\njump = [\"x\"]\n", 3, "jump"),
        ("[keys]\ndown = \"j\"\n", 2, "sequence"),
        (
            "[list]\nsort = \"title\"\n[keys]\n\nquit = [\"q\"]\nhelp = [\"n\"]\n",
            6,
            "next-mention",
        ),
        ("[reader\n", 1, ""),
        ("[list]\nsort = title\n", 2, ""),
    ];
    for &(text, line, needle) in cases {
        let (got_line, message) = error(text);
        assert_eq!(got_line, line, "{text:?}: {message}");
        assert!(
            message.contains(needle),
            "{text:?}: {message:?} lacks {needle:?}"
        );
    }
}

#[test]
fn the_error_message_names_the_file() {
    let err = parse("[list]\nsort = \"x\"\n").unwrap_err().to_string();
    assert!(err.starts_with("/cfg/config.toml:2: "), "{err}");
}

#[test]
fn a_freed_key_can_be_rebound() {
    let config = parse("[keys]\nnext-mention = [\"ctrl-n\"]\ndown = [\"n\", \"j\"]\n").unwrap();
    assert_eq!(config.keys_of("down"), [key("n"), key("j")]);
}

#[test]
fn an_unreadable_file_is_an_error_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let err = Config::load(dir.path()).unwrap_err();
    assert!(matches!(err, ConfigError::Read { .. }), "{err:?}");
    assert!(
        err.to_string()
            .starts_with(&dir.path().display().to_string())
    );
}
