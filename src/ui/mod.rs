//! Rendering the app state into a ratatui frame: a pure function of [`App`].
//!
//! Every piece of text becomes a `Span` only after [`sanitize`]; the reader's
//! text is sanitized when it is wrapped (see [`crate::app::wrap`]).

mod browser;
mod help;
mod list;
mod profile;
mod reader;
mod sidebar;
mod status;
pub mod theme;

use crate::app::{App, Focus, Overlay};
use crate::sanitize::sanitize;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, BorderType};
use std::borrow::Cow;
use theme::Theme;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Draws the whole screen for `app` in the default theme.
pub fn render(app: &App, frame: &mut Frame) {
    render_with(app, &Theme::default(), frame);
}

/// Draws the whole screen for `app` with `theme`'s styles.
pub fn render_with(app: &App, theme: &Theme, frame: &mut Frame) {
    let area = frame.area();
    let p = app.panes();
    let clip = |r: Rect| r.intersection(area);
    list::render(app, theme, frame, clip(p.list));
    reader::render(app, theme, frame, clip(p.reader));
    sidebar::render(app, theme, frame, clip(p.sidebar), p.overlay);
    match app.overlay() {
        Some(Overlay::Profile(v)) => profile::render(app, v, theme, frame),
        Some(Overlay::Browser(b)) => browser::render(app, b, theme, frame),
        None => {}
    }
    status::render(app, theme, frame, clip(p.status));
    if let Some(top) = app.help() {
        help::render(app, theme, frame, top);
    }
}

/// A pane's frame, its border brighter when focused.
fn pane<'a>(title: impl Into<ratatui::text::Line<'a>>, focused: bool, theme: &Theme) -> Block<'a> {
    Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(if focused {
            theme.border_focused
        } else {
            theme.border
        })
        .title(title)
}

/// Whether `pane` has the keyboard.
fn focused(app: &App, pane: Focus) -> bool {
    app.focus() == pane && app.help().is_none()
}

/// `text` sanitized and cut to `width` display columns, with `…` when cut.
pub fn ellipsize(text: &str, width: usize) -> Cow<'_, str> {
    let text = sanitize(text);
    if text.width() <= width {
        return text;
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    if width > 0 {
        out.push('…');
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::ellipsize;
    use unicode_width::UnicodeWidthStr;

    #[test]
    fn ellipsis_counts_display_width() {
        assert_eq!(ellipsize("short", 10), "short");
        assert_eq!(ellipsize("a longer title", 8), "a longe…");
        // CJK characters are two columns wide: never split one, never overflow.
        let cut = ellipsize("王沪宁在新疆调研", 7);
        assert_eq!(cut, "王沪宁…");
        assert!(cut.width() <= 7);
        let emoji = ellipsize("🎉🎉🎉 party", 6);
        assert!(emoji.width() <= 6, "{emoji}");
        assert!(emoji.ends_with('…'));
        assert_eq!(ellipsize("abc", 0), "");
        assert_eq!(ellipsize("a\x1b[2Jb", 10), "a␛[2Jb");
    }
}
