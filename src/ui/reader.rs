//! The reader: the open article's wrapped rows (only those in view), captions
//! inline or alongside, the dateline, entity and search highlights, and a
//! scrollbar marking where the active entity is mentioned.

use super::{focused, pane, theme::Theme};
use crate::app::wrap::{ArticleLayout, INLINE_INDENT, Role, SIDE_RULE, Segment, Source};
use crate::app::{App, Focus};
use crate::article::Article;
use crate::entity::Mention;
use crate::sanitize::sanitize;
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Scrollbar, ScrollbarOrientation, ScrollbarState};

/// A styled byte range of one source's display text; later ones win.
#[derive(Debug, Clone, Copy)]
struct Mark {
    source: Source,
    start: u32,
    end: u32,
    style: Style,
}

/// Draws the reader pane into `area`.
pub fn render(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    if area.is_empty() {
        return;
    }
    let name = app
        .open_article_ref()
        .map(|a| a.path.rsplit('/').next().unwrap_or(&a.path))
        .map_or(String::from(" Reader "), |n| {
            format!(
                " {} ",
                super::ellipsize(n, area.width.saturating_sub(4) as usize)
            )
        });
    let block = pane(name, focused(app, Focus::Reader), theme);
    frame.render_widget(block, area);
    let text = app.panes().reader_text().intersection(area);
    let (Some(article), Some(layout)) = (app.open_article_ref(), app.layout()) else {
        if !text.is_empty() {
            let hint = if app.order().is_empty() {
                "no article to read"
            } else {
                "Enter on an article in the list to read it"
            };
            let line = Line::styled(hint, theme.dim);
            frame
                .buffer_mut()
                .set_line(text.x, text.y, &line, text.width);
        }
        return;
    };
    let first = app.scroll();
    let visible = first..(first + text.height as usize).min(layout.rows.len());
    let marks = marks(app, theme, article, layout, visible.clone());
    let buf = frame.buffer_mut();
    for r in visible.clone() {
        let y = text.y + (r - first) as u16;
        let row = layout.rows[r];
        if let Some(seg) = row.main {
            let inline_caption = matches!(seg.role, Role::Caption | Role::Credit);
            let x = if inline_caption {
                put(
                    buf,
                    text.x,
                    y,
                    text.width,
                    Span::styled("  ▌ ", theme.caption_mark),
                );
                text.x + INLINE_INDENT
            } else {
                text.x
            };
            let width = text.right().saturating_sub(x);
            draw_segment(buf, x, y, width, seg, article, layout, theme, &marks);
        }
        if let Some(seg) = row.side {
            let x = text.x + layout.side_x;
            if x < text.right() {
                put(
                    buf,
                    x,
                    y,
                    text.right() - x,
                    Span::styled("│ ", theme.caption_mark),
                );
                let x = x + SIDE_RULE;
                let width = text.right().saturating_sub(x);
                draw_segment(buf, x, y, width, seg, article, layout, theme, &marks);
            }
        }
    }
    scrollbar(app, theme, frame, area, article, layout);
}

fn put(buf: &mut Buffer, x: u16, y: u16, width: u16, span: Span) {
    if width > 0 {
        buf.set_span(x, y, &span, width);
    }
}

