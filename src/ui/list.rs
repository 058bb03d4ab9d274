//! The article list: date, markers (★ bookmarked, ● mentions the active
//! entity), title (bold when unread); only the visible rows are built.

use super::{ellipsize, focused, pane, theme::Theme};
use crate::app::{App, Focus, SearchScope};
use crate::sanitize::sanitize;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

/// Draws the list pane into `area`.
pub fn render(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    if area.is_empty() {
        return;
    }
    let is_focused = focused(app, Focus::List);
    let order = app.order();
    let total = app.corpus().articles.len();
    let mut title = if order.len() == total {
        format!(" Articles {total} ")
    } else {
        format!(" Articles {}/{total} ", order.len())
    };
    // Say what the list is filtered by.
    if let Some(id) = app.active().filter(|_| app.entity_filter()) {
        title += &format!("· {} ", sanitize(&app.corpus().index.entity(id).name));
    }
    if let Some(s) = app.search().filter(|s| s.scope == SearchScope::List) {
        title += &format!("· /{} ", sanitize(&s.query));
    }
    let block = pane(title, is_focused, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let index = &app.corpus().index;
    let mentioned = app.active().map(|id| index.articles_of(id));
    let cursor = app.list();
    let buf = frame.buffer_mut();
    for (row, &a) in order
        .iter()
        .enumerate()
        .skip(cursor.offset)
        .take(inner.height as usize)
    {
        let article = &app.corpus().articles[a as usize];
        let date = article
            .date()
            .map_or_else(|| " ".repeat(10), |d| d.to_string());
        let marks = mentioned.is_some_and(|m| m.binary_search(&a).is_ok());
        let title_width = (inner.width as usize).saturating_sub(13);
        let title = if article.title().is_empty() {
            ellipsize(article.path(), title_width)
        } else {
            ellipsize(article.title(), title_width)
        };
        let article_marks = app.marks(a);
        // Unread and open articles stand out in bold.
        let mut title_style = ratatui::style::Style::new();
        if app.open() == Some(a) || !article_marks.read {
            title_style = theme.title;
        }
        let marker = match (article_marks.bookmarked, marks) {
            (true, true) => "★● ",
            (true, false) => "★  ",
            (false, true) => " ● ",
            (false, false) => "   ",
        };
        let mut line = Line::from(vec![
            Span::styled(date, theme.dim),
            Span::styled(marker, theme.marker),
            Span::styled(title, title_style),
        ]);
        if row == cursor.selected {
            line = line.patch_style(if is_focused {
                theme.selected
            } else {
                theme.selected_unfocused
            });
        }
        let y = inner.y + (row - cursor.offset) as u16;
        buf.set_line(inner.x, y, &line, inner.width);
        if row == cursor.selected && is_focused {
            // Fill the rest of the row so the selection reads as a bar.
            let used = line.width() as u16;
            if used < inner.width {
                buf.set_style(
                    Rect::new(inner.x + used, y, inner.width - used, 1),
                    theme.selected,
                );
            }
        }
    }
    if order.is_empty() && !inner.is_empty() {
        let msg = if total == 0 {
            "no articles"
        } else {
            "no article matches"
        };
        buf.set_line(inner.x, inner.y, &Line::styled(msg, theme.dim), inner.width);
    }
}
