//! Loading a collection in the background: a loader thread finds the inputs,
//! reads, parses and extracts them over all cores, and sends the articles in
//! input order, batch by batch, then the finished entity index.
//!
//! Entities saved by an earlier run for an unchanged file are taken from
//! the [`cache`] instead of being extracted again; the cache
//! is written after the index is sent.
//!
//! The inputs are found as they are read (see [`Discovery`](super::load::Discovery)).
//! The first batch is small and goes out before the cache is open, so that
//! a reader can show titles at once; later batches grow so that the
//! receiver does less work per article.

use super::cache::{self, EntityCache, FileKey, Header, Saved, Update};
use super::load::{Parsed, read_source_with};
use super::stored::{LeftIn, StoredArticle};
use super::{Diagnostic, Format, Origin, Source, discover};
use crate::article::Article;
use crate::entity::index::{Found, NameKeys};
use crate::entity::{self, Entities, EntityIndex};
use crossbeam_channel::{Receiver, Sender};
use rayon::prelude::*;
use smallvec::{SmallVec, smallvec};
use std::io;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Inputs in the first batch.
const FIRST_BATCH: usize = 32;
/// Inputs in the largest batch.
const MAX_BATCH: usize = 4096;
/// Inputs in the smallest batch toward the end (see [`Inputs::next_size`]).
const LAST_BATCH: usize = 256;

/// How far loading has got.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Progress {
    /// Inputs read so far.
    pub files: usize,
    /// Inputs found so far (all of them once every folder is listed).
    pub files_total: usize,
    /// Bytes of article text read so far (for a file known from the saved
    /// index and not read, its size).
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
        articles: Vec<StoredArticle>,
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

/// Starts loading the inputs `found` (as a [`Discovery`](super::load::Discovery)
/// gives them, problems finding them among them; loading counts from
/// `start`) on a new thread, with the entities saved in `cache_file` (see
/// [`cache::collection_file`]; `None`: no cache), opened once the first
/// batch is sent; the events arrive on the receiver. The thread stops early
/// when the receiver is dropped.
pub fn spawn<I>(
    found: I,
    cache_file: Option<PathBuf>,
    start: Instant,
) -> io::Result<Receiver<LoadEvent>>
where
    I: Iterator<Item = Result<Source, Diagnostic>> + Send + 'static,
{
    let (tx, rx) = crossbeam_channel::unbounded();
    std::thread::Builder::new()
        .name("dateline-loader".into())
        .spawn(move || {
            let cache = || EntityCache::open(cache_file);
            if let Some(cache) = run(found, cache, start, &tx) {
                cache.save();
            }
        })?;
    Ok(rx)
}

/// The inputs still to read, pulled a batch at a time.
struct Inputs<I> {
    found: I,
    /// Inputs pulled so far.
    pulled: usize,
    /// Problems finding the inputs pulled, not sent yet.
    problems: Vec<Diagnostic>,
}

impl<I: Iterator<Item = Result<Source, Diagnostic>>> Inputs<I> {
    /// The next `n` inputs (fewer at the end), counted in `progress`.
    fn take(&mut self, n: usize, progress: &mut Progress) -> Vec<Source> {
        let mut chunk = Vec::with_capacity(n);
        while chunk.len() < n {
            match self.found.next() {
                Some(Ok(source)) => chunk.push(source),
                Some(Err(problem)) => self.problems.push(problem),
                None => break,
            }
        }
        self.pulled += chunk.len();
        progress.files_total = self.pulled + self.found.size_hint().0;
        chunk
    }

    /// The size of the batch after one of `size`: twice as large up to
    /// [`MAX_BATCH`], but, once the inputs left (and problems finding them)
    /// are known exactly, at most half of them (at least [`LAST_BATCH`]). The last batch is indexed
    /// after every other input is read, on one core: the smaller it is, the
    /// less that waits.
    fn next_size(&self, size: usize) -> usize {
        let grown = (size * 2).min(MAX_BATCH);
        match self.found.size_hint() {
            (left, Some(upper)) if upper == left => grown.min((left / 2).max(LAST_BATCH)),
            _ => grown,
        }
    }
}

