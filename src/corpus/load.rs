//! Reading inputs: finding the files under the given paths ([`discover`]),
//! reading one of them ([`read_source`]), or everything at once, in parallel
//! and in input order ([`load`]).
//!
//! A streaming reader can take the inputs from a [`Discovery`] as it goes
//! and call [`read_source`] per file as it likes; every problem is a
//! [`Diagnostic`], never a panic.

use super::cache::FileKey;
use super::stream::Saving;
use super::{Corpus, Diagnostic, Severity};
use crate::article::Article;
use crate::article::json::parse_json;
use crate::article::parse::with_parser;
use rayon::slice::ParallelSliceMut;
use std::borrow::Cow;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

/// Largest input read, in bytes (64 MiB); larger files are refused.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// Most invalid UTF-8 bytes, per thousand bytes (10 %), for a file still to be read
/// as text (with replacement characters and a warning).
const MAX_INVALID_PER_MILLE: usize = 100;

/// How the content of an input is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// The plain-text article format.
    Text,
    /// JSON: one object, an array, or JSON Lines.
    Json,
    /// Decided by the content: JSON if it opens like JSON and parses, else text.
    Sniff,
}

/// Where an input's bytes come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// Standard input (`-`).
    Stdin,
    /// A file on disk.
    File(PathBuf),
}

/// One input to read: a file found under the given paths, or standard input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// The path as shown to the user: as given, or the folder joined with the file's relative path.
    pub display: String,
    /// Where to read from.
    pub origin: Origin,
    /// How to read it.
    pub format: Format,
    /// Whether its folder's listing gave it as a file, not a symbolic link:
    /// its real path is then its folder's real path joined with its name.
    pub listed: bool,
}

impl Source {
    fn file(path: PathBuf, format: Format, listed: bool) -> Source {
        Source {
            display: path.to_string_lossy().into_owned(),
            origin: Origin::File(path),
            format,
            listed,
        }
    }
}

fn error(path: &str, message: impl Into<String>) -> Diagnostic {
    Diagnostic {
        path: path.to_string(),
        message: message.into(),
        severity: Severity::Error,
    }
}

fn warning(path: &str, message: impl Into<String>) -> Diagnostic {
    Diagnostic {
        severity: Severity::Warning,
        ..error(path, message)
    }
}

/// A readable description of an I/O error, without the OS error number.
fn io_reason(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file or directory".into(),
        io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => {
            let s = e.to_string();
            match s.find(" (os error") {
                Some(i) => s[..i].to_string(),
                None => s,
            }
        }
    }
}

/// The format of a file found in a folder, by extension; `None` to skip it.
fn format_of_extension(path: &Path) -> Option<Format> {
    format_of_name(path.file_name()?)
}

/// [`format_of_extension`] of a file name.
fn format_of_name(name: &std::ffi::OsStr) -> Option<Format> {
    let name = name.as_encoded_bytes();
    let dot = name.iter().rposition(|&b| b == b'.').filter(|&i| i > 0)?;
    let ext = &name[dot + 1..];
    if ext.eq_ignore_ascii_case(b"txt") {
        Some(Format::Text)
    } else if ext.eq_ignore_ascii_case(b"json") || ext.eq_ignore_ascii_case(b"jsonl") {
        Some(Format::Json)
    } else {
        None
    }
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.as_encoded_bytes().first() == Some(&b'.')
}

/// Lists the inputs under `paths` without reading them: `-` is standard
/// input, a file is itself (format by extension, else sniffed), a folder is
/// its `.txt`, `.json` and `.jsonl` files, recursively, sorted by path,
/// hidden files and folders skipped, symbolic links followed (loops reported,
/// not followed again). [`Discovery`] gives the same a few at a time.
pub fn discover<S: AsRef<str>>(paths: &[S]) -> (Vec<Source>, Vec<Diagnostic>) {
    let mut sources = Vec::new();
    let mut problems = Vec::new();
    for found in Discovery::new(paths) {
        match found {
            Ok(source) => sources.push(source),
            Err(problem) => problems.push(problem),
        }
    }
    (sources, problems)
}

