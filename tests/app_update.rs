//! `App::update`: every action, the mention cursor across articles, and the
//! edge cases (no entity active, one mention, empty collection, one article).

mod support;

use support::{app_at, run};

use dateline::app::{Action, App, CaptionMode, Command, Focus, SearchScope, SortOrder};
use dateline::article::BlockKind;
use dateline::corpus::Corpus;
use dateline::entity::EntityId;
use support::{corpus, fixture, harbour};

fn typed(app: &mut App, text: &str) {
    for c in text.chars() {
        app.update(Action::SearchInput(c));
    }
}

fn id(app: &App, name: &str) -> EntityId {
    app.corpus().index.find(name).expect(name)
}

/// The text of the current mention.
fn current_text(app: &App) -> String {
    let m = app.current().expect("a current mention");
    let a = app.open_article_ref().unwrap();
    a.text_of(m.block.map(|b| b as usize))[m.start as usize..m.end as usize].to_string()
}

// Corpus indices: 0 harbour (2024-03-04), 1 budget (01-10), 2 season (05-20), 3 weather (02-14).

#[test]
fn starts_newest_first_with_the_newest_article_open() {
    let app = app_at(fixture(), 200, 50);
    assert_eq!(app.order(), &[2, 0, 3, 1]);
    assert_eq!(app.open(), Some(2));
    assert_eq!(app.focus(), Focus::List);
    assert_eq!(app.position_label(), "article 1/4");
}

#[test]
fn list_moves_clamp_and_enter_opens_in_the_reader() {
    let mut app = app_at(fixture(), 200, 50);
    run(&mut app, &[Command::Up]);
    assert_eq!(app.list().selected, 0);
    run(&mut app, &[Command::Down, Command::Down]);
    assert_eq!(app.selected(), Some(3));
    run(&mut app, &[Command::Bottom]);
    assert_eq!(app.selected(), Some(1));
    run(&mut app, &[Command::PageDown, Command::Down]);
    assert_eq!(app.list().selected, 3);
    run(&mut app, &[Command::Top, Command::Down, Command::Open]);
    assert_eq!(app.open(), Some(0));
    assert_eq!(app.focus(), Focus::Reader);
    assert_eq!(app.position_label(), "article 2/4");
}

#[test]
fn selected_row_stays_visible_in_a_short_list() {
    let articles = (0..50)
        .map(|i| dateline::article::Article {
            path: format!("a{i}.txt"),
            title: format!("Article {i}"),
            ..Default::default()
        })
        .collect();
    let mut app = app_at(corpus(articles), 100, 12);
    let height = app.panes().list_inner().height as usize;
    for _ in 0..30 {
        run(&mut app, &[Command::Down]);
        let l = app.list();
        assert!(
            l.selected >= l.offset && l.selected < l.offset + height,
            "{l:?}"
        );
    }
    run(&mut app, &[Command::HalfPageUp, Command::HalfPageUp]);
    let l = app.list();
    assert!(
        l.selected >= l.offset && l.selected < l.offset + height,
        "{l:?}"
    );
}

#[test]
fn reader_scrolls_within_the_text() {
    let mut app = app_at(corpus(vec![harbour()]), 70, 12);
    run(&mut app, &[Command::FocusNext]);
    assert_eq!(app.focus(), Focus::Reader);
    run(&mut app, &[Command::Down, Command::Down]);
    assert_eq!(app.scroll(), 2);
    run(&mut app, &[Command::Bottom]);
    let rows = app.layout().unwrap().rows.len();
    let view = app.panes().reader_text().height as usize;
    assert_eq!(app.scroll(), rows - view);
    run(&mut app, &[Command::PageDown, Command::Down]);
    assert_eq!(app.scroll(), rows - view, "no scrolling past the end");
    run(&mut app, &[Command::HalfPageUp]);
    assert!(app.scroll() < rows - view);
    run(&mut app, &[Command::Top]);
    assert_eq!(app.scroll(), 0);
}

