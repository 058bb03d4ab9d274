//! Datelines opening the body: `HOTAN, Xinjiang, July 9 (Xinhua) --`,
//! `BEIJING, Dec. 3 (Xinhua) --`, `WASHINGTON (Reuters) -`, `LONDON (AP) —`,
//! `NAIROBI, Kenya (AP) _`, `WASHINGTON _`, `CLEVELAND, Feb 26 -`.

use super::{Block, BlockKind, Dateline};

/// How many body paragraphs from the start may hold the dateline (a byline or
/// a repeated headline can come first).
const SEARCH_PARAGRAPHS: usize = 4;

/// Longest dateline considered, in bytes.
const MAX_LEN: usize = 160;

const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];

/// The dateline of an article: the first of its first few body paragraphs
/// that opens with one (or consists of one).
pub(crate) fn find_dateline(blocks: &[Block]) -> Option<Dateline> {
    blocks
        .iter()
        .enumerate()
        .filter(|(_, b)| b.kind == BlockKind::Body)
        .take(SEARCH_PARAGRAPHS)
        .enumerate()
        .find_map(|(nth, (i, b))| {
            let d = parse_dateline(&b.text)?;
            // A bare `PLACE _` is only trusted at the very start of the body.
            (nth == 0 || d.date.is_some() || d.agency.is_some())
                .then_some(Dateline { block: i, ..d })
        })
}

/// A little cursor over the head of a paragraph.
struct Cursor<'a> {
    s: &'a str,
    pos: usize,
}

impl<'a> Cursor<'a> {
    fn rest(&self) -> &'a str {
        &self.s[self.pos..]
    }

    fn skip_spaces(&mut self) -> usize {
        let rest = self.rest();
        let n = rest.len() - rest.trim_start_matches(' ').len();
        self.pos += n;
        n
    }

    fn eat(&mut self, prefix: &str) -> bool {
        let ok = self.rest().starts_with(prefix);
        if ok {
            self.pos += prefix.len();
        }
        ok
    }
}

/// Parses a dateline at the start of `text`; `block` is left 0.
pub(crate) fn parse_dateline(text: &str) -> Option<Dateline> {
    let mut head_len = text.len().min(MAX_LEN);
    while !text.is_char_boundary(head_len) {
        head_len -= 1;
    }
    let mut c = Cursor {
        s: &text[..head_len],
        pos: 0,
    };
    let place_end = place_segment(c.rest())?;
    c.pos = place_end;
    let mut place_end = place_end;
    let mut date = None;
    let mut regions = 0;
    // `, Region`… and `, Month Day`
    loop {
        let save = c.pos;
        c.skip_spaces();
        if !c.eat(",") {
            c.pos = save;
            break;
        }
        c.skip_spaces();
        if date.is_none() {
            if let Some(len) = month_day(c.rest()) {
                date = Some(c.rest()[..len].to_string());
                c.pos += len;
                continue;
            }
        }
        if date.is_some() || regions == 2 {
            // a stray comma after the date: `Nov. 22, (xinhua)`
            if c.rest().starts_with('(') {
                break;
            }
            c.pos = save;
            break;
        }
        match region(c.rest()) {
            Some(len) => {
                c.pos += len;
                place_end = c.pos;
                regions += 1;
            }
            None => {
                c.pos = save;
                break;
            }
        }
    }
    let mut agency = None;
    let save = c.pos;
    c.skip_spaces();
    if c.eat("(") {
        let rest = c.rest();
        let close = rest.find(')')?;
        let name = rest[..close].trim();
        if !is_agency(name) {
            return None;
        }
        agency = Some(canonical_agency(name));
        c.pos += close + 1;
    } else {
        c.pos = save;
    }
    let before_sep = c.pos;
    let spaces = c.skip_spaces();
    let sep = ["--", "\u{2014}", "\u{2013}", "-", "_"]
        .into_iter()
        .find(|s| c.eat(s));
    let len = match sep {
        Some(sep) => {
            let next = c.rest().chars().next();
            // `-` and `_` stand alone; a double dash may touch the next word (`--After`).
            let standalone = next.is_none_or(|ch| ch == ' ');
            if !standalone && !(sep == "--" || sep == "\u{2014}") {
                return None;
            }
            if (sep == "-" || sep == "_") && spaces == 0 && agency.is_none() && date.is_none() {
                return None;
            }
            c.pos
        }
        None => {
            // A dateline paragraph of its own: `LOS ANGELES, California, April 1 (AFP)`.
            let at_end = before_sep == text.len() || text[before_sep..].trim().is_empty();
            if !(at_end && (agency.is_some() || date.is_some())) {
                return None;
            }
            before_sep
        }
    };
    if agency.is_none() && date.is_none() && !matches!(sep, Some("--" | "\u{2014}" | "_")) {
        return None;
    }
    Some(Dateline {
        place: text[..place_end].trim().to_string(),
        date,
        agency,
        block: 0,
        len,
    })
}

