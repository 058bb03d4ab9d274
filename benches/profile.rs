//! Building the profile of the most-mentioned person in a synthetic collection
//! of 100,000 articles (about 30 mentions over 15 entities each, entities drawn
//! from a Zipf-like distribution), after indexing.
//!
//! Run: `cargo bench --bench profile`
//!
//! Reported twice: wall-clock time, and the benchmarking thread's own CPU
//! time (Linux `/proc/thread-self/schedstat`), which is what the profile costs
//! when the machine is shared and the thread waits for a core.

use criterion::measurement::{Measurement, ValueFormatter};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use dateline::article::{Article, Block, BlockKind, Date};
use dateline::corpus::Corpus;
use dateline::corpus::stored::StoredArticle;
use dateline::entity::profile::{Profile, Texts};
use dateline::entity::{ArticleEntity, EntityId, EntityIndex, EntityKind, Mention};
use std::hint::black_box;

const ARTICLES: usize = 100_000;
const ENTITIES: usize = 50_000;
const ENTITIES_PER_ARTICLE: usize = 15;
const BLOCKS: usize = 4;

/// A small deterministic pseudo-random generator (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// Entity `rank`: every third a person, then organization, then place.
fn name_and_kind(rank: usize) -> (String, EntityKind) {
    match rank % 3 {
        0 => (format!("Given{rank} Family{rank}"), EntityKind::Person),
        1 => (format!("Bureau {rank} Committee"), EntityKind::Organization),
        _ => (format!("Placeton{rank}"), EntityKind::Place),
    }
}

const FILLER: [&str; 8] = [
    "said on Tuesday that",
    "met with",
    "according to officials in",
    "and",
    "visited the region with",
    "told reporters after talks with",
    "in a statement welcomed",
    "also attended,",
];

fn collection() -> Corpus {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    // Zipf (s = 1) over entity ranks, sampled by binary search on the CDF.
    let mut cdf: Vec<f64> = (1..=ENTITIES).map(|r| 1.0 / r as f64).collect();
    for i in 1..ENTITIES {
        cdf[i] += cdf[i - 1];
    }
    let total = cdf[ENTITIES - 1];
    let names: Vec<(String, EntityKind)> = (0..ENTITIES).map(name_and_kind).collect();
    let start = Date::new(2024, 1, 1).unwrap();

    let mut articles = Vec::with_capacity(ARTICLES);
    let mut index = EntityIndex::new();
    for a in 0..ARTICLES {
        let mut ranks: Vec<usize> = Vec::with_capacity(ENTITIES_PER_ARTICLE);
        while ranks.len() < ENTITIES_PER_ARTICLE {
            let x = rng.unit() * total;
            let r = cdf.partition_point(|&c| c < x).min(ENTITIES - 1);
            if !ranks.contains(&r) {
                ranks.push(r);
            }
        }
        // Two mentions each on average: 30 per article.
        let mut slots: Vec<usize> = ranks
            .iter()
            .enumerate()
            .flat_map(|(i, _)| std::iter::repeat_n(i, 1 + rng.below(3)))
            .collect();
        for i in (1..slots.len()).rev() {
            slots.swap(i, rng.below(i + 1));
        }
        let mut found: Vec<ArticleEntity> = ranks
            .iter()
            .map(|&r| ArticleEntity {
                name: names[r].0.clone(),
                kind: names[r].1,
                aliases: Vec::new(),
                mentions: Vec::new(),
            })
            .collect();
        let mut blocks = Vec::with_capacity(BLOCKS);
        for (b, chunk) in slots.chunks(slots.len().div_ceil(BLOCKS)).enumerate() {
            let mut text = String::with_capacity(chunk.len() * 40);
            for &e in chunk {
                text.push_str(FILLER[rng.below(FILLER.len())]);
                text.push(' ');
                let start = text.len() as u32;
                text.push_str(&found[e].name);
                found[e].mentions.push(Mention {
                    block: Some(b as u32),
                    start,
                    end: text.len() as u32,
                });
                text.push(' ');
            }
            text.push_str("the report said.");
            blocks.push(Block {
                kind: BlockKind::Body,
                text,
                credit: None,
            });
        }
        found.sort_by_key(|e| e.mentions[0].order_key());
        // Two years of news, one article in twenty undated.
        let date = (rng.below(20) != 0).then(|| {
            let day = rng.below(730) as u64;
            let (y, rest) = (2024 + (day / 365) as u16, day % 365);
            Date::new(y, (rest / 31 + 1).min(12) as u8, (rest % 28 + 1) as u8).unwrap_or(start)
        });
        index.add(a as u32, date, found);
        articles.push(Article {
            path: format!("synthetic/{a}.txt"),
            date,
            title: format!("Article {a}"),
            dateline: None,
            blocks,
        });
    }
    index.merge_aliases();
    let articles = articles.into_iter().map(StoredArticle::kept).collect();
    Corpus { articles, index }
}

