//! The user's configuration: `config.toml` in [`crate::paths::config_dir`].
//!
//! Every section and setting is optional; what is not set keeps its default.
//! An unknown setting or a bad value is an error naming the file and line,
//! never a silent default. `dateline --print-config` prints [`default_toml`].

pub mod keys;
pub mod theme;

use crate::app::{CaptionMode, Command, SortOrder};
use crate::keymap::{Key, Keymap};
use keys::ConfigKey;
use ratatui::crossterm::event::{KeyCode, KeyModifiers};
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use theme::Theme;
use toml::Spanned;

/// The configuration spelling of [`CaptionMode`].
#[derive(Deserialize)]
#[serde(remote = "CaptionMode", rename_all = "kebab-case")]
enum CaptionModeName {
    Alongside,
    Inline,
    Hidden,
}

/// The configuration spelling of [`SortOrder`].
#[derive(Deserialize)]
#[serde(remote = "SortOrder")]
enum SortOrderName {
    #[serde(rename = "date-desc")]
    NewestFirst,
    #[serde(rename = "date-asc")]
    OldestFirst,
    #[serde(rename = "title")]
    Title,
}

/// How [`CaptionMode`] is written in the configuration.
fn caption_mode_name(mode: CaptionMode) -> &'static str {
    match mode {
        CaptionMode::Alongside => "alongside",
        CaptionMode::Inline => "inline",
        CaptionMode::Hidden => "hidden",
    }
}

/// How [`SortOrder`] is written in the configuration.
fn sort_order_name(sort: SortOrder) -> &'static str {
    match sort {
        SortOrder::NewestFirst => "date-desc",
        SortOrder::OldestFirst => "date-asc",
        SortOrder::Title => "title",
    }
}

/// The `[reader]` section.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ReaderConfig {
    /// The caption mode at start (`c` cycles it).
    #[serde(with = "CaptionModeName")]
    pub caption_mode: CaptionMode,
}

impl Default for ReaderConfig {
    fn default() -> Self {
        ReaderConfig {
            caption_mode: CaptionMode::Alongside,
        }
    }
}

/// The `[list]` section.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ListConfig {
    /// The sort order at start (`s` cycles it).
    #[serde(with = "SortOrderName")]
    pub sort: SortOrder,
}

impl Default for ListConfig {
    fn default() -> Self {
        ListConfig {
            sort: SortOrder::NewestFirst,
        }
    }
}

/// The whole configuration, defaults filled in.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Config {
    /// Key bindings: the defaults with `[keys]` applied.
    pub keymap: Keymap,
    /// Colours.
    pub theme: Theme,
    /// Reader settings.
    pub reader: ReaderConfig,
    /// List settings.
    pub list: ListConfig,
}

/// The file as written: `[keys]` lists only the commands the user rebinds.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ConfigFile {
    #[serde(default)]
    keys: BTreeMap<Spanned<String>, Vec<Spanned<ConfigKey>>>,
    #[serde(default)]
    theme: Theme,
    #[serde(default)]
    reader: ReaderConfig,
    #[serde(default)]
    list: ListConfig,
}

/// The configuration could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// The file exists but could not be read.
    #[error("{}: {source}", path.display())]
    Read {
        /// The configuration file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// The file has a syntax error, an unknown setting or a bad value.
    #[error("{}:{line}: {message}", path.display())]
    Invalid {
        /// The configuration file.
        path: PathBuf,
        /// The line of the problem, from 1.
        line: usize,
        /// What is wrong.
        message: String,
    },
}

impl Config {
    /// `config.toml` in the configuration directory, when there is one.
    pub fn default_path() -> Option<PathBuf> {
        crate::paths::config_dir().map(|d| d.join("config.toml"))
    }

