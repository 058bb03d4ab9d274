//! The saved entity index: each input file's extracted entities, kept
//! between runs so that an unchanged file is not extracted again, and for a
//! text file holding one article its header (title, date, text hash), so
//! that the reader need not even read an unchanged file again.
//!
//! One cache file per collection, under [`crate::paths::cache_dir`], named
//! by a hash of the collection's sorted canonical input paths. Each record
//! holds one file's entities (per article), keyed by the file's absolute
//! path, size and modification time in nanoseconds; a record whose key no
//! longer matches is not used and is dropped on the next write.
//!
//! Format (little-endian, numbers as LEB128 varints unless said otherwise):
//! the magic `DATELIDX`, a `u32` format version and the dateline version;
//! the string table (count, then each string's length and bytes); the
//! records (count, then each: path, `u64` size, `u64` mtime, record length,
//! record bytes); a `u64` xxh3 checksum of all that precedes it. A record:
//! articles, and per article its entities, each a name (string id), a kind
//! byte, aliases (string ids) and mentions (block + 1 or 0 for the title,
//! start, length); then a header flag byte, and after a 1 the only
//! article's title, date (`u32`: year << 16 | month << 8 | day, 0 for none)
//! and `u64` text hash. Anything unreadable counts as an empty cache.
//!
//! `DATELINE_NO_CACHE=1` turns the cache off.

use crate::article::Date;
use crate::entity::index::{Found, FoundEntity, NameKeys};
use crate::entity::{Entities, EntityKind, Mention};
use hashbrown::HashTable;
use rustc_hash::{FxBuildHasher, FxHashMap};
use std::fs::Metadata;
use std::hash::BuildHasher;
use std::io::Write;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;
use xxhash_rust::xxh3::Xxh3;

const MAGIC: &[u8; 8] = b"DATELIDX";
const FORMAT_VERSION: u32 = 2;
const VERSION: &str = env!("CARGO_PKG_VERSION");

/// What identifies one version of an input file: its size and modification
/// time, as read by the same `fstat` that sized the read of its bytes.
///
/// A file rewritten with the same size within one tick of the file
/// system's clock (after it was read) keeps its key, so its stale entities
/// would be reused; file systems with nanosecond timestamps make this a
/// window of nanoseconds, coarse ones (FAT: 2 s) a wider one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileKey {
    /// Length in bytes.
    pub size: u64,
    /// Modification time, nanoseconds since the Unix epoch.
    pub mtime_ns: u64,
}

impl FileKey {
    /// The key of a regular file's metadata; `None` without a usable mtime.
    pub fn of(meta: &Metadata) -> Option<FileKey> {
        let since = meta.modified().ok()?.duration_since(UNIX_EPOCH).ok()?;
        Some(FileKey {
            size: meta.len(),
            mtime_ns: u64::try_from(since.as_nanos()).ok()?,
        })
    }
}

/// The cache file of the collection read from `inputs`, unless the cache is
/// turned off (`DATELINE_NO_CACHE=1`) or there is no cache directory.
pub fn collection_file<S: AsRef<str>>(inputs: &[S]) -> Option<PathBuf> {
    if std::env::var_os("DATELINE_NO_CACHE").is_some_and(|v| v == "1") {
        return None;
    }
    file_in(&crate::paths::cache_dir()?, inputs)
}

/// The cache file in `dir` of the collection read from `inputs`: named by
/// a hash of their sorted canonical paths (standard input left out); `None`
/// when no input is a file or folder that exists.
pub fn file_in<S: AsRef<str>>(dir: &Path, inputs: &[S]) -> Option<PathBuf> {
    let mut real: Vec<PathBuf> = inputs
        .iter()
        .map(AsRef::as_ref)
        .filter(|p| *p != "-")
        .filter_map(|p| std::fs::canonicalize(p).ok())
        .collect();
    if real.is_empty() {
        return None;
    }
    real.sort();
    real.dedup();
    let mut joined = Vec::new();
    for p in &real {
        joined.extend_from_slice(p.as_os_str().as_encoded_bytes());
        joined.push(0);
    }
    let hash = xxhash_rust::xxh3::xxh3_64(&joined);
    Some(dir.join(format!("{hash:016x}.idx")))
}

/// The absolute form of `path` (joined to the working directory, no
/// file-system access) as stored in the cache; `None` if not UTF-8.
pub fn record_path(path: &Path) -> Option<String> {
    let bytes = path.as_os_str().as_encoded_bytes();
    // Already absolute, with nothing `absolute` would rewrite (a doubled
    // slash, a `.` component): as it is, without taking it apart.
    let plain = bytes.first() == Some(&b'/')
        && !(bytes.iter().zip(&bytes[1..])).any(|(&a, &b)| a == b'/' && (b == b'/' || b == b'.'));
    if plain {
        return path.to_str().map(str::to_string);
    }
    std::path::absolute(path)
        .ok()?
        .into_os_string()
        .into_string()
        .ok()
}

