//! The plain-text article format: header line, paragraphs, captions, dateline.
//!
//! ```text
//!  date 2025-07-10 Title of the article
//!
//! Caption paragraph … (Xinhua/Pang Xinglei)
//!
//! HOTAN, Xinjiang, July 9 (Xinhua) -- First paragraph of the body …
//! ```
//!
//! Paragraphs are separated by blank lines; a line indented deeper than the
//! line before it also starts a paragraph (the Reuters wire style), and a line
//! that looks like a table row keeps a paragraph of its own.

use super::credit::find_credit;
use super::dateline::find_dateline;
use super::normalize::{Style, collapse_spaces, is_plain, is_space, push_trimmed, trim_space};
use super::{Article, Block, BlockKind, Date};
use memchr::memmem::Finder;
use std::cell::{OnceCell, RefCell};
use std::sync::LazyLock;

/// Parses the text of one article file. `path` is recorded in the article and
/// used to find a date in the file name when the text has no header.
pub fn parse_text(path: &str, text: &str) -> Article {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let style = Style::of(text);
    let mut lines = Lines(Some(text));
    let mut title = String::new();
    let mut date = None;
    // The first non-blank line is the header, or else the title.
    for line in lines.by_ref() {
        let (header, t) = match split_header(line) {
            Some((d, t)) => {
                date = d;
                (true, t)
            }
            None => (false, line),
        };
        if push_trimmed(&mut title, "", t, style) || header {
            break;
        }
    }
    collapse_spaces(&mut title);
    let date = date.or_else(|| date_in_file_name(path));
    let blocks = blocks_of_lines(lines, style);
    let mut article = Article {
        path: path.to_string(),
        date,
        title,
        dateline: None,
        blocks,
    };
    article.dateline = find_dateline(&article.blocks);
    article
}

/// Splits `text` into paragraphs and classifies each as body or caption.
/// The dateline is found separately (see [`find_dateline`]).
pub(crate) fn blocks_of_text(text: &str) -> Vec<Block> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    blocks_of_lines(Lines(Some(text)), Style::of(text))
}

/// Turns finished paragraph texts into blocks (caption when it ends in a credit).
pub(crate) fn block_of_paragraph(text: String) -> Block {
    match find_credit(&text) {
        Some(credit) => Block {
            kind: BlockKind::Caption,
            text,
            credit: Some(Box::new(credit)),
        },
        None => Block {
            kind: BlockKind::Body,
            text,
            credit: None,
        },
    }
}

fn blocks_of_lines<'a>(lines: impl Iterator<Item = &'a str>, style: Style) -> Vec<Block> {
    // Blocks are gathered in a list kept from one article to the next, then
    // moved out into one list of their number: one allocation, none spare.
    SPARE.with_borrow_mut(|(blocks, para)| {
        blocks.clear();
        para.clear();
        push_blocks(lines, style, blocks, para);
        let mut exact = Vec::with_capacity(blocks.len());
        exact.append(blocks);
        if blocks.capacity() > KEPT_BLOCKS {
            *blocks = Vec::new();
        }
        if para.capacity() > KEPT_PARAGRAPH {
            *para = String::new();
        }
        exact
    })
}

/// The most blocks a thread's spare list keeps room for.
const KEPT_BLOCKS: usize = 1024;

/// The longest paragraph a thread's spare buffer keeps room for.
const KEPT_PARAGRAPH: usize = 64 << 10;

thread_local! {
    /// The list the blocks of the article parsed last were gathered in, and
    /// the buffer its paragraphs were joined in.
    static SPARE: RefCell<(Vec<Block>, String)> = const { RefCell::new((Vec::new(), String::new())) };
}

/// Appends the paragraphs of `lines` to `blocks`, joining the lines of each
/// in `para` (empty).
fn push_blocks<'a>(
    lines: impl Iterator<Item = &'a str>,
    style: Style,
    blocks: &mut Vec<Block>,
    para: &mut String,
) {
    // Indentation of the previous line of the current paragraph.
    let mut prev_indent = 0usize;
    let mut prev = Line::new("");
    let mut para = Paragraph {
        first: "",
        joined: para,
    };
    let flush = |para: &mut Paragraph, blocks: &mut Vec<Block>| {
        if !para.is_empty() {
            blocks.push(block_of_paragraph(para.take()));
        }
    };
    for line in lines {
        let line = Line::new(line);
        let indent = indentation(line.raw);
        // Whether lines look like table rows is asked only of lines that
        // could join a paragraph.
        if line.trimmed.is_empty()
            || (!para.is_empty() && (indent > prev_indent || line.tabular() || prev.tabular()))
        {
            flush(&mut para, blocks);
        }
        if !para.push(line.trimmed, style) {
            // nothing but control characters: a blank line
            flush(&mut para, blocks);
        }
        prev_indent = indent;
        prev = line;
    }
    flush(&mut para, blocks);
}

