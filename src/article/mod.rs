//! The article model: what one news article is, independent of any terminal.

mod credit;
mod dateline;
pub mod json;
mod normalize;

pub(crate) use normalize::trim_space;
pub mod parse;

use serde::{Deserialize, Serialize};
use std::fmt;

/// A calendar date (proleptic Gregorian), ordered chronologically.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Year, e.g. 2025.
    pub year: u16,
    /// Month, 1–12.
    pub month: u8,
    /// Day of the month, 1–31.
    pub day: u8,
}

impl Date {
    /// A date when `year`, `month` and `day` name a day of the calendar
    /// (no 30 February; 29 February in leap years only).
    pub fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        let leap =
            year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400));
        let days = match month {
            2 if leap => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            1..=12 => 31,
            _ => return None,
        };
        let valid = (1..=days).contains(&day) && year >= 1;
        valid.then_some(Date { year, month, day })
    }

    /// The date as one number, `year << 16 | month << 8 | day`: in the order
    /// of dates, compared at once, and how the saved index stores it.
    pub fn packed(self) -> u32 {
        u32::from(self.year) << 16 | u32::from(self.month) << 8 | u32::from(self.day)
    }

    /// The date [`Date::packed`] gives `n`, if `n` is one.
    pub fn from_packed(n: u32) -> Option<Date> {
        Date::new((n >> 16) as u16, (n >> 8) as u8, n as u8)
    }

    /// Parses `YYYY-MM-DD` (digits only).
    pub fn parse_iso(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let num = |r: std::ops::Range<usize>| {
            b[r].iter().try_fold(0u16, |n, &d| {
                d.is_ascii_digit().then(|| n * 10 + u16::from(d - b'0'))
            })
        };
        Date::new(num(0..4)?, num(5..7)? as u8, num(8..10)? as u8)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Date::parse_iso(&s).ok_or_else(|| serde::de::Error::custom(format!("bad date {s:?}")))
    }
}

/// One article: where it came from, its header, and its paragraphs in order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Article {
    /// The source path as given on the command line (JSON records: `path#N`).
    pub path: String,
    /// Publication date, when known.
    pub date: Option<Date>,
    /// Headline (may be empty).
    pub title: String,
    /// The dateline opening the body, when there is one.
    pub dateline: Option<Dateline>,
    /// Paragraphs in reading order: body text and photo captions.
    pub blocks: Vec<Block>,
}

/// Whether a block is running text or a photo caption.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum BlockKind {
    /// A paragraph of the story.
    Body,
    /// A photo caption, ending in a credit.
    Caption,
}

/// One paragraph. `text` is the whole paragraph, credit included.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// Body or caption.
    pub kind: BlockKind,
    /// The paragraph's full text (lines joined with one space).
    pub text: String,
    /// The photo credit of a caption (boxed: most blocks have none, and a
    /// block is a third of the size without it inline).
    pub credit: Option<Box<Credit>>,
}

/// A dateline such as `HOTAN, Xinjiang, July 9 (Xinhua) --`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Dateline {
    /// The place, e.g. `HOTAN, Xinjiang`.
    pub place: String,
    /// The date as written, e.g. `July 9`.
    pub date: Option<String>,
    /// The agency, e.g. `Xinhua`.
    pub agency: Option<String>,
    /// Index of the block it opens.
    #[serde(skip)]
    pub block: usize,
    /// Byte length of the dateline (with its dash) at the start of that block.
    #[serde(skip)]
    pub len: usize,
}

/// A photo credit such as `(Xinhua/Li Xiang, Wang Peng)`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Credit {
    /// The credit as written, without parentheses: `Xinhua/Li Xiang, Wang Peng`.
    pub text: String,
    /// The agency, e.g. `Xinhua`.
    pub agency: Option<String>,
    /// The photographers named.
    pub photographers: Vec<String>,
    /// Byte range of the credit text (without parentheses) in the block text.
    pub start: usize,
    /// End of that range (exclusive).
    pub end: usize,
}