/// The cache of one collection: what was saved (read-only while loading)
/// and what this run adds or keeps.
#[derive(Debug, Default)]
pub struct EntityCache {
    /// Where it is saved; `None` when caching is off.
    pub(super) file: Option<PathBuf>,
    /// The records read from the file.
    pub saved: Saved,
    /// This run's changes.
    pub update: Update,
}

impl EntityCache {
    /// Reads the cache `file`; an empty cache when there is none, or it is
    /// unreadable, of another version or corrupt. `None`: caching is off.
    pub fn open(file: Option<PathBuf>) -> EntityCache {
        let saved = file
            .as_deref()
            .and_then(|f| std::fs::read(f).ok())
            .and_then(Saved::parse)
            .unwrap_or_default();
        let update = Update {
            on: file.is_some(),
            kept: vec![false; saved.records.len()],
            ..Update::default()
        };
        EntityCache {
            file,
            saved,
            update,
        }
    }

    /// Writes the cache file again if this run extracted anything or a
    /// saved record went unused: the kept records and the new ones, through
    /// a temporary file renamed over the old one. Failing to write is not
    /// an error: the next run extracts again.
    pub fn save(self) {
        let Some(file) = self.file.clone() else {
            return;
        };
        if self.unchanged() {
            return;
        }
        let _ = write_atomic(&file, |out| self.encode(out));
    }

    /// Whether saving would write the same records again.
    fn unchanged(&self) -> bool {
        self.update.added.is_empty() && self.update.kept.iter().all(|&k| k)
    }

    /// This cache, or an empty one (that saves nothing) when saving would
    /// change nothing: its saved records need no longer be kept.
    pub fn needed(self) -> EntityCache {
        if self.unchanged() {
            EntityCache::default()
        } else {
            self
        }
    }

    /// Writes the whole file to `out`, a megabyte at a time: header, string
    /// table, records, checksum. Fails if a kept record cannot be read back
    /// (it then was not used either).
    fn encode(self, out: &mut impl Write) -> std::io::Result<()> {
        let Update {
            on: _,
            kept,
            added,
            mut strings,
            mut records,
            names: _,
            numbered: _,
        } = self.update;
        // The kept records, numbered anew, go in more chunks, as the added ones.
        let mut all = Vec::with_capacity(kept.len() + added.len());
        for (i, _) in kept.iter().enumerate().filter(|(_, k)| **k) {
            let (path, key, range) = &self.saved.records[i];
            let unreadable = || std::io::Error::other("a saved record cannot be read back");
            let (entities, header) = self.saved.decode(range.clone()).ok_or_else(unreadable)?;
            let (chunk, out) = chunk_for_record(&mut records);
            let start = out.len();
            encode_record(out, &mut strings, &entities, header.as_ref());
            all.push((path.clone(), *key, (chunk, start..out.len())));
        }
        all.extend(added);
        let mut sink = Sink {
            buf: Vec::with_capacity(2 * SPILL),
            sum: Xxh3::new(),
            out,
        };
        sink.buf.extend_from_slice(MAGIC);
        sink.buf.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        put_bytes(&mut sink.buf, VERSION.as_bytes());
        put(&mut sink.buf, strings.ends.len() as u64);
        for s in strings.strings() {
            put_bytes(&mut sink.buf, s);
            sink.spill()?;
        }
        put(&mut sink.buf, all.len() as u64);
        for (path, key, (chunk, range)) in all {
            put_bytes(&mut sink.buf, path.as_bytes());
            sink.buf.extend_from_slice(&key.size.to_le_bytes());
            sink.buf.extend_from_slice(&key.mtime_ns.to_le_bytes());
            put_bytes(&mut sink.buf, &records[chunk][range]);
            sink.spill()?;
        }
        sink.finish()
    }
}

/// Where a cache file is written: bytes gather in `buf` and go out, and
/// into the checksum, a megabyte at a time, so that the file is never
/// whole in memory.
struct Sink<'w, W: Write> {
    buf: Vec<u8>,
    sum: Xxh3,
    out: &'w mut W,
}

/// Bytes a [`Sink`] gathers before they go out.
const SPILL: usize = 1 << 20;

/// Bytes of records [`Update`] gathers in one buffer before it starts another.
const RECORDS_CHUNK: usize = 1 << 20;

