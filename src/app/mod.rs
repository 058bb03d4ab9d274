//! Application state and its `update(Action)`; no terminal code here.
//!
//! [`App`] owns the [`Corpus`] and all view state. [`App::update`] is the only
//! way it changes; the view (`crate::ui`) reads it through the accessors and
//! reads no file. `update` is pure but for reading articles whose text the
//! collection left in their files: the open article, the bodies a list search
//! steps through, the concordance lines that come into view, and, with
//! captions hidden, the articles `n`/`N` pass over (to skip caption mentions).

mod action;
mod list;
mod mentions;
pub mod panes;
mod profile;
mod search;
mod sidebar;
pub mod wrap;

pub use action::{Action, Command};
pub use list::SortOrder;
pub use panes::{Focus, Panes};
pub use profile::{Browser, BrowserRow, Overlay, ProfileAreas, ProfileView, Section};
pub use search::{Search, SearchScope};
pub use sidebar::SidebarRow;
pub use wrap::{ArticleLayout, CaptionMode};

use crate::article::Article;
use crate::corpus::Corpus;
use crate::corpus::stream::Progress;
use crate::entity::{EntityId, Mention};
use crate::keymap::Keymap;
use crate::state::{Marks, TextPart, TextPosition};
use std::borrow::Cow;
use wrap::LayoutKey;

/// A scroll position in a list: the selected item and the first row shown.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ListCursor {
    /// Index of the selected item.
    pub selected: usize,
    /// Index of the first visible row.
    pub offset: usize,
}

impl ListCursor {
    /// Keeps `selected` within `len` items and visible in `height` rows.
    fn settle(&mut self, len: usize, height: usize) {
        self.selected = self.selected.min(len.saturating_sub(1));
        self.settle_row(self.selected, len, height);
    }

    /// Scrolls so that row `row` of `len` is visible in `height` rows.
    fn settle_row(&mut self, row: usize, len: usize, height: usize) {
        if height == 0 {
            return;
        }
        if row < self.offset {
            self.offset = row;
        } else if row >= self.offset + height {
            self.offset = row + 1 - height;
        }
        self.offset = self.offset.min(len.saturating_sub(height));
    }
}

/// The reader's state: the corpus, what is shown and where.
#[derive(Debug)]
pub struct App {
    corpus: Corpus,
    keymap: Keymap,
    /// Corpus indices of the articles in the list, filtered and sorted.
    order: Vec<u32>,
    list: ListCursor,
    open: Option<u32>,
    /// The open article whole (its text read again from its file when the
    /// collection left it there; see the module documentation).
    text: Option<(u32, Article)>,
    layout: Option<ArticleLayout>,
    scroll: usize,
    sidebar: ListCursor,
    focus: Focus,
    sort: SortOrder,
    captions: CaptionMode,
    subtle: bool,
    active: Option<EntityId>,
    current: Option<Mention>,
    search: Option<Search>,
    entity_filter: bool,
    /// Read and bookmark marks, by corpus index.
    marks: Vec<Marks>,
    bookmarked_only: bool,
    message: Option<String>,
    help: Option<usize>,
    /// Screens over the reader (profiles, entity browser), top last.
    overlays: Vec<profile::Overlay>,
    size: (u16, u16),
    quit: bool,
    loading: Option<Progress>,
    /// Every article in list order, before filtering.
    sorted: Vec<u32>,
    /// The list search's progress through the bodies.
    scan: list::BodyScan,
    /// The titles, for the list search.
    titles: list::Titles,
    /// The dates, for the list order.
    dates: list::Dates,
    /// Whether the user has done anything yet (until then, the newest
    /// article is kept open while articles arrive).
    touched: bool,
}

