//! A keystroke's worth of work at scale: filtering the list of 100,000
//! articles as one types, and moving through a 1 MB article (`n` to the next
//! mention, a line down, and the frame drawn after it).

use criterion::{Criterion, criterion_group, criterion_main};
use dateline::app::{Action, App, Command, Focus};
use dateline::article::parse::parse_text;
use dateline::corpus::Corpus;
use dateline::corpus::stored::StoredArticle;
use dateline::entity::EntityIndex;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::hint::black_box;

const WORDS: [&str; 12] = [
    "council", "harbour", "growth", "talks", "railway", "budget", "season", "storm", "report",
    "export", "forum", "museum",
];

/// 100,000 wire-style articles of about 3 KB (bodies shared in memory would
/// flatter the search, so each is its own text).
fn collection() -> Corpus {
    let articles: Vec<_> = (0..100_000usize)
        .map(|i| {
            let w = |k: usize| WORDS[(i / k + k) % WORDS.len()];
            let body = format!(
                "The {} of the {} met on day {i} to discuss the {}. ",
                w(1),
                w(3),
                w(7)
            )
            .repeat(40);
            let text = format!(
                " date 20{:02}-{:02}-{:02} {} {} as {} {} {i}\n\nBERLIN, May 4 (Xinhua) -- {body}\n",
                10 + i % 15,
                1 + i % 12,
                1 + i % 28,
                w(1).to_uppercase(),
                w(2),
                w(5),
                w(11),
            );
            parse_text(&format!("{i:06}.txt"), &text)
        })
        .collect();
    // The filter reads titles and bodies only: no need to extract entities.
    Corpus {
        articles: articles.into_iter().map(StoredArticle::kept).collect(),
        index: EntityIndex::new(),
    }
}

/// One article of about 1 MB, a named person in every paragraph.
fn big_article() -> Corpus {
    let mut text = String::from(
        " date 2025-07-10 A very long report\n\nBERLIN, July 9 (Xinhua) -- Angela Schmidt opened the session.\n\n",
    );
    let mut i = 0;
    while text.len() < 1 << 20 {
        text += &format!(
            "In part {i} of the report the committee looked again at the harbour, the railway and the budget of the city, and Schmidt said that the work would go on for another year at least.\n\n"
        );
        i += 1;
    }
    Corpus::from_articles(vec![parse_text("big.txt", &text)])
}

fn filtering(c: &mut Criterion) {
    let mut app = App::new(collection());
    app.update(Action::Resize(200, 60));
    app.update(Action::Run(Command::Search));
    c.bench_function(
        "keystroke: filter 100k titles (type a letter, then backspace)",
        |b| {
            b.iter(|| {
                app.update(Action::SearchInput(black_box('s')));
                app.update(Action::SearchBackspace);
            })
        },
    );
    app.update(Action::SearchInput('m'));
    app.update(Action::SearchInput('u'));
    c.bench_function("keystroke: narrow /mu to /mus over 100k titles", |b| {
        b.iter(|| {
            app.update(Action::SearchInput(black_box('s')));
            app.update(Action::SearchBackspace);
        })
    });
}

fn big(c: &mut Criterion) {
    let mut app = App::new(big_article());
    app.update(Action::Resize(200, 60));
    app.update(Action::Run(Command::Open));
    let schmidt = app.corpus().index.find("Angela Schmidt").unwrap();
    app.update(Action::Activate(schmidt));
    assert_eq!(app.focus(), Focus::Reader);
    c.bench_function("keystroke: n in a 1 MB article", |b| {
        b.iter(|| app.update(Action::Run(Command::NextMention)))
    });
    c.bench_function("keystroke: j (a line down) in a 1 MB article", |b| {
        b.iter(|| {
            app.update(Action::Run(Command::Down));
            app.update(Action::Run(Command::Up));
        })
    });
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap();
    c.bench_function("frame 200x60 of a 1 MB article", |b| {
        b.iter(|| {
            terminal
                .draw(|f| dateline::ui::render(black_box(&app), f))
                .unwrap();
        })
    });
}

criterion_group!(keystroke, filtering, big);
criterion_main!(keystroke);
