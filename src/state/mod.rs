//! Reading state that lasts between runs: read and bookmark marks per article,
//! and per collection the last open article, its scroll position and the
//! active entity. No terminal code here.
//!
//! The state lives in one human-readable JSON file, `state.json` in
//! [`crate::paths::data_dir`].
//!
//! **No lost state.** Every save writes a temporary file in the same folder,
//! syncs it, renames it over `state.json` and syncs the folder, so a crash or
//! `kill -9` leaves either the old or the new file, never a truncated one. A
//! file that cannot be parsed is moved aside to `state.json.corrupt-<unix time>`
//! (reported by [`Store::moved_aside`]) and the reader starts fresh.
//!
//! **Several readers at once: last writer wins, per field.** A save takes an
//! advisory lock (`state.lock`), re-reads the file, applies only the fields this
//! process changed since it last read or wrote it, and writes the result. So two
//! readers open on the same collection keep each other's changes; when both
//! changed the same field (say, the scroll position of the same collection), the
//! one that saved last wins. The fields are: an article's read mark, its
//! bookmark, a collection's position (article and scroll together) and its
//! active entity.

mod file;

use crate::article::Article;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt;
use std::io;
use std::path::{Path, PathBuf};
use std::str::FromStr;

/// The stable identity of an article: its path (made absolute when it names a
/// file) and a hash of its text, so that a renamed or edited file does not
/// inherit another article's state. Written as `path@hash` (16 hex digits).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ArticleKey {
    /// The article's path, absolute when it could be resolved.
    pub path: String,
    /// XXH3-64 of the title and paragraph texts; stable across runs and versions.
    pub hash: u64,
}

impl ArticleKey {
    /// The key of `article`.
    pub fn of(article: &Article) -> ArticleKey {
        Resolver::default().key(&article.path, article.text_hash(), false)
    }
}

/// Makes article paths absolute for their [`ArticleKey`], as
/// `std::fs::canonicalize` does, resolving each folder once: a file that is
/// no symbolic link is its folder's canonical path joined with its name, at
/// the cost of one `lstat` rather than a look-up of every component, or of
/// none when its folder's listing said so.
#[derive(Debug, Default)]
pub struct Resolver {
    /// Canonical folders by folder as written (`None`: could not be resolved).
    folders: HashMap<PathBuf, Option<String>>,
    /// The folder resolved last and its canonical path: a collection's
    /// files come folder by folder.
    last: Option<(PathBuf, Option<String>)>,
}

impl Resolver {
    /// The key of the article at `path` whose [`Article::text_hash`] is
    /// `hash`; `listed` when its folder's listing gave `path` as a file, not
    /// a symbolic link (as [`StoredArticle::listed`](crate::corpus::stored::StoredArticle::listed)).
    pub fn key(&mut self, path: &str, hash: u64, listed: bool) -> ArticleKey {
        let known = listed.then(|| self.in_folder(Path::new(path))).flatten();
        ArticleKey {
            path: known.unwrap_or_else(|| self.absolute(path)),
            hash,
        }
    }

    /// `path` made absolute when it names a file, or names one before a `#N`
    /// record suffix (JSON inputs); otherwise as given (`-` for standard
    /// input, bundled articles).
    fn absolute(&mut self, path: &str) -> String {
        if let Some(p) = self.canonical(path) {
            return p;
        }
        let record = path.rsplit_once('#');
        match record.and_then(|(file, record)| Some((self.canonical(file)?, record))) {
            Some((file, record)) => format!("{file}#{record}"),
            None => path.to_string(),
        }
    }

    /// What `std::fs::canonicalize` makes of `path`, as a string.
    fn canonical(&mut self, path: &str) -> Option<String> {
        let p = Path::new(path);
        if !std::fs::symlink_metadata(p).ok()?.is_symlink()
            && let Some(resolved) = self.in_folder(p)
        {
            return Some(resolved);
        }
        Some(std::fs::canonicalize(p).ok()?.display().to_string())
    }