impl App {
    /// The reader over `corpus`, newest article first and open, at 80×24
    /// until the first [`Action::Resize`].
    pub fn new(corpus: Corpus) -> App {
        let mut app = App {
            corpus,
            keymap: Keymap::default(),
            order: Vec::new(),
            list: ListCursor::default(),
            open: None,
            text: None,
            layout: None,
            scroll: 0,
            sidebar: ListCursor::default(),
            focus: Focus::List,
            sort: SortOrder::NewestFirst,
            captions: CaptionMode::Alongside,
            subtle: true,
            active: None,
            current: None,
            search: None,
            entity_filter: false,
            marks: Vec::new(),
            bookmarked_only: false,
            message: None,
            help: None,
            overlays: Vec::new(),
            size: (80, 24),
            quit: false,
            loading: None,
            sorted: Vec::new(),
            scan: list::BodyScan::default(),
            titles: list::Titles::default(),
            dates: list::Dates::default(),
            touched: false,
        };
        app.reorder();
        if let Some(&first) = app.order.first() {
            app.open_article(first);
        }
        app.settle();
        app
    }

    /// Replaces the key bindings (the help and hints follow them).
    pub fn with_keymap(mut self, keymap: Keymap) -> App {
        self.keymap = keymap;
        self
    }

    /// Sets the read and bookmark marks of the articles (by corpus index) and
    /// the list order and caption mode to start with.
    pub fn with_settings(
        mut self,
        marks: Vec<Marks>,
        sort: SortOrder,
        captions: CaptionMode,
    ) -> App {
        self.marks = marks;
        self.sort = sort;
        self.captions = captions;
        self.reorder();
        self.settle();
        self
    }

    /// Applies one action. The only way the state changes.
    pub fn update(&mut self, action: Action) {
        self.touched |= matches!(
            action,
            Action::Run(_)
                | Action::SearchInput(_)
                | Action::Click { .. }
                | Action::Wheel { .. }
                | Action::Activate(_)
        );
        match action {
            Action::Run(command) => {
                self.message = None;
                self.run(command);
            }
            Action::Resize(w, h) => self.size = (w, h),
            Action::SearchInput(c) if self.is_browsing() => self.browser_edit(|q| q.push(c)),
            Action::SearchBackspace if self.is_browsing() => self.browser_edit(|q| {
                q.pop();
            }),
            Action::SearchConfirm if self.is_browsing() => {
                self.overlay_command(Command::Open);
            }
            Action::SearchInput(c) => self.search_edit(|q| q.push(c)),
            Action::SearchBackspace => self.search_edit(|q| {
                q.pop();
            }),
            Action::SearchConfirm => self.search_confirm(),
            // The mouse acts on the reader's panes only.
            Action::Click { .. } | Action::Wheel { .. } if !self.overlays.is_empty() => {}
            Action::Click { x, y } => self.click(x, y),
            Action::Wheel { x, y, down } => {
                let delta = if down { 3 } else { -3 };
                if let Some(pane) = self.pane_at(x, y) {
                    self.move_in(pane, delta);
                }
            }
            Action::Activate(id) => self.activate(id),
            Action::Restore {
                article,
                scroll,
                at,
                entity,
            } => {
                let article = article.filter(|&a| (a as usize) < self.corpus.articles.len());
                if let Some(a) = article {
                    // The reader's width depends on the focus: laid out as shown.
                    self.focus = Focus::Reader;
                    self.open_article(a);
                    self.scroll = at.and_then(|p| self.row_at(p)).unwrap_or(scroll);
                }
                // Back in the article the user was reading, the entity is
                // active there; it opens no other (which would mark it read).
                match (entity, article) {
                    (Some(id), Some(_)) => _ = self.make_active(id),
                    (Some(id), None) => self.activate(id),
                    (None, _) => {}
                }
            }
            Action::Notify(message) => self.message = Some(message),
            Action::ArticlesAppended(articles) => {
                let first = self.corpus.articles.len() as u32;
                self.corpus.articles.extend(articles);
                self.append_sorted(first);
                // Until the user does something, the newest article shows.
                let follow = self.open.is_none() || !self.touched;
                if let Some(&first) = self.order.first().filter(|_| follow) {
                    self.open_article(first);
                }
            }
            Action::IndexReady(index) => {
                // Entity ids change with the index: profiles would be stale.
                self.overlays.clear();
                self.loading = None;
                self.replace_index(index);
            }
            Action::Loading(progress) => self.loading = Some(progress),
            Action::Tick => self.search_step(),
            Action::Marks { from, marks } => {
                let from = from as usize;
                if self.marks.len() < from {
                    self.marks.resize(from, Marks::default());
                }
                self.marks.truncate(from);
                self.marks.extend(marks);
                if self.bookmarked_only {
                    self.refilter(false);
                }
            }
        }
        self.settle();
    }

