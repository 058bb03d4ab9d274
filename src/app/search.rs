//! `/` search: in the list it filters articles by title and text; in the
//! reader it highlights matches in the open article, and `n`/`N` step them.

use super::{App, Focus, list::matcher};
use crate::entity::Mention;

/// Where a search applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SearchScope {
    /// Filters the article list.
    List,
    /// Highlights matches in the open article.
    Reader,
}

/// A search being typed or kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Search {
    /// The text searched for (ASCII letters match either case).
    pub query: String,
    /// Whether keys go to the prompt.
    pub editing: bool,
    /// List filter or reader highlights.
    pub scope: SearchScope,
    /// Reader scope: the matches in the open article, in reading order.
    pub matches: Vec<Mention>,
    /// Reader scope: the match `n`/`N` reached.
    pub current: Option<usize>,
    /// Whether `n`/`N` step matches (until an entity is made active).
    pub stepping: bool,
}

impl App {
    pub(super) fn search_start(&mut self) {
        let scope = if self.focus == Focus::List {
            SearchScope::List
        } else {
            SearchScope::Reader
        };
        self.search = Some(Search {
            query: String::new(),
            editing: true,
            scope,
            matches: Vec::new(),
            current: None,
            stepping: scope == SearchScope::Reader,
        });
        if scope == SearchScope::List {
            self.refilter(false);
        }
    }

    pub(super) fn search_edit(&mut self, edit: impl FnOnce(&mut String)) {
        let Some(s) = self.search.as_mut().filter(|s| s.editing) else {
            return;
        };
        edit(&mut s.query);
        match s.scope {
            SearchScope::List => self.refilter(true),
            SearchScope::Reader => {
                self.search_refresh();
                // Jump to the first match at or below the top of the view.
                let first = self.search.as_ref().and_then(|s| {
                    let layout = self.layout.as_ref()?;
                    let article = self.open_article_ref()?;
                    s.matches
                        .iter()
                        .position(|m| layout.row_of(article, m).is_some_and(|r| r >= self.scroll))
                        .or((!s.matches.is_empty()).then_some(0))
                });
                self.go_to_match(first);
            }
        }
    }

    pub(super) fn search_confirm(&mut self) {
        let Some(s) = &mut self.search else {
            return;
        };
        s.editing = false;
        if s.query.is_empty() {
            self.search_clear();
        }
    }

    pub(super) fn search_clear(&mut self) {
        let was_list = self
            .search
            .take()
            .is_some_and(|s| s.scope == SearchScope::List);
        if was_list {
            self.refilter(false);
        }
    }

    /// Finds the reader search's matches again (the captions shown
    /// changed), keeping the current one when it is still among them.
    pub(super) fn search_rematch(&mut self) {
        let current = (self.search.as_ref()).and_then(|s| Some(s.matches[s.current?]));
        self.search_refresh();
        if let (Some(s), Some(m)) = (self.search.as_mut(), current) {
            s.current = s.matches.iter().position(|x| *x == m);
        }
    }

    /// Finds the reader search's matches in the open article.
    pub(super) fn search_refresh(&mut self) {
        let Some(s) = self
            .search
            .as_mut()
            .filter(|s| s.scope == SearchScope::Reader)
        else {
            return;
        };
        s.matches.clear();
        s.current = None;
        let (Some(m), Some(a)) = (matcher(&s.query), self.open) else {
            return;
        };
        let Some((_, article)) = self.text.as_ref().filter(|(t, _)| *t == a) else {
            return;
        };
        let captions = self.captions;
        let texts = std::iter::once((None, article.title.as_str())).chain(
            (article.blocks.iter().enumerate())
                .map(|(i, b)| (Some(i as u32), b.text.as_str()))
                .filter(|&(block, _)| captions.shows(article, block)),
        );
        for (block, text) in texts {
            s.matches.extend(m.find_iter(text).map(|hit| Mention {
                block,
                start: hit.start() as u32,
                end: hit.end() as u32,
            }));
        }
    }

    fn go_to_match(&mut self, i: Option<usize>) {
        let Some(s) = &mut self.search else {
            return;
        };
        s.current = i;
        let total = s.matches.len();
        if let Some(m) = i.and_then(|i| s.matches.get(i).copied()) {
            self.reveal(m);
        } else if !s.query.is_empty() && total == 0 {
            self.message = Some(format!("no match for {:?}", s.query));
        }
    }

    pub(super) fn step_match(&mut self, forward: bool) {
        let Some(s) = &self.search else {
            return;
        };
        let n = s.matches.len();
        if n == 0 {
            self.message = Some(format!("no match for {:?}", s.query));
            return;
        }
        let next = match (s.current, forward) {
            (None, true) => 0,
            (None, false) => n - 1,
            (Some(i), true) => (i + 1) % n,
            (Some(i), false) => (i + n - 1) % n,
        };
        if s.current.is_some() && (next == 0 && forward || next == n - 1 && !forward) {
            self.message = Some("search wrapped around".into());
        }
        self.go_to_match(Some(next));
    }
}