impl<W: Write> Sink<'_, W> {
    /// Writes what has gathered once it is a megabyte or more.
    fn spill(&mut self) -> std::io::Result<()> {
        if self.buf.len() < SPILL {
            return Ok(());
        }
        self.sum.update(&self.buf);
        self.out.write_all(&self.buf)?;
        self.buf.clear();
        Ok(())
    }

    /// Writes the rest and the checksum of all.
    fn finish(mut self) -> std::io::Result<()> {
        self.sum.update(&self.buf);
        let sum = self.sum.digest();
        self.buf.extend_from_slice(&sum.to_le_bytes());
        self.out.write_all(&self.buf)
    }
}

/// What a reader keeps of a text file's only article (see
/// [`crate::corpus::stored::StoredArticle`]), saved with its entities.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    /// The headline.
    pub title: String,
    /// Publication date, when known.
    pub date: Option<Date>,
    /// [`crate::article::Article::text_hash`] of the whole article.
    pub hash: u64,
}

/// One file's record: its articles' entities, and the header of its only
/// article when it is a text file the reader can read again.
type Record<'a> = (Vec<Found<'a>>, Option<Header>);

/// The records of a cache file, looked up while loading.
#[derive(Debug, Default)]
pub struct Saved {
    bytes: Vec<u8>,
    strings: Vec<Box<str>>,
    records: Vec<(String, FileKey, Range<usize>)>,
    by_path: FxHashMap<String, usize>,
}

impl Saved {
    /// Whether nothing was saved (no file, or an unreadable one).
    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
    }

    /// The entities saved for the file at `path` (see [`record_path`]) with
    /// `key`, holding `articles` articles, and the record's number.
    pub fn lookup(
        &self,
        path: &str,
        key: FileKey,
        articles: usize,
    ) -> Option<(usize, Vec<Found<'_>>)> {
        let (i, (entities, _)) = self.record(path, key)?;
        (entities.len() == articles).then_some((i, entities))
    }

    /// The header and entities saved for the file at `path` with `key`,
    /// when it was saved with a header (one article), and the record's number.
    pub fn lookup_header(&self, path: &str, key: FileKey) -> Option<(usize, Header, Found<'_>)> {
        let (i, (mut entities, header)) = self.record(path, key)?;
        let header = header?;
        let only = entities.pop().filter(|_| entities.is_empty())?;
        Some((i, header, only))
    }

    /// The record of the file at `path` with `key`, and its number.
    fn record(&self, path: &str, key: FileKey) -> Option<(usize, Record<'_>)> {
        let &i = self.by_path.get(path)?;
        let (_, saved_key, range) = &self.records[i];
        if *saved_key != key {
            return None;
        }
        Some((i, self.decode(range.clone())?))
    }

    /// Reads a whole cache file; `None` if any part is wrong.
    fn parse(bytes: Vec<u8>) -> Option<Saved> {
        let body_len = bytes.len().checked_sub(8)?;
        let (body, sum) = bytes.split_at(body_len);
        if xxhash_rust::xxh3::xxh3_64(body) != u64::from_le_bytes(sum.try_into().ok()?) {
            return None;
        }
        let mut r = Reader { bytes: body, at: 0 };
        if r.take(8)? != MAGIC
            || u32::from_le_bytes(r.take(4)?.try_into().ok()?) != FORMAT_VERSION
            || r.bytes_field()? != VERSION.as_bytes()
        {
            return None;
        }
        let count = r.count()?;
        let mut strings = Vec::with_capacity(count);
        for _ in 0..count {
            strings.push(std::str::from_utf8(r.bytes_field()?).ok()?.into());
        }
        let count = r.count()?;
        let mut records = Vec::with_capacity(count);
        let mut by_path = FxHashMap::default();
        for i in 0..count {
            let path = std::str::from_utf8(r.bytes_field()?).ok()?.to_string();
            let size = u64::from_le_bytes(r.take(8)?.try_into().ok()?);
            let mtime_ns = u64::from_le_bytes(r.take(8)?.try_into().ok()?);
            let len = r.count()?;
            let start = r.at;
            r.take(len)?;
            by_path.insert(path.clone(), i);
            records.push((path, FileKey { size, mtime_ns }, start..r.at));
        }
        if r.at != body.len() {
            return None;
        }
        Some(Saved {
            bytes,
            strings,
            records,
            by_path,
        })
    }

    /// The record at `range`; `None` if it does not read.
    fn decode(&self, range: Range<usize>) -> Option<Record<'_>> {
        let mut r = Reader {
            bytes: self.bytes.get(range)?,
            at: 0,
        };
        let string = |r: &mut Reader| -> Option<(&str, u32)> {
            let id = usize::try_from(r.number()?).ok()?;
            let key = u32::try_from(id + 1).ok()?;
            self.strings.get(id).map(|s| (&**s, key))
        };
        let articles = r.count()?;
        let mut out = Vec::with_capacity(articles);
        for _ in 0..articles {
            let n = r.count()?;
            let mut found = Found::default();
            found.entities.reserve(n);
            for _ in 0..n {
                let (name, key) = string(&mut r)?;
                let kind = match r.take(1)?[0] {
                    0 => EntityKind::Person,
                    1 => EntityKind::Organization,
                    2 => EntityKind::Place,
                    _ => return None,
                };
                let n = r.count()?;
                let a = found.aliases.len();
                for _ in 0..n {
                    found.aliases.push(string(&mut r)?.0);
                }
                let n = r.count()?;
                let m = found.mentions.len();
                for _ in 0..n {
                    let block = match r.number()? {
                        0 => None,
                        b => Some(u32::try_from(b - 1).ok()?),
                    };
                    let start = u32::try_from(r.number()?).ok()?;
                    let end = start.checked_add(u32::try_from(r.number()?).ok()?)?;
                    found.mentions.push(Mention { block, start, end });
                }
                found.entities.push(FoundEntity {
                    name,
                    key,
                    kind,
                    aliases: a as u32..found.aliases.len() as u32,
                    mentions: m as u32..found.mentions.len() as u32,
                });
            }
            out.push(found);
        }
        let header = match r.take(1)?[0] {
            0 => None,
            1 => {
                let title = std::str::from_utf8(r.bytes_field()?).ok()?.to_string();
                let date = u32::from_le_bytes(r.take(4)?.try_into().ok()?);
                let date = Date::from_packed(date);
                let hash = u64::from_le_bytes(r.take(8)?.try_into().ok()?);
                Some(Header { title, date, hash })
            }
            _ => return None,
        };
        (r.at == r.bytes.len()).then_some((out, header))
    }
}

