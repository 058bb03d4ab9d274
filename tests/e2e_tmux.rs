//! End to end: the real binary in a tmux pane on its bundled articles (the
//! seed article among them, embedded from assets/articles). `n` moves
//! the reverse-video mention; `q` leaves the terminal as it was (main screen,
//! no mouse reporting, the shell prompt back).

#[path = "support/tmux.rs"]
mod tmux;

use std::process::Command;
use tmux::Tmux;

/// Positions (row, column) and texts of reverse-video runs in a `capture-pane -e` dump.
fn reversed_runs(dump: &str) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    for (row, line) in dump.lines().enumerate() {
        let mut reversed = false;
        let mut col = 0;
        let mut run: Option<(usize, String)> = None;
        let mut chars = line.chars().peekable();
        while let Some(c) = chars.next() {
            if c == '\x1b' && chars.peek() == Some(&'[') {
                chars.next();
                let mut params = String::new();
                for p in chars.by_ref() {
                    if p.is_ascii_alphabetic() {
                        if p == 'm' {
                            reversed = sgr_reversed(&params, reversed);
                        }
                        break;
                    }
                    params.push(p);
                }
                continue;
            }
            if reversed {
                run.get_or_insert((col, String::new())).1.push(c);
            } else if let Some((start, text)) = run.take() {
                out.push((row, start, text));
            }
            col += 1;
        }
        if let Some((start, text)) = run {
            out.push((row, start, text));
        }
    }
    out
}

/// Whether reverse video is on after the SGR parameters `params`.
fn sgr_reversed(params: &str, mut on: bool) -> bool {
    let mut it = params.split(';');
    while let Some(p) = it.next() {
        match p {
            "" | "0" | "27" => on = false,
            "7" => on = true,
            // Extended colours carry sub-parameters that are not attributes.
            "38" | "48" | "58" => match it.next() {
                Some("5") => {
                    it.next();
                }
                Some("2") => {
                    it.nth(2);
                }
                _ => {}
            },
            _ => {}
        }
    }
    on
}

/// The reader on the bundled articles with Wang Huning active, on the
/// alternate screen, in a tmux server named `name` whose state and config
/// folders are under the temporary folder returned (no user settings apply,
/// none are written); `None` without tmux.
fn reader_on_wang(name: &str) -> Option<(tempfile::TempDir, Tmux)> {
    let home = tempfile::tempdir().expect("temp dir");
    let tmux = Tmux::start(name, home.path())?;
    tmux.dateline("--entity 'wang huning'");
    tmux.wait_for("the reader", |s| s.contains("mention 1/"));
    assert_eq!(tmux.format("#{alternate_on}"), "1");
    Some((home, tmux))
}

/// Waits for the reader to end and checks that it exited with status 0 and
/// left the main screen without mouse capture; the screen left.
fn ended_and_restored(tmux: &Tmux) -> String {
    let screen = tmux.wait_for_exit();
    assert!(screen.contains("EXITED:0"), "{screen}");
    assert_eq!(
        tmux.format("#{alternate_on}"),
        "0",
        "back on the main screen"
    );
    assert_eq!(tmux.format("#{mouse_any_flag}"), "0", "mouse capture off");
    screen
}

#[test]
fn n_moves_the_highlighted_mention_and_quit_restores_the_terminal() {
    let Some((_home, tmux)) = reader_on_wang("e2e") else {
        return;
    };
    assert_eq!(
        tmux.format("#{mouse_any_flag}"),
        "1",
        "mouse capture on while running"
    );

    let before = reversed_runs(&tmux.capture(true));
    let wang = |runs: &[(usize, usize, String)]| {
        runs.iter()
            .filter(|r| r.2.contains("Wang"))
            .cloned()
            .collect::<Vec<_>>()
    };
    assert_eq!(wang(&before).len(), 1, "one current mention: {before:?}");

    tmux.keys(&["n"]);
    tmux.wait_for("the second mention", |s| s.contains("mention 2/"));
    let after = reversed_runs(&tmux.capture(true));
    assert_eq!(wang(&after).len(), 1, "{after:?}");
    let (b, a) = (&wang(&before)[0], &wang(&after)[0]);
    assert_ne!((b.0, b.1), (a.0, a.1), "the reverse-video mention moved");

    tmux.keys(&["q"]);
    let screen = ended_and_restored(&tmux);
    assert!(
        !screen.contains("Entities"),
        "the reader's screen is gone:\n{screen}"
    );
    assert_eq!(tmux.format("#{cursor_flag}"), "1", "cursor shown");
}

#[test]
fn unknown_entity_is_a_clear_message_and_status_1_like_mentions() {
    let out = Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(["--entity", "Nobody Atall"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("no entity named \"Nobody Atall\""), "{err}");
}

#[test]
fn sigterm_ends_the_reader_as_q_does() {
    let Some((home, tmux)) = reader_on_wang("sigterm") else {
        return;
    };
    let shell = tmux.format("#{pane_pid}");
    // The shell's child is the reader (the shell's own `kill`, not procps').
    let children = format!("/proc/{shell}/task/{shell}/children");
    let reader = std::fs::read_to_string(children).expect("the shell's children");
    let reader = reader.split_whitespace().next().expect("a reader running");
    let out = Command::new("sh")
        .args(["-c", &format!("kill -TERM {reader}")])
        .status()
        .expect("sh runs");
    assert!(out.success(), "no reader to signal");
    ended_and_restored(&tmux);
    // The place was saved on the way out.
    let state =
        std::fs::read_to_string(home.path().join("data/dateline/state.json")).expect("state saved");
    assert!(state.contains("Wang Huning"), "{state}");
}
