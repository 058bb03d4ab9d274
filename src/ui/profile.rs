//! The entity profile screen: header, timeline chart with its date axis,
//! co-mentions, and the concordance with each mention centred.

use super::{ellipsize, pane, theme::Theme};
use crate::app::{App, ProfileAreas, ProfileView, Section};
use crate::entity::profile::{SortBy, Unit};
use crate::sanitize::sanitize;
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Sparkline};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Draws the profile `v` over the reader.
pub fn render(app: &App, v: &ProfileView, theme: &Theme, frame: &mut Frame) {
    let areas = app.profile_areas();
    let area = areas.frame.intersection(frame.area());
    if area.is_empty() {
        return;
    }
    frame.render_widget(Clear, area);
    let index = &app.corpus().index;
    let e = index.entity(v.profile.id);
    let title = format!(
        " Profile: {} ",
        ellipsize(&e.name, area.width.saturating_sub(14) as usize)
    );
    frame.render_widget(pane(title, true, theme), area);
    header(app, v, theme, frame, areas.header);
    timeline(v, theme, frame, areas.timeline);
    co_mentions(app, v, theme, frame, &areas);
    concordance(app, v, theme, frame, &areas);
}

fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

fn header(app: &App, v: &ProfileView, theme: &Theme, frame: &mut Frame, area: Rect) {
    let index = &app.corpus().index;
    let p = &v.profile;
    let e = index.entity(p.id);
    let dates = match (p.first_date, p.last_date) {
        (Some(a), Some(b)) if a == b => format!(" · {a}"),
        (Some(a), Some(b)) => format!(" · {a} – {b}"),
        _ => String::new(),
    };
    let mut lines = vec![Line::from(vec![
        Span::styled(sanitize(&e.name).into_owned(), theme.active),
        Span::styled(format!("  {}", e.kind.as_str()), theme.kind(e.kind)),
        Span::raw(format!(
            " · {} · {}{dates}",
            plural(p.articles, "article"),
            plural(p.mentions, "mention")
        )),
    ])];
    if !e.aliases.is_empty() {
        let aliases: Vec<_> = e.aliases.iter().map(|a| sanitize(a).into_owned()).collect();
        lines.push(Line::styled(
            format!("also: {}", aliases.join(", ")),
            theme.dim,
        ));
    }
    if !p.candidates.is_empty() {
        let names: Vec<_> = p
            .candidates
            .iter()
            .map(|&c| sanitize(&index.entity(c).name).into_owned())
            .collect();
        lines.push(Line::styled(
            format!("ambiguous, not merged: could be {}", names.join(" or ")),
            theme.message,
        ));
    }
    let buf = frame.buffer_mut();
    for (i, line) in lines.iter().enumerate().take(area.height as usize) {
        buf.set_line(area.x, area.y + i as u16, line, area.width);
    }
}

/// The chart's columns for `values` in `width` columns: each value repeated
/// over several columns when there is room, else consecutive values summed
/// (totals kept). Also how many columns one value takes and how many values
/// one column holds.
fn fit(values: &[u64], width: usize) -> (Vec<u64>, usize, usize) {
    if width == 0 || values.is_empty() {
        return (Vec::new(), 1, 1);
    }
    if values.len() <= width {
        let repeat = width / values.len();
        let data = values
            .iter()
            .flat_map(|&v| std::iter::repeat_n(v, repeat))
            .collect();
        return (data, repeat, 1);
    }
    let group = values.len().div_ceil(width);
    (
        values.chunks(group).map(|c| c.iter().sum()).collect(),
        1,
        group,
    )
}