/// What this run adds to the cache: which saved records are still right,
/// and the records of the files extracted.
#[derive(Debug, Default)]
pub struct Update {
    /// Whether there is a cache to save (else nothing is noted).
    on: bool,
    kept: Vec<bool>,
    /// Each file extracted: its path and key, and where its record is in
    /// `records` (chunk, range).
    added: Vec<(String, FileKey, (usize, Range<usize>))>,
    strings: Interner,
    /// The records of the files extracted, one after another in chunks of
    /// about [`RECORDS_CHUNK`] bytes, a record never split: one buffer
    /// grown to tens of megabytes would be copied again and again.
    records: Vec<Vec<u8>>,
    /// The entities of the names numbered by `strings`, in the index being
    /// built alongside.
    names: NameKeys,
    /// The numbers of the names of the entities added last.
    numbered: Vec<u32>,
}

impl Update {
    /// Whether there is a cache to save: when not, nothing needs noting.
    pub fn is_on(&self) -> bool {
        self.on
    }

    /// Keeps saved record `i` (it was found still right).
    pub fn keep(&mut self, i: usize) {
        if let Some(k) = self.kept.get_mut(i) {
            *k = true;
        }
    }

    /// Adds the entities extracted from the file at `path` with `key` (its
    /// articles' in order), and the header of its only article when the
    /// reader may keep just that.
    ///
    /// Numbers each entity's name as the saved index will, so that the one
    /// index built alongside need not look the names up again: gives what
    /// the numbers stand for in that index, and the numbers (every
    /// article's entities one after another, as [`FoundEntity::key`]
    /// numbers a saved one's); `None` when there is no cache to save.
    pub fn add<'e>(
        &mut self,
        (path, key): (String, FileKey),
        articles: impl Iterator<Item = &'e Entities> + Clone,
        header: Option<&Header>,
    ) -> Option<(&mut NameKeys, &[u32])> {
        if !self.on {
            return None;
        }
        let (chunk, out) = chunk_for_record(&mut self.records);
        let start = out.len();
        self.numbered.clear();
        put(out, articles.clone().count() as u64);
        for entities in articles {
            put(out, entities.len() as u64);
            for e in entities.iter() {
                let (name, kind, aliases) = (e.name, e.kind, e.aliases());
                let name = encode_entity(out, &mut self.strings, name, kind, aliases, e.mentions);
                self.numbered.push(name.checked_add(1).unwrap_or(0));
            }
        }
        encode_header(out, header);
        let range = start..out.len();
        self.added.push((path, key, (chunk, range)));
        Some((&mut self.names, &self.numbered))
    }
}

