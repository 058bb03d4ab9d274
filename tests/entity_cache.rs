//! The saved entity index: a second load takes unchanged files' entities
//! from the cache and gets what a fresh extraction gets; a changed file is
//! extracted again; a damaged cache file is ignored and written anew.

use dateline::corpus::cache::{EntityCache, FileKey, file_in, record_path};
use dateline::corpus::stored::StoredArticle;
use dateline::corpus::stream::{collect_cached, collect_saving};
use dateline::entity::index::Found;
use dateline::entity::{self, ArticleEntity, EntityId, EntityIndex};
use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

fn text(i: usize, person: &str) -> String {
    format!(
        " date 2024-03-{:02} Story number {i}\n\nBERLIN, March 1 (Xinhua) -- {person} met officials of the United Nations in Paris on day {i}. Schmidt said the World Health Organization agreed.\n\nMore text follows here.\n",
        1 + i % 28
    )
}

/// A folder of `n` text files and one JSON file of two articles.
fn collection(n: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..n {
        fs::write(
            dir.path().join(format!("{i:03}.txt")),
            text(i, "Angela Schmidt"),
        )
        .unwrap();
    }
    let json = r#"[{"title": "Talks in Rome", "body": "ROME, May 2 (Xinhua) -- Mario Rossi met Giorgia Meloni."},
                   {"title": "Vote", "body": "The European Parliament voted in Brussels."}]"#;
    fs::write(dir.path().join("more.json"), json).unwrap();
    dir
}

struct Loaded {
    articles: Vec<StoredArticle>,
    index: String,
}

/// The index's entities and each article's occurrences, in a stable order.
fn describe(index: &EntityIndex, articles: usize) -> String {
    let per_article: Vec<_> = (0..articles)
        .map(|a| {
            let occurrences = index.of_article(a).iter();
            let mentions: Vec<_> = occurrences.map(|o| (o.id, index.mentions_of(o))).collect();
            (mentions, index.date(a))
        })
        .collect();
    let candidates: Vec<_> = (0..index.len())
        .map(|i| index.candidates(i as EntityId))
        .collect();
    format!("{:?}\n{per_article:?}\n{candidates:?}", index.entities())
}

fn load(dir: &Path, cache: Option<&Path>) -> Loaded {
    let input = dir.to_str().unwrap();
    let file = cache.and_then(|c| file_in(c, &[input]));
    let (articles, index, diagnostics) = collect_cached(&[input], file);
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    Loaded {
        index: describe(&index, articles.len()),
        articles,
    }
}

fn key(path: &Path) -> FileKey {
    FileKey::of(&fs::metadata(path).unwrap()).unwrap()
}

/// The entities saved for `file` (holding `articles` articles) in the cache of `dir`.
fn saved(
    cache: &Path,
    dir: &Path,
    file: &Path,
    articles: usize,
) -> Option<Vec<Vec<ArticleEntity>>> {
    let cache = EntityCache::open(file_in(cache, &[dir.to_str().unwrap()]));
    let path = record_path(file).unwrap();
    let (_, found) = cache.saved.lookup(&path, key(file), articles)?;
    Some(found.iter().map(owned).collect())
}

/// The entities of `found`, each with its own names and mentions.
fn owned(found: &Found<'_>) -> Vec<ArticleEntity> {
    let range = |r: &std::ops::Range<u32>| r.start as usize..r.end as usize;
    found
        .entities
        .iter()
        .map(|e| ArticleEntity {
            name: e.name.to_string(),
            kind: e.kind,
            aliases: found.aliases[range(&e.aliases)]
                .iter()
                .map(|a| a.to_string())
                .collect(),
            mentions: found.mentions[range(&e.mentions)].to_vec(),
        })
        .collect()
}

fn cache_file(cache: &Path, dir: &Path) -> PathBuf {
    file_in(cache, &[dir.to_str().unwrap()]).unwrap()
}