#[test]
fn focus_cycles_both_ways() {
    let mut app = app_at(fixture(), 200, 50);
    run(&mut app, &[Command::FocusNext]);
    assert_eq!(app.focus(), Focus::Reader);
    run(&mut app, &[Command::FocusNext]);
    assert_eq!(app.focus(), Focus::Sidebar);
    run(&mut app, &[Command::FocusNext]);
    assert_eq!(app.focus(), Focus::List);
    run(&mut app, &[Command::FocusPrev]);
    assert_eq!(app.focus(), Focus::Sidebar);
}

#[test]
fn sidebar_groups_the_open_articles_entities_and_enter_activates() {
    let mut app = app_at(fixture(), 200, 50);
    run(&mut app, &[Command::Down, Command::Open]); // the harbour story
    let rows = app.sidebar_rows();
    let text: Vec<String> = rows
        .iter()
        .map(|r| match r {
            dateline::app::SidebarRow::Header(k) => format!("# {}", k.as_str()),
            dateline::app::SidebarRow::Entity { id, count } => {
                format!("{} {count}", app.corpus().index.entity(*id).name)
            }
        })
        .collect();
    assert_eq!(
        text,
        [
            "# person",
            "Ada Lindqvist 5",
            "Marta Okafor 2",
            "Tomas Reyes 1",
            "# organization",
            "Harbour Authority 4",
            "Coastal Wire 3",
            "# place",
            "Port Elm 4",
            "Norland 2",
        ]
    );
    run(
        &mut app,
        &[Command::ToggleSidebar, Command::Down, Command::Open],
    );
    assert_eq!(app.focus(), Focus::Sidebar);
    assert_eq!(app.active(), Some(id(&app, "Marta Okafor")));
    // Its first mention is the photographer's credit of the first caption.
    assert_eq!(current_text(&app), "Marta Okafor");
    assert_eq!(app.current().unwrap().block, Some(0));
}

#[test]
fn n_visits_every_mention_in_reading_order_then_the_next_articles() {
    let mut app = app_at(fixture(), 200, 50);
    run(&mut app, &[Command::Down, Command::Open]); // harbour, position 2 of 4
    let ada = id(&app, "Ada Lindqvist");
    app.update(Action::Activate(ada));
    let mut seen = vec![(app.open(), app.current().unwrap(), current_text(&app))];
    for _ in 0..4 {
        run(&mut app, &[Command::NextMention]);
        seen.push((app.open(), app.current().unwrap(), current_text(&app)));
    }
    let blocks: Vec<Option<u32>> = seen.iter().map(|s| s.1.block).collect();
    assert_eq!(blocks, [None, Some(0), Some(1), Some(2), Some(4)]);
    assert!(seen.iter().all(|s| s.0 == Some(0)));
    assert_eq!(
        seen.iter().map(|s| s.2.as_str()).collect::<Vec<_>>(),
        [
            "Ada Lindqvist",
            "Ada Lindqvist",
            "Ada Lindqvist",
            "Lindqvist",
            "Lindqvist"
        ]
    );
    assert_eq!(
        app.position_label(),
        "article 2/4 · mention 5/5 of Ada Lindqvist"
    );
    // Past the last: the weather story does not mention her, the budget story does.
    run(&mut app, &[Command::NextMention]);
    assert_eq!(app.open(), Some(1));
    assert_eq!(app.list().selected, 3, "the list follows");
    assert_eq!(current_text(&app), "Ada Lindqvist");
    assert_eq!(app.message(), None);
    // Past the end of the list: around to the first article, with a message.
    run(&mut app, &[Command::NextMention]);
    assert_eq!(app.open(), Some(2));
    assert_eq!(app.current().unwrap().block, Some(1));
    assert_eq!(current_text(&app), "Lindqvist");
    assert!(
        app.message().unwrap().contains("wrapped"),
        "{:?}",
        app.message()
    );
}

