//! Streaming start and search at scale: the background loader's batches and
//! index, the list kept in order as batches arrive, and the list search that
//! matches titles at once and bodies a step at a time.

use dateline::app::{Action, App, Command, SortOrder};
use dateline::article::parse::parse_text;
use dateline::article::{Article, Date};
use dateline::corpus::Corpus;
use dateline::corpus::load::Discovery;
use dateline::corpus::stored::StoredArticle;
use dateline::corpus::stream::{self, LoadEvent};
use std::time::Instant;

/// Article `i`: dated by `i` modulo 28 (so several share a date), a title
/// naming it, a person in every body, and a rare word in a few bodies only.
fn text(i: usize) -> String {
    let rare = if i % 97 == 5 {
        " The zeppelin landed."
    } else {
        ""
    };
    format!(
        " date 2024-03-{:02} Story number {i}\n\nBERLIN, March 1 (Xinhua) -- Angela Schmidt spoke on day {i}.{rare}\n\nMore text follows here.\n",
        1 + i % 28
    )
}

fn articles(n: usize) -> Vec<Article> {
    (0..n)
        .map(|i| parse_text(&format!("{i:05}.txt"), &text(i)))
        .collect()
}

#[test]
fn the_loader_sends_ordered_batches_then_an_index_of_every_article() {
    let dir = tempfile::tempdir().unwrap();
    let n = 300;
    for i in 0..n {
        std::fs::write(dir.path().join(format!("{i:05}.txt")), text(i)).unwrap();
    }
    std::fs::write(dir.path().join("bad.txt"), b"ab\0cd").unwrap();
    let found = Discovery::new(&[dir.path().to_str().unwrap()]);
    let rx = stream::spawn(found, None, Instant::now()).unwrap();
    let mut titles = Vec::new();
    let mut batches = Vec::new();
    let mut diagnostics = Vec::new();
    let mut index = None;
    for event in rx {
        match event {
            LoadEvent::Batch {
                articles,
                diagnostics: d,
                progress,
            } => {
                assert_eq!(progress.articles, titles.len() + articles.len());
                assert_eq!(progress.files_total, n + 1);
                batches.push(articles.len());
                titles.extend(articles.iter().map(|a| a.title().to_string()));
                diagnostics.extend(d);
            }
            LoadEvent::Done { index: i, progress } => {
                assert_eq!(progress.files, n + 1);
                index = Some(i);
            }
        }
    }
    let expected: Vec<String> = (0..n).map(|i| format!("Story number {i}")).collect();
    assert_eq!(titles, expected, "input order");
    assert!(batches[0] < 100, "a small first batch: {batches:?}");
    assert!(batches.len() > 2, "{batches:?}");
    assert_eq!(diagnostics.len(), 1);
    assert!(diagnostics[0].path.ends_with("bad.txt"));
    let index = index.expect("the index comes last");
    let schmidt = index.find("Angela Schmidt").expect("indexed");
    // Every article is indexed, the first batch (sent before extraction) too.
    assert_eq!(
        index.articles_of(schmidt),
        (0..n as u32).collect::<Vec<_>>()
    );
}

/// `articles` as the collection keeps them in memory.
fn kept(articles: &[Article]) -> Vec<StoredArticle> {
    articles.iter().cloned().map(StoredArticle::kept).collect()
}

/// The list of an app that received `all` in batches of `sizes`, in `sort` order.
fn streamed(all: &[Article], sizes: &[usize], sort: SortOrder) -> Vec<u32> {
    streamed_then_indexed(all, sizes, sort).0
}

/// [`streamed`], and the list once the index of `all` has arrived too.
fn streamed_then_indexed(
    all: &[Article],
    sizes: &[usize],
    sort: SortOrder,
) -> (Vec<u32>, Vec<u32>) {
    let mut app = App::new(Corpus::default());
    while app.sort() != sort {
        app.update(Action::Run(Command::CycleSort));
    }
    let mut at = 0;
    for &size in sizes {
        app.update(Action::ArticlesAppended(kept(&all[at..at + size])));
        at += size;
    }
    let streamed = app.order().to_vec();
    app.update(Action::IndexReady(
        Corpus::from_articles(all.to_vec()).index,
    ));
    (streamed, app.order().to_vec())
}

#[test]
fn batches_merge_into_the_order_a_full_sort_gives() {
    let mut all = articles(200);
    // Undated articles and equal titles too.
    all[7].date = None;
    all[150].date = None;
    all[160].title = all[3].title.clone();
    for sort in [
        SortOrder::NewestFirst,
        SortOrder::OldestFirst,
        SortOrder::Title,
    ] {
        let mut whole = App::new(Corpus::from_articles(all.clone()));
        while whole.sort() != sort {
            whole.update(Action::Run(Command::CycleSort));
        }
        let (got, with_index) = streamed_then_indexed(&all, &[1, 32, 64, 3, 100], sort);
        assert_eq!(got, whole.order(), "{sort:?}");
        // The index arriving keeps the order the batches built.
        assert_eq!(with_index, whole.order(), "{sort:?}, indexed");
    }
    assert_eq!(
        streamed(&all, &[200], SortOrder::NewestFirst)[0..2]
            .iter()
            .map(|&i| all[i as usize].date)
            .collect::<Vec<_>>(),
        vec![Date::new(2024, 3, 28); 2]
    );
}