/// The chunk of `records` the next record goes in (its number and bytes): the
/// last, or a new one once the last holds [`RECORDS_CHUNK`] bytes.
fn chunk_for_record(records: &mut Vec<Vec<u8>>) -> (usize, &mut Vec<u8>) {
    if records.last().is_none_or(|r| r.len() >= RECORDS_CHUNK) {
        // Room for the records that begin before the chunk is full.
        records.push(Vec::with_capacity(RECORDS_CHUNK * 3 / 2));
    }
    let chunk = records.len() - 1;
    (chunk, &mut records[chunk])
}

/// Strings numbered in order of first use, each kept once, their bytes
/// one after another in one buffer.
#[derive(Debug, Default)]
struct Interner {
    /// Each string's number and place in `text`, by the hash of its bytes
    /// (so that a look-up reads no other table before the bytes).
    ids: HashTable<Interned>,
    /// Every string's bytes, in order of number.
    text: Vec<u8>,
    /// Where each string ends in `text`, by number.
    ends: Vec<usize>,
}

/// One string of an [`Interner`].
#[derive(Debug, Clone, Copy)]
struct Interned {
    id: u32,
    len: u32,
    start: usize,
}

impl Interner {
    /// The number of `s`, given it when new: inlined, as its look-up is
    /// most of the cost of noting an entity.
    #[inline(always)]
    fn id(&mut self, s: &str) -> u32 {
        let s = s.as_bytes();
        let hash = FxBuildHasher.hash_one(s);
        let text = &self.text;
        let known = self.ids.find(hash, |i| {
            i.len as usize == s.len() && same_bytes(&text[i.start..i.start + s.len()], s)
        });
        match known {
            Some(i) => i.id,
            None => self.insert(hash, s),
        }
    }

    /// Numbers `s`, not numbered yet, whose bytes hash to `hash`.
    #[cold]
    fn insert(&mut self, hash: u64, s: &[u8]) -> u32 {
        let id = self.ends.len() as u32;
        // A string of 4 GiB or more is numbered but not looked up again:
        // another use of it gets another number.
        if let Ok(len) = u32::try_from(s.len()) {
            let start = self.text.len();
            let text = &self.text;
            let at = |i: &Interned| &text[i.start..i.start + i.len as usize];
            let rehash = |i: &Interned| FxBuildHasher.hash_one(at(i));
            self.ids
                .insert_unique(hash, Interned { id, len, start }, rehash);
        }
        self.text.extend_from_slice(s);
        self.ends.push(self.text.len());
        id
    }

    /// Every string's bytes, in order of number.
    fn strings(&self) -> impl Iterator<Item = &[u8]> {
        let starts = std::iter::once(0).chain(self.ends.iter().copied());
        starts.zip(&self.ends).map(|(a, &b)| &self.text[a..b])
    }
}

/// Whether `a` and `b`, of the same length, hold the same bytes: from 8 to
/// 16 bytes (most names of two words) compared as two overlapping words,
/// without a call to `memcmp`.
fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    debug_assert_eq!(a.len(), b.len());
    if a.len() <= 16
        && let (Some(a0), Some(a1), Some(b0), Some(b1)) = (
            a.first_chunk::<8>(),
            a.last_chunk::<8>(),
            b.first_chunk::<8>(),
            b.last_chunk::<8>(),
        )
    {
        return a0 == b0 && a1 == b1;
    }
    a == b
}

/// Appends the record of `articles` (and `header`) to `out`, numbering
/// their strings in `strings`.
fn encode_record(
    out: &mut Vec<u8>,
    strings: &mut Interner,
    articles: &[Found],
    header: Option<&Header>,
) {
    put(out, articles.len() as u64);
    for found in articles {
        put(out, found.entities.len() as u64);
        for e in &found.entities {
            let aliases = &found.aliases[e.aliases.start as usize..e.aliases.end as usize];
            let mentions = &found.mentions[e.mentions.start as usize..e.mentions.end as usize];
            encode_entity(
                out,
                strings,
                e.name,
                e.kind,
                aliases.iter().copied(),
                mentions,
            );
        }
    }
    encode_header(out, header);
}