    fn run(&mut self, command: Command) {
        if let (Some(top), false) = (self.help, command == Command::Quit) {
            self.help = match command {
                Command::Help | Command::Cancel => None,
                Command::Down => Some(top + 1),
                Command::Up => Some(top.saturating_sub(1)),
                Command::PageDown | Command::HalfPageDown => Some(top + 10),
                Command::PageUp | Command::HalfPageUp => Some(top.saturating_sub(10)),
                Command::Top => Some(0),
                Command::Bottom => Some(usize::MAX),
                _ => Some(top),
            };
            return;
        }
        if !self.overlays.is_empty() && self.overlay_command(command) {
            return;
        }
        let page = self.page(self.focus) as isize;
        match command {
            Command::Down => self.move_in(self.focus, 1),
            Command::Up => self.move_in(self.focus, -1),
            Command::PageDown => self.move_in(self.focus, page),
            Command::PageUp => self.move_in(self.focus, -page),
            Command::HalfPageDown => self.move_in(self.focus, (page / 2).max(1)),
            Command::HalfPageUp => self.move_in(self.focus, -(page / 2).max(1)),
            Command::Top => self.move_in(self.focus, isize::MIN),
            Command::Bottom => self.move_in(self.focus, isize::MAX),
            Command::FocusNext => self.focus = self.focus.next(),
            Command::FocusPrev => self.focus = self.focus.prev(),
            Command::Open => match self.focus {
                Focus::List => self.open_selected(),
                Focus::Sidebar => match self.sidebar_selected() {
                    // Enter on the active entity: its profile.
                    Some(id) if self.active == Some(id) => self.open_profile(id),
                    Some(id) => self.activate(id),
                    None => {}
                },
                Focus::Reader => {}
            },
            Command::NextMention => self.step(true),
            Command::PrevMention => self.step(false),
            Command::Search => self.search_start(),
            Command::Cancel => {
                if self.search.is_some() {
                    self.search_clear();
                } else if self.focus == Focus::Sidebar && self.panes().overlay {
                    self.focus = Focus::Reader;
                }
            }
            Command::FilterEntity => self.toggle_entity_filter(),
            Command::CycleSort => {
                self.sort = self.sort.next();
                self.reorder();
                self.message = Some(format!("sorted by {}", self.sort.label()));
            }
            Command::CycleCaptions => {
                self.captions = self.captions.next();
                // A reader search no longer steps to matches in hidden captions.
                self.search_rematch();
                let narrow = self.captions == CaptionMode::Alongside
                    && !wrap::fits_alongside(self.reader_width());
                self.message = Some(format!(
                    "captions {}{}",
                    self.captions.label(),
                    if narrow {
                        " (inline: pane too narrow)"
                    } else {
                        ""
                    }
                ));
            }
            Command::ToggleHighlights => {
                self.subtle = !self.subtle;
                self.message = Some(
                    if self.subtle {
                        "highlighting all entities"
                    } else {
                        "highlighting the active entity only"
                    }
                    .into(),
                );
            }
            Command::ToggleSidebar => {
                self.focus = if self.focus == Focus::Sidebar {
                    Focus::Reader
                } else {
                    Focus::Sidebar
                };
            }
            Command::ToggleRead => self.toggle_mark("read", "unread", |m| &mut m.read),
            Command::ToggleBookmark => {
                self.toggle_mark("bookmarked", "bookmark removed", |m| &mut m.bookmarked);
                if self.bookmarked_only {
                    let at = self.list.selected;
                    let selected = self.order.get(at).copied();
                    self.refilter(false);
                    // The article unbookmarked left the list: the next one
                    // takes its place under the cursor.
                    if selected.is_some_and(|a| !self.order.contains(&a)) {
                        self.list.selected = at.min(self.order.len().saturating_sub(1));
                    }
                }
            }
            Command::BookmarkedOnly => {
                self.bookmarked_only = !self.bookmarked_only;
                self.refilter(false);
                self.message = Some(if self.bookmarked_only {
                    format!("{} bookmarked articles", self.order.len())
                } else {
                    format!("all {} articles", self.order.len())
                });
            }
            Command::Profile => self.profile_command(),
            Command::Browse => self.open_browser(),
            Command::Help => self.help = Some(0),
            Command::Quit => self.quit = true,
        }
    }