/// The highlights that touch the visible rows: entities (subtle by kind,
/// strong for the active one), search matches, the dateline, and the current
/// mention or match on top.
fn marks(
    app: &App,
    theme: &Theme,
    article: &Article,
    layout: &ArticleLayout,
    visible: std::ops::Range<usize>,
) -> Vec<Mark> {
    let mut shown: Vec<Source> = Vec::new();
    for row in &layout.rows[visible] {
        for seg in [row.main, row.side].into_iter().flatten() {
            if !shown.contains(&seg.source) {
                shown.push(seg.source);
            }
        }
    }
    let source_of = |m: &Mention| match m.block {
        None => Source::Title,
        Some(b) => Source::Block(b),
    };
    let mark = |m: &Mention, style: Style| Mark {
        source: source_of(m),
        start: layout.display_offset(article, m.block, m.start),
        end: layout.display_offset(article, m.block, m.end),
        style,
    };
    let mut out = Vec::new();
    let dateline = article.dateline.as_ref();
    if let Some(dl) = dateline.filter(|dl| shown.contains(&Source::Block(dl.block as u32))) {
        let m = Mention {
            block: Some(dl.block as u32),
            start: 0,
            end: dl.len as u32,
        };
        out.push(mark(&m, theme.dateline));
    }
    let Some(a) = app.open() else {
        return out;
    };
    let index = &app.corpus().index;
    let active = app.active();
    let mut strong = Vec::new();
    for occurrence in index.of_article(a as usize) {
        let is_active = Some(occurrence.id) == active;
        if !is_active && !app.subtle_highlights() {
            continue;
        }
        let style = if is_active {
            theme.active
        } else {
            theme.kind(index.entity(occurrence.id).kind)
        };
        for m in index
            .mentions_of(occurrence)
            .iter()
            .filter(|m| shown.contains(&source_of(m)))
        {
            if is_active {
                strong.push(mark(m, style));
            } else {
                out.push(mark(m, style));
            }
        }
    }
    out.extend(strong);
    let mut current = app.current().filter(|_| active.is_some());
    if let Some(search) = app.search().filter(|s| !s.matches.is_empty()) {
        let in_view = search
            .matches
            .iter()
            .filter(|m| shown.contains(&source_of(m)));
        out.extend(in_view.map(|m| mark(m, theme.search)));
        if search.stepping {
            current = search.current.and_then(|i| search.matches.get(i).copied());
        }
    }
    if let Some(m) = current.filter(|m| shown.contains(&source_of(m))) {
        out.push(mark(&m, theme.current));
    }
    out
}

/// Draws one segment: its display text cut into spans at highlight edges.
#[allow(clippy::too_many_arguments)]
fn draw_segment(
    buf: &mut Buffer,
    x: u16,
    y: u16,
    width: u16,
    seg: Segment,
    article: &Article,
    layout: &ArticleLayout,
    theme: &Theme,
    marks: &[Mark],
) {
    if width == 0 {
        return;
    }
    let base = match seg.role {
        Role::Title => theme.title,
        Role::Meta => theme.dim,
        Role::Body => Style::new(),
        Role::Caption => theme.caption,
        Role::Credit => theme.credit,
    };
    let text = layout.text(article, seg.source);
    let (start, end) = (seg.start, seg.end);
    let here: Vec<&Mark> = marks
        .iter()
        .filter(|m| m.source == seg.source && m.start < end && m.end > start)
        .collect();
    let mut cuts = vec![start, end];
    for m in &here {
        cuts.push(m.start.clamp(start, end));
        cuts.push(m.end.clamp(start, end));
    }
    cuts.sort_unstable();
    cuts.dedup();
    cuts.retain(|&c| text.is_char_boundary(c as usize));
    let spans: Vec<Span> = cuts
        .windows(2)
        .filter_map(|w| {
            let piece = text.get(w[0] as usize..w[1] as usize)?;
            let style = here
                .iter()
                .filter(|m| m.start <= w[0] && m.end >= w[1])
                .fold(base, |s, m| s.patch(m.style));
            // The display text is sanitized already; this borrows.
            Some(Span::styled(sanitize(piece), style))
        })
        .collect();
    buf.set_line(x, y, &Line::from(spans), width);
}

/// The scrollbar on the right border, with a mark for each mention of the active entity.
fn scrollbar(
    app: &App,
    theme: &Theme,
    frame: &mut Frame,
    area: Rect,
    article: &Article,
    layout: &ArticleLayout,
) {
    let track = Rect {
        y: area.y + 1,
        height: area.height.saturating_sub(2),
        ..area
    };
    let total = layout.rows.len();
    let view = app.panes().reader_text().height as usize;
    if track.height == 0 || total <= view && app.active().is_none() {
        return;
    }
    let mut state = ScrollbarState::new(total.saturating_sub(view))
        .position(app.scroll())
        .viewport_content_length(view);
    let bar = Scrollbar::new(ScrollbarOrientation::VerticalRight)
        .begin_symbol(None)
        .end_symbol(None)
        .track_style(theme.border)
        .thumb_style(theme.dim);
    frame.render_stateful_widget(bar, track, &mut state);
    let (Some(id), Some(a)) = (app.active(), app.open()) else {
        return;
    };
    let x = track.right() - 1;
    let buf = frame.buffer_mut();
    for m in app.visible_mentions(a, id) {
        if let Some(row) = layout.row_of(article, &m) {
            let y = track.y + (row * track.height as usize / total.max(1)) as u16;
            let y = y.min(track.bottom() - 1);
            if let Some(cell) = buf.cell_mut((x, y)) {
                cell.set_symbol("◆").set_style(theme.marker);
            }
        }
    }
}
