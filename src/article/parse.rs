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

use super::credit::{SpareCredits, find_credit};
use super::dateline::find_dateline_in;
use super::normalize::{Style, collapse_spaces, is_plain, is_space, push_trimmed, trim_space};
use super::{Article, Block, BlockKind, Credit, Date};
use memchr::memmem::Finder;
use std::cell::{OnceCell, RefCell};
use std::sync::LazyLock;

/// Parses the text of one article file. `path` is recorded in the article and
/// used to find a date in the file name when the text has no header.
pub fn parse_text(path: &str, text: &str) -> Article {
    // Parsed in the thread's room, then copied out at its size.
    with_parser(|parser| parser.parse(path, text).clone())
}

/// Splits `text` into paragraphs and classifies each as body or caption.
/// The dateline is found separately (see
/// [`find_dateline`](super::dateline::find_dateline)).
pub(crate) fn blocks_of_text(text: &str) -> Vec<Block> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    with_parser(|parser| {
        parser.blocks(Lines(Some(text)), Style::of(text));
        parser.article.blocks.clone()
    })
}

/// Turns finished paragraph texts into blocks (caption when it ends in a credit).
pub(crate) fn block_of_paragraph(text: String) -> Block {
    paragraph_block(text, &mut Vec::new())
}

/// [`block_of_paragraph`], a caption's credit written over one of the
/// `spare` credits.
fn paragraph_block(text: String, spare: &mut SpareCredits) -> Block {
    match find_credit(&text, spare) {
        Some(credit) => Block {
            kind: BlockKind::Caption,
            text,
            credit: Some(credit),
        },
        None => Block {
            kind: BlockKind::Body,
            text,
            credit: None,
        },
    }
}

/// Room for parsing article after article: the paragraphs of each are
/// written over those of the one before, so that a thread that parses many
/// allocates no room for them.
#[derive(Debug, Default)]
pub struct Parser {
    /// The article parsed last (its blocks, after [`blocks_of_text`], those
    /// of the text parsed last, beside the last article's header).
    article: Article,
    /// Blocks of articles before it, whose room the next paragraphs take.
    spare: Vec<Block>,
    /// Their credits, whose room the next captions' credits take.
    credits: SpareCredits,
}

impl Parser {
    /// Parses the text of one article file as [`parse_text`] does. The
    /// article stays here until the next is parsed: what is moved out of it
    /// (a header's path and title, say) is allocated anew for the next. A
    /// parser kept by its caller keeps the room of the largest article it
    /// parsed; the thread's (see [`with_parser`]) is bounded.
    pub fn parse(&mut self, path: &str, text: &str) -> &mut Article {
        let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
        let style = Style::of(text);
        let mut lines = Lines(Some(text));
        let article = &mut self.article;
        article.path.clear();
        article.path.push_str(path);
        article.title.clear();
        article.date = None;
        // The first non-blank line is the header, or else the title.
        for line in lines.by_ref() {
            let (header, t) = match split_header(line) {
                Some((d, t)) => {
                    article.date = d;
                    (true, t)
                }
                None => (false, line),
            };
            if push_trimmed(&mut article.title, "", t, style) || header {
                break;
            }
        }
        collapse_spaces(&mut article.title);
        article.date = article.date.or_else(|| date_in_file_name(path));
        self.blocks(lines, style);
        find_dateline_in(&self.article.blocks, &mut self.article.dateline);
        &mut self.article
    }

    /// Sets the article's blocks to the paragraphs of `lines`.
    fn blocks<'a>(&mut self, lines: impl Iterator<Item = &'a str>, style: Style) {
        // Taken back in order, each paragraph gets the room of the one that
        // stood where it stands.
        for mut block in self.article.blocks.drain(..).rev() {
            // A credit keeps the room of the longest written over it.
            let credit = block.credit.take();
            self.credits
                .extend(credit.filter(|c| credit_room(c) <= KEPT_CREDIT));
            self.spare.push(block);
        }
        let spare = (&mut self.spare, &mut self.credits);
        push_blocks(lines, style, &mut self.article.blocks, spare);
    }

    /// Frees the room when it grew beyond what is worth keeping: text of
    /// the path, title and paragraphs, or blocks. (Credits are bounded one
    /// by one as they are kept, in [`Parser::blocks`].)
    fn bound(&mut self) {
        let blocks = self.article.blocks.iter().chain(&self.spare);
        let room = self.article.path.capacity()
            + self.article.title.capacity()
            + blocks.map(|b| b.text.capacity()).sum::<usize>();
        if room > KEPT_TEXT || self.article.blocks.len() + self.spare.len() > KEPT_BLOCKS {
            *self = Parser::default();
        }
    }
}

/// The bytes of text a credit holds room for (its text, agency and
/// photographers' names).
fn credit_room(c: &Credit) -> usize {
    c.text.capacity()
        + c.agency.as_ref().map_or(0, String::capacity)
        + c.photographers.iter().map(String::capacity).sum::<usize>()
}

/// Runs `f` with the thread's [`Parser`] (a new one if `f` parses again).
pub(crate) fn with_parser<R>(f: impl FnOnce(&mut Parser) -> R) -> R {
    crate::kept::with_kept(&PARSER, f, Parser::bound)
}

/// The most blocks a thread's parser keeps room for.
const KEPT_BLOCKS: usize = 1024;

/// The most bytes of title and paragraph text a thread's parser keeps room for.
const KEPT_TEXT: usize = 256 << 10;

/// The most bytes of text a credit kept for the next caption holds room for.
const KEPT_CREDIT: usize = 1 << 10;