#[test]
fn capital_n_goes_back_through_articles_to_their_last_mention() {
    let mut app = app_at(fixture(), 200, 50);
    let ada = id(&app, "Ada Lindqvist");
    app.update(Action::Activate(ada)); // the season story is open: its first mention
    assert_eq!(app.open(), Some(2));
    run(&mut app, &[Command::PrevMention]);
    // Backwards from the first article: around to the last listed one (budget).
    assert_eq!(app.open(), Some(1));
    assert!(app.message().unwrap().contains("wrapped"));
    run(&mut app, &[Command::PrevMention]);
    assert_eq!(app.open(), Some(0), "skips the weather story");
    assert_eq!(app.current().unwrap().block, Some(4), "at its last mention");
    run(&mut app, &[Command::PrevMention]);
    assert_eq!(app.current().unwrap().block, Some(2));
}

#[test]
fn n_without_an_active_entity_says_so_and_changes_nothing() {
    let mut app = app_at(fixture(), 200, 50);
    run(&mut app, &[Command::NextMention]);
    assert_eq!(app.open(), Some(2));
    assert_eq!(app.current(), None);
    assert!(app.message().unwrap().contains("no active entity"));
    run(&mut app, &[Command::FilterEntity]);
    assert_eq!(app.order().len(), 4);
    assert!(!app.entity_filter());
}

#[test]
fn an_entity_with_one_mention_wraps_onto_itself() {
    let mut app = app_at(fixture(), 200, 50);
    run(&mut app, &[Command::Down, Command::Open]);
    let tomas = id(&app, "Tomas Reyes");
    // Tomas Reyes: once in the harbour story, once in the season story.
    app.update(Action::Activate(tomas));
    assert_eq!(app.open(), Some(0));
    run(&mut app, &[Command::FilterEntity]);
    assert_eq!(app.order(), &[2, 0]);
    let harbour_only = corpus(vec![harbour()]);
    let mut one = app_at(harbour_only, 200, 50);
    let tomas = id(&one, "Tomas Reyes");
    one.update(Action::Activate(tomas));
    let first = one.current();
    run(&mut one, &[Command::NextMention]);
    assert_eq!(one.current(), first);
    assert!(one.message().unwrap().contains("only this article"));
    run(&mut one, &[Command::PrevMention]);
    assert_eq!(one.current(), first);
}

#[test]
fn activating_scrolls_the_first_mention_into_view() {
    let mut app = app_at(corpus(vec![harbour()]), 64, 14);
    let reyes = id(&app, "Tomas Reyes");
    app.update(Action::Activate(reyes));
    let layout = app.layout().unwrap();
    let row = layout
        .row_of(app.open_article_ref().unwrap(), &app.current().unwrap())
        .unwrap();
    let view = app.panes().reader_text().height as usize;
    assert!(
        row >= app.scroll() && row < app.scroll() + view,
        "row {row} scroll {}",
        app.scroll()
    );
    assert!(app.scroll() > 0);
}

#[test]
fn empty_collection_takes_every_action() {
    let mut app = app_at(Corpus::default(), 80, 24);
    for c in Command::ALL.into_iter().filter(|&c| c != Command::Quit) {
        app.update(Action::Run(c));
        app.update(Action::Run(Command::Cancel));
    }
    app.update(Action::Run(Command::Search));
    typed(&mut app, "x");
    app.update(Action::SearchBackspace);
    app.update(Action::SearchConfirm);
    app.update(Action::Click { x: 3, y: 3 });
    app.update(Action::Wheel {
        x: 40,
        y: 5,
        down: true,
    });
    app.update(Action::Resize(1, 1));
    assert_eq!(app.open(), None);
    assert_eq!(app.position_label(), "no articles");
    assert!(app.sidebar_rows().is_empty());
    assert!(!app.should_quit());
}

