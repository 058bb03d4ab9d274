//! Name candidates in one text: runs of capitalized words joined by the connectors
//! names use, cut at titles, and typed by head words, gazetteers and context.

use super::find_byte;
use super::gazetteer::{self as gz, Lexicon, Phrase};
use super::tokenize::{CAP, JOINED, Kind, LOWER, SENT, Token, UPPER, WordSink};
use crate::article::trim_space;

/// What the evidence inside and around a candidate says it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Guess {
    /// A person.
    Person,
    /// An organization.
    Org,
    /// A place.
    Place,
    /// A name of unknown kind, decided later from the rest of the article.
    Unknown,
    /// A capitalized word that is a name only if the article names it elsewhere.
    Weak,
}

/// The word before is a place preposition (`in`, `from` …).
pub const CTX_PREP: u8 = 1;
/// The word before is `the`.
pub const CTX_THE: u8 = 2;
/// A verb of speech follows (`Wang noted`) or precedes (`said Li`).
pub const CTX_SPEECH: u8 = 4;
/// An apposition or relative clause follows (`, a member of`, `, who`).
pub const CTX_APPOS: u8 = 8;
/// A possessive follows (`China's`).
pub const CTX_POSS: u8 = 16;

/// One name candidate.
#[derive(Debug, Clone, Copy)]
pub struct Cand {
    /// Byte range in the text.
    pub start: u32,
    /// End of that range (exclusive).
    pub end: u32,
    /// Kind suggested by the evidence.
    pub guess: Guess,
    /// The kind comes from strong evidence (head word, title, credit, gazetteer).
    pub strong: bool,
    /// Number of words.
    pub words: u8,
    /// Written in capitals (`CPC`, `U.S.`).
    pub upper: bool,
    /// A country in the gazetteer.
    pub country: bool,
    /// Context bits (`CTX_*`).
    pub ctx: u8,
    /// It is an acronym defined right after the candidate before it: `Communist Party of China (CPC)`.
    pub defined: bool,
    /// A lone head or title word (`Church`, `Office`): no short form of a longer name.
    pub generic: bool,
    /// Names listed together (`Aksu, Hotan, Alaer and Kunyu`) share a non-zero number.
    pub coord: u32,
    /// Its words are separated by single spaces.
    pub clean: bool,
    /// One of its words is written in capitals (`FIRST Global`).
    pub has_upper: bool,
}

/// Where the text is in the article, which changes some rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    /// Text is a headline.
    pub title: bool,
    /// Byte length of a dateline at the start of the text (0 if none).
    pub dateline: usize,
}

/// Reusable buffers for [`find`].
#[derive(Default)]
pub struct Scratch {
    tokens: Vec<Token>,
    /// Token indices of the words other than plain lower-case ones.
    others: Vec<u32>,
    flags: Vec<u32>,
    runs: Vec<(usize, usize)>,
    phrases: Vec<Phrase>,
    forced: Vec<(usize, usize, Guess)>,
    found: Vec<(usize, usize, u32)>,
    coord: u32,
    sport: u32,
}

impl Scratch {
    /// The number of words of sports reporting seen since the last call.
    pub fn take_sport(&mut self) -> u32 {
        std::mem::take(&mut self.sport)
    }
}

fn is_place_preposition(w: &[u8]) -> bool {
    matches!(
        w,
        b"in"
            | b"at"
            | b"from"
            | b"near"
            | b"to"
            | b"into"
            | b"across"
            | b"outside"
            | b"inside"
            | b"toward"
            | b"towards"
            | b"via"
            | b"through"
            | b"around"
            | b"throughout"
            | b"visited"
            | b"visit"
            | b"visiting"
    )
}

/// Flag bit (beyond the lexicon's) of a token that can be part of a name.
const NAME_WORD: u32 = 1 << 31;

/// Common nouns of places before `of`: `the town of Yeoncheon`.
const PLACE_NOUNS: &[&str] = &[
    "town",
    "city",
    "village",
    "province",
    "county",
    "district",
    "region",
    "state",
    "capital",
    "island",
    "islands",
    "suburb",
    "port",
    "municipality",
    "prefecture",
    "republic",
];

/// Lower-case second parts that make a capitalized word an adjective: `Warhol-like`.
const ADJECTIVE_ENDS: &[&str] = &[
    "like",
    "style",
    "based",
    "led",
    "born",
    "winner",
    "winning",
    "era",
    "made",
    "owned",
    "backed",
    "funded",
    "related",
    "room",
    "type",
    "class",
    "level",
    "wide",
    "free",
    "friendly",
    "speaking",
    "controlled",
    "run",
    "linked",
    "held",
    "themed",
    "inspired",
    "bound",
    "sized",
    "shaped",
    "oriented",
    "specific",
    "listed",
    "registered",
    "educated",
    "trained",
    "built",
];

#[inline]
fn is_name_word(t: &Token, text: &str, lx: &Lexicon) -> bool {
    match t.kind {
        Kind::Word if t.shape & (CAP | JOINED) == CAP | JOINED => {
            let w = t.text(text);
            // `R-Texas`: a party and state after a politician's name.
            let affiliation =
                w.len() > 2 && w.as_bytes()[1] == b'-' && w.as_bytes()[0].is_ascii_uppercase();
            !affiliation
                && !w
                    .rsplit_once('-')
                    .is_some_and(|(_, end)| ADJECTIVE_ENDS.contains(&end))
        }
        Kind::Word if t.shape & CAP != 0 => true,
        // `al-Amr`, `el-Sisi`: a lower-case particle joined to a capitalized name.
        Kind::Word if t.shape & (LOWER | JOINED) == LOWER | JOINED => {
            let w = t.text(text);
            w.split_once('-').is_some_and(|(p, rest)| {
                rest.chars().next().is_some_and(char::is_uppercase)
                    && lx.word(p.as_bytes()) & gz::PARTICLE != 0
            })
        }
        _ => false,
    }
}

/// Finds the name candidates of `text`, appending them to `out`.
pub fn find(text: &str, at: Place, s: &mut Scratch, out: &mut Vec<Cand>) {
    let first = out.len();
    find_runs(text, at, s, out);
    coordinate(text, &mut out[first..], &mut s.coord);
}

