//! The profile screen and the entity browser in the app: opening, moving,
//! `Enter` on every concordance line landing on that mention, `Esc` back,
//! fuzzy filtering, and drawing at every size.

mod support;

use support::{app_at, run};

use dateline::app::{Action, App, Command, Focus, Overlay, ProfileView, Section};
use dateline::article::parse::parse_text;
use dateline::corpus::Corpus;
use dateline::entity::EntityId;
use dateline::entity::profile::{SortBy, Texts};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn id(app: &App, name: &str) -> EntityId {
    app.corpus().index.find(name).expect(name)
}

fn profile(app: &App) -> &ProfileView {
    match app.overlay() {
        Some(Overlay::Profile(v)) => v,
        other => panic!("no profile shown: {other:?}"),
    }
}

/// The bundled sample articles, through the real parser and extractor.
fn bundled() -> Corpus {
    Corpus::from_articles(
        dateline::assets::articles()
            .into_iter()
            .map(|(path, text)| parse_text(&path, text))
            .collect(),
    )
}

/// Opens the profile of `who`, then for every concordance line: selects it,
/// presses Enter, and checks the reader shows that article at exactly that
/// mention with the entity active, and that `n` goes on to the next one.
fn every_line_lands_on_its_mention(corpus: Corpus, who: EntityId) -> usize {
    let mut app = app_at(corpus, 160, 48);
    app.update(Action::Activate(who));
    run(&mut app, &[Command::Profile]);
    let lines = profile(&app).profile.concordance.clone();
    assert_eq!(
        lines.len(),
        app.corpus().index.entity(who).mentions as usize
    );
    for (i, line) in lines.iter().enumerate() {
        if app.overlay().is_none() {
            run(&mut app, &[Command::Profile]);
        }
        run(&mut app, &[Command::Top]);
        for _ in 0..i {
            run(&mut app, &[Command::Down]);
        }
        assert_eq!(profile(&app).lines.selected, i);
        run(&mut app, &[Command::Open]);
        assert!(app.overlay().is_none(), "Enter closes the profile");
        assert_eq!(app.open(), Some(line.article), "line {i}");
        assert_eq!(app.current(), Some(line.mention), "line {i}");
        assert_eq!(app.active(), Some(who));
        assert_eq!(app.focus(), Focus::Reader);
        // The mention is on screen.
        let layout = app.layout().expect("an open article");
        let row = layout
            .row_of(app.open_article_ref().unwrap(), &line.mention)
            .expect("the mention is laid out");
        let height = app.panes().reader_text().height as usize;
        assert!(
            row >= app.scroll() && row < app.scroll() + height,
            "line {i} not in view"
        );
        // `n` continues from there, within the article when it can.
        let index = &app.corpus().index;
        let next_here =
            index.next_mention(line.article as usize, who, Some(line.mention.order_key()));
        run(&mut app, &[Command::NextMention]);
        if let Some(next) = next_here {
            assert_eq!(
                (app.open(), app.current()),
                (Some(line.article), Some(next))
            );
        } else {
            assert!(app.current().is_some());
        }
    }
    lines.len()
}

#[test]
fn every_concordance_line_opens_at_its_mention_in_the_fixture() {
    let corpus = support::fixture();
    let ada = corpus.index.find("Ada Lindqvist").unwrap();
    assert!(every_line_lands_on_its_mention(corpus, ada) >= 3);
}

#[test]
fn every_concordance_line_opens_at_its_mention_in_the_bundled_articles() {
    let corpus = bundled();
    // The person in most articles (the bundled set has one in several).
    let index = &corpus.index;
    let who = (0..index.len() as EntityId)
        .filter(|&i| index.entity(i).kind == dateline::entity::EntityKind::Person)
        .max_by_key(|&i| (index.entity(i).articles.len(), index.entity(i).mentions))
        .expect("a person");
    assert!(
        index.entity(who).articles.len() >= 3,
        "{:?}",
        index.entity(who)
    );
    every_line_lands_on_its_mention(corpus, who);
}

#[test]
fn profile_counts_match_the_index_and_esc_returns_to_the_reader() {
    let mut app = app_at(support::fixture(), 200, 50);
    let ada = id(&app, "Ada Lindqvist");
    app.update(Action::Activate(ada));
    run(&mut app, &[Command::FocusNext, Command::Down]);
    let before = (app.open(), app.scroll(), app.focus(), app.current());
    run(&mut app, &[Command::Profile]);
    let v = profile(&app);
    let e = app.corpus().index.entity(ada);
    assert_eq!(v.profile.articles, e.articles.len());
    assert_eq!(v.profile.mentions, e.mentions as usize);
    assert_eq!(v.profile.timeline.total_mentions(), e.mentions);
    assert_eq!(v.section, Section::Concordance);
    // Keys move inside the profile, not the reader underneath.
    run(
        &mut app,
        &[Command::Down, Command::FocusNext, Command::Down],
    );
    assert_eq!(profile(&app).section, Section::CoMentions);
    run(&mut app, &[Command::Cancel]);
    assert!(app.overlay().is_none());
    assert_eq!(
        (app.open(), app.scroll(), app.focus(), app.current()),
        before
    );
}

#[test]
fn enter_on_the_active_entity_in_the_sidebar_opens_its_profile() {
    let mut app = app_at(support::fixture(), 200, 50);
    run(&mut app, &[Command::FocusNext, Command::FocusNext]);
    assert_eq!(app.focus(), Focus::Sidebar);
    let first = app.sidebar_selected().expect("an entity");
    run(&mut app, &[Command::Open]);
    assert_eq!(app.active(), Some(first));
    assert!(app.overlay().is_none());
    run(&mut app, &[Command::Open]);
    assert_eq!(profile(&app).profile.id, first);
}