#[test]
fn one_article_collection() {
    let mut app = app_at(corpus(vec![harbour()]), 120, 40);
    assert_eq!(app.open(), Some(0));
    run(
        &mut app,
        &[Command::Down, Command::Open, Command::CycleSort],
    );
    assert_eq!(app.order(), &[0]);
    let ada = id(&app, "Ada Lindqvist");
    app.update(Action::Activate(ada));
    for _ in 0..4 {
        run(&mut app, &[Command::NextMention]);
    }
    assert_eq!(
        app.position_label(),
        "article 1/1 · mention 5/5 of Ada Lindqvist"
    );
    run(&mut app, &[Command::NextMention]);
    assert_eq!(
        app.position_label(),
        "article 1/1 · mention 1/5 of Ada Lindqvist"
    );
}

#[test]
fn list_search_filters_as_you_type_and_esc_restores() {
    let mut app = app_at(fixture(), 200, 50);
    run(&mut app, &[Command::Down]); // select harbour
    run(&mut app, &[Command::Search]);
    assert!(app.is_editing());
    typed(&mut app, "BREAKWATER");
    assert_eq!(app.order(), &[0], "title and text, ignoring case");
    app.update(Action::SearchBackspace);
    typed(&mut app, "Rx");
    assert_eq!(app.order(), &[] as &[u32]);
    for _ in 0..2 {
        app.update(Action::SearchBackspace);
    }
    app.update(Action::SearchConfirm);
    assert!(!app.is_editing());
    assert_eq!(app.search().unwrap().scope, SearchScope::List);
    assert_eq!(app.order(), &[0]);
    run(&mut app, &[Command::Cancel]);
    assert_eq!(app.order(), &[2, 0, 3, 1]);
    assert_eq!(app.selected(), Some(0), "selection kept");
}

#[test]
fn reader_search_highlights_and_n_steps_matches_until_an_entity_is_activated() {
    let mut app = app_at(corpus(vec![harbour()]), 200, 50);
    run(&mut app, &[Command::FocusNext, Command::Search]);
    typed(&mut app, "quay");
    app.update(Action::SearchConfirm);
    let s = app.search().unwrap();
    assert_eq!(s.scope, SearchScope::Reader);
    assert_eq!(s.matches.len(), 2);
    assert_eq!(s.current, Some(0));
    run(&mut app, &[Command::NextMention]);
    assert_eq!(app.search().unwrap().current, Some(1));
    run(&mut app, &[Command::NextMention]);
    assert_eq!(app.search().unwrap().current, Some(0));
    assert!(app.message().unwrap().contains("wrapped"));
    run(&mut app, &[Command::PrevMention]);
    assert_eq!(app.search().unwrap().current, Some(1));
    let ada = id(&app, "Ada Lindqvist");
    app.update(Action::Activate(ada));
    run(&mut app, &[Command::NextMention]);
    assert_eq!(
        app.search().unwrap().current,
        Some(1),
        "n now follows the entity"
    );
    assert_eq!(app.current().unwrap().block, Some(0));
    run(&mut app, &[Command::Cancel]);
    assert!(app.search().is_none());
}

#[test]
fn f_filters_to_the_active_entity_and_back() {
    let mut app = app_at(fixture(), 200, 50);
    let ada = id(&app, "Ada Lindqvist");
    app.update(Action::Activate(ada));
    run(&mut app, &[Command::FilterEntity]);
    assert_eq!(app.order(), &[2, 0, 1]);
    assert!(app.message().unwrap().starts_with("3 articles mentioning"));
    run(&mut app, &[Command::FilterEntity]);
    assert_eq!(app.order().len(), 4);
}

