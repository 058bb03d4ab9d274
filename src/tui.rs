//! Terminal setup and restore, and the event loop.
//!
//! [`Terminal`] enables every terminal mode in one place and undoes all of
//! them in one place ([`stop`]), on return, on error (its `Drop`) and on panic
//! (a hook in front of ratatui's own).

use crate::app::{Action, App};
use crate::article::parse::parse_text;
use crate::corpus::{self, Corpus, Severity};
use crate::{assets, sanitize::sanitize, ui};
use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, MouseButton, MouseEventKind,
};
use ratatui::crossterm::execute;
use std::io::{self, Write, stdout};
use std::process::ExitCode;
use std::sync::Once;
use std::time::Duration;

/// The terminal in raw mode, on the alternate screen, with mouse capture;
/// everything is undone when it is dropped.
struct Terminal {
    inner: DefaultTerminal,
}

/// Undoes every mode [`Terminal::start`] enables. Safe to call twice.
fn stop() {
    let _ = execute!(stdout(), DisableMouseCapture);
    ratatui::restore();
}

impl Terminal {
    fn start() -> io::Result<Terminal> {
        // ratatui's hook restores raw mode and the screen; ours also releases the mouse.
        static HOOK: Once = Once::new();
        let inner = ratatui::try_init()?;
        HOOK.call_once(|| {
            let previous = std::panic::take_hook();
            std::panic::set_hook(Box::new(move |info| {
                let _ = execute!(stdout(), DisableMouseCapture);
                previous(info);
            }));
        });
        let terminal = Terminal { inner };
        execute!(stdout(), EnableMouseCapture)?;
        Ok(terminal)
    }
}

impl Drop for Terminal {
    fn drop(&mut self) {
        stop();
    }
}

/// The action for a terminal event, if it means anything.
pub fn action_for(app: &App, event: &Event) -> Option<Action> {
    match event {
        Event::Key(key) => app.keymap().action(key, app.is_editing()),
        Event::Resize(w, h) => Some(Action::Resize(*w, *h)),
        Event::Mouse(m) => match m.kind {
            MouseEventKind::ScrollDown | MouseEventKind::ScrollUp => Some(Action::Wheel {
                x: m.column,
                y: m.row,
                down: m.kind == MouseEventKind::ScrollDown,
            }),
            MouseEventKind::Down(MouseButton::Left) => Some(Action::Click {
                x: m.column,
                y: m.row,
            }),
            _ => None,
        },
        _ => None,
    }
}

/// Runs `app` in the terminal until the user quits.
pub fn run(mut app: App) -> io::Result<()> {
    let mut terminal = Terminal::start()?;
    let size = terminal.inner.size()?;
    app.update(Action::Resize(size.width, size.height));
    while !app.should_quit() {
        terminal.inner.draw(|frame| ui::render(&app, frame))?;
        // Apply every pending event before drawing again.
        let mut event = event::read()?;
        loop {
            if let Some(action) = action_for(&app, &event) {
                app.update(action);
            }
            if app.should_quit() || !event::poll(Duration::ZERO)? {
                break;
            }
            event = event::read()?;
        }
    }
    drop(terminal);
    Ok(())
}

/// The bundled sample articles as a corpus.
fn bundled() -> Corpus {
    let articles = assets::articles()
        .into_iter()
        .map(|(path, text)| parse_text(&path, text))
        .collect();
    Corpus::from_articles(articles)
}

/// `dateline [--entity NAME] [PATH...]`: loads the articles (the bundled
/// ones without PATH), reports problems on standard error, and runs the reader.
pub fn main(paths: &[String], entity: Option<&str>) -> ExitCode {
    let mut stderr = io::stderr().lock();
    let mut problems = 0;
    let corpus = if paths.is_empty() {
        bundled()
    } else {
        let (corpus, diagnostics) = corpus::load(paths);
        problems = diagnostics.len();
        for d in &diagnostics {
            let _ = writeln!(stderr, "{}", sanitize(&d.to_string()));
        }
        if corpus.articles.is_empty() && diagnostics.iter().any(|d| d.severity == Severity::Error) {
            let _ = writeln!(stderr, "dateline: no article could be read");
            return ExitCode::FAILURE;
        }
        corpus
    };
    let active = match entity {
        None => None,
        Some(name) => match corpus.index.find(name) {
            Some(id) => Some(id),
            None => {
                let _ = writeln!(
                    stderr,
                    "dateline: no entity named {:?} in the {} articles (names and aliases are matched, ignoring case)",
                    sanitize(name),
                    corpus.articles.len()
                );
                return ExitCode::from(2);
            }
        },
    };
    drop(stderr);
    let mut app = App::new(corpus);
    if let Some(id) = active {
        app.update(Action::Run(crate::app::Command::FocusNext));
        app.update(Action::Activate(id));
    }
    if problems > 0 {
        app.update(Action::Notify(format!(
            "{problems} problem(s) reading the input: listed on standard error"
        )));
    }
    match run(app) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("dateline: terminal error: {e}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::Command;
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseEvent};

    fn mouse(kind: MouseEventKind) -> Event {
        Event::Mouse(MouseEvent {
            kind,
            column: 7,
            row: 3,
            modifiers: KeyModifiers::NONE,
        })
    }

    #[test]
    fn events_become_actions() {
        let app = App::new(Corpus::default());
        let name = |e: &Event| action_for(&app, e).map(|a| format!("{a:?}"));
        assert_eq!(
            name(&Event::Key(KeyEvent::new(
                KeyCode::Char('n'),
                KeyModifiers::NONE
            ))),
            Some(format!("{:?}", Action::Run(Command::NextMention)))
        );
        assert_eq!(name(&Event::Resize(90, 30)), Some("Resize(90, 30)".into()));
        assert_eq!(
            name(&mouse(MouseEventKind::ScrollDown)),
            Some("Wheel { x: 7, y: 3, down: true }".into())
        );
        assert_eq!(
            name(&mouse(MouseEventKind::Down(MouseButton::Left))),
            Some("Click { x: 7, y: 3 }".into())
        );
        assert_eq!(name(&mouse(MouseEventKind::Moved)), None);
        assert_eq!(name(&Event::FocusGained), None);
    }
}
