//! One full frame at 200×60 with highlights, re-wrapping an article, and the
//! work of one `n` keystroke.

#[path = "../tests/support/mod.rs"]
mod support;

use criterion::{Criterion, criterion_group, criterion_main};
use dateline::app::wrap::{ArticleLayout, CaptionMode, LayoutKey};
use dateline::app::{Action, App, Command};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::hint::black_box;

/// A 4 KB article (the harbour story with its body three times over) among
/// the fixture collection, Ada Lindqvist active.
fn app() -> App {
    let mut long = support::harbour();
    let body: Vec<_> = long.blocks[1..5].to_vec();
    for _ in 0..2 {
        let at = long.blocks.len() - 1;
        for (i, b) in body.iter().enumerate() {
            long.blocks.insert(at + i, b.clone());
        }
    }
    let mut articles = support::whole(&support::fixture());
    articles[0] = long;
    support::ada_at_second_mention(support::corpus(articles), 200, 60)
}

fn benches(c: &mut Criterion) {
    let app = app();
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap();
    c.bench_function("frame 200x60 with highlights", |b| {
        b.iter(|| {
            terminal
                .draw(|f| dateline::ui::render(black_box(&app), f))
                .unwrap();
        })
    });

    c.bench_function("frame 200x60, drawing nothing (terminal overhead)", |b| {
        b.iter(|| {
            terminal.draw(|_| {}).unwrap();
        })
    });

    let article = app.open_article_ref().unwrap().clone();
    let width = app.layout().unwrap().key.width;
    c.bench_function("wrap a 4 KB article (captions alongside)", |b| {
        b.iter(|| {
            ArticleLayout::build(
                black_box(&article),
                LayoutKey {
                    article: 0,
                    width,
                    mode: CaptionMode::Alongside,
                },
            )
        })
    });

    let mut moving = app;
    c.bench_function("keystroke: n (next mention, across articles)", |b| {
        b.iter(|| moving.update(Action::Run(Command::NextMention)))
    });
}

criterion_group!(render, benches);
criterion_main!(render);
