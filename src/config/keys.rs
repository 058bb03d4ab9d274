//! Keys in `[keys]`: read with [`Key::parse`] (the keymap's own syntax), with
//! an error that says what is accepted, and written back in that syntax.

use crate::keymap::Key;
use ratatui::crossterm::event::{KeyCode, KeyModifiers};
use serde::{Deserialize, Deserializer};

/// A key as written in the configuration, e.g. `"ctrl-d"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct ConfigKey(pub Key);

impl<'de> Deserialize<'de> for ConfigKey {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Key::parse(&s).map(ConfigKey).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "bad key {s:?}: expected one character or space, enter, esc, tab, backspace, \
                 up, down, left, right, pgup, pgdn, home, end, optionally after ctrl-, alt- or shift-"
            ))
        })
    }
}

/// `key` in the syntax [`Key::parse`] reads: `j`, `G`, `ctrl-d`, `shift-tab`, `pgdn`.
pub fn spelling(key: Key) -> String {
    let mut s = String::new();
    for (m, name) in [
        (KeyModifiers::CONTROL, "ctrl-"),
        (KeyModifiers::ALT, "alt-"),
        (KeyModifiers::SHIFT, "shift-"),
    ] {
        if key.mods.contains(m) {
            s.push_str(name);
        }
    }
    let name = match key.code {
        KeyCode::Char(' ') => "space",
        KeyCode::Char(c) => {
            s.push(c);
            return s;
        }
        KeyCode::Enter => "enter",
        KeyCode::Esc => "esc",
        KeyCode::Tab => "tab",
        KeyCode::BackTab => "shift-tab",
        KeyCode::Backspace => "backspace",
        KeyCode::Up => "up",
        KeyCode::Down => "down",
        KeyCode::Left => "left",
        KeyCode::Right => "right",
        KeyCode::PageUp => "pgup",
        KeyCode::PageDown => "pgdn",
        KeyCode::Home => "home",
        KeyCode::End => "end",
        // Keys that Key::parse cannot produce are never bound.
        other => return format!("{s}{other}"),
    };
    s.push_str(name);
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::keymap::Keymap;

    #[test]
    fn every_default_key_is_written_so_that_it_reads_back() {
        for binding in Keymap::default().bindings() {
            for &key in &binding.keys {
                assert_eq!(Key::parse(&spelling(key)), Some(key), "{key:?}");
            }
        }
        for s in [
            "ctrl-d",
            "shift-tab",
            "G",
            "?",
            "alt-x",
            "space",
            "pgdn",
            "ctrl-alt-left",
        ] {
            assert_eq!(spelling(Key::parse(s).unwrap()), s);
        }
    }
}