/// The inputs [`discover`] lists, in the same order, found as they are
/// asked for, each problem met finding them in its place among them.
///
/// A folder is read whole when its first entry is asked for (its order is
/// known only then), but only its first entries are sorted before they are
/// given out: on a folder of 100,000 files the first inputs come after one
/// pass over the names, the full sort is done when they are needed.
/// `size_hint` counts the article files listed in the folders read and not
/// yet given out, and the problems met finding inputs not yet given out
/// (each is an item too).
#[derive(Debug)]
pub struct Discovery {
    /// The paths given, not yet begun.
    given: std::vec::IntoIter<String>,
    /// The folders being walked, innermost last.
    open: Vec<Folder>,
    /// Problems to give out before anything else.
    problems: std::collections::VecDeque<Diagnostic>,
    /// Entries of the open folders that are article files (not links): each
    /// is one input still to come.
    listed: usize,
    /// The other entries of the open folders (folders, links, entries of
    /// unknown type): each may give any number of inputs.
    unresolved: usize,
}

/// Entries sorted in the first step over a large folder.
const FIRST_SORTED: usize = 256;

/// A folder being walked.
#[derive(Debug)]
struct Folder {
    /// Its path as shown: the given folder joined with the names on the way.
    path: PathBuf,
    /// Its real path (`None` if it could not be resolved), for recognising
    /// symbolic link loops.
    real: Option<PathBuf>,
    /// The entries not given out yet are `entries[next..]`; those before
    /// `sorted` are in order.
    entries: Vec<Entry>,
    next: usize,
    sorted: usize,
}

/// A folder's entry: its name, and its type as the folder listing gives it
/// (`None` if it could not be read).
#[derive(Debug, Default)]
struct Entry {
    name: std::ffi::OsString,
    kind: Option<std::fs::FileType>,
    /// The format its name gives, if it is an article's.
    format: Option<Format>,
}

impl Discovery {
    /// The inputs under `paths`; nothing is read until they are asked for.
    pub fn new<S: AsRef<str>>(paths: &[S]) -> Discovery {
        let given: Vec<String> = paths.iter().map(|p| p.as_ref().to_string()).collect();
        Discovery {
            given: given.into_iter(),
            open: Vec::new(),
            problems: Default::default(),
            listed: 0,
            unresolved: 0,
        }
    }

    /// The input given as `given`, or its problem; a folder is opened instead.
    fn begin(&mut self, given: String) -> Option<Result<Source, Diagnostic>> {
        if given == "-" {
            return Some(Ok(Source {
                display: given,
                origin: Origin::Stdin,
                format: Format::Sniff,
                listed: false,
            }));
        }
        let path = PathBuf::from(&given);
        match std::fs::metadata(&path) {
            Err(e) => Some(Err(error(&given, io_reason(&e)))),
            Ok(meta) if meta.is_dir() => {
                let real = std::fs::canonicalize(&path).ok();
                self.enter(path, real);
                None
            }
            Ok(_) => Some(Ok(Source {
                format: format_of_extension(&path).unwrap_or(Format::Sniff),
                display: given,
                origin: Origin::File(path),
                listed: false,
            })),
        }
    }

    /// Reads the folder `path` (real path `real`) and walks it next. Reads
    /// the folder once and stats only symbolic links (and entries whose type
    /// the listing does not give).
    fn enter(&mut self, path: PathBuf, real: Option<PathBuf>) {
        let shown = || path.to_string_lossy().into_owned();
        let listing = match std::fs::read_dir(&path) {
            Ok(listing) => listing,
            Err(e) => return self.problems.push_back(error(&shown(), io_reason(&e))),
        };
        let mut entries = Vec::new();
        for entry in listing {
            match entry {
                Ok(e) => {
                    let name = e.file_name();
                    if is_hidden(&name) {
                        continue;
                    }
                    let kind = e.file_type().ok();
                    let format = format_of_name(&name);
                    // Files (not links) of other kinds are never inputs.
                    let file = kind.is_some_and(|k| k.is_file());
                    let article = file && format.is_some();
                    if article || !file {
                        let entry = Entry { name, kind, format };
                        self.listed += usize::from(article);
                        self.unresolved += usize::from(!file);
                        entries.push(entry);
                    }
                }
                Err(e) => self.problems.push_back(error(&shown(), io_reason(&e))),
            }
        }
        self.open.push(Folder {
            path,
            real,
            entries,
            next: 0,
            sorted: 0,
        });
    }

