//! Screens over the reader: an entity's profile (timeline, co-mentions,
//! concordance) and the collection's entity browser with its fuzzy filter.
//! They stack: `Esc` closes the top one and returns to what was under it.

use super::{App, ListCursor};
use crate::app::Command;
use crate::corpus::Corpus;
use crate::entity::profile::{ConcordanceLine, Profile, SortBy, Texts, concordance};
use crate::entity::{EntityId, EntityKind};
use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32Str};
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use std::cmp::Reverse;

/// A screen shown over the reader.
#[derive(Debug, Clone)]
pub enum Overlay {
    /// One entity's profile.
    Profile(ProfileView),
    /// All entities of the collection.
    Browser(Browser),
}

/// The part of the profile that has the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    /// The co-mentioned entities.
    CoMentions,
    /// The concordance lines.
    Concordance,
}

/// The profile screen's state.
#[derive(Debug, Clone)]
pub struct ProfileView {
    /// What is shown.
    pub profile: Profile,
    /// Where the keyboard is.
    pub section: Section,
    /// Selection in the co-mentions.
    pub co: ListCursor,
    /// Selection in the concordance.
    pub lines: ListCursor,
    /// The concordance's order.
    pub sort: SortBy,
    /// The texts of the concordance lines in view.
    pub shown: ShownTexts,
}

/// The texts of the concordance lines in view, read when they come into view
/// (from their files, when the collection left them there), not at every frame.
#[derive(Debug, Clone, Default)]
pub struct ShownTexts {
    /// The first line in view, how many are, and in which order.
    key: Option<(usize, usize, SortBy)>,
    texts: Vec<String>,
}

impl ShownTexts {
    /// The text of concordance line `line`, when it is in view.
    pub fn get(&self, line: usize) -> Option<&str> {
        let (first, _, _) = self.key?;
        self.texts.get(line.checked_sub(first)?).map(String::as_str)
    }

    /// Reads the texts of `lines[first..first + rows]`, unless they are those held.
    fn sync(&mut self, corpus: &Corpus, lines: &[ConcordanceLine], view: (usize, usize, SortBy)) {
        if self.key == Some(view) {
            return;
        }
        let (first, rows, _) = view;
        let mut texts = Texts::new(corpus);
        self.texts = lines
            .iter()
            .skip(first)
            .take(rows)
            .map(|l| texts.of(l).to_string())
            .collect();
        self.key = Some(view);
    }
}

/// One row of the entity browser.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BrowserRow {
    /// A group heading with the number of entities under it.
    Header(EntityKind, usize),
    /// An entity.
    Entity(EntityId),
}

/// The entity browser's state.
#[derive(Debug, Clone, Default)]
pub struct Browser {
    /// The fuzzy filter typed so far.
    pub query: String,
    /// Sorted by name rather than by number of articles.
    pub by_name: bool,
    /// Group headings and matching entities.
    pub rows: Vec<BrowserRow>,
    /// Selection (counting entity rows) and scroll (counting rows).
    pub cursor: ListCursor,
}

/// Where the parts of the profile screen go in `area` (the screen above the
/// status bar); shared by `update` (page sizes) and the view.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ProfileAreas {
    /// The whole screen's frame.
    pub frame: Rect,
    /// Counts, dates, aliases and candidates.
    pub header: Rect,
    /// The timeline chart and its date axis.
    pub timeline: Rect,
    /// The co-mentions list, borders included.
    pub co: Rect,
    /// The concordance, borders included.
    pub lines: Rect,
}

impl ProfileAreas {
    /// The layout of the profile in `area`.
    pub fn new(area: Rect) -> ProfileAreas {
        let inner = area.inner(Margin::new(1, 1));
        let [header, timeline, lists] = Layout::vertical([
            Constraint::Length(3),
            Constraint::Length(6),
            Constraint::Min(0),
        ])
        .areas(inner);
        let co_w = (lists.width / 3).clamp(20.min(lists.width), 40);
        let [co, lines] =
            Layout::horizontal([Constraint::Length(co_w), Constraint::Min(0)]).areas(lists);
        ProfileAreas {
            frame: area,
            header,
            timeline,
            co,
            lines,
        }
    }

    /// Rows of the co-mentions list.
    pub fn co_rows(&self) -> usize {
        self.co.inner(Margin::new(1, 1)).height as usize
    }

    /// Rows of the concordance.
    pub fn line_rows(&self) -> usize {
        self.lines.inner(Margin::new(1, 1)).height as usize
    }
}

