//! Datelines opening the body: `HOTAN, Xinjiang, July 9 (Xinhua) --`,
//! `BEIJING, Dec. 3 (Xinhua) --`, `WASHINGTON (Reuters) -`, `LONDON (AP) —`,
//! `NAIROBI, Kenya (AP) _`, `WASHINGTON _`, `CLEVELAND, Feb 26 -`.

use super::normalize::{overwrite, overwrite_option};
use super::{Block, BlockKind, Dateline};

/// How many body paragraphs from the start may hold the dateline (a byline or
/// a repeated headline can come first).
const SEARCH_PARAGRAPHS: usize = 4;

/// Longest dateline considered, in bytes.
const MAX_LEN: usize = 160;

/// The dateline of an article: the first of its first few body paragraphs
/// that opens with one (or consists of one).
pub(crate) fn find_dateline(blocks: &[Block]) -> Option<Dateline> {
    let mut dateline = None;
    find_dateline_in(blocks, &mut dateline);
    dateline
}

/// [`find_dateline`], written over the dateline `room` holds (one no longer
/// wanted) when there is one.
pub(crate) fn find_dateline_in(blocks: &[Block], room: &mut Option<Dateline>) {
    let found = blocks
        .iter()
        .enumerate()
        .filter(|(_, b)| b.kind == BlockKind::Body)
        .take(SEARCH_PARAGRAPHS)
        .enumerate()
        .find_map(|(nth, (i, b))| {
            let d = parse_dateline(&b.text)?;
            // A bare `PLACE _` is only trusted at the very start of the body.
            (nth == 0 || d.date.is_some() || d.agency.is_some()).then_some((i, d))
        });
    let Some((block, found)) = found else {
        *room = None;
        return;
    };
    let d = room.get_or_insert_with(Dateline::default);
    overwrite(&mut d.place, found.place);
    overwrite_option(&mut d.date, found.date);
    overwrite_option(&mut d.agency, found.agency);
    d.block = block;
    d.len = found.len;
}

/// A dateline found, its parts still in the paragraph's text.
struct Found<'a> {
    place: &'a str,
    date: Option<&'a str>,
    agency: Option<&'a str>,
    len: usize,
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
        let n = self.rest().bytes().take_while(|&b| b == b' ').count();
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