fn find_runs(text: &str, at: Place, s: &mut Scratch, out: &mut Vec<Cand>) {
    let lx = gz::lexicon();
    // Plain lower-case words are only counted as sports words: name words are
    // among the others, which alone are looked at again.
    let mut sport = 0;
    let mut words = WordSink {
        plain: |w: &[u8]| sport += u32::from(lx.is_sport_word(w)),
        others: &mut s.others,
    };
    super::tokenize::tokenize(text, &mut s.tokens, &mut words);
    // Slices, not vectors, so that the loops below keep their addresses and lengths at hand.
    let toks = s.tokens.as_slice();
    s.flags.clear();
    s.flags.resize(toks.len(), 0);
    // Lower-case words (particles, verbs of speech) are looked up where they matter.
    let mut seen = 0;
    let flags = s.flags.as_mut_slice();
    for &k in s.others.iter() {
        let t = &toks[k as usize];
        if is_name_word(t, text, lx) {
            let f = lx.word(t.bytes(text)) | NAME_WORD;
            seen |= f;
            flags[k as usize] = f;
        } else {
            sport += u32::from(lx.is_sport_word(t.bytes(text)));
        }
    }
    s.sport += sport;
    let flags = s.flags.as_slice();
    let headline = at.title && is_headline_case(toks, flags);

    // Runs of capitalized words, with possessives of collectives, particles, title dots and `&`.
    s.runs.clear();
    let n = toks.len();
    // The first token after the last run: name words before it are in that run.
    let mut next = 0;
    // The name words are among the other words.
    for &i in s.others.iter() {
        let i = i as usize;
        if i < next || flags[i] & NAME_WORD == 0 {
            continue;
        }
        let a = i;
        let mut j = i + 1;
        loop {
            if j >= n {
                break;
            }
            let t = &toks[j];
            if flags[j] & NAME_WORD != 0 {
                // `… the U.S. The next …`, `Belle Image: Nick Moreau`: a new sentence or a credit.
                let after_dot = || text.as_bytes()[..t.start as usize].ends_with(b". ");
                let cue = flags[j] & gz::CREDIT_CUE != 0
                    && toks.get(j + 1).is_some_and(|n| n.is_punct(b':'));
                if cue || flags[j] & (gz::STOP | gz::DATE) != 0 && after_dot() {
                    break;
                }
                j += 1;
                continue;
            }
            let next_name = j + 1 < n && flags[j + 1] & NAME_WORD != 0;
            if !next_name {
                break;
            }
            let glue = match t.kind {
                Kind::Possessive => flags[j - 1] & gz::COLLECTIVE != 0,
                Kind::Word => t.shape & LOWER != 0 && lx.word(t.bytes(text)) & gz::PARTICLE != 0,
                // `Mr. Smith`, `George W. Bush`, `St. Louis`
                Kind::Punct(b'.') => {
                    toks[j - 1].end == t.start
                        && (flags[j - 1] & gz::TITLE != 0
                            || toks[j - 1].end - toks[j - 1].start == 1 && j - 1 > a
                            || matches!(
                                toks[j - 1].text(text),
                                "St" | "Mt" | "Ft" | "Co" | "Bros" | "Jr" | "Sr"
                            ))
                }
                Kind::Punct(b'&') => true,
                _ => false,
            };
            if !glue {
                break;
            }
            j += 2;
        }
        // Joined to the run before by a connector, or a run of its own.
        match s.runs.last_mut() {
            Some(last) if connected(text, toks, flags, *last, (a, j)) => last.1 = j,
            _ => s.runs.push((a, j)),
        }
        next = j;
    }

    // Credits and datelines decide the kind of what they contain.
    s.forced.clear();
    credit_parts(text, toks, flags, seen & gz::CREDIT_CUE != 0, &mut s.forced);
    if at.dateline > 0 {
        dateline_parts(toks, flags, at.dateline, &mut s.forced);
    }

    // The tokens from the first forced part to the last: only runs they reach can
    // hold a forced part or be in one (every part holds a token).
    debug_assert!(s.forced.iter().all(|f| f.0 < f.1));
    let (lo, hi) =
        (s.forced.iter()).fold((usize::MAX, 0), |(lo, hi), f| (lo.min(f.0), hi.max(f.1)));
    for r in 0..s.runs.len() {
        let (a, b) = s.runs[r];
        let near = lo <= b && a <= hi;
        let forced = if near {
            s.forced.iter().find(|f| f.0 <= a && b <= f.1).map(|f| f.2)
        } else {
            None
        };
        let before = out.len();
        if let Some(g) = forced {
            let (a, b) = trim(toks, flags, a, b, true);
            if a < b {
                push(out, text, toks, flags, a, b, g, true);
            }
        } else if near && s.forced.iter().any(|f| a <= f.0 && f.1 <= b) {
            // Several credit parts in one run: `Miharris & Acphillips`.
            for &(fa, fb, g) in s.forced.iter().filter(|f| a <= f.0 && f.1 <= b) {
                let (fa, fb) = trim(toks, flags, fa, fb, true);
                if fa < fb {
                    push(out, text, toks, flags, fa, fb, g, true);
                }
            }
        } else if b == a + 1 && !headline {
            // One word: no listed name of several words, nothing to trim but the word.
            if !droppable(toks, flags, a) {
                classify_word(text, toks, flags, a, &[], out);
            }
        } else {
            if (a..b - 1).any(|i| flags[i] & gz::PHRASE_START != 0) {
                phrases_in(text, toks, flags, a, b, &mut s.phrases, &mut s.found);
            } else {
                s.found.clear();
            }
            if headline {
                headline_run(text, toks, flags, a, b, &s.found, out);
            } else {
                classify(text, toks, flags, a, b, &s.found, out);
            }
        }
        // An acronym in parentheses right after a name defines it: `Korean
        // Central News Agency (KCNA)`; not in a dateline, where it is the
        // agency: `NAIROBI, Kenya (AP)`.
        let defines = || {
            (toks[b + 2].is_punct(b')') || toks[b + 2].is_punct(b']'))
                && toks[b + 1].kind == Kind::Word
                && toks[b + 1].shape & UPPER != 0
                && s.runs.get(r + 1) == Some(&(b + 1, b + 2))
        };
        // Tested one after another, the likeliest to fail first.
        let one = out.len() == before + 1;
        let opens = b + 2 < n && matches!(toks[b].kind, Kind::Punct(b'(' | b'['));
        if opens && one && toks[b + 1].end as usize > at.dateline && defines() {
            let g = out[before].guess;
            let strong = out[before].strong;
            push(out, text, toks, flags, b + 1, b + 2, g, strong);
            if let Some(last) = out.last_mut() {
                last.defined = true;
            }
            s.runs[r + 1] = (b + 2, b + 2);
        }
    }
}

/// Numbers the names listed together: only `,`, `and`, `or` between them.
fn coordinate(text: &str, cands: &mut [Cand], next: &mut u32) {
    for k in 1..cands.len() {
        let (end, start) = (cands[k - 1].end as usize, cands[k].start as usize);
        if end < start && lists_together(text, end..start) {
            if cands[k - 1].coord == 0 {
                *next += 1;
                cands[k - 1].coord = *next;
            }
            cands[k].coord = cands[k - 1].coord;
        }
    }
}

/// Whether the text of `gap`, between two names, lists them together: `,`, `and`,
/// `or`, `, and`, `, or` or `&` in white space.
fn lists_together(text: &str, gap: std::ops::Range<usize>) -> bool {
    // Most gaps are words: the first byte past the ASCII white space rules them out,
    // read from the bytes before the text is cut.
    let bytes = &text.as_bytes()[gap.clone()];
    let opening = bytes.iter().position(|&c| !is_ascii_space(c));
    if let Some(p) = opening.filter(|&p| bytes[p].is_ascii()) {
        if !matches!(bytes[p], b',' | b'a' | b'o' | b'&') {
            return false;
        }
        // The trimmed gap starts at `p`; with more than five bytes (`, and`) it is
        // no list (`also`, `on the`).
        if bytes
            .get(p + 5)
            .is_some_and(|&c| c.is_ascii() && !is_ascii_space(c))
        {
            return false;
        }
    }
    matches!(
        trim_space(&text[gap]),
        "," | "and" | "or" | ", and" | ", or" | "&"
    )
}