/// The first part of the place: capital letters, e.g. `UNITED NATIONS`, `HOTAN`.
/// Returns its byte length.
fn place_segment(s: &str) -> Option<usize> {
    let mut end = 0;
    let mut letters = 0;
    for (i, ch) in s.char_indices() {
        if ch.is_alphabetic() {
            if ch.is_lowercase() {
                return None;
            }
            letters += 1;
        } else if matches!(ch, '.' | '\'' | '’' | '-' | '/') && i > 0 {
            // `ST. LOUIS`, `WINSTON-SALEM`; a dash after a space is the separator
            if ch == '-' && s[..i].ends_with(' ') {
                break;
            }
        } else if ch != ' ' {
            break;
        }
        end = i + ch.len_utf8();
    }
    let seg = s[..end].trim_end();
    (letters >= 2 && seg.len() <= 40 && seg.split(' ').count() <= 4).then_some(seg.len())
}

/// A region after the city: `Xinjiang`, `Kenya`, `N.Y.`, `South Africa`.
fn region(s: &str) -> Option<usize> {
    let mut end = 0;
    let mut words = 0;
    for word in s.split_inclusive(' ') {
        let w = word.trim_end();
        let w = w.strip_suffix(',').unwrap_or(w);
        let ok = w.starts_with(|c: char| c.is_uppercase())
            && w.chars()
                .all(|c| c.is_alphabetic() || matches!(c, '.' | '\'' | '-'));
        if !ok || month_day(word).is_some() {
            break;
        }
        words += 1;
        end += w.len();
        if words == 3 || w.len() != word.trim_end().len() {
            break; // a comma ends the region
        }
        end += word.len() - w.len();
    }
    let r = s[..end].trim_end();
    (words > 0 && r.len() <= 30).then_some(r.len())
}

/// `July 9`, `Nov. 14`, `Nov.3`, `Feb 26`, `July 9, 2025`: byte length.
fn month_day(s: &str) -> Option<usize> {
    let word_len = s
        .find(|c: char| !c.is_ascii_alphabetic())
        .unwrap_or(s.len());
    let word = &s[..word_len];
    if !MONTHS.iter().any(|m| m.eq_ignore_ascii_case(word)) {
        return None;
    }
    let mut i = word_len;
    let b = s.as_bytes();
    if b.get(i) == Some(&b'.') {
        i += 1;
    }
    while b.get(i) == Some(&b' ') {
        i += 1;
    }
    let digits = b[i..].iter().take_while(|b| b.is_ascii_digit()).count();
    if !(1..=2).contains(&digits) {
        return None;
    }
    i += digits;
    // an optional year: `, 2025`
    if b.get(i) == Some(&b',') {
        let j = i + 1 + b[i + 1..].iter().take_while(|&&b| b == b' ').count();
        let year = b[j..].iter().take_while(|b| b.is_ascii_digit()).count();
        if year == 4 {
            i = j + 4;
        }
    }
    Some(i)
}

/// An agency name inside the parentheses: `Xinhua`, `AP`, `Reuters`.
fn is_agency(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 24
        && s.split(' ').count() <= 3
        && s.chars()
            .all(|c| c.is_alphabetic() || matches!(c, ' ' | '-' | '.' | '&'))
}

