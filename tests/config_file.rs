//! Reading config.toml: defaults, remapping, and errors that name the line.

use dateline::app::{CaptionMode, Command, SortOrder};
use dateline::config::theme::Paint;
use dateline::config::{Config, ConfigError, default_toml};
use dateline::keymap::Key;
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

fn key(s: &str) -> Key {
    Key::parse(s).unwrap()
}

#[test]
fn the_printed_default_config_parses_back_to_the_default() {
    let text = default_toml();
    assert_eq!(parse(&text).unwrap(), Config::default());
    // It lists every command and every setting.
    for command in Command::ALL {
        assert!(
            text.contains(&format!("\n{} = [", command.name())),
            "{command:?} missing"
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
    let map = &config.keymap;
    assert_eq!(map.command(key("ctrl-n")), Some(Command::Down));
    assert_eq!(map.command(key("down")), Some(Command::Down));
    assert_eq!(map.command(key("j")), None, "j was replaced");
    assert_eq!(map.command(key("Q")), Some(Command::Quit));
    assert_eq!(map.command(key("q")), None);
    assert_eq!(map.command(key("k")), Some(Command::Up));
    // The help follows the remapping.
    assert_eq!(map.keys_label(Command::Down), "C-n/Down");
    assert_eq!(config.theme.person, Paint::Color(Color::Rgb(0xff, 0x88, 0)));
    assert_eq!(config.theme.active, Paint::Color(Color::LightBlue));
    assert_eq!(config.theme.place, Config::default().theme.place);
    assert_eq!(config.reader.caption_mode, CaptionMode::Inline);
    assert_eq!(config.list.sort, SortOrder::Title);
}

#[test]
fn a_key_given_to_a_command_leaves_its_default_owner() {
    let config = parse("[keys]\ndown = [\"n\", \"j\"]\n").unwrap();
    assert_eq!(config.keymap.command(key("n")), Some(Command::Down));
    assert_eq!(config.keymap.keys_label(Command::NextMention), "");
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
            "[list]\nsort = \"title\"\n[keys]\n\ndown = [\"x\"]\nhelp = [\"y\",\n  \"x\"]\n",
            7,
            "`x`",
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
fn an_unreadable_file_is_an_error_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let err = Config::load(dir.path()).unwrap_err();
    assert!(matches!(err, ConfigError::Read { .. }), "{err:?}");
    assert!(
        err.to_string()
            .starts_with(&dir.path().display().to_string())
    );
}

#[test]
fn shift_and_a_letter_is_its_capital_and_ctrl_c_only_quits() {
    let config = parse("[keys]\nbottom = [\"shift-g\"]\n").unwrap();
    assert_eq!(config.keymap.command(key("G")), Some(Command::Bottom));
    assert_eq!(config.keymap.command(key("g")), Some(Command::Top));
    assert_eq!(key("alt-shift-g"), key("alt-G"));
    assert!(Key::parse("shift-1").is_none(), "the terminal sends `!`");
    let (line, message) = error("[keys]\n\nsearch = [\"ctrl-c\"]\n");
    assert_eq!(line, 3);
    assert!(
        message.contains("ctrl-c") && message.contains("search"),
        "{message}"
    );
    assert!(parse("[keys]\nquit = [\"ctrl-c\", \"x\"]\n").is_ok());
}

#[test]
fn a_colour_number_may_be_written_bare_or_quoted() {
    let bare = parse("[theme]\nperson = 196\n").unwrap();
    let quoted = parse("[theme]\nperson = \"196\"\n").unwrap();
    assert_eq!(bare.theme, quoted.theme);
    let (line, message) = error("[theme]\n\nplace = 300\n");
    assert_eq!(line, 3);
    assert!(
        message.contains("300") && message.contains("0-255"),
        "{message}"
    );
}

#[test]
fn a_colour_of_another_type_says_what_is_expected() {
    let (line, message) = error("[theme]\nperson = true\n");
    assert_eq!(line, 2);
    assert!(message.contains("0-255"), "{message}");
}