/// Whether `c` is ASCII white space as `char::is_whitespace` has it (with `\x0B`,
/// unlike `u8::is_ascii_whitespace`).
fn is_ascii_space(c: u8) -> bool {
    c.is_ascii() && (c as char).is_whitespace()
}

/// Whether a headline is written in title case (most words capitalized).
fn is_headline_case(toks: &[Token], flags: &[u32]) -> bool {
    let mut words = 0;
    let mut caps = 0;
    for (t, &f) in toks.iter().zip(flags) {
        if t.kind == Kind::Word && f & gz::STOP == 0 {
            words += 1;
            caps += usize::from(t.shape & CAP != 0);
        }
    }
    words >= 3 && caps * 4 >= words * 3
}

fn lower_is(t: &Token, text: &str, w: &str) -> bool {
    t.kind == Kind::Word && t.text(text) == w
}

/// Whether the run `a..b` and the next one, `c..d`, are one name joined by `of`,
/// `of the`, `for (the)`, `at` or `and` after a head word ending the first:
/// `University of Southern Indiana`, `Tang Teaching Museum and Art Gallery`.
fn connected(
    text: &str,
    toks: &[Token],
    flags: &[u32],
    (a, b): (usize, usize),
    (c, d): (usize, usize),
) -> bool {
    const HEADS: u32 = gz::ORG_HEAD | gz::FACILITY | gz::PLACE_SUFFIX;
    // A connector is one or two words, the first in lower case.
    let (first, the) = match &toks[b..c] {
        [t] => (t, false),
        [t, u] => (t, u.kind == Kind::Word && u.bytes(text) == b"the"),
        _ => return false,
    };
    if first.kind != Kind::Word || first.shape & LOWER == 0 {
        return false;
    }
    let last = flags[b - 1];
    let merged_before = || toks[a..b].iter().any(|t| t.shape & LOWER != 0);
    let has_head = || {
        (a..b).any(|i| flags[i] & HEADS != 0 && flags[i] & gz::TITLE == 0)
            || (a..b).any(|i| flags[i] & gz::ORG_HEAD != 0)
    };
    let right_org = || flags[d - 1] & gz::ORG_HEAD != 0;
    let right_heads = || (c..d).any(|i| flags[i] & HEADS != 0);
    match (c - b, first.bytes(text)) {
        (1, b"of") => {
            (last & HEADS != 0 && last & gz::TITLE == 0)
                || (merged_before() && has_head() && !right_heads() && d - c <= 2)
        }
        (1, b"for") => last & HEADS != 0 && !right_org(),
        (1, b"at") => {
            (a..b).any(|i| matches!(toks[i].text(text), "University" | "College")) && !right_org()
        }
        // `Tang Teaching Museum and Art Gallery`, `Food and Agriculture Organization`
        (1, b"and") => {
            let right_head = right_org() && d - c >= 2;
            let plain_left = b - a == 1 && last & !(NAME_WORD | gz::PHRASE_START) == 0;
            right_head && (last & HEADS != 0 && b - a <= 4 || plain_left)
        }
        (2, b"of" | b"for") if the => {
            (last & HEADS != 0 && last & gz::TITLE == 0 || merged_before() && has_head())
                && !right_org()
                && flags[d - 1] & gz::KNOWN_ORG == 0
        }
        _ => false,
    }
}

/// Marks the parts of a photo credit at the end of the text: `(Xinhua/Pang Xinglei)`,
/// `(Photo by Jane Doe/Reuters)`, `Image: Nick Moreau.`
fn credit_parts(
    text: &str,
    toks: &[Token],
    flags: &[u32],
    cues: bool,
    forced: &mut Vec<(usize, usize, Guess)>,
) {
    let n = toks.len();
    // `Image: Name`, anywhere (where `cues` says a credit cue is).
    for i in 0..if cues { n.saturating_sub(2) } else { 0 } {
        if flags[i] & gz::CREDIT_CUE != 0 && toks[i].shape & CAP != 0 && toks[i + 1].is_punct(b':')
        {
            let a = i + 2;
            let mut b = a;
            while b < n
                && (toks[b].is_cap()
                    || (toks[b].is_punct(b'.') || toks[b].is_punct(b'&'))
                        && b + 1 < n
                        && toks[b + 1].is_cap())
            {
                b += 1;
            }
            // `Image: Miharris & Acphillips`, `Image: NASA Bill Ingalls`
            let mut s = a;
            for k in a..=b {
                if k == b || toks[k].is_punct(b'&') {
                    let agency =
                        k >= s + 3 && (toks[s].shape & UPPER != 0 || flags[s] & gz::KNOWN_ORG != 0);
                    if agency {
                        forced.push((s, s + 1, Guess::Org));
                        s += 1;
                    }
                    if k > s {
                        forced.push((s, k, part_kind(toks, flags, s, k, Guess::Person)));
                    }
                    s = k + 1;
                }
            }
        }
    }
    // `( … / … )` closing the text.
    let mut end = n;
    while end > 0 && matches!(toks[end - 1].kind, Kind::Punct(b'.')) {
        end -= 1;
    }
    if end < 3 || !toks[end - 1].is_punct(b')') {
        return;
    }
    let Some(open) = (0..end - 1).rev().find(|&i| toks[i].is_punct(b'(')) else {
        return;
    };
    let inner = open + 1..end - 1;
    if !toks[inner.clone()].iter().any(|t| t.is_punct(b'/')) {
        return;
    }
    let mut part = 0;
    let mut a = inner.start;
    for i in inner.clone().chain(std::iter::once(inner.end)) {
        let sep = i == inner.end
            || toks[i].is_punct(b'/')
            || toks[i].is_punct(b',')
            || toks[i].is_punct(b'&')
            || lower_is(&toks[i], text, "and");
        if !sep {
            continue;
        }
        let mut s = a;
        // `Photo by Name`
        while s < i && (flags[s] & gz::CREDIT_CUE != 0 || lower_is(&toks[s], text, "by")) {
            s += 1;
        }
        if s < i {
            let default = if part == 0 && toks[i..inner.end].iter().any(|t| t.is_punct(b'/')) {
                Guess::Org
            } else {
                Guess::Person
            };
            forced.push((s, i, part_kind(toks, flags, s, i, default)));
        }
        part += 1;
        a = i + 1;
    }
}

/// The kind of one credit part: agencies are known, acronyms or headed; others are `default`.
fn part_kind(toks: &[Token], flags: &[u32], a: usize, b: usize, default: Guess) -> Guess {
    let f = flags[b - 1];
    if f & gz::KNOWN_ORG != 0
        || f & gz::ORG_HEAD != 0
        || (b - a == 1 && toks[a].shape & UPPER != 0 && f & gz::PLACE == 0)
    {
        Guess::Org
    } else {
        default
    }
}