/// One article's entities: extracted now, or read from the saved index.
enum ArticleFound<'s> {
    Extracted(Pooled<'s>),
    Saved(Found<'s>),
}

/// The largest entity list kept for another article, in bytes.
const KEPT_ENTITIES: usize = 64 << 10;

/// Entity lists emptied once indexed, for the workers to fill again: their
/// allocations go round, where they would be made on a worker and freed on
/// the thread that indexes. It keeps at most a batch's worth, in a channel
/// (lock-free for a bounded one), as a worker takes one and the indexing
/// thread gives one back for every article.
struct Spare {
    give: Sender<Entities>,
    take: Receiver<Entities>,
}

impl Default for Spare {
    fn default() -> Self {
        let (give, take) = crossbeam_channel::bounded(MAX_BATCH);
        Spare { give, take }
    }
}

impl Spare {
    /// The entities of `article`, in a list from the spares when there is one.
    fn extract<'s>(&'s self, article: &Article) -> Pooled<'s> {
        let mut entities = self.take.try_recv().unwrap_or_default();
        entity::extract::extract_into(article, &mut entities);
        Pooled {
            entities,
            home: self,
        }
    }
}

/// An article's extracted entities, handed back to the [`Spare`] they came
/// from when dropped (freed when it is full).
struct Pooled<'s> {
    entities: Entities,
    home: &'s Spare,
}

impl Drop for Pooled<'_> {
    fn drop(&mut self) {
        if self.entities.allocated() <= KEPT_ENTITIES {
            let _ = self.home.give.try_send(std::mem::take(&mut self.entities));
        }
    }
}

/// The index being built, and what the saved index's names stand for in it.
type Indexing<'a> = (&'a mut EntityIndex, &'a mut NameKeys);

