//! The article list: which articles show, in what order.

use super::{App, SearchScope};
use aho_corasick::AhoCorasick;
use std::cmp::Reverse;

/// The order of the article list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SortOrder {
    /// Newest first; undated articles last.
    NewestFirst,
    /// Oldest first; undated articles last.
    OldestFirst,
    /// By title, ignoring case.
    Title,
}

impl SortOrder {
    /// The next order for `s`.
    pub fn next(self) -> SortOrder {
        match self {
            SortOrder::NewestFirst => SortOrder::OldestFirst,
            SortOrder::OldestFirst => SortOrder::Title,
            SortOrder::Title => SortOrder::NewestFirst,
        }
    }

    /// Words for messages.
    pub fn label(self) -> &'static str {
        match self {
            SortOrder::NewestFirst => "date, newest first",
            SortOrder::OldestFirst => "date, oldest first",
            SortOrder::Title => "title",
        }
    }
}

/// A case-insensitive (ASCII) matcher for `query`, none for an empty query.
pub(super) fn matcher(query: &str) -> Option<AhoCorasick> {
    if query.is_empty() {
        return None;
    }
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build([query])
        .ok()
}

impl App {
    /// Recomputes the list from the filters and the sort order, keeping the
    /// selected article selected when it is still listed.
    pub(super) fn reorder(&mut self) {
        let keep = self.selected();
        let articles = &self.corpus.articles;
        let query = self
            .search
            .as_ref()
            .filter(|s| s.scope == SearchScope::List)
            .and_then(|s| matcher(&s.query));
        let entity = self
            .active
            .filter(|_| self.entity_filter)
            .map(|id| self.corpus.index.articles_of(id));
        let mut order: Vec<u32> = (0..articles.len() as u32)
            .filter(|&i| entity.is_none_or(|list| list.binary_search(&i).is_ok()))
            .filter(|&i| {
                let a = &articles[i as usize];
                query.as_ref().is_none_or(|m| {
                    m.is_match(&a.title) || a.blocks.iter().any(|b| m.is_match(&b.text))
                })
            })
            .collect();
        let date = |i: &u32| articles[*i as usize].date;
        match self.sort {
            SortOrder::NewestFirst => order.sort_by_key(|i| (date(i).is_none(), Reverse(date(i)))),
            SortOrder::OldestFirst => order.sort_by_key(|i| (date(i).is_none(), date(i))),
            SortOrder::Title => {
                order.sort_by_cached_key(|&i| articles[i as usize].title.to_lowercase())
            }
        }
        self.order = order;
        self.list.selected = keep
            .and_then(|a| self.order.iter().position(|&x| x == a))
            .unwrap_or(0);
    }

    pub(super) fn toggle_entity_filter(&mut self) {
        let Some(id) = self.active else {
            self.message = Some("no active entity: Enter on one in the sidebar first".into());
            return;
        };
        self.entity_filter = !self.entity_filter;
        self.reorder();
        let name = &self.corpus.index.entity(id).name;
        self.message = Some(if self.entity_filter {
            format!("{} articles mentioning {name}", self.order.len())
        } else {
            format!("all {} articles", self.order.len())
        });
    }
}