#[test]
fn co_mention_enter_opens_its_profile_and_esc_comes_back() {
    let mut app = app_at(support::fixture(), 200, 50);
    let ada = id(&app, "Ada Lindqvist");
    app.update(Action::Activate(ada));
    run(&mut app, &[Command::Profile, Command::FocusNext]);
    let other = profile(&app).profile.co_mentions[0].id;
    run(&mut app, &[Command::Open]);
    assert_eq!(profile(&app).profile.id, other);
    run(&mut app, &[Command::Cancel]);
    assert_eq!(profile(&app).profile.id, ada);
    run(&mut app, &[Command::Cancel]);
    assert!(app.overlay().is_none());
}

#[test]
fn sorting_the_concordance_cycles_through_the_orders() {
    let mut app = app_at(support::fixture(), 200, 50);
    app.update(Action::Activate(id(&app, "Ada Lindqvist")));
    run(&mut app, &[Command::Profile]);
    let by_date = profile(&app).profile.concordance.clone();
    run(&mut app, &[Command::CycleSort]);
    assert_eq!(profile(&app).sort, SortBy::WordBefore);
    let corpus = app.corpus();
    let words: Vec<String> = profile(&app)
        .profile
        .concordance
        .iter()
        .map(|l| l.word_before_in(Texts::new(corpus).of(l)).to_lowercase())
        .collect();
    assert!(words.windows(2).all(|w| w[0] <= w[1]), "{words:?}");
    run(&mut app, &[Command::CycleSort, Command::CycleSort]);
    assert_eq!(profile(&app).sort, SortBy::Date);
    assert_eq!(profile(&app).profile.concordance, by_date);
}

#[test]
fn p_without_any_entity_says_so() {
    let mut app = app_at(Corpus::default(), 80, 24);
    run(&mut app, &[Command::Profile]);
    assert!(app.overlay().is_none());
    assert!(app.message().is_some_and(|m| m.contains("no entity")));
}

#[test]
fn browser_filters_fuzzily_and_opens_profiles() {
    let mut app = app_at(support::fixture(), 200, 50);
    run(&mut app, &[Command::Browse]);
    let Some(Overlay::Browser(b)) = app.overlay() else {
        panic!("no browser");
    };
    let all = b.entities().count();
    assert_eq!(all, app.corpus().index.len());
    for c in "lndqvst".chars() {
        app.update(Action::SearchInput(c));
    }
    let Some(Overlay::Browser(b)) = app.overlay() else {
        panic!("no browser");
    };
    assert_eq!(b.query, "lndqvst");
    let first = b.selected().expect("a match");
    assert_eq!(app.corpus().index.entity(first).name, "Ada Lindqvist");
    app.update(Action::SearchConfirm);
    assert_eq!(profile(&app).profile.id, first);
    run(&mut app, &[Command::Cancel]);
    assert!(app.is_browsing());
    for _ in 0..7 {
        app.update(Action::SearchBackspace);
    }
    app.update(Action::SearchInput('#'));
    app.update(Action::SearchInput('#'));
    let Some(Overlay::Browser(b)) = app.overlay() else {
        panic!("no browser");
    };
    assert_eq!(b.selected(), None);
    app.update(Action::SearchConfirm);
    assert!(app.is_browsing(), "nothing to open");
    run(&mut app, &[Command::Cancel]);
    assert!(app.overlay().is_none());
}

#[test]
fn profile_and_browser_draw_at_every_size_without_panicking() {
    let mut app = App::new(support::fixture());
    app.update(Action::Activate(id(&app, "Ada Lindqvist")));
    for (w, h) in [
        (1, 1),
        (2, 3),
        (10, 5),
        (30, 12),
        (59, 20),
        (80, 24),
        (200, 60),
    ] {
        for screen in [Command::Profile, Command::Browse] {
            app.update(Action::Resize(w, h));
            run(&mut app, &[screen]);
            let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
            t.draw(|f| dateline::ui::render(&app, f)).unwrap();
            run(&mut app, &[Command::Cancel]);
        }
    }
}

/// The text of a drawn screen, one string per row.
fn screen(app: &App) -> String {
    let (w, h) = app.size();
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| dateline::ui::render(app, f)).unwrap();
    let buf = t.backend().buffer();
    (0..h)
        .map(|y| (0..w).map(|x| buf[(x, y)].symbol()).collect::<String>() + "\n")
        .collect()
}

#[test]
fn profile_screen_snapshot() {
    let mut app = app_at(support::fixture(), 120, 30);
    app.update(Action::Activate(id(&app, "Ada Lindqvist")));
    run(&mut app, &[Command::Profile]);
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn browser_screen_snapshot() {
    let mut app = app_at(support::fixture(), 100, 24);
    run(&mut app, &[Command::Browse]);
    app.update(Action::SearchInput('o'));
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn a_concordance_jump_ends_a_list_search_and_its_filter() {
    let mut app = app_at(support::fixture(), 200, 50);
    run(&mut app, &[Command::Search]);
    for c in "Fishing".chars() {
        app.update(Action::SearchInput(c));
    }
    app.update(Action::SearchConfirm);
    assert!(app.order().len() < 4, "{:?}", app.order());
    let ada = app.corpus().index.find("Ada Lindqvist").unwrap();
    app.update(Action::Activate(ada));
    run(
        &mut app,
        &[Command::Profile, Command::Bottom, Command::Open],
    );
    assert!(app.overlay().is_none());
    assert!(app.search().is_none());
    assert_eq!(app.order().len(), 4, "{:?}", app.order());
}
