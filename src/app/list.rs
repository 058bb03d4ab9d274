//! The article list: which articles show, in what order.

use super::{App, SearchScope};
use crate::article::Date;
use crate::corpus::stored::StoredArticle;
use aho_corasick::AhoCorasick;
use rayon::prelude::*;
use std::cmp::{Ordering, Reverse};

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

/// The title order: titles compared lower-cased (`str::to_lowercase`, which
/// knows a final sigma), byte by byte without copies when both are ASCII.
fn title_order(a: &StoredArticle, b: &StoredArticle) -> Ordering {
    let (x, y) = (a.title(), b.title());
    if x.is_ascii() && y.is_ascii() {
        let y = y.bytes().map(|c| c.to_ascii_lowercase());
        x.bytes().map(|c| c.to_ascii_lowercase()).cmp(y)
    } else {
        x.to_lowercase().cmp(&y.to_lowercase())
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

/// Text of article bodies searched per step of a list search (a few
/// milliseconds' work at worst), so that a keystroke never waits for the
/// whole collection.
const STEP_BYTES: usize = 1 << 20;

/// Articles searched at once within a step (over every core when their
/// text is in files).
const STEP_ARTICLES: usize = 32;

/// What reading an article again from its file counts for against
/// [`STEP_BYTES`] (on top of its text): a step then reads about 150 files,
/// a couple of milliseconds over two cores.
const FETCH_BYTES: usize = 4 << 10;

/// Every title, ASCII letters lowercased, end to end: one pass of a
/// substring search finds a query in all of them (a search per title
/// costs ten times as much over 100,000 short titles).
#[derive(Debug, Clone, Default)]
pub(super) struct Titles {
    folded: Vec<u8>,
    /// Where each article's title ends in `folded`, by corpus index.
    ends: Vec<usize>,
}

impl Titles {
    /// Adds the titles of the articles not yet added.
    fn sync(&mut self, articles: &[StoredArticle]) {
        for a in articles.iter().skip(self.ends.len()) {
            self.folded
                .extend(a.title().bytes().map(|b| b.to_ascii_lowercase()));
            self.ends.push(self.folded.len());
        }
    }

    /// By corpus index: whether the title contains `query` (ASCII letters
    /// in either case).
    fn matching(&self, query: &str) -> Vec<bool> {
        let mut hit = vec![false; self.ends.len()];
        let query = query.to_ascii_lowercase();
        let finder = memchr::memmem::Finder::new(query.as_bytes());
        let (mut article, mut from) = (0, 0);
        while let Some(found) = self.folded.get(from..).and_then(|rest| finder.find(rest)) {
            let at = from + found;
            // The title the match starts in: a match there, if it ends there
            // too; then on to the next title.
            article += self.ends[article..].partition_point(|&end| end <= at);
            let Some(&end) = self.ends.get(article) else {
                break;
            };
            if at + query.len() <= end {
                hit[article] = true;
                from = end;
            } else {
                from = at + 1;
            }
        }
        hit
    }
}

/// Every article's date by corpus index, beside the articles: merging a
/// batch into the sorted list of 100,000 compares dates that stay in the
/// cache instead of reaching into each article.
#[derive(Debug, Clone, Default)]
pub(super) struct Dates(Vec<Option<Date>>);

impl Dates {
    /// Adds the dates of the articles not yet added.
    fn sync(&mut self, articles: &[StoredArticle]) {
        let new = articles.get(self.0.len()..).unwrap_or_default();
        self.0.extend(new.iter().map(StoredArticle::date));
    }

    /// The date order's key of article `i`: dated articles first.
    fn key(&self, i: u32) -> (bool, Option<Date>) {
        let date = self.0.get(i as usize).copied().flatten();
        (date.is_none(), date)
    }
}

/// The list search's progress through the article bodies: titles are
/// matched at once, bodies a step at a time.
#[derive(Debug, Clone, Default)]
pub(super) struct BodyScan {
    /// The articles the filter applies to, in list order.
    pool: Vec<u32>,
    /// Parallel to `pool`: whether the article matches, as far as known.
    hit: Vec<bool>,
    /// Position in `pool` of the next body to search.
    next: usize,
    /// The query the scan is for.
    query: String,
}

impl BodyScan {
    /// Whether bodies are still to be searched.
    pub(super) fn busy(&self) -> bool {
        self.next < self.pool.len()
    }

    /// Articles searched so far and in all.
    pub(super) fn progress(&self) -> (usize, usize) {
        (self.next, self.pool.len())
    }
}

impl App {
    /// Re-sorts every article and recomputes the list: for a new order only
    /// (the sort key); a filter changed is [`App::refilter`]'s, since the
    /// sorted list always holds every article.
    pub(super) fn reorder(&mut self) {
        self.sync_keys();
        let mut all: Vec<u32> = (0..self.corpus.articles.len() as u32).collect();
        if self.sort == SortOrder::Title {
            // The order of `title_order`, with each title lower-cased once
            // rather than twice per comparison when it is not ASCII.
            let articles = &self.corpus.articles;
            all.sort_by_cached_key(|&i| articles[i as usize].title().to_lowercase());
        } else {
            all.sort_by(|&x, &y| self.compare(x, y));
        }
        self.sorted = all;
        self.refilter(false);
    }

    /// Adds the articles from `first` on (just appended) to the list.
    pub(super) fn append_sorted(&mut self, first: u32) {
        self.sync_keys();
        let mut new: Vec<u32> = (first..self.corpus.articles.len() as u32).collect();
        new.sort_by(|&x, &y| self.compare(x, y));
        // Merged in place from the back: each slot is filled with the
        // greater of what is left, and the articles before the first place
        // a new one goes are not moved. On a tie the older article (lower
        // index) comes first, as a stable sort puts it.
        let mut sorted = std::mem::take(&mut self.sorted);
        let (mut old, mut left) = (sorted.len(), new.len());
        sorted.resize(old + left, 0);
        while left > 0 {
            let slot = old + left - 1;
            if old > 0 && self.compare(sorted[old - 1], new[left - 1]).is_gt() {
                sorted[slot] = sorted[old - 1];
                old -= 1;
            } else {
                sorted[slot] = new[left - 1];
                left -= 1;
            }
        }
        self.sorted = sorted;
        self.refilter(false);
    }

    /// Adds the titles and dates of the articles just appended to those
    /// kept for the list search and order.
    fn sync_keys(&mut self) {
        self.titles.sync(&self.corpus.articles);
        self.dates.sync(&self.corpus.articles);
    }

    /// How articles `x` and `y` compare in the list's order (ties: see the
    /// callers, which sort stably).
    fn compare(&self, x: u32, y: u32) -> Ordering {
        let (dx, dy) = (self.dates.key(x), self.dates.key(y));
        match self.sort {
            SortOrder::NewestFirst => (dx.0, Reverse(dx.1)).cmp(&(dy.0, Reverse(dy.1))),
            SortOrder::OldestFirst => dx.cmp(&dy),
            SortOrder::Title => {
                let articles = &self.corpus.articles;
                title_order(&articles[x as usize], &articles[y as usize])
            }
        }
    }

    /// Recomputes the list from the filters, keeping the selected article
    /// selected when it is still listed. Titles are matched at once; the
    /// bodies are searched by [`App::search_step`]s. When `narrow` (the
    /// query was typed on), a query that contains the previous one searches
    /// only what the previous one matched or had not searched yet.
    pub(super) fn refilter(&mut self, narrow: bool) {
        let keep = self.selected();
        let query = self
            .search
            .as_ref()
            .filter(|s| s.scope == SearchScope::List && !s.query.is_empty())
            .map(|s| s.query.clone());
        let entity = self
            .active
            .filter(|_| self.entity_filter)
            .map(|id| self.corpus.index.articles_of(id));
        let narrowing = narrow
            && query
                .as_ref()
                .is_some_and(|q| !self.scan.query.is_empty() && q.contains(&self.scan.query))
            && self.scan.pool.len() <= self.sorted.len();
        let pool: Vec<u32> = if narrowing {
            let scan = &self.scan;
            (0..scan.pool.len())
                .filter(|&k| scan.hit[k] || k >= scan.next)
                .map(|k| scan.pool[k])
                .filter(|&i| (i as usize) < self.corpus.articles.len())
                .collect()
        } else {
            self.sorted
                .iter()
                .copied()
                .filter(|&i| entity.is_none_or(|list| list.binary_search(&i).is_ok()))
                .filter(|&i| !self.bookmarked_only || self.marks(i).bookmarked)
                .collect()
        };
        self.scan = match query.as_deref().and_then(matcher) {
            None => BodyScan {
                hit: vec![true; pool.len()],
                next: pool.len(),
                pool,
                query: String::new(),
            },
            Some(_) => {
                let query = query.unwrap_or_default();
                let titles = self.titles.matching(&query);
                BodyScan {
                    hit: pool
                        .iter()
                        .map(|&i| titles.get(i as usize) == Some(&true))
                        .collect(),
                    next: 0,
                    pool,
                    query,
                }
            }
        };
        self.search_step();
        self.list.selected = keep
            .and_then(|a| self.order.iter().position(|&x| x == a))
            .unwrap_or(0);
    }

    /// Searches the next bodies of the list search, about [`STEP_BYTES`] of
    /// text, and lists what matched so far.
    pub(super) fn search_step(&mut self) {
        let scan = &mut self.scan;
        let busy = scan.busy();
        if let Some(m) = matcher(&scan.query).filter(|_| busy) {
            let articles = &self.corpus.articles;
            // Whether article `k` of the pool matches, and what that cost.
            let search = |k: usize| {
                let stored = &articles[scan.pool[k] as usize];
                let a = stored.fetch().article;
                let hit = a.blocks.iter().any(|b| m.is_match(&b.text));
                let fetch = if stored.in_file_only() {
                    FETCH_BYTES
                } else {
                    0
                };
                (hit, a.text_len() + fetch)
            };
            let mut bytes = 0;
            while scan.next < scan.pool.len() && bytes < STEP_BYTES {
                // The next few articles their title did not match.
                let mut todo = Vec::with_capacity(STEP_ARTICLES);
                while scan.next < scan.pool.len() && todo.len() < STEP_ARTICLES {
                    if !scan.hit[scan.next] {
                        todo.push(scan.next);
                    }
                    scan.next += 1;
                }
                // Reading files again is most of the cost: over every core then.
                let in_files = todo
                    .iter()
                    .any(|&k| articles[scan.pool[k] as usize].in_file_only());
                let found: Vec<(bool, usize)> = if in_files {
                    todo.par_iter().map(|&k| search(k)).collect()
                } else {
                    todo.iter().map(|&k| search(k)).collect()
                };
                for (&k, (hit, cost)) in todo.iter().zip(found) {
                    scan.hit[k] = hit;
                    bytes += cost;
                }
            }
        }
        let keep = self.order.get(self.list.selected).copied();
        self.order = (0..scan.pool.len())
            .filter(|&k| scan.hit[k])
            .map(|k| scan.pool[k])
            .collect();
        if let Some(pos) = keep.and_then(|a| self.order.iter().position(|&x| x == a)) {
            self.list.selected = pos;
        }
    }

    pub(super) fn toggle_entity_filter(&mut self) {
        let Some(id) = self.active else {
            self.message = Some("no active entity: Enter on one in the sidebar first".into());
            return;
        };
        self.entity_filter = !self.entity_filter;
        self.refilter(false);
        let name = &self.corpus.index.entity(id).name;
        self.message = Some(if self.entity_filter {
            format!("{} articles mentioning {name}", self.order.len())
        } else {
            format!("all {} articles", self.order.len())
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::parse::parse_text;

    fn titled(title: &str) -> StoredArticle {
        StoredArticle::kept(parse_text("a.txt", &format!("{title}\n\nText.")))
    }

    #[test]
    fn titles_order_as_their_lower_case_does() {
        for (x, y) in [
            ("apple pie", "Banana split"),
            ("Zebra", "zebra"),
            ("Ασ", "ΑΣ"),
            ("Έβρος", "ΕΒΡΟΣ"),
            ("Éclair", "eclair"),
        ] {
            let expected = x.to_lowercase().cmp(&y.to_lowercase());
            assert_eq!(title_order(&titled(x), &titled(y)), expected, "{x} {y}");
            assert_eq!(title_order(&titled(y), &titled(x)), expected.reverse());
        }
        assert_eq!(
            title_order(&titled("Ασ"), &titled("ΑΣ")),
            Ordering::Greater,
            "a final capital sigma lower-cases to ς"
        );
    }

    #[test]
    fn the_title_sort_orders_as_title_order_does_ties_by_arrival() {
        let titles = [
            "zebra", "Ασ", "apple", "Zebra", "ΑΣ", "Éclair", "eclair", "Apple",
        ];
        let articles = titles
            .iter()
            .map(|t| parse_text("a.txt", &format!("{t}\n\nText.")))
            .collect();
        let app = App::new(crate::corpus::Corpus::from_articles(articles)).with_settings(
            Vec::new(),
            SortOrder::Title,
            crate::app::CaptionMode::Alongside,
        );
        let stored: Vec<StoredArticle> = titles.iter().map(|t| titled(t)).collect();
        let mut expected: Vec<u32> = (0..titles.len() as u32).collect();
        expected.sort_by(|&x, &y| title_order(&stored[x as usize], &stored[y as usize]));
        assert_eq!(app.sorted, expected);
    }
}