/// Appends one entity of a record to `out`, numbering its strings in
/// `strings`; the number of its name.
fn encode_entity<'e>(
    out: &mut Vec<u8>,
    strings: &mut Interner,
    name: &str,
    kind: EntityKind,
    aliases: impl ExactSizeIterator<Item = &'e str>,
    mentions: &[Mention],
) -> u32 {
    let name = strings.id(name);
    let kind = match kind {
        EntityKind::Person => 0,
        EntityKind::Organization => 1,
        EntityKind::Place => 2,
    };
    match (aliases.len(), mentions.len()) {
        // Most entities: a name numbered under 16,384, no alias, a few
        // mentions; their bytes at once, as `put` writes them (a number under
        // 128 in one byte, under 16,384 in two). Writing these two fast paths
        // and the mentions' through one shared helper cost 14M instructions
        // more on 5,000 articles.
        (0, n) if n < 0x80 && name < 0x80 => {
            out.extend_from_slice(&[name as u8, kind, 0, n as u8]);
        }
        (0, n) if n < 0x80 && name < 0x4000 => {
            let low = name as u8 | 0x80;
            out.extend_from_slice(&[low, (name >> 7) as u8, kind, 0, n as u8]);
        }
        (aliases_len, _) => {
            put(out, name.into());
            out.push(kind);
            put(out, aliases_len as u64);
            for a in aliases {
                put(out, strings.id(a).into());
            }
            put(out, mentions.len() as u64);
        }
    }
    for m in mentions {
        let block = m.block.map_or(0, |b| u64::from(b) + 1);
        let (start, len) = (m.start, m.end.saturating_sub(m.start));
        // Most mentions: block and length under 128, start under 16,384;
        // written at once rather than byte by byte.
        if block < 0x80 && len < 0x80 && start < 0x4000 {
            if start < 0x80 {
                out.extend_from_slice(&[block as u8, start as u8, len as u8]);
            } else {
                let low = start as u8 | 0x80;
                out.extend_from_slice(&[block as u8, low, (start >> 7) as u8, len as u8]);
            }
        } else {
            put(out, block);
            put(out, start.into());
            put(out, len.into());
        }
    }
    name
}

/// Appends the end of a record to `out`: whether there is a `header`, and it.
fn encode_header(out: &mut Vec<u8>, header: Option<&Header>) {
    match header {
        None => out.push(0),
        Some(h) => {
            out.push(1);
            put_bytes(out, h.title.as_bytes());
            let date = h.date.map_or(0, Date::packed);
            out.extend_from_slice(&date.to_le_bytes());
            out.extend_from_slice(&h.hash.to_le_bytes());
        }
    }
}