fn search(app: &mut App, query: &str) {
    app.update(Action::Run(Command::Search));
    for c in query.chars() {
        app.update(Action::SearchInput(c));
    }
}

fn finish(app: &mut App) -> usize {
    let mut ticks = 0;
    while app.busy() {
        app.update(Action::Tick);
        ticks += 1;
    }
    ticks
}

#[test]
fn list_search_matches_titles_at_once_and_bodies_step_by_step() {
    // Enough text that the bodies take several steps.
    let mut all = articles(3000);
    let long = "filler words ".repeat(2000);
    for a in &mut all {
        a.blocks[1].text.push_str(&long);
    }
    let mut app = App::new(Corpus::from_articles(all.clone()));
    search(&mut app, "zeppelin");
    assert!(app.busy(), "bodies are searched a step at a time");
    let (done, total) = app.search_progress();
    assert!(done < total, "{done}/{total}");
    let ticks = finish(&mut app);
    assert!(ticks > 1, "{ticks}");
    let mut expected: Vec<u32> = (0..3000).filter(|i| i % 97 == 5).collect();
    let mut got = app.order().to_vec();
    got.sort_unstable();
    expected.sort_unstable();
    assert_eq!(got, expected);

    // A title match is listed at the keystroke, before any step.
    let mut titles = App::new(Corpus::from_articles(all));
    search(&mut titles, "number 1234");
    assert_eq!(titles.order(), &[1234]);
}

/// A reader at 120×40 fed by the loader with a folder of `n` articles
/// (headers only: the text stays in the files), and the folder.
fn loaded(n: usize) -> (tempfile::TempDir, App) {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..n {
        std::fs::write(dir.path().join(format!("{i:05}.txt")), text(i)).unwrap();
    }
    let found = Discovery::new(&[dir.path().to_str().unwrap()]);
    let rx = stream::spawn(found, None, Instant::now()).unwrap();
    let mut app = App::new(Corpus::default());
    app.update(Action::Resize(120, 40));
    for event in rx {
        match event {
            LoadEvent::Batch { articles, .. } => {
                assert!(articles.iter().all(|a| a.in_file_only()), "headers only");
                app.update(Action::ArticlesAppended(articles));
            }
            LoadEvent::Done { index, .. } => app.update(Action::IndexReady(index)),
        }
    }
    (dir, app)
}

#[test]
fn the_reader_keeps_headers_and_reads_bodies_again_from_their_files() {
    let n = 200;
    let (dir, mut app) = loaded(n);
    // The open article comes whole from its file.
    let open = app.open().expect("an article is open") as usize;
    let article = app.open_article_ref().expect("read again");
    assert_eq!(article.title, format!("Story number {open}"));
    assert!(article.blocks[0].text.contains("Angela Schmidt spoke"));
    assert!(app.layout().is_some_and(|l| !l.rows.is_empty()));
    // A word found only in bodies is found in the files.
    search(&mut app, "zeppelin");
    finish(&mut app);
    let mut got = app.order().to_vec();
    got.sort_unstable();
    let expected: Vec<u32> = (0..n as u32).filter(|i| i % 97 == 5).collect();
    assert_eq!(got, expected);
    // A file that changed since is shown as it is now, and named.
    let changed = dir.path().join("00003.txt");
    std::fs::write(&changed, text(3).replace("spoke", "spoke at length")).unwrap();
    let at = app.order().len();
    app.update(Action::Run(Command::Cancel));
    assert!(app.order().len() > at);
    let pos = app.order().iter().position(|&a| a == 3).unwrap();
    app.update(Action::Run(Command::Top));
    for _ in 0..pos {
        app.update(Action::Run(Command::Down));
    }
    app.update(Action::Run(Command::Open));
    assert_eq!(app.open(), Some(3));
    let now = &app.open_article_ref().unwrap().blocks[0].text;
    assert!(now.contains("spoke at length"), "{now}");
    let message = app.message().unwrap_or_default();
    assert!(
        message.contains("00003.txt") && message.contains("changed"),
        "{message}"
    );
}