    /// Rows a page move covers in `pane`.
    fn page(&self, pane: Focus) -> usize {
        let p = self.panes();
        let h = match pane {
            Focus::List => p.list_inner().height,
            Focus::Reader => self.reader_height() as u16,
            Focus::Sidebar => p.sidebar_inner().height,
        };
        (h as usize).saturating_sub(1).max(1)
    }

    /// Moves the selection (list, sidebar) or the text (reader) by `delta`.
    fn move_in(&mut self, pane: Focus, delta: isize) {
        let shift = |v: usize| v.saturating_add_signed(delta);
        match pane {
            Focus::List => self.list.selected = shift(self.list.selected),
            Focus::Sidebar => self.sidebar.selected = shift(self.sidebar.selected),
            Focus::Reader => self.scroll = shift(self.scroll),
        }
    }

    fn open_selected(&mut self) {
        if let Some(&a) = self.order.get(self.list.selected) {
            self.open_article(a);
            self.focus = Focus::Reader;
        }
    }

    /// The marks of article `a`, for changing.
    fn marks_mut(&mut self, a: u32) -> &mut Marks {
        let i = a as usize;
        if self.marks.len() <= i {
            self.marks.resize(i + 1, Marks::default());
        }
        &mut self.marks[i]
    }

    /// Flips one mark of the selected (list) or open article.
    fn toggle_mark(&mut self, on: &str, off: &str, mark: fn(&mut Marks) -> &mut bool) {
        let target = match self.focus {
            Focus::List => self.selected(),
            _ => self.open,
        };
        let Some(a) = target else {
            self.message = Some("no article".into());
            return;
        };
        let flag = mark(self.marks_mut(a));
        *flag = !*flag;
        self.message = Some(if *flag { on } else { off }.to_string());
    }

    /// Shows article `a` in the reader from its top, selects it in the list,
    /// and marks it read.
    fn open_article(&mut self, a: u32) {
        self.marks_mut(a).read = true;
        if self.open != Some(a) {
            self.open = Some(a);
            self.scroll = 0;
            self.current = None;
            self.sidebar = ListCursor::default();
        }
        if let Some(pos) = self.order.iter().position(|&x| x == a) {
            self.list.selected = pos;
        }
        self.sync_layout();
        self.search_refresh();
    }

    fn click(&mut self, x: u16, y: u16) {
        if self.help.take().is_some() {
            return;
        }
        let p = self.panes();
        match self.pane_at(x, y) {
            Some(Focus::List) => {
                let row = (y - p.list_inner().y) as usize + self.list.offset;
                if row < self.order.len() {
                    self.list.selected = row;
                    self.open_selected();
                }
            }
            Some(Focus::Sidebar) => {
                self.focus = Focus::Sidebar;
                let row = (y - p.sidebar_inner().y) as usize + self.sidebar.offset;
                let rows = self.sidebar_rows();
                if let Some(SidebarRow::Entity { id, .. }) = rows.get(row) {
                    let k = rows[..row]
                        .iter()
                        .filter(|r| matches!(r, SidebarRow::Entity { .. }))
                        .count();
                    self.sidebar.selected = k;
                    self.activate(*id);
                }
            }
            Some(Focus::Reader) => {
                self.focus = Focus::Reader;
                if let Some((id, m)) = self.mention_at(x, y) {
                    self.activate(id);
                    self.set_current(m);
                }
            }
            None => {}
        }
    }

