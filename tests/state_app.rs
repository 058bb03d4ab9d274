//! Lasting state in the reader: the u/b/B commands, and a session that saves
//! marks and place and restores them in a new App.

mod support;

use dateline::app::wrap::Source;
use dateline::app::{Action, App, CaptionMode, Command, Focus, SortOrder};
use dateline::corpus::stored::StoredArticle;
use dateline::session::Session;
use dateline::state::{Marks, TextPart};
use support::fixture;

fn app_at(w: u16, h: u16) -> App {
    let mut app = App::new(fixture());
    app.update(Action::Resize(w, h));
    app
}

fn run(app: &mut App, commands: &[Command]) {
    for &c in commands {
        app.update(Action::Run(c));
    }
}

/// Corpus index of the fixture article whose title starts with `title`.
fn article(app: &App, title: &str) -> u32 {
    app.corpus()
        .articles
        .iter()
        .position(|a| a.title().starts_with(title))
        .unwrap() as u32
}

#[test]
fn opening_marks_read_and_u_toggles_it() {
    let mut app = App::new(fixture()).with_settings(
        Vec::new(),
        SortOrder::NewestFirst,
        CaptionMode::Alongside,
    );
    app.update(Action::Resize(120, 40));
    // Nothing is read until opened by the user.
    assert!((0..4).all(|a| !app.marks(a).read));
    run(&mut app, &[Command::Down, Command::Open]);
    let opened = app.open().unwrap();
    assert_eq!(opened, article(&app, "Ada Lindqvist opens"));
    assert!(app.marks(opened).read);
    // In the reader, u toggles the open article.
    run(&mut app, &[Command::ToggleRead]);
    assert!(!app.marks(opened).read);
    assert_eq!(app.message(), Some("unread"));
    // In the list, u toggles the selected article, not the open one.
    run(&mut app, &[Command::FocusPrev, Command::Down]);
    assert_eq!(app.focus(), Focus::List);
    let selected = app.selected().unwrap();
    assert_ne!(selected, opened);
    run(&mut app, &[Command::ToggleRead]);
    assert!(app.marks(selected).read);
    assert!(!app.marks(opened).read);
}

#[test]
fn b_bookmarks_and_capital_b_lists_only_bookmarks() {
    let mut app = app_at(120, 40);
    let newest = app.selected().unwrap();
    run(
        &mut app,
        &[
            Command::ToggleBookmark,
            Command::Down,
            Command::Down,
            Command::ToggleBookmark,
        ],
    );
    let third = app.selected().unwrap();
    assert!(app.marks(newest).bookmarked && app.marks(third).bookmarked);
    run(&mut app, &[Command::BookmarkedOnly]);
    assert!(app.bookmarked_only());
    assert_eq!(app.order(), [newest, third]);
    assert_eq!(app.message(), Some("2 bookmarked articles"));
    // Removing a bookmark while filtering drops the article from the list.
    run(&mut app, &[Command::ToggleBookmark]);
    assert_eq!(app.order().len(), 1);
    run(&mut app, &[Command::BookmarkedOnly]);
    assert_eq!(app.order().len(), 4);
}

#[test]
fn bookmarks_only_with_no_bookmark_is_an_empty_list_that_recovers() {
    let mut app = app_at(80, 24);
    run(
        &mut app,
        &[
            Command::BookmarkedOnly,
            Command::Down,
            Command::Open,
            Command::ToggleBookmark,
        ],
    );
    assert!(app.order().is_empty());
    assert_eq!(app.selected(), None);
    run(&mut app, &[Command::BookmarkedOnly]);
    assert_eq!(app.order().len(), 4);
}

#[test]
fn restore_opens_the_article_at_its_row_with_the_entity_active() {
    let mut app = app_at(100, 30);
    let harbour = article(&app, "Ada Lindqvist opens");
    let ada = app.corpus().index.find("Ada Lindqvist").unwrap();
    app.update(Action::Restore {
        article: Some(harbour),
        scroll: 3,
        at: None,
        entity: Some(ada),
    });
    assert_eq!(app.open(), Some(harbour));
    assert_eq!(app.scroll(), 3);
    assert_eq!(app.active(), Some(ada));
    assert_eq!(app.focus(), Focus::Reader);
    // An index past the collection (a shrunken folder) opens nothing new.
    let mut other = app_at(100, 30);
    let before = other.open();
    other.update(Action::Restore {
        article: Some(99),
        scroll: 5,
        at: None,
        entity: None,
    });
    assert_eq!(other.open(), before);
}