#[test]
fn files_that_vanish_or_shrink_after_loading_are_named_and_nothing_breaks() {
    let n = 40;
    let (dir, mut app) = loaded(n);
    let schmidt = app.corpus().index.find("Angela Schmidt").unwrap();
    // Every file gone or cut short: the mentions indexed no longer fit.
    for i in 0..n {
        let path = dir.path().join(format!("{i:05}.txt"));
        if i % 2 == 0 {
            std::fs::remove_file(path).unwrap();
        } else {
            std::fs::write(path, " date 2024-03-01 Cut\n\nA.\n").unwrap();
        }
    }
    app.update(Action::Activate(schmidt));
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(120, 40)).unwrap();
    let mut named = 0;
    for _ in 0..2 * n {
        app.update(Action::Run(Command::NextMention));
        terminal.draw(|f| dateline::ui::render(&app, f)).unwrap();
        let message = app.message().unwrap_or_default();
        if message.contains(".txt") {
            named += 1;
        }
    }
    for _ in 0..n {
        app.update(Action::Run(Command::PrevMention));
        app.update(Action::Run(Command::Down));
        app.update(Action::Run(Command::Open));
        terminal.draw(|f| dateline::ui::render(&app, f)).unwrap();
    }
    assert!(named > 0, "the files are named in the status line");
    // The list still shows every article by its saved title.
    assert_eq!(app.corpus().articles.len(), n);
    assert!(
        app.corpus()
            .articles
            .iter()
            .all(|a| a.title().starts_with("Story"))
    );
}

#[test]
fn typing_on_narrows_to_what_the_shorter_query_matched() {
    let all = articles(500);
    let mut app = App::new(Corpus::from_articles(all.clone()));
    search(&mut app, "day 1");
    finish(&mut app);
    let wide = app.order().len();
    app.update(Action::SearchInput('2'));
    finish(&mut app);
    let narrowed = app.order().to_vec();
    assert!(narrowed.len() < wide);

    let mut fresh = App::new(Corpus::from_articles(all));
    search(&mut fresh, "day 12");
    finish(&mut fresh);
    assert_eq!(narrowed, fresh.order());

    // Backspace widens again.
    app.update(Action::SearchBackspace);
    finish(&mut app);
    assert_eq!(app.order().len(), wide);
}

#[test]
fn a_title_search_ignores_ascii_case_and_never_spans_two_titles() {
    let titles = ["Harbour TALKS resume", "Old harb", "our views", "Café Ünal"];
    let all: Vec<Article> = titles
        .iter()
        .enumerate()
        .map(|(i, t)| parse_text(&format!("{i}.txt"), &format!("{t}\n\nText.\n")))
        .collect();
    let mut app = App::new(Corpus::from_articles(all));
    let mut found = |q: &str| {
        app.update(Action::Run(Command::Cancel));
        search(&mut app, q);
        finish(&mut app);
        let mut got = app.order().to_vec();
        got.sort_unstable();
        got
    };
    assert_eq!(found("talks"), [0]);
    assert_eq!(found("HARB"), [0, 1]);
    assert_eq!(found("harbour"), [0], "not across titles 1 and 2");
    assert_eq!(found("CAFé Ü"), [3]);
    assert_eq!(found("zz"), Vec::<u32>::new());
}

#[test]
fn the_newest_article_stays_open_until_the_user_moves() {
    let all = articles(100);
    let mut app = App::new(Corpus::default());
    app.update(Action::Resize(120, 40));
    // Oldest first in input order: each batch brings newer articles.
    let mut by_date = all.clone();
    by_date.sort_by_key(|a| a.date);
    app.update(Action::ArticlesAppended(kept(&by_date[..10])));
    app.update(Action::ArticlesAppended(kept(&by_date[10..50])));
    assert_eq!(app.list().selected, 0);
    assert_eq!(app.open(), app.order().first().copied());
    app.update(Action::Run(Command::Down));
    let chosen = app.selected();
    app.update(Action::Run(Command::Open));
    app.update(Action::ArticlesAppended(kept(&by_date[50..])));
    assert_eq!(app.open(), chosen, "what the user opened stays open");
    assert_eq!(app.selected(), chosen, "and selected");
}

#[cfg(unix)]
#[test]
fn a_reader_with_nothing_readable_stops_before_the_terminal_naming_each_problem() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("articles");
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    // The only candidate is deep in the folder: the whole walk is needed to know.
    std::os::unix::fs::symlink("/nonexistent/dateline", dir.join("sub/gone.txt")).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_dateline"))
        .arg(&dir)
        .arg(home.path().join("missing"))
        .env("XDG_CONFIG_HOME", home.path())
        .env("XDG_DATA_HOME", home.path())
        .env("XDG_STATE_HOME", home.path())
        .env("XDG_CACHE_HOME", home.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(
        lines,
        [
            format!(
                "dateline: {}: no such file or directory",
                dir.join("sub/gone.txt").display()
            ),
            format!(
                "dateline: {}: no such file or directory",
                home.path().join("missing").display()
            ),
            "dateline: no article could be read".to_string(),
        ]
    );
}