    /// What the next entry of the innermost open folder gives: an input, a
    /// problem, or nothing (a folder entered, a file skipped).
    fn step(&mut self) -> Option<Result<Source, Diagnostic>> {
        let folder = self.open.last_mut()?;
        folder.sort_next();
        let Entry { name, kind, format } = std::mem::take(&mut folder.entries[folder.next]);
        folder.next += 1;
        // An entry listed as a file is an article file (see `enter`).
        match kind.is_some_and(|k| k.is_file()) {
            true => self.listed -= 1,
            false => self.unresolved -= 1,
        }
        let path = child(&folder.path, &name);
        let shown = || path.to_string_lossy().into_owned();
        let Some(mut kind) = kind else {
            return Some(Err(error(&shown(), "cannot read its type")));
        };
        let link = kind.is_symlink();
        if link {
            match std::fs::metadata(&path) {
                Ok(meta) => kind = meta.file_type(),
                Err(e) => return Some(Err(error(&shown(), io_reason(&e)))),
            }
        }
        if kind.is_dir() {
            let real = match link {
                true => std::fs::canonicalize(&path).ok(),
                false => self
                    .open
                    .last()
                    .and_then(|f| f.real.as_ref())
                    .map(|p| p.join(&name)),
            };
            let Some(real) = real else {
                return Some(Err(error(&shown(), "cannot resolve symbolic link")));
            };
            if self.open.iter().any(|f| f.real.as_ref() == Some(&real)) {
                return Some(Err(warning(&shown(), "symbolic link loop, not followed")));
            }
            self.enter(path, Some(real));
            return None;
        }
        let format = format.filter(|_| kind.is_file())?;
        Some(Ok(Source::file(path, format, !link)))
    }
}

impl Iterator for Discovery {
    type Item = Result<Source, Diagnostic>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(problem) = self.problems.pop_front() {
                return Some(Err(problem));
            }
            match self.open.last() {
                Some(folder) if folder.next == folder.entries.len() => {
                    self.open.pop();
                }
                Some(_) => {
                    if let Some(found) = self.step() {
                        return Some(found);
                    }
                }
                None => {
                    let given = self.given.next()?;
                    if let Some(found) = self.begin(given) {
                        return Some(found);
                    }
                }
            }
        }
    }

    /// Exact once every path given is begun and every entry left in the
    /// open folders is an article file.
    fn size_hint(&self) -> (usize, Option<usize>) {
        let left = self.listed + self.problems.len();
        let exact = self.given.len() == 0 && self.unresolved == 0;
        (left, exact.then_some(left))
    }
}

impl Folder {
    /// Sorts the entries from `next` on when `next` reaches the end of
    /// those sorted: the first [`FIRST_SORTED`] of a large folder, then
    /// the rest, over every core (the loader asks for them while its
    /// workers have little else to do: a stall of tens of milliseconds at
    /// 100,000 files on one core).
    fn sort_next(&mut self) {
        if self.next < self.sorted {
            return;
        }
        let by_name =
            |a: &Entry, b: &Entry| a.name.as_encoded_bytes().cmp(b.name.as_encoded_bytes());
        let rest = &mut self.entries[self.next..];
        if self.next == 0 && rest.len() > 2 * FIRST_SORTED {
            rest.select_nth_unstable_by(FIRST_SORTED, by_name);
            rest[..FIRST_SORTED].sort_unstable_by(by_name);
            self.sorted = FIRST_SORTED;
        } else {
            rest.par_sort_unstable_by(by_name);
            self.sorted = self.entries.len();
        }
    }
}

/// `dir` joined with `name`, in one allocation.
fn child(dir: &Path, name: &std::ffi::OsStr) -> PathBuf {
    let mut path = PathBuf::with_capacity(dir.as_os_str().len() + 1 + name.len());
    path.push(dir);
    path.push(name);
    path
}

/// Reads and parses one input. Problems come back as diagnostics (errors for
/// what could not be read, warnings for what was read with a caveat).
pub fn read_source(source: &Source) -> (Vec<Article>, Vec<Diagnostic>) {
    let (articles, diagnostics, _) = read_source_keyed(source);
    (articles, diagnostics)
}