/// Parses a dateline at the start of `text`.
fn parse_dateline(text: &str) -> Option<Found<'_>> {
    let mut head_len = text.len().min(MAX_LEN);
    while !text.is_char_boundary(head_len) {
        head_len -= 1;
    }
    let head = &text[..head_len];
    // Wire copy sometimes opens with asterisks: `****RIO DE JANEIRO, March 5 -`.
    let lead = head.len() - head.trim_start_matches(['*', ' ']).len();
    let mut c = Cursor { s: head, pos: lead };
    let (words_len, caps) = place_words(c.rest())?;
    c.pos += words_len;
    let mut place_end = c.pos;
    let mut date = None;
    let mut regions = 0;
    // `, Region`…, then `, Month Day` (also `. Month Day` or ` Month Day`)
    loop {
        let save = c.pos;
        c.skip_spaces();
        let comma = c.eat(",") || (date.is_none() && regions == 0 && c.eat("."));
        c.skip_spaces();
        let day = date.is_none().then(|| month_day(c.rest())).flatten();
        if let Some(len) = day {
            date = Some(&c.rest()[..len]);
            c.pos += len;
            continue;
        }
        if comma && date.is_some() && c.rest().starts_with('(') {
            break; // a stray comma before the agency: `Nov. 22, (xinhua)`
        }
        if !comma || date.is_some() || regions == 2 {
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
        let close = memchr::memchr(b')', rest.as_bytes())?;
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
    c.skip_spaces();
    let sep = SEPARATORS.into_iter().find(|s| c.eat(s));
    let strong = matches!(sep, Some("--" | "\u{2014}"));
    if sep.is_some() && !strong && !(c.rest().is_empty() || c.rest().starts_with(' ')) {
        return None; // `-` and `_` stand alone; a long dash may touch the next word (`--After`)
    }
    let at_end = text[before_sep..].trim().is_empty();
    // An agency in parentheses is not enough on its own: `Braverman (left) and`,
    // `Sens. Alan Cranston (D-Cal.) said`. It needs a dash after it, or to end
    // the paragraph, or a place in capitals with a date or a known agency.
    let trusted = if let Some(name) = &agency {
        sep.is_some() || at_end || (caps && (date.is_some() || is_known_agency(name)))
    } else if date.is_some() {
        sep.is_some() || (caps && at_end)
    } else {
        caps && (strong || sep == Some("_"))
    };
    if !trusted {
        return None;
    }
    Some(Found {
        place: text[lead..place_end].trim(),
        date,
        agency,
        len: if sep.is_some() { c.pos } else { before_sep },
    })
}

/// What may end a dateline, longest first.
const SEPARATORS: [&str; 5] = ["--", "\u{2014}", "\u{2013}", "-", "_"];

/// The first part of the place: up to four words in capitals (`UNITED
/// NATIONS`, `ST. LOUIS`) or capitalized (`Jerusalem`, `New York`). Returns
/// its byte length and whether it is in capitals.
fn place_words(s: &str) -> Option<(usize, bool)> {
    let mut end = 0;
    let mut pos = 0;
    let mut caps = None;
    let mut letters = 0;
    for _ in 0..4 {
        let rest = &s[pos..];
        let stop = rest.bytes().position(|b| matches!(b, b' ' | b',' | b'('));
        let word = &rest[..stop.unwrap_or(rest.len())];
        // Its letters, and whether any is lower-case, in one pass; `None`
        // for a character a place name does not hold.
        let read = word.chars().try_fold((0, false), |(n, lower), c| match c {
            c if c.is_alphabetic() => Some((n + 1, lower || c.is_lowercase())),
            '.' | '\'' | '\u{2019}' | '-' | '/' | '&' => Some((n, lower)),
            _ => None,
        });
        let Some((word_letters, lower)) = read.filter(|_| word.starts_with(char::is_uppercase))
        else {
            break;
        };
        if month_day(rest).is_some() {
            break;
        }
        if *caps.get_or_insert(!lower) == lower {
            break;
        }
        letters += word_letters;
        end = pos + word.len();
        let gap = s[end..].len() - s[end..].trim_start_matches(' ').len();
        if gap == 0 {
            break;
        }
        pos = end + gap;
    }
    let mut place = &s[..end];
    // `SEOUL. April 11`: the period separates; `D.C.` keeps its own.
    if place.ends_with('.')
        && place
            .rsplit(' ')
            .next()
            .is_some_and(|w| w.matches('.').count() == 1)
    {
        place = &place[..place.len() - 1];
    }
    (letters >= 2 && place.len() <= 40).then_some((place.len(), caps?))
}

/// A region after the city: `Xinjiang`, `Kenya`, `N.Y.`, `South Africa`,
/// `Zaire-Zambia border` (lower-case words only when a comma follows).
fn region(s: &str) -> Option<usize> {
    let mut end = 0;
    let mut lower = false;
    for (n, word) in s.split(' ').take(3).enumerate() {
        let stop = word.bytes().position(|b| matches!(b, b',' | b'('));
        let w = &word[..stop.unwrap_or(word.len())];
        let first_ok = n > 0 || w.starts_with(|c: char| c.is_uppercase());
        let ok = !w.is_empty()
            && first_ok
            && w.chars()
                .all(|c| c.is_alphabetic() || matches!(c, '.' | '\'' | '-'));
        if !ok || month_day(&s[end + usize::from(n > 0)..]).is_some() {
            break;
        }
        lower |= w.starts_with(char::is_lowercase);
        end += usize::from(n > 0) + w.len();
        if w.len() != word.len() {
            break;
        }
    }
    let closed = s[end..].starts_with(',');
    (end > 0 && end <= 30 && (closed || !lower)).then_some(end)
}

/// `July 9`, `Nov. 14`, `Nov.3`, `Feb 26`, `July 9, 2025`: byte length.
fn month_day(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    // Most words asked about are no month: their first letter tells.
    if !b"jfmasond".contains(&b.first()?.to_ascii_lowercase()) {
        return None;
    }
    let word_len = b
        .iter()
        .position(|b| !b.is_ascii_alphabetic())
        .unwrap_or(b.len());
    if !is_month(&b[..word_len]) {
        return None;
    }
    let mut i = word_len;
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
    // an optional year: `, 2025` (or ` , 1997`)
    let comma = i + b[i..].iter().take_while(|&&b| b == b' ').count();
    if b.get(comma) == Some(&b',') {
        let j = comma + 1 + b[comma + 1..].iter().take_while(|&&b| b == b' ').count();
        let year = b[j..].iter().take_while(|b| b.is_ascii_digit()).count();
        if year == 4 {
            i = j + 4;
        }
    }
    Some(i)
}

/// Whether `word` is a month's name, whole or cut short, in any case:
/// `July`, `SEPT`, `nov`.
fn is_month(word: &[u8]) -> bool {
    let mut lower = [0; 9];
    let Some(lower) = lower.get_mut(..word.len()) else {
        return false;
    };
    lower.copy_from_slice(word);
    lower.make_ascii_lowercase();
    matches!(
        &*lower,
        b"january"
            | b"february"
            | b"march"
            | b"april"
            | b"may"
            | b"june"
            | b"july"
            | b"august"
            | b"september"
            | b"october"
            | b"november"
            | b"december"
            | b"jan"
            | b"feb"
            | b"mar"
            | b"apr"
            | b"jun"
            | b"jul"
            | b"aug"
            | b"sep"
            | b"sept"
            | b"oct"
            | b"nov"
            | b"dec"
    )
}

/// An agency name inside the parentheses: `Xinhua`, `AP`, `Reuters`.
fn is_agency(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 24
        && s.split(' ').count() <= 3
        && s.chars()
            .all(|c| c.is_alphabetic() || matches!(c, ' ' | '-' | '.' | '&'))
}

/// Whether `canonical` (from [`canonical_agency`]) is a wire service we know.
fn is_known_agency(canonical: &str) -> bool {
    matches!(canonical, "AP" | "AFP" | "UPI" | "Reuters" | "Xinhua")
}

/// Known agencies under their usual spelling; misspellings of Xinhua
/// (`Xinhau`, `Xinhu`, `xinhua`) included. Others as written.
fn canonical_agency(s: &str) -> &str {
    // ASCII case is enough: no other letter is lower-cased into these.
    let is = |name: &str| s.eq_ignore_ascii_case(name);
    let xinh = s
        .get(..4)
        .is_some_and(|head| head.eq_ignore_ascii_case("xinh"));
    if is("ap") {
        "AP"
    } else if is("afp") {
        "AFP"
    } else if is("upi") {
        "UPI"
    } else if is("reuters") || is("reuter") {
        "Reuters"
    } else if xinh || is("xinuha") {
        "Xinhua"
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (place, date, agency, dateline text)
    fn dl(text: &str) -> Option<(String, Option<String>, Option<String>, String)> {
        parse_dateline(text).map(|d| {
            let owned = |s: &str| s.to_string();
            let head = text[..d.len].to_string();
            (owned(d.place), d.date.map(owned), d.agency.map(owned), head)
        })
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
    fn irregular_wire_forms() {
        check(
            "GENEVA, April 4 , 1997, (AFP)",
            "GENEVA",
            Some("April 4 , 1997"),
            Some("AFP"),
            "GENEVA, April 4 , 1997, (AFP)",
        );
        check(
            "SEOUL. April 11 (AFP)",
            "SEOUL",
            Some("April 11"),
            Some("AFP"),
            "SEOUL. April 11 (AFP)",
        );
        check(
            "SARAJEVO April 13 (AFP)",
            "SARAJEVO",
            Some("April 13"),
            Some("AFP"),
            "SARAJEVO April 13 (AFP)",
        );
        check(
            "KIPUSHI, Zaire-Zambia border, April 14 (AFP)",
            "KIPUSHI, Zaire-Zambia border",
            Some("April 14"),
            Some("AFP"),
            "KIPUSHI, Zaire-Zambia border, April 14 (AFP)",
        );
        check(
            "HANOI, Nov. 27 (Xinhua) Vietnam is",
            "HANOI",
            Some("Nov. 27"),
            Some("Xinhua"),
            "HANOI, Nov. 27 (Xinhua)",
        );
        check(
            "Jerusalem, Nov. 1 (Xinhua) -- A",
            "Jerusalem",
            Some("Nov. 1"),
            Some("Xinhua"),
            "Jerusalem, Nov. 1 (Xinhua) --",
        );
        check(
            "Detroit, March 26 - Honda",
            "Detroit",
            Some("March 26"),
            None,
            "Detroit, March 26 -",
        );
        check(
            "****RIO DE JANEIRO, March 5 - Brazil",
            "RIO DE JANEIRO",
            Some("March 5"),
            None,
            "****RIO DE JANEIRO, March 5 -",
        );
        check(
            "MEXICO  CITY, Nov. 21 (Xinhua) -- The",
            "MEXICO  CITY",
            Some("Nov. 21"),
            Some("Xinhua"),
            "MEXICO  CITY, Nov. 21 (Xinhua) --",
        );
        check(
            "ST. LOUIS, Mo., May 2 (AP) -- x",
            "ST. LOUIS, Mo.",
            Some("May 2"),
            Some("AP"),
            "ST. LOUIS, Mo., May 2 (AP) --",
        );
    }

    #[test]
    fn known_agencies_in_any_case_and_misspellings_of_xinhua() {
        for (written, canonical) in [
            ("ap", "AP"),
            ("Afp", "AFP"),
            ("UPI", "UPI"),
            ("REUTER", "Reuters"),
            ("XINHUA", "Xinhua"),
            ("Xinhu", "Xinhua"),
            ("xinuha", "Xinhua"),
            ("Kyodo", "Kyodo"),
            ("Xin", "Xin"),
            ("X\u{130}nhua", "X\u{130}nhua"),
        ] {
            assert_eq!(canonical_agency(written), canonical, "{written}");
        }
    }

    #[test]
    fn months_whole_or_cut_short_in_any_case() {
        for word in ["July", "SEPT", "nov", "September", "may"] {
            assert!(is_month(word.as_bytes()), "{word}");
        }
        for word in ["Sept.", "Mayor", "Septembers", "Ju", "", "Juli"] {
            assert!(!is_month(word.as_bytes()), "{word}");
        }
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
            "The New York Times said in an editorial on Monday, Oct. 26:",
            "Tuesday, March 5, 2019",
            "Toronto said, March 5 was",
            "(Undated)",
            "Braverman (left) and Sunak (right) at the meeting.",
            "Sens. Alan Cranston (D-Cal.) and Bob Dole said",
            "The Commodity Credit Corporation (CCC) said",
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
