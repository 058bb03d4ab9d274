//! Loading a collection: paths in parallel, per-file diagnostics, the Corpus the app reads.

pub mod cache;
pub mod load;
pub mod stored;
pub mod stream;

pub use load::{
    Format, MAX_FILE_BYTES, Origin, Source, discover, load, load_saving, parse_bytes, read_source,
    read_source_keyed,
};

use crate::article::Article;
use crate::entity::index::NameKeys;
use crate::entity::{self, EntityIndex};
use rayon::prelude::*;
use std::fmt;
use stored::StoredArticle;

/// How bad a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    /// The input was read, with something worth knowing.
    Warning,
    /// The input (or part of it) could not be read.
    Error,
}

/// A problem with one input, printed as `dateline: PATH: reason`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The input's path as given (JSON records: `path#N`).
    pub path: String,
    /// What went wrong.
    pub message: String,
    /// Warning or error.
    pub severity: Severity,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.severity {
            Severity::Error => write!(f, "dateline: {}: {}", self.path, self.message),
            Severity::Warning => write!(f, "dateline: {}: warning: {}", self.path, self.message),
        }
    }
}

/// The articles of a collection and their entity index.
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    /// Articles in input order.
    pub articles: Vec<StoredArticle>,
    /// Entities across all articles.
    pub index: EntityIndex,
}

impl Corpus {
    /// Article `i` whole (read again from its file when it was left there;
    /// see [`StoredArticle::fetch`]).
    ///
    /// # Panics
    /// When there is no article `i`.
    pub fn article(&self, i: usize) -> std::borrow::Cow<'_, Article> {
        self.articles[i].fetch().article
    }

    /// Builds the corpus of `articles`, extracting entities in parallel,
    /// a slice at a time so that the entities found wait in memory only
    /// until they are indexed.
    pub fn from_articles(articles: Vec<Article>) -> Corpus {
        let mut index = EntityIndex::new();
        for (n, slice) in articles.chunks(4096).enumerate() {
            let found: Vec<_> = slice.par_iter().map(entity::extract).collect();
            for (i, (article, ents)) in slice.iter().zip(found).enumerate() {
                let n = (n * 4096 + i) as u32;
                index.add_entities(n, article.date, &ents, &[], &mut NameKeys::default());
            }
        }
        index.merge_aliases();
        let articles = articles.into_iter().map(StoredArticle::kept).collect();
        Corpus { articles, index }
    }
}
