//! Colours and text attributes of every element of the screen.

use crate::entity::EntityKind;
use ratatui::style::{Color, Modifier, Style};

/// The styles the view draws with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// Pane borders.
    pub border: Style,
    /// The focused pane's border.
    pub border_focused: Style,
    /// The article's headline.
    pub title: Style,
    /// Metadata line, dates, counts, anything secondary.
    pub dim: Style,
    /// The dateline opening the body.
    pub dateline: Style,
    /// Caption text.
    pub caption: Style,
    /// A caption's credit.
    pub credit: Style,
    /// The bar marking captions.
    pub caption_mark: Style,
    /// Subtle highlight of people.
    pub person: Style,
    /// Subtle highlight of organizations.
    pub organization: Style,
    /// Subtle highlight of places.
    pub place: Style,
    /// Every mention of the active entity.
    pub active: Style,
    /// The current mention or search match (patched over the rest).
    pub current: Style,
    /// Search matches.
    pub search: Style,
    /// The selected row of the focused list.
    pub selected: Style,
    /// The selected row of an unfocused list.
    pub selected_unfocused: Style,
    /// The list's marker of articles mentioning the active entity.
    pub marker: Style,
    /// Sidebar group headings.
    pub heading: Style,
    /// Status-bar messages.
    pub message: Style,
    /// Keys in hints and help.
    pub key: Style,
}

impl Default for Theme {
    fn default() -> Theme {
        let fg = |c| Style::new().fg(c);
        Theme {
            border: fg(Color::DarkGray),
            border_focused: fg(Color::Cyan),
            title: Style::new().add_modifier(Modifier::BOLD),
            dim: fg(Color::DarkGray),
            dateline: Style::new()
                .fg(Color::LightRed)
                .add_modifier(Modifier::BOLD),
            caption: Style::new().fg(Color::Gray).add_modifier(Modifier::ITALIC),
            credit: fg(Color::DarkGray).add_modifier(Modifier::ITALIC),
            caption_mark: fg(Color::Blue),
            person: fg(Color::LightYellow),
            organization: fg(Color::LightGreen),
            place: fg(Color::LightMagenta),
            active: Style::new()
                .fg(Color::Black)
                .bg(Color::Yellow)
                .add_modifier(Modifier::BOLD),
            current: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            search: Style::new().fg(Color::Black).bg(Color::LightCyan),
            selected: Style::new().add_modifier(Modifier::REVERSED),
            selected_unfocused: Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            marker: fg(Color::Yellow),
            heading: fg(Color::Cyan).add_modifier(Modifier::BOLD),
            message: fg(Color::Yellow),
            key: fg(Color::Cyan).add_modifier(Modifier::BOLD),
        }
    }
}

impl Theme {
    /// The subtle highlight of an entity kind.
    pub fn kind(&self, kind: EntityKind) -> Style {
        match kind {
            EntityKind::Person => self.person,
            EntityKind::Organization => self.organization,
            EntityKind::Place => self.place,
        }
    }
}