    /// `path`, known to be no symbolic link, as its folder's canonical path
    /// joined with its name; `None` when it has no name or its folder cannot
    /// be resolved.
    fn in_folder(&mut self, path: &Path) -> Option<String> {
        let (folder, name) = (path.parent()?, path.file_name()?);
        let folder = if folder.as_os_str().is_empty() {
            Path::new(".")
        } else {
            folder
        };
        let canonical = match &self.last {
            Some((last, canonical)) if last.as_os_str() == folder.as_os_str() => canonical,
            _ => {
                let canonical = (self.folders.entry(folder.to_path_buf()))
                    .or_insert_with(|| {
                        let resolved = std::fs::canonicalize(folder).ok();
                        resolved.map(|p| p.display().to_string())
                    })
                    .clone();
                &self.last.insert((folder.to_path_buf(), canonical)).1
            }
        };
        // As `Path::join` and `Path::display` make it.
        let (canonical, name) = (canonical.as_deref()?, name.to_string_lossy());
        let mut joined = String::with_capacity(canonical.len() + 1 + name.len());
        joined.push_str(canonical);
        if !joined.ends_with('/') {
            joined.push('/');
        }
        joined.push_str(&name);
        Some(joined)
    }
}

/// `path` made absolute as in an [`ArticleKey`].
fn absolute(path: &str) -> String {
    Resolver::default().absolute(path)
}

impl fmt::Display for ArticleKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}@{:016x}", self.path, self.hash)
    }
}

impl FromStr for ArticleKey {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let (path, hash) = s
            .rsplit_once('@')
            .filter(|(_, h)| h.len() == 16)
            .ok_or_else(|| format!("article key {s:?} does not end in @<16 hex digits>"))?;
        let hash = u64::from_str_radix(hash, 16).map_err(|e| format!("article key {s:?}: {e}"))?;
        Ok(ArticleKey {
            path: path.to_string(),
            hash,
        })
    }
}

impl Serialize for ArticleKey {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for ArticleKey {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        String::deserialize(d)?
            .parse()
            .map_err(serde::de::Error::custom)
    }
}

/// The key of a collection: the canonical paths of its inputs, sorted, one
/// per line; `(bundled)` for the bundled articles (no inputs).
pub fn collection_key(inputs: &[String]) -> String {
    if inputs.is_empty() {
        return "(bundled)".to_string();
    }
    let paths: BTreeSet<String> = inputs.iter().map(|p| absolute(p)).collect();
    paths.into_iter().collect::<Vec<_>>().join("\n")
}

/// What the reader remembers of one article.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Marks {
    /// Opened at some point (or marked read with `u`).
    #[serde(default)]
    pub read: bool,
    /// Bookmarked with `b`.
    #[serde(default)]
    pub bookmarked: bool,
}

/// A place in an article's text, at whatever width it is wrapped: a part of
/// the article and a byte offset in its displayed text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextPosition {
    /// The part.
    pub part: TextPart,
    /// The byte offset in that part's displayed text.
    pub offset: u32,
}

/// A part of an article as the reader shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TextPart {
    /// The title.
    Title,
    /// The line of date, place and agency under it.
    Meta,
    /// Block number `i` (a paragraph or a caption).
    Block(u32),
}

/// Where the reader was in one collection.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Place {
    /// The article open in the reader.
    #[serde(default)]
    pub article: Option<ArticleKey>,
    /// The reader's scroll offset in that article (its top line).
    #[serde(default)]
    pub scroll: usize,
    /// Where that top line is in the text, which holds at any width
    /// (`scroll` is the fallback for state files written without it).
    #[serde(default)]
    pub at: Option<TextPosition>,
    /// The canonical name of the active entity.
    #[serde(default)]
    pub entity: Option<String>,
}

