//! The one table of key bindings. It dispatches keys, and the `?` help and the
//! status-bar hints are generated from it, so they never drift apart.
//!
//! Bindings are data: a [`Command`] (by its stable name) with key strings such
//! as `j`, `ctrl-d`, `shift-tab`, `pgdn`, so a configuration file can remap them.

use crate::app::{Action, Command};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use std::fmt;

/// A key with its modifiers, normalized (no `shift` on characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    /// The key.
    pub code: KeyCode,
    /// Ctrl and Alt (Shift is part of the character).
    pub mods: KeyModifiers,
}

impl Key {
    /// Parses `j`, `G`, `?`, `ctrl-d`, `alt-x`, `shift-tab`, `space`, `enter`,
    /// `esc`, `tab`, `backspace`, `up`, `down`, `left`, `right`, `pgup`, `pgdn`,
    /// `home`, `end`. `shift-` before a letter is its capital (`shift-g` is
    /// `G`, what the terminal sends); before another character it is refused.
    pub fn parse(s: &str) -> Option<Key> {
        let mut mods = KeyModifiers::NONE;
        let mut rest = s;
        loop {
            if let Some(r) = rest.strip_prefix("ctrl-") {
                mods |= KeyModifiers::CONTROL;
                rest = r;
            } else if let Some(r) = rest.strip_prefix("alt-") {
                mods |= KeyModifiers::ALT;
                rest = r;
            } else if let Some(r) = rest.strip_prefix("shift-") {
                mods |= KeyModifiers::SHIFT;
                rest = r;
            } else {
                break;
            }
        }
        let code = match rest {
            "space" => KeyCode::Char(' '),
            "enter" => KeyCode::Enter,
            "esc" => KeyCode::Esc,
            "tab" if mods.contains(KeyModifiers::SHIFT) => KeyCode::BackTab,
            "tab" => KeyCode::Tab,
            "backspace" => KeyCode::Backspace,
            "up" => KeyCode::Up,
            "down" => KeyCode::Down,
            "left" => KeyCode::Left,
            "right" => KeyCode::Right,
            "pgup" => KeyCode::PageUp,
            "pgdn" => KeyCode::PageDown,
            "home" => KeyCode::Home,
            "end" => KeyCode::End,
            _ => {
                let mut chars = rest.chars();
                match (chars.next(), chars.next()) {
                    (Some(c), None) if !mods.contains(KeyModifiers::SHIFT) => KeyCode::Char(c),
                    (Some(c), None) if c.is_alphabetic() => {
                        KeyCode::Char(c.to_uppercase().next().unwrap_or(c))
                    }
                    _ => return None,
                }
            }
        };
        Some(Key::new(code, mods))
    }

    /// A key, normalized as events are.
    pub fn new(code: KeyCode, mods: KeyModifiers) -> Key {
        let mods = match code {
            KeyCode::Char(_) | KeyCode::BackTab => mods - KeyModifiers::SHIFT,
            _ => mods,
        };
        Key {
            code,
            mods: mods & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT),
        }
    }
}

impl From<&KeyEvent> for Key {
    fn from(e: &KeyEvent) -> Key {
        Key::new(e.code, e.modifiers)
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.mods.contains(KeyModifiers::CONTROL) {
            f.write_str("C-")?;
        }
        if self.mods.contains(KeyModifiers::ALT) {
            f.write_str("M-")?;
        }
        if self.mods.contains(KeyModifiers::SHIFT) {
            f.write_str("S-")?;
        }
        match self.code {
            KeyCode::Char(' ') => f.write_str("Space"),
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::BackTab => f.write_str("S-Tab"),
            KeyCode::PageUp => f.write_str("PgUp"),
            KeyCode::PageDown => f.write_str("PgDn"),
            other => write!(f, "{other}"),
        }
    }
}

/// What the mouse does, listed in the help after the key bindings.
pub const MOUSE_HELP: [(&str, &str); 2] = [
    ("wheel", "scroll the pane under the mouse"),
    (
        "click",
        "open an article; make an entity (or a name in the text) active",
    ),
];

/// One binding: a command, its keys, what it does, and its status-bar hint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binding {
    /// What the keys do.
    pub command: Command,
    /// The keys, first one shown in hints.
    pub keys: Vec<Key>,
    /// A line for the help screen.
    pub description: &'static str,
    /// A word for the status bar, for the commands worth a hint.
    pub hint: Option<&'static str>,
}