    /// The entity mention drawn at cell (`x`, `y`) of the reader.
    fn mention_at(&self, x: u16, y: u16) -> Option<(EntityId, Mention)> {
        let (layout, a) = (self.layout.as_ref()?, self.open?);
        let text = self.panes().reader_text();
        let row = layout
            .rows
            .get(self.scroll + y.checked_sub(text.y)? as usize)?;
        let column = x.checked_sub(text.x)?;
        let (seg, left) = match (row.main, row.side) {
            (_, Some(side)) if column >= layout.side_x + wrap::SIDE_RULE => {
                (side, layout.side_x + wrap::SIDE_RULE)
            }
            (Some(main), _) if matches!(main.role, wrap::Role::Caption | wrap::Role::Credit) => {
                (main, wrap::INLINE_INDENT)
            }
            (Some(main), _) => (main, 0),
            _ => return None,
        };
        let article = self.whole(a);
        let article = article.as_ref();
        let block = match seg.source {
            wrap::Source::Block(b) => Some(b),
            wrap::Source::Title => None,
            wrap::Source::Meta => return None,
        };
        // The byte under the column, counting display widths.
        let column = column.checked_sub(left)?;
        let shown = &layout.text(article, seg.source)[seg.start as usize..seg.end as usize];
        let mut width = 0;
        let offset = shown.char_indices().find_map(|(i, c)| {
            width += unicode_width::UnicodeWidthChar::width(c).unwrap_or(0) as u16;
            (width > column).then_some(seg.start + i as u32)
        })?;
        self.corpus
            .index
            .of_article(a as usize)
            .iter()
            .find_map(|o| {
                self.corpus
                    .index
                    .mentions_of(o)
                    .iter()
                    .find(|m| {
                        m.block == block
                            && layout.display_offset(article, block, m.start) <= offset
                            && offset < layout.display_offset(article, block, m.end)
                    })
                    .map(|&m| (o.id, m))
            })
    }

    /// The pane whose inside holds the cell (`x`, `y`).
    fn pane_at(&self, x: u16, y: u16) -> Option<Focus> {
        let p = self.panes();
        let pos = ratatui::layout::Position::new(x, y);
        if p.sidebar_inner().contains(pos) {
            Some(Focus::Sidebar)
        } else if p.list_inner().contains(pos) {
            Some(Focus::List)
        } else if p.reader.contains(pos) {
            Some(Focus::Reader)
        } else {
            None
        }
    }

    /// Restores every invariant after an action: layout up to date, selections
    /// in range and visible, scroll within the text.
    fn settle(&mut self) {
        if self
            .open
            .is_some_and(|a| a as usize >= self.corpus.articles.len())
        {
            self.open = None;
            self.current = None;
        }
        // A mention hidden by the caption mode is no longer current.
        let hidden = match (self.current, self.open, self.active, &self.search) {
            (Some(m), Some(a), Some(id), None) => !self.visible_mentions(a, id).contains(&m),
            _ => false,
        };
        if hidden {
            self.current = None;
        }
        self.sync_layout();
        let p = self.panes();
        self.list
            .settle(self.order.len(), p.list_inner().height as usize);
        let max_scroll = self.max_scroll();
        self.scroll = self.scroll.min(max_scroll);
        let rows = self.sidebar_rows();
        let entities = rows
            .iter()
            .filter(|r| matches!(r, SidebarRow::Entity { .. }))
            .count();
        self.sidebar.selected = self.sidebar.selected.min(entities.saturating_sub(1));
        let row = sidebar::row_of_entity(&rows, self.sidebar.selected);
        // Keep the group header above the first entity in view.
        let row = if self.sidebar.selected == 0 { 0 } else { row };
        self.sidebar
            .settle_row(row, rows.len(), p.sidebar_inner().height as usize);
        if let Some(top) = self.help {
            self.help = Some(top.min(self.help_max_top()));
        }
        self.settle_overlays();
    }