#[test]
fn a_session_brings_back_marks_and_place_after_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.json");
    let inputs = vec!["fixtures".to_string()];

    let corpus = fixture();
    let mut session = Session::open(&path, &inputs, &corpus).unwrap();
    let mut app = App::new(corpus).with_settings(
        session.marks().to_vec(),
        SortOrder::NewestFirst,
        CaptionMode::Alongside,
    );
    app.update(Action::Resize(100, 30));
    let harbour = article(&app, "Ada Lindqvist opens");
    let ada = app.corpus().index.find("Ada Lindqvist").unwrap();
    run(
        &mut app,
        &[Command::Down, Command::Open, Command::ToggleBookmark],
    );
    app.update(Action::Activate(ada));
    run(&mut app, &[Command::Down, Command::Down]);
    let scroll = app.scroll();
    assert!(scroll > 0);
    session.record(&app).unwrap();
    session.save().unwrap();

    // A new run over the same collection.
    let corpus = fixture();
    let session = Session::open(&path, &inputs, &corpus).unwrap();
    let start = session.restore(&corpus).expect("a place to go back to");
    let mut again = App::new(corpus).with_settings(
        session.marks().to_vec(),
        SortOrder::NewestFirst,
        CaptionMode::Alongside,
    );
    again.update(Action::Resize(100, 30));
    again.update(start);
    assert_eq!(again.open(), Some(harbour));
    assert_eq!(again.scroll(), scroll);
    assert_eq!(again.active(), Some(ada));
    assert_eq!(
        again.marks(harbour),
        Marks {
            read: true,
            bookmarked: true
        }
    );
    let others: Vec<Marks> = (0..4)
        .filter(|&a| a != harbour)
        .map(|a| again.marks(a))
        .collect();
    assert!(others.iter().all(|m| *m == Marks::default()), "{others:?}");

    // Another collection has its own place but shares the article marks.
    let corpus = fixture();
    let elsewhere = Session::open(&path, &["other".to_string()], &corpus).unwrap();
    assert!(elsewhere.restore(&corpus).is_none());
    assert!(elsewhere.marks()[harbour as usize].bookmarked);
}

#[test]
fn an_edited_article_does_not_inherit_marks() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.json");
    let corpus = fixture();
    let mut session = Session::open(&path, &[], &corpus).unwrap();
    let mut app = App::new(corpus).with_settings(
        session.marks().to_vec(),
        SortOrder::NewestFirst,
        CaptionMode::Alongside,
    );
    run(&mut app, &[Command::ToggleBookmark]);
    let bookmarked = app.selected().unwrap() as usize;
    session.record(&app).unwrap();

    let mut edited = fixture();
    let mut article = edited.article(bookmarked).into_owned();
    article.blocks[0].text.push_str(" (corrected)");
    edited.articles[bookmarked] = StoredArticle::kept(article);
    let session = Session::open(&path, &[], &edited).unwrap();
    assert!(!session.marks()[bookmarked].bookmarked);
    assert!(Session::open(&path, &[], &fixture()).unwrap().marks()[bookmarked].bookmarked);
}

#[test]
fn marks_made_while_loading_survive_the_next_batch_of_saved_marks() {
    let mut app = app_at(200, 50);
    app.update(Action::Run(Command::ToggleBookmark));
    let a = app.order()[app.list().selected];
    assert!(a < 3, "{a}");
    // A later batch brings the saved marks of the articles after it.
    let read = Marks {
        read: true,
        ..Marks::default()
    };
    let later = a + 1..4;
    app.update(Action::Marks {
        from: later.start,
        marks: vec![read; later.len()],
    });
    assert!(
        app.marks(a).bookmarked,
        "a bookmark made while loading was lost"
    );
    assert!(later.clone().all(|i| app.marks(i).read));
    assert!((0..a).all(|i| app.marks(i) == Marks::default()));
}

#[test]
fn restoring_the_last_place_marks_no_other_article_read() {
    let mut app = support::app_at(fixture(), 200, 50).with_settings(
        Vec::new(),
        SortOrder::NewestFirst,
        CaptionMode::Alongside,
    );
    let marta = app.corpus().index.find("Marta Okafor").unwrap();
    app.update(Action::Restore {
        article: Some(3),
        scroll: 0,
        at: None,
        entity: Some(marta),
    });
    assert_eq!(app.open(), Some(3));
    assert_eq!(app.active(), Some(marta));
    let read: Vec<u32> = (0..4).filter(|&a| app.marks(a).read).collect();
    assert_eq!(read, [3], "only the article restored is read");
}

#[test]
fn unbookmarking_in_the_bookmarked_list_leaves_the_cursor_in_place() {
    let mut app = app_at(200, 50);
    for _ in 0..4 {
        run(&mut app, &[Command::ToggleBookmark, Command::Down]);
    }
    run(
        &mut app,
        &[
            Command::BookmarkedOnly,
            Command::Top,
            Command::Down,
            Command::Down,
        ],
    );
    assert_eq!((app.order().len(), app.list().selected), (4, 2));
    let next = app.order()[3];
    run(&mut app, &[Command::ToggleBookmark]);
    assert_eq!(app.order().len(), 3);
    assert_eq!(app.list().selected, 2);
    assert_eq!(app.order()[2], next);
}

#[test]
fn the_reading_place_comes_back_at_another_width() {
    let mut wide = app_at(200, 12);
    run(&mut wide, &[Command::Down, Command::Open]);
    run(&mut wide, &[Command::Down; 5]);
    let at = wide.reading_position().expect("a place in the text");
    assert!(matches!(at.part, TextPart::Block(_)), "{at:?}");
    for width in [90, 200, 60] {
        let mut other = app_at(width, 12);
        other.update(Action::Restore {
            article: wide.open(),
            scroll: wide.scroll(),
            at: Some(at),
            entity: None,
        });
        assert_eq!(other.focus(), Focus::Reader);
        // The first row shown holds the text the wide reader began with.
        let top = other.layout().unwrap().rows[other.scroll()..]
            .iter()
            .find_map(|r| r.main)
            .unwrap();
        let part = match top.source {
            Source::Block(b) => TextPart::Block(b),
            other => panic!("{other:?}"),
        };
        assert_eq!(part, at.part, "at {width} columns");
        assert!(
            top.start <= at.offset && at.offset < top.end,
            "at {width}: {top:?} {at:?}"
        );
    }
}
