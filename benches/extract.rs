//! Entity extraction throughput over generated articles (and the wire corpus when present).
//!
//! `cargo bench --bench extract` (throughput in MB/s, 10^6 bytes). The generated set is
//! made on first use with `python3 ../shared/bench/gen_corpus.py --n 2000 --seed 1
//! --out target/bench-corpus`.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use dateline::article::Article;
use dateline::article::parse::parse_text;
use dateline::entity::extract;
use std::hint::black_box;
use std::path::Path;

mod support;

/// The articles of the `.txt` files under `dir`.
fn load(dir: &Path) -> Vec<Article> {
    let mut out = Vec::new();
    for p in support::text_files(dir, usize::MAX) {
        match std::fs::read_to_string(&p) {
            Ok(text) => out.push(parse_text(&p.to_string_lossy(), &text)),
            Err(e) => eprintln!("skipped {}: {e}", p.display()),
        }
    }
    out
}

fn bench_set(c: &mut Criterion, name: &str, dir: &Path) {
    let articles = load(dir);
    if articles.is_empty() {
        eprintln!("skipped {name}: no articles in {}", dir.display());
        return;
    }
    let bytes: usize = articles.iter().map(Article::text_len).sum();
    // Build the lexicon outside the measurement.
    black_box(extract(&articles[0]));
    let mut g = c.benchmark_group("extract");
    // In decimal megabytes per second, the unit of the target (100 MB/s on one core).
    g.throughput(Throughput::BytesDecimal(bytes as u64));
    g.sample_size(10);
    g.bench_function(name, |b| {
        b.iter(|| {
            let mut n = 0usize;
            for a in &articles {
                n += extract(black_box(a)).len();
            }
            n
        })
    });
    g.finish();
}

fn extraction(c: &mut Criterion) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    bench_set(c, "generated", &support::generated_set());
    bench_set(c, "wire", &root.join("../shared/corpus/wire"));
}

criterion_group!(benches, extraction);
criterion_main!(benches);