#[test]
fn s_cycles_sort_and_keeps_the_selected_article() {
    let mut app = app_at(fixture(), 200, 50);
    run(&mut app, &[Command::Down]); // harbour
    run(&mut app, &[Command::CycleSort]);
    assert_eq!(app.sort(), SortOrder::OldestFirst);
    assert_eq!(app.order(), &[1, 3, 0, 2]);
    assert_eq!(app.selected(), Some(0));
    run(&mut app, &[Command::CycleSort]);
    assert_eq!(app.sort(), SortOrder::Title);
    let titles: Vec<&str> = app
        .order()
        .iter()
        .map(|&i| app.corpus().articles[i as usize].title())
        .collect();
    let mut sorted = titles.clone();
    sorted.sort_by_key(|t| t.to_lowercase());
    assert_eq!(titles, sorted);
    assert_eq!(app.selected(), Some(0));
    run(&mut app, &[Command::CycleSort]);
    assert_eq!(app.sort(), SortOrder::NewestFirst);
}

#[test]
fn c_cycles_captions_and_hidden_captions_are_skipped_by_n() {
    let mut app = app_at(corpus(vec![harbour()]), 200, 50);
    assert_eq!(app.layout().unwrap().mode, CaptionMode::Alongside);
    run(&mut app, &[Command::CycleCaptions]);
    assert_eq!(app.caption_mode(), CaptionMode::Inline);
    assert_eq!(app.layout().unwrap().mode, CaptionMode::Inline);
    run(&mut app, &[Command::CycleCaptions]);
    assert_eq!(app.caption_mode(), CaptionMode::Hidden);
    let okafor = id(&app, "Marta Okafor");
    app.update(Action::Activate(okafor));
    // Marta Okafor appears only in caption credits: nothing to visit.
    assert_eq!(app.current(), None);
    let ada = id(&app, "Ada Lindqvist");
    app.update(Action::Activate(ada));
    let a = app.open_article_ref().unwrap().clone();
    let mut blocks = vec![app.current().unwrap().block];
    for _ in 0..3 {
        run(&mut app, &[Command::NextMention]);
        blocks.push(app.current().unwrap().block);
    }
    assert!(
        blocks
            .iter()
            .flatten()
            .all(|&b| a.blocks[b as usize].kind == BlockKind::Body)
    );
    assert_eq!(blocks, [None, Some(1), Some(2), Some(4)]);
    run(&mut app, &[Command::CycleCaptions]);
    assert_eq!(app.caption_mode(), CaptionMode::Alongside);
}

#[test]
fn alongside_asked_but_narrow_lays_out_inline_and_says_so() {
    let mut app = app_at(corpus(vec![harbour()]), 80, 24);
    assert_eq!(app.layout().unwrap().mode, CaptionMode::Inline);
    run(
        &mut app,
        &[
            Command::CycleCaptions,
            Command::CycleCaptions,
            Command::CycleCaptions,
        ],
    );
    assert_eq!(app.caption_mode(), CaptionMode::Alongside);
    assert!(app.message().unwrap().contains("too narrow"));
}

#[test]
fn h_toggles_subtle_highlighting() {
    let mut app = app_at(fixture(), 200, 50);
    assert!(app.subtle_highlights());
    run(&mut app, &[Command::ToggleHighlights]);
    assert!(!app.subtle_highlights());
    run(&mut app, &[Command::ToggleHighlights]);
    assert!(app.subtle_highlights());
}

#[test]
fn e_shows_the_folded_sidebar_over_the_reader_and_esc_hides_it() {
    let mut app = app_at(fixture(), 80, 24);
    assert!(app.panes().sidebar.is_empty());
    run(&mut app, &[Command::ToggleSidebar]);
    assert_eq!(app.focus(), Focus::Sidebar);
    assert!(app.panes().overlay);
    run(&mut app, &[Command::Cancel]);
    assert_eq!(app.focus(), Focus::Reader);
    run(&mut app, &[Command::ToggleSidebar, Command::ToggleSidebar]);
    assert!(app.panes().sidebar.is_empty());
}