    /// Re-wraps the open article when its width or caption mode changed,
    /// keeping the reading position.
    fn sync_layout(&mut self) {
        let Some(a) = self.open else {
            self.layout = None;
            self.text = None;
            return;
        };
        if self.text.as_ref().is_none_or(|(t, _)| *t != a) {
            let fetched = self.corpus.articles[a as usize].fetch();
            if let Some(problem) = fetched.problem {
                self.message = Some(problem);
            }
            self.text = Some((a, fetched.article.into_owned()));
        }
        let key = LayoutKey {
            article: a,
            width: self.reader_width(),
            mode: self.captions,
        };
        if self.layout.as_ref().is_some_and(|l| l.key == key) {
            return;
        }
        let Some((_, article)) = &self.text else {
            return;
        };
        let old = self.layout.as_ref().filter(|l| l.key.article == a);
        let anchor = old.and_then(|l| l.anchor(self.scroll));
        // The current mention stays in view if it was.
        let height = self.reader_height();
        let current_shown = old
            .zip(self.current)
            .and_then(|(l, m)| l.row_of(article, &m))
            .is_some_and(|r| r >= self.scroll && r < self.scroll + height);
        let layout = ArticleLayout::build(article, key);
        if let Some((source, offset)) = anchor {
            self.scroll = layout.row_of_anchor(source, offset).unwrap_or(0);
        }
        self.layout = Some(layout);
        if let Some(m) = self.current.filter(|_| current_shown) {
            self.reveal(m);
        }
    }

    /// Scrolls so that mention or match `m` of the open article is in view,
    /// with some context above it.
    fn reveal(&mut self, m: Mention) {
        let (Some(layout), Some(a)) = (&self.layout, self.open) else {
            return;
        };
        let article = self.whole(a);
        let Some(row) = layout.row_of(&article, &m) else {
            return;
        };
        let h = self.reader_height();
        let context = (h / 4).min(3);
        if row < self.scroll + context || row + context >= self.scroll + h {
            self.scroll = row.saturating_sub(h / 3);
        }
        self.scroll = self.scroll.min(self.max_scroll());
    }

    fn max_scroll(&self) -> usize {
        let rows = self.layout.as_ref().map_or(0, |l| l.rows.len());
        rows.saturating_sub(self.reader_height())
    }

    /// Width of the reader's text, as if the reader were showing.
    fn reader_width(&self) -> u16 {
        let (w, h) = self.size;
        Panes::new(w, h, Focus::Reader).reader_text().width
    }

    fn reader_height(&self) -> usize {
        let (w, h) = self.size;
        Panes::new(w, h, Focus::Reader).reader_text().height as usize
    }

    // --- read access for the view and for tests ---

    /// The collection.
    pub fn corpus(&self) -> &Corpus {
        &self.corpus
    }

    /// The key bindings.
    pub fn keymap(&self) -> &Keymap {
        &self.keymap
    }

    /// Where the panes are at the current size.
    pub fn panes(&self) -> Panes {
        Panes::new(self.size.0, self.size.1, self.focus)
    }

    /// The help's last top line worth scrolling to: its lines (the key
    /// bindings, then the mouse's) less those its popup shows at this size.
    fn help_max_top(&self) -> usize {
        let lines = self.keymap.bindings().len() + crate::keymap::MOUSE_HELP.len();
        let shown = usize::from(self.size.1).min(lines + 2).saturating_sub(2);
        lines - shown
    }

    /// The terminal size last reported.
    pub fn size(&self) -> (u16, u16) {
        self.size
    }

    /// Corpus indices of the listed articles, in list order.
    pub fn order(&self) -> &[u32] {
        &self.order
    }

    /// Selection and scroll of the list.
    pub fn list(&self) -> ListCursor {
        self.list
    }

    /// The corpus index of the selected list item.
    pub fn selected(&self) -> Option<u32> {
        self.order.get(self.list.selected).copied()
    }

    /// The corpus index of the article in the reader.
    pub fn open(&self) -> Option<u32> {
        self.open
    }

    /// The article in the reader.
    pub fn open_article_ref(&self) -> Option<&Article> {
        self.text
            .as_ref()
            .filter(|(a, _)| Some(*a) == self.open)
            .map(|(_, article)| article)
    }

