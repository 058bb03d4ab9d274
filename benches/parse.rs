//! Parsing throughput (bytes per second) over a generated collection:
//! `python3 ../shared/bench/gen_corpus.py --n 2000 --seed 1`, written once
//! into target/bench-corpus. Skipped with a message when the generator is
//! not there. `parse_text` parses texts already in memory; `read_source`
//! reads each file as the loader reads it (open, size, read, decode, parse),
//! the article then copied out whole.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use dateline::article::parse::parse_text;
use dateline::corpus::{discover, read_source};
use std::hint::black_box;

mod support;

/// The generated collection as (path, text) pairs.
fn collection() -> Option<Vec<(String, String)>> {
    let files = support::text_files(&support::generated_set(), usize::MAX);
    if files.is_empty() {
        eprintln!("skipped: no generated articles (is ../shared/bench there?)");
        return None;
    }
    files
        .into_iter()
        .map(|p| Some((p.display().to_string(), std::fs::read_to_string(&p).ok()?)))
        .collect()
}

fn parse(c: &mut Criterion) {
    let Some(docs) = collection() else { return };
    let bytes: usize = docs.iter().map(|(_, t)| t.len()).sum();
    let mut group = c.benchmark_group("parse");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(20);
    group.bench_function(format!("parse_text/{}_articles", docs.len()), |b| {
        b.iter(|| {
            for (path, text) in &docs {
                black_box(parse_text(path, black_box(text)));
            }
        })
    });
    let (sources, _) = discover(&[support::generated_set().display().to_string()]);
    group.bench_function(format!("read_source/{}_files", sources.len()), |b| {
        b.iter(|| {
            for source in &sources {
                black_box(read_source(black_box(source)));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, parse);
criterion_main!(benches);