#[test]
fn one_pane_at_a_time_below_60_columns() {
    let mut app = app_at(fixture(), 50, 20);
    assert_eq!(app.panes().list.width, 50);
    run(&mut app, &[Command::Open]);
    assert_eq!(app.panes().reader.width, 50);
    assert!(app.panes().list.is_empty());
}

#[test]
fn help_opens_scrolls_and_closes() {
    let mut app = app_at(fixture(), 80, 24);
    run(&mut app, &[Command::Help]);
    assert_eq!(app.help(), Some(0));
    run(&mut app, &[Command::Down, Command::Down]);
    assert_eq!(app.help(), Some(2));
    run(&mut app, &[Command::Cancel]);
    assert_eq!(app.help(), None);
    run(&mut app, &[Command::Help, Command::Help]);
    assert_eq!(app.help(), None);
    assert!(!app.should_quit());
    // q and Ctrl-c quit from the help too.
    run(&mut app, &[Command::Help, Command::Quit]);
    assert!(app.should_quit());
}

#[test]
fn resize_rewraps_and_keeps_the_reading_position() {
    let mut app = app_at(corpus(vec![harbour()]), 200, 14);
    let reyes = id(&app, "Tomas Reyes");
    app.update(Action::Activate(reyes));
    let visible = |app: &App| {
        let layout = app.layout().unwrap();
        let row = layout
            .row_of(app.open_article_ref().unwrap(), &app.current().unwrap())
            .unwrap();
        let view = app.panes().reader_text().height as usize;
        row >= app.scroll() && row < app.scroll() + view
    };
    assert!(visible(&app));
    let wide_rows = app.layout().unwrap().rows.len();
    app.update(Action::Resize(70, 14));
    assert!(app.layout().unwrap().rows.len() > wide_rows);
    assert!(visible(&app));
    app.update(Action::Resize(200, 14));
    assert!(visible(&app));
    // Scrolled away from the current mention, a resize keeps the reading position instead.
    let ada = id(&app, "Ada Lindqvist");
    app.update(Action::Activate(ada)); // the title
    run(
        &mut app,
        &[Command::FocusNext, Command::Bottom, Command::Up],
    );
    assert!(!visible(&app));
    let top = app.layout().unwrap().anchor(app.scroll()).unwrap();
    app.update(Action::Resize(90, 14));
    assert!(!visible(&app));
    let layout = app.layout().unwrap();
    assert_eq!(layout.row_of_anchor(top.0, top.1), Some(app.scroll()));
}

#[test]
fn mouse_clicks_open_articles_and_activate_entities_and_the_wheel_scrolls() {
    let mut app = app_at(fixture(), 200, 50);
    let p = app.panes();
    let inner = p.list_inner();
    app.update(Action::Click {
        x: inner.x + 2,
        y: inner.y + 3,
    });
    assert_eq!(app.open(), Some(1));
    let side = app.panes().sidebar_inner();
    // Row 0 is the People heading, row 1 the first person.
    app.update(Action::Click {
        x: side.x + 1,
        y: side.y + 1,
    });
    assert_eq!(app.focus(), Focus::Sidebar);
    assert_eq!(app.active(), Some(id(&app, "Ada Lindqvist")));
    // A click on a name in the text makes it active, at that mention.
    let mut reading = app_at(corpus(vec![harbour()]), 200, 50);
    let text = reading.panes().reader_text();
    let layout = reading.layout().unwrap();
    let row = layout
        .rows
        .iter()
        .position(|r| {
            r.main
                .is_some_and(|s| s.source == dateline::app::wrap::Source::Block(3))
        })
        .unwrap();
    let seg = layout.rows[row].main.unwrap();
    let line =
        &reading.open_article_ref().unwrap().blocks[3].text[seg.start as usize..seg.end as usize];
    let col = line.find("Reyes").unwrap() as u16 + 2;
    reading.update(Action::Click {
        x: text.x + col,
        y: text.y + row as u16,
    });
    assert_eq!(reading.active(), Some(id(&reading, "Tomas Reyes")));
    assert_eq!(current_text(&reading), "Tomas Reyes");
    reading.update(Action::Click {
        x: text.x,
        y: text.y + row as u16 + 1,
    });
    assert_eq!(
        reading.active(),
        Some(id(&reading, "Tomas Reyes")),
        "a plain word changes nothing"
    );
    let mut small = app_at(corpus(vec![harbour()]), 70, 12);
    let r = small.panes().reader;
    small.update(Action::Wheel {
        x: r.x + 5,
        y: r.y + 5,
        down: true,
    });
    assert_eq!(small.scroll(), 3);
    small.update(Action::Wheel {
        x: r.x + 5,
        y: r.y + 5,
        down: false,
    });
    assert_eq!(small.scroll(), 0);
    assert_eq!(small.focus(), Focus::List, "the wheel does not move focus");
}