/// Moves `cursor` by `command` among `len` items, `page` rows a page.
fn move_cursor(cursor: &mut ListCursor, command: Command, len: usize, page: usize) -> bool {
    let page = page.saturating_sub(1).max(1);
    let last = len.saturating_sub(1);
    let s = cursor.selected;
    cursor.selected = match command {
        Command::Down => s.saturating_add(1),
        Command::Up => s.saturating_sub(1),
        Command::PageDown => s.saturating_add(page),
        Command::PageUp => s.saturating_sub(page),
        Command::HalfPageDown => s.saturating_add((page / 2).max(1)),
        Command::HalfPageUp => s.saturating_sub((page / 2).max(1)),
        Command::Top => 0,
        Command::Bottom => last,
        _ => return false,
    }
    .min(last);
    true
}

impl Browser {
    /// Recomputes the rows for the query and the sort: grouped by kind; within
    /// a group the best fuzzy matches first (name or any alias), then the
    /// entities in most articles, or by name.
    fn refilter(&mut self, app_index: &crate::entity::EntityIndex) {
        let pattern = Pattern::parse(&self.query, CaseMatching::Ignore, Normalization::Smart);
        let mut matcher = Matcher::new(Config::DEFAULT);
        let mut buf = Vec::new();
        let mut hits: Vec<(EntityKind, u32, EntityId)> = Vec::new();
        for (id, e) in app_index.entities().iter().enumerate() {
            let score = if self.query.is_empty() {
                Some(0)
            } else {
                std::iter::once(&e.name)
                    .chain(&e.aliases)
                    .filter_map(|n| pattern.score(Utf32Str::new(n, &mut buf), &mut matcher))
                    .max()
            };
            if let Some(s) = score {
                hits.push((e.kind, s, id as EntityId));
            }
        }
        if self.by_name {
            // Each name lowercased once, not at every comparison.
            hits.sort_by_cached_key(|&(kind, score, id)| {
                (
                    kind,
                    Reverse(score),
                    app_index.entity(id).name.to_lowercase(),
                )
            });
        } else {
            hits.sort_by(|a, b| {
                let (ea, eb) = (app_index.entity(a.2), app_index.entity(b.2));
                (a.0.cmp(&b.0).then(b.1.cmp(&a.1)))
                    .then(eb.articles.len().cmp(&ea.articles.len()))
                    .then(ea.name.cmp(&eb.name))
            });
        }
        self.rows.clear();
        for kind in EntityKind::ALL {
            let group: Vec<EntityId> = hits.iter().filter(|h| h.0 == kind).map(|h| h.2).collect();
            if !group.is_empty() {
                self.rows.push(BrowserRow::Header(kind, group.len()));
                self.rows.extend(group.into_iter().map(BrowserRow::Entity));
            }
        }
        self.cursor = ListCursor::default();
    }

    /// The entity rows, in order.
    pub fn entities(&self) -> impl Iterator<Item = EntityId> + '_ {
        self.rows.iter().filter_map(|r| match r {
            BrowserRow::Entity(id) => Some(*id),
            BrowserRow::Header(..) => None,
        })
    }

    /// The selected entity.
    pub fn selected(&self) -> Option<EntityId> {
        self.entities().nth(self.cursor.selected)
    }
}

impl App {
    /// The screen shown over the reader, if any.
    pub fn overlay(&self) -> Option<&Overlay> {
        self.overlays.last()
    }

    /// Whether keys go to the entity browser's filter.
    pub fn is_browsing(&self) -> bool {
        matches!(self.overlay(), Some(Overlay::Browser(_)))
    }

    /// The layout of the profile screen at the current size.
    pub fn profile_areas(&self) -> ProfileAreas {
        let (w, h) = self.size;
        ProfileAreas::new(Rect::new(0, 0, w, h.saturating_sub(1)))
    }

    /// Opens the profile of `id` over what is shown.
    pub(super) fn open_profile(&mut self, id: EntityId) {
        if id as usize >= self.corpus.index.len() {
            return;
        }
        self.overlays.push(Overlay::Profile(ProfileView {
            profile: Profile::build(&self.corpus, id),
            section: Section::Concordance,
            co: ListCursor::default(),
            lines: ListCursor::default(),
            sort: SortBy::Date,
            shown: ShownTexts::default(),
        }));
    }

    /// `p`: the profile of the active entity, else of the sidebar's selection.
    pub(super) fn profile_command(&mut self) {
        match self.active.or_else(|| self.sidebar_selected()) {
            Some(id) => self.open_profile(id),
            None => self.message = Some("no entity to profile: pick one in the sidebar".into()),
        }
    }

    /// `E`: the entity browser.
    pub(super) fn open_browser(&mut self) {
        let mut b = Browser::default();
        b.refilter(&self.corpus.index);
        self.overlays.push(Overlay::Browser(b));
    }

