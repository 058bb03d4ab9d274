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

fn load(dir: &Path, out: &mut Vec<Article>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<_> = entries.filter_map(|e| e.ok()).map(|e| e.path()).collect();
    paths.sort();
    for p in paths {
        if p.is_dir() {
            load(&p, out);
        } else if p.extension().is_some_and(|x| x == "txt") {
            match std::fs::read_to_string(&p) {
                Ok(text) => out.push(parse_text(&p.to_string_lossy(), &text)),
                Err(e) => eprintln!("skipped {}: {e}", p.display()),
            }
        }
    }
}

fn bench_set(c: &mut Criterion, name: &str, dir: &Path) {
    let mut articles = Vec::new();
    load(dir, &mut articles);
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

/// Generates the 2,000 articles of the `generated` set into `dir` when they are
/// missing and the generator in ../shared is there.
fn generate(root: &Path, dir: &Path) {
    let script = root.join("../shared/bench/gen_corpus.py");
    if dir.exists() || !script.exists() {
        return;
    }
    eprintln!("generating {} with {}", dir.display(), script.display());
    let status = std::process::Command::new("python3")
        .arg(&script)
        .args(["--n", "2000", "--seed", "1", "--out"])
        .arg(dir)
        .status();
    if !status.as_ref().is_ok_and(|s| s.success()) {
        eprintln!("could not generate {}: {status:?}", dir.display());
    }
}

fn extraction(c: &mut Criterion) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let generated = root.join("target/bench-corpus");
    generate(root, &generated);
    bench_set(c, "generated", &generated);
    bench_set(c, "wire", &root.join("../shared/corpus/wire"));
}

criterion_group!(benches, extraction);
criterion_main!(benches);
