//! Photo credits that end a caption: `(Xinhua/Pang Xinglei)`,
//! `(Xinhua/Li Xiang, Wang Peng)`, `(Photo by Name/Xinhua)`, `(Reuters/Name)`,
//! `(AP Photo/Name)`, and Wikinews' `Image: Nick Moreau.`

use super::Credit;
use super::normalize::{overwrite, overwrite_all, overwrite_option};
use memchr::memmem::Finder;
use std::sync::LazyLock;

/// Agencies whose credits may name an all-capitals photographer (`AP Photo/STR`).
const PHOTO_AGENCIES: &[&str] = &[
    "Xinhua",
    "AP",
    "AFP",
    "Reuters",
    "EPA",
    "Getty Images",
    "CNS",
    "UPI",
    "Kyodo",
    "Yonhap",
];

/// The longest credit, in bytes within its parentheses.
const MAX_CREDIT: usize = 120;

/// Credits no longer wanted, kept for their room: boxed as a block holds
/// one, so that the box too is used again.
#[allow(clippy::vec_box, reason = "the boxes are used again as they are")]
pub(crate) type SpareCredits = Vec<Box<Credit>>;

/// The credit a caption paragraph ends in: `(…/…)` as the last thing in
/// `text`, optionally followed by a period. `None` for any other paragraph,
/// including those that merely contain or end in parentheses. It is written
/// over one of the `spare` credits (no longer wanted) when there is one.
pub(crate) fn find_credit(text: &str, spare: &mut SpareCredits) -> Option<Box<Credit>> {
    let found = credit_in(text)?;
    let mut credit = spare.pop().unwrap_or_default();
    let names = &mut credit.photographers;
    let listed = found.photographers.split(',').flat_map(split_at_and);
    overwrite_all(names, listed.map(str::trim).filter(|n| !n.is_empty()));
    let named = match found.names {
        Names::Checked => true,
        Names::Any => !names.is_empty() && names.iter().all(|n| is_name(n)),
        Names::Full => !names.is_empty() && names.iter().all(|n| is_name(n) && is_full_name(n)),
    };
    if !named {
        spare.push(credit);
        return None;
    }
    overwrite(&mut credit.text, found.text);
    overwrite_option(&mut credit.agency, found.agency);
    credit.start = found.start;
    credit.end = found.end;
    Some(credit)
}

/// A credit found, its parts still in the paragraph's text.
struct Found<'a> {
    text: &'a str,
    agency: Option<&'a str>,
    /// The photographers as written: names parted by commas or `and`.
    photographers: &'a str,
    /// What the photographers must be for the credit to be one.
    names: Names,
    start: usize,
    end: usize,
}

/// What the photographers of a credit must be.
enum Names {
    /// Nothing more: they were checked when found.
    Checked,
    /// One or more names.
    Any,
    /// One or more full names.
    Full,
}

/// See [`find_credit`].
fn credit_in(text: &str) -> Option<Found<'_>> {
    let end = text.trim_end_matches([' ', '.']);
    if !end.ends_with(')') {
        return image_credit(end);
    }
    let close = end.len() - 1;
    // The opening parenthesis is looked for only as far back as a credit reaches.
    let from = close.saturating_sub(MAX_CREDIT + 1);
    let open = from + memchr::memrchr(b'(', &end.as_bytes()[from..close])?;
    let inner = &end[open + 1..close];
    if inner.contains(')') {
        return None;
    }
    let lead = inner.len() - inner.trim_start().len();
    let content = inner.trim();
    let start = open + 1 + lead;
    let (left, right) = content.split_once('/')?;
    if right.contains('/') {
        return None;
    }
    let (left, right) = (left.trim(), right.trim());
    let (agency, list, photo_word) = match strip_prefix_ci(left, "photo by ") {
        Some(names) => (right, names, true),
        None => match strip_suffix_ci(left, " photo") {
            Some(agency) => (agency.trim_end(), right, true),
            None => (left, right, false),
        },
    };
    if !is_agency(agency) {
        return None;
    }
    // An unknown agency needs a credit that looks like one: `Photo by`, or
    // photographers with full names. `(FTAs/RTAs)` and `(EU/UN)` are asides.
    let known = PHOTO_AGENCIES
        .iter()
        .any(|a| a.eq_ignore_ascii_case(agency));
    Some(Found {
        text: content,
        agency: Some(agency),
        photographers: list,
        names: if known || photo_word {
            Names::Any
        } else {
            Names::Full
        },
        start,
        end: start + content.len(),
    })
}

/// The parts of `names` between the words ` and ` (as `str::split` would
/// give them, with a searcher built once rather than for every credit).
fn split_at_and(names: &str) -> impl Iterator<Item = &str> {
    static AND: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new(" and "));
    let mut rest = Some(names);
    std::iter::from_fn(move || {
        let r = rest?;
        match AND.find(r.as_bytes()) {
            Some(i) => {
                rest = Some(&r[i + " and ".len()..]);
                Some(&r[..i])
            }
            None => rest.take(),
        }
    })
}

