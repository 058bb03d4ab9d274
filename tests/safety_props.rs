//! Robustness under abuse: random action sequences over random collections
//! and terminal sizes keep the app's invariants, and every frame renders.

mod support;

use dateline::app::{Action, App, CaptionMode, Command, SortOrder};
use dateline::article::{Article, BlockKind, Date};
use dateline::state::Marks;
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use support::{block, corpus};

/// Words that make the fixture entities (Ada Lindqvist, Port Elm …), plain
/// words, wide characters and hostile ones.
const WORDS: &[&str] = &[
    "Ada Lindqvist",
    "Lindqvist",
    "Port Elm",
    "Harbour Authority",
    "HA",
    "Norland",
    "Tomas Reyes",
    "Marta Okafor",
    "Coastal Wire",
    "the",
    "said",
    "harbour",
    "a",
    "quay",
    "王沪宁",
    "👍🏽",
    "\u{202e}",
    "\x1b[2J",
    "-",
    "--",
    "(",
    ")",
    ".",
];

fn text(max_words: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(WORDS), 0..max_words).prop_map(|w| w.join(" "))
}

fn article() -> impl Strategy<Value = Article> {
    let date = prop::option::of((2000u16..2030, 1u8..13, 1u8..29));
    let blocks = prop::collection::vec((any::<bool>(), text(40)), 0..6);
    (text(10), date, blocks).prop_map(|(title, date, blocks)| Article {
        path: format!("random/{title}.txt"),
        date: date.and_then(|(y, m, d)| Date::new(y, m, d)),
        title,
        dateline: None,
        blocks: blocks
            .into_iter()
            .map(|(caption, t)| {
                if caption {
                    block(
                        BlockKind::Caption,
                        &format!("{t} (Coastal Wire/Marta Okafor)"),
                    )
                } else {
                    block(BlockKind::Body, &t)
                }
            })
            .collect(),
    })
}

fn action() -> impl Strategy<Value = Action> {
    prop_oneof![
        6 => prop::sample::select(Command::ALL.to_vec()).prop_map(Action::Run),
        1 => (0u16..260, 0u16..90).prop_map(|(w, h)| Action::Resize(w, h)),
        1 => prop::sample::select(vec!['a', 'L', ' ', 'é', '王', '\x1b']).prop_map(Action::SearchInput),
        1 => Just(Action::SearchBackspace),
        1 => Just(Action::SearchConfirm),
        1 => (0u16..260, 0u16..90).prop_map(|(x, y)| Action::Click { x, y }),
        1 => (0u16..260, 0u16..90, any::<bool>()).prop_map(|(x, y, down)| Action::Wheel { x, y, down }),
        1 => (0u32..12).prop_map(Action::Activate),
        1 => (prop::option::of(0u32..8), 0usize..200, prop::option::of(0u32..12))
            .prop_map(|(article, scroll, entity)| Action::Restore { article, scroll, at: None, entity }),
    ]
}

/// The invariants that hold after every action.
fn check(app: &App) -> Result<(), TestCaseError> {
    let n = app.corpus().articles.len();
    let order = app.order();
    prop_assert!(order.iter().all(|&a| (a as usize) < n));
    let mut sorted = order.to_vec();
    sorted.sort_unstable();
    sorted.dedup();
    prop_assert_eq!(sorted.len(), order.len(), "an article listed twice");

    let list = app.list();
    let height = app.panes().list_inner().height as usize;
    if order.is_empty() {
        prop_assert_eq!(app.selected(), None);
    } else {
        prop_assert!(
            list.selected < order.len(),
            "selection {} of {}",
            list.selected,
            order.len()
        );
        if height > 0 {
            prop_assert!(
                list.offset <= list.selected && list.selected < list.offset + height,
                "selected row {} not in view {}..+{}",
                list.selected,
                list.offset,
                height
            );
        }
    }
    if app.bookmarked_only() {
        prop_assert!(order.iter().all(|&a| app.marks(a).bookmarked));
    }

    if let Some(a) = app.open() {
        prop_assert!((a as usize) < n);
        let rows = app.layout().map_or(0, |l| l.rows.len());
        prop_assert!(
            app.scroll() <= rows,
            "scroll {} past {} rows",
            app.scroll(),
            rows
        );
    }
    if let Some(id) = app.active() {
        prop_assert!((id as usize) < app.corpus().index.len());
    }
    if let Some(m) = app.current() {
        let id = app.active();
        let a = app.open();
        prop_assert!(
            id.is_some() || app.search().is_some(),
            "a current mention with nothing to step"
        );
        let article = app
            .open_article_ref()
            .expect("a current mention in an open article");
        let text = article.text_of(m.block.map(|b| b as usize));
        prop_assert!(m.start < m.end && (m.end as usize) <= text.len());
        if let (Some(id), Some(a), None) = (id, a, app.search()) {
            prop_assert!(
                app.visible_mentions(a, id).contains(&m),
                "current mention not one of the entity's"
            );
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn random_actions_keep_the_invariants_and_every_frame_renders(
        articles in prop::collection::vec(article(), 0..6),
        size in (1u16..220, 1u16..70),
        marks in prop::collection::vec((any::<bool>(), any::<bool>()), 0..6),
        actions in prop::collection::vec(action(), 0..40),
    ) {
        let marks = marks.into_iter().map(|(read, bookmarked)| Marks { read, bookmarked }).collect();
        let mut app = App::new(corpus(articles))
            .with_settings(marks, SortOrder::Title, CaptionMode::Alongside);
        app.update(Action::Resize(size.0, size.1));
        check(&app)?;
        for action in actions {
            app.update(action);
            check(&app)?;
            let (w, h) = app.size();
            let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
            terminal.draw(|f| dateline::ui::render(&app, f)).unwrap();
        }
    }
}