/// Marks the place names and agency of a dateline `HOTAN, Xinjiang, July 9 (Xinhua) --`.
fn dateline_parts(
    toks: &[Token],
    flags: &[u32],
    len: usize,
    forced: &mut Vec<(usize, usize, Guess)>,
) {
    let mut in_paren = false;
    for (i, t) in toks.iter().enumerate() {
        if t.end as usize > len {
            break;
        }
        match t.kind {
            Kind::Punct(b'(') => in_paren = true,
            Kind::Punct(b')') => in_paren = false,
            Kind::Word if t.shape & CAP != 0 && flags[i] & gz::DATE == 0 => {
                forced.push((i, i + 1, if in_paren { Guess::Org } else { Guess::Place }));
            }
            _ => {}
        }
    }
    // Neighbouring words of one part form one name (`NEW YORK`).
    forced.sort_by_key(|f| f.0);
    let mut k = 0;
    while k + 1 < forced.len() {
        if forced[k].1 == forced[k + 1].0 && forced[k].2 == forced[k + 1].2 {
            forced[k].1 = forced[k + 1].1;
            forced.remove(k + 1);
        } else {
            k += 1;
        }
    }
}

/// Whether token `i` is no word or a function or date word (not a listed name).
#[inline(always)]
fn droppable(toks: &[Token], flags: &[u32], i: usize) -> bool {
    let f = flags[i];
    toks[i].kind != Kind::Word
        || f & (gz::STOP | gz::DATE) != 0 && f & (gz::PLACE | gz::KNOWN_ORG) == 0
}

/// Drops function words and date words around the name, and leading demonyms unless
/// `keep_demonym`.
#[inline(always)]
fn trim(
    toks: &[Token],
    flags: &[u32],
    mut a: usize,
    mut b: usize,
    keep_demonym: bool,
) -> (usize, usize) {
    // Every index looked at is below `b`: its bounds are checked once, here.
    let (toks, flags) = (&toks[..b], &flags[..b]);
    let droppable = |i: usize| droppable(toks, flags, i);
    while a < b
        && (droppable(a)
            || !keep_demonym && flags[a] & gz::DEMONYM != 0 && flags[a] & gz::PLACE == 0)
    {
        a += 1;
    }
    // `Johnnie Christmas`: a surname after a given name stays.
    while b > a
        && droppable(b - 1)
        && !(b - 1 > a && flags[b - 1] & gz::SURNAME != 0 && flags[b - 2] & gz::GIVEN != 0)
    {
        b -= 1;
    }
    (a, b)
}

#[allow(clippy::too_many_arguments)]
fn push(
    out: &mut Vec<Cand>,
    text: &str,
    toks: &[Token],
    flags: &[u32],
    a: usize,
    b: usize,
    guess: Guess,
    strong: bool,
) {
    let (words, has_upper, clean) = words_of(text.as_bytes(), &toks[a..b]);
    let mut ctx = 0u8;
    if a > 0 {
        let p = &toks[a - 1];
        if p.kind == Kind::Word && p.shape & LOWER != 0 {
            let w = p.bytes(text);
            let place_of = w == b"of" && a > 1 && PLACE_NOUNS.contains(&toks[a - 2].text(text));
            if is_place_preposition(w) || place_of {
                ctx |= CTX_PREP;
            } else if w == b"the" {
                ctx |= CTX_THE;
            } else if gz::lexicon().is_speech_verb(w) {
                ctx |= CTX_SPEECH;
            }
        }
    }
    if let Some(nx) = toks.get(b) {
        match nx.kind {
            Kind::Possessive => ctx |= CTX_POSS,
            Kind::Word if nx.shape & LOWER != 0 && gz::lexicon().is_speech_verb(nx.bytes(text)) => {
                ctx |= CTX_SPEECH
            }
            Kind::Punct(b',') => {
                if let Some(n2) = toks.get(b + 1) {
                    let w = n2.bytes(text);
                    if n2.kind == Kind::Number || matches!(w, b"who" | b"a" | b"an" | b"whose") {
                        ctx |= CTX_APPOS;
                    }
                }
            }
            _ => {}
        }
    }
    let first = &toks[a];
    let one_flags = if b - a == 1 { flags[a] } else { 0 };
    out.push(Cand {
        start: first.start,
        end: toks[b - 1].end,
        guess,
        strong,
        words: words.min(255) as u8,
        upper: b - a == 1 && first.shape & UPPER != 0,
        country: one_flags & gz::COUNTRY != 0,
        ctx,
        defined: false,
        generic: b - a == 1 && flags[a] & (HEADS | gz::TITLE | gz::EVENT) != 0,
        coord: 0,
        has_upper,
        clean,
    });
}

/// Of the tokens of a candidate: how many are words, whether one is written in
/// capitals, and whether each follows the one before directly or after one space.
/// One short loop: a candidate has a few tokens, too few for vector code to pay.
fn words_of(text: &[u8], toks: &[Token]) -> (usize, bool, bool) {
    let (mut words, mut has_upper, mut clean) = (0, false, true);
    let mut prev_end = None;
    for t in toks {
        words += usize::from(t.kind == Kind::Word);
        has_upper |= t.shape & UPPER != 0;
        if let Some(end) = prev_end {
            let gap = t.start - end;
            clean &= gap == 0 || gap == 1 && text[end as usize] == b' ';
        }
        prev_end = Some(t.end);
    }
    (words, has_upper, clean)
}

/// Gazetteer phrases covering tokens of `a..b` exactly: (first token, end token, flags).
fn phrases_in(
    text: &str,
    toks: &[Token],
    flags: &[u32],
    a: usize,
    b: usize,
    buf: &mut Vec<Phrase>,
    found: &mut Vec<(usize, usize, u32)>,
) {
    let lx = gz::lexicon();
    buf.clear();
    found.clear();
    if b - a < 2 {
        return;
    }
    let base = toks[a].start as usize;
    let span = &text[base..toks[b - 1].end as usize];
    if toks[a..b]
        .iter()
        .all(|t| t.kind != Kind::Word || t.shape & UPPER != 0)
    {
        // `NEW YORK`: look the capitalized form up.
        let folded: String = span
            .split(' ')
            .map(|w| {
                let mut s = w.to_ascii_lowercase();
                if let Some(c) = s.get_mut(0..1) {
                    c.make_ascii_uppercase();
                }
                s
            })
            .collect::<Vec<_>>()
            .join(" ");
        if folded.len() == span.len() {
            lx.phrases(&folded, buf);
        }
    } else if may_hold_phrase(text, toks, flags, a, b) {
        lx.phrases(span, buf);
    }
    for p in buf.iter() {
        let (s, e) = (base + p.start, base + p.end);
        let i = (a..b).find(|&i| toks[i].start as usize == s);
        let j = (a..b).find(|&j| toks[j].end as usize == e);
        if let (Some(i), Some(j)) = (i, j) {
            found.push((i, j + 1, p.flags));
        }
    }
}