    /// Article `a` whole: the open one as read, any other read again.
    pub(super) fn whole(&self, a: u32) -> Cow<'_, Article> {
        match &self.text {
            Some((t, article)) if *t == a => Cow::Borrowed(article),
            _ => self.corpus.articles[a as usize].fetch().article,
        }
    }

    /// The open article's wrapped layout.
    pub fn layout(&self) -> Option<&ArticleLayout> {
        self.layout.as_ref()
    }

    /// Where the reader's first row is in the open article's text, which
    /// holds at any width.
    pub fn reading_position(&self) -> Option<TextPosition> {
        let (source, offset) = self.layout.as_ref()?.anchor(self.scroll)?;
        let part = match source {
            wrap::Source::Title => TextPart::Title,
            wrap::Source::Meta => TextPart::Meta,
            wrap::Source::Block(b) => TextPart::Block(b),
        };
        Some(TextPosition { part, offset })
    }

    /// The reader row holding text position `p` of the open article.
    fn row_at(&self, p: TextPosition) -> Option<usize> {
        let source = match p.part {
            TextPart::Title => wrap::Source::Title,
            TextPart::Meta => wrap::Source::Meta,
            TextPart::Block(b) => wrap::Source::Block(b),
        };
        self.layout.as_ref()?.row_of_anchor(source, p.offset)
    }

    /// First reader row shown.
    pub fn scroll(&self) -> usize {
        self.scroll
    }

    /// Selection and scroll of the sidebar (selection counts entities, offset rows).
    pub fn sidebar(&self) -> ListCursor {
        self.sidebar
    }

    /// The focused pane.
    pub fn focus(&self) -> Focus {
        self.focus
    }

    /// The list order.
    pub fn sort(&self) -> SortOrder {
        self.sort
    }

    /// The caption mode asked for.
    pub fn caption_mode(&self) -> CaptionMode {
        self.captions
    }

    /// Whether entities other than the active one are highlighted.
    pub fn subtle_highlights(&self) -> bool {
        self.subtle
    }

    /// The active entity.
    pub fn active(&self) -> Option<EntityId> {
        self.active
    }

    /// The current mention of the active entity in the open article.
    pub fn current(&self) -> Option<Mention> {
        self.current
    }

    /// The search, when one is typed or kept.
    pub fn search(&self) -> Option<&Search> {
        self.search.as_ref()
    }

    /// The read and bookmark marks of article `a` (corpus index).
    pub fn marks(&self, a: u32) -> Marks {
        self.marks.get(a as usize).copied().unwrap_or_default()
    }

    /// Whether the list shows only bookmarked articles.
    pub fn bookmarked_only(&self) -> bool {
        self.bookmarked_only
    }

    /// Whether the list shows only articles mentioning the active entity.
    pub fn entity_filter(&self) -> bool {
        self.entity_filter
    }

    /// The status message.
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    /// The help's scroll position when the help is shown.
    pub fn help(&self) -> Option<usize> {
        self.help
    }

    /// How far loading has got, while articles are still being read.
    pub fn loading(&self) -> Option<Progress> {
        self.loading
    }

    /// Whether work is left for [`Action::Tick`]s: the list search is still
    /// searching article bodies.
    pub fn busy(&self) -> bool {
        self.scan.busy()
    }

    /// The list search's progress: articles searched so far and in all.
    pub fn search_progress(&self) -> (usize, usize) {
        self.scan.progress()
    }

    /// Whether the user has done anything yet (moved, typed, clicked).
    pub fn touched(&self) -> bool {
        self.touched
    }

    /// Whether the user asked to quit.
    pub fn should_quit(&self) -> bool {
        self.quit
    }

    /// Whether keys go to the search prompt.
    pub fn is_editing(&self) -> bool {
        self.search.as_ref().is_some_and(|s| s.editing)
    }

    /// `article 3/120`, then `mention 2/5 of Wang Huning` when there is a current mention.
    pub fn position_label(&self) -> String {
        let total = self.order.len();
        let mut s = match self
            .open
            .and_then(|a| self.order.iter().position(|&x| x == a))
        {
            Some(i) => format!("article {}/{total}", i + 1),
            None if total == 0 => "no articles".to_string(),
            None => format!("{total} articles"),
        };
        if let Some(id) = self.active {
            let name = &self.corpus.index.entity(id).name;
            let ms = self
                .open
                .map_or(Vec::new(), |a| self.visible_mentions(a, id));
            match self.current.and_then(|c| ms.iter().position(|m| *m == c)) {
                Some(i) => s += &format!(" · mention {}/{} of {name}", i + 1, ms.len()),
                None => s += &format!(" · {name}: {} here", ms.len()),
            }
        }
        s
    }
}
