//! Colours per entity kind and for highlights, and the styles they make with
//! and without colour (`NO_COLOR`).

use crate::entity::EntityKind;
use ratatui::style::{Color, Modifier, Style};
use serde::{Deserialize, Deserializer};
use std::ffi::OsStr;
use std::fmt;

/// A colour written as a name (`yellow`, `light-cyan`, `dark-gray`), a
/// 256-colour index (`208`) or `#rrggbb`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ThemeColor(pub Color);

impl<'de> Deserialize<'de> for ThemeColor {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map(ThemeColor).map_err(|_| {
            serde::de::Error::custom(format!(
                "bad colour {s:?}: expected a name such as \"yellow\" or \"light-cyan\", a number 0-255, or \"#rrggbb\""
            ))
        })
    }
}

impl fmt::Display for ThemeColor {
    /// The config spelling: `light-yellow`, `#ffaf00`, `208`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = self.0.to_string();
        for (i, c) in name.char_indices() {
            if c.is_ascii_uppercase() && i > 0 && !name.starts_with('#') {
                f.write_str("-")?;
            }
            write!(f, "{}", c.to_ascii_lowercase())?;
        }
        Ok(())
    }
}

/// The `[theme]` section.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Theme {
    /// People's names (subtle highlighting).
    pub person: ThemeColor,
    /// Organizations' names (subtle highlighting).
    pub organization: ThemeColor,
    /// Places' names (subtle highlighting).
    pub place: ThemeColor,
    /// Background of the active entity's mentions.
    pub active: ThemeColor,
    /// Background of the current mention (the one `n`/`N` moved to).
    pub current: ThemeColor,
    /// Background of search matches.
    pub search: ThemeColor,
}

impl Default for Theme {
    fn default() -> Self {
        Theme {
            person: ThemeColor(Color::LightYellow),
            organization: ThemeColor(Color::LightCyan),
            place: ThemeColor(Color::LightGreen),
            active: ThemeColor(Color::Yellow),
            current: ThemeColor(Color::LightRed),
            search: ThemeColor(Color::Magenta),
        }
    }
}

/// What a highlighted piece of text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Highlight {
    /// A mention of an entity of this kind (subtle).
    Kind(EntityKind),
    /// A mention of the active entity.
    Active,
    /// The current mention of the active entity.
    Current,
    /// A search match.
    Search,
    /// A placeholder for an unsafe character (see [`crate::sanitize`]).
    Placeholder,
}

impl Theme {
    /// The style of `highlight`; with `colors` off, highlights stay visible
    /// through bold, underline and reverse video alone.
    pub fn style(&self, highlight: Highlight, colors: bool) -> Style {
        let on = |bg: ThemeColor| Style::new().bg(bg.0).fg(Color::Black);
        match (highlight, colors) {
            (Highlight::Kind(kind), true) => Style::new().fg(self.kind(kind).0),
            (Highlight::Kind(_), false) => Style::new().add_modifier(Modifier::UNDERLINED),
            (Highlight::Active, true) => on(self.active).add_modifier(Modifier::BOLD),
            (Highlight::Active, false) => {
                Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
            }
            (Highlight::Current, true) => on(self.current).add_modifier(Modifier::BOLD),
            (Highlight::Current, false) => {
                Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
            }
            (Highlight::Search, true) => on(self.search),
            (Highlight::Search, false) => Style::new().add_modifier(Modifier::REVERSED),
            (Highlight::Placeholder, true) => Style::new().fg(Color::DarkGray),
            (Highlight::Placeholder, false) => Style::new().add_modifier(Modifier::DIM),
        }
    }

    /// The colour of an entity kind.
    pub fn kind(&self, kind: EntityKind) -> ThemeColor {
        match kind {
            EntityKind::Person => self.person,
            EntityKind::Organization => self.organization,
            EntityKind::Place => self.place,
        }
    }
}

/// Whether colours may be used: not when `NO_COLOR` is set to a non-empty
/// value (<https://no-color.org>).
pub fn colors_enabled() -> bool {
    colors_enabled_for(std::env::var_os("NO_COLOR").as_deref())
}

/// [`colors_enabled`] for a given value of `NO_COLOR`.
fn colors_enabled_for(no_color: Option<&OsStr>) -> bool {
    no_color.is_none_or(OsStr::is_empty)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_color_switches_colours_off_when_set_and_not_empty() {
        assert!(colors_enabled_for(None));
        assert!(colors_enabled_for(Some(OsStr::new(""))));
        assert!(!colors_enabled_for(Some(OsStr::new("1"))));
        assert!(!colors_enabled_for(Some(OsStr::new("anything"))));
    }

    #[test]
    fn without_colour_every_highlight_stays_visible_and_distinct() {
        let theme = Theme::default();
        let all = [
            Highlight::Kind(EntityKind::Person),
            Highlight::Active,
            Highlight::Current,
            Highlight::Search,
            Highlight::Placeholder,
        ];
        let styles: Vec<Style> = all.iter().map(|&h| theme.style(h, false)).collect();
        for (h, s) in all.iter().zip(&styles) {
            assert_eq!((s.fg, s.bg), (None, None), "{h:?} uses colour");
            assert!(!s.add_modifier.is_empty(), "{h:?} is invisible");
        }
        for i in 0..styles.len() {
            for j in i + 1..styles.len() {
                assert_ne!(styles[i], styles[j], "{:?} looks like {:?}", all[i], all[j]);
            }
        }
    }

    #[test]
    fn with_colour_the_theme_colours_are_used() {
        let theme = Theme {
            place: ThemeColor(Color::Rgb(1, 2, 3)),
            ..Theme::default()
        };
        assert_eq!(
            theme.style(Highlight::Kind(EntityKind::Place), true).fg,
            Some(Color::Rgb(1, 2, 3))
        );
        assert_eq!(theme.style(Highlight::Active, true).bg, Some(Color::Yellow));
    }

    #[test]
    fn colours_display_in_config_spelling_and_parse_back() {
        for (color, shown) in [
            (Color::LightYellow, "light-yellow"),
            (Color::DarkGray, "dark-gray"),
            (Color::Rgb(255, 175, 0), "#ffaf00"),
            (Color::Indexed(208), "208"),
            (Color::Red, "red"),
        ] {
            assert_eq!(ThemeColor(color).to_string(), shown);
            assert_eq!(shown.parse::<Color>(), Ok(color));
        }
    }
}