#[test]
fn appended_articles_keep_the_selection_and_a_new_index_keeps_the_active_entity() {
    let full = fixture();
    let mut app = app_at(corpus(vec![full.article(3).into_owned()]), 200, 50);
    assert_eq!(app.open(), Some(0));
    // Once the user has pressed a key (before, the newest article is followed).
    app.update(Action::Run(Command::Top));
    app.update(Action::ArticlesAppended(full.articles[..3].to_vec()));
    assert_eq!(app.corpus().articles.len(), 4);
    assert_eq!(app.order().len(), 4);
    assert_eq!(app.selected(), Some(0), "the weather story stays selected");
    // Streaming: the index arrives when everything is read.
    let rebuilt = corpus(support::whole(app.corpus()));
    let mut app2 = app_at(corpus(vec![harbour()]), 200, 50);
    let ada = id(&app2, "Ada Lindqvist");
    app2.update(Action::Activate(ada));
    app2.update(Action::IndexReady(rebuilt.index.clone()));
    let name = &app2.corpus().index.entity(app2.active().unwrap()).name;
    assert_eq!(name, "Ada Lindqvist");
    app.update(Action::IndexReady(rebuilt.index));
    assert!(!app.sidebar_rows().is_empty());
}

#[test]
fn notify_shows_a_message_until_the_next_key() {
    let mut app = app_at(fixture(), 80, 24);
    app.update(Action::Notify("2 files could not be read".into()));
    assert_eq!(app.message(), Some("2 files could not be read"));
    run(&mut app, &[Command::Down]);
    assert_eq!(app.message(), None);
}

#[test]
fn quit_and_out_of_range_activation() {
    let mut app = app_at(fixture(), 80, 24);
    app.update(Action::Activate(10_000));
    assert_eq!(app.active(), None);
    run(&mut app, &[Command::Quit]);
    assert!(app.should_quit());
}

#[test]
fn hiding_captions_drops_the_reader_search_matches_in_them() {
    let mut app = app_at(fixture(), 200, 50);
    run(&mut app, &[Command::Down, Command::Open]);
    run(&mut app, &[Command::Search]);
    typed(&mut app, "breakwater");
    app.update(Action::SearchConfirm);
    let caption_of = |app: &App, block: Option<u32>| {
        let a = app.open_article_ref().unwrap();
        block.is_some_and(|b| a.blocks[b as usize].kind == BlockKind::Caption)
    };
    let all = app.search().unwrap().matches.clone();
    assert!(all.iter().any(|m| caption_of(&app, m.block)), "{all:?}");
    run(&mut app, &[Command::CycleCaptions, Command::CycleCaptions]);
    assert_eq!(app.caption_mode(), CaptionMode::Hidden);
    let s = app.search().unwrap();
    assert_eq!(s.scope, SearchScope::Reader);
    assert!(!s.matches.is_empty());
    assert!(
        s.matches.iter().all(|m| !caption_of(&app, m.block)),
        "{:?}",
        s.matches
    );
    run(&mut app, &[Command::CycleCaptions]);
    assert_eq!(app.search().unwrap().matches, all);
}
