//! The loader's absorb side on a first start: each article's extracted
//! entities noted in the saved index being written and added to the entity
//! index, then short names merged across the collection.
//!
//! `cargo bench --bench index`. Articles are extracted once, outside the
//! measurement, from the generated set (made on first use with
//! `python3 ../shared/bench/gen_corpus.py --n 2000 --seed 1 --out
//! target/bench-corpus`), or from the first `INDEX_BENCH_N` (default 10,000)
//! text files of the folder `INDEX_BENCH_DIR` when it is set.

use criterion::{Criterion, criterion_group, criterion_main};
use dateline::article::Article;
use dateline::article::parse::parse_text;
use dateline::corpus::cache::{EntityCache, FileKey, Header};
use dateline::entity::index::NameKeys;
use dateline::entity::{Entities, EntityIndex, extract};
use std::hint::black_box;
use std::path::PathBuf;

mod support;

/// One article as the loader absorbs it: its file, header and entities.
struct Extracted {
    path: String,
    header: Header,
    entities: Entities,
}

/// Notes every article in a new saved index and adds it to a new entity
/// index, as the loader does on a first start, then merges short names.
#[inline(never)]
fn absorb_all(articles: &[Extracted]) -> (EntityIndex, EntityCache) {
    let mut cache = EntityCache::open(Some(PathBuf::from("/nonexistent/bench.idx")));
    let mut index = EntityIndex::new();
    let mut keys = NameKeys::default();
    let key = FileKey {
        size: 1,
        mtime_ns: 1,
    };
    for (n, a) in articles.iter().enumerate() {
        let file = (a.path.clone(), key);
        let header = Some(&a.header);
        let numbered = cache.update.add(file, [&a.entities].into_iter(), header);
        let (keys, names) = numbered.unwrap_or((&mut keys, &[]));
        index.add_entities(n as u32, a.header.date, &a.entities, names, keys);
    }
    index.merge_aliases();
    (index, cache)
}

fn absorbing(c: &mut Criterion) {
    let (dir, limit) = match std::env::var_os("INDEX_BENCH_DIR") {
        Some(dir) => {
            let n = std::env::var("INDEX_BENCH_N")
                .ok()
                .and_then(|n| n.parse().ok());
            (PathBuf::from(dir), n.unwrap_or(10_000))
        }
        None => (support::generated_set(), usize::MAX),
    };
    let paths = support::text_files(&dir, limit);
    let articles: Vec<Extracted> = paths
        .iter()
        .filter_map(|p| {
            let text = std::fs::read_to_string(p).ok()?;
            let article: Article = parse_text(&p.to_string_lossy(), &text);
            Some(Extracted {
                path: p.to_string_lossy().into_owned(),
                header: Header {
                    title: article.title.clone(),
                    date: article.date,
                    hash: article.text_hash(),
                },
                entities: extract(&article),
            })
        })
        .collect();
    if articles.is_empty() {
        eprintln!("skipped: no articles in {}", dir.display());
        return;
    }
    let mut g = c.benchmark_group("index");
    g.sample_size(10);
    g.bench_function(format!("absorb {} articles", articles.len()), |b| {
        b.iter(|| absorb_all(black_box(&articles)))
    });
    g.finish();
}

criterion_group!(benches, absorbing);
criterion_main!(benches);