/// The paragraph being gathered. Its lines are joined in `joined`, kept from
/// one paragraph to the next, and copied out once, at their size; a first
/// line that needs no cleaning is only noted until a second one comes, so
/// that a paragraph of one line is copied straight from the text.
struct Paragraph<'a, 'b> {
    /// The first line, trimmed and plain, not yet in `joined` ("" for none).
    first: &'a str,
    joined: &'b mut String,
}

impl<'a> Paragraph<'a, '_> {
    fn is_empty(&self) -> bool {
        self.first.is_empty() && self.joined.is_empty()
    }

    /// Adds a trimmed line, as [`push_trimmed`] does; whether anything was added.
    fn push(&mut self, line: &'a str, style: Style) -> bool {
        if line.is_empty() {
            return false;
        }
        if self.is_empty() && is_plain(line.as_bytes(), style) {
            self.first = line;
            return true;
        }
        if !self.first.is_empty() {
            self.joined.push_str(self.first);
            self.first = "";
        }
        push_trimmed(self.joined, " ", line, style)
    }

    /// The paragraph's text, leaving it empty.
    fn take(&mut self) -> String {
        if !self.first.is_empty() {
            return std::mem::take(&mut self.first).to_owned();
        }
        let text = self.joined.as_str().to_owned();
        self.joined.clear();
        text
    }
}

/// Recognizes the header ` date YYYY-MM-DD Title`: the date (when valid) and the title.
fn split_header(line: &str) -> Option<(Option<Date>, &str)> {
    let rest = line.trim_start_matches(is_space);
    let word = rest.get(..4)?;
    if !word.eq_ignore_ascii_case("date") {
        return None;
    }
    let rest = &rest[4..];
    let after = rest.trim_start_matches(is_space);
    if after.len() == rest.len() {
        return None; // `date` must be followed by white space
    }
    let iso = after.get(..10)?;
    let shaped = iso.bytes().enumerate().all(|(i, b)| {
        if i == 4 || i == 7 {
            b == b'-'
        } else {
            b.is_ascii_digit()
        }
    });
    let tail = &after[10..];
    if !shaped || tail.starts_with(|c: char| !is_space(c)) {
        return None;
    }
    Some((Date::parse_iso(iso), tail.trim_matches(is_space)))
}

/// A date written as `YYYY-MM-DD` or `YYYYMMDD` in the file name of `path`.
pub(crate) fn date_in_file_name(path: &str) -> Option<Date> {
    let name = path.rsplit(['/', '\\']).next().unwrap_or(path).as_bytes();
    let digit = |i: usize| name.get(i).is_some_and(u8::is_ascii_digit);
    let num = |r: std::ops::Range<usize>| -> u16 {
        name[r].iter().fold(0, |n, b| n * 10 + u16::from(b - b'0'))
    };
    for i in 0..name.len() {
        if i > 0 && digit(i - 1) || !(0..4).all(|k| digit(i + k)) {
            continue;
        }
        let (month, day, end) = if name.get(i + 4) == Some(&b'-')
            && name.get(i + 7) == Some(&b'-')
            && [5, 6, 8, 9].iter().all(|&k| digit(i + k))
        {
            (num(i + 5..i + 7), num(i + 8..i + 10), i + 10)
        } else if (4..8).all(|k| digit(i + k)) {
            (num(i + 4..i + 6), num(i + 6..i + 8), i + 8)
        } else {
            continue;
        };
        let year = num(i..i + 4);
        if digit(end) || !(1800..=2200).contains(&year) {
            continue;
        }
        if let Some(d) = Date::new(year, month as u8, day as u8) {
            return Some(d);
        }
    }
    None
}

/// Width of the leading white space (a tab counts as four).
fn indentation(line: &str) -> usize {
    let mut n = 0;
    for c in line.chars() {
        match c {
            '\t' => n += 4,
            '\r' | '\n' => break,
            c if is_space(c) => n += 1,
            _ => break,
        }
    }
    n
}

/// A line of the text, without white space at either end, and whether it
/// looks like a table row (found when first asked).
struct Line<'a> {
    raw: &'a str,
    trimmed: &'a str,
    tabular: OnceCell<bool>,
}

impl<'a> Line<'a> {
    fn new(raw: &'a str) -> Line<'a> {
        Line {
            raw,
            trimmed: trim_space(raw),
            tabular: OnceCell::new(),
        }
    }

    /// See [`looks_tabular`].
    fn tabular(&self) -> bool {
        *self.tabular.get_or_init(|| looks_tabular(self.trimmed))
    }
}

/// A row of a table: leader dots (`Net free reserves.......644`) or a wide gap.
fn looks_tabular(line: &str) -> bool {
    static DOTS: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new("...."));
    static GAP: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new("   "));
    DOTS.find(line.as_bytes()).is_some() || GAP.find(line.as_bytes()).is_some()
}

