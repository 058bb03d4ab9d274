//! The wrapped layout of one article at one width: which byte range of which
//! text stands on which screen row, in the main column and the caption column.
//!
//! Built once per (article, width, caption mode) and reused while scrolling.
//! Ranges are byte offsets into the *sanitized* text of each source, so the
//! view can slice it directly; [`ArticleLayout::display_offset`] maps model
//! offsets (mentions, search hits) onto it.

use crate::article::{Article, BlockKind, Date};
use crate::entity::Mention;
use crate::sanitize::sanitize;
use textwrap::WordSeparator;
use textwrap::core::break_words;
use textwrap::wrap_algorithms::wrap_first_fit;

/// Where captions go in the reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CaptionMode {
    /// In a column to the right of the body, level with their paragraph.
    Alongside,
    /// Indented, marked blocks in the flow of the text.
    Inline,
    /// Not shown.
    Hidden,
}

impl CaptionMode {
    /// The next mode for `c`.
    pub fn next(self) -> CaptionMode {
        match self {
            CaptionMode::Alongside => CaptionMode::Inline,
            CaptionMode::Inline => CaptionMode::Hidden,
            CaptionMode::Hidden => CaptionMode::Alongside,
        }
    }

    /// Whether block number `block` of `article` (`None`: the title) is
    /// shown in this mode: everything is, but captions when hidden.
    pub fn shows(self, article: &Article, block: Option<u32>) -> bool {
        self != CaptionMode::Hidden
            || block.is_none_or(|b| {
                article.blocks.get(b as usize).map(|b| b.kind) != Some(BlockKind::Caption)
            })
    }

    /// A word for messages.
    pub fn label(self) -> &'static str {
        match self {
            CaptionMode::Alongside => "alongside",
            CaptionMode::Inline => "inline",
            CaptionMode::Hidden => "hidden",
        }
    }
}

/// Narrowest caption column, and the body column it needs beside it.
const MIN_CAPTION: u16 = 28;
const MIN_BODY: u16 = 56;
/// Narrowest width text is wrapped to; narrower panes show it clipped
/// (so a 1×1 terminal does not wrap a long article into a million rows).
const MIN_WRAP: u16 = 12;
/// Columns between the body and the caption column.
pub const GUTTER: u16 = 2;
/// Columns taken by an inline caption's marker and indent (`  ▌ `).
pub const INLINE_INDENT: u16 = 4;
/// Columns taken by the rule in front of an alongside caption (`│ `).
pub const SIDE_RULE: u16 = 2;

/// What text a segment shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// The article's title.
    Title,
    /// The generated metadata line (date · place · agency).
    Meta,
    /// Block `i` of the article.
    Block(u32),
}

impl Source {
    /// Reading-order slot: 0 for the title, `i + 1` for block `i`.
    fn slot(self) -> Option<usize> {
        match self {
            Source::Title => Some(0),
            Source::Block(i) => Some(i as usize + 1),
            Source::Meta => None,
        }
    }
}

/// How a segment is styled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Headline.
    Title,
    /// Metadata line.
    Meta,
    /// Running text.
    Body,
    /// Caption text.
    Caption,
    /// A caption's photo credit, on its own line.
    Credit,
}

/// A byte range of one source's display text on one row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Segment {
    /// Which text.
    pub source: Source,
    /// How to style it.
    pub role: Role,
    /// First byte (display text).
    pub start: u32,
    /// One past the last byte (display text).
    pub end: u32,
}

/// One screen row of the article: main column and caption column.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Row {
    /// Title, metadata, body or inline caption text.
    pub main: Option<Segment>,
    /// An alongside caption's text.
    pub side: Option<Segment>,
}

/// The key a layout is cached under.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LayoutKey {
    /// Corpus index of the article.
    pub article: u32,
    /// Text width in columns.
    pub width: u16,
    /// The caption mode asked for.
    pub mode: CaptionMode,
}

/// An article wrapped to a width.
#[derive(Debug, Clone)]
pub struct ArticleLayout {
    /// What this layout was built for.
    pub key: LayoutKey,
    /// The caption mode in effect (alongside falls back to inline when narrow).
    pub mode: CaptionMode,
    /// Width of the main column.
    pub body_width: u16,
    /// Column where the caption column starts (alongside mode).
    pub side_x: u16,
    /// Width of the caption column, rule included.
    pub side_width: u16,
    /// The rows, top to bottom.
    pub rows: Vec<Row>,
    /// The metadata line, sanitized.
    pub meta: String,
    /// Sanitized text of each slot (title, blocks) where it differs from the original.
    replaced: Vec<Option<String>>,
    /// For each slot, the rows it occupies, ascending.
    slot_rows: Vec<Vec<u32>>,
}

