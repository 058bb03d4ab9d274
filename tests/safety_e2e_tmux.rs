//! End to end in tmux: hostile text changes nothing in the terminal, and a
//! restart comes back to the same article, place and entity.
//!
//! Each test runs the real binary in a pane of its own tmux server, with
//! `XDG_DATA_HOME` and `XDG_CONFIG_HOME` in a temporary folder.

#[path = "support/tmux.rs"]
mod tmux;

use std::path::Path;
use std::thread::sleep;
use std::time::{Duration, Instant};
use tmux::{Tmux, exit_status};

/// The escape sequences of the test: a window title, a screen clear, a
/// clipboard write (OSC 52), a hyperlink (OSC 8), an 8-bit CSI, a bidi override.
const HOSTILE: &str = "\x1b]0;owned\x07 \x1b[2J \x1b]52;c;b3duZWQ=\x07 \x1b]8;;http://x.example/\x1b\\link\x1b]8;;\x1b\\ \u{9b}31m \u{202e}txt";

#[test]
fn hostile_text_is_shown_as_placeholders_and_changes_nothing() {
    let home = tempfile::tempdir().unwrap();
    let Some(tmux) = Tmux::start("hostile", home.path()) else {
        return;
    };
    tmux.cmd(&["set-option", "-g", "set-clipboard", "on"]);
    tmux.cmd(&["select-pane", "-t", "t", "-T", "before"]);

    // The same sequences in a file's name, its title and its body.
    let dir = tempfile::tempdir().unwrap();
    let name = format!("{}.txt", HOSTILE.replace('/', "∕"));
    let file = dir.path().join(&name);
    std::fs::write(
        &file,
        format!(" date 2025-07-10 Title {HOSTILE} end\n\nBODY, Somewhere, July 9 (Agency) -- Text {HOSTILE} more text.\n"),
    )
    .unwrap();
    tmux.cmd(&[
        "send-keys",
        "-t",
        "t",
        "-l",
        &format!("cd '{}'", dir.path().display()),
    ]);
    tmux.cmd(&["send-keys", "-t", "t", "Enter"]);
    tmux.dateline("*.txt");
    let screen = tmux.wait_for("the reader", |s| s.contains("article 1/1"));

    // The file name (kept as is by the parser) shows its placeholders.
    for shown in [
        "␛]0;owned␇",
        "␛[2J",
        "␛]52;c;b3duZWQ=␇",
        "␛]8;;http:∕∕x.example∕␛\\",
        "␛[31m",
        "⟨RLO⟩",
    ] {
        assert!(screen.contains(shown), "{shown:?} not on screen:\n{screen}");
    }
    // Nothing was executed: the screen was not cleared, the title and the clipboard are untouched.
    assert!(screen.contains("Articles 1"), "{screen}");
    assert!(
        screen.contains("⟨RLO⟩txt more"),
        "the body is shown:\n{screen}"
    );
    assert_eq!(tmux.format("#{pane_title}"), "before");
    assert_eq!(
        tmux.cmd(&["list-buffers"]).trim(),
        "",
        "OSC 52 reached the clipboard"
    );
    tmux.quit();

    // The same checks do catch raw sequences: printed by the shell, they act.
    tmux.cmd(&[
        "send-keys",
        "-t",
        "t",
        "-l",
        r"printf '\033]0;owned\007\033]52;c;b3duZWQ=\007'",
    ]);
    tmux.cmd(&["send-keys", "-t", "t", "Enter"]);
    let start = Instant::now();
    while tmux.format("#{pane_title}") != "owned" && start.elapsed() < Duration::from_secs(5) {
        sleep(Duration::from_millis(100));
    }
    assert_eq!(
        tmux.format("#{pane_title}"),
        "owned",
        "raw OSC 0 changes the title"
    );
    assert!(
        tmux.cmd(&["show-buffer"]).contains("owned"),
        "raw OSC 52 fills the clipboard"
    );
}

#[test]
fn a_restart_returns_to_the_same_article_place_and_entity() {
    let seed = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus/seed");
    if !Path::new(seed).is_dir() {
        eprintln!("skipping: {seed} is absent");
        return;
    }
    let home = tempfile::tempdir().unwrap();
    let Some(tmux) = Tmux::start("restart", home.path()) else {
        return;
    };
    tmux.dateline(seed);
    // Entities are there once the background loading has indexed the articles.
    tmux.wait_for("the reader, indexed", |s| {
        s.contains("article 1/") && s.contains("indexed in")
    });
    // Activate the first person in the sidebar, bookmark the article, scroll a little.
    tmux.keys(&["e", "Enter"]);
    let active = tmux.wait_for("an active entity", |s| s.contains("mention 1/"));
    let status = active
        .lines()
        .rev()
        .find(|l| l.contains("mention 1/"))
        .unwrap()
        .to_string();
    let entity = status
        .split(" of ")
        .nth(1)
        .unwrap()
        .split("  ")
        .next()
        .unwrap()
        .trim()
        .to_string();
    tmux.keys(&["BTab", "b", "j", "j", "j"]);
    sleep(Duration::from_millis(300));
    let before = tmux.cmd(&["capture-pane", "-p", "-t", "t"]);
    let screen = tmux.quit();
    assert_eq!(exit_status(&screen), Some('0'), "{screen}");

    let state = std::fs::read_to_string(home.path().join("data/dateline/state.json")).unwrap();
    assert!(state.contains("\"bookmarked\": true"), "{state}");
    let state: serde_json::Value = serde_json::from_str(&state).unwrap();
    let place = state["collections"]
        .as_object()
        .unwrap()
        .values()
        .next()
        .unwrap();
    assert!(
        place["scroll"].as_u64().unwrap() > 0,
        "the reader was scrolled: {place}"
    );
    assert_eq!(place["entity"], entity.as_str(), "{place}");

    tmux.dateline(seed);
    // The articles load in the background; the place comes back once they are indexed.
    let last_line = |s: &str| {
        s.lines()
            .rev()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("")
            .to_string()
    };
    let after = tmux.wait_for("the reader back at the entity", |s| {
        s.contains("article 1/") && last_line(s).contains(&entity)
    });
    let status = last_line(&after);
    assert!(
        status.contains(&entity),
        "entity {entity} active again: {status}"
    );
    assert!(after.contains('★'), "the bookmark is marked:\n{after}");
    // The reader pane shows the same rows as before quitting.
    let reader_rows = |s: &str| -> Vec<String> {
        s.lines()
            .take(20)
            .map(|l| l.chars().skip(50).take(100).collect())
            .collect()
    };
    assert_eq!(reader_rows(&after), reader_rows(&before));
    tmux.quit();
}
