//! Terminal setup and restore, and the event loop.
//!
//! `Terminal` enables every terminal mode in one place and undoes all of
//! them in one place (`stop`), on return, on error (its `Drop`) and on panic
//! (a hook in front of ratatui's own).

use crate::app::{Action, App};
use crate::article::parse::parse_text;
use crate::config::{Config, theme::colors_enabled};
use crate::corpus::load::Discovery;
use crate::corpus::stored::StoredArticle;
use crate::corpus::stream::{self, LoadEvent, Progress};
use crate::corpus::{self, Corpus, Diagnostic, Severity};
use crate::session::{Session, install_panic_hook};
use crate::state::Store;
use crate::{assets, sanitize::sanitize, ui};
use crossbeam_channel::{Receiver, select};
use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, MouseButton, MouseEventKind,
};
use ratatui::crossterm::execute;
use std::io::{self, Write, stdout};
use std::process::ExitCode;
use std::sync::Once;
use std::time::{Duration, Instant};

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
/// applied once the size is known; `session` records and saves the state;
/// what `loader` sends is added as it arrives. Returns the problems the
/// loader met.
///
/// One loop selects over terminal events (read on their own thread), loader
/// messages and a tick; everything pending is applied before the next frame.
pub fn run(
    mut app: App,
    theme: &ui::theme::Theme,
    start: Option<Action>,
    mut session: Option<Session>,
    loader: Option<Receiver<LoadEvent>>,
) -> io::Result<Vec<Diagnostic>> {
    let mut terminal = Terminal::start()?;
    let size = terminal.inner.size()?;
    app.update(Action::Resize(size.width, size.height));
    if let Some(action) = start {
        app.update(action);
    }
    let input = spawn_input()?;
    let signals = spawn_signals()?;
    let mut loader = Loader {
        done: loader.is_none(),
        events: loader.unwrap_or_else(crossbeam_channel::never),
        problems: Vec::new(),
    };
    let mut state_error = None;
    while !app.should_quit() {
        // While loading, the state is left as the last session saved it:
        // its place comes back once the articles are indexed.
        if let Some(Err(e)) = session
            .as_mut()
            .filter(|_| loader.done)
            .map(|s| s.record(&app))
        {
            state_error = Some(e);
        }
        terminal
            .inner
            .draw(|frame| ui::render_with(&app, theme, frame))?;
        // With work left (a search through the bodies), a step of it when
        // nothing else is waiting; otherwise wait for something to happen.
        let wait = if app.busy() { Duration::ZERO } else { TICK };
        select! {
            recv(input) -> event => apply_event(&mut app, event.map_err(io::Error::other)??),
            recv(signals) -> _ => app.update(Action::Run(crate::app::Command::Quit)),
            recv(loader.events) -> event => match event {
                Ok(event) => loader.apply(&mut app, session.as_mut(), event),
                Err(_) => loader.events = crossbeam_channel::never(),
            },
            default(wait) => app.update(Action::Tick),
        }
        // Apply every pending event and batch before drawing again.
        while !app.should_quit() {
            match input.try_recv() {
                Ok(event) => apply_event(&mut app, event?),
                Err(_) => break,
            }
        }
        loader.drain(&mut app, session.as_mut());
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
    Ok(loader.problems)
}

/// How often the screen is refreshed without input (the loading gauge's clock).
const TICK: Duration = Duration::from_millis(250);

fn apply_event(app: &mut App, event: Event) {
    if let Some(action) = action_for(app, &event) {
        app.update(action);
    }
}

/// The signals that ask a program to end (SIGTERM, SIGHUP, SIGINT, SIGQUIT),
/// caught on a thread of their own and passed on as messages, so that the
/// reader ends as after `q`: the terminal restored, the reading state saved.
fn spawn_signals() -> io::Result<Receiver<i32>> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT])?;
    let (tx, rx) = crossbeam_channel::bounded(4);
    std::thread::Builder::new()
        .name("dateline-signals".into())
        .spawn(move || {
            for signal in signals.forever() {
                if tx.send(signal).is_err() {
                    break;
                }
            }
        })?;
    Ok(rx)
}

/// Reads terminal events on a thread of their own. The thread ends when the
/// receiver is dropped and the next event comes, or with the process.
fn spawn_input() -> io::Result<Receiver<io::Result<Event>>> {
    let (tx, rx) = crossbeam_channel::bounded(256);
    std::thread::Builder::new()
        .name("dateline-input".into())
        .spawn(move || {
            loop {
                let event = event::read();
                let failed = event.is_err();
                if tx.send(event).is_err() || failed {
                    break;
                }
            }
        })?;
    Ok(rx)
}

/// The loader's side of the event loop.
struct Loader {
    events: Receiver<LoadEvent>,
    problems: Vec<Diagnostic>,
    /// Whether every article is read and indexed.
    done: bool,
}

impl Loader {
    /// Applies every event waiting, the batches as one.
    fn drain(&mut self, app: &mut App, mut session: Option<&mut Session>) {
        let pending: Vec<_> = self.events.try_iter().collect();
        let mut articles = Vec::new();
        let mut progress = None;
        for event in pending {
            match event {
                LoadEvent::Batch {
                    articles: a,
                    diagnostics,
                    progress: p,
                } => {
                    articles.extend(a);
                    self.problems.extend(diagnostics);
                    progress = Some(p);
                }
                done @ LoadEvent::Done { .. } => {
                    flush(app, session.as_deref_mut(), &mut articles, progress.take());
                    self.apply(app, session.as_deref_mut(), done);
                }
            }
        }
        flush(app, session, &mut articles, progress);
    }

