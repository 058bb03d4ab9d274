//! The collection's entity browser: every entity grouped by kind, with its
//! articles and mentions, filtered fuzzily as you type.

use super::{ellipsize, pane, theme::Theme};
use crate::app::{App, Browser, BrowserRow};
use crate::entity::EntityKind;
use crate::sanitize::sanitize;
use ratatui::Frame;
use ratatui::layout::{Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Clear;
use unicode_width::UnicodeWidthStr;

/// Draws the browser `b` over the reader, above the status bar.
pub fn render(app: &App, b: &Browser, theme: &Theme, frame: &mut Frame) {
    let (w, h) = app.size();
    let area = Rect::new(0, 0, w, h.saturating_sub(1)).intersection(frame.area());
    if area.is_empty() {
        return;
    }
    frame.render_widget(Clear, area);
    let sort = if b.by_name { "name" } else { "articles" };
    let title = format!(" Entities · by {sort} (Tab) · Enter: profile · Esc: back ");
    let block = pane(title, true, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.is_empty() {
        return;
    }
    let buf = frame.buffer_mut();
    let count = b.entities().count();
    let prompt = Line::from(vec![
        Span::styled("filter: ", theme.key),
        Span::raw(sanitize(&b.query).into_owned()),
        Span::styled("▏", theme.key),
        Span::styled(format!("  {count} entities"), theme.dim),
    ]);
    buf.set_line(inner.x, inner.y, &prompt, inner.width);
    let list = inner.inner(Margin::new(0, 0));
    let list = Rect {
        y: list.y + 1,
        height: list.height.saturating_sub(1),
        ..list
    };
    let index = &app.corpus().index;
    let width = list.width as usize;
    let mut entity_no = b.rows[..b.cursor.offset.min(b.rows.len())]
        .iter()
        .filter(|r| matches!(r, BrowserRow::Entity(_)))
        .count();
    for (i, row) in b
        .rows
        .iter()
        .enumerate()
        .skip(b.cursor.offset)
        .take(list.height as usize)
    {
        let y = list.y + (i - b.cursor.offset) as u16;
        let line = match *row {
            BrowserRow::Header(kind, n) => {
                let heading = match kind {
                    EntityKind::Person => "People",
                    EntityKind::Organization => "Organizations",
                    EntityKind::Place => "Places",
                };
                let heading = format!("{heading} ({n})");
                let tail = format!(
                    " {:>4} {:>6}  {:<10}  {:<10}",
                    "arts", "ments", "first", "last"
                );
                let pad = width.saturating_sub(heading.len() + tail.len());
                Line::from(vec![
                    Span::styled(heading, theme.heading),
                    Span::raw(" ".repeat(pad)),
                    Span::styled(tail, theme.dim),
                ])
            }
            BrowserRow::Entity(id) => {
                let e = index.entity(id);
                let date =
                    |d: Option<crate::article::Date>| d.map_or("-".into(), |d| d.to_string());
                let dates = format!("  {:<10}  {:<10}", date(e.first_date), date(e.last_date));
                let counts = format!(" {:>4} {:>6}", e.articles.len(), e.mentions);
                let name_w = width.saturating_sub(counts.len() + dates.len() + 2);
                let name = ellipsize(&e.name, name_w);
                let pad = name_w.saturating_sub(name.width());
                let mut line = Line::from(vec![
                    Span::raw("  "),
                    Span::styled(name, theme.kind(e.kind)),
                    Span::raw(" ".repeat(pad)),
                    Span::raw(counts),
                    Span::styled(dates, theme.dim),
                ]);
                if entity_no == b.cursor.selected {
                    line = line.patch_style(theme.selected);
                }
                entity_no += 1;
                line
            }
        };
        buf.set_line(list.x, y, &line, list.width);
    }
    if b.rows.is_empty() && !list.is_empty() {
        let msg = Line::styled("no entity matches", theme.dim);
        buf.set_line(list.x, list.y, &msg, list.width);
    }
}
