//! What can happen to the app: commands bound to keys, and everything else.

use crate::corpus::stored::StoredArticle;
use crate::corpus::stream::Progress;
use crate::entity::{EntityId, EntityIndex};
use crate::state::Marks;
use crate::state::TextPosition;

/// A command a key can be bound to. Its [`Command::name`] is the stable
/// string used in key tables and configuration.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Command {
    /// Move down one line or item.
    Down,
    /// Move up one line or item.
    Up,
    /// Move down a page.
    PageDown,
    /// Move up a page.
    PageUp,
    /// Move down half a page.
    HalfPageDown,
    /// Move up half a page.
    HalfPageUp,
    /// Go to the top.
    Top,
    /// Go to the bottom.
    Bottom,
    /// Focus the next pane.
    FocusNext,
    /// Focus the previous pane.
    FocusPrev,
    /// Open the article (list) or make the entity active (sidebar).
    Open,
    /// Next mention of the active entity, or next search match.
    NextMention,
    /// Previous mention of the active entity, or previous search match.
    PrevMention,
    /// Start a search in the focused pane.
    Search,
    /// Clear the search, close an overlay, or dismiss a message.
    Cancel,
    /// Show only articles that mention the active entity (again: all).
    FilterEntity,
    /// Cycle the list order.
    CycleSort,
    /// Cycle caption mode: alongside, inline, hidden.
    CycleCaptions,
    /// Toggle the subtle highlighting of other entities.
    ToggleHighlights,
    /// Show or hide the entity sidebar.
    ToggleSidebar,
    /// Mark the selected (list) or open article read, or unread again.
    ToggleRead,
    /// Bookmark the selected (list) or open article, or remove its bookmark.
    ToggleBookmark,
    /// Show only bookmarked articles (again: all).
    BookmarkedOnly,
    /// The profile of the active entity: timeline, co-mentions, concordance.
    Profile,
    /// The browser of all entities in the collection.
    Browse,
    /// Show or hide the key help.
    Help,
    /// Quit.
    Quit,
}

impl Command {
    /// Every command, in help order.
    pub const ALL: [Command; 27] = [
        Command::Down,
        Command::Up,
        Command::PageDown,
        Command::PageUp,
        Command::HalfPageDown,
        Command::HalfPageUp,
        Command::Top,
        Command::Bottom,
        Command::FocusNext,
        Command::FocusPrev,
        Command::Open,
        Command::NextMention,
        Command::PrevMention,
        Command::Search,
        Command::Cancel,
        Command::FilterEntity,
        Command::CycleSort,
        Command::CycleCaptions,
        Command::ToggleHighlights,
        Command::ToggleSidebar,
        Command::ToggleRead,
        Command::ToggleBookmark,
        Command::BookmarkedOnly,
        Command::Profile,
        Command::Browse,
        Command::Help,
        Command::Quit,
    ];

    /// The stable name, e.g. `next_mention`.
    pub fn name(self) -> &'static str {
        match self {
            Command::Down => "down",
            Command::Up => "up",
            Command::PageDown => "page_down",
            Command::PageUp => "page_up",
            Command::HalfPageDown => "half_page_down",
            Command::HalfPageUp => "half_page_up",
            Command::Top => "top",
            Command::Bottom => "bottom",
            Command::FocusNext => "focus_next",
            Command::FocusPrev => "focus_prev",
            Command::Open => "open",
            Command::NextMention => "next_mention",
            Command::PrevMention => "prev_mention",
            Command::Search => "search",
            Command::Cancel => "cancel",
            Command::FilterEntity => "filter_entity",
            Command::CycleSort => "cycle_sort",
            Command::CycleCaptions => "cycle_captions",
            Command::ToggleHighlights => "toggle_highlights",
            Command::ToggleSidebar => "toggle_sidebar",
            Command::ToggleRead => "toggle_read",
            Command::ToggleBookmark => "toggle_bookmark",
            Command::BookmarkedOnly => "bookmarked_only",
            Command::Profile => "profile",
            Command::Browse => "entities",
            Command::Help => "help",
            Command::Quit => "quit",
        }
    }

    /// The command called `name`.
    pub fn from_name(name: &str) -> Option<Command> {
        Command::ALL.into_iter().find(|c| c.name() == name)
    }
}

/// Everything that changes the app's state; see [`super::App::update`].
#[derive(Debug, Clone)]
pub enum Action {
    /// A bound command.
    Run(Command),
    /// The terminal is now this many columns and rows.
    Resize(u16, u16),
    /// A character typed into the search prompt.
    SearchInput(char),
    /// Delete the last character of the search prompt.
    SearchBackspace,
    /// Leave the search prompt, keeping the search.
    SearchConfirm,
    /// A mouse click at column `x`, row `y`.
    Click {
        /// Column.
        x: u16,
        /// Row.
        y: u16,
    },
    /// The mouse wheel turned over column `x`, row `y`.
    Wheel {
        /// Column.
        x: u16,
        /// Row.
        y: u16,
        /// Towards the end of the content.
        down: bool,
    },
    /// Make this entity active and show its first mention.
    Activate(EntityId),
    /// Return to where a previous session was: the article opened in the
    /// reader where it was read, the entity made active.
    Restore {
        /// The article to open (corpus index).
        article: Option<u32>,
        /// The reader's first row, when `at` is not given or not found.
        scroll: usize,
        /// Where the reader's first row was in the text.
        at: Option<TextPosition>,
        /// The entity to make active.
        entity: Option<EntityId>,
    },
    /// Show this message in the status bar.
    Notify(String),
    /// More articles were read (they get the next corpus indices).
    ArticlesAppended(Vec<StoredArticle>),
    /// The entity index of all articles is complete (loading is over).
    IndexReady(EntityIndex),
    /// How far loading in the background has got.
    Loading(Progress),
    /// The saved read and bookmark marks of the articles numbered from
    /// `from` on, as they arrive; the marks of those before stay as they are
    /// (the user may have changed them meanwhile).
    Marks {
        /// The corpus index of the first.
        from: u32,
        /// Their saved marks, in corpus order.
        marks: Vec<Marks>,
    },
    /// Time passed: carry on with work done a step at a time (see [`super::App::busy`]).
    Tick,
}

impl From<Command> for Action {
    fn from(c: Command) -> Action {
        Action::Run(c)
    }
}

#[cfg(test)]
mod tests {
    use super::Command;

    #[test]
    fn names_are_unique_and_round_trip() {
        for c in Command::ALL {
            assert_eq!(Command::from_name(c.name()), Some(c));
        }
        let mut names: Vec<_> = Command::ALL.iter().map(|c| c.name()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), Command::ALL.len());
        assert_eq!(Command::from_name("nope"), None);
    }
}