    /// Handles `command` when a screen is over the reader; whether it did.
    pub(super) fn overlay_command(&mut self, command: Command) -> bool {
        if command == Command::Quit || command == Command::Help {
            return false;
        }
        let areas = self.profile_areas();
        let browser_rows = self.size.1.saturating_sub(3) as usize;
        let Some(top) = self.overlays.last_mut() else {
            return false;
        };
        let mut open: Option<EntityId> = None;
        let mut jump: Option<(EntityId, usize)> = None;
        match (top, command) {
            (_, Command::Cancel) => {
                self.overlays.pop();
            }
            (Overlay::Profile(v), Command::FocusNext | Command::FocusPrev) => {
                v.section = match v.section {
                    Section::CoMentions => Section::Concordance,
                    Section::Concordance => Section::CoMentions,
                };
            }
            (Overlay::Profile(v), Command::CycleSort) => {
                v.sort = match v.sort {
                    SortBy::Date => SortBy::WordBefore,
                    SortBy::WordBefore => SortBy::WordAfter,
                    SortBy::WordAfter => SortBy::Date,
                };
                concordance::sort(&mut v.profile.concordance, &self.corpus, v.sort);
                v.lines = ListCursor::default();
            }
            (Overlay::Profile(v), Command::Open) => match v.section {
                Section::CoMentions => {
                    open = v.profile.co_mentions.get(v.co.selected).map(|c| c.id)
                }
                Section::Concordance => jump = Some((v.profile.id, v.lines.selected)),
            },
            (Overlay::Profile(v), c) => {
                let _ = match v.section {
                    Section::CoMentions => {
                        move_cursor(&mut v.co, c, v.profile.co_mentions.len(), areas.co_rows())
                    }
                    Section::Concordance => move_cursor(
                        &mut v.lines,
                        c,
                        v.profile.concordance.len(),
                        areas.line_rows(),
                    ),
                };
            }
            (Overlay::Browser(b), Command::Open) => open = b.selected(),
            (Overlay::Browser(b), Command::FocusNext | Command::FocusPrev) => {
                b.by_name = !b.by_name;
                b.refilter(&self.corpus.index);
            }
            (Overlay::Browser(b), c) => {
                let n = b.entities().count();
                let _ = move_cursor(&mut b.cursor, c, n, browser_rows);
            }
        }
        if let Some(id) = open {
            self.open_profile(id);
        }
        if let Some((id, line)) = jump {
            self.jump_to_line(id, line);
        }
        true
    }

    /// Typing in the entity browser's filter.
    pub(super) fn browser_edit(&mut self, edit: impl FnOnce(&mut String)) {
        if let Some(Overlay::Browser(b)) = self.overlays.last_mut() {
            edit(&mut b.query);
            b.refilter(&self.corpus.index);
        }
    }

    /// Closes every screen and opens the article of concordance line `line`
    /// of entity `id` at exactly that mention, with `id` active so that
    /// `n`/`N` go on from there.
    fn jump_to_line(&mut self, id: EntityId, line: usize) {
        let Some(Overlay::Profile(v)) = self.overlays.last() else {
            return;
        };
        let Some(l) = v.profile.concordance.get(line).copied() else {
            return;
        };
        self.overlays.clear();
        // Only with captions hidden is the article read to see whether the
        // mention is in one.
        let hidden_caption = self.captions == super::CaptionMode::Hidden
            && !(self.captions).shows(&self.whole(l.article), l.mention.block);
        if hidden_caption {
            self.captions = super::CaptionMode::Inline;
        }
        // A list search filtering the list ends with it.
        self.search_clear();
        self.active = Some(id);
        self.current = None;
        if self.entity_filter {
            self.refilter(false);
        }
        if !self.order.contains(&l.article) {
            // Filtered out of the list: show every article again.
            self.entity_filter = false;
            self.bookmarked_only = false;
            self.refilter(false);
        }
        self.open_article(l.article);
        self.focus = super::Focus::Reader;
        self.sync_layout();
        self.set_current(l.mention);
    }

    /// Keeps the screens' selections in range and in view.
    pub(super) fn settle_overlays(&mut self) {
        let areas = self.profile_areas();
        let browser_rows = self.size.1.saturating_sub(3) as usize;
        for o in &mut self.overlays {
            match o {
                Overlay::Profile(v) => {
                    v.co.settle(v.profile.co_mentions.len(), areas.co_rows());
                    v.lines
                        .settle(v.profile.concordance.len(), areas.line_rows());
                    let view = (v.lines.offset, areas.line_rows(), v.sort);
                    v.shown.sync(&self.corpus, &v.profile.concordance, view);
                }
                Overlay::Browser(b) => {
                    let n = b.entities().count();
                    b.cursor.selected = b.cursor.selected.min(n.saturating_sub(1));
                    let row = b
                        .rows
                        .iter()
                        .enumerate()
                        .filter(|(_, r)| matches!(r, BrowserRow::Entity(_)))
                        .nth(b.cursor.selected)
                        .map_or(0, |(i, _)| i);
                    let row = if b.cursor.selected == 0 { 0 } else { row };
                    b.cursor.settle_row(row, b.rows.len(), browser_rows);
                }
            }
        }
    }
}
