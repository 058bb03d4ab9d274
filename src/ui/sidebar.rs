//! The entity sidebar: the open article's people, organizations and places,
//! with mentions here and (dimmed) articles in the collection.

use super::{ellipsize, focused, pane, theme::Theme};
use crate::app::{App, Focus, SidebarRow};
use crate::entity::EntityKind;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Clear;

/// Draws the sidebar into `area` (over the reader when `overlay`).
pub fn render(app: &App, theme: &Theme, frame: &mut Frame, area: Rect, overlay: bool) {
    if area.is_empty() {
        return;
    }
    if overlay {
        frame.render_widget(Clear, area);
    }
    let is_focused = focused(app, Focus::Sidebar);
    let block = pane(" Entities ", is_focused, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.is_empty() {
        return;
    }
    let rows = app.sidebar_rows();
    let cursor = app.sidebar();
    let index = &app.corpus().index;
    let width = inner.width as usize;
    let buf = frame.buffer_mut();
    let mut entity_no = rows[..cursor.offset.min(rows.len())]
        .iter()
        .filter(|r| matches!(r, SidebarRow::Entity { .. }))
        .count();
    for (i, row) in rows
        .iter()
        .enumerate()
        .skip(cursor.offset)
        .take(inner.height as usize)
    {
        let y = inner.y + (i - cursor.offset) as u16;
        let line = match *row {
            SidebarRow::Header(kind) => {
                let heading = match kind {
                    EntityKind::Person => "People",
                    EntityKind::Organization => "Organizations",
                    EntityKind::Place => "Places",
                };
                let pad = width.saturating_sub(heading.len() + 10);
                Line::from(vec![
                    Span::styled(heading, theme.heading),
                    Span::raw(" ".repeat(pad)),
                    Span::styled(" here  all", theme.dim),
                ])
            }
            SidebarRow::Entity { id, count } => {
                let e = index.entity(id);
                let numbers = format!(" {count:>4}");
                let articles = format!(" {:>4}", e.articles.len());
                let name_width = width.saturating_sub(numbers.len() + articles.len() + 2);
                let name = ellipsize(&e.name, name_width);
                let pad =
                    name_width.saturating_sub(unicode_width::UnicodeWidthStr::width(name.as_ref()));
                let is_active = app.active() == Some(id);
                let name_style = if is_active {
                    theme.active
                } else {
                    theme.kind(e.kind)
                };
                let mut line = Line::from(vec![
                    Span::styled(if is_active { "▶ " } else { "  " }, theme.marker),
                    Span::styled(name, name_style),
                    Span::raw(" ".repeat(pad)),
                    Span::raw(numbers),
                    Span::styled(articles, theme.dim),
                ]);
                if entity_no == cursor.selected {
                    line = line.patch_style(if is_focused {
                        theme.selected
                    } else {
                        theme.selected_unfocused
                    });
                }
                entity_no += 1;
                line
            }
        };
        buf.set_line(inner.x, y, &line, inner.width);
    }
    if rows.is_empty() {
        let msg = match (app.open(), app.loading()) {
            (None, _) => "no article open",
            // The index arrives once every article is read.
            (Some(_), Some(_)) => "indexing…",
            (Some(_), None) => "no entities found",
        };
        buf.set_line(inner.x, inner.y, &Line::styled(msg, theme.dim), inner.width);
    }
}
