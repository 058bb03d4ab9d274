//! Key specifications such as `j`, `down`, `ctrl-d`, `shift-tab` or `?`, and
//! the actions they can be bound to.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use serde::{Deserialize, Deserializer};
use std::fmt;
use std::str::FromStr;

/// Every action that a key can be bound to, with its default keys, in the
/// order the help screen lists them.
///
/// The names are the ones accepted in `[keys]`. This table is the single list
/// the configuration validates against; it is meant to be the keymap's table.
pub const DEFAULT_BINDINGS: &[(&str, &[&str])] = &[
    ("down", &["j", "down"]),
    ("up", &["k", "up"]),
    ("top", &["g", "home"]),
    ("bottom", &["G", "end"]),
    ("half-page-down", &["ctrl-d"]),
    ("half-page-up", &["ctrl-u"]),
    ("page-down", &["space", "pagedown"]),
    ("page-up", &["pageup"]),
    ("focus-next", &["tab"]),
    ("focus-previous", &["shift-tab"]),
    ("open", &["enter"]),
    ("next-mention", &["n"]),
    ("previous-mention", &["N"]),
    ("search", &["/"]),
    ("clear", &["esc"]),
    ("filter-entity", &["f"]),
    ("cycle-sort", &["s"]),
    ("cycle-captions", &["c"]),
    ("toggle-sidebar", &["e"]),
    ("toggle-kind-highlights", &["h"]),
    ("toggle-read", &["u"]),
    ("toggle-bookmark", &["b"]),
    ("bookmarked-only", &["B"]),
    ("help", &["?"]),
    ("quit", &["q", "ctrl-c"]),
];

/// One key with its modifiers, normalized so that it compares equal to the
/// crossterm event it stands for: a character carries its own case (`G`, not
/// `shift-g`), and `shift-tab` is `Tab` with `SHIFT` (crossterm's `BackTab`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct KeySpec {
    /// The key.
    pub code: KeyCode,
    /// Control, Alt, Shift, Super; Shift never with a character key.
    pub modifiers: KeyModifiers,
}

/// The modifiers a binding can use.
const MODIFIER_NAMES: [(&str, KeyModifiers); 4] = [
    ("ctrl", KeyModifiers::CONTROL),
    ("alt", KeyModifiers::ALT),
    ("shift", KeyModifiers::SHIFT),
    ("super", KeyModifiers::SUPER),
];

/// Named keys, in the spelling used for display first.
const KEY_NAMES: &[(&str, KeyCode)] = &[
    ("space", KeyCode::Char(' ')),
    ("enter", KeyCode::Enter),
    ("return", KeyCode::Enter),
    ("esc", KeyCode::Esc),
    ("escape", KeyCode::Esc),
    ("tab", KeyCode::Tab),
    ("backspace", KeyCode::Backspace),
    ("delete", KeyCode::Delete),
    ("del", KeyCode::Delete),
    ("insert", KeyCode::Insert),
    ("home", KeyCode::Home),
    ("end", KeyCode::End),
    ("pageup", KeyCode::PageUp),
    ("pgup", KeyCode::PageUp),
    ("pagedown", KeyCode::PageDown),
    ("pgdown", KeyCode::PageDown),
    ("pgdn", KeyCode::PageDown),
    ("up", KeyCode::Up),
    ("down", KeyCode::Down),
    ("left", KeyCode::Left),
    ("right", KeyCode::Right),
];

impl KeySpec {
    /// The normalized spec of a key press.
    pub fn new(code: KeyCode, modifiers: KeyModifiers) -> KeySpec {
        let mut modifiers = modifiers
            & (KeyModifiers::CONTROL
                | KeyModifiers::ALT
                | KeyModifiers::SHIFT
                | KeyModifiers::SUPER);
        let code = match code {
            KeyCode::BackTab => {
                modifiers |= KeyModifiers::SHIFT;
                KeyCode::Tab
            }
            KeyCode::Char(c) => {
                if modifiers.contains(KeyModifiers::SHIFT) {
                    modifiers.remove(KeyModifiers::SHIFT);
                    KeyCode::Char(c.to_uppercase().next().unwrap_or(c))
                } else {
                    KeyCode::Char(c)
                }
            }
            other => other,
        };
        KeySpec { code, modifiers }
    }

    /// Whether this key is the one pressed in `event`.
    pub fn matches(&self, event: &KeyEvent) -> bool {
        *self == KeySpec::new(event.code, event.modifiers)
    }
}

/// A key specification that could not be understood.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "bad key {0:?}: expected a character or a key name (enter, esc, tab, space, up, pagedown, f1 …), optionally after ctrl-, alt-, shift- or super-"
)]
pub struct BadKey(pub String);

impl FromStr for KeySpec {
    type Err = BadKey;

    fn from_str(spec: &str) -> Result<Self, Self::Err> {
        let bad = || BadKey(spec.to_string());
        let mut modifiers = KeyModifiers::NONE;
        let mut rest = spec;
        // A lone "-" is the minus key, so only strip a modifier with something after it.
        'strip: loop {
            for (name, m) in MODIFIER_NAMES {
                if let Some(tail) = strip_prefix_ignore_case(rest, name)
                    .and_then(|t| t.strip_prefix('-'))
                    .filter(|t| !t.is_empty())
                {
                    modifiers |= m;
                    rest = tail;
                    continue 'strip;
                }
            }
            break;
        }
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            (Some(c), None) if !c.is_control() && c != ' ' => KeyCode::Char(c),
            _ => key_by_name(rest).ok_or_else(bad)?,
        };
        Ok(KeySpec::new(code, modifiers))
    }
}