/// The default bindings: command name, keys, description, hint.
const DEFAULT: &[(&str, &[&str], &str, Option<&str>)] = &[
    ("down", &["j", "down"], "move down / scroll down", None),
    ("up", &["k", "up"], "move up / scroll up", None),
    ("page_down", &["space", "pgdn"], "page down", None),
    ("page_up", &["pgup"], "page up", None),
    ("half_page_down", &["ctrl-d"], "half a page down", None),
    ("half_page_up", &["ctrl-u"], "half a page up", None),
    ("top", &["g", "home"], "go to the top", None),
    ("bottom", &["G", "end"], "go to the bottom", None),
    (
        "focus_next",
        &["tab", "right"],
        "focus the next pane",
        Some("pane"),
    ),
    (
        "focus_prev",
        &["shift-tab", "left"],
        "focus the previous pane",
        None,
    ),
    (
        "open",
        &["enter"],
        "open article (list) / make entity active (sidebar)",
        Some("open"),
    ),
    (
        "next_mention",
        &["n"],
        "next mention of the active entity (or search match)",
        Some("next"),
    ),
    (
        "prev_mention",
        &["N"],
        "previous mention of the active entity (or search match)",
        None,
    ),
    (
        "search",
        &["/"],
        "search: filter the list, or find in the article",
        Some("search"),
    ),
    (
        "cancel",
        &["esc"],
        "clear the search / close the overlay",
        None,
    ),
    (
        "filter_entity",
        &["f"],
        "list only articles mentioning the active entity",
        Some("filter"),
    ),
    (
        "cycle_sort",
        &["s"],
        "sort: date newest first, oldest first, title",
        None,
    ),
    (
        "cycle_captions",
        &["c"],
        "captions: alongside, inline, hidden",
        Some("captions"),
    ),
    (
        "toggle_highlights",
        &["h"],
        "highlight other entities subtly, or not",
        None,
    ),
    (
        "toggle_sidebar",
        &["e"],
        "show the entity sidebar (over the reader when narrow)",
        Some("entities"),
    ),
    (
        "toggle_read",
        &["u"],
        "mark the article read or unread",
        None,
    ),
    (
        "toggle_bookmark",
        &["b"],
        "bookmark the article, or remove the bookmark",
        None,
    ),
    (
        "bookmarked_only",
        &["B"],
        "list only bookmarked articles",
        None,
    ),
    (
        "profile",
        &["p"],
        "profile of the active entity: timeline, concordance",
        None,
    ),
    (
        "entities",
        &["E"],
        "browse all entities of the collection (type to filter)",
        None,
    ),
    ("help", &["?"], "show this help", Some("help")),
    ("quit", &["q", "ctrl-c"], "quit", Some("quit")),
];

/// The bindings of every command.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    bindings: Vec<Binding>,
}

impl Default for Keymap {
    fn default() -> Keymap {
        let bindings = DEFAULT
            .iter()
            .map(|&(name, keys, description, hint)| Binding {
                command: Command::from_name(name).expect("default bindings name real commands"),
                keys: keys
                    .iter()
                    .map(|k| Key::parse(k).expect("default keys parse"))
                    .collect(),
                description,
                hint,
            })
            .collect();
        Keymap { bindings }
    }
}

impl Keymap {
    /// All bindings, in help order.
    pub fn bindings(&self) -> &[Binding] {
        &self.bindings
    }

    /// Binds `command` to `keys` instead of its current keys; other commands
    /// lose any of these keys.
    pub fn rebind(&mut self, command: Command, keys: Vec<Key>) {
        for b in &mut self.bindings {
            b.keys.retain(|k| !keys.contains(k));
        }
        if let Some(b) = self.bindings.iter_mut().find(|b| b.command == command) {
            b.keys = keys;
        }
    }

    /// The command bound to `key`.
    pub fn command(&self, key: Key) -> Option<Command> {
        self.bindings
            .iter()
            .find(|b| b.keys.contains(&key))
            .map(|b| b.command)
    }

    /// The keys of `command` for display, e.g. `j/Down`.
    pub fn keys_label(&self, command: Command) -> String {
        self.bindings
            .iter()
            .find(|b| b.command == command)
            .map(|b| {
                b.keys
                    .iter()
                    .map(Key::to_string)
                    .collect::<Vec<_>>()
                    .join("/")
            })
            .unwrap_or_default()
    }