/// The whole state file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct StateData {
    /// Format version, for future migrations.
    version: u32,
    /// Marks of the articles that have any (all-default marks are not stored).
    #[serde(default)]
    articles: BTreeMap<ArticleKey, Marks>,
    /// Places by [`collection_key`].
    #[serde(default)]
    collections: BTreeMap<String, Place>,
}

impl Default for StateData {
    fn default() -> Self {
        StateData {
            version: 1,
            articles: BTreeMap::new(),
            collections: BTreeMap::new(),
        }
    }
}

/// Reading or writing the state file failed.
#[derive(Debug, thiserror::Error)]
#[error("{}: {source}", path.display())]
pub struct StateError {
    /// The file or folder concerned.
    pub path: PathBuf,
    /// What went wrong.
    #[source]
    pub source: io::Error,
}

/// Wraps an I/O error with the path it concerns.
fn at(path: &Path) -> impl FnOnce(io::Error) -> StateError + '_ {
    move |source| StateError {
        path: path.to_path_buf(),
        source,
    }
}

/// The persistent state, as this process sees it, and the file it lives in.
#[derive(Debug)]
pub struct Store {
    path: PathBuf,
    /// The state as last read from or written to the file.
    base: StateData,
    /// `base` plus this process's changes since.
    current: StateData,
    /// Where unreadable state files were moved.
    moved_aside: Vec<PathBuf>,
}

impl Store {
    /// `state.json` in the data directory, when there is one.
    pub fn default_path() -> Option<PathBuf> {
        crate::paths::data_dir().map(|d| d.join("state.json"))
    }

    /// Opens the state in `path` (which need not exist yet), creating its
    /// folder. An unparsable file is moved aside and the state starts empty.
    pub fn open(path: impl Into<PathBuf>) -> Result<Store, StateError> {
        let path = path.into();
        let mut moved_aside = Vec::new();
        let dir = file::folder_of(&path);
        std::fs::create_dir_all(dir).map_err(at(dir))?;
        let _lock = file::Lock::acquire(dir).map_err(at(dir))?;
        let base = read_state(&path, &mut moved_aside)?;
        Ok(Store {
            path,
            current: base.clone(),
            base,
            moved_aside,
        })
    }

    /// The file this state is saved to.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Unparsable state files found so far and where each was moved; the caller
    /// shows these as warnings.
    pub fn moved_aside(&self) -> &[PathBuf] {
        &self.moved_aside
    }

    /// The marks of an article (all false when it has none).
    pub fn marks(&self, key: &ArticleKey) -> Marks {
        self.current.articles.get(key).copied().unwrap_or_default()
    }

    /// Marks an article read or unread.
    pub fn set_read(&mut self, key: &ArticleKey, read: bool) {
        self.update_marks(key, |m| m.read = read);
    }

    /// Sets or clears an article's bookmark.
    pub fn set_bookmarked(&mut self, key: &ArticleKey, bookmarked: bool) {
        self.update_marks(key, |m| m.bookmarked = bookmarked);
    }

    fn update_marks(&mut self, key: &ArticleKey, change: impl FnOnce(&mut Marks)) {
        let mut marks = self.marks(key);
        change(&mut marks);
        if marks == Marks::default() {
            self.current.articles.remove(key);
        } else {
            self.current.articles.insert(key.clone(), marks);
        }
    }

    /// Where the reader was in a collection, if it was ever opened.
    pub fn place(&self, collection: &str) -> Option<&Place> {
        self.current.collections.get(collection)
    }

    /// Records where the reader is in a collection.
    pub fn set_place(&mut self, collection: &str, place: Place) {
        self.current
            .collections
            .insert(collection.to_string(), place);
    }

    /// Whether there are changes not yet saved.
    pub fn is_dirty(&self) -> bool {
        self.base != self.current
    }

