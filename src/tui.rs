//! Terminal setup and restore, and the event loop.
//!
//! [`Terminal`] enables every terminal mode in one place and undoes all of
//! them in one place ([`stop`]), on return, on error (its `Drop`) and on panic
//! (a hook in front of ratatui's own).

use crate::app::{Action, App};
use crate::article::parse::parse_text;
use crate::config::{Config, theme::colors_enabled};
use crate::corpus::{self, Corpus, Severity};
use crate::session::{Session, install_panic_hook};
use crate::state::Store;
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
        Event::Key(key) if app.is_browsing() => app.keymap().browser_action(key),
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

/// Runs `app` in the terminal with `theme` until the user quits: `start` is
/// applied once the size is known; `session` records and saves the state.
pub fn run(
    mut app: App,
    theme: &ui::theme::Theme,
    start: Option<Action>,
    mut session: Option<Session>,
) -> io::Result<()> {
    let mut terminal = Terminal::start()?;
    let size = terminal.inner.size()?;
    app.update(Action::Resize(size.width, size.height));
    if let Some(action) = start {
        app.update(action);
    }
    let mut state_error = None;
    while !app.should_quit() {
        if let Some(Err(e)) = session.as_mut().map(|s| s.record(&app)) {
            state_error = Some(e);
        }
        terminal
            .inner
            .draw(|frame| ui::render_with(&app, theme, frame))?;
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
    if let Some(Err(e)) = session
        .as_mut()
        .map(|s| s.record(&app).and_then(|()| s.save()))
    {
        state_error = Some(e);
    }
    if let Some(e) = state_error {
        eprintln!(
            "dateline: could not save the reading state: {}",
            sanitize(&e.to_string())
        );
    }
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
    // A bad configuration stops the reader before any article is read.
    let config = match Config::default_path().map(|p| Config::load(&p)) {
        Some(Err(e)) => {
            let _ = writeln!(stderr, "dateline: {}", sanitize(&e.to_string()));
            return ExitCode::from(2);
        }
        Some(Ok(config)) => config,
        None => Config::default(),
    };
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
    let session =
        Store::default_path().and_then(|path| match Session::open(&path, paths, &corpus) {
            Ok(s) => Some(s),
            Err(e) => {
                let msg = format!("reading state will not be kept: {e}");
                let _ = writeln!(stderr, "dateline: {}", sanitize(&msg));
                None
            }
        });
    for aside in session.iter().flat_map(Session::moved_aside) {
        let msg = format!(
            "warning: the reading state could not be read; it was moved to {} and starts afresh",
            aside.display()
        );
        let _ = writeln!(stderr, "dateline: {}", sanitize(&msg));
    }
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
    // A named entity wins over the place the last session was at.
    let start = match active {
        Some(_) => None,
        None => session.as_ref().and_then(|s| s.restore(&corpus)),
    };
    let marks = session.as_ref().map_or_else(Vec::new, Session::marks);
    let mut app = App::new(corpus)
        .with_keymap(config.keymap.clone())
        .with_settings(marks, config.list.sort, config.reader.caption_mode);
    if let Some(id) = active {
        app.update(Action::Run(crate::app::Command::FocusNext));
        app.update(Action::Activate(id));
    }
    if problems > 0 {
        app.update(Action::Notify(format!(
            "{problems} problem(s) reading the input: listed on standard error"
        )));
    }
    install_panic_hook(session.as_ref());
    let theme = config.theme.styles(colors_enabled());
    match run(app, &theme, start, session) {
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
