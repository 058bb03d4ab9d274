//! Snapshots of whole screens (insta + `TestBackend`): the fixture collection
//! with hand-built entities (pins the layout independently of the extractor)
//! and the seed article from ../shared with Wang Huning active.

mod support;

use dateline::app::wrap::Role;
use dateline::app::{Action, App, Command};
use dateline::corpus::Corpus;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};
use support::{fixture, seed};

fn screen(app: &mut App, w: u16, h: u16) -> Terminal<TestBackend> {
    app.update(Action::Resize(w, h));
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| dateline::ui::render(app, f)).unwrap();
    terminal
}

/// Runs of cells whose style passes `test`, as text, row by row.
fn runs(buf: &Buffer, test: impl Fn(&ratatui::buffer::Cell) -> bool) -> Vec<String> {
    let mut out = Vec::new();
    for y in 0..buf.area.height {
        let mut run = String::new();
        for x in 0..buf.area.width {
            let cell = &buf[(x, y)];
            if test(cell) {
                run.push_str(cell.symbol());
            } else if !run.is_empty() {
                out.push(std::mem::take(&mut run));
            }
        }
        if !run.is_empty() {
            out.push(run);
        }
    }
    out
}

fn strong(cell: &ratatui::buffer::Cell) -> bool {
    cell.bg == Color::Yellow && !cell.modifier.contains(Modifier::REVERSED)
}

fn current(cell: &ratatui::buffer::Cell) -> bool {
    cell.modifier.contains(Modifier::REVERSED) && cell.bg == Color::Yellow
}

/// The fixture with Ada Lindqvist active, at her second mention in the harbour story.
fn fixture_app() -> App {
    support::ada_at_second_mention(fixture(), 200, 50)
}

#[test]
fn fixture_200x50_captions_alongside() {
    let mut app = fixture_app();
    let t = screen(&mut app, 200, 50);
    insta::assert_snapshot!(t.backend());
    // Every mention of the active entity on screen is strongly highlighted;
    // the current one (the caption's) is in reverse video.
    let buf = t.backend().buffer();
    assert_eq!(runs(buf, current), ["Ada Lindqvist"]);
    let strong = runs(buf, strong);
    // Title, body (wrapped across two rows), "Lindqvist" twice in the body:
    // all of them strong, and nothing else.
    assert!(
        strong
            .iter()
            .all(|s| ["Ada Lindqvist", "Ada", "Lindqvist"].contains(&s.as_str()))
    );
    let lindqvists = strong.iter().filter(|s| s.contains("Lindqvist")).count();
    assert!(lindqvists >= 4, "{strong:?}");
}

#[test]
fn fixture_100x30() {
    let mut app = fixture_app();
    insta::assert_snapshot!(screen(&mut app, 100, 30).backend());
}

#[test]
fn fixture_80x24_captions_inline() {
    let mut app = fixture_app();
    insta::assert_snapshot!(screen(&mut app, 80, 24).backend());
}

#[test]
fn fixture_60x20() {
    let mut app = fixture_app();
    insta::assert_snapshot!(screen(&mut app, 60, 20).backend());
}

#[test]
fn fixture_help_and_sidebar_overlay() {
    let mut app = fixture_app();
    app.update(Action::Run(Command::ToggleSidebar));
    insta::assert_snapshot!("sidebar_overlay_90x24", screen(&mut app, 90, 24).backend());
    app.update(Action::Run(Command::Help));
    insta::assert_snapshot!("help_90x30", screen(&mut app, 90, 30).backend());
}

fn seed_app(w: u16, h: u16) -> Option<App> {
    let corpus = seed()?;
    let mut app = App::new(corpus);
    app.update(Action::Resize(w, h));
    let wang = app
        .corpus()
        .index
        .find("Wang Huning")
        .expect("the extractor finds Wang Huning in the seed");
    app.update(Action::Activate(wang));
    Some(app)
}

#[test]
fn seed_200x50_wang_huning_active() {
    let Some(mut app) = seed_app(200, 50) else {
        return;
    };
    let t = screen(&mut app, 200, 50);
    insta::assert_snapshot!(t.backend());
    // Both captions stand beside the body, not inside it.
    let layout = app.layout().unwrap();
    let credits_beside = layout
        .rows
        .iter()
        .filter(|r| r.side.is_some_and(|s| s.role == Role::Credit))
        .count();
    assert_eq!(credits_beside, 2);
    assert!(
        layout
            .rows
            .iter()
            .all(|r| r.main.is_none_or(|s| s.role != Role::Caption))
    );
    // Every "Wang Huning" and every later "Wang" on screen is highlighted.
    let buf = t.backend().buffer();
    let highlighted = runs(buf, |c| c.bg == Color::Yellow);
    let on_screen: usize = (0..50)
        .map(|y| {
            let line: String = (50..186)
                .map(|x| buf[(x, y)].symbol().to_string())
                .collect();
            line.matches("Wang").count()
        })
        .sum();
    let marked: usize = highlighted.iter().map(|s| s.matches("Wang").count()).sum();
    assert!(on_screen >= 6, "{on_screen}");
    assert_eq!(marked, on_screen, "{highlighted:?}");
}

