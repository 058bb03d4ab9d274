//! Loading a collection in the background: a loader thread finds the inputs,
//! reads, parses and extracts them over all cores, and sends the articles in
//! input order, batch by batch, then the finished entity index.
//!
//! The first batch is small so that a reader can show titles at once; later
//! batches grow so that the receiver does less work per article.

use super::{Diagnostic, Source, discover, read_source};
use crate::article::Article;
use crate::entity::{self, ArticleEntity, EntityIndex};
use crossbeam_channel::{Receiver, Sender};
use rayon::prelude::*;
use std::io;
use std::time::{Duration, Instant};

/// Inputs in the first batch.
const FIRST_BATCH: usize = 32;
/// Inputs in the largest batch.
const MAX_BATCH: usize = 4096;

/// How far loading has got.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Progress {
    /// Inputs read so far.
    pub files: usize,
    /// Inputs found.
    pub files_total: usize,
    /// Bytes of article text read so far.
    pub bytes: u64,
    /// Articles read and indexed so far.
    pub articles: usize,
    /// Time since loading started.
    pub elapsed: Duration,
}

impl Progress {
    /// The time still needed at the rate so far, once there is a rate.
    pub fn remaining(&self) -> Option<Duration> {
        if self.files == 0 || self.files_total < self.files {
            return None;
        }
        let left = (self.files_total - self.files) as f64 / self.files as f64;
        Some(self.elapsed.mul_f64(left))
    }
}

/// What the loader sends.
#[derive(Debug)]
pub enum LoadEvent {
    /// The next articles in input order, with the problems met reading them.
    Batch {
        /// Articles, numbered after those already sent.
        articles: Vec<Article>,
        /// Problems finding or reading the inputs of this batch.
        diagnostics: Vec<Diagnostic>,
        /// Progress after this batch.
        progress: Progress,
    },
    /// Every input is read; the index covers every article sent, its short
    /// names merged across the collection.
    Done {
        /// The entity index of the whole collection.
        index: EntityIndex,
        /// Final figures.
        progress: Progress,
    },
}

/// Starts loading `sources` (found by [`discover`] with `problems`, from
/// `start`) on a new thread; the events arrive on the receiver. The thread
/// stops early when the receiver is dropped.
pub fn spawn(
    sources: Vec<Source>,
    problems: Vec<Diagnostic>,
    start: Instant,
) -> io::Result<Receiver<LoadEvent>> {
    let (tx, rx) = crossbeam_channel::unbounded();
    std::thread::Builder::new()
        .name("dateline-loader".into())
        .spawn(move || run(&sources, problems, start, &tx))?;
    Ok(rx)
}

/// One input, read and parsed, with its articles' entities when they were looked for.
struct Read {
    articles: Vec<Article>,
    entities: Option<Vec<Vec<ArticleEntity>>>,
    diagnostics: Vec<Diagnostic>,
}

fn read_and_extract(source: &Source, extract: bool) -> Read {
    let (mut articles, diagnostics) = read_source(source);
    for a in &mut articles {
        a.blocks.shrink_to_fit();
    }
    let entities = extract.then(|| articles.iter().map(extract_compact).collect());
    Read {
        articles,
        entities,
        diagnostics,
    }
}

/// The entities of `article`, each list of mentions no larger than it needs
/// to be (they are kept in the index for the whole session).
fn extract_compact(article: &Article) -> Vec<ArticleEntity> {
    let mut found = entity::extract(article);
    for e in &mut found {
        e.mentions.shrink_to_fit();
    }
    found
}

/// Loads `sources`, sending each batch to `tx` as it is ready, the
/// `problems` of finding them with the first. While the workers read one
/// batch, the previous one is added to the index and sent. The first batch
/// is sent before its entities are looked for: the first use of the
/// extractor builds its word lists, which takes a while.
fn run(
    sources: &[Source],
    mut found_problems: Vec<Diagnostic>,
    start: Instant,
    tx: &Sender<LoadEvent>,
) {
    let mut progress = Progress {
        files_total: sources.len(),
        ..Progress::default()
    };
    let mut index = EntityIndex::new();
    let mut pending: Option<Vec<Read>> = None;
    let mut open = true;
    let mut rest = sources;
    let mut size = FIRST_BATCH;
    let mut extract = false;
    loop {
        let (chunk, after) = rest.split_at(size.min(rest.len()));
        rest = after;
        size = (size * 2).min(MAX_BATCH);
        let done = pending.take();
        let (read, ()) = rayon::join(
            || {
                chunk
                    .par_iter()
                    .map(|s| read_and_extract(s, extract))
                    .collect::<Vec<_>>()
            },
            || {
                let Some(done) = done else {
                    return;
                };
                let first = progress.articles;
                let unindexed = done.iter().any(|r| r.entities.is_none());
                let mut diagnostics = std::mem::take(&mut found_problems);
                let articles = absorb(done, &mut index, &mut progress, &mut diagnostics);
                let preview = unindexed.then(|| articles.clone());
                progress.elapsed = start.elapsed();
                open &= tx
                    .send(LoadEvent::Batch {
                        articles,
                        diagnostics,
                        progress,
                    })
                    .is_ok();
                for (i, a) in preview.iter().flatten().enumerate() {
                    index.add((first + i) as u32, a.date, extract_compact(a));
                }
            },
        );
        extract = true;
        if !open {
            return;
        }
        if chunk.is_empty() {
            break;
        }
        pending = Some(read);
    }
    if !found_problems.is_empty() {
        let _ = tx.send(LoadEvent::Batch {
            articles: Vec::new(),
            diagnostics: found_problems,
            progress,
        });
    }
    // Short names that stand for one entity across the collection join it.
    index.merge_aliases();
    progress.elapsed = start.elapsed();
    let _ = tx.send(LoadEvent::Done { index, progress });
}

/// Counts a batch and adds the entities found to `index`; its articles, in order.
fn absorb(
    batch: Vec<Read>,
    index: &mut EntityIndex,
    progress: &mut Progress,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Article> {
    let mut articles = Vec::with_capacity(batch.iter().map(|r| r.articles.len()).sum());
    for read in batch {
        progress.files += 1;
        let mut found = read.entities.map(Vec::into_iter);
        for article in read.articles {
            if let Some(ents) = found.as_mut().and_then(Iterator::next) {
                index.add(progress.articles as u32, article.date, ents);
            }
            progress.bytes += article.text_len() as u64;
            progress.articles += 1;
            articles.push(article);
        }
        diagnostics.extend(read.diagnostics);
    }
    articles
}

/// Loads `paths` and returns every article, the index and the diagnostics
/// (those of finding the inputs first, then those of reading them, in input order).
pub fn collect<S: AsRef<str>>(paths: &[S]) -> (Vec<Article>, EntityIndex, Vec<Diagnostic>) {
    let start = Instant::now();
    let (sources, problems) = discover(paths);
    let (tx, rx) = crossbeam_channel::unbounded();
    run(&sources, problems, start, &tx);
    drop(tx);
    let mut articles = Vec::new();
    let mut diagnostics = Vec::new();
    let mut index = EntityIndex::new();
    for event in rx {
        match event {
            LoadEvent::Batch {
                articles: a,
                diagnostics: d,
                ..
            } => {
                articles.extend(a);
                diagnostics.extend(d);
            }
            LoadEvent::Done { index: i, .. } => index = i,
        }
    }
    (articles, index, diagnostics)
}