/// Whether a listed name of several words could match at a token of `a..b` and end at
/// one: the word from the token on must open a listed name, and the text from the
/// token to the end of a token in the next word (or to the end of that word) must be
/// the first two words of one. Only names passing this can be found by
/// [`Lexicon::phrases`](gz::Lexicon::phrases), so the check only saves work.
fn may_hold_phrase(text: &str, toks: &[Token], flags: &[u32], a: usize, b: usize) -> bool {
    let lx = gz::lexicon();
    let bytes = text.as_bytes();
    let span_end = toks[b - 1].end as usize;
    let space_after = |from: usize| find_byte(&bytes[from..span_end], b' ').map(|p| from + p);
    (a..b).any(|i| {
        let s = toks[i].start as usize;
        let end = toks[i].end as usize;
        // No token holds a space: the first one from the token's start is the first
        // from its end, most often right there.
        let space = if end < span_end && bytes[end] == b' ' {
            end
        } else {
            let Some(space) = space_after(end) else {
                return false;
            };
            space
        };
        // Every listed name opens with a word marked as such (a name word up to the
        // space was looked up already).
        let first = if end == space && flags[i] & NAME_WORD != 0 {
            flags[i]
        } else {
            lx.word(&bytes[s..space])
        };
        if first & gz::PHRASE_START == 0 {
            return false;
        }
        let second = space + 1;
        // The second word ends where the tokens from `second` on, one right after
        // another, stop at a space or at the span's end (else at the first space on).
        let mut k = i + 1;
        let mut word_end = None;
        if k < b && toks[k].start as usize == second {
            while k + 1 < b && toks[k + 1].start == toks[k].end {
                k += 1;
            }
            let e = toks[k].end as usize;
            word_end = (e == span_end || bytes[e] == b' ').then_some(e);
        }
        let word_end = word_end.unwrap_or_else(|| space_after(second).unwrap_or(span_end));
        let ends = toks[i + 1..b]
            .iter()
            .map(|t| t.end as usize)
            .skip_while(|&e| e < second)
            .take_while(|&e| e < word_end);
        // No listed name has an empty word: the second word holds a byte.
        std::iter::once(word_end)
            .chain(ends)
            .any(|e| lx.opens_phrase(&text[s..e]))
    })
}

/// Kind from a gazetteer entry's flags.
fn listed(f: u32) -> Option<Guess> {
    if f & gz::KNOWN_ORG != 0 {
        Some(Guess::Org)
    } else if f & gz::PLACE != 0 {
        Some(Guess::Place)
    } else {
        None
    }
}

/// A headline in title case: only listed names count, other runs are weak.
#[allow(clippy::too_many_arguments)]
fn headline_run(
    text: &str,
    toks: &[Token],
    flags: &[u32],
    a: usize,
    b: usize,
    phrases: &[(usize, usize, u32)],
    out: &mut Vec<Cand>,
) {
    let mut i = a;
    let mut weak_start = a;
    let flush = |out: &mut Vec<Cand>, s: usize, e: usize| {
        let (s, e) = trim(toks, flags, s, e, false);
        if s < e {
            push(out, text, toks, flags, s, e, Guess::Weak, false);
        }
    };
    while i < b {
        let (end, g) = match phrases.iter().find(|p| p.0 == i) {
            Some(&(_, e, f)) => (e, listed(f)),
            None => (i + 1, listed(flags[i])),
        };
        if let Some(g) = g {
            flush(out, weak_start, i);
            push(out, text, toks, flags, i, end, g, true);
            weak_start = end;
        }
        i = end;
    }
    flush(out, weak_start, b);
}

/// Whether a single unknown word looks like a group or product rather than a name:
/// plurals and nationality nouns (`Afghans`, `Scientologist`), model numbers (`IE9`).
fn group_word(b: &[u8]) -> bool {
    if b.iter().any(u8::is_ascii_digit) {
        return true;
    }
    // Four bytes or more ending in `s` (not `ss`, `us`, `is`), `ian`, `ese` or
    // `ologist`, told apart by the last byte.
    let n = b.len();
    let ending = n >= 4
        && match b[n - 1] {
            b's' => !matches!(b[n - 2], b's' | b'u' | b'i'),
            b'n' => b.ends_with(b"ian"),
            b'e' => b.ends_with(b"ese"),
            b't' => b.ends_with(b"ologist"),
            _ => false,
        };
    ending && !b.iter().any(|c| matches!(c, b'-' | b'\'' | b'.'))
}

const HEADS: u32 = gz::ORG_HEAD | gz::FACILITY | gz::PLACE_SUFFIX;
const NOT_NAME: u32 = gz::GENERIC
    | gz::STOP
    | gz::DATE
    | gz::TITLE
    | gz::DEMONYM
    | HEADS
    | gz::EVENT
    | gz::CREDIT_CUE;

/// Types one run, splitting it where titles and gazetteer names show it holds several.
fn classify(
    text: &str,
    toks: &[Token],
    flags: &[u32],
    a: usize,
    b: usize,
    ph: &[(usize, usize, u32)],
    out: &mut Vec<Cand>,
) {
    let (a, b) = trim(toks, flags, a, b, true);
    match b.saturating_sub(a) {
        0 => {}
        1 => classify_word(text, toks, flags, a, ph, out),
        _ => classify_words(text, toks, flags, a, b, ph, out),
    }
}

/// Notes whether the candidate pushed last is a country's name.
fn mark_country(out: &mut [Cand], country: bool) {
    if let Some(c) = out.last_mut() {
        c.country = country;
    }
}

/// Types the run of the one word `a` (trimmed): the rules of [`classify_words`]
/// that can apply to a single word, in the same order, without the others.
fn classify_word(
    text: &str,
    toks: &[Token],
    flags: &[u32],
    a: usize,
    ph: &[(usize, usize, u32)],
    out: &mut Vec<Cand>,
) {
    let b = a + 1;
    let f = flags[a];
    // A listed name, unless a nationality (`Chinese`).
    let demonym_word = f & gz::DEMONYM != 0 && f & gz::COUNTRY == 0;
    if let Some(g) = listed(f).filter(|_| !demonym_word) {
        push(out, text, toks, flags, a, b, g, true);
        mark_country(out, f & gz::COUNTRY != 0);
        return;
    }
    // A title alone (`President`) names no one.
    if f & gz::TITLE != 0 && f & (gz::GIVEN | gz::SURNAME | gz::PLACE) == 0 {
        return;
    }
    // `Sino-Japanese`: nationalities joined by a hyphen.
    if toks[a].shape & JOINED != 0 && joined_demonyms(toks[a].text(text)) {
        return;
    }
    // A nationality (`Chinese`, or the first word of `South Korean` where a listed
    // name of several words opens here) is no name on its own.
    if f & gz::DEMONYM != 0 && f & gz::PLACE == 0
        || ph.iter().any(|p| p.0 == a && p.2 & gz::DEMONYM != 0)
    {
        return;
    }
    // A single letter.
    if toks[a].end - toks[a].start == 1 {
        return;
    }
    // Generic words, sentence openers, plurals only count if linked later.
    let w = toks[a].text(text);
    let unlisted = f & !(NAME_WORD | gz::PHRASE_START) == 0;
    // `Bangladeshis`, `Iraqis`: the plural of a nationality.
    let demonym_plural = unlisted
        && w.len() > 3
        && w.ends_with('s')
        && gz::lexicon().word(&w.as_bytes()[..w.len() - 1]) & gz::DEMONYM != 0;
    let weak = f & NOT_NAME != 0
        || toks[a].shape & SENT != 0
        || unlisted && (group_word(w.as_bytes()) || common_noun_like(w.as_bytes()))
        || demonym_plural;
    let g = if weak {
        Guess::Weak
    } else if f & gz::GIVEN != 0 {
        Guess::Person
    } else {
        Guess::Unknown
    };
    push(out, text, toks, flags, a, b, g, false);
}