/// Whether a text column of `width` fits a body and a caption column side by side.
pub fn fits_alongside(width: u16) -> bool {
    width >= MIN_BODY + GUTTER + MIN_CAPTION
}

/// Byte ranges of the lines of `text` wrapped to `width` columns.
pub fn wrap_ranges(text: &str, width: usize) -> Vec<(u32, u32)> {
    let width = width.max(1);
    let words = break_words(WordSeparator::new().find_words(text), width);
    let base = text.as_ptr() as usize;
    wrap_first_fit(&words, &[width as f64])
        .iter()
        .filter_map(|line| {
            let first = line.iter().find(|w| !w.word.is_empty())?;
            let last = line.iter().rev().find(|w| !w.word.is_empty())?;
            let start = first.word.as_ptr() as usize - base;
            let end = last.word.as_ptr() as usize - base + last.word.len();
            Some((start as u32, end as u32))
        })
        .collect()
}

/// The metadata line: `2025-07-10 · HOTAN, Xinjiang · Xinhua`.
fn meta_line(article: &Article) -> String {
    let mut parts: Vec<String> = Vec::new();
    if let Some(d) = article.date {
        parts.push(Date::to_string(&d));
    }
    if let Some(dl) = &article.dateline {
        parts.push(sanitize(&dl.place).into_owned());
        if let Some(agency) = &dl.agency {
            parts.push(sanitize(agency).into_owned());
        }
    }
    parts.join(" · ")
}

/// The caption text and credit ranges of a caption block (original offsets).
fn caption_parts(article: &Article, i: usize) -> ((usize, usize), Option<(usize, usize)>) {
    let block = &article.blocks[i];
    let text = block.text.as_str();
    let credit = block.credit.as_ref().filter(|c| {
        c.start <= c.end && text.is_char_boundary(c.start) && text.is_char_boundary(c.end)
    });
    let Some(credit) = credit else {
        return ((0, text.len()), None);
    };
    let b = text.as_bytes();
    let open = if credit.start > 0 && b.get(credit.start - 1) == Some(&b'(') {
        credit.start - 1
    } else {
        credit.start
    };
    let close = if b.get(credit.end) == Some(&b')') {
        credit.end + 1
    } else {
        credit.end
    };
    let open = open.min(text.len());
    let body_end = text[..open].trim_end().len();
    ((0, body_end), Some((open, close.clamp(open, text.len()))))
}

struct Builder<'a> {
    article: &'a Article,
    texts: Vec<std::borrow::Cow<'a, str>>,
    rows: Vec<Row>,
    slot_rows: Vec<Vec<u32>>,
}

impl Builder<'_> {
    fn display(&self, slot: usize, orig: usize) -> usize {
        let original = match slot {
            0 => self.article.title.as_str(),
            s => self.article.blocks[s - 1].text.as_str(),
        };
        display_offset_in(original, &self.texts[slot], orig)
    }

    /// Wraps the original range `range` of `source` to `width` and places the
    /// lines from row `at` in the main or side column; returns the row after.
    fn place(
        &mut self,
        source: Source,
        role: Role,
        range: (usize, usize),
        width: u16,
        at: usize,
        side: bool,
    ) -> usize {
        let slot = source.slot().expect("placed sources have a slot");
        let (start, end) = (self.display(slot, range.0), self.display(slot, range.1));
        let text = &self.texts[slot][start..end];
        let lines = wrap_ranges(text, width as usize);
        let mut row = at;
        for (s, e) in lines {
            if self.rows.len() <= row {
                self.rows.resize(row + 1, Row::default());
            }
            let seg = Segment {
                source,
                role,
                start: start as u32 + s,
                end: start as u32 + e,
            };
            if side {
                self.rows[row].side = Some(seg);
            } else {
                self.rows[row].main = Some(seg);
            }
            self.slot_rows[slot].push(row as u32);
            row += 1;
        }
        row
    }

    fn blank(&mut self) {
        self.rows.push(Row::default());
    }
}

/// Offset in `display` (the sanitized `original`) of byte `orig` of `original`.
/// Offsets inside a character move back to its start. (Sanitizing never
/// shortens a character, so equal lengths mean the same character boundaries.)
fn display_offset_in(original: &str, display: &str, orig: usize) -> usize {
    let mut cut = orig.min(original.len());
    while !original.is_char_boundary(cut) {
        cut -= 1;
    }
    if original.len() == display.len() {
        return cut;
    }
    sanitize(&original[..cut]).len()
}