/// `s` without its prefix `prefix` (ASCII, any case).
fn strip_prefix_ignore_case<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &s[prefix.len()..])
}

/// The key called `name` (any case): a name from [`KEY_NAMES`] or `f1`..`f24`.
fn key_by_name(name: &str) -> Option<KeyCode> {
    let lower = name.to_ascii_lowercase();
    if let Some(&(_, code)) = KEY_NAMES.iter().find(|(n, _)| *n == lower) {
        return Some(code);
    }
    let n: u8 = lower.strip_prefix('f')?.parse().ok()?;
    (1..=24).contains(&n).then_some(KeyCode::F(n))
}

impl fmt::Display for KeySpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (name, m) in MODIFIER_NAMES {
            if self.modifiers.contains(m) {
                write!(f, "{name}-")?;
            }
        }
        if let Some((name, _)) = KEY_NAMES.iter().find(|(_, c)| *c == self.code) {
            return f.write_str(name);
        }
        match self.code {
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::F(n) => write!(f, "f{n}"),
            other => write!(f, "{other:?}"),
        }
    }
}

impl<'de> Deserialize<'de> for KeySpec {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        String::deserialize(d)?
            .parse()
            .map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::KeyEventKind;

    fn spec(s: &str) -> KeySpec {
        s.parse().unwrap_or_else(|e| panic!("{e}"))
    }

    fn press(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new_with_kind(code, modifiers, KeyEventKind::Press)
    }

    #[test]
    fn specs_match_the_events_terminals_send() {
        assert!(spec("j").matches(&press(KeyCode::Char('j'), KeyModifiers::NONE)));
        assert!(!spec("j").matches(&press(KeyCode::Char('J'), KeyModifiers::SHIFT)));
        assert!(spec("down").matches(&press(KeyCode::Down, KeyModifiers::NONE)));
        assert!(spec("ctrl-d").matches(&press(KeyCode::Char('d'), KeyModifiers::CONTROL)));
        assert!(!spec("ctrl-d").matches(&press(KeyCode::Char('d'), KeyModifiers::NONE)));
        assert!(spec("Ctrl-D").matches(&press(KeyCode::Char('D'), KeyModifiers::CONTROL)));
        // Terminals report Shift-Tab as BackTab, with or without SHIFT.
        assert!(spec("shift-tab").matches(&press(KeyCode::BackTab, KeyModifiers::SHIFT)));
        assert!(spec("shift-tab").matches(&press(KeyCode::BackTab, KeyModifiers::NONE)));
        assert!(!spec("tab").matches(&press(KeyCode::BackTab, KeyModifiers::NONE)));
        // `?` and `G` arrive with or without SHIFT depending on the terminal.
        assert!(spec("?").matches(&press(KeyCode::Char('?'), KeyModifiers::SHIFT)));
        assert!(spec("?").matches(&press(KeyCode::Char('?'), KeyModifiers::NONE)));
        assert!(spec("G").matches(&press(KeyCode::Char('G'), KeyModifiers::SHIFT)));
        assert_eq!(spec("shift-g"), spec("G"));
        assert!(spec("space").matches(&press(KeyCode::Char(' '), KeyModifiers::NONE)));
        assert!(spec("-").matches(&press(KeyCode::Char('-'), KeyModifiers::NONE)));
        assert!(spec("alt--").matches(&press(KeyCode::Char('-'), KeyModifiers::ALT)));
        assert!(spec("F5").matches(&press(KeyCode::F(5), KeyModifiers::NONE)));
        assert!(spec("pgdn").matches(&press(KeyCode::PageDown, KeyModifiers::NONE)));
    }

    #[test]
    fn bad_specs_are_rejected() {
        for bad in [
            "", "jj", "ctrl-", "hyper-x", "f0", "f25", "pagedn", "\u{1b}", " ",
        ] {
            assert!(bad.parse::<KeySpec>().is_err(), "{bad:?} accepted");
        }
    }

    #[test]
    fn specs_display_in_their_canonical_form() {
        for (given, shown) in [
            ("j", "j"),
            ("Ctrl-D", "ctrl-D"),
            ("shift-g", "G"),
            ("shift-tab", "shift-tab"),
            ("PgDn", "pagedown"),
            ("return", "enter"),
            ("alt-ctrl-x", "ctrl-alt-x"),
            ("f12", "f12"),
        ] {
            let k = spec(given);
            assert_eq!(k.to_string(), shown, "{given:?}");
            assert_eq!(spec(shown), k);
        }
    }

    #[test]
    fn default_bindings_parse_and_do_not_clash() {
        let mut seen = std::collections::HashMap::new();
        for (action, keys) in DEFAULT_BINDINGS {
            for k in *keys {
                if let Some(other) = seen.insert(spec(k), action) {
                    panic!("{k} bound to {other} and {action}");
                }
            }
        }
    }
}