/// Notes the entities `found` in an input's `articles` in the cache
/// `update` under `note` (the file's path and key; `header`: its only
/// article's), and adds them to the index `into` as those of the articles
/// numbered from the number given. Their names are looked up once: the
/// cache numbers them, and the index finds them by number.
fn note_and_index(
    found: &[ArticleFound<'_>],
    articles: &[Article],
    note: Option<(String, FileKey)>,
    header: Option<&Header>,
    update: &mut Update,
    into: Option<(Indexing<'_>, usize)>,
) {
    let extracted = found.iter().filter_map(|f| match f {
        ArticleFound::Extracted(e) => Some(&e.entities),
        ArticleFound::Saved(_) => None,
    });
    // The callers note a file only when all its entities were just extracted.
    debug_assert!(note.is_none() || extracted.clone().count() == found.len());
    let numbered = note.and_then(|file| update.add(file, extracted, header));
    let Some(((index, keys), first)) = into else {
        return;
    };
    // Names the cache numbered just now are known by those numbers.
    let (keys, mut names) = numbered.unwrap_or((keys, &[]));
    for ((found, article), n) in found.iter().zip(articles).zip(first..) {
        match found {
            ArticleFound::Extracted(e) => {
                let (these, rest) = names.split_at(e.entities.len().min(names.len()));
                names = rest;
                index.add_entities(n as u32, article.date, &e.entities, these, keys);
            }
            ArticleFound::Saved(f) => index.add_found(n as u32, article.date, f, keys),
        }
    }
}

/// An input's articles, or their entities: most inputs hold one article,
/// kept inline, so that the thread that indexes them frees no allocation
/// made on a worker (glibc's malloc then takes the worker's lock).
type Each<T> = SmallVec<[T; 1]>;

/// One input, read and parsed, with its articles' entities when they were
/// looked for or saved.
struct Read<'s> {
    /// Its articles: whole, or only the header when the text stays in the
    /// file (known from the cache, or stripped on the worker once extracted).
    articles: Each<Article>,
    /// Where its only article's text is left.
    left_in: Option<LeftIn>,
    /// That article's header, for the cache, when the file was read.
    header: Option<Header>,
    /// Bytes of article text read (for a file known from the cache, its size).
    bytes: u64,
    entities: Option<Each<ArticleFound<'s>>>,
    diagnostics: Vec<Diagnostic>,
    /// How the cache knows the file, for files with a stable identity.
    file: Option<(String, FileKey)>,
    /// The number of the saved record the entities came from.
    saved: Option<usize>,
}

/// Reads `source` (unless the cache knows it), and finds its entities in
/// `cache` or, when `extract`, by extracting them.
fn read_and_extract<'s>(
    source: &Source,
    extract: bool,
    (cache, spare): (&'s Saved, &'s Spare),
) -> Read<'s> {
    // A text file that can be read again by its path: when its one article
    // is known from the cache, it is not read now (its text is read again
    // when it is wanted).
    let rereadable = source.format == Format::Text
        && match &source.origin {
            Origin::File(path) => path.to_str() == Some(&source.display),
            Origin::Stdin => false,
        };
    if let (true, Origin::File(path)) = (rereadable, &source.origin)
        && let Some(read) = from_cache(source, path, cache)
    {
        return read;
    }
    read_source_with(source, |parsed, diagnostics, key| {
        let articles = parsed.articles();
        let one = key
            .filter(|_| rereadable && articles.len() == 1)
            .map(|key| (key, articles[0].text_hash()));
        let left_in = one.map(|(key, hash)| LeftIn {
            key,
            hash,
            listed: source.listed,
        });
        // Saved for the next run only when reading it again would tell nothing new.
        let header = one
            .filter(|_| diagnostics.is_empty())
            .map(|(_, hash)| Header {
                title: articles[0].title.clone(),
                date: articles[0].date,
                hash,
            });
        let file = match (&source.origin, key) {
            (Origin::File(path), Some(key)) => cache::record_path(path).map(|p| (p, key)),
            _ => None,
        };
        let hit = file
            .as_ref()
            .and_then(|(path, key)| cache.lookup(path, *key, articles.len()));
        let (saved, entities) = match hit {
            Some((i, entities)) => (
                Some(i),
                Some(entities.into_iter().map(ArticleFound::Saved).collect()),
            ),
            None => (
                None,
                extract.then(|| {
                    let extracted = articles.iter().map(|a| spare.extract(a));
                    extracted.map(ArticleFound::Extracted).collect()
                }),
            ),
        };
        let bytes = articles.iter().map(|a| a.text_len() as u64).sum();
        let articles = match parsed {
            // Its text stays in its file and is no longer needed: only the
            // header is kept, the parser's room left for the next. (Only a
            // text file's one article is left in its file.)
            Parsed::Reused(article) if left_in.is_some() && entities.is_some() => {
                smallvec![article.take_header()]
            }
            parsed => parsed.into_owned().into_iter().collect(),
        };
        Read {
            bytes,
            articles,
            left_in,
            header,
            entities,
            diagnostics,
            file,
            saved,
        }
    })
}

/// The text file at `path` (`source`) as the cache knows it, without
/// reading it: when its size and modification time are those saved with
/// the header of its only article.
fn from_cache<'s>(source: &Source, path: &Path, cache: &'s Saved) -> Option<Read<'s>> {
    if cache.is_empty() {
        // A first start: no need to ask the file system.
        return None;
    }
    let key = FileKey::of(&std::fs::metadata(path).ok()?)?;
    let record = cache::record_path(path)?;
    let (i, header, entities) = cache.lookup_header(&record, key)?;
    let article = Article {
        path: source.display.clone(),
        date: header.date,
        title: header.title,
        ..Article::default()
    };
    Some(Read {
        articles: smallvec![article],
        left_in: Some(LeftIn {
            key,
            hash: header.hash,
            listed: source.listed,
        }),
        header: None,
        bytes: key.size,
        entities: Some(smallvec![ArticleFound::Saved(entities)]),
        diagnostics: Vec::new(),
        file: Some((record, key)),
        saved: Some(i),
    })
}

