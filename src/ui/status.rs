//! The status bar: where you are, the last message or the search prompt, and
//! key hints from the keymap.

use super::theme::Theme;
use crate::app::{App, Command, Overlay, SearchScope};
use crate::corpus::stream::Progress;
use crate::sanitize::sanitize;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

/// Draws the status bar into `area`.
pub fn render(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    if area.is_empty() {
        return;
    }
    let mut left: Vec<Span> = Vec::new();
    match app.search() {
        Some(s) if s.editing => {
            left.push(Span::styled("/", theme.key));
            left.push(Span::raw(sanitize(&s.query).into_owned()));
            left.push(Span::styled("▏", theme.key));
            let count = match s.scope {
                SearchScope::List => format!("  {} articles{}", app.order().len(), searching(app)),
                SearchScope::Reader => format!("  {} matches", s.matches.len()),
            };
            left.push(Span::styled(count, theme.dim));
        }
        search => {
            left.push(Span::raw(sanitize(&app.position_label()).into_owned()));
            if let Some(p) = app.loading() {
                left.push(Span::styled(format!(" · {}", gauge(&p)), theme.dim));
            }
            if let Some(s) = search {
                let what = match s.scope {
                    SearchScope::List => {
                        format!(" · filter /{}{}", sanitize(&s.query), searching(app))
                    }
                    SearchScope::Reader => match s.current.filter(|_| s.stepping) {
                        Some(i) => format!(
                            " · match {}/{} of /{}",
                            i + 1,
                            s.matches.len(),
                            sanitize(&s.query)
                        ),
                        None => {
                            format!(" · {} matches of /{}", s.matches.len(), sanitize(&s.query))
                        }
                    },
                };
                left.push(Span::raw(what));
            }
            if let Some(msg) = app.message() {
                left.push(Span::raw("  "));
                left.push(Span::styled(sanitize(msg).into_owned(), theme.message));
            }
        }
    }
    let left = Line::from(left);
    let buf = frame.buffer_mut();
    buf.set_line(area.x, area.y, &left, area.width);
    // As many hints as fit to the right of the left part.
    let room = (area.width as usize).saturating_sub(left.width() + 2);
    let mut hints: Vec<Span> = Vec::new();
    let mut used = 0;
    for (key, hint) in hints_for(app) {
        let text = format!(" {hint}  ");
        let w = key.len() + text.len();
        if used + w > room {
            break;
        }
        used += w;
        hints.push(Span::styled(key, theme.key));
        hints.push(Span::styled(text, theme.dim));
    }
    let hints = Line::from(hints);
    let x = area.right() - used as u16;
    buf.set_line(x, area.y, &hints, used as u16);
}

/// The key hints of the screen in front: the reader's from the keymap, or
/// those of the profile or the entity browser.
fn hints_for(app: &App) -> Vec<(String, &'static str)> {
    let keymap = app.keymap();
    let first_key = |c: Command| {
        let label = keymap.keys_label(c);
        label.split('/').next().unwrap_or_default().to_string()
    };
    match app.overlay() {
        Some(Overlay::Profile(_)) => vec![
            (first_key(Command::Open), "go to mention"),
            (first_key(Command::CycleSort), "sort"),
            (first_key(Command::FocusNext), "pane"),
            (first_key(Command::Cancel), "back"),
        ],
        // The browser's keys are fixed: typed text goes to its filter.
        Some(Overlay::Browser(_)) => vec![
            ("type".to_string(), "filter"),
            ("Enter".to_string(), "profile"),
            ("Tab".to_string(), "sort"),
            ("Esc".to_string(), "back"),
        ],
        None => keymap
            .hints()
            .map(|(key, hint)| (key.to_string(), hint))
            .collect(),
    }
}

/// How far the list search has got through the bodies, while it is searching.
fn searching(app: &App) -> String {
    match app.search_progress() {
        (done, all) if done < all => format!(" · searching {}%", done * 100 / all),
        _ => String::new(),
    }
}

/// The loading gauge: a bar, files and bytes read, articles indexed, time left.
fn gauge(p: &Progress) -> String {
    const CELLS: usize = 10;
    let done = match p.files_total {
        0 => 0,
        n => p.files * CELLS / n,
    };
    let left = p.remaining().map_or(String::new(), |t| {
        format!(" · {:.1} s left", t.as_secs_f64())
    });
    format!(
        "loading {}{} {}/{} files · {:.0} MB · {} articles indexed{left}",
        "█".repeat(done),
        "░".repeat(CELLS - done),
        p.files,
        p.files_total,
        p.bytes as f64 / 1e6,
        p.articles,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn gauge_shows_files_bytes_articles_and_time_left() {
        let p = Progress {
            files: 250,
            files_total: 1000,
            bytes: 3_000_000,
            articles: 240,
            elapsed: Duration::from_millis(500),
        };
        assert_eq!(
            gauge(&p),
            "loading ██░░░░░░░░ 250/1000 files · 3 MB · 240 articles indexed · 1.5 s left"
        );
        let none = Progress::default();
        assert_eq!(
            gauge(&none),
            "loading ░░░░░░░░░░ 0/0 files · 0 MB · 0 articles indexed"
        );
    }
}
