//! The user's configuration: `config.toml` in [`crate::paths::config_dir`].
//!
//! Every section and setting is optional; what is not set keeps its default.
//! An unknown setting or a bad value is an error naming the file and line,
//! never a silent default. `dateline --print-config` prints [`default_toml`].

pub mod keys;
pub mod theme;

use keys::{DEFAULT_BINDINGS, KeySpec};
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use theme::Theme;
use toml::Spanned;

/// How captions are shown next to the body.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CaptionMode {
    /// In a column beside the body, when the pane is wide enough.
    #[default]
    Alongside,
    /// As marked blocks in the flow of the text.
    Inline,
    /// Not shown.
    Hidden,
}

impl CaptionMode {
    /// The name used in the configuration and the status bar.
    pub fn name(self) -> &'static str {
        match self {
            CaptionMode::Alongside => "alongside",
            CaptionMode::Inline => "inline",
            CaptionMode::Hidden => "hidden",
        }
    }
}

/// The order of the article list.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SortOrder {
    /// Newest first.
    #[default]
    DateDesc,
    /// Oldest first.
    DateAsc,
    /// By title.
    Title,
}

impl SortOrder {
    /// The name used in the configuration and the status bar.
    pub fn name(self) -> &'static str {
        match self {
            SortOrder::DateDesc => "date-desc",
            SortOrder::DateAsc => "date-asc",
            SortOrder::Title => "title",
        }
    }
}

/// The `[reader]` section.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ReaderConfig {
    /// The caption mode at start (`c` cycles it).
    pub caption_mode: CaptionMode,
}

/// The `[list]` section.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ListConfig {
    /// The sort order at start (`s` cycles it).
    pub sort: SortOrder,
}

/// The whole configuration, defaults filled in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// The keys of every action in [`DEFAULT_BINDINGS`], in that order.
    pub keys: Vec<(&'static str, Vec<KeySpec>)>,
    /// Colours.
    pub theme: Theme,
    /// Reader settings.
    pub reader: ReaderConfig,
    /// List settings.
    pub list: ListConfig,
}

/// The file as written: `[keys]` lists only the actions the user rebinds.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ConfigFile {
    #[serde(default)]
    keys: BTreeMap<Spanned<String>, Vec<Spanned<KeySpec>>>,
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

impl Default for Config {
    fn default() -> Self {
        let keys = DEFAULT_BINDINGS
            .iter()
            .map(|(action, keys)| {
                let specs = keys.iter().map(|k| k.parse().expect("default key parses"));
                (*action, specs.collect())
            })
            .collect();
        Config {
            keys,
            theme: Theme::default(),
            reader: ReaderConfig::default(),
            list: ListConfig::default(),
        }
    }
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
        // Where each rebound action's keys are written, to point at a clash.
        let mut written_at: HashMap<&str, usize> = HashMap::new();
        for (action, specs) in file.keys {
            let Some(slot) = config.keys.iter_mut().find(|(a, _)| *a == action.get_ref()) else {
                let names: Vec<&str> = DEFAULT_BINDINGS.iter().map(|(a, _)| *a).collect();
                return Err(invalid(
                    action.span().start,
                    format!(
                        "unknown action `{}` in [keys], expected one of: {}",
                        action.get_ref(),
                        names.join(", ")
                    ),
                ));
            };
            written_at.insert(slot.0, action.span().start);
            slot.1 = specs.iter().map(|s| *s.get_ref()).collect();
        }
        // Rebinding a key without freeing it elsewhere would make one of the two unreachable.
        let mut owner: HashMap<KeySpec, &str> = HashMap::new();
        for (action, specs) in &config.keys {
            for spec in specs {
                if let Some(other) = owner.insert(*spec, action) {
                    let offset = written_at.get(action).or(written_at.get(other));
                    return Err(invalid(
                        offset.copied().unwrap_or(0),
                        format!("key `{spec}` is bound to both `{other}` and `{action}`"),
                    ));
                }
            }
        }
        config.theme = file.theme;
        config.reader = file.reader;
        config.list = file.list;
        Ok(config)
    }

    /// The keys bound to `action` (empty for an unknown action).
    pub fn keys_of(&self, action: &str) -> &[KeySpec] {
        self.keys
            .iter()
            .find(|(a, _)| *a == action)
            .map_or(&[], |(_, k)| k.as_slice())
    }
}

/// The full default configuration as a commented `config.toml`.
pub fn default_toml() -> String {
    let config = Config::default();
    let mut out = String::from(
        "# dateline configuration: $XDG_CONFIG_HOME/dateline/config.toml\n\
         # Every setting is optional; this file lists the defaults.\n\n\
         # Keys for each action: a character (j, G, ?, /), a key name (enter, esc,\n\
         # tab, space, backspace, up, down, left, right, home, end, pageup, pagedown,\n\
         # f1..f24), optionally after ctrl-, alt-, shift- or super- (ctrl-d, shift-tab).\n\
         [keys]\n",
    );
    for (action, specs) in &config.keys {
        let list: Vec<String> = specs
            .iter()
            .map(|s| toml::Value::String(s.to_string()).to_string())
            .collect();
        let _ = writeln!(out, "{action} = [{}]", list.join(", "));
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
        config.reader.caption_mode.name(),
        config.list.sort.name(),
    );
    out
}