fn timeline(v: &ProfileView, theme: &Theme, frame: &mut Frame, area: Rect) {
    if area.height < 3 || area.width < 4 {
        return;
    }
    let t = &v.profile.timeline;
    let unit = match t.unit {
        Unit::Day => "day",
        Unit::Week => "week",
        Unit::Month => "month",
    };
    let values: Vec<u64> = t.bars.iter().map(|b| u64::from(b.mentions)).collect();
    let (data, repeat, group) = fit(&values, area.width as usize);
    let per = if group == 1 {
        unit.to_string()
    } else {
        format!("{group} {unit}s")
    };
    let peak = data.iter().copied().max().unwrap_or(0);
    let columns = |bar: usize| bar / group * repeat;
    let mut caption = format!("Mentions per {per} (peak {peak})");
    if t.undated_mentions > 0 {
        caption += &format!(
            " · undated: {} in {}",
            plural(t.undated_mentions as usize, "mention"),
            plural(t.undated_articles as usize, "article")
        );
    }
    let buf = frame.buffer_mut();
    buf.set_line(
        area.x,
        area.y,
        &Line::styled(caption, theme.heading),
        area.width,
    );
    let chart = Rect {
        y: area.y + 1,
        height: area.height - 2,
        width: data.len().min(area.width as usize) as u16,
        ..area
    };
    frame.render_widget(Sparkline::default().data(&data).style(theme.active), chart);
    // The date axis: the first and last bar's dates, and one in the middle.
    let axis_y = area.bottom() - 1;
    let (Some(first), Some(last)) = (t.bars.first(), t.bars.last()) else {
        let none = Line::styled("no dated article in the collection", theme.dim);
        frame
            .buffer_mut()
            .set_line(area.x, axis_y, &none, area.width);
        return;
    };
    let buf = frame.buffer_mut();
    let width = area.width as usize;
    let mut axis = vec![' '; width];
    let mut put = |at: usize, text: &str| {
        let at = at.min(width.saturating_sub(text.len()));
        if axis[at..].iter().take(text.len() + 1).any(|&c| c != ' ') && at > 0 {
            return;
        }
        for (i, c) in text.chars().enumerate() {
            if let Some(slot) = axis.get_mut(at + i) {
                *slot = c;
            }
        }
    };
    // The first, middle and last bars' dates under them, where they fit.
    put(0, &first.start.to_string());
    put(columns(t.bars.len() - 1), &last.start.to_string());
    let mid = t.bars.len() / 2;
    put(columns(mid), &t.bars[mid].start.to_string());
    let axis: String = axis.into_iter().collect();
    buf.set_line(area.x, axis_y, &Line::styled(axis, theme.dim), area.width);
}

fn co_mentions(app: &App, v: &ProfileView, theme: &Theme, frame: &mut Frame, areas: &ProfileAreas) {
    let area = areas.co;
    if area.is_empty() {
        return;
    }
    let focused = v.section == Section::CoMentions && app.help().is_none();
    let block = pane(" Seen with · arts · paras ", focused, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let index = &app.corpus().index;
    let width = inner.width as usize;
    let buf = frame.buffer_mut();
    for (row, c) in v
        .profile
        .co_mentions
        .iter()
        .enumerate()
        .skip(v.co.offset)
        .take(inner.height as usize)
    {
        let e = index.entity(c.id);
        let counts = format!(" {:>4} {:>5}", c.articles, c.paragraphs);
        let name_w = width.saturating_sub(counts.len());
        let name = ellipsize(&e.name, name_w);
        let pad = name_w.saturating_sub(name.width());
        let line = Line::from(vec![
            Span::styled(name, theme.kind(e.kind)),
            Span::raw(" ".repeat(pad)),
            Span::styled(counts, theme.dim),
        ]);
        let selected = row == v.co.selected;
        put_row(
            buf,
            inner,
            row - v.co.offset,
            line,
            selected,
            focused,
            theme,
        );
    }
    if v.profile.co_mentions.is_empty() && !inner.is_empty() {
        buf.set_line(
            inner.x,
            inner.y,
            &Line::styled("no other entity", theme.dim),
            inner.width,
        );
    }
}

/// The last `width` display columns of `text`, padded on the left to `width`.
fn right_aligned(text: &str, width: usize) -> String {
    let mut kept = Vec::new();
    let mut used = 0;
    for c in text.chars().rev() {
        let w = c.width().unwrap_or(0);
        if used + w > width {
            break;
        }
        kept.push(c);
        used += w;
    }
    let mut out = " ".repeat(width - used);
    out.extend(kept.into_iter().rev());
    out
}

/// The first `width` display columns of `text`.
fn cut(text: &str, width: usize) -> String {
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > width {
            break;
        }
        out.push(c);
        used += w;
    }
    out
}