thread_local! {
    /// The parser of the thread.
    static PARSER: RefCell<Parser> = RefCell::new(Parser::default());
}

/// Appends the paragraphs of `lines` to `blocks`, writing them in the room
/// of the `spare` blocks and credits.
fn push_blocks<'a>(
    lines: impl Iterator<Item = &'a str>,
    style: Style,
    blocks: &mut Vec<Block>,
    (spare, credits): (&mut Vec<Block>, &mut SpareCredits),
) {
    // Indentation of the previous line of the current paragraph.
    let mut prev_indent = 0usize;
    let mut prev = Line::new("");
    let mut para = Paragraph {
        first: "",
        joined: spare_text(spare),
    };
    let mut flush = |para: &mut Paragraph, blocks: &mut Vec<Block>, spare: &mut Vec<Block>| {
        if !para.is_empty() {
            blocks.push(paragraph_block(para.take(spare), credits));
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
            flush(&mut para, blocks, spare);
        }
        if !para.push(line.trimmed, style) {
            // nothing but control characters: a blank line
            flush(&mut para, blocks, spare);
        }
        prev_indent = indent;
        prev = line;
    }
    flush(&mut para, blocks, spare);
    spare.push(Block {
        kind: BlockKind::Body,
        text: para.joined,
        credit: None,
    });
}

/// The paragraph being gathered, its lines joined in `joined`; a first
/// line that needs no cleaning is only noted until a second one comes or
/// the paragraph ends, so that it is copied once and not looked at again.
struct Paragraph<'a> {
    /// The first line, trimmed and plain, not yet in `joined` ("" for none).
    first: &'a str,
    joined: String,
}

impl<'a> Paragraph<'a> {
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
        self.joined.push_str(std::mem::take(&mut self.first));
        push_trimmed(&mut self.joined, " ", line, style)
    }

    /// The paragraph's text, leaving it empty in the room of a spare block.
    fn take(&mut self, spare: &mut Vec<Block>) -> String {
        self.joined.push_str(std::mem::take(&mut self.first));
        std::mem::replace(&mut self.joined, spare_text(spare))
    }
}

/// The text of a spare block, emptied (a new string when there is none).
fn spare_text(spare: &mut Vec<Block>) -> String {
    spare.pop().map_or_else(String::new, |block| {
        let mut text = block.text;
        text.clear();
        text
    })
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
    fn a_short_article_after_a_long_one_is_parsed_as_alone() {
        let long = " date 2025-07-10 A long title\n\nCaption one. (Xinhua/Pang Xinglei)\n\nHOTAN, Xinjiang, July 9 (Xinhua) -- First\nparagraph, joined.\n\nSecond. (Photo by Zhang Wei/Xinhua)\n\nThird.\n\nFourth paragraph.\n";
        let short = "Short\n\nWASHINGTON _ Only one.";
        let mut parser = Parser::default();
        let first = parser.parse("long.txt", long).clone();
        assert_eq!((first.blocks.len(), kinds(&first).as_str()), (5, "cbcbb"));
        let again = parser.parse("short.txt", short).clone();
        assert_eq!(again, Parser::default().parse("short.txt", short).clone());
        assert_eq!(texts(&again), ["WASHINGTON _ Only one."]);
        assert_eq!((again.title.as_str(), again.date), ("Short", None));
        assert_eq!(again.dateline.unwrap().place, "WASHINGTON");
        // The room of the long article's paragraphs stays for the next one.
        assert!(parser.article.blocks.len() + parser.spare.len() >= first.blocks.len());
        assert_eq!(parser.parse("long.txt", long), &first);
    }

    #[test]
    fn a_threads_parser_keeps_no_room_for_a_very_long_title() {
        let title = "word ".repeat(60_000);
        assert_eq!(parse_text("x.txt", &title).title.len(), title.len() - 1);
        with_parser(|parser| assert_eq!(parser.article.title.capacity(), 0));
    }

    #[test]
    fn a_parser_keeps_no_room_for_a_very_long_credit() {
        let credit = |text: String| Credit {
            text,
            ..Credit::default()
        };
        let mut parser = Parser::default();
        parser.parse("a.txt", "T\n\nOne.\n\nTwo.");
        parser.article.blocks[0].credit = Some(Box::new(credit("x".repeat(KEPT_CREDIT + 1))));
        parser.article.blocks[1].credit = Some(Box::new(credit("Xinhua/Li Xiang".into())));
        parser.parse("b.txt", "T\n\nThree.");
        assert_eq!(parser.credits.len(), 1);
        assert_eq!(parser.credits[0].text, "Xinhua/Li Xiang");
    }

    #[test]
    fn a_threads_parser_keeps_no_room_for_a_very_long_article() {
        let long = format!("T\n\n{}\n\nTwo.", "word ".repeat(60_000));
        let a = parse_text("x.txt", &long);
        assert_eq!(a.blocks.len(), 2);
        with_parser(|parser| assert!(parser.article.blocks.is_empty() && parser.spare.is_empty()));
        let a = parse_text("x.txt", "T\n\nOne.\n\nTwo.");
        assert_eq!(texts(&a), ["One.", "Two."]);
        with_parser(|parser| assert_eq!(parser.article.blocks.len(), 2));
    }

    #[test]
    fn empty_and_header_only_inputs() {
        let a = parse_text("x.txt", "");
        assert_eq!((a.title.as_str(), a.blocks.len()), ("", 0));
        let a = parse_text("x.txt", " date 1987-02-26 FLASH HEADLINE\n");
        assert_eq!((a.title.as_str(), a.blocks.len()), ("FLASH HEADLINE", 0));
    }
}