/// Whether `w` is nationalities joined by hyphens: `Sino-Japanese`, `Palestinian-Israeli`.
fn joined_demonyms(w: &str) -> bool {
    w.contains('-')
        && w.split('-')
            .all(|p| gz::lexicon().word(p.as_bytes()) & gz::DEMONYM != 0)
}

/// Types a run of two words or more `a..b` (trimmed).
fn classify_words(
    text: &str,
    toks: &[Token],
    flags: &[u32],
    a: usize,
    b: usize,
    ph: &[(usize, usize, u32)],
    out: &mut Vec<Cand>,
) {
    let len = b - a;
    let last = flags[b - 1];
    // The flags of any word of the run: rules needing one that none has are passed over.
    let any = flags[a..b].iter().fold(0, |u, &f| u | f);

    // A listed name as a whole.
    let whole = ph.iter().find(|p| p.0 == a && p.1 == b).map(|p| p.2);
    if let Some(g) = whole.and_then(listed) {
        push(out, text, toks, flags, a, b, g, true);
        mark_country(out, whole.unwrap_or(0) & gz::COUNTRY != 0);
        return;
    }
    // The head word: the last word, or the last before a lower-case connector
    // (`University of Southern Indiana`).
    let connector = (a + 1..b).find(|&i| toks[i].kind == Kind::Word && toks[i].shape & LOWER != 0);
    let hf = if last & (HEADS | gz::EVENT) != 0 || connector.is_none() {
        last
    } else {
        flags[connector.map_or(b, |c| c) - 1]
    };
    // An event is no entity, but the places it is named after are (`Fan Expo Canada`).
    let event = any & gz::EVENT != 0
        && (hf & gz::EVENT != 0 && hf & HEADS == 0
            || last & HEADS == 0
                && (a + 1..b).any(|k| {
                    flags[k] & gz::EVENT != 0 && (k + 1..b).all(|i| flags[i] & gz::PLACE != 0)
                }));
    if event {
        for i in a..b {
            if flags[i] & gz::COUNTRY != 0 {
                push(out, text, toks, flags, i, i + 1, Guess::Place, true);
                mark_country(out, true);
            }
        }
        return;
    }
    // `Refugee Council Enver Solomon`: a person named after the organization.
    if len >= 3 && last & HEADS == 0 && any & (gz::ORG_HEAD | gz::FACILITY) != 0 {
        let name_after = |k: usize| {
            (k + 1..b).all(|i| toks[i].shape & (UPPER | LOWER) == 0 && flags[i] & NOT_NAME == 0)
        };
        let split = (a + 1..b - 1).rev().find(|&k| {
            flags[k] & (gz::ORG_HEAD | gz::FACILITY) != 0
                && (2..=3).contains(&(b - k - 1))
                && name_after(k)
        });
        let named = |k: usize| flags[k + 1] & gz::GIVEN != 0 || flags[b - 1] & gz::SURNAME != 0;
        if let Some(k) = split.filter(|&k| named(k)) {
            classify(text, toks, flags, a, k + 1, ph, out);
            push(out, text, toks, flags, k + 1, b, Guess::Person, true);
            return;
        }
    }
    if hf & HEADS != 0 {
        let generic = (a..b).all(|i| flags[i] & NOT_NAME != 0);
        let g = if hf & gz::FACILITY != 0 {
            Guess::Place
        } else if hf & gz::ORG_HEAD != 0 {
            Guess::Org
        } else if hf & gz::TITLE == 0 {
            Guess::Place
        } else {
            Guess::Unknown
        };
        if g != Guess::Unknown {
            push(out, text, toks, flags, a, b, g, !generic);
            return;
        }
    }
    // `Team Estonia`, `Group F`: an organization word heading a short name.
    if (2..=3).contains(&len)
        && flags[a] & gz::ORG_HEAD != 0
        && flags[a] & gz::TITLE == 0
        && (a + 1..b).all(|i| flags[i] & HEADS == 0)
    {
        push(out, text, toks, flags, a, b, Guess::Org, false);
        return;
    }
    // Titles: `U.S. President Donald Trump` → place `U.S.`, person `Donald Trump`.
    let title = (any & gz::TITLE != 0).then(|| {
        (a..b).rev().find(|&i| {
            flags[i] & gz::TITLE != 0 && flags[i] & (gz::GIVEN | gz::SURNAME | gz::PLACE) == 0
                || toks[i].is_punct(b'.') && i > a && flags[i - 1] & gz::TITLE != 0
                || i > a && flags[i - 1] & gz::TITLE != 0 && plural_title(toks[i].bytes(text))
        })
    });
    if let Some(t) = title.flatten() {
        let mut ts = t;
        while ts > a && (flags[ts - 1] & gz::TITLE != 0 || toks[ts - 1].is_punct(b'.')) {
            ts -= 1;
        }
        if ts > a {
            classify(text, toks, flags, a, ts, ph, out);
        }
        if t + 1 < b {
            let (pa, pb) = trim(toks, flags, t + 1, b, true);
            if pa < pb {
                let listed_only = (pa..pb).all(|i| {
                    flags[i] & (gz::PLACE | gz::KNOWN_ORG) != 0
                        && flags[i] & (gz::GIVEN | gz::SURNAME) == 0
                });
                // `Senior Officials`: a plural after a title is a group, not a person.
                let group = pb - pa == 1
                    && flags[pa] & (gz::GIVEN | gz::SURNAME) == 0
                    && toks[pa].end - toks[pa].start >= 7
                    && group_word(toks[pa].bytes(text));
                // `Exchequer Borrowing Requirement`: common nouns after a title name no person.
                let nouns = (pa..pb).any(|i| {
                    flags[i] & (gz::GIVEN | gz::SURNAME) == 0
                        && common_noun_like(toks[i].bytes(text))
                });
                if nouns || (listed_only || group) && pb - pa == 1 {
                    classify(text, toks, flags, pa, pb, ph, out);
                } else {
                    push(out, text, toks, flags, pa, pb, Guess::Person, true);
                }
            }
        }
        return;
    }
    // Leading demonym: `Chinese`, `South Korean` are no names on their own,
    // but `British Red Cross`, `Indonesian Navy` are.
    let demonym_end = if flags[a] & gz::DEMONYM != 0 && flags[a] & gz::PLACE == 0 {
        Some(a + 1)
    } else {
        ph.iter()
            .find(|p| p.0 == a && p.2 & gz::DEMONYM != 0)
            .map(|p| p.1)
    };
    if let Some(d) = demonym_end {
        if d < b {
            let rest_listed = ph
                .iter()
                .any(|p| p.0 == d && p.1 == b && p.2 & gz::KNOWN_ORG != 0)
                || d + 1 == b && flags[d] & gz::KNOWN_ORG != 0;
            if rest_listed {
                push(out, text, toks, flags, a, b, Guess::Org, true);
            } else {
                classify(text, toks, flags, d, b, ph, out);
            }
        }
        return;
    }
    // Listed names side by side: `United States Hamdullah Mohib`, `Malaysia Tourism`.
    let first = ph
        .iter()
        .find(|p| p.0 == a)
        .map(|p| (p.1, p.2))
        .or_else(|| (flags[a] & (gz::PLACE | gz::KNOWN_ORG) != 0).then_some((a + 1, flags[a])));
    if let Some((pe, f)) = first {
        // `Ontario Ghostbusters`, `Chicago Bulls`: a team or group named after a place.
        if pe + 1 == b
            && flags[pe] & (gz::GIVEN | gz::SURNAME | NOT_NAME | gz::PLACE) == 0
            && group_word(toks[pe].bytes(text))
            && toks[pe].shape & UPPER == 0
        {
            push(out, text, toks, flags, a, b, Guess::Org, false);
            return;
        }
        // `Washington Chris Gregoire`: a place, then a person.
        let person_after = b - pe >= 2 && flags[pe] & gz::GIVEN != 0 && flags[pe] & gz::PLACE == 0;
        let is_name = f & (gz::GIVEN | gz::SURNAME) != 0 && !person_after;
        if pe < b
            && !is_name
            && f & (gz::COUNTRY | gz::KNOWN_ORG | gz::CITY | gz::REGION | gz::CONTINENT) != 0
        {
            push(
                out,
                text,
                toks,
                flags,
                a,
                pe,
                listed(f).unwrap_or(Guess::Place),
                true,
            );
            classify(text, toks, flags, pe, b, ph, out);
            return;
        }
    }
    // `Inner Mongolia`, `Northern Ireland`: a place with a qualifier.
    if flags[b - 1] & gz::PLACE != 0 && (a..b - 1).all(|i| flags[i] & gz::GENERIC != 0) {
        push(out, text, toks, flags, a, b, Guess::Place, true);
        return;
    }
    // `Doha Development Agenda`: words shaped like common nouns name no person.
    let noun_like = |i: usize| {
        flags[i] & (gz::GIVEN | gz::SURNAME) == 0 && common_noun_like(toks[i].bytes(text))
    };
    let chinese_style = len == 2 && flags[a] & gz::SURNAME != 0;
    if !chinese_style && (a..b).any(noun_like) {
        push(out, text, toks, flags, a, b, Guess::Org, false);
        return;
    }
    // `Making Juan Gonzalez`, `Top-ranked Roger Federer`, `Premiers Wu Yi`: a common word
    // (verb, adjective, plural) opening the sentence or ending a title glued to a name.
    let name_next = flags[a + 1] & gz::GIVEN != 0 || len >= 3 && flags[a + 1] & gz::SURNAME != 0;
    if name_next && opener_word(toks, flags, text, a) {
        classify(text, toks, flags, a + 1, b, ph, out);
        return;
    }
    // Personal names.
    let shaped = |i: usize| {
        toks[i].kind == Kind::Word
            && (toks[i].shape & LOWER != 0
                || toks[i].shape & UPPER == 0 && flags[i] & NOT_NAME == 0)
    };
    if len <= 4 && (a..b).all(shaped) {
        let f0 = flags[a];
        let fl = flags[b - 1];
        let plural_end = fl & (gz::SURNAME | gz::GIVEN) == 0 && group_word(toks[b - 1].bytes(text));
        if plural_end {
            push(out, text, toks, flags, a, b, Guess::Weak, false);
            return;
        }
        if f0 & gz::GIVEN != 0 || fl & gz::SURNAME != 0 || (f0 & gz::SURNAME != 0 && len <= 3) {
            push(
                out,
                text,
                toks,
                flags,
                a,
                b,
                Guess::Person,
                f0 & gz::GIVEN != 0 && fl & gz::SURNAME != 0,
            );
            return;
        }
    }
    // `South African`: a nationality of several words.
    if flags[b - 1] & gz::DEMONYM != 0 && (a..b - 1).all(|i| flags[i] & gz::GENERIC != 0) {
        return;
    }
    push(out, text, toks, flags, a, b, Guess::Unknown, false);
}