/// Appends `n` as a LEB128 varint.
fn put(out: &mut Vec<u8>, mut n: u64) {
    while n >= 0x80 {
        out.push(n as u8 | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

fn put_bytes(out: &mut Vec<u8>, bytes: &[u8]) {
    put(out, bytes.len() as u64);
    out.extend_from_slice(bytes);
}

/// Reads a cache file's fields, `None` past its end.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn take(&mut self, n: usize) -> Option<&[u8]> {
        let end = self.at.checked_add(n)?;
        let slice = self.bytes.get(self.at..end)?;
        self.at = end;
        Some(slice)
    }

    fn number(&mut self) -> Option<u64> {
        let mut n = 0u64;
        for shift in (0..64).step_by(7) {
            let b = *self.bytes.get(self.at)?;
            self.at += 1;
            n |= u64::from(b & 0x7F).checked_shl(shift)?;
            if b < 0x80 {
                return Some(n);
            }
        }
        None
    }

    /// A count or length: a number no larger than the bytes left (each
    /// item takes at least one), so that it cannot ask for a huge allocation.
    fn count(&mut self) -> Option<usize> {
        let n = usize::try_from(self.number()?).ok()?;
        (n <= self.bytes.len() - self.at).then_some(n)
    }

    fn bytes_field(&mut self) -> Option<&[u8]> {
        let n = self.count()?;
        self.take(n)
    }
}

/// Writes `file` with `write`, through a temporary file in the same folder
/// renamed over it once all is written.
fn write_atomic(
    file: &Path,
    write: impl FnOnce(&mut &std::fs::File) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let dir = file.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let (tmp, out) = tempfile_in(dir)?;
    let written = write(&mut &out).and_then(|()| out.sync_all());
    drop(out);
    written
        .and_then(|()| std::fs::rename(&tmp, file))
        .inspect_err(|_| {
            let _ = std::fs::remove_file(&tmp);
        })
}

/// A new file in `dir` with a name no other writer uses.
fn tempfile_in(dir: &Path) -> std::io::Result<(PathBuf, std::fs::File)> {
    let nanos = std::time::SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    let path = dir.join(format!(".tmp-{}-{nanos}", std::process::id()));
    let file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)?;
    Ok((path, file))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entity::EntityIndex;

    /// A saved index being written, with nothing in it yet.
    fn writing() -> Update {
        Update {
            on: true,
            ..Update::default()
        }
    }

    /// A cache with no file and nothing saved, writing a saved index.
    fn writing_cache() -> EntityCache {
        EntityCache {
            file: None,
            saved: Saved::default(),
            update: writing(),
        }
    }

    #[test]
    fn record_paths_are_those_std_path_absolute_gives() {
        let paths = [
            "/a/b.txt",
            "/a//b",
            "//a/b",
            "///a",
            "/a/./b",
            "/a/.hidden",
            "/a/b/",
            "/",
            "/a/..",
            "/a/b/.",
            "a/b",
            "./a",
            "",
            ".",
            "/ä/ö.txt",
        ];
        for p in paths {
            let path = Path::new(p);
            let std = std::path::absolute(path)
                .ok()
                .and_then(|a| a.into_os_string().into_string().ok());
            assert_eq!(record_path(path), std, "{p:?}");
        }
    }

    #[test]
    fn strings_are_numbered_once_in_order_of_first_use() {
        let mut strings = Interner::default();
        let words = ["Xi", "Xi Jinping", "", "Xi", "xi", "Zoë", "", "Xi Jinping"];
        let ids: Vec<u32> = words.iter().map(|w| strings.id(w)).collect();
        assert_eq!(ids, [0, 1, 2, 0, 3, 4, 2, 1]);
        let all: Vec<&[u8]> = strings.strings().collect();
        let words = ["Xi", "Xi Jinping", "", "xi", "Zoë"].map(str::as_bytes);
        assert_eq!(all, words);
    }

    #[test]
    fn strings_differing_in_any_one_byte_are_told_apart() {
        // Every length around the words compared at once, each byte changed.
        for len in 0..=20 {
            let base = &b"abcdefghijklmnopqrstu"[..len];
            let copy = base.to_vec();
            assert!(same_bytes(base, &copy), "{len}");
            for at in 0..len {
                let mut changed = base.to_vec();
                changed[at] = b'Z';
                assert!(!same_bytes(base, &changed), "{len} {at}");
            }
        }
    }

    #[test]
    fn names_numbered_by_the_cache_find_the_entities_a_look_up_finds() {
        let found = |names: &[(&'static str, EntityKind)]| {
            let mut f = Entities::default();
            for (n, &(name, kind)) in names.iter().enumerate() {
                let m = Mention {
                    block: Some(0),
                    start: n as u32,
                    end: n as u32 + 1,
                };
                f.begin(kind, |text| text.push_str(name));
                f.push_alias("Xi");
                f.push_mentions([m]);
            }
            f
        };
        let (person, place) = (EntityKind::Person, EntityKind::Place);
        let articles = [
            found(&[("Xi Jinping", person), ("Hotan", place)]),
            found(&[("HOTAN", place), ("Hotan", person), ("Xi", person)]),
            found(&[("Hotan", place), ("Xi Jinping", person), ("hotan", place)]),
        ];
        let (mut numbered, mut looked_up) = (EntityIndex::new(), EntityIndex::new());
        let mut update = writing();
        let key = FileKey {
            size: 1,
            mtime_ns: 2,
        };
        for (n, f) in articles.iter().enumerate() {
            let file = (format!("/{n}"), key);
            let (keys, names) = update.add(file, [f].into_iter(), None).unwrap();
            assert_eq!(names.len(), f.len());
            assert!(names.iter().all(|&k| k != 0));
            numbered.add_entities(n as u32, None, f, names, keys);
            looked_up.add_entities(n as u32, None, f, &[], &mut NameKeys::default());
        }
        assert_eq!(numbered.entities(), looked_up.entities());
        for n in 0..articles.len() {
            assert_eq!(numbered.of_article(n), looked_up.of_article(n));
        }
    }

    #[test]
    fn a_record_reads_back_as_the_entities_added() {
        let mut article = Entities::default();
        article.begin(EntityKind::Organization, |t| {
            t.push_str("Communist Party of China")
        });
        article.push_alias("CPC");
        article.push_alias("the Party");
        let m = |block, start| Mention {
            block,
            start,
            end: start + 3,
        };
        article.push_mentions([m(None, 0), m(Some(2), 300)]);
        article.begin(EntityKind::Place, |t| t.push_str("Hotan"));
        article.push_mentions([m(Some(0), 7)]);
        let empty = Entities::default();
        let header = Header {
            title: "Hotan".into(),
            date: Date::new(2025, 7, 9),
            hash: 42,
        };
        let mut cache = writing_cache();
        let key = FileKey {
            size: 10,
            mtime_ns: 20,
        };
        let file = ("/a".to_string(), key);
        let articles = [&article, &empty].into_iter();
        let (_, names) = cache.update.add(file, articles, Some(&header)).unwrap();
        let names = names.to_vec();
        let mut bytes = Vec::new();
        cache.encode(&mut bytes).unwrap();
        let saved = Saved::parse(bytes).unwrap();
        let (i, found) = saved.lookup("/a", key, 2).unwrap();
        assert_eq!(i, 0);
        let keys: Vec<u32> = found[0].entities.iter().map(|e| e.key).collect();
        assert_eq!(keys, names);
        let mut unnumbered = found[0].clone();
        unnumbered.entities.iter_mut().for_each(|e| e.key = 0);
        assert_eq!(unnumbered, Found::from(&article));
        assert!(found[1].entities.is_empty());
        assert!(saved.lookup_header("/a", key).is_none());
        let (_, (_, kept)) = saved.record("/a", key).unwrap();
        assert_eq!(kept, Some(header));
    }

    proptest::proptest! {
        /// Whatever their numbers, names and mentions read back as written.
        #[test]
        fn mentions_read_back_as_written(
            before in proptest::prop_oneof![6 => 0u32..3, 3 => 120u32..140, 1 => 16_380u32..16_390],
            mentions in proptest::collection::vec((
                // Each field also at the edges of the bytes written at once.
                proptest::option::of(proptest::prop_oneof![0u32..0x7f, 0x7du32..0x82, proptest::num::u32::ANY]),
                proptest::prop_oneof![0u32..0x80, 0x80u32..0x4000, 0x3ffeu32..0x4002, proptest::num::u32::ANY],
                proptest::prop_oneof![0u32..0x80, 0x7eu32..0x82, 0x80u32..300],
            ), 0..200),
            aliases in 0usize..3,
        ) {
            let mut e = Entities::default();
            e.begin(EntityKind::Place, |t| t.push_str("Hotan"));
            for a in 0..aliases {
                e.push_alias(&format!("H{a}"));
            }
            e.push_mentions(mentions.iter().map(|&(block, start, len)| Mention {
                block,
                start,
                end: start.saturating_add(len),
            }));
            // Strings numbered before: the name's number takes one, two or three bytes.
            let mut cache = writing_cache();
            for n in 0..before {
                cache.update.strings.id(&format!("s{n}"));
            }
            let key = FileKey { size: 0, mtime_ns: 0 };
            cache.update.add(("/a".to_string(), key), [&e].into_iter(), None);
            let mut bytes = Vec::new();
            cache.encode(&mut bytes).unwrap();
            let saved = Saved::parse(bytes).unwrap();
            let (_, found) = saved.lookup("/a", key, 1).unwrap();
            let mut found = found[0].clone();
            found.entities.iter_mut().for_each(|e| e.key = 0);
            proptest::prop_assert_eq!(found, Found::from(&e));
        }
    }

    #[test]
    fn records_past_a_chunk_read_back_each_as_added() {
        let mut cache = writing_cache();
        let key = FileKey {
            size: 3,
            mtime_ns: 4,
        };
        // Some 4 KiB a record: several chunks' worth.
        let files = 3 * RECORDS_CHUNK / 4096;
        let article = |n: usize| {
            let mut e = Entities::default();
            e.begin(EntityKind::Person, |t| t.push_str(&format!("Ada {n}")));
            e.push_mentions((0..1000).map(|i| Mention {
                block: Some(i % 3),
                start: 200 * i + n as u32,
                end: 200 * i + n as u32 + 5,
            }));
            e
        };
        for n in 0..files {
            let a = article(n);
            let file = (format!("/{n}"), key);
            cache.update.add(file, [&a].into_iter(), None).unwrap();
        }
        assert!(cache.update.records.len() > 2);
        let mut bytes = Vec::new();
        cache.encode(&mut bytes).unwrap();
        let saved = Saved::parse(bytes).unwrap();
        for n in 0..files {
            let (_, found) = saved.lookup(&format!("/{n}"), key, 1).unwrap();
            let mut found = found[0].clone();
            found.entities.iter_mut().for_each(|e| e.key = 0);
            assert_eq!(found, Found::from(&article(n)), "/{n}");
        }
    }

    #[test]
    fn a_sink_writes_everything_in_order_with_the_checksum_of_all() {
        let mut written = Vec::new();
        let mut sink = Sink {
            buf: Vec::new(),
            sum: Xxh3::new(),
            out: &mut written,
        };
        let mut expected = Vec::new();
        // Pieces of every size, well past several spills.
        for i in 0..4000u32 {
            let piece = vec![(i % 251) as u8; (i as usize * 7) % 1500];
            sink.buf.extend_from_slice(&piece);
            expected.extend_from_slice(&piece);
            sink.spill().unwrap();
        }
        sink.finish().unwrap();
        assert!(expected.len() > 2 * SPILL);
        let (body, sum) = written.split_at(written.len() - 8);
        assert_eq!(body, expected);
        assert_eq!(sum, xxhash_rust::xxh3::xxh3_64(&expected).to_le_bytes());
    }
}