impl ArticleLayout {
    /// Lays out `article` (corpus index `key.article`) at `key.width` columns.
    pub fn build(article: &Article, key: LayoutKey) -> ArticleLayout {
        let width = key.width.max(MIN_WRAP);
        let has_body = article.blocks.iter().any(|b| b.kind == BlockKind::Body);
        let has_caption = article.blocks.iter().any(|b| b.kind == BlockKind::Caption);
        // Without a caption to stand beside it, the body takes the whole width.
        let alongside = fits_alongside(width) && has_body && has_caption;
        let mode = match key.mode {
            CaptionMode::Alongside if !alongside => CaptionMode::Inline,
            m => m,
        };
        let side_width = if mode == CaptionMode::Alongside {
            (width / 3).clamp(MIN_CAPTION, 40)
        } else {
            0
        };
        let body_width = if side_width > 0 {
            width - side_width - GUTTER
        } else {
            width
        };
        let mut texts = vec![sanitize(&article.title)];
        texts.extend(article.blocks.iter().map(|b| sanitize(&b.text)));
        let mut b = Builder {
            article,
            slot_rows: vec![Vec::new(); texts.len()],
            texts,
            rows: Vec::new(),
        };

        if !article.title.is_empty() {
            let at = b.rows.len();
            b.place(
                Source::Title,
                Role::Title,
                (0, article.title.len()),
                width,
                at,
                false,
            );
        }
        let meta = meta_line(article);
        if !meta.is_empty() {
            b.rows.push(Row {
                main: Some(Segment {
                    source: Source::Meta,
                    role: Role::Meta,
                    start: 0,
                    end: meta.len() as u32,
                }),
                side: None,
            });
        }
        if !b.rows.is_empty() {
            b.blank();
        }

        // Body paragraphs and inline captions in the main column; alongside
        // captions remember the body paragraph they stand next to.
        let mut first_row_of_block = vec![None; article.blocks.len()];
        let mut side_captions = Vec::new();
        for (i, block) in article.blocks.iter().enumerate() {
            let source = Source::Block(i as u32);
            match (block.kind, mode) {
                (BlockKind::Body, _) => {
                    first_row_of_block[i] = Some(b.rows.len());
                    let at = b.rows.len();
                    b.place(
                        source,
                        Role::Body,
                        (0, block.text.len()),
                        body_width,
                        at,
                        false,
                    );
                    b.blank();
                }
                (BlockKind::Caption, CaptionMode::Hidden) => {}
                (BlockKind::Caption, CaptionMode::Alongside) => side_captions.push(i),
                (BlockKind::Caption, CaptionMode::Inline) => {
                    let (text, credit) = caption_parts(article, i);
                    let inner = width.saturating_sub(INLINE_INDENT);
                    let at = b.rows.len();
                    let next = b.place(source, Role::Caption, text, inner, at, false);
                    if let Some(credit) = credit {
                        b.place(source, Role::Credit, credit, inner, next, false);
                    }
                    b.blank();
                }
            }
        }
        if b.rows
            .last()
            .is_some_and(|r| r.main.is_none() && r.side.is_none())
        {
            b.rows.pop();
        }

        // Alongside: each caption level with the next body paragraph (or the
        // previous one at the end), pushed down below the caption before it.
        let mut free = 0;
        for i in side_captions {
            let anchor = (i + 1..article.blocks.len())
                .chain((0..i).rev())
                .find_map(|j| first_row_of_block[j])
                .unwrap_or(0);
            let at = anchor.max(free);
            let (text, credit) = caption_parts(article, i);
            let inner = side_width - SIDE_RULE;
            let source = Source::Block(i as u32);
            let mut next = b.place(source, Role::Caption, text, inner, at, true);
            if let Some(credit) = credit {
                next = b.place(source, Role::Credit, credit, inner, next, true);
            }
            free = next + 1;
        }

        let replaced = b
            .texts
            .into_iter()
            .map(|t| match t {
                std::borrow::Cow::Owned(s) => Some(s),
                std::borrow::Cow::Borrowed(_) => None,
            })
            .collect();
        ArticleLayout {
            key,
            mode,
            body_width,
            side_x: body_width + GUTTER,
            side_width,
            rows: b.rows,
            meta,
            replaced,
            slot_rows: b.slot_rows,
        }
    }