/// `Image: Name` or `Photo: Name` ending `end` (a paragraph without its
/// final period): a person with a full name, else a source (`NASA`, `UK
/// Government`), or `Site / Name`. After a space (a sentence's end or a
/// caption's last word); nothing else may follow.
fn image_credit(end: &str) -> Option<Found<'_>> {
    // The cue's colon is the last one, and only a source's characters
    // follow it (found from the colon, so that a paragraph without one is
    // not read character by character).
    let colon = memchr::memrchr(b':', end.as_bytes())?;
    let head = &end[..colon];
    let cue = ["Image", "Photo"].into_iter().find(|c| head.ends_with(c))?;
    let at = head.len() - cue.len();
    let after = &end[colon + 1..];
    if !after.chars().all(is_source_char) {
        return None;
    }
    let source = after.trim();
    let (site, name) = match source.split_once(" / ") {
        Some((site, name)) => (Some(site.trim()), name.trim()),
        None => (None, source),
    };
    let after_word = end[..at].ends_with(' ');
    if !after_word || !is_name(name) || !site.is_none_or(is_agency) || source.contains(['(', ')']) {
        return None;
    }
    // A name holds neither commas nor the word `and` (see [`is_name`]):
    // as a list, it names one photographer.
    let (agency, photographers) = match (site, is_full_name(name)) {
        (site, true) => (site, name),
        (_, false) => (Some(name), ""),
    };
    Some(Found {
        text: &end[at..],
        agency,
        photographers,
        names: Names::Checked,
        start: at,
        end: end.len(),
    })
}

/// A character a source after `Image:` may hold: words, spaces and ` / `.
fn is_source_char(c: char) -> bool {
    c.is_alphabetic() || c.is_whitespace() || matches!(c, '.' | '-' | '\'' | '’' | '&' | '/')
}

fn strip_prefix_ci<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &s[prefix.len()..])
}

fn strip_suffix_ci<'a>(s: &'a str, suffix: &str) -> Option<&'a str> {
    let at = s.len().checked_sub(suffix.len())?;
    let tail = s.get(at..)?;
    tail.eq_ignore_ascii_case(suffix).then(|| &s[..at])
}

/// One to four capitalized words: `Xinhua`, `Getty Images`, `China News Service`.
fn is_agency(s: &str) -> bool {
    let words = s.split(' ').filter(|w| !w.is_empty()).count();
    (1..=4).contains(&words)
        && s.starts_with(|c: char| c.is_uppercase())
        && s.chars()
            .all(|c| c.is_alphabetic() || matches!(c, ' ' | '.' | '-' | '&' | '\''))
}

/// A person's name: up to five words, each starting with a capital (or a
/// letter of a script without case), no digits.
fn is_name(s: &str) -> bool {
    let word_ok = |w: &str| {
        w.starts_with(|c: char| c.is_uppercase() || (c.is_alphabetic() && !c.is_lowercase()))
            && w.chars()
                .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’'))
    };
    words_if_all(s, 5, word_ok).is_some_and(|n| n >= 1)
}

/// Two to four words, each capitalized with lower-case letters after (`Pang Xinglei`).
fn is_full_name(s: &str) -> bool {
    let word_ok = |w: &str| w.chars().skip(1).any(char::is_lowercase);
    words_if_all(s, 4, word_ok).is_some_and(|n| n >= 2)
}

