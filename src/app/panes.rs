//! Where each pane goes for a terminal size: shared by `update` (viewport
//! heights, mouse hits) and the view, so both agree without feedback.

use ratatui::layout::{Margin, Rect};

/// Which pane has the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Focus {
    /// The article list.
    List,
    /// The article text.
    Reader,
    /// The entity sidebar.
    Sidebar,
}

impl Focus {
    /// The pane after this one (`Tab`).
    pub fn next(self) -> Focus {
        match self {
            Focus::List => Focus::Reader,
            Focus::Reader => Focus::Sidebar,
            Focus::Sidebar => Focus::List,
        }
    }

    /// The pane before this one (`Shift-Tab`).
    pub fn prev(self) -> Focus {
        self.next().next()
    }
}

/// Below this width the sidebar folds away (shown over the reader when focused).
pub const FOLD_SIDEBAR: u16 = 100;
/// Below this width only the focused pane shows.
pub const ONE_PANE: u16 = 60;

/// The rectangles of one frame. A pane not shown has an empty rectangle.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Panes {
    /// The article list, borders included.
    pub list: Rect,
    /// The reader, borders included.
    pub reader: Rect,
    /// The sidebar, borders included.
    pub sidebar: Rect,
    /// Whether the sidebar is drawn over the reader.
    pub overlay: bool,
    /// The status bar.
    pub status: Rect,
}

impl Panes {
    /// The layout of a `width`×`height` terminal with `focus` on one pane.
    pub fn new(width: u16, height: u16, focus: Focus) -> Panes {
        let main = Rect::new(0, 0, width, height.saturating_sub(1));
        let status = Rect::new(0, main.height, width, height.min(1));
        let mut p = Panes {
            status,
            ..Panes::default()
        };
        if width < ONE_PANE {
            match focus {
                Focus::List => p.list = main,
                Focus::Reader => p.reader = main,
                Focus::Sidebar => p.sidebar = main,
            }
            return p;
        }
        let list_w = if width >= FOLD_SIDEBAR {
            (width / 4).clamp(28, 50)
        } else {
            (width * 7 / 20).clamp(22, 34)
        };
        p.list = Rect {
            width: list_w,
            ..main
        };
        let rest = Rect {
            x: list_w,
            width: width - list_w,
            ..main
        };
        if width >= FOLD_SIDEBAR {
            let side_w = (width * 9 / 50).clamp(26, 36);
            p.reader = Rect {
                width: rest.width - side_w,
                ..rest
            };
            p.sidebar = Rect {
                x: p.reader.right(),
                width: side_w,
                ..rest
            };
        } else {
            p.reader = rest;
            if focus == Focus::Sidebar {
                let side_w = rest.width.min(36);
                p.sidebar = Rect {
                    x: rest.right() - side_w,
                    width: side_w,
                    ..rest
                };
                p.overlay = true;
            }
        }
        p
    }

    /// Inside the list's borders.
    pub fn list_inner(&self) -> Rect {
        self.list.inner(Margin::new(1, 1))
    }

    /// Inside the sidebar's borders.
    pub fn sidebar_inner(&self) -> Rect {
        self.sidebar.inner(Margin::new(1, 1))
    }

    /// Where the article text goes: inside the borders, one column of padding each side.
    pub fn reader_text(&self) -> Rect {
        self.reader.inner(Margin::new(2, 1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_terminal_shows_three_panes_side_by_side() {
        let p = Panes::new(200, 50, Focus::List);
        assert!(p.list.width > 0 && p.reader.width > 0 && p.sidebar.width > 0);
        assert_eq!(p.list.width + p.reader.width + p.sidebar.width, 200);
        assert!(!p.overlay);
        // Room for a body column and a caption column at 200 columns.
        assert!(super::super::wrap::fits_alongside(p.reader_text().width));
    }

    #[test]
    fn sidebar_folds_below_100_and_one_pane_below_60() {
        let p = Panes::new(99, 30, Focus::Reader);
        assert_eq!(p.sidebar, Rect::default());
        let p = Panes::new(99, 30, Focus::Sidebar);
        assert!(p.overlay && p.sidebar.width > 0);
        assert!(p.sidebar.x >= p.reader.x && p.sidebar.right() == p.reader.right());
        let p = Panes::new(59, 20, Focus::Sidebar);
        assert_eq!((p.sidebar.width, p.list.width, p.reader.width), (59, 0, 0));
    }

    #[test]
    fn tiny_sizes_do_not_underflow() {
        for w in 0..5 {
            for h in 0..4 {
                let p = Panes::new(w, h, Focus::Reader);
                assert!(p.reader.height <= h && p.status.height <= 1);
                let _ = p.reader_text();
            }
        }
    }
}