/// Starts building the extractor's word lists on a worker (see
/// [`entity::extract::prepare`]) when every article will be extracted:
/// caching is off (`cache_file` is `None`), or the collection has no saved
/// index yet. Otherwise the articles mostly come from the saved index, and
/// the lists are built only when one does not.
pub fn prepare_extraction(cache_file: Option<&Path>) {
    if cache_file.is_none_or(|f| !f.exists()) {
        entity::extract::prepare();
    }
}

/// Loads the inputs `found`, sending each batch to `tx` as it is ready
/// with the problems finding its inputs. The first batch is read and sent
/// before `cache` is asked for the saved entities (tens of megabytes at
/// 100,000 articles) and before any entity is looked for; it is indexed
/// while the next is read. Then, while the workers read one batch, the previous one is added
/// to the index and sent, and the inputs of the next are found. Returns the
/// cache to save, unless the receiver went away.
fn run(
    found: impl Iterator<Item = Result<Source, Diagnostic>> + Send,
    cache: impl FnOnce() -> EntityCache,
    start: Instant,
    tx: &Sender<LoadEvent>,
) -> Option<EntityCache> {
    let mut progress = Progress::default();
    let mut inputs = Inputs {
        found,
        pulled: 0,
        problems: Vec::new(),
    };
    let mut index = EntityIndex::new();
    let nothing_saved = Saved::default();
    let spare = Spare::default();
    let chunk = inputs.take(FIRST_BATCH, &mut progress);
    // A list of its own: it borrows from `nothing_saved`, the later ones
    // from the cache's saved records.
    let mut first_read = chunk
        .par_iter()
        .map(|s| read_and_extract(s, false, (&nothing_saved, &spare)))
        .collect();
    let mut diagnostics = std::mem::take(&mut inputs.problems);
    // No entity is known yet: nothing to note in the cache.
    let (articles, unindexed) = absorb(
        &mut first_read,
        (&mut index, &mut NameKeys::default()),
        &mut Update::default(),
        &mut progress,
        &mut diagnostics,
    );
    progress.elapsed = start.elapsed();
    let (articles, preview) = to_send(articles, true);
    let batch = LoadEvent::Batch {
        articles,
        diagnostics,
        progress,
    };
    if tx.send(batch).is_err() {
        return None;
    }
    let mut sent = preview.map(|preview| (preview, unindexed));
    let EntityCache {
        file,
        saved,
        mut update,
    } = cache();
    let mut keys = NameKeys::default();
    // Two lists of inputs read take turns: one is filled by the workers
    // while the other is indexed, so that no batch's list is allocated (and
    // its pages touched) anew.
    // `done` holds a batch read and not yet indexed, or nothing.
    let (mut read, mut done) = (Vec::new(), Vec::new());
    let mut open = true;
    let mut size = FIRST_BATCH * 2;
    let mut chunk = inputs.take(size, &mut progress);
    loop {
        size = inputs.next_size(size);
        let mut next = Vec::new();
        let first_batch = sent.take();
        rayon::join(
            || {
                chunk
                    .par_iter()
                    .map(|s| read_and_extract(s, true, (&saved, &spare)))
                    .collect_into_vec(&mut read);
            },
            || {
                'index: {
                    if let Some((preview, unindexed)) = first_batch {
                        let indexing = (&mut index, &mut keys);
                        index_sent(
                            0,
                            &preview,
                            unindexed,
                            (&saved, &spare),
                            &mut update,
                            indexing,
                        );
                    }
                    if done.is_empty() {
                        break 'index;
                    }
                    let first = progress.articles;
                    let mut diagnostics = std::mem::take(&mut inputs.problems);
                    let (articles, unindexed) = absorb(
                        &mut done,
                        (&mut index, &mut keys),
                        &mut update,
                        &mut progress,
                        &mut diagnostics,
                    );
                    let (articles, preview) = to_send(articles, !unindexed.is_empty());
                    progress.elapsed = start.elapsed();
                    open &= tx
                        .send(LoadEvent::Batch {
                            articles,
                            diagnostics,
                            progress,
                        })
                        .is_ok();
                    let Some(preview) = preview else {
                        break 'index;
                    };
                    let indexing = (&mut index, &mut keys);
                    index_sent(
                        first,
                        &preview,
                        unindexed,
                        (&saved, &spare),
                        &mut update,
                        indexing,
                    );
                }
                // The next inputs are found (on a large folder's first
                // batches, its names sorted) while this batch is read.
                next = inputs.take(size, &mut progress);
            },
        );
        if !open {
            return None;
        }
        if chunk.is_empty() {
            break;
        }
        std::mem::swap(&mut read, &mut done);
        chunk = next;
    }
    if !inputs.problems.is_empty() {
        let _ = tx.send(LoadEvent::Batch {
            articles: Vec::new(),
            diagnostics: inputs.problems,
            progress,
        });
    }
    // `read` and `done` are empty here, but their type holds entities that
    // go back to `spare` when dropped, and entities borrowed from `saved`:
    // they must go before `saved` is moved. The spare lists are freed once
    // the index is sent (thousands of frees, no longer before it).
    drop((read, done));
    // With nothing to save, the saved records are let go before the merge.
    let cache = EntityCache {
        file,
        saved,
        update,
    }
    .needed();
    // Short names that stand for one entity across the collection join it.
    // The merged entities' lists are freed once the index is sent.
    let spent = index.merge_aliases();
    progress.elapsed = start.elapsed();
    let _ = tx.send(LoadEvent::Done { index, progress });
    drop(spent);
    Some(cache)
}