/// Known agencies under their usual spelling; misspellings of Xinhua
/// (`Xinhau`, `Xinhu`, `xinhua`) included. Others as written.
fn canonical_agency(s: &str) -> String {
    let lower = s.to_lowercase();
    let known = match lower.as_str() {
        "ap" => "AP",
        "afp" => "AFP",
        "upi" => "UPI",
        "reuters" | "reuter" => "Reuters",
        l if l.starts_with("xinh") || l == "xinuha" => "Xinhua",
        _ => return s.to_string(),
    };
    known.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (place, date, agency, dateline text)
    fn dl(text: &str) -> Option<(String, Option<String>, Option<String>, String)> {
        parse_dateline(text).map(|d| (d.place, d.date, d.agency, text[..d.len].to_string()))
    }

    fn check(text: &str, place: &str, date: Option<&str>, agency: Option<&str>, head: &str) {
        let got = dl(text).unwrap_or_else(|| panic!("no dateline in {text:?}"));
        assert_eq!(
            got,
            (
                place.into(),
                date.map(Into::into),
                agency.map(Into::into),
                head.into()
            ),
            "{text:?}"
        );
    }

    #[test]
    fn xinhua_forms() {
        check(
            "HOTAN, Xinjiang, July 9 (Xinhua) -- China's",
            "HOTAN, Xinjiang",
            Some("July 9"),
            Some("Xinhua"),
            "HOTAN, Xinjiang, July 9 (Xinhua) --",
        );
        check(
            "BEIJING, Dec. 3 (Xinhua) -- The",
            "BEIJING",
            Some("Dec. 3"),
            Some("Xinhua"),
            "BEIJING, Dec. 3 (Xinhua) --",
        );
        check(
            "UNITED NATIONS, Nov. 5 (Xinhua) -- The",
            "UNITED NATIONS",
            Some("Nov. 5"),
            Some("Xinhua"),
            "UNITED NATIONS, Nov. 5 (Xinhua) --",
        );
    }

    #[test]
    fn wire_variants() {
        check(
            "BEIJING, Nov. 14(Xinhua)--China",
            "BEIJING",
            Some("Nov. 14"),
            Some("Xinhua"),
            "BEIJING, Nov. 14(Xinhua)--",
        );
        check(
            "MACAO, Nov. 5 (Xinhua) --After",
            "MACAO",
            Some("Nov. 5"),
            Some("Xinhua"),
            "MACAO, Nov. 5 (Xinhua) --",
        );
        check(
            "DHAKA, Nov. 26 (Xinhau) -- Ban",
            "DHAKA",
            Some("Nov. 26"),
            Some("Xinhua"),
            "DHAKA, Nov. 26 (Xinhau) --",
        );
        check(
            "HARBIN, Nov. 22, (xinhua) -- A",
            "HARBIN",
            Some("Nov. 22"),
            Some("Xinhua"),
            "HARBIN, Nov. 22, (xinhua) --",
        );
        check(
            "BEIJING, Nov.3 (Xinhua) -- A",
            "BEIJING",
            Some("Nov.3"),
            Some("Xinhua"),
            "BEIJING, Nov.3 (Xinhua) --",
        );
        check(
            "JOHANNESBURG, August 7 (Xinhua) --",
            "JOHANNESBURG",
            Some("August 7"),
            Some("Xinhua"),
            "JOHANNESBURG, August 7 (Xinhua) --",
        );
        check(
            "LOS ANGELES, California, April 1 (AFP)",
            "LOS ANGELES, California",
            Some("April 1"),
            Some("AFP"),
            "LOS ANGELES, California, April 1 (AFP)",
        );
    }

    #[test]
    fn reuters_ap_nyt_forms() {
        check(
            "WASHINGTON (Reuters) - The Fed",
            "WASHINGTON",
            None,
            Some("Reuters"),
            "WASHINGTON (Reuters) -",
        );
        check(
            "LONDON (AP) \u{2014} Prime",
            "LONDON",
            None,
            Some("AP"),
            "LONDON (AP) \u{2014}",
        );
        check(
            "NAIROBI, Kenya (AP) _",
            "NAIROBI, Kenya",
            None,
            Some("AP"),
            "NAIROBI, Kenya (AP) _",
        );
        check(
            "NAIROBI, Kenya (AP) _ Suspected bombs",
            "NAIROBI, Kenya",
            None,
            Some("AP"),
            "NAIROBI, Kenya (AP) _",
        );
        check(
            "WASHINGTON _ The bombings",
            "WASHINGTON",
            None,
            None,
            "WASHINGTON _",
        );
        check(
            "CLEVELAND, Feb 26 - Standard Oil Co",
            "CLEVELAND",
            Some("Feb 26"),
            None,
            "CLEVELAND, Feb 26 -",
        );
        check(
            "NEW YORK, N.Y., July 9, 2025 (UPI) -- x",
            "NEW YORK, N.Y.",
            Some("July 9, 2025"),
            Some("UPI"),
            "NEW YORK, N.Y., July 9, 2025 (UPI) --",
        );
    }

    #[test]
    fn ordinary_openings_are_not_datelines() {
        for text in [
            "China's top political advisor Wang Huning has called for",
            "Friday, July 21, 2017",
            "NATO - the alliance - met today.",
            "US-China talks resumed (Xinhua reported).",
            "By Sportswriter Cao Jianjie",
            "A (Xinhua) -- too short a place",
            "IBM said profits rose.",
            "Shr 1.20 dlrs vs 1.10 dlrs",
            "",
        ] {
            assert_eq!(dl(text), None, "{text:?}");
        }
    }

    fn body(text: &str) -> Block {
        Block {
            kind: BlockKind::Body,
            text: text.into(),
            credit: None,
        }
    }

    #[test]
    fn found_after_byline_and_repeated_headline() {
        let blocks = [
            body("Liu Xiang-mania sweeps Macao"),
            body("By Sportswriter Cao Jianjie"),
            body("MACAO, Nov. 2 (Xinhua) -- Liu Xiang's coach"),
        ];
        let d = find_dateline(&blocks).unwrap();
        assert_eq!((d.block, d.place.as_str()), (2, "MACAO"));
    }

    #[test]
    fn bare_place_only_in_the_first_body_paragraph() {
        let blocks = [body("Intro text."), body("WASHINGTON _ The bombings")];
        assert_eq!(find_dateline(&blocks), None);
    }
}