    /// The status-bar hints: `(first key, hint)` of each hinted binding.
    pub fn hints(&self) -> impl Iterator<Item = (Key, &'static str)> + '_ {
        self.bindings
            .iter()
            .filter_map(|b| Some((*b.keys.first()?, b.hint?)))
    }

    /// The action for a key press in the entity browser: text goes to its
    /// filter; arrows, pages, `Tab` (sort), `Enter` and `Esc` act on the list.
    pub fn browser_action(&self, event: &KeyEvent) -> Option<Action> {
        if event.kind == KeyEventKind::Release {
            return None;
        }
        let key = Key::from(event);
        let command = match key.code {
            KeyCode::Char('c') if key.mods.contains(KeyModifiers::CONTROL) => Command::Quit,
            KeyCode::Char(c) if key.mods.is_empty() => return Some(Action::SearchInput(c)),
            KeyCode::Backspace => return Some(Action::SearchBackspace),
            KeyCode::Enter => Command::Open,
            KeyCode::Esc => Command::Cancel,
            KeyCode::Tab | KeyCode::BackTab => Command::FocusNext,
            KeyCode::Up => Command::Up,
            KeyCode::Down => Command::Down,
            KeyCode::PageUp => Command::PageUp,
            KeyCode::PageDown => Command::PageDown,
            KeyCode::Home => Command::Top,
            KeyCode::End => Command::Bottom,
            _ => return None,
        };
        Some(Action::Run(command))
    }

    /// The action for a key press; `editing` sends text keys to the search prompt.
    pub fn action(&self, event: &KeyEvent, editing: bool) -> Option<Action> {
        if event.kind == KeyEventKind::Release {
            return None;
        }
        let key = Key::from(event);
        if key == Key::new(KeyCode::Char('c'), KeyModifiers::CONTROL) {
            return Some(Action::Run(Command::Quit));
        }
        if editing {
            return match key.code {
                KeyCode::Esc => Some(Action::Run(Command::Cancel)),
                KeyCode::Enter => Some(Action::SearchConfirm),
                KeyCode::Backspace => Some(Action::SearchBackspace),
                KeyCode::Char(c) if key.mods.is_empty() => Some(Action::SearchInput(c)),
                _ => None,
            };
        }
        self.command(key).map(Action::Run)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, mods)
    }

    #[test]
    fn every_command_has_a_key_and_keys_are_unique() {
        let map = Keymap::default();
        for c in Command::ALL {
            assert!(!map.keys_label(c).is_empty(), "{} has no key", c.name());
        }
        let mut all: Vec<Key> = map.bindings().iter().flat_map(|b| b.keys.clone()).collect();
        let n = all.len();
        all.sort_by_key(|k| k.to_string());
        all.dedup();
        assert_eq!(all.len(), n, "a key is bound twice");
    }

    #[test]
    fn events_dispatch_through_the_table() {
        let map = Keymap::default();
        let act = |code, mods| {
            map.action(&press(code, mods), false)
                .map(|a| format!("{a:?}"))
        };
        assert_eq!(
            act(KeyCode::Char('j'), KeyModifiers::NONE),
            Some("Run(Down)".into())
        );
        // Terminals report `G` with Shift.
        assert_eq!(
            act(KeyCode::Char('G'), KeyModifiers::SHIFT),
            Some("Run(Bottom)".into())
        );
        assert_eq!(
            act(KeyCode::BackTab, KeyModifiers::SHIFT),
            Some("Run(FocusPrev)".into())
        );
        assert_eq!(
            act(KeyCode::Char('d'), KeyModifiers::CONTROL),
            Some("Run(HalfPageDown)".into())
        );
        assert_eq!(act(KeyCode::Char('x'), KeyModifiers::NONE), None);
    }

    #[test]
    fn search_prompt_takes_text_but_ctrl_c_still_quits() {
        let map = Keymap::default();
        let edit = |code, mods| {
            map.action(&press(code, mods), true)
                .map(|a| format!("{a:?}"))
        };
        assert_eq!(
            edit(KeyCode::Char('q'), KeyModifiers::NONE),
            Some("SearchInput('q')".into())
        );
        assert_eq!(
            edit(KeyCode::Char('c'), KeyModifiers::CONTROL),
            Some("Run(Quit)".into())
        );
        assert_eq!(
            edit(KeyCode::Enter, KeyModifiers::NONE),
            Some("SearchConfirm".into())
        );
    }

    #[test]
    fn rebinding_moves_a_key_and_the_labels_follow() {
        let mut map = Keymap::default();
        map.rebind(Command::NextMention, vec![Key::parse("j").unwrap()]);
        assert_eq!(
            map.command(Key::parse("j").unwrap()),
            Some(Command::NextMention)
        );
        assert_eq!(map.command(Key::parse("n").unwrap()), None);
        assert_eq!(map.keys_label(Command::Down), "Down");
        assert_eq!(map.keys_label(Command::NextMention), "j");
    }

    #[test]
    fn key_strings_parse_and_display() {
        assert_eq!(Key::parse("ctrl-u").unwrap().to_string(), "C-u");
        assert_eq!(Key::parse("shift-tab").unwrap().to_string(), "S-Tab");
        assert_eq!(Key::parse("space").unwrap().to_string(), "Space");
        assert_eq!(Key::parse("pgdn").unwrap().to_string(), "PgDn");
        assert_eq!(Key::parse("nope"), None);
    }
}