    /// Saves this process's changes: under the lock, re-reads the file, applies
    /// the fields changed here (last writer wins per field) and replaces the file
    /// atomically. Afterwards this store also sees other processes' changes.
    pub fn save(&mut self) -> Result<(), StateError> {
        if !self.is_dirty() {
            return Ok(());
        }
        let dir = file::folder_of(&self.path);
        std::fs::create_dir_all(dir).map_err(at(dir))?;
        let _lock = file::Lock::acquire(dir).map_err(at(dir))?;
        let mut merged = read_state(&self.path, &mut self.moved_aside)?;
        apply_changes(&mut merged, &self.base, &self.current);
        let mut json = serde_json::to_vec_pretty(&merged).expect("state serializes");
        json.push(b'\n');
        file::replace(&self.path, &json).map_err(at(&self.path))?;
        self.current = merged.clone();
        self.base = merged;
        Ok(())
    }
}

/// Reads the state file; empty state when it is missing, and when it cannot be
/// parsed (after moving it aside and recording where). Call with the lock held.
fn read_state(path: &Path, moved_aside: &mut Vec<PathBuf>) -> Result<StateData, StateError> {
    let Some(bytes) = file::read_if_exists(path).map_err(at(path))? else {
        return Ok(StateData::default());
    };
    match serde_json::from_slice(&bytes) {
        Ok(state) => Ok(state),
        Err(_) => {
            moved_aside.push(file::move_aside(path).map_err(at(path))?);
            Ok(StateData::default())
        }
    }
}