fn concordance(app: &App, v: &ProfileView, theme: &Theme, frame: &mut Frame, areas: &ProfileAreas) {
    let area = areas.lines;
    if area.is_empty() {
        return;
    }
    let focused = v.section == Section::Concordance && app.help().is_none();
    let order = match v.sort {
        SortBy::Date => "by date",
        SortBy::WordBefore => "by word before",
        SortBy::WordAfter => "by word after",
    };
    let title = format!(" Concordance · {} · {order} ", v.profile.concordance.len());
    let block = pane(title, focused, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let corpus = app.corpus();
    let width = inner.width as usize;
    // Date, the mention centred in its context, then the title when there is room.
    let title_w = if width >= 100 { width / 4 } else { 0 };
    // (A bar between the context and the title.)
    let kwic_w = width.saturating_sub(11 + title_w + usize::from(title_w > 0));
    // Every mention starts in the same column, the canonical name centred.
    let name_w = sanitize(&corpus.index.entity(v.profile.id).name).width();
    let side = kwic_w.saturating_sub(name_w) / 2;
    let buf = frame.buffer_mut();
    for (row, line) in v
        .profile
        .concordance
        .iter()
        .enumerate()
        .skip(v.lines.offset)
        .take(inner.height as usize)
    {
        // Read in `update` when the line came into view: rendering reads no file.
        let text = v.shown.get(row).unwrap_or_default();
        let ctx = line.context_in(text, kwic_w);
        let mention = cut(&sanitize(&ctx.mention), kwic_w.saturating_sub(side));
        let left = right_aligned(&sanitize(&ctx.left), side);
        let right = cut(
            &sanitize(&ctx.right),
            kwic_w.saturating_sub(side + mention.width()),
        );
        let pad = kwic_w.saturating_sub(side + mention.width() + right.width());
        let date = line
            .date
            .map_or_else(|| "undated   ".to_string(), |d| format!("{d}"));
        let mut spans = vec![
            Span::styled(format!("{date:<10} "), theme.dim),
            Span::raw(left),
            Span::styled(mention, theme.active),
            Span::raw(right),
        ];
        if title_w > 0 {
            spans.push(Span::raw(" ".repeat(pad)));
            spans.push(Span::styled("│", theme.dim));
            spans.push(Span::styled(
                ellipsize(line.title(corpus), title_w).into_owned(),
                theme.dim,
            ));
        }
        let selected = row == v.lines.selected;
        let line = Line::from(spans);
        put_row(
            buf,
            inner,
            row - v.lines.offset,
            line,
            selected,
            focused,
            theme,
        );
    }
}

/// Draws `line` as row `at` of a list in `inner`, highlighted when selected.
fn put_row(
    buf: &mut Buffer,
    inner: Rect,
    at: usize,
    line: Line,
    selected: bool,
    focused: bool,
    theme: &Theme,
) {
    let line = match (selected, focused) {
        (true, true) => line.patch_style(theme.selected),
        (true, false) => line.patch_style(theme.selected_unfocused),
        (false, _) => line,
    };
    buf.set_line(inner.x, inner.y + at as u16, &line, inner.width);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fitting_keeps_the_total_and_the_width() {
        let values: Vec<u64> = (1..=100).collect();
        let (data, repeat, group) = fit(&values, 30);
        assert!(data.len() <= 30);
        assert_eq!((repeat, group), (1, 4));
        assert_eq!(data.iter().sum::<u64>(), values.iter().sum::<u64>());
        // Room for two columns a value.
        let (data, repeat, group) = fit(&values, 250);
        assert_eq!((data.len(), repeat, group), (200, 2, 1));
        assert_eq!(&data[..4], &[1, 1, 2, 2]);
        assert!(fit(&values, 0).0.is_empty());
        assert!(fit(&[], 10).0.is_empty());
    }

    #[test]
    fn contexts_align_by_display_width() {
        assert_eq!(right_aligned("abc", 5), "  abc");
        assert_eq!(right_aligned("王沪宁", 5), " 沪宁");
        assert_eq!(cut("王沪宁", 5), "王沪");
        assert_eq!(cut("abc", 0), "");
    }
}