/// The lines of `text` (split at `\n`; a `\r` before it stays and counts as white space).
struct Lines<'a>(Option<&'a str>);

impl<'a> Iterator for Lines<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let rest = self.0?;
        // Half the lines of most texts are the blank ones between paragraphs.
        if let Some(after) = rest.strip_prefix('\n') {
            self.0 = Some(after);
            return Some("");
        }
        match memchr::memchr(b'\n', rest.as_bytes()) {
            Some(i) => {
                self.0 = Some(&rest[i + 1..]);
                Some(&rest[..i])
            }
            None => self.0.take(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(a: &Article) -> Vec<&str> {
        a.blocks.iter().map(|b| b.text.as_str()).collect()
    }

    #[test]
    fn header_with_and_without_leading_space_any_case() {
        for line in [
            " date 2025-07-10 A title",
            "date 2025-07-10 A title",
            "  DATE 2025-07-10   A title  ",
        ] {
            let a = parse_text("x.txt", &format!("{line}\n\nBody."));
            assert_eq!(a.date, Date::new(2025, 7, 10), "{line:?}");
            assert_eq!(a.title, "A title", "{line:?}");
            assert_eq!(texts(&a), ["Body."]);
        }
    }

    #[test]
    fn header_without_title() {
        let a = parse_text("x.txt", " date 1987-02-26\n\nTABLE\n");
        assert_eq!(a.date, Date::new(1987, 2, 26));
        assert_eq!(a.title, "");
        assert_eq!(texts(&a), ["TABLE"]);
    }

    #[test]
    fn no_header_takes_first_line_as_title_and_date_from_file_name() {
        let a = parse_text(
            "wire/xinhua_XIN_ENG_20051102.0217.txt",
            "Day 5 roundup\n\nText.\n",
        );
        assert_eq!(a.title, "Day 5 roundup");
        assert_eq!(a.date, Date::new(2005, 11, 2));
        assert_eq!(texts(&a), ["Text."]);
        let a = parse_text("dir/xinhua_2025-07-10_pairing.txt", "Title\nText.");
        assert_eq!(a.date, Date::new(2025, 7, 10));
        let a = parse_text("dir/notes.txt", "Title\nText.");
        assert_eq!(a.date, None);
    }

    #[test]
    fn file_name_date_ignores_longer_numbers_and_invalid_dates() {
        assert_eq!(date_in_file_name("a/123456789.txt"), None);
        assert_eq!(date_in_file_name("a/20051399.txt"), None);
        assert_eq!(
            date_in_file_name("2005-01-01/x_XIE19980808.0031"),
            Date::new(1998, 8, 8)
        );
    }

    #[test]
    fn an_articles_header_keeps_path_date_and_title_alone() {
        let a = parse_text(
            "a.txt",
            " date 2025-07-10 Title\n\nHOTAN, July 9 (Xinhua) -- Text.\n",
        );
        let header = a.header();
        assert_eq!(
            (header.path.as_str(), header.date, header.title.as_str()),
            ("a.txt", a.date, "Title")
        );
        assert!(header.blocks.is_empty() && header.dateline.is_none());
        assert!(a.date.is_some() && !a.blocks.is_empty());
        assert_eq!(a.into_header(), header);
    }

    #[test]
    fn a_word_starting_with_date_is_not_a_header() {
        let a = parse_text("x.txt", "Dated reports 2025-07-10\n\nBody.");
        assert_eq!(a.title, "Dated reports 2025-07-10");
        assert_eq!(a.date, None);
    }

    #[test]
    fn crlf_bom_tabs_nbsp_and_blank_line_runs() {
        let text = "\u{FEFF} date 2025-07-10 Title\r\n\r\n\r\n\tFirst\u{A0}line\r\ncontinues\r\n \r\n\r\nSecond.\r\n";
        let a = parse_text("x.txt", text);
        assert_eq!(a.title, "Title");
        assert_eq!(a.date, Date::new(2025, 7, 10));
        assert_eq!(texts(&a), ["First line continues", "Second."]);
    }

    #[test]
    fn hard_wrapped_lines_are_joined_with_one_space() {
        let a = parse_text("x.txt", "T\n\nOne\ntwo   \nthree\n\n\n\nfour\n");
        assert_eq!(texts(&a), ["One two three", "four"]);
        // Lines indented alike are one paragraph too.
        let a = parse_text("x.txt", "T\n\n\tOne\n\ttwo\n    three\n");
        assert_eq!(texts(&a), ["One two three"]);
    }

    #[test]
    fn indented_lines_start_paragraphs_reuters_style() {
        let text = " date 1987-02-26 T\n\n    CLEVELAND, Feb 26 - Standard Oil\nInc said it plans.\n    BP North America\nis a unit.\n";
        let a = parse_text("x.txt", text);
        assert_eq!(
            texts(&a),
            [
                "CLEVELAND, Feb 26 - Standard Oil Inc said it plans.",
                "BP North America is a unit."
            ]
        );
    }

    #[test]
    fn table_rows_keep_their_own_paragraphs() {
        let text = "T\n\nWEEKLY REPORT\n    Two weeks ended Feb 25      daily avgs\n Net free reserves.......644 vs...1,337\n Bank borrowings.........680 vs.....425\n";
        let a = parse_text("x.txt", text);
        assert_eq!(a.blocks.len(), 4, "{:?}", texts(&a));
        // A row between lines of text parts them too.
        let a = parse_text("x.txt", "T\n\nIntro\nNet.....644\nnext\nline\n");
        assert_eq!(texts(&a), ["Intro", "Net.....644", "next line"]);
    }

    #[test]
    fn control_characters_are_dropped() {
        let a = parse_text("x.txt", "T\u{1b}[31m\n\nBody\u{7}.\n\u{3}\n");
        assert_eq!(a.title, "T[31m");
        assert_eq!(texts(&a), ["Body."]);
    }

    fn kinds(a: &Article) -> String {
        a.blocks
            .iter()
            .map(|b| match b.kind {
                BlockKind::Body => 'b',
                BlockKind::Caption => 'c',
            })
            .collect()
    }

    #[test]
    fn captions_anywhere_several_in_a_row_or_none() {
        let text = " date 2025-07-10 T\n\nOne. (Xinhua/Pang Xinglei)\n\nTwo. (Xinhua/Li Xiang, Wang Peng)\n\nBEIJING, Dec. 3 (Xinhua) -- Text.\n\nMiddle. (Photo by Zhang Wei/Xinhua)\n\nThe Communist Party of China (CPC) met.\n\nLast. (Reuters/Jane Doe)\n";
        let a = parse_text("x.txt", text);
        assert_eq!(kinds(&a), "ccbcbc");
        let d = a.dateline.unwrap();
        assert_eq!((d.block, d.place.as_str()), (2, "BEIJING"));
        let a = parse_text("x.txt", "T\n\nNo captions (none at all).\n\nStill none.");
        assert_eq!(kinds(&a), "bb");
        // The list of blocks holds no spare room.
        assert_eq!(a.blocks.capacity(), a.blocks.len());
    }

    #[test]
    fn a_dateline_paragraph_of_its_own_stays_a_block() {
        for (text, place) in [
            (
                "T\n\nJOHANNESBURG, August 7 (Xinhua) --\n\nSouth Africa deplored.\n",
                "JOHANNESBURG",
            ),
            (
                "T\n\nNAIROBI, Kenya (AP) _\n\nBombs exploded.\n",
                "NAIROBI, Kenya",
            ),
            ("T\n\nWASHINGTON _\n\nThe bombings.\n", "WASHINGTON"),
        ] {
            let a = parse_text("x.txt", text);
            let d = a.dateline.unwrap();
            assert_eq!(
                (d.place.as_str(), d.block, d.len),
                (place, 0, a.blocks[0].text.len())
            );
            assert_eq!(a.blocks.len(), 2);
        }
    }

    #[test]
    fn reuters_indented_story_with_dateline_and_entities() {
        let text = " date 1987-02-26 STANDARD OIL &lt;SRD> UNIT\n\n    CLEVELAND, Feb 26 - Standard Oil\nsaid.\n    BP &lt;BP> owns 55 pct.\n\n Reuter\n&#3;\n";
        let a = parse_text("x.txt", text);
        assert_eq!(a.title, "STANDARD OIL <SRD> UNIT");
        assert_eq!(
            texts(&a),
            [
                "CLEVELAND, Feb 26 - Standard Oil said.",
                "BP <BP> owns 55 pct.",
                "Reuter"
            ]
        );
        let d = a.dateline.unwrap();
        assert_eq!(
            (d.place.as_str(), d.date.as_deref(), d.agency),
            ("CLEVELAND", Some("Feb 26"), None)
        );
    }

    #[test]
    fn empty_and_header_only_inputs() {
        let a = parse_text("x.txt", "");
        assert_eq!((a.title.as_str(), a.blocks.len()), ("", 0));
        let a = parse_text("x.txt", " date 1987-02-26 FLASH HEADLINE\n");
        assert_eq!((a.title.as_str(), a.blocks.len()), ("FLASH HEADLINE", 0));
    }
}