/// Applies to `target` every field that differs between `base` and `current`.
fn apply_changes(target: &mut StateData, base: &StateData, current: &StateData) {
    let keys: BTreeSet<&ArticleKey> = base
        .articles
        .keys()
        .chain(current.articles.keys())
        .collect();
    for key in keys {
        let was = base.articles.get(key).copied().unwrap_or_default();
        let now = current.articles.get(key).copied().unwrap_or_default();
        if was == now {
            continue;
        }
        let marks = target.articles.entry(key.clone()).or_default();
        if was.read != now.read {
            marks.read = now.read;
        }
        if was.bookmarked != now.bookmarked {
            marks.bookmarked = now.bookmarked;
        }
        if *marks == Marks::default() {
            target.articles.remove(key);
        }
    }
    let names: BTreeSet<&String> = base
        .collections
        .keys()
        .chain(current.collections.keys())
        .collect();
    for name in names {
        let was = base.collections.get(name).cloned().unwrap_or_default();
        let now = current.collections.get(name).cloned().unwrap_or_default();
        if was == now {
            continue;
        }
        let place = target.collections.entry(name.clone()).or_default();
        if (&was.article, was.scroll, was.at) != (&now.article, now.scroll, now.at) {
            place.article = now.article;
            place.scroll = now.scroll;
            place.at = now.at;
        }
        if was.entity != now.entity {
            place.entity = now.entity;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{Block, BlockKind};

    #[test]
    fn resolver_makes_paths_what_canonicalize_makes_them() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("a/b")).unwrap();
        std::fs::write(root.join("a/b/f.txt"), "x").unwrap();
        std::fs::write(root.join("a/g.json"), "[]").unwrap();
        std::os::unix::fs::symlink(root.join("a/b"), root.join("linked")).unwrap();
        std::os::unix::fs::symlink(root.join("a/b/f.txt"), root.join("a/h.txt")).unwrap();
        let at = |p: &str| root.join(p).display().to_string();
        let canonical = |p: &str| std::fs::canonicalize(p).unwrap().display().to_string();
        let mut r = Resolver::default();
        for path in [
            at("a/b/f.txt"),
            at("a/b/../b/f.txt"),
            at("linked/f.txt"),
            at("a/h.txt"),
            at("a/b"),
            "Cargo.toml".to_string(),
            "./src/state/mod.rs".to_string(),
        ] {
            // Twice: the second time from the resolved folder.
            assert_eq!(r.absolute(&path), canonical(&path), "{path}");
            assert_eq!(r.absolute(&path), canonical(&path), "{path}");
        }
        let json = at("a/g.json");
        assert_eq!(
            r.absolute(&format!("{json}#3")),
            format!("{}#3", canonical(&json))
        );
        // What cannot be resolved stays as written.
        for path in ["-", "bundled/a.txt", &at("a/missing.txt")] {
            assert_eq!(r.absolute(path), path);
        }
        // A path its folder listed as a file is resolved without asking
        // whether it is a link (it is not).
        let listed = at("a/b/../b/f.txt");
        assert_eq!(r.key(&listed, 7, true).path, canonical(&listed));
        assert_eq!(
            r.key(&at("a/h.txt"), 7, false).path,
            canonical(&at("a/h.txt"))
        );
    }

    fn article(path: &str, title: &str, body: &str) -> Article {
        Article {
            path: path.to_string(),
            title: title.to_string(),
            blocks: vec![Block {
                kind: BlockKind::Body,
                text: body.to_string(),
                credit: None,
            }],
            ..Article::default()
        }
    }

    #[test]
    fn key_round_trips_through_its_text_form() {
        let key = ArticleKey {
            path: "/news/a@b#3".to_string(),
            hash: 0x00ab_cdef_0123_4567,
        };
        assert_eq!(key.to_string(), "/news/a@b#3@00abcdef01234567");
        assert_eq!(key.to_string().parse::<ArticleKey>(), Ok(key));
        assert!("no-hash".parse::<ArticleKey>().is_err());
        assert!("/a@123".parse::<ArticleKey>().is_err());
        assert!("/a@zzzzzzzzzzzzzzzz".parse::<ArticleKey>().is_err());
    }

    #[test]
    fn content_hash_is_fixed_across_versions() {
        // Pinned so that a dependency or code change that alters the hash (and
        // with it every user's saved state) fails here first.
        let key = ArticleKey::of(&article("-", "Title", "Body text."));
        assert_eq!(key.path, "-");
        assert_eq!(key.hash, xxhash_rust::xxh3::xxh3_64(b"Title\n\nBody text."));
        assert_eq!(format!("{:016x}", key.hash), "ec3974edde9c89d2");
    }

    #[test]
    fn identity_changes_with_content_and_path() {
        let a = ArticleKey::of(&article("-", "T", "one"));
        assert_eq!(a, ArticleKey::of(&article("-", "T", "one")));
        assert_ne!(a, ArticleKey::of(&article("-", "T", "one!")));
        assert_ne!(a, ArticleKey::of(&article("-", "T!", "one")));
        assert_ne!(a, ArticleKey::of(&article("other", "T", "one")));
        // Paragraph boundaries are part of the text.
        let mut split = article("-", "T", "on");
        split.blocks.push(Block {
            kind: BlockKind::Body,
            text: "e".to_string(),
            credit: None,
        });
        assert_ne!(a, ArticleKey::of(&split));
    }

    #[test]
    fn merge_keeps_other_fields_and_lets_the_last_writer_win() {
        let k = |p: &str| ArticleKey {
            path: p.to_string(),
            hash: 1,
        };
        let mut base = StateData::default();
        base.articles.insert(
            k("a"),
            Marks {
                read: true,
                bookmarked: false,
            },
        );
        // This process bookmarked "a" and unread nothing; the file meanwhile got "a" unread.
        let mut current = base.clone();
        current.articles.get_mut(&k("a")).unwrap().bookmarked = true;
        let mut disk = StateData::default();
        disk.articles.insert(
            k("b"),
            Marks {
                read: true,
                bookmarked: false,
            },
        );
        apply_changes(&mut disk, &base, &current);
        assert_eq!(
            disk.articles.get(&k("a")),
            Some(&Marks {
                read: false,
                bookmarked: true
            })
        );
        assert!(disk.articles.get(&k("b")).unwrap().read);
    }
}