/// Adds to `index` the inputs of a batch sent before they were indexed
/// (`preview`: its articles, the first numbered `first`), with the entities
/// found when they were read, else those saved for the file, else those
/// extracted now into lists from `spare` (and noted in the cache `update`).
fn index_sent<'s>(
    first: usize,
    preview: &[Article],
    unindexed: Unindexed<'s>,
    (saved, spare): (&'s Saved, &'s Spare),
    update: &mut Update,
    (index, keys): Indexing<'_>,
) {
    for Pending {
        file,
        header,
        range,
        found,
    } in unindexed
    {
        let articles = &preview[range.start - first..range.end - first];
        let mut note = None;
        let found = found.unwrap_or_else(|| {
            let hit = file
                .as_ref()
                .and_then(|(path, key)| saved.lookup(path, *key, articles.len()));
            if let Some((i, found)) = hit {
                update.keep(i);
                return found.into_iter().map(ArticleFound::Saved).collect();
            }
            note = file.filter(|_| update.is_on());
            let extract = |a| ArticleFound::Extracted(spare.extract(a));
            articles.iter().map(extract).collect()
        });
        let into = Some(((&mut *index, &mut *keys), range.start));
        note_and_index(&found, articles, note, header.as_ref(), update, into);
    }
}

/// An input of a batch not yet indexed.
struct Pending<'s> {
    /// The file, for the cache, when its entities are still to be found.
    file: Option<(String, FileKey)>,
    /// Its only article's header, for the cache.
    header: Option<Header>,
    /// The numbers of its articles.
    range: Range<usize>,
    /// Its entities, when known (saved in the cache, or extracted while an
    /// earlier input of the batch still waits for its own).
    found: Option<Vec<ArticleFound<'s>>>,
}

