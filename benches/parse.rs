//! Parsing throughput (bytes per second) over a generated collection:
//! `python3 ../shared/bench/gen_corpus.py --n 2000 --seed 1`, written once
//! into target/bench-corpus-2000. Skipped with a message when the generator
//! is not there.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use dateline::article::parse::parse_text;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::process::Command;

const ARTICLES: usize = 2000;

/// The generated collection as (path, text) pairs, generating it if needed.
fn collection() -> Option<Vec<(String, String)>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let generator = root.join("../shared/bench/gen_corpus.py");
    let dir: PathBuf = root.join(format!("target/bench-corpus-{ARTICLES}"));
    if !dir.join(format!("{:06}.txt", ARTICLES - 1)).exists() {
        if !generator.exists() {
            eprintln!("skipped: {} is absent", generator.display());
            return None;
        }
        let status = Command::new("python3")
            .arg(&generator)
            .args(["--n", &ARTICLES.to_string(), "--seed", "1", "--out"])
            .arg(&dir)
            .status();
        if !status.is_ok_and(|s| s.success()) {
            eprintln!("skipped: could not run {}", generator.display());
            return None;
        }
    }
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .ok()?
        .filter_map(|e| Some(e.ok()?.path()))
        .collect();
    files.sort();
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
    group.bench_function(format!("parse_text/{ARTICLES}_articles"), |b| {
        b.iter(|| {
            for (path, text) in &docs {
                black_box(parse_text(path, black_box(text)));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, parse);
criterion_main!(benches);
