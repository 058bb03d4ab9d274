//! Every mention of one entity across the collection, one line each, with the
//! text around it: a keyword-in-context concordance.

use crate::article::{Article, Date};
use crate::corpus::Corpus;
use crate::entity::{EntityId, Mention};
use std::borrow::Cow;

/// One mention in the concordance: where it is. The text around it is cut
/// by [`ConcordanceLine::context_in`] from the text [`Texts`] reads, so that
/// only the lines shown are read and cut.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ConcordanceLine {
    /// Index of the article in the corpus.
    pub article: u32,
    /// The article's date.
    pub date: Option<Date>,
    /// The mention: title or block, and byte range.
    pub mention: Mention,
}

/// A mention with its left and right context, whitespace collapsed to single spaces.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Context<'a> {
    /// Up to the requested number of characters before the mention.
    pub left: Cow<'a, str>,
    /// The mention as written.
    pub mention: Cow<'a, str>,
    /// Up to the requested number of characters after the mention.
    pub right: Cow<'a, str>,
}

/// The orders a concordance can be read in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortBy {
    /// Oldest first (undated last), then collection order and reading order.
    #[default]
    Date,
    /// Alphabetically by the word before the mention.
    WordBefore,
    /// Alphabetically by the word after the mention.
    WordAfter,
}

/// Every mention of `id`, oldest first.
pub fn concordance(corpus: &Corpus, id: EntityId) -> Vec<ConcordanceLine> {
    let index = &corpus.index;
    // Ordering the articles rather than the lines: fewer to sort, and each
    // article's mentions are already in reading order.
    let mut articles: Vec<(Option<Date>, u32, usize)> = index
        .positions_of(id)
        .map(|(a, slot)| (index.date(a as usize), a, slot))
        .collect();
    articles.sort_unstable_by_key(|&(date, a, _)| (date.is_none(), date, a));
    articles
        .into_iter()
        .flat_map(|(date, a, slot)| {
            index
                .mentions_of(&index.of_article(a as usize)[slot])
                .iter()
                .map(move |&mention| ConcordanceLine {
                    article: a,
                    date,
                    mention,
                })
        })
        .collect()
}

/// Reorders `lines`; lines with the same key stay in date order.
pub fn sort(lines: &mut [ConcordanceLine], corpus: &Corpus, by: SortBy) {
    let by_date =
        |l: &ConcordanceLine| (l.date.is_none(), l.date, l.article, l.mention.order_key());
    match by {
        SortBy::Date => lines.sort_unstable_by_key(by_date),
        SortBy::WordBefore | SortBy::WordAfter => {
            // In date order each article's lines are together: its text is
            // read once (from its file, when the collection left it there).
            lines.sort_unstable_by_key(by_date);
            let mut texts = Texts::new(corpus);
            lines.sort_by_cached_key(|l| {
                let text = texts.of(l);
                let word = if by == SortBy::WordBefore {
                    l.word_before_in(text)
                } else {
                    l.word_after_in(text)
                };
                word.to_lowercase()
            });
        }
    }
}

/// The texts of concordance lines, read an article at a time: lines of one
/// article in a row read it once.
pub struct Texts<'a> {
    corpus: &'a Corpus,
    last: Option<(u32, Cow<'a, Article>)>,
}

impl<'a> Texts<'a> {
    /// Reads from `corpus`.
    pub fn new(corpus: &'a Corpus) -> Texts<'a> {
        Texts { corpus, last: None }
    }

    /// The text of the title or block `line`'s mention is in.
    pub fn of(&mut self, line: &ConcordanceLine) -> &str {
        let a = line.article;
        if self.last.as_ref().is_none_or(|(last, _)| *last != a) {
            let article = match self.corpus.articles.get(a as usize) {
                Some(stored) => stored.fetch().article,
                None => Cow::Owned(Article::default()),
            };
            self.last = Some((a, article));
        }
        let article = self.last.as_ref().map(|(_, article)| article.as_ref());
        article.map_or("", |article| {
            article.text_of(line.mention.block.map(|b| b as usize))
        })
    }
}

impl ConcordanceLine {
    /// The title of the mention's article.
    pub fn title<'a>(&self, corpus: &'a Corpus) -> &'a str {
        corpus
            .articles
            .get(self.article as usize)
            .map_or("", |a| a.title())
    }

    /// The text before and after the mention in `text`, split off at
    /// character boundaries (a range that does not fall on them counts as empty).
    fn parts<'t>(&self, text: &'t str) -> (&'t str, &'t str, &'t str) {
        let (start, end) = (self.mention.start as usize, self.mention.end as usize);
        match (text.get(..start), text.get(start..end), text.get(end..)) {
            (Some(l), Some(m), Some(r)) => (l, m, r),
            _ => ("", "", ""),
        }
    }

    /// The mention with up to `width` characters of context on each side, in
    /// `text`, the text the mention is in (see [`Texts`]).
    pub fn context_in<'t>(&self, text: &'t str, width: usize) -> Context<'t> {
        let (left, mention, right) = self.parts(text);
        let left_cut = left
            .char_indices()
            .rev()
            .nth(width.saturating_sub(1))
            .map_or(0, |(i, _)| i);
        let left = if width == 0 { "" } else { &left[left_cut..] };
        let right_cut = right
            .char_indices()
            .nth(width)
            .map_or(right.len(), |(i, _)| i);
        Context {
            left: collapse_whitespace(left),
            mention: collapse_whitespace(mention),
            right: collapse_whitespace(&right[..right_cut]),
        }
    }

    /// The word just before the mention in `text`, the text the mention is in
    /// (empty at its start).
    pub fn word_before_in<'t>(&self, text: &'t str) -> &'t str {
        let before = self
            .parts(text)
            .0
            .trim_end_matches(|c: char| !c.is_alphanumeric());
        let start = before
            .char_indices()
            .rev()
            .take_while(|&(_, c)| c.is_alphanumeric())
            .last()
            .map_or(before.len(), |(i, _)| i);
        &before[start..]
    }

    /// The word just after the mention in `text`, the text the mention is in
    /// (empty at its end).
    pub fn word_after_in<'t>(&self, text: &'t str) -> &'t str {
        let after = self
            .parts(text)
            .2
            .trim_start_matches(|c: char| !c.is_alphanumeric());
        let end = after
            .char_indices()
            .find(|&(_, c)| !c.is_alphanumeric())
            .map_or(after.len(), |(i, _)| i);
        &after[..end]
    }
}

/// `text` with every run of white space (tabs, line breaks, no-break spaces …)
/// as one plain space; borrowed when it already is.
pub fn collapse_whitespace(text: &str) -> Cow<'_, str> {
    let mut prev_space = false;
    let clean = text.chars().all(|c| {
        let ok = !c.is_whitespace() || (c == ' ' && !prev_space);
        prev_space = c.is_whitespace();
        ok
    });
    if clean {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut prev_space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            if !prev_space {
                out.push(' ');
            }
            prev_space = true;
        } else {
            out.push(c);
            prev_space = false;
        }
    }
    Cow::Owned(out)
}