/// The inputs of a batch left to index, from the first whose entities are
/// still to be found.
type Unindexed<'s> = Vec<Pending<'s>>;

/// Articles of a batch, each with where its text is left, if it is.
type Batch = Vec<(Article, Option<LeftIn>)>;

/// The articles of `batch` to send and, when `whole` (some still wait for
/// their entities), the articles whole to extract them from.
fn to_send(batch: Batch, whole: bool) -> (Vec<StoredArticle>, Option<Vec<Article>>) {
    let stored = |article: Article, left_in: Option<LeftIn>| match left_in {
        Some(left) => StoredArticle::in_file(article, left),
        None => StoredArticle::kept(article),
    };
    if !whole {
        return (
            batch.into_iter().map(|(a, key)| stored(a, key)).collect(),
            None,
        );
    }
    let send = batch
        .iter()
        .map(|(a, key)| match *key {
            Some(_) => stored(a.header(), *key),
            None => stored(a.clone(), None),
        })
        .collect();
    (send, Some(batch.into_iter().map(|(a, _)| a).collect()))
}

/// Counts a batch (taking its inputs out of `batch`, whose room is kept for
/// the next), adds the entities found to `index` and notes them in the cache
/// `update`; its articles, in order, and the inputs not yet indexed.
fn absorb<'s>(
    batch: &mut Vec<Read<'s>>,
    (index, keys): Indexing<'_>,
    update: &mut Update,
    progress: &mut Progress,
    diagnostics: &mut Vec<Diagnostic>,
) -> (Batch, Unindexed<'s>) {
    let mut articles = Vec::with_capacity(batch.iter().map(|r| r.articles.len()).sum());
    let mut unindexed = Vec::new();
    for read in batch.drain(..) {
        progress.files += 1;
        let first = progress.articles;
        let mut file = read.file;
        let mut note = None;
        match (read.saved, &read.entities) {
            (Some(i), _) => update.keep(i),
            (None, Some(_)) => note = file.take().filter(|_| update.is_on()),
            (None, None) => {}
        }
        // Articles join the index in order: after one still to be
        // extracted, the others wait too.
        let waits = read.entities.is_none() || !unindexed.is_empty();
        if let Some(found) = &read.entities {
            let into = (!waits).then_some(((&mut *index, &mut *keys), first));
            let header = read.header.as_ref();
            note_and_index(found, &read.articles, note, header, update, into);
        }
        if waits {
            let range = first..first + read.articles.len();
            unindexed.push(Pending {
                file,
                header: read.header,
                range,
                found: read.entities.map(Each::into_vec),
            });
        }
        for article in read.articles {
            progress.articles += 1;
            articles.push((article, read.left_in));
        }
        progress.bytes += read.bytes;
        diagnostics.extend(read.diagnostics);
    }
    // As many articles to each input left as to each read.
    if progress.files > 0 {
        let inputs = progress.files_total.max(progress.files);
        index.expect_articles(progress.articles * inputs / progress.files);
    }
    (articles, unindexed)
}

/// Loads `paths` with the cache kept in `cache_file` (`None`: no cache)
/// and returns every article (as the reader keeps them: the header only of
/// an article that is alone in a text file, which [`StoredArticle::fetch`]
/// reads again), the index and the diagnostics (those of finding the inputs
/// first, then those of reading them, in input order), once the cache is
/// written. A collection's own cache file is [`cache::collection_file`].
pub fn collect_cached<S: AsRef<str>>(
    paths: &[S],
    cache_file: Option<PathBuf>,
) -> (Vec<StoredArticle>, EntityIndex, Vec<Diagnostic>) {
    collect_saving(paths, cache_file).0
}

/// The saved index being written on a thread of its own while the caller
/// goes on with the collection; dropping it waits until the file is written.
#[must_use = "dropping it waits for the saved index to be written"]
#[derive(Debug, Default)]
pub struct Saving(Option<std::thread::JoinHandle<()>>);

