//! The active entity and the mention cursor: `Enter` in the sidebar, `n`/`N`
//! within an article and on to the next article that mentions it.

use super::App;
use crate::entity::{EntityId, EntityIndex, Mention};

impl App {
    /// The mentions of `id` in article `a` that are on screen in the current
    /// caption mode, in reading order.
    pub fn visible_mentions(&self, a: u32, id: EntityId) -> Vec<Mention> {
        let mentions = self.corpus.index.mentions(a as usize, id);
        if self.captions != super::CaptionMode::Hidden || mentions.is_empty() {
            return mentions.to_vec();
        }
        let article = self.whole(a);
        (mentions.iter())
            .filter(|m| self.captions.shows(&article, m.block))
            .copied()
            .collect()
    }

    /// Makes `id` active and shows its first mention: in the open article when
    /// it has one, else in the first listed article that mentions it.
    pub(super) fn activate(&mut self, id: EntityId) {
        if !self.make_active(id) {
            return;
        }
        let here = self.open.map(|a| self.visible_mentions(a, id));
        if let Some(&first) = here.as_deref().and_then(<[Mention]>::first) {
            self.set_current(first);
            return;
        }
        let target = self
            .order
            .iter()
            .copied()
            .find(|&a| !self.visible_mentions(a, id).is_empty());
        if let Some(a) = target {
            self.open_article(a);
            if let Some(&first) = self.visible_mentions(a, id).first() {
                self.set_current(first);
            }
        }
    }

    /// Makes `id` the active entity (highlighted, followed by `n`/`N`, its
    /// counts in the status line) with no mention current yet, moving
    /// nowhere; `false` when the index has no such entity.
    pub(super) fn make_active(&mut self, id: EntityId) -> bool {
        if id as usize >= self.corpus.index.len() {
            return false;
        }
        self.active = Some(id);
        self.current = None;
        if let Some(s) = &mut self.search {
            s.stepping = false;
        }
        if self.entity_filter {
            self.refilter(false);
        }
        let e = self.corpus.index.entity(id);
        let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
        self.message = Some(format!(
            "{}: {} in {}",
            e.name,
            plural(e.mentions as usize, "mention"),
            plural(e.articles.len(), "article")
        ));
        true
    }

    pub(super) fn set_current(&mut self, m: Mention) {
        self.current = Some(m);
        self.reveal(m);
    }

    /// `n` (`forward`) or `N`: the next search match when stepping through a
    /// search, else the next mention of the active entity, across articles.
    pub(super) fn step(&mut self, forward: bool) {
        if self.search.as_ref().is_some_and(|s| s.stepping) {
            self.step_match(forward);
            return;
        }
        let Some(id) = self.active else {
            self.message = Some("no active entity: Enter on one in the sidebar".into());
            return;
        };
        let name = self.corpus.index.entity(id).name.clone();
        if let Some(a) = self.open {
            let ms = self.visible_mentions(a, id);
            let key = self.current.map(|m| m.order_key());
            let next = if forward {
                ms.iter().find(|m| key.is_none_or(|k| m.order_key() > k))
            } else {
                ms.iter()
                    .rev()
                    .find(|m| key.is_none_or(|k| m.order_key() < k))
            };
            if let Some(&m) = next {
                self.set_current(m);
                return;
            }
        }
        // On to the next (previous) listed article that mentions it.
        let n = self.order.len();
        let here = self
            .open
            .and_then(|a| self.order.iter().position(|&x| x == a));
        let start = here.unwrap_or(self.list.selected.min(n.saturating_sub(1)));
        let steps = if here.is_some() { 1..n + 1 } else { 0..n };
        for step in steps {
            let i = if forward {
                (start + step) % n
            } else {
                (start + n - step % n) % n
            };
            let a = self.order[i];
            let ms = self.visible_mentions(a, id);
            let Some(&m) = (if forward { ms.first() } else { ms.last() }) else {
                continue;
            };
            let wrapped = here.is_some() && if forward { i <= start } else { i >= start };
            if Some(a) == self.open {
                self.message = Some(format!(
                    "only this article mentions {name}: back to its {} mention",
                    if forward { "first" } else { "last" }
                ));
            } else if wrapped {
                self.message = Some(format!(
                    "wrapped around to the {} article mentioning {name}",
                    if forward { "first" } else { "last" }
                ));
            }
            self.open_article(a);
            self.set_current(m);
            return;
        }
        self.message = Some(format!("no listed article mentions {name}"));
    }

    /// Takes the complete index, keeping the active entity by name.
    pub(super) fn replace_index(&mut self, index: EntityIndex) {
        let name = self
            .active
            .map(|id| self.corpus.index.entity(id).name.clone());
        self.corpus.index = index;
        self.active = name.and_then(|n| self.corpus.index.find(&n));
        if let (Some(id), Some(a), Some(c)) = (self.active, self.open, self.current) {
            if !self.visible_mentions(a, id).contains(&c) {
                self.current = None;
            }
        } else {
            self.current = None;
        }
        if self.active.is_none() {
            self.entity_filter = false;
        }
        // The order does not depend on the index, and the sorted list holds
        // every article (each batch was merged into it): only filtered again.
        debug_assert_eq!(self.sorted.len(), self.corpus.articles.len());
        self.refilter(false);
    }
}