    /// The display (sanitized) text of `source` in `article`.
    pub fn text<'a>(&'a self, article: &'a Article, source: Source) -> &'a str {
        let Some(slot) = source.slot() else {
            return &self.meta;
        };
        if let Some(Some(s)) = self.replaced.get(slot) {
            return s;
        }
        match source {
            Source::Title => &article.title,
            _ => article.text_of(Some(slot - 1)),
        }
    }

    /// Display offset of model byte offset `orig` in block `block` (`None`: title).
    pub fn display_offset(&self, article: &Article, block: Option<u32>, orig: u32) -> u32 {
        let slot = block.map_or(0, |b| b as usize + 1);
        let original = article.text_of(block.map(|b| b as usize));
        let display = match self.replaced.get(slot) {
            Some(Some(display)) => display.as_str(),
            _ => original,
        };
        display_offset_in(original, display, orig as usize) as u32
    }

    /// The row showing the start of `m`, when it is laid out (not in a hidden caption).
    pub fn row_of(&self, article: &Article, m: &Mention) -> Option<usize> {
        let slot = m.block.map_or(0, |b| b as usize + 1);
        let rows = self.slot_rows.get(slot)?;
        let off = self.display_offset(article, m.block, m.start);
        let source = match m.block {
            None => Source::Title,
            Some(b) => Source::Block(b),
        };
        let starts_before = |&r: &u32| {
            self.segment_of(r as usize, source)
                .is_some_and(|s| s.start <= off)
        };
        let i = rows.partition_point(starts_before);
        rows.get(i.saturating_sub(1)).map(|&r| r as usize)
    }

    /// The segment of `source` on row `row`, main or side.
    pub fn segment_of(&self, row: usize, source: Source) -> Option<Segment> {
        let r = self.rows.get(row)?;
        [r.main, r.side]
            .into_iter()
            .flatten()
            .find(|s| s.source == source)
    }

    /// A reading position for row `row`: its first segment's source and start.
    pub fn anchor(&self, row: usize) -> Option<(Source, u32)> {
        self.rows
            .get(row..)?
            .iter()
            .take(3)
            .find_map(|r| r.main.or(r.side))
            .map(|s| (s.source, s.start))
    }