impl Saving {
    /// Saves `cache` on a new thread (here, if none can be started).
    fn start(cache: EntityCache) -> Saving {
        // The cache goes to the thread once it runs: a thread that fails to
        // start would drop what it was given.
        let (tx, rx) = crossbeam_channel::bounded::<EntityCache>(1);
        let thread = std::thread::Builder::new()
            .name("dateline-save".into())
            .spawn(move || {
                if let Ok(cache) = rx.recv() {
                    cache.save();
                }
            });
        match thread {
            Ok(thread) => {
                let _ = tx.send(cache);
                Saving(Some(thread))
            }
            Err(_) => {
                cache.save();
                Saving(None)
            }
        }
    }
}

impl Drop for Saving {
    fn drop(&mut self) {
        if let Some(thread) = self.0.take() {
            let _ = thread.join();
        }
    }
}

/// [`collect_cached`], returning while the cache is still being written.
pub fn collect_saving<S: AsRef<str>>(
    paths: &[S],
    cache_file: Option<PathBuf>,
) -> ((Vec<StoredArticle>, EntityIndex, Vec<Diagnostic>), Saving) {
    let start = Instant::now();
    prepare_extraction(cache_file.as_deref());
    // The problems finding the inputs come first.
    let (sources, problems) = discover(paths);
    let found = problems
        .into_iter()
        .map(Err)
        .chain(sources.into_iter().map(Ok));
    let (tx, rx) = crossbeam_channel::unbounded();
    let open = || EntityCache::open(cache_file);
    let cache = run(found, open, start, &tx);
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
    let saving = cache.map_or_else(Saving::default, Saving::start);
    ((articles, index, diagnostics), saving)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The sizes of the batches `found` is taken in, as [`run`] takes them.
    fn batch_sizes(found: impl Iterator<Item = Result<Source, Diagnostic>>) -> Vec<usize> {
        let mut inputs = Inputs {
            found,
            pulled: 0,
            problems: Vec::new(),
        };
        let mut progress = Progress::default();
        let mut size = FIRST_BATCH * 2;
        let mut sizes = Vec::new();
        loop {
            let chunk = inputs.take(size, &mut progress);
            if chunk.is_empty() {
                return sizes;
            }
            sizes.push(chunk.len());
            size = inputs.next_size(size);
        }
    }

    fn sources(n: usize) -> impl Iterator<Item = Result<Source, Diagnostic>> {
        (0..n).map(|i| {
            Ok(Source {
                display: format!("{i}.txt"),
                origin: Origin::Stdin,
                format: Format::Text,
                listed: false,
            })
        })
    }

    #[test]
    fn batches_grow_to_the_largest_then_shrink_toward_a_known_end() {
        // `Range::map` knows exactly how many inputs are left.
        let sizes = batch_sizes(sources(20_000));
        assert_eq!(sizes.iter().sum::<usize>(), 20_000);
        assert_eq!(
            sizes[..7],
            [64, 128, 256, 512, 1024, 2048, 4096],
            "{sizes:?}"
        );
        let last = sizes.iter().rposition(|&s| s == MAX_BATCH).unwrap();
        assert!(sizes[last..].windows(2).all(|w| w[1] <= w[0]), "{sizes:?}");
        assert!(sizes[sizes.len() - 1] <= LAST_BATCH, "{sizes:?}");
    }

    #[test]
    fn batches_keep_their_size_while_the_inputs_left_are_not_known() {
        // A filter cannot tell how many inputs are left.
        let sizes = batch_sizes(sources(20_000).filter(|_| true));
        assert_eq!(sizes.iter().sum::<usize>(), 20_000);
        let (last, before) = sizes.split_last().unwrap();
        assert!(before[6..].iter().all(|&s| s == MAX_BATCH), "{sizes:?}");
        assert!(*last > LAST_BATCH, "{sizes:?}");
    }
}