/// How many words (parted by spaces) `s` has, when at most `max` and each
/// is `ok`; `None` otherwise.
fn words_if_all(s: &str, max: usize, ok: impl Fn(&str) -> bool) -> Option<usize> {
    let mut n = 0;
    for word in s.split(' ').filter(|w| !w.is_empty()) {
        n += 1;
        if n > max || !ok(word) {
            return None;
        }
    }
    Some(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn credit(text: &str) -> Option<(String, Option<String>, Vec<String>)> {
        find_credit(text, &mut Vec::new()).map(|c| {
            assert_eq!(&text[c.start..c.end], c.text, "range of {text:?}");
            (c.text, c.agency, c.photographers)
        })
    }

    fn names(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn image_credits_end_wikinews_captions() {
        let (text, agency, who) = credit("Belle Image: Nick Moreau.").unwrap();
        assert_eq!(
            (text.as_str(), agency, who),
            ("Image: Nick Moreau", None, names(&["Nick Moreau"]))
        );
        let (_, _, who) = credit("Protest in Paris: the crowd. Image: Nick Moreau.").unwrap();
        assert_eq!(who, names(&["Nick Moreau"]));
        let (_, agency, who) = credit("The shuttle on April 12, 1981. Image: NASA.").unwrap();
        assert_eq!((agency.as_deref(), who), (Some("NASA"), names(&[])));
        let (_, agency, who) =
            credit("A tweet to a student Image: Twitter / Barack Obama.").unwrap();
        assert_eq!(
            (agency.as_deref(), who),
            (Some("Twitter"), names(&["Barack Obama"]))
        );
        for body in [
            "Image: Nick Moreau.",
            "He saved the image: it was blurred.",
            "She said the Image: Nick Moreau, 2019 edition.",
            "The photo was taken by Nick Moreau.",
            "He looked at the iPhoto: Great Shots.",
            "A caption Image: Nick: Moreau.",
            "A caption Image: Nick Moreau, 2019.",
        ] {
            assert_eq!(credit(body), None, "{body}");
        }
    }

    #[test]
    fn a_credit_holds_at_most_120_bytes_within_its_parentheses() {
        let inner = |len: usize| format!("Xinhua/Wang A{}", "a".repeat(len - 13));
        let caption = |len: usize| format!("Market (file photo). ({})", inner(len));
        let (text, _, _) = credit(&caption(120)).unwrap();
        assert_eq!(text, inner(120));
        assert_eq!(credit(&caption(121)), None);
    }

    #[test]
    fn agency_slash_photographer() {
        let (text, agency, who) = credit("Wang speaks in Hotan. (Xinhua/Pang Xinglei)").unwrap();
        assert_eq!(text, "Xinhua/Pang Xinglei");
        assert_eq!(agency.as_deref(), Some("Xinhua"));
        assert_eq!(who, names(&["Pang Xinglei"]));
    }

    #[test]
    fn several_photographers() {
        let (_, _, who) = credit("Dancers perform. (Xinhua/Li Xiang, Wang Peng)").unwrap();
        assert_eq!(who, names(&["Li Xiang", "Wang Peng"]));
    }

    #[test]
    fn names_part_at_and_as_split_does() {
        for names in [
            "A and B",
            "A and  and B",
            " and A and ",
            "Andy Anderson",
            "",
            "A and",
        ] {
            let ours: Vec<&str> = split_at_and(names).collect();
            let split: Vec<&str> = names.split(" and ").collect();
            assert_eq!(ours, split, "{names:?}");
        }
        let (_, _, who) = credit("Rescue. (Xinhua/Li Ming and Wang Peng, Zhao Lei)").unwrap();
        assert_eq!(who, names(&["Li Ming", "Wang Peng", "Zhao Lei"]));
    }

    #[test]
    fn photo_by_name_slash_agency() {
        let (text, agency, who) =
            credit("A view of the port. (Photo by Zhang Wei/Xinhua)").unwrap();
        assert_eq!(text, "Photo by Zhang Wei/Xinhua");
        assert_eq!(agency.as_deref(), Some("Xinhua"));
        assert_eq!(who, names(&["Zhang Wei"]));
    }

    #[test]
    fn reuters_and_ap_photo() {
        let (_, agency, who) = credit("Troops march. (Reuters/Jane Doe)").unwrap();
        assert_eq!(
            (agency.as_deref(), who),
            (Some("Reuters"), names(&["Jane Doe"]))
        );
        let (_, agency, who) = credit("Crowds gather. (AP Photo/Ben Curtis)").unwrap();
        assert_eq!(
            (agency.as_deref(), who),
            (Some("AP"), names(&["Ben Curtis"]))
        );
        let (_, agency, who) = credit("Smoke rises. (AP Photo/STR)").unwrap();
        assert_eq!((agency.as_deref(), who), (Some("AP"), names(&["STR"])));
    }

    #[test]
    fn other_agencies_with_full_names() {
        let (_, agency, who) = credit("A rally. (China News Service/Li Ming)").unwrap();
        assert_eq!(
            (agency.as_deref(), who),
            (Some("China News Service"), names(&["Li Ming"]))
        );
    }

    #[test]
    fn trailing_period_and_spaces_after_the_credit() {
        assert!(credit("A caption (Xinhua/Pang Xinglei).").is_some());
        assert!(credit("A caption ( Xinhua/Pang Xinglei ) ").is_some());
    }

    #[test]
    fn a_credit_written_over_a_spare_one_keeps_nothing_of_it() {
        let mut spare = Vec::new();
        let first = find_credit("Dancers. (Xinhua/Li Xiang, Wang Peng)", &mut spare).unwrap();
        spare.push(first);
        // Refused: the spare credit stays spare.
        assert!(find_credit("Both bodies agreed (EU/UN)", &mut spare).is_none());
        assert_eq!(spare.len(), 1);
        let text = "A view. Image: NASA.";
        let again = find_credit(text, &mut spare).unwrap();
        assert!(spare.is_empty());
        assert_eq!(again, find_credit(text, &mut Vec::new()).unwrap());
        assert_eq!(
            (again.agency.as_deref(), again.photographers.len()),
            (Some("NASA"), 0)
        );
    }

    #[test]
    fn parentheses_alone_are_not_a_credit() {
        for text in [
            "The Communist Party of China (CPC) met.",
            "Growth was 5 percent (year on year)",
            "Speed rose to 90 (km/h)",
            "The ratio was (3/4)",
            "Both bodies agreed (EU/UN)",
            "Negotiation of Free Trade Agreements and Regional Trade Arrangements (FTAs/RTAs).",
            "Prices rose (Brent/WTI)",
            "(Xinhua/Pang Xinglei) opened the paragraph but did not end it.",
            "Nested (a (Xinhua/Pang) b)",
            "No credit at all",
            ")",
            "",
        ] {
            assert_eq!(credit(text), None, "{text:?}");
        }
    }
}