    /// The row holding display offset `offset` of `source`.
    pub fn row_of_anchor(&self, source: Source, offset: u32) -> Option<usize> {
        if source == Source::Meta {
            return self
                .rows
                .iter()
                .position(|r| r.main.is_some_and(|s| s.source == Source::Meta));
        }
        let rows = self.slot_rows.get(source.slot()?)?;
        let i = rows.partition_point(|&r| {
            self.segment_of(r as usize, source)
                .is_some_and(|s| s.start <= offset)
        });
        rows.get(i.saturating_sub(1)).map(|&r| r as usize)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{Block, Credit};

    fn caption(text: &str, credit: &str) -> Block {
        let full = format!("{text} ({credit})");
        let start = full.len() - credit.len() - 1;
        Block {
            kind: BlockKind::Caption,
            credit: Some(Box::new(Credit {
                text: credit.into(),
                agency: None,
                photographers: vec![],
                start,
                end: start + credit.len(),
            })),
            text: full,
        }
    }

    fn body(text: &str) -> Block {
        Block {
            kind: BlockKind::Body,
            text: text.into(),
            credit: None,
        }
    }

    fn article() -> Article {
        Article {
            title: "A title".into(),
            blocks: vec![
                caption("A photo of the harbour at dawn.", "Agency/Some One"),
                body(&"First paragraph words. ".repeat(10)),
                body(&"Second paragraph words. ".repeat(10)),
                caption("Another photo.", "Agency/Other"),
            ],
            ..Article::default()
        }
    }

    fn key(width: u16, mode: CaptionMode) -> LayoutKey {
        LayoutKey {
            article: 0,
            width,
            mode,
        }
    }

    #[test]
    fn wrapped_lines_are_ranges_of_the_text() {
        let text = "one two three four five six";
        let lines = wrap_ranges(text, 9);
        let got: Vec<_> = lines
            .iter()
            .map(|&(s, e)| &text[s as usize..e as usize])
            .collect();
        assert_eq!(got, ["one two", "three", "four five", "six"]);
    }

    #[test]
    fn cjk_wraps_by_display_width() {
        let text = "王沪宁王沪宁王沪宁";
        for (s, e) in wrap_ranges(text, 6) {
            let w = unicode_width::UnicodeWidthStr::width(&text[s as usize..e as usize]);
            assert!(w <= 6, "line {s}..{e} is {w} wide");
        }
    }

    #[test]
    fn captions_alongside_stand_level_with_their_paragraph() {
        let a = article();
        let l = ArticleLayout::build(&a, key(120, CaptionMode::Alongside));
        assert_eq!(l.mode, CaptionMode::Alongside);
        let first_body = l
            .rows
            .iter()
            .position(|r| r.main.is_some_and(|s| s.source == Source::Block(1)))
            .unwrap();
        let first_cap = l
            .rows
            .iter()
            .position(|r| r.side.is_some_and(|s| s.source == Source::Block(0)))
            .unwrap();
        assert_eq!(first_body, first_cap);
        // No caption text in the main column.
        assert!(
            l.rows
                .iter()
                .all(|r| r.main.is_none_or(|s| s.role != Role::Caption))
        );
        // The last caption sits next to the last paragraph, credit on its own row.
        let last_body = l
            .rows
            .iter()
            .position(|r| r.main.is_some_and(|s| s.source == Source::Block(2)))
            .unwrap();
        let credit_row = l
            .rows
            .iter()
            .position(|r| {
                r.side
                    .is_some_and(|s| s.source == Source::Block(3) && s.role == Role::Credit)
            })
            .unwrap();
        assert!(credit_row > last_body);
        let s = l.rows[credit_row].side.unwrap();
        assert_eq!(
            &a.blocks[3].text[s.start as usize..s.end as usize],
            "(Agency/Other)"
        );
    }

    #[test]
    fn narrow_alongside_falls_back_to_inline_and_hidden_drops_captions() {
        let a = article();
        let l = ArticleLayout::build(&a, key(60, CaptionMode::Alongside));
        assert_eq!(l.mode, CaptionMode::Inline);
        assert!(l.rows.iter().all(|r| r.side.is_none()));
        assert!(
            l.rows
                .iter()
                .any(|r| r.main.is_some_and(|s| s.role == Role::Caption))
        );
        let h = ArticleLayout::build(&a, key(60, CaptionMode::Hidden));
        assert!(h.rows.iter().all(|r| {
            r.main
                .is_none_or(|s| !matches!(s.role, Role::Caption | Role::Credit))
        }));
    }

    #[test]
    fn bad_offsets_from_the_model_do_not_panic() {
        let mut a = article();
        a.blocks[0].text = "Ünïcödé caption (Agency/Ñame)".into();
        if let Some(c) = &mut a.blocks[0].credit {
            (c.start, c.end) = (2, 999);
        }
        a.blocks[1].text = "Ärger über Öl".into();
        let l = ArticleLayout::build(&a, key(120, CaptionMode::Alongside));
        let m = Mention {
            block: Some(1),
            start: 1,
            end: 500,
        };
        assert!(l.row_of(&a, &m).is_some());
        assert_eq!(l.display_offset(&a, Some(1), 1), 0, "inside Ä: its start");
        let inline = ArticleLayout::build(&a, key(40, CaptionMode::Inline));
        assert!(
            inline
                .rows
                .iter()
                .any(|r| r.main.is_some_and(|s| s.source == Source::Block(0)))
        );
    }

    #[test]
    fn tiny_widths_wrap_at_a_floor() {
        let a = article();
        let zero = ArticleLayout::build(&a, key(0, CaptionMode::Inline));
        let floor = ArticleLayout::build(&a, key(MIN_WRAP, CaptionMode::Inline));
        assert_eq!(zero.rows, floor.rows);
    }

    #[test]
    fn mentions_map_to_their_rows_also_through_sanitized_text() {
        let mut a = article();
        a.blocks[2].text = format!("\x1b[2J{}Target here.", "filler ".repeat(30));
        let target = a.blocks[2].text.find("Target").unwrap() as u32;
        let l = ArticleLayout::build(&a, key(40, CaptionMode::Hidden));
        let m = Mention {
            block: Some(2),
            start: target,
            end: target + 6,
        };
        let row = l.row_of(&a, &m).unwrap();
        let seg = l.segment_of(row, Source::Block(2)).unwrap();
        let text = l.text(&a, Source::Block(2));
        assert!(!text.contains('\x1b'));
        let d = l.display_offset(&a, Some(2), target) as usize;
        assert_eq!(&text[d..d + 6], "Target");
        assert!(seg.start as usize <= d && d < seg.end as usize);
    }
}