impl Article {
    /// The text of block `i`, or the title for `None`.
    pub fn text_of(&self, block: Option<usize>) -> &str {
        match block {
            None => &self.title,
            Some(i) => self.blocks.get(i).map_or("", |b| b.text.as_str()),
        }
    }

    /// Its header alone: path, date and title, without dateline or paragraphs.
    pub fn header(&self) -> Article {
        Article {
            path: self.path.clone(),
            date: self.date,
            title: self.title.clone(),
            ..Article::default()
        }
    }

    /// [`Article::header`], keeping the path and title it is made of.
    pub fn into_header(mut self) -> Article {
        self.take_header()
    }

    /// [`Article::header`], moving the path and title out of the article
    /// (left empty) and leaving the rest, for an article whose room is used
    /// again (see [`parse::Parser`]).
    pub fn take_header(&mut self) -> Article {
        Article {
            path: std::mem::take(&mut self.path),
            date: self.date,
            title: std::mem::take(&mut self.title),
            ..Article::default()
        }
    }

    /// XXH3-64 of the title and paragraph texts: the article's identity
    /// beside its path, stable across runs and versions.
    pub fn text_hash(&self) -> u64 {
        // The texts are laid end to end and hashed in one call: the digest
        // of feeding them one by one, for less work per paragraph.
        let lay_out_and_hash = |buffer: &mut Vec<u8>| {
            buffer.clear();
            buffer.reserve(self.text_len() + 2 * self.blocks.len());
            buffer.extend_from_slice(self.title.as_bytes());
            for block in &self.blocks {
                buffer.extend_from_slice(b"\n\n");
                buffer.extend_from_slice(block.text.as_bytes());
            }
            xxhash_rust::xxh3::xxh3_64(buffer)
        };
        let bound = crate::kept::at_most(KEPT_HASH_BUFFER);
        crate::kept::with_kept(&HASH_BUFFER, lay_out_and_hash, bound)
    }

    /// Total bytes of title and block texts.
    pub fn text_len(&self) -> usize {
        self.title.len() + self.blocks.iter().map(|b| b.text.len()).sum::<usize>()
    }
}

/// The largest buffer a thread keeps for hashing the next article's text.
const KEPT_HASH_BUFFER: usize = 256 << 10;

thread_local! {
    /// The texts of the article hashed last, laid end to end.
    static HASH_BUFFER: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_text_hash_is_xxh3_of_title_and_paragraphs_parted_by_blank_lines() {
        let block = |text: &str| Block {
            kind: BlockKind::Body,
            text: text.to_string(),
            credit: None,
        };
        let long = "word ".repeat(100_000);
        for blocks in [
            vec![],
            vec![block("One.")],
            vec![block(&long), block("Two.")],
        ] {
            let article = Article {
                title: "Title".into(),
                blocks,
                ..Article::default()
            };
            // The identity saved indices and reading state are keyed by.
            let mut h = xxhash_rust::xxh3::Xxh3Default::new();
            h.update(article.title.as_bytes());
            for b in &article.blocks {
                h.update(b"\n\n");
                h.update(b.text.as_bytes());
            }
            assert_eq!(article.text_hash(), h.digest());
        }
    }

    #[test]
    fn only_days_of_the_calendar_are_dates() {
        assert_eq!(
            Date::parse_iso("2024-02-29"),
            Some(Date {
                year: 2024,
                month: 2,
                day: 29
            })
        );
        for bad in [
            "2025-02-29",
            "2025-02-30",
            "1900-02-29",
            "2025-04-31",
            "2025-13-01",
            "2025-00-10",
            "2025-+1-+5",
            "+025-01-05",
        ] {
            assert_eq!(Date::parse_iso(bad), None, "{bad}");
        }
        assert!(Date::new(2000, 2, 29).is_some());
        assert!(Date::new(2025, 12, 31).is_some());
    }
}