    /// Reads the configuration at `path`; the defaults when it does not exist.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        match std::fs::read_to_string(path) {
            Ok(text) => Config::parse(&text, path),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Config::default()),
            Err(source) => Err(ConfigError::Read {
                path: path.to_path_buf(),
                source,
            }),
        }
    }

    /// Parses the text of a configuration file; `path` names it in errors.
    pub fn parse(text: &str, path: &Path) -> Result<Config, ConfigError> {
        let invalid = |offset: usize, message: String| ConfigError::Invalid {
            path: path.to_path_buf(),
            line: text[..offset.min(text.len())].matches('\n').count() + 1,
            message,
        };
        let file: ConfigFile = toml::from_str(text).map_err(|e| {
            let offset = e.span().map_or(0, |s| s.start);
            invalid(offset, e.message().trim_end().to_string())
        })?;

        let mut config = Config::default();
        // A key given to two commands here is a mistake; given to one, it
        // leaves whichever command had it by default.
        let mut claimed: HashMap<Key, &str> = HashMap::new();
        for (name, keys) in &file.keys {
            let Some(command) = Command::from_name(name.get_ref()) else {
                let names: Vec<&str> = Command::ALL.iter().map(|c| c.name()).collect();
                return Err(invalid(
                    name.span().start,
                    format!(
                        "unknown command `{}` in [keys], expected one of: {}",
                        name.get_ref(),
                        names.join(", ")
                    ),
                ));
            };
            for key in keys {
                let ctrl_c = Key::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
                if key.get_ref().0 == ctrl_c && command != Command::Quit {
                    return Err(invalid(
                        key.span().start,
                        format!("`ctrl-c` always quits; it cannot be `{}`", name.get_ref()),
                    ));
                }
                if let Some(other) = claimed.insert(key.get_ref().0, name.get_ref()) {
                    return Err(invalid(
                        key.span().start,
                        format!(
                            "key `{}` is given to both `{other}` and `{}`",
                            keys::spelling(key.get_ref().0),
                            name.get_ref()
                        ),
                    ));
                }
            }
            let keys = keys.iter().map(|k| k.get_ref().0).collect();
            config.keymap.rebind(command, keys);
        }
        config.theme = file.theme;
        config.reader = file.reader;
        config.list = file.list;
        Ok(config)
    }
}

/// The full default configuration as a commented `config.toml`.
pub fn default_toml() -> String {
    let config = Config::default();
    let mut out = String::from(
        "# dateline configuration: $XDG_CONFIG_HOME/dateline/config.toml\n\
         # Every setting is optional; this file lists the defaults.\n\n\
         # Keys of each command: one character (j, G, ?, /) or space, enter, esc, tab,\n\
         # backspace, up, down, left, right, pgup, pgdn, home, end, optionally after\n\
         # ctrl-, alt- or shift- (ctrl-d, shift-tab). A key listed here leaves the\n\
         # command that has it by default.\n\
         [keys]\n",
    );
    for binding in config.keymap.bindings() {
        let list: Vec<String> = binding
            .keys
            .iter()
            .map(|&k| toml::Value::String(keys::spelling(k)).to_string())
            .collect();
        let _ = writeln!(
            out,
            "# {}\n{} = [{}]",
            binding.description,
            binding.command.name(),
            list.join(", ")
        );
    }
    let t = &config.theme;
    let _ = write!(
        out,
        "\n# Colours: a name (yellow, light-cyan, dark-gray …), 0-255, or \"#rrggbb\".\n\
         # With NO_COLOR set, highlights use bold, underline and reverse video instead.\n\
         [theme]\n\
         person = \"{}\"\n\
         organization = \"{}\"\n\
         place = \"{}\"\n\
         # Backgrounds: the active entity's mentions, the current mention, search matches.\n\
         active = \"{}\"\n\
         current = \"{}\"\n\
         search = \"{}\"\n\n\
         [reader]\n\
         # \"alongside\" (captions beside the body when there is room), \"inline\" or \"hidden\".\n\
         caption_mode = \"{}\"\n\n\
         [list]\n\
         # \"date-desc\", \"date-asc\" or \"title\".\n\
         sort = \"{}\"\n",
        t.person,
        t.organization,
        t.place,
        t.active,
        t.current,
        t.search,
        caption_mode_name(config.reader.caption_mode),
        sort_order_name(config.list.sort),
    );
    out
}
