//! The `?` help: every binding and what it does, from the keymap table.

use super::theme::Theme;
use crate::app::App;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph};

/// Draws the help over the screen, scrolled to line `top`.
pub fn render(app: &App, theme: &Theme, frame: &mut Frame, top: usize) {
    let area = frame.area();
    let keymap = app.keymap();
    let lines: Vec<Line> = keymap
        .bindings()
        .iter()
        .map(|b| {
            Line::from(vec![
                Span::styled(format!("{:<14}", keymap.keys_label(b.command)), theme.key),
                Span::raw(b.description),
            ])
        })
        .chain(crate::keymap::MOUSE_HELP.map(|(keys, what)| {
            Line::from(vec![
                Span::styled(format!("{keys:<14}"), theme.key),
                Span::raw(what),
            ])
        }))
        .collect();
    let width = lines.iter().map(Line::width).max().unwrap_or(0) as u16 + 4;
    let height = lines.len() as u16 + 2;
    let popup = Rect {
        x: area.x + area.width.saturating_sub(width) / 2,
        y: area.y + area.height.saturating_sub(height) / 2,
        width: width.min(area.width),
        height: height.min(area.height),
    };
    // Never scrolled past the last line; say when more lines are below.
    let visible = usize::from(popup.height.saturating_sub(2));
    let top = top.min(lines.len().saturating_sub(visible));
    let footer = if top + visible < lines.len() {
        " ↓ more · Esc/? close "
    } else {
        " Esc/? close "
    };
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(theme.border_focused)
        .title(" Keys ")
        .title_bottom(Line::styled(footer, theme.dim));
    frame.render_widget(Clear, popup);
    let top = top as u16;
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .scroll((top, 0))
            .style(ratatui::style::Style::new()),
        popup,
    );
}