/// Whether the word at `i` is a common lower-case English word written with a capital
/// (a sentence opener or the end of a title): a verb in -ing or -ed, an adverb in -ly,
/// an adjective joined by a hyphen (`Top-ranked`), a plural, or a general adjective
/// opening the sentence (`Late`). Listed names and title words are never such words.
fn opener_word(toks: &[Token], flags: &[u32], text: &str, i: usize) -> bool {
    const NAMED: u32 = gz::GIVEN
        | gz::SURNAME
        | gz::PLACE
        | gz::KNOWN_ORG
        | gz::TITLE
        | gz::DEMONYM
        | HEADS
        | gz::PARTICLE;
    let t = &toks[i];
    let w = t.text(text);
    if t.kind != Kind::Word || t.shape & UPPER != 0 || flags[i] & NAMED != 0 {
        return false;
    }
    let tail = w.rsplit_once('-').map_or(w, |(_, e)| e);
    let joined_lower = tail.len() < w.len() && tail.bytes().all(|c| c.is_ascii_lowercase());
    let sent = t.shape & SENT != 0;
    let verb_like = w.len() > 5 && (w.ends_with("ing") || w.ends_with("ed") || w.ends_with("ly"));
    plural_title(w.as_bytes())
        || joined_lower
        || group_word(w.as_bytes()) && !w.bytes().any(|c| c.is_ascii_digit())
        || sent && (verb_like || flags[i] & gz::GENERIC != 0)
}

/// Whether `w` is the plural of a title word: `Premiers`, `Senators`.
fn plural_title(w: &[u8]) -> bool {
    w.len() > 3 && w.ends_with(b"s") && gz::lexicon().word(&w[..w.len() - 1]) & gz::TITLE != 0
}