#[test]
fn a_second_load_from_the_cache_equals_a_fresh_extraction() {
    let dir = collection(40);
    let cache = tempfile::tempdir().unwrap();
    let fresh = load(dir.path(), None);
    assert!(!cache_file(cache.path(), dir.path()).exists());
    let first = load(dir.path(), Some(cache.path()));
    assert!(cache_file(cache.path(), dir.path()).exists());
    // Every file's saved entities are those extracted from its articles.
    let json = dir.path().join("more.json");
    let extract = |a: &StoredArticle| entity::extract(&a.fetch().article).to_vec();
    let from_json: Vec<_> = fresh.articles[40..].iter().map(extract).collect();
    assert!(from_json.iter().all(|e| !e.is_empty()));
    assert_eq!(saved(cache.path(), dir.path(), &json, 2), Some(from_json));
    for (i, article) in fresh.articles[..40].iter().enumerate() {
        let file = dir.path().join(format!("{i:03}.txt"));
        let found = saved(cache.path(), dir.path(), &file, 1).expect("saved");
        assert_eq!(found, vec![extract(article)]);
    }
    let modified = fs::metadata(cache_file(cache.path(), dir.path()))
        .unwrap()
        .modified()
        .unwrap();
    let second = load(dir.path(), Some(cache.path()));
    assert_eq!(second.index, fresh.index);
    assert_eq!(first.index, fresh.index);
    // The text files known from the cache were not read (but for the first
    // batch, read before the cache is opened), and read again they are what
    // a fresh load read.
    let whole = |articles: &[StoredArticle]| -> Vec<_> {
        articles
            .iter()
            .map(|a| a.fetch().article.into_owned())
            .collect()
    };
    // Text files keep only their headers (their text is read again when
    // wanted); the records of the JSON file are kept whole.
    assert!(second.articles[39].in_file_only());
    assert!(fresh.articles[..40].iter().all(StoredArticle::in_file_only));
    assert!(fresh.articles[40..].iter().all(|a| !a.in_file_only()));
    assert_eq!(whole(&second.articles), whole(&fresh.articles));
    let hashes = |articles: &[StoredArticle]| -> Vec<_> {
        articles.iter().map(StoredArticle::text_hash).collect()
    };
    assert_eq!(hashes(&second.articles), hashes(&fresh.articles));
    // Nothing changed: the cache was not written again.
    let again = fs::metadata(cache_file(cache.path(), dir.path()))
        .unwrap()
        .modified()
        .unwrap();
    assert_eq!(again, modified);
}

#[test]
fn the_cache_written_while_the_collection_is_used_is_complete_once_waited_for() {
    let dir = collection(40);
    let cache = tempfile::tempdir().unwrap();
    let input = dir.path().to_str().unwrap();
    let file = file_in(cache.path(), &[input]);
    let ((articles, index, _), saving) = collect_saving(&[input], file);
    let fresh = describe(&index, articles.len());
    drop(saving);
    let first = dir.path().join("000.txt");
    assert!(saved(cache.path(), dir.path(), &first, 1).is_some());
    assert_eq!(load(dir.path(), Some(cache.path())).index, fresh);
}

#[test]
fn a_file_with_another_size_or_mtime_is_extracted_again() {
    let dir = collection(5);
    let cache = tempfile::tempdir().unwrap();
    load(dir.path(), Some(cache.path()));
    let grown = dir.path().join("001.txt");
    fs::write(&grown, text(1, "Angela Schmidt and Boris Novak")).unwrap();
    // Same size, new content: only the mtime tells.
    let same_size = dir.path().join("002.txt");
    let before = fs::metadata(&same_size).unwrap();
    let replaced = text(2, "Angela Schneid");
    assert_eq!(replaced.len() as u64, before.len());
    fs::write(&same_size, &replaced).unwrap();
    let later = before.modified().unwrap() + Duration::from_secs(5);
    fs::File::options()
        .write(true)
        .open(&same_size)
        .unwrap()
        .set_modified(later)
        .unwrap();
    let cached = load(dir.path(), Some(cache.path()));
    let fresh = load(dir.path(), None);
    assert_eq!(cached.index, fresh.index);
    assert!(cached.index.contains("Boris Novak"));
    assert!(cached.index.contains("Angela Schneid"));
    // The cache now holds the new versions.
    let new = saved(cache.path(), dir.path(), &same_size, 1).unwrap();
    assert!(new[0].iter().any(|e| e.name == "Angela Schneid"));
    assert!(saved(cache.path(), dir.path(), &grown, 1).is_some());
}

#[test]
fn a_deleted_file_is_dropped_from_the_cache() {
    let dir = collection(3);
    let cache = tempfile::tempdir().unwrap();
    load(dir.path(), Some(cache.path()));
    let gone = dir.path().join("000.txt");
    let gone_path = record_path(&gone).unwrap();
    let gone_key = key(&gone);
    fs::remove_file(&gone).unwrap();
    let cached = load(dir.path(), Some(cache.path()));
    assert_eq!(cached.index, load(dir.path(), None).index);
    let reopened = EntityCache::open(Some(cache_file(cache.path(), dir.path())));
    assert!(reopened.saved.lookup(&gone_path, gone_key, 1).is_none());
    let kept = dir.path().join("001.txt");
    assert!(saved(cache.path(), dir.path(), &kept, 1).is_some());
}

