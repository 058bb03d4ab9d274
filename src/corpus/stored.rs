//! How a collection keeps its articles: each header (path, date, title) in
//! memory, the paragraphs either in memory too or left in the file they came
//! from and read again when the article is wanted.
//!
//! A reader over 100,000 articles needs their titles at once but only ever
//! shows one article's text; leaving the text in its file keeps memory well
//! under the collection's size on disk. Reading one file again takes tens of
//! microseconds.

use super::cache::FileKey;
use super::{Format, Origin, Source, read_source_keyed};
use crate::article::{Article, Date};
use std::borrow::Cow;
use std::path::PathBuf;

/// One article of a collection (see the [module](self)).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredArticle {
    /// The whole article, or only its header when `file` is set.
    head: Article,
    /// The key of the file the paragraphs were left in, as it was when read.
    file: Option<FileKey>,
    /// [`Article::text_hash`] of the whole article.
    hash: u64,
    /// Whether its file was listed in its folder as a file, not a link.
    listed: bool,
}

/// Where the text of an article read from a text file of its own is left,
/// for [`StoredArticle::in_file`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LeftIn {
    /// The file's key, as it was when read.
    pub key: FileKey,
    /// [`Article::text_hash`] of the whole article.
    pub hash: u64,
    /// Whether the file was listed in its folder as a file, not a symbolic
    /// link (see [`Source::listed`]).
    pub listed: bool,
}

/// An article read again from its file, with what went wrong if anything.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fetched<'a> {
    /// The article; only its header when the file could not be read again.
    pub article: Cow<'a, Article>,
    /// Why the text is not the one indexed, naming the file.
    pub problem: Option<String>,
}

impl StoredArticle {
    /// Keeps all of `article` in memory.
    pub fn kept(article: Article) -> StoredArticle {
        StoredArticle {
            hash: article.text_hash(),
            head: article,
            file: None,
            listed: false,
        }
    }

    /// Keeps the header of `article`, read as the only article of the text
    /// file at its path; the paragraphs are left there.
    pub fn in_file(article: Article, left: LeftIn) -> StoredArticle {
        StoredArticle {
            hash: left.hash,
            head: article.into_header(),
            file: Some(left.key),
            listed: left.listed,
        }
    }

    /// The source path as given (JSON records: `path#N`).
    pub fn path(&self) -> &str {
        &self.head.path
    }

    /// Publication date, when known.
    pub fn date(&self) -> Option<Date> {
        self.head.date
    }

    /// Headline (may be empty).
    pub fn title(&self) -> &str {
        &self.head.title
    }

    /// Whether the paragraphs were left in the file.
    pub fn in_file_only(&self) -> bool {
        self.file.is_some()
    }

    /// Whether its path names a file its folder listed as a file, not a
    /// symbolic link: its real path is its folder's real path joined with
    /// its name.
    pub fn listed(&self) -> bool {
        self.listed
    }

    /// The whole article: from memory, or read again from its file. When the
    /// file changed since it was read, the article as it is now (the
    /// entities found then may no longer fit it); when it cannot be read,
    /// the header alone.
    pub fn fetch(&self) -> Fetched<'_> {
        let Some(key) = self.file else {
            return Fetched {
                article: Cow::Borrowed(&self.head),
                problem: None,
            };
        };
        let source = Source {
            display: self.head.path.clone(),
            origin: Origin::File(PathBuf::from(&self.head.path)),
            format: Format::Text,
            listed: self.listed,
        };
        let (mut articles, diagnostics, now) = read_source_keyed(&source);
        match (articles.pop(), articles.is_empty()) {
            (Some(article), true) => Fetched {
                problem: (now != Some(key)).then(|| {
                    format!(
                        "{}: changed since it was indexed; restart to index it again",
                        self.head.path
                    )
                }),
                article: Cow::Owned(article),
            },
            _ => Fetched {
                article: Cow::Borrowed(&self.head),
                problem: Some(diagnostics.first().map_or_else(
                    || format!("{}: no longer one article", self.head.path),
                    |d| format!("{}: {}", d.path, d.message),
                )),
            },
        }
    }

    /// [`Article::text_hash`] of the whole article, as read.
    pub fn text_hash(&self) -> u64 {
        self.hash
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::parse::parse_text;
    use std::fs::File;

    const TEXT: &str = " date 2025-07-10 Rain returns to the valley\n\nMORAVA, July 9 (Dateline Wire) -- Farmers in Morava welcomed the rain.\n";

    /// [`TEXT`] written to `a.txt` in `dir`, and its article stored with only
    /// its header kept.
    fn stored_in(dir: &std::path::Path) -> (std::path::PathBuf, StoredArticle) {
        let path = dir.join("a.txt");
        std::fs::write(&path, TEXT).unwrap();
        let article = parse_text(&path.to_string_lossy(), TEXT);
        let key = FileKey::of(&File::open(&path).unwrap().metadata().unwrap()).unwrap();
        let hash = article.text_hash();
        let left = LeftIn {
            key,
            hash,
            listed: true,
        };
        (path, StoredArticle::in_file(article, left))
    }

    #[test]
    fn kept_articles_come_back_whole_without_reading() {
        let article = parse_text("mem.txt", TEXT);
        let stored = StoredArticle::kept(article.clone());
        assert!(!stored.in_file_only());
        let fetched = stored.fetch();
        assert_eq!(fetched.article.as_ref(), &article);
        assert_eq!(fetched.problem, None);
    }

    #[test]
    fn text_left_in_the_file_is_read_again_unchanged() {
        let dir = tempfile::tempdir().unwrap();
        let (path, stored) = stored_in(dir.path());
        assert_eq!(stored.title(), "Rain returns to the valley");
        assert!(stored.in_file_only());
        let fetched = stored.fetch();
        let whole = parse_text(&path.to_string_lossy(), TEXT);
        assert_eq!(fetched.article.as_ref(), &whole);
        assert_eq!(stored.text_hash(), whole.text_hash());
        assert_eq!(fetched.problem, None);
    }

    #[test]
    fn a_changed_or_missing_file_is_named_with_the_problem() {
        let dir = tempfile::tempdir().unwrap();
        let (path, stored) = stored_in(dir.path());

        std::fs::write(&path, format!("{TEXT}\nA new paragraph.\n")).unwrap();
        let fetched = stored.fetch();
        assert_eq!(fetched.article.blocks.len(), 2, "the text as it is now");
        let problem = fetched.problem.unwrap();
        assert!(
            problem.contains("a.txt") && problem.contains("changed"),
            "{problem}"
        );

        std::fs::remove_file(&path).unwrap();
        let fetched = stored.fetch();
        assert_eq!(fetched.article.title, "Rain returns to the valley");
        assert!(fetched.article.blocks.is_empty());
        assert!(fetched.problem.unwrap().contains("a.txt"));
    }
}