#[test]
fn seed_100x30_wang_huning_active() {
    let Some(mut app) = seed_app(100, 30) else {
        return;
    };
    insta::assert_snapshot!(screen(&mut app, 100, 30).backend());
}

#[test]
fn seed_60x20_wang_huning_active() {
    let Some(mut app) = seed_app(60, 20) else {
        return;
    };
    insta::assert_snapshot!(screen(&mut app, 60, 20).backend());
}

#[test]
fn seed_80_columns_captions_are_inline_marked_blocks() {
    let Some(mut app) = seed_app(80, 40) else {
        return;
    };
    app.update(Action::Run(Command::Top));
    let t = screen(&mut app, 80, 40);
    let layout = app.layout().unwrap();
    assert!(layout.rows.iter().all(|r| r.side.is_none()));
    let text = t.backend().to_string();
    assert!(text.contains("▌ (Xinhua/Pang Xinglei)"), "{text}");
}

#[test]
fn no_panic_at_any_size_or_on_an_empty_collection() {
    let mut apps = vec![App::new(Corpus::default()), fixture_app()];
    let mut with_help = fixture_app();
    with_help.update(Action::Run(Command::Help));
    apps.push(with_help);
    let mut sidebar = fixture_app();
    sidebar.update(Action::Run(Command::ToggleSidebar));
    apps.push(sidebar);
    let sizes = (0..=130u16)
        .step_by(3)
        .chain([1, 59, 60, 99, 100, 200])
        .flat_map(|w| (0..=40u16).step_by(3).chain([1, 2]).map(move |h| (w, h)));
    for (w, h) in sizes {
        for app in &mut apps {
            let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
            app.update(Action::Resize(w, h));
            app.update(Action::Run(Command::NextMention));
            terminal.draw(|f| dateline::ui::render(app, f)).unwrap();
        }
    }
}

#[test]
fn hostile_text_shows_placeholders() {
    let mut a = support::harbour();
    a.title = "Bad \x1b]0;owned\x07 title".into();
    a.blocks[1].text.insert_str(0, "\x1b[2J\u{202E}");
    let mut app = App::new(support::corpus(vec![a]));
    let t = screen(&mut app, 120, 30);
    let buf = t.backend().buffer();
    let all: String = buf.content().iter().map(|c| c.symbol()).collect();
    assert!(!all.chars().any(|c| c.is_control() || c == '\u{202E}'));
    assert!(all.contains("␛]0;owned␇"));
    assert!(all.contains("␛[2J"));
}

#[test]
fn list_title_says_what_filters_it() {
    let mut app = fixture_app();
    app.update(Action::Run(Command::FilterEntity));
    let t = screen(&mut app, 200, 20);
    let top: String = (0..200)
        .map(|x| t.backend().buffer()[(x, 0)].symbol().to_string())
        .collect();
    assert!(top.contains("Articles 3/4 · Ada Lindqvist"), "{top}");
    app.update(Action::Run(Command::Top));
    app.update(Action::Run(Command::FocusPrev));
    app.update(Action::Run(Command::Search));
    app.update(Action::SearchInput('q'));
    app.update(Action::SearchInput('u'));
    let t = screen(&mut app, 200, 20);
    let top: String = (0..200)
        .map(|x| t.backend().buffer()[(x, 0)].symbol().to_string())
        .collect();
    assert!(top.contains("Articles 2/4 · Ada Lindqvist · /qu"), "{top}");
}

#[test]
fn the_sidebar_says_indexing_until_the_index_arrives() {
    let text = |t: &Terminal<TestBackend>| -> String {
        let buf = t.backend().buffer();
        buf.content().iter().map(|c| c.symbol()).collect()
    };
    let mut app = App::new(Corpus::default());
    app.update(Action::Loading(Default::default()));
    let articles = fixture().articles;
    app.update(Action::ArticlesAppended(articles));
    app.update(Action::Run(Command::Open));
    assert!(app.open().is_some());
    let loading = text(&screen(&mut app, 120, 30));
    assert!(loading.contains("indexing…"), "{loading}");
    app.update(Action::IndexReady(Default::default()));
    let done = text(&screen(&mut app, 120, 30));
    assert!(!done.contains("indexing…") && done.contains("no entities found"));
}

#[test]
fn the_help_scrolls_back_at_the_first_key_from_its_bottom() {
    let text = |t: &Terminal<TestBackend>| -> Vec<String> {
        let buf = t.backend().buffer();
        (0..buf.area.height)
            .map(|y| (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect())
            .collect()
    };
    let mut app = App::new(fixture());
    app.update(Action::Resize(100, 16));
    for c in [Command::Help, Command::Bottom] {
        app.update(Action::Run(c));
    }
    let bottom = text(&screen(&mut app, 100, 16));
    assert!(bottom.iter().any(|l| l.contains("click")), "{bottom:#?}");
    app.update(Action::Run(Command::Up));
    let up = text(&screen(&mut app, 100, 16));
    assert_ne!(up, bottom, "one key up moves the help");
    assert!(!up.iter().any(|l| l.contains("click")), "{up:#?}");
}
