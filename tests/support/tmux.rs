//! A tmux server of the test's own, for end-to-end tests of the real binary:
//! one pane running `sh`, with `XDG_DATA_HOME` and `XDG_CONFIG_HOME` in a
//! temporary folder, killed on drop. Shared by the end-to-end test files
//! (`#[path = "support/tmux.rs"] mod tmux;`); each uses part of it.
#![allow(dead_code)]

use std::path::Path;
use std::process::Command;
use std::thread::sleep;
use std::time::{Duration, Instant};

/// A tmux server of our own (killed on drop) with one pane running `sh`.
pub struct Tmux {
    socket: String,
}

impl Tmux {
    /// A new server, or `None` (with a message) when tmux is not installed.
    pub fn start(name: &str, home: &Path) -> Option<Tmux> {
        if Command::new("tmux").arg("-V").output().is_err() {
            eprintln!("skipping: tmux is not installed (scripts/test.sh installs it)");
            return None;
        }
        let tmux = Tmux {
            socket: format!("dateline-{name}-{}", std::process::id()),
        };
        let data = format!("XDG_DATA_HOME={}", home.join("data").display());
        let config = format!("XDG_CONFIG_HOME={}", home.join("config").display());
        tmux.cmd(&[
            "new-session",
            "-d",
            "-s",
            "t",
            "-x",
            "200",
            "-y",
            "50",
            "-e",
            &data,
            "-e",
            &config,
            "sh",
        ]);
        tmux.wait_for("the shell", |s| !s.trim().is_empty());
        Some(tmux)
    }

    /// The pane's screen, with its styles as escape sequences when `escapes`.
    pub fn capture(&self, escapes: bool) -> String {
        if escapes {
            self.cmd(&["capture-pane", "-p", "-e", "-t", "t"])
        } else {
            self.cmd(&["capture-pane", "-p", "-t", "t"])
        }
    }

    /// Runs a tmux command on this server; its standard output.
    pub fn cmd(&self, args: &[&str]) -> String {
        let out = Command::new("tmux")
            .args(["-L", &self.socket, "-f", "/dev/null"])
            .args(args)
            .output()
            .expect("tmux runs");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    pub fn keys(&self, keys: &[&str]) {
        for k in keys {
            self.cmd(&["send-keys", "-t", "t", k]);
        }
    }

    pub fn format(&self, f: &str) -> String {
        self.cmd(&["display-message", "-p", "-t", "t", f])
            .trim()
            .to_string()
    }

    /// Waits until the screen satisfies `ok`; returns it.
    pub fn wait_for(&self, what: &str, ok: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.capture(false);
            if ok(&screen) {
                return screen;
            }
            assert!(
                start.elapsed() < Duration::from_secs(30),
                "timed out waiting for {what}; screen:\n{screen}"
            );
            sleep(Duration::from_millis(100));
        }
    }

    /// Runs `dateline ARGS` in the pane's shell.
    pub fn dateline(&self, args: &str) {
        let line = format!("{} {args}; echo EXITED:$?", env!("CARGO_BIN_EXE_dateline"));
        self.cmd(&["send-keys", "-t", "t", "-l", &line]);
        self.cmd(&["send-keys", "-t", "t", "Enter"]);
    }

    /// Waits for the line the shell echoes when dateline has exited
    /// (`EXITED:N`, not the command line that contains it); the screen.
    pub fn wait_for_exit(&self) -> String {
        self.wait_for("the shell again", |s| {
            s.lines().any(|l| l.trim_start().starts_with("EXITED:"))
        })
    }

    /// Quits the reader with `q` and waits for the shell.
    pub fn quit(&self) -> String {
        self.keys(&["q"]);
        let exited = |s: &str| exit_status(s).is_some();
        let screen = self.wait_for("the shell again", exited);
        self.cmd(&["send-keys", "-t", "t", "clear", "Enter"]);
        self.wait_for("a clear screen", |s| !exited(s));
        screen
    }
}

/// The exit status the shell echoed after dateline (`EXITED:0`), not the
/// `EXITED:$?` of the typed command line.
pub fn exit_status(screen: &str) -> Option<char> {
    screen.match_indices("EXITED:").find_map(|(i, m)| {
        screen[i + m.len()..]
            .chars()
            .next()
            .filter(char::is_ascii_digit)
    })
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .args(["-L", &self.socket, "kill-server"])
            .output();
    }
}
