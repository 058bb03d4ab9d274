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
use super::normalize::{is_dropped, is_space, push_normalized, uses_tex_quotes};
use super::{Article, Block, BlockKind, Date};

/// Parses the text of one article file. `path` is recorded in the article and
/// used to find a date in the file name when the text has no header.
pub fn parse_text(path: &str, text: &str) -> Article {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let tex = uses_tex_quotes(text);
    let mut lines = text.split('\n');
    let mut title = String::new();
    let mut date = None;
    // The first non-blank line is the header, or else the title.
    for line in lines.by_ref() {
        if is_blank(line) {
            continue;
        }
        match split_header(line) {
            Some((d, t)) => {
                date = d;
                push_normalized(&mut title, t, tex);
            }
            None => push_normalized(&mut title, line.trim_matches(is_space), tex),
        }
        break;
    }
    let date = date.or_else(|| date_in_file_name(path));
    let blocks = blocks_of_lines(lines, tex);
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
    blocks_of_lines(text.split('\n'), uses_tex_quotes(text))
}

/// Turns finished paragraph texts into blocks (caption when it ends in a credit).
pub(crate) fn block_of_paragraph(text: String) -> Block {
    match find_credit(&text) {
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

fn blocks_of_lines<'a>(lines: impl Iterator<Item = &'a str>, tex: bool) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut para = String::new();
    // Indentation of the previous line of the current paragraph.
    let mut prev_indent = 0usize;
    let mut prev_tabular = false;
    let flush = |para: &mut String, blocks: &mut Vec<Block>| {
        if !para.is_empty() {
            blocks.push(block_of_paragraph(std::mem::take(para)));
        }
    };
    for line in lines {
        let trimmed = line.trim_matches(is_space);
        if trimmed.is_empty() || trimmed.chars().all(is_dropped) {
            flush(&mut para, &mut blocks);
            continue;
        }
        let indent = indentation(line);
        let tabular = looks_tabular(trimmed);
        if !para.is_empty() && (indent > prev_indent || tabular || prev_tabular) {
            flush(&mut para, &mut blocks);
        }
        if !para.is_empty() {
            para.push(' ');
        }
        push_normalized(&mut para, trimmed, tex);
        prev_indent = indent;
        prev_tabular = tabular;
    }
    flush(&mut para, &mut blocks);
    blocks
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

fn is_blank(line: &str) -> bool {
    line.chars().all(|c| is_space(c) || is_dropped(c))
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

/// A row of a table: leader dots (`Net free reserves.......644`) or a wide gap.
fn looks_tabular(line: &str) -> bool {
    let b = line.as_bytes();
    b.windows(4).any(|w| w == b"....") || b.windows(3).any(|w| w == b"   ")
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
    }

    #[test]
    fn control_characters_are_dropped() {
        let a = parse_text("x.txt", "T\u{1b}[31m\n\nBody\u{7}.\n\u{3}\n");
        assert_eq!(a.title, "T[31m");
        assert_eq!(texts(&a), ["Body."]);
    }

    #[test]
    fn empty_and_header_only_inputs() {
        let a = parse_text("x.txt", "");
        assert_eq!((a.title.as_str(), a.blocks.len()), ("", 0));
        let a = parse_text("x.txt", " date 1987-02-26 FLASH HEADLINE\n");
        assert_eq!((a.title.as_str(), a.blocks.len()), ("FLASH HEADLINE", 0));
    }
}