/// Whether a capitalized word has the ending of an English common noun or adjective
/// (`Cooperation`, `Economic`, `Management`), which personal names rarely have.
fn common_noun_like(w: &[u8]) -> bool {
    // The endings by their last byte: `-tion`, `-sion`; `-ment`; `-ity`, `-ogy`
    // (`-ology`), `-ency`, `-ancy`; `-ness`, `-ics`, `-ities`, `-ysis`, `-ives`;
    // `-ance`, `-ence`, `-ative`, `-ture`, `-ware`; `-ism`; `-ship`; `-ical`; `-omic`.
    let ends = |e: &[&[u8]]| e.iter().any(|e| w.ends_with(e));
    w.len() > 5
        && match w[w.len() - 1] {
            b'n' => ends(&[b"tion", b"sion"]),
            b't' => ends(&[b"ment"]),
            b'y' => ends(&[b"ity", b"ogy", b"ency", b"ancy"]),
            b's' => ends(&[b"ness", b"ics", b"ities", b"ysis", b"ives"]),
            b'e' => ends(&[b"ance", b"ence", b"ative", b"ture", b"ware"]),
            b'm' => ends(&[b"ism"]),
            b'p' => ends(&[b"ship"]),
            b'l' => ends(&[b"ical"]),
            b'c' => ends(&[b"omic"]),
            _ => false,
        }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Aligned phrases of `a..b` found by the name search alone, without the opening check.
    fn phrases_unchecked(
        text: &str,
        toks: &[Token],
        a: usize,
        b: usize,
    ) -> Vec<(usize, usize, u32)> {
        let mut buf = Vec::new();
        let base = toks[a].start as usize;
        gz::lexicon().phrases(&text[base..toks[b - 1].end as usize], &mut buf);
        buf.iter()
            .filter_map(|p| {
                let i = (a..b).find(|&i| toks[i].start as usize == base + p.start)?;
                let j = (a..b).find(|&j| toks[j].end as usize == base + p.end)?;
                Some((i, j + 1, p.flags))
            })
            .collect()
    }

    #[test]
    fn the_opening_check_hides_no_listed_name() {
        let texts = [
            "Flights from New Zealand, New York's mayor and the United Nations Security Council.",
            "The Associated Press, Amnesty International and Hong Kong (HK) in South Korea.",
            "St. Louis, Sri Lanka’s capital, Los Angeles-based New South Wales Police.",
            "New  Zealand and New\nZealand are split; Kuala Lumpur.",
        ];
        let mut toks = Vec::new();
        let (mut buf, mut found) = (Vec::new(), Vec::new());
        let mut listed = 0;
        let lx = gz::lexicon();
        for text in texts {
            let mut others = Vec::new();
            let mut words = WordSink {
                plain: |_: &[u8]| {},
                others: &mut others,
            };
            crate::entity::tokenize::tokenize(text, &mut toks, &mut words);
            // With the name words' flags as `find` has them, and with none.
            let looked_up: Vec<u32> = toks
                .iter()
                .map(|t| match is_name_word(t, text, lx) {
                    true => lx.word(t.bytes(text)) | NAME_WORD,
                    false => 0,
                })
                .collect();
            for flags in [looked_up, vec![0; toks.len()]] {
                for a in 0..toks.len() {
                    for b in a + 1..=toks.len() {
                        phrases_in(text, &toks, &flags, a, b, &mut buf, &mut found);
                        let all = phrases_unchecked(text, &toks, a, b);
                        listed += all.len();
                        let span = &text[toks[a].start as usize..toks[b - 1].end as usize];
                        assert_eq!(found, all, "{span:?}");
                    }
                }
            }
        }
        assert!(listed > 0, "the texts name listed places");
    }

    /// Every string of up to three of `parts`, one after another.
    fn up_to_three(parts: &[&str]) -> Vec<String> {
        let mut cases = vec![String::new()];
        for _ in 0..3 {
            let longer: Vec<String> = cases
                .iter()
                .flat_map(|c| parts.iter().map(move |p| format!("{c}{p}")))
                .collect();
            cases.extend(longer);
        }
        cases
    }

    #[test]
    fn trim_space_trims_like_str_trim() {
        let parts = [
            " ", "\t", "\n", "\u{b}", "\u{c}", "\r", "\u{a0}", "\u{2003}", "\u{85}", ",", "and",
            "é", "x",
        ];
        let mut cases = up_to_three(&parts);
        cases.sort();
        cases.dedup();
        for c in &cases {
            assert_eq!(trim_space(c), c.trim(), "{c:?}");
        }
    }

    #[test]
    fn word_endings_are_told_as_the_lists_of_endings_say() {
        let group_ref = |b: &[u8]| {
            let n = b.len();
            if b.iter().any(u8::is_ascii_digit) {
                return true;
            }
            if n < 4 || b.iter().any(|c| matches!(c, b'-' | b'\'' | b'.')) {
                return false;
            }
            let lower_end = |k: usize| b[n - k..].iter().all(u8::is_ascii_lowercase);
            let ends = |suf: &[u8]| b.ends_with(suf) && lower_end(suf.len());
            (ends(b"s") && !ends(b"ss") && !ends(b"us") && !ends(b"is"))
                || ends(b"ian")
                || ends(b"ese")
                || ends(b"ologist")
                || ends(b"ists")
        };
        const ENDS: &[&str] = &[
            "tion", "sion", "ment", "ity", "ness", "ance", "ence", "ism", "ship", "ics", "ogy",
            "ical", "omic", "ative", "ture", "ities", "ency", "ancy", "ology", "ysis", "ware",
            "ives",
        ];
        let noun_ref = |w: &[u8]| w.len() > 5 && ENDS.iter().any(|e| w.ends_with(e.as_bytes()));
        let stems = [
            "", "A", "Ab", "Abc", "X-y", "O'B", "St.", "IE9", "Eur", "Afgh", "Kenyan",
        ];
        let ends = [
            "s", "ss", "us", "is", "as", "ian", "ese", "ologist", "ists", "S", "IAN", "n", "e",
            "t", "é", "es", "ionS",
        ];
        let mut cases: Vec<String> = Vec::new();
        for stem in stems {
            for e in ends.iter().chain(ENDS) {
                cases.push(format!("{stem}{e}"));
                // The ending less its first character.
                let tail = e.char_indices().nth(1).map_or("", |(i, _)| &e[i..]);
                cases.push(format!("{stem}{tail}"));
            }
        }
        let (mut groups, mut nouns) = (0, 0);
        for c in &cases {
            let b = c.as_bytes();
            assert_eq!(group_word(b), group_ref(b), "{c:?}");
            assert_eq!(common_noun_like(b), noun_ref(b), "{c:?}");
            groups += usize::from(group_ref(b));
            nouns += usize::from(noun_ref(b));
        }
        assert!(groups > 20 && nouns > 20, "{groups} {nouns}");
    }

    #[test]
    fn gaps_list_names_together_as_their_trimmed_text_says() {
        let parts = [
            " ", "\t", "\u{b}", "\u{a0}", ",", "and", "or", "&", "a", "o", "said", "also", ";", "é",
        ];
        let cases = up_to_three(&parts);
        let mut together = 0;
        for c in &cases {
            let expected = matches!(c.trim(), "," | "and" | "or" | ", and" | ", or" | "&");
            assert_eq!(lists_together(c, 0..c.len()), expected, "{c:?}");
            together += usize::from(expected);
        }
        assert!(together > 20, "{together}");
    }
}