/// [`read_source`], with the key of the file read (from the same `fstat`
/// that sized the read); `None` for standard input or a file not read.
pub fn read_source_keyed(source: &Source) -> (Vec<Article>, Vec<Diagnostic>, Option<FileKey>) {
    read_source_with(source, |parsed, diagnostics, key| {
        (parsed.into_owned(), diagnostics, key)
    })
}

/// [`read_source_keyed`], handing the articles to `with` as they were
/// parsed: a text file's one article in the thread's
/// [`Parser`](crate::article::parse::Parser), for a
/// caller that keeps only part of it.
pub(crate) fn read_source_with<R>(
    source: &Source,
    with: impl FnOnce(Parsed<'_>, Vec<Diagnostic>, Option<FileKey>) -> R,
) -> R {
    with_read_buffer(|bytes| match read_bytes(&source.origin, bytes) {
        Ok(key) => parse_bytes_with(&source.display, bytes, source.format, |parsed, problems| {
            with(parsed, problems, key)
        }),
        Err(reason) => with(
            Parsed::Owned(Vec::new()),
            vec![error(&source.display, reason)],
            None,
        ),
    })
}

/// Runs `f` with the thread's read buffer (a new one if `f` reads again).
fn with_read_buffer<R>(f: impl FnOnce(&mut Vec<u8>) -> R) -> R {
    crate::kept::with_kept(&READ_BUFFER, f, crate::kept::at_most(KEPT_BUFFER))
}

/// The largest read buffer a thread keeps for the next input.
const KEPT_BUFFER: usize = 256 << 10;

thread_local! {
    /// The bytes of the input read last, its allocation kept for the next.
    static READ_BUFFER: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// The articles of one input, as [`read_source_with`] hands them.
#[derive(Debug)]
pub(crate) enum Parsed<'p> {
    /// Articles of their own: a JSON input's (none for an input not read).
    Owned(Vec<Article>),
    /// A text file's one article, in the room of a
    /// [`Parser`](crate::article::parse::Parser).
    Reused(&'p mut Article),
}

impl Parsed<'_> {
    /// The articles.
    pub(crate) fn articles(&self) -> &[Article] {
        match self {
            Parsed::Owned(articles) => articles,
            Parsed::Reused(article) => std::slice::from_ref(&**article),
        }
    }

    /// The articles, whole and at their size (copied out of a parser's room).
    pub(crate) fn into_owned(self) -> Vec<Article> {
        match self {
            Parsed::Owned(articles) => articles,
            Parsed::Reused(article) => vec![article.clone()],
        }
    }
}

/// Parses the bytes of one input named `path`: decodes them (see
/// [`read_source`] for what is refused) and reads them in `format`.
pub fn parse_bytes(path: &str, bytes: &[u8], format: Format) -> (Vec<Article>, Vec<Diagnostic>) {
    parse_bytes_with(path, bytes, format, |parsed, diagnostics| {
        (parsed.into_owned(), diagnostics)
    })
}

/// [`parse_bytes`], handing the articles to `with` as [`read_source_with`] does.
fn parse_bytes_with<R>(
    path: &str,
    bytes: &[u8],
    format: Format,
    with: impl FnOnce(Parsed<'_>, Vec<Diagnostic>) -> R,
) -> R {
    let mut diagnostics = Vec::new();
    let text = match decode(bytes) {
        Ok((text, None)) => text,
        Ok((text, Some(note))) => {
            diagnostics.push(warning(path, note));
            text
        }
        Err(reason) => return with(Parsed::Owned(Vec::new()), vec![error(path, reason)]),
    };
    if text.trim().is_empty() {
        return with(Parsed::Owned(Vec::new()), vec![error(path, "empty file")]);
    }
    let json = match format {
        Format::Json => true,
        Format::Text => false,
        Format::Sniff => looks_like_json(&text),
    };
    if !json {
        return with_parser(|parser| {
            let article = parser.parse(path, &text);
            if article.title.is_empty() && article.blocks.is_empty() {
                let problem = error(path, "no text (only control characters)");
                return with(Parsed::Owned(Vec::new()), vec![problem]);
            }
            with(Parsed::Reused(article), diagnostics)
        });
    }
    let (articles, problems) = parse_json(path, &text);
    diagnostics.extend(problems.into_iter().map(|p| {
        let at = match p.record {
            Some(i) => format!("{path}#{i}"),
            None => path.to_string(),
        };
        match p.fatal {
            true => error(&at, p.message),
            false => warning(&at, p.message),
        }
    }));
    with(Parsed::Owned(articles), diagnostics)
}

/// Whether text of unknown format is JSON: it opens with `{` or `[` and its
/// first value parses.
fn looks_like_json(text: &str) -> bool {
    let t = text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}');
    if !t.starts_with(['{', '[']) {
        return false;
    }
    let mut stream = serde_json::Deserializer::from_str(t).into_iter::<serde::de::IgnoredAny>();
    matches!(stream.next(), Some(Ok(_)))
}

/// All bytes of an input, into `bytes` (replacing what it held), refusing those over
/// [`MAX_FILE_BYTES`]; a file's key.
fn read_bytes(origin: &Origin, bytes: &mut Vec<u8>) -> Result<Option<FileKey>, String> {
    let too_large = |n: u64| {
        format!(
            "larger than the {} MiB limit ({n} bytes)",
            MAX_FILE_BYTES >> 20
        )
    };
    let mut key = None;
    let result = match origin {
        Origin::Stdin => {
            bytes.clear();
            io::stdin()
                .lock()
                .take(MAX_FILE_BYTES + 1)
                .read_to_end(bytes)
        }
        Origin::File(path) => {
            let file =
                std::fs::File::open(path).map_err(|e| format!("cannot read: {}", io_reason(&e)))?;
            let meta = file
                .metadata()
                .map_err(|e| format!("cannot read: {}", io_reason(&e)))?;
            if meta.is_dir() {
                return Err("is a directory".into());
            }
            if meta.len() > MAX_FILE_BYTES {
                return Err(too_large(meta.len()));
            }
            key = FileKey::of(&meta);
            if meta.is_file() && meta.len() > 0 {
                read_sized(file, meta.len() as usize, bytes)
            } else {
                // Pipes, devices, and files whose size says nothing (/proc).
                bytes.clear();
                file.take(MAX_FILE_BYTES + 1).read_to_end(bytes)
            }
        }
    };
    result.map_err(|e| format!("cannot read: {}", io_reason(&e)))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(key)
}

/// Reads the `len` bytes of `file` (its size when it was opened), without
/// the extra call that finds its end: a file that grew meanwhile is read to
/// that length, and its key, taken before, tells the next run that it changed.
/// What `bytes` held is read over: only the room beyond it is zeroed first.
fn read_sized(mut file: std::fs::File, len: usize, bytes: &mut Vec<u8>) -> io::Result<usize> {
    bytes.resize(len, 0);
    let mut filled = 0;
    while filled < len {
        match file.read(&mut bytes[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    bytes.truncate(filled);
    Ok(filled)
}

/// The text of an input: UTF-8 (or UTF-16 with a byte-order mark); a few
/// invalid bytes are replaced with U+FFFD and noted; NUL bytes or mostly
/// invalid bytes mean it is not text.
fn decode(bytes: &[u8]) -> Result<(Cow<'_, str>, Option<String>), String> {
    if bytes.is_empty() {
        return Err("empty file".into());
    }
    if let Some(text) = decode_utf16(bytes) {
        return Ok((Cow::Owned(text), None));
    }
    if memchr::memchr(0, bytes).is_some() {
        return Err("binary file (contains NUL bytes)".into());
    }
    // Checked with the vector instructions the processor has (much faster
    // on ASCII text than the standard library's word-at-a-time check).
    if let Ok(text) = simdutf8::basic::from_utf8(bytes) {
        return Ok((Cow::Borrowed(text), None));
    }
    let invalid: usize = bytes.utf8_chunks().map(|c| c.invalid().len()).sum();
    if invalid * 1000 > bytes.len() * MAX_INVALID_PER_MILLE {
        return Err(format!(
            "not UTF-8 text ({invalid} of {} bytes invalid)",
            bytes.len()
        ));
    }
    let note = format!("not valid UTF-8: {invalid} invalid byte(s) replaced with U+FFFD");
    Ok((String::from_utf8_lossy(bytes), Some(note)))
}

/// UTF-16 text with a byte-order mark, decoded.
fn decode_utf16(bytes: &[u8]) -> Option<String> {
    let little = match bytes.get(..2)? {
        [0xFF, 0xFE] => true,
        [0xFE, 0xFF] => false,
        _ => return None,
    };
    let units = bytes[2..].chunks_exact(2).map(|p| match little {
        true => u16::from_le_bytes([p[0], p[1]]),
        false => u16::from_be_bytes([p[0], p[1]]),
    });
    Some(
        char::decode_utf16(units)
            .map(|c| c.unwrap_or('\u{FFFD}'))
            .collect(),
    )
}

/// Reads every input under `paths` in parallel and builds the corpus, the
/// articles in input order. The diagnostics: those of finding the inputs,
/// then those of reading them, in input order.
pub fn load<S: AsRef<str>>(paths: &[S]) -> (Corpus, Vec<Diagnostic>) {
    let (corpus, diagnostics, _saved) = load_saving(paths);
    (corpus, diagnostics)
}

/// [`load`], returning while the collection's saved index is still being
/// written (see [`Saving`]).
pub fn load_saving<S: AsRef<str>>(paths: &[S]) -> (Corpus, Vec<Diagnostic>, Saving) {
    let cache_file = super::cache::collection_file(paths);
    let ((articles, index, diagnostics), saving) = super::stream::collect_saving(paths, cache_file);
    (Corpus { articles, index }, diagnostics, saving)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decode_accepts_utf8_and_utf16() {
        assert_eq!(decode(b"abc"), Ok(("abc".into(), None)));
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("h\u{e9}".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(decode(&utf16), Ok(("h\u{e9}".into(), None)));
    }

    #[test]
    fn decode_refuses_binary_and_garbage() {
        assert!(decode(b"ab\0cd").unwrap_err().contains("NUL"));
        assert!(decode(&[0xC3; 100]).unwrap_err().contains("not UTF-8"));
        assert_eq!(decode(&[]).unwrap_err(), "empty file");
    }

    #[test]
    fn a_few_invalid_bytes_are_replaced_with_a_note() {
        let mut bytes = "x".repeat(500).into_bytes();
        bytes[100] = 0xFC;
        let (text, note) = decode(&bytes).unwrap();
        assert_eq!(text.chars().filter(|&c| c == '\u{FFFD}').count(), 1);
        assert!(note.unwrap().contains("1 invalid byte"));
    }

    #[test]
    fn text_of_nothing_but_control_characters_is_refused() {
        let (articles, diagnostics) = parse_bytes("x.txt", b"\x03\n\x07\x1b\n", Format::Text);
        assert!(articles.is_empty());
        assert_eq!(
            diagnostics[0].to_string(),
            "dateline: x.txt: no text (only control characters)"
        );
    }

    #[test]
    fn sniffing_tells_json_from_text() {
        assert!(looks_like_json(" {\"title\": \"a\"}"));
        assert!(looks_like_json("[{\"title\": \"a\"}]"));
        assert!(!looks_like_json("[Updated] Title\n\nBody"));
        assert!(!looks_like_json(" date 2025-07-10 T"));
    }

    #[test]
    fn only_files_listed_as_files_are_marked_listed() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::write(root.join("a.txt"), "A\n\nText.").unwrap();
        std::os::unix::fs::symlink(root.join("a.txt"), root.join("b.txt")).unwrap();
        let given = root.join("a.txt").display().to_string();
        let found: Vec<(String, bool)> = Discovery::new(&[root.display().to_string(), given])
            .map(|s| {
                let s = s.unwrap();
                let name = Path::new(&s.display).file_name().unwrap();
                (name.to_string_lossy().into_owned(), s.listed)
            })
            .collect();
        let expected = [("a.txt", true), ("b.txt", false), ("a.txt", false)];
        let expected: Vec<(String, bool)> = expected.map(|(n, l)| (n.to_string(), l)).into();
        assert_eq!(found, expected);
    }

    #[test]
    fn files_are_read_whole_whatever_their_size_says() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        let text = "Title\n\n".to_string() + &"Body text. ".repeat(20_000);
        std::fs::write(&path, &text).unwrap();
        let mut bytes = b"left from another file".to_vec();
        let key = read_bytes(&Origin::File(path), &mut bytes).unwrap();
        assert_eq!(bytes, text.as_bytes());
        assert_eq!(key.map(|k| k.size), Some(text.len() as u64));
        // A shorter file read into the same buffer keeps nothing of the longer.
        let short = dir.path().join("b.txt");
        std::fs::write(&short, "Short\n").unwrap();
        read_bytes(&Origin::File(short), &mut bytes).unwrap();
        assert_eq!(bytes, b"Short\n");
        // A file that says it is empty but is not (procfs) is read to its end.
        if read_bytes(&Origin::File("/proc/self/status".into()), &mut bytes).is_ok() {
            assert!(bytes.starts_with(b"Name:"));
        }
    }

    #[test]
    fn missing_paths_are_reported() {
        let (sources, problems) = discover(&["/nonexistent/dateline-test"]);
        assert!(sources.is_empty());
        assert_eq!(
            problems[0].to_string(),
            "dateline: /nonexistent/dateline-test: no such file or directory"
        );
    }

    /// What a discovery gives, as `path` or `ERR path`, with the bounds of
    /// what is left checked at every step.
    fn given_out(paths: &[&str]) -> Vec<String> {
        let mut found = Discovery::new(paths);
        let mut out = Vec::new();
        let mut bounds = Vec::new();
        while let Some(item) = found.next() {
            bounds.push(found.size_hint());
            out.push(match item {
                Ok(source) => source.display,
                Err(problem) => format!("ERR {}", problem.path),
            });
        }
        for (i, (lower, upper)) in bounds.iter().enumerate() {
            let left = out.len() - (i + 1);
            assert!(*lower <= left, "bound {lower} with {left} left");
            assert!(
                upper.is_none_or(|u| u == left),
                "{upper:?} with {left} left"
            );
        }
        assert_eq!(found.size_hint(), (0, Some(0)));
        out
    }

    #[cfg(unix)]
    #[test]
    fn a_large_folder_is_given_out_in_full_path_order_problems_in_place() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        // More entries than are sorted in the first step, names of several
        // lengths so that byte order is not numeric order.
        let mut names: Vec<String> = (0..700)
            .map(|i| format!("{}.txt", i * 7919 % 1000))
            .collect();
        for name in &names {
            std::fs::write(root.join(name), "x").unwrap();
        }
        std::fs::create_dir(root.join("50")).unwrap();
        std::fs::write(root.join("50/b.txt"), "x").unwrap();
        std::fs::write(root.join("50/a.json"), "x").unwrap();
        std::os::unix::fs::symlink("/nonexistent/dateline", root.join("555x.txt")).unwrap();
        std::fs::write(root.join("notes.md"), "x").unwrap();
        std::fs::write(root.join(".hidden.txt"), "x").unwrap();

        names.extend(["50".to_string(), "555x.txt".to_string()]);
        names.sort();
        let shown = |name: &str| root.join(name).to_string_lossy().into_owned();
        let expected: Vec<String> = names
            .iter()
            .flat_map(|name| match name.as_str() {
                "50" => vec![shown("50/a.json"), shown("50/b.txt")],
                "555x.txt" => vec![format!("ERR {}", shown(name))],
                _ => vec![shown(name)],
            })
            .collect();
        let root = root.to_str().unwrap();
        assert_eq!(given_out(&[root]), expected);
        let (sources, problems) = discover(&[root]);
        assert_eq!(sources.len() + problems.len(), expected.len());
        assert_eq!(problems[0].message, "no such file or directory");
    }

    #[test]
    fn the_lower_bound_counts_the_files_of_a_folder_once_it_is_read() {
        let dir = tempfile::tempdir().unwrap();
        for name in ["a.txt", "b.json", "c.md", "d.txt"] {
            std::fs::write(dir.path().join(name), "x").unwrap();
        }
        std::fs::create_dir(dir.path().join("e")).unwrap();
        std::fs::write(dir.path().join("e/f.txt"), "x").unwrap();
        let mut found = Discovery::new(&[dir.path().to_str().unwrap(), "-"]);
        assert_eq!(found.size_hint().0, 0, "nothing read yet");
        assert!(found.next().unwrap().is_ok());
        // b.json and d.txt; e is not read yet, and "-" is not counted.
        assert_eq!(found.size_hint().0, 2);
        assert_eq!(found.count(), 4);
    }
}
