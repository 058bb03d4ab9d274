//! `[theme]`: colours per entity kind and for highlights, turned into the
//! view's styles, with or without colour (`NO_COLOR`).

use crate::ui::theme::Theme as Styles;
use ratatui::style::{Color, Modifier, Style};
use serde::{Deserialize, Deserializer};
use std::ffi::OsStr;
use std::fmt;

/// A colour written as a name (`yellow`, `light-cyan`, `dark-gray`), a
/// 256-colour index (`208`) or `#rrggbb`; for highlights also `reverse`
/// (reverse video instead of a colour).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Paint {
    /// Reverse video.
    Reverse,
    /// A colour.
    Color(Color),
}

/// A colour as written: a string, or a bare number (`person = 196`).
struct Written;

impl serde::de::Visitor<'_> for Written {
    type Value = String;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a colour name, a number 0-255, \"#rrggbb\" or \"reverse\"")
    }

    fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<String, E> {
        Ok(s.to_string())
    }

    fn visit_i64<E: serde::de::Error>(self, n: i64) -> Result<String, E> {
        Ok(n.to_string())
    }

    fn visit_u64<E: serde::de::Error>(self, n: u64) -> Result<String, E> {
        Ok(n.to_string())
    }
}

impl<'de> Deserialize<'de> for Paint {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = d.deserialize_any(Written)?;
        if s.eq_ignore_ascii_case("reverse") {
            return Ok(Paint::Reverse);
        }
        s.parse().map(Paint::Color).map_err(|_| {
            serde::de::Error::custom(format!(
                "bad colour {s:?}: expected a name such as \"yellow\" or \"light-cyan\", \
                 a number 0-255, \"#rrggbb\" or \"reverse\""
            ))
        })
    }
}

impl fmt::Display for Paint {
    /// The config spelling: `light-yellow`, `#ffaf00`, `208`, `reverse`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Paint::Color(color) = self else {
            return f.write_str("reverse");
        };
        let name = color.to_string();
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
    pub person: Paint,
    /// Organizations' names (subtle highlighting).
    pub organization: Paint,
    /// Places' names (subtle highlighting).
    pub place: Paint,
    /// Background of the active entity's mentions.
    pub active: Paint,
    /// Background of the current mention (the one `n`/`N` moved to).
    pub current: Paint,
    /// Background of search matches.
    pub search: Paint,
}

impl Default for Theme {
    fn default() -> Self {
        Theme {
            person: Paint::Color(Color::LightYellow),
            organization: Paint::Color(Color::LightGreen),
            place: Paint::Color(Color::LightMagenta),
            active: Paint::Color(Color::Yellow),
            current: Paint::Reverse,
            search: Paint::Color(Color::LightCyan),
        }
    }
}

impl Theme {
    /// The view's styles with these colours; with `colors` off, no colour at
    /// all, and the highlights stay visible through bold, underline and
    /// reverse video.
    pub fn styles(&self, colors: bool) -> Styles {
        if !colors {
            return monochrome();
        }
        let text = |p: Paint| match p {
            Paint::Color(c) => Style::new().fg(c),
            Paint::Reverse => Style::new().add_modifier(Modifier::REVERSED),
        };
        let background = |p: Paint| match p {
            Paint::Color(c) => Style::new().fg(Color::Black).bg(c),
            Paint::Reverse => Style::new().add_modifier(Modifier::REVERSED),
        };
        Styles {
            person: text(self.person),
            organization: text(self.organization),
            place: text(self.place),
            active: background(self.active).add_modifier(Modifier::BOLD),
            current: background(self.current).add_modifier(Modifier::BOLD),
            search: background(self.search),
            ..Styles::default()
        }
    }
}

/// The default styles without any colour.
fn monochrome() -> Styles {
    let d = Styles::default();
    let plain = |s: Style| Style {
        fg: None,
        bg: None,
        ..s
    };
    let with = |m: Modifier| Style::new().add_modifier(m);
    Styles {
        border: plain(d.border),
        border_focused: with(Modifier::BOLD),
        title: plain(d.title),
        dim: with(Modifier::DIM),
        dateline: with(Modifier::BOLD),
        caption: plain(d.caption),
        credit: plain(d.credit),
        caption_mark: with(Modifier::BOLD),
        person: with(Modifier::UNDERLINED),
        organization: with(Modifier::UNDERLINED),
        place: with(Modifier::UNDERLINED),
        active: with(Modifier::BOLD | Modifier::UNDERLINED),
        current: with(Modifier::REVERSED | Modifier::BOLD),
        search: with(Modifier::REVERSED | Modifier::UNDERLINED),
        selected: plain(d.selected),
        selected_unfocused: plain(d.selected_unfocused),
        marker: with(Modifier::BOLD),
        heading: with(Modifier::BOLD),
        message: with(Modifier::BOLD),
        key: with(Modifier::BOLD),
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
    fn the_default_theme_gives_the_views_default_styles() {
        assert_eq!(Theme::default().styles(true), Styles::default());
    }

    #[test]
    fn without_colour_no_style_has_a_colour_and_highlights_stay_distinct() {
        let s = Theme::default().styles(false);
        let all = [
            s.border,
            s.border_focused,
            s.title,
            s.dim,
            s.dateline,
            s.caption,
            s.credit,
            s.caption_mark,
            s.person,
            s.organization,
            s.place,
            s.active,
            s.current,
            s.search,
            s.selected,
            s.selected_unfocused,
            s.marker,
            s.heading,
            s.message,
            s.key,
        ];
        assert!(all.iter().all(|st| st.fg.is_none() && st.bg.is_none()));
        let highlights = [s.person, s.active, s.current, s.search, s.selected];
        for (i, a) in highlights.iter().enumerate() {
            assert!(!a.add_modifier.is_empty(), "highlight {i} is invisible");
            for b in &highlights[i + 1..] {
                assert_ne!(a, b);
            }
        }
    }

    #[test]
    fn configured_colours_reach_the_styles() {
        let theme = Theme {
            place: Paint::Color(Color::Rgb(1, 2, 3)),
            current: Paint::Color(Color::Red),
            ..Theme::default()
        };
        let s = theme.styles(true);
        assert_eq!(s.place.fg, Some(Color::Rgb(1, 2, 3)));
        assert_eq!(s.current.bg, Some(Color::Red));
    }

    #[test]
    fn paints_display_in_config_spelling() {
        for (paint, shown) in [
            (Paint::Color(Color::LightYellow), "light-yellow"),
            (Paint::Color(Color::DarkGray), "dark-gray"),
            (Paint::Color(Color::Rgb(255, 175, 0)), "#ffaf00"),
            (Paint::Color(Color::Indexed(208)), "208"),
            (Paint::Reverse, "reverse"),
        ] {
            assert_eq!(paint.to_string(), shown);
        }
    }
}