fn most_mentioned_person(corpus: &Corpus) -> EntityId {
    (0..corpus.index.len() as EntityId)
        .filter(|&id| corpus.index.entity(id).kind == EntityKind::Person)
        .max_by_key(|&id| corpus.index.entity(id).mentions)
        .expect("a person")
}

/// CPU time spent by the calling thread, in nanoseconds.
struct ThreadCpu;

fn thread_cpu_ns() -> u64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse().ok())
        .unwrap_or(0)
}

impl Measurement for ThreadCpu {
    type Intermediate = u64;
    type Value = u64;

    fn start(&self) -> u64 {
        thread_cpu_ns()
    }

    fn end(&self, start: u64) -> u64 {
        thread_cpu_ns().saturating_sub(start)
    }

    fn add(&self, a: &u64, b: &u64) -> u64 {
        a + b
    }

    fn zero(&self) -> u64 {
        0
    }

    fn to_f64(&self, v: &u64) -> f64 {
        *v as f64
    }

    fn formatter(&self) -> &dyn ValueFormatter {
        &CpuFormatter
    }
}

/// Shows nanoseconds as ms (the scale of these figures).
struct CpuFormatter;

impl ValueFormatter for CpuFormatter {
    fn scale_values(&self, _typical: f64, values: &mut [f64]) -> &'static str {
        for v in values {
            *v /= 1e6;
        }
        "ms (thread CPU)"
    }

    fn scale_throughputs(
        &self,
        _typical: f64,
        _t: &Throughput,
        _values: &mut [f64],
    ) -> &'static str {
        "ns"
    }

    fn scale_for_machines(&self, _values: &mut [f64]) -> &'static str {
        "ns"
    }
}

fn cpu_time(c: &mut Criterion<ThreadCpu>) {
    let corpus = collection();
    let id = most_mentioned_person(&corpus);
    c.bench_function("profile, thread CPU time", |b| {
        b.iter(|| black_box(Profile::build(&corpus, black_box(id))))
    });
}

fn bench(c: &mut Criterion) {
    let corpus = collection();
    let id = most_mentioned_person(&corpus);
    let e = corpus.index.entity(id);
    eprintln!(
        "{} articles, {} entities; most-mentioned person {:?}: {} articles, {} mentions",
        corpus.articles.len(),
        corpus.index.len(),
        e.name,
        e.articles.len(),
        e.mentions
    );
    c.bench_function(
        "profile of the most-mentioned person (100k articles)",
        |b| b.iter(|| black_box(Profile::build(&corpus, black_box(id)))),
    );
    c.bench_function("profile + every concordance context at 40 chars", |b| {
        b.iter(|| {
            let p = Profile::build(&corpus, black_box(id));
            let mut texts = Texts::new(&corpus);
            let chars: usize = p
                .concordance
                .iter()
                .map(|l| l.context_in(texts.of(l), 40).left.len())
                .sum();
            black_box((p, chars))
        })
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = bench
}
criterion_group! {
    name = cpu;
    config = Criterion::default().with_measurement(ThreadCpu).sample_size(20);
    targets = cpu_time
}
criterion_main!(benches, cpu);