    fn apply(&mut self, app: &mut App, session: Option<&mut Session>, event: LoadEvent) {
        match event {
            LoadEvent::Batch {
                mut articles,
                diagnostics,
                progress,
            } => {
                self.problems.extend(diagnostics);
                flush(app, session, &mut articles, Some(progress));
            }
            LoadEvent::Done { index, progress } => {
                self.done = true;
                app.update(Action::IndexReady(index));
                // Back to where the last session was, unless the user has moved.
                if let Some(restore) = session
                    .filter(|_| !app.touched())
                    .and_then(|s| s.restore(app.corpus()))
                {
                    app.update(restore);
                }
                let n = progress.articles;
                let mut message = format!(
                    "{n} article{} indexed in {:.1} s",
                    if n == 1 { "" } else { "s" },
                    progress.elapsed.as_secs_f64()
                );
                if !self.problems.is_empty() {
                    message += &format!(
                        " · {} problem(s) reading the input: listed on standard error on exit",
                        self.problems.len()
                    );
                }
                app.update(Action::Notify(message));
            }
        }
    }
}

/// Hands `articles` to the app with the saved marks of each, then `progress`.
fn flush(
    app: &mut App,
    session: Option<&mut Session>,
    articles: &mut Vec<StoredArticle>,
    progress: Option<Progress>,
) {
    if !articles.is_empty() {
        app.update(Action::ArticlesAppended(std::mem::take(articles)));
        if let Some(s) = session {
            let from = s.learned();
            s.learn(app.corpus());
            let marks = s.marks()[from..].to_vec();
            let from = from as u32;
            app.update(Action::Marks { from, marks });
        }
    }
    if let Some(p) = progress {
        app.update(Action::Loading(p));
    }
}

/// The bundled sample articles as a corpus.
fn bundled() -> Corpus {
    let articles = assets::articles()
        .into_iter()
        .map(|(path, text)| parse_text(&path, text))
        .collect();
    Corpus::from_articles(articles)
}

/// `dateline [--entity NAME] [PATH...]`: the reader over the articles (the
/// bundled ones without PATH). The articles load in the background while the
/// reader shows them (with `--entity` they are loaded first, to find the
/// entity); problems go to standard error.
pub fn main(paths: &[String], entity: Option<&str>) -> ExitCode {
    let began = Instant::now();
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
    let mut loader = None;
    // With `--entity`, the saved index is written while the reader runs.
    let mut _saving = None;
    let corpus = if paths.is_empty() {
        bundled()
    } else if entity.is_some() {
        let (corpus, diagnostics, saving) = corpus::load_saving(paths);
        _saving = Some(saving);
        problems = diagnostics.len();
        for d in &diagnostics {
            let _ = writeln!(stderr, "{}", sanitize(&d.to_string()));
        }
        if corpus.articles.is_empty() && diagnostics.iter().any(|d| d.severity == Severity::Error) {
            let _ = writeln!(stderr, "dateline: no article could be read");
            return ExitCode::FAILURE;
        }
        corpus
    } else {
        let cache_file = corpus::cache::collection_file(paths);
        stream::prepare_extraction(cache_file.as_deref());
        // Only as far as the first input (or the end, when there is none):
        // the loader finds the rest as it reads.
        let mut found = Discovery::new(paths).peekable();
        let mut diagnostics = Vec::new();
        while let Some(Err(d)) = found.next_if(Result::is_err) {
            diagnostics.push(d);
        }
        let none = found.peek().is_none();
        if none && diagnostics.iter().any(|d| d.severity == Severity::Error) {
            for d in &diagnostics {
                let _ = writeln!(stderr, "{}", sanitize(&d.to_string()));
            }
            let _ = writeln!(stderr, "dateline: no article could be read");
            return ExitCode::FAILURE;
        }
        let found = diagnostics.into_iter().map(Err).chain(found);
        loader = match stream::spawn(found, cache_file, began) {
            Ok(rx) => Some(rx),
            Err(e) => {
                let _ = writeln!(stderr, "dateline: cannot start loading: {e}");
                return ExitCode::FAILURE;
            }
        };
        Corpus::default()
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
                return ExitCode::from(1);
            }
        },
    };
    drop(stderr);
    // A named entity wins over the place the last session was at.
    let start = match active {
        Some(_) => None,
        None => session.as_ref().and_then(|s| s.restore(&corpus)),
    };
    let marks = session
        .as_ref()
        .map_or_else(Vec::new, |s| s.marks().to_vec());
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
    let result = run(app, &theme, start, session, loader);
    let (problems, status) = match result {
        Ok(problems) => (problems, ExitCode::SUCCESS),
        Err(e) => {
            eprintln!("dateline: terminal error: {e}");
            (Vec::new(), ExitCode::FAILURE)
        }
    };
    let mut stderr = io::stderr().lock();
    for d in &problems {
        let _ = writeln!(stderr, "{}", sanitize(&d.to_string()));
    }
    status
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