#[test]
fn a_damaged_cache_file_is_ignored_and_written_anew() {
    let dir = collection(4);
    let cache = tempfile::tempdir().unwrap();
    let fresh = load(dir.path(), None);
    load(dir.path(), Some(cache.path()));
    let file = cache_file(cache.path(), dir.path());
    let good = fs::read(&file).unwrap();
    let first = dir.path().join("000.txt");
    let mut flipped = good.clone();
    let middle = flipped.len() / 2;
    flipped[middle] ^= 0x55;
    let damaged = [
        good[..good.len() / 3].to_vec(),
        good[..good.len() - 1].to_vec(),
        flipped,
        b"not a cache".to_vec(),
        Vec::new(),
    ];
    for bytes in damaged {
        fs::write(&file, &bytes).unwrap();
        assert!(saved(cache.path(), dir.path(), &first, 1).is_none());
        let loaded = load(dir.path(), Some(cache.path()));
        assert_eq!(loaded.index, fresh.index);
        assert_eq!(fs::read(&file).unwrap().len(), good.len());
        assert!(saved(cache.path(), dir.path(), &first, 1).is_some());
    }
    // Every truncation reads as an empty cache, without a panic.
    for len in 0..good.len() {
        fs::write(&file, &good[..len]).unwrap();
        assert!(saved(cache.path(), dir.path(), &first, 1).is_none());
    }
}

#[test]
fn the_key_is_the_size_and_the_mtime_in_nanoseconds() {
    let dir = collection(1);
    let file = dir.path().join("000.txt");
    let when = SystemTime::UNIX_EPOCH + Duration::from_nanos(1_700_000_000_123_456_789);
    fs::File::options()
        .write(true)
        .open(&file)
        .unwrap()
        .set_modified(when)
        .unwrap();
    let k = key(&file);
    assert_eq!(k.size, fs::metadata(&file).unwrap().len());
    assert_eq!(k.mtime_ns, 1_700_000_000_123_456_789);
}

/// What the reader's loader sends for the folder `dir` with the cache in
/// `cache`: each article's title, whether its text was left in its file,
/// and its text hash; and the index.
fn stream(dir: &Path, cache: &Path) -> (Vec<(String, bool, u64)>, String) {
    let input = dir.to_str().unwrap();
    let found = dateline::corpus::load::Discovery::new(&[input]);
    let file = file_in(cache, &[input]);
    let rx = dateline::corpus::stream::spawn(found, file, std::time::Instant::now()).unwrap();
    let (mut articles, mut index) = (Vec::new(), String::new());
    for event in rx {
        match event {
            dateline::corpus::stream::LoadEvent::Batch { articles: a, .. } => {
                articles.extend(
                    a.iter()
                        .map(|a| (a.title().to_string(), a.in_file_only(), a.text_hash())),
                );
            }
            dateline::corpus::stream::LoadEvent::Done { index: i, .. } => {
                index = describe(&i, articles.len());
            }
        }
    }
    // The cache is written after the index is sent: wait for the thread.
    for _ in 0..200 {
        if cache_file(cache, dir).exists() {
            break;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    (articles, index)
}

#[test]
fn the_reader_takes_unchanged_files_headers_from_the_cache_without_reading_them() {
    // More files than the first batch, which is read before the cache opens.
    let dir = collection(60);
    let cache = tempfile::tempdir().unwrap();
    let first = stream(dir.path(), cache.path());
    assert!(cache_file(cache.path(), dir.path()).exists());
    let second = stream(dir.path(), cache.path());
    assert_eq!(second, first, "the same articles, hashes and index");
    assert!(
        first.0.iter().filter(|a| a.1).count() == 60,
        "text files stay on disk"
    );

    // Same size, same modification time, other text: not read, so the saved
    // header stands (the documented limit of a size-and-mtime key).
    let path = dir.path().join("050.txt");
    let mtime = fs::metadata(&path).unwrap().modified().unwrap();
    let same_size = text(50, "Angela Schmidt").replace("Story", "Strdy");
    fs::write(&path, &same_size).unwrap();
    fs::File::options()
        .write(true)
        .open(&path)
        .unwrap()
        .set_modified(mtime)
        .unwrap();
    let third = stream(dir.path(), cache.path());
    assert_eq!(
        third.0[50].0, "Story number 50",
        "taken from the cache, not read"
    );

    // Another modification time: read again.
    let later = mtime + Duration::from_secs(5);
    fs::File::options()
        .write(true)
        .open(&path)
        .unwrap()
        .set_modified(later)
        .unwrap();
    let fourth = stream(dir.path(), cache.path());
    assert_eq!(fourth.0[50].0, "Strdy number 50");
}
