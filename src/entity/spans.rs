//! Name candidates in one text: runs of capitalized words joined by the connectors
//! names use, cut at titles, and typed by head words, gazetteers and context.

use super::gazetteer::{self as gz, Lexicon, Phrase};
use super::tokenize::{CAP, JOINED, Kind, LOWER, SENT, Token, UPPER};

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
    /// It opens a sentence.
    pub sent: bool,
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
    flags: Vec<u32>,
    runs: Vec<(usize, usize)>,
    phrases: Vec<Phrase>,
    forced: Vec<(usize, usize, Guess)>,
}

const PLACE_PREPS: &[&str] = &[
    "in", "at", "from", "near", "to", "into", "across", "outside", "inside", "toward",
    "towards", "via", "through", "around", "throughout", "visited", "visit", "visiting",
];

fn is_name_word(t: &Token, text: &str, lx: &Lexicon) -> bool {
    match t.kind {
        Kind::Word if t.shape & CAP != 0 => true,
        // `al-Amr`, `el-Sisi`: a lower-case particle joined to a capitalized name.
        Kind::Word if t.shape & (LOWER | JOINED) == LOWER | JOINED => {
            let w = t.text(text);
            w.split_once('-').is_some_and(|(p, rest)| {
                lx.word(p) & gz::PARTICLE != 0 && rest.chars().next().is_some_and(char::is_uppercase)
            })
        }
        _ => false,
    }
}

/// Finds the name candidates of `text`, appending them to `out`.
pub fn find(text: &str, at: Place, s: &mut Scratch, out: &mut Vec<Cand>) {
    let lx = gz::lexicon();
    super::tokenize::tokenize(text, &mut s.tokens);
    let toks = &s.tokens;
    s.flags.clear();
    s.flags.extend(toks.iter().map(|t| match t.kind {
        Kind::Word if t.shape & CAP != 0 || is_name_word(t, text, lx) => lx.word(t.text(text)),
        Kind::Word => {
            let w = t.text(text);
            if w.len() <= 12 { lx.word(w) } else { 0 }
        }
        _ => 0,
    }));
    let flags = &s.flags;
    let headline = at.title && is_headline_case(toks, flags);

    // Runs of capitalized words, with possessives of collectives, particles, title dots and `&`.
    s.runs.clear();
    let n = toks.len();
    let mut i = 0;
    while i < n {
        if !is_name_word(&toks[i], text, lx) {
            i += 1;
            continue;
        }
        let a = i;
        let mut j = i + 1;
        loop {
            if j >= n {
                break;
            }
            let t = &toks[j];
            if is_name_word(t, text, lx) {
                j += 1;
                continue;
            }
            let next_name = j + 1 < n && is_name_word(&toks[j + 1], text, lx);
            if !next_name {
                break;
            }
            let glue = match t.kind {
                Kind::Possessive => flags[j - 1] & gz::COLLECTIVE != 0,
                Kind::Word => t.shape & LOWER != 0 && flags[j] & gz::PARTICLE != 0,
                Kind::Punct(b'.') => {
                    flags[j - 1] & gz::TITLE != 0 && toks[j - 1].end == t.start
                }
                Kind::Punct(b'&') => true,
                _ => false,
            };
            if !glue {
                break;
            }
            j += 2;
        }
        s.runs.push((a, j));
        i = j;
    }
    merge_connectors(text, toks, flags, &mut s.runs);

    // Credits and datelines decide the kind of what they contain.
    s.forced.clear();
    credit_parts(text, toks, flags, &mut s.forced);
    if at.dateline > 0 {
        dateline_parts(toks, flags, at.dateline, &mut s.forced);
    }

    for r in 0..s.runs.len() {
        let (a, b) = s.runs[r];
        let forced = s
            .forced
            .iter()
            .find(|f| f.0 <= a && b <= f.1)
            .map(|f| f.2);
        let before = out.len();
        if let Some(g) = forced {
            let (a, b) = trim(toks, flags, a, b, true);
            if a < b {
                push(out, text, toks, flags, a, b, g, true);
            }
        } else if headline {
            headline_run(text, toks, flags, a, b, lx, &mut s.phrases, out);
        } else {
            classify(text, toks, flags, a, b, lx, &mut s.phrases, out);
        }
        // An acronym in parentheses right after a name defines it: `Korean Central News Agency (KCNA)`.
        if out.len() == before + 1 && b + 2 < n {
            let open = toks[b].is_punct(b'(') || toks[b].is_punct(b'[');
            let close = toks[b + 2].is_punct(b')') || toks[b + 2].is_punct(b']');
            if open && close && toks[b + 1].kind == Kind::Word && toks[b + 1].shape & UPPER != 0 {
                if let Some(&(c, d)) = s.runs.get(r + 1) {
                    if c == b + 1 && d == b + 2 {
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
        }
    }
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

/// Joins runs separated by `of`, `of the`, `for (the)`, `at`, `and` when the first ends
/// in a head word: `University of Southern Indiana`, `Tang Teaching Museum and Art Gallery`.
fn merge_connectors(text: &str, toks: &[Token], flags: &[u32], runs: &mut Vec<(usize, usize)>) {
    const HEADS: u32 = gz::ORG_HEAD | gz::FACILITY | gz::PLACE_SUFFIX;
    let mut k = 0;
    while k + 1 < runs.len() {
        let (a, b) = runs[k];
        let (c, d) = runs[k + 1];
        let gap = &toks[b..c];
        let last = flags[b - 1];
        let merged_before = toks[a..b].iter().any(|t| t.shape & LOWER != 0);
        let has_head = (a..b).any(|i| flags[i] & HEADS != 0 && flags[i] & gz::TITLE == 0)
            || (a..b).any(|i| flags[i] & gz::ORG_HEAD != 0);
        let right_org = flags[d - 1] & gz::ORG_HEAD != 0;
        let right_heads = (c..d).any(|i| flags[i] & HEADS != 0);
        let join = match gap.len() {
            1 if lower_is(&gap[0], text, "of") => {
                (last & HEADS != 0 && last & gz::TITLE == 0)
                    || (merged_before && has_head && !right_heads && d - c <= 2)
            }
            1 if lower_is(&gap[0], text, "for") => last & HEADS != 0 && !right_org,
            1 if lower_is(&gap[0], text, "at") => {
                (a..b).any(|i| matches!(toks[i].text(text), "University" | "College"))
                    && !right_heads
            }
            1 if lower_is(&gap[0], text, "and") => {
                last & HEADS != 0 && flags[d - 1] & HEADS != 0 && d - c >= 2 && b - a <= 4
            }
            2 if (lower_is(&gap[0], text, "of") || lower_is(&gap[0], text, "for"))
                && lower_is(&gap[1], text, "the") =>
            {
                (last & HEADS != 0 && last & gz::TITLE == 0 || merged_before && has_head)
                    && !right_org
                    && flags[d - 1] & gz::KNOWN_ORG == 0
            }
            _ => false,
        };
        if join {
            runs[k] = (a, d);
            runs.remove(k + 1);
        } else {
            k += 1;
        }
    }
}

/// Marks the parts of a photo credit at the end of the text: `(Xinhua/Pang Xinglei)`,
/// `(Photo by Jane Doe/Reuters)`, `Image: Nick Moreau.`
fn credit_parts(text: &str, toks: &[Token], flags: &[u32], forced: &mut Vec<(usize, usize, Guess)>) {
    let n = toks.len();
    // `Image: Name`, anywhere.
    for i in 0..n.saturating_sub(2) {
        if flags[i] & gz::CREDIT_CUE != 0 && toks[i].shape & CAP != 0 && toks[i + 1].is_punct(b':')
        {
            let a = i + 2;
            let mut b = a;
            while b < n && (toks[b].is_cap() || toks[b].is_punct(b'.') && b + 1 < n && toks[b + 1].is_cap()) {
                b += 1;
            }
            if b > a {
                let g = part_kind(toks, flags, a, b, Guess::Person);
                forced.push((a, b, g));
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
        let sep = i == inner.end || toks[i].is_punct(b'/') || toks[i].is_punct(b',');
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
    let _ = text;
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
fn dateline_parts(toks: &[Token], flags: &[u32], len: usize, forced: &mut Vec<(usize, usize, Guess)>) {
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

/// Drops leading function words, date words and demonyms that do not belong to the name.
fn trim(toks: &[Token], flags: &[u32], mut a: usize, b: usize, keep_demonym: bool) -> (usize, usize) {
    while a < b {
        let f = flags[a];
        let t = &toks[a];
        if t.kind != Kind::Word || f & (gz::STOP | gz::DATE) != 0 && f & (gz::PLACE | gz::KNOWN_ORG) == 0 {
            a += 1;
        } else if !keep_demonym && f & gz::DEMONYM != 0 && f & gz::PLACE == 0 {
            a += 1;
        } else {
            break;
        }
    }
    let mut b = b;
    while b > a && toks[b - 1].kind != Kind::Word {
        b -= 1;
    }
    (a, b)
}

#[allow(clippy::too_many_arguments)]
fn push(out: &mut Vec<Cand>, text: &str, toks: &[Token], flags: &[u32], a: usize, b: usize, guess: Guess, strong: bool) {
    let words = toks[a..b].iter().filter(|t| t.kind == Kind::Word).count();
    let mut ctx = 0u8;
    if a > 0 {
        let p = &toks[a - 1];
        if p.kind == Kind::Word && p.shape & LOWER != 0 {
            let w = p.text(text);
            if PLACE_PREPS.contains(&w) {
                ctx |= CTX_PREP;
            } else if w == "the" {
                ctx |= CTX_THE;
            } else if flags[a - 1] & gz::SPEECH != 0 {
                ctx |= CTX_SPEECH;
            }
        }
    }
    if let Some(nx) = toks.get(b) {
        match nx.kind {
            Kind::Possessive => ctx |= CTX_POSS,
            Kind::Word if flags[b] & gz::SPEECH != 0 && nx.shape & LOWER != 0 => ctx |= CTX_SPEECH,
            Kind::Punct(b',') => {
                if let Some(n2) = toks.get(b + 1) {
                    let w = n2.text(text);
                    if n2.kind == Kind::Number || matches!(w, "who" | "a" | "an" | "whose") {
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
        sent: first.shape & SENT != 0,
        words: words.min(255) as u8,
        upper: b - a == 1 && first.shape & UPPER != 0,
        country: one_flags & gz::COUNTRY != 0,
        ctx,
        defined: false,
    });
    let _ = text;
}

/// Gazetteer phrases covering tokens of `a..b` exactly: (first token, end token, flags).
fn phrases_in(text: &str, toks: &[Token], a: usize, b: usize, lx: &Lexicon, buf: &mut Vec<Phrase>) -> Vec<(usize, usize, u32)> {
    buf.clear();
    let base = toks[a].start as usize;
    let span = &text[base..toks[b - 1].end as usize];
    if toks[a..b].iter().all(|t| t.kind != Kind::Word || t.shape & UPPER != 0) {
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
    } else {
        lx.phrases(span, buf);
    }
    let mut found = Vec::new();
    for p in buf.iter() {
        let (s, e) = (base + p.start, base + p.end);
        let i = (a..b).find(|&i| toks[i].start as usize == s);
        let j = (a..b).find(|&j| toks[j].end as usize == e);
        if let (Some(i), Some(j)) = (i, j) {
            found.push((i, j + 1, p.flags));
        }
    }
    found
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
fn headline_run(text: &str, toks: &[Token], flags: &[u32], a: usize, b: usize, lx: &Lexicon, buf: &mut Vec<Phrase>, out: &mut Vec<Cand>) {
    let phrases = phrases_in(text, toks, a, b, lx, buf);
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

/// Types one run, splitting it where titles and gazetteer names show it holds several.
#[allow(clippy::too_many_arguments)]
fn classify(text: &str, toks: &[Token], flags: &[u32], a: usize, b: usize, lx: &Lexicon, buf: &mut Vec<Phrase>, out: &mut Vec<Cand>) {
    let (a, b) = trim(toks, flags, a, b, true);
    if a >= b {
        return;
    }
    let last = flags[b - 1];
    let len = b - a;
    // Head word at the end (or before the first connector) decides.
    let head_end = (a..b)
        .find(|&i| i + 1 < b && toks[i + 1].shape & LOWER != 0 && toks[i + 1].kind == Kind::Word)
        .map_or(b, |i| i + 1);
    let hf = if last & (gz::EVENT | gz::FACILITY | gz::ORG_HEAD | gz::PLACE_SUFFIX) != 0 {
        last
    } else {
        flags[head_end - 1]
    };
    let whole_listed = if len == 1 {
        listed(last)
    } else {
        phrases_in(text, toks, a, b, lx, buf)
            .iter()
            .find(|p| p.0 == a && p.1 == b)
            .and_then(|p| listed(p.2))
    };
    if let Some(g) = whole_listed {
        if !(len == 1 && toks[a].shape & SENT != 0 && last & (gz::GIVEN | gz::SURNAME) != 0 && g == Guess::Org) {
            push(out, text, toks, flags, a, b, g, true);
            return;
        }
    }
    if len >= 2 || hf & gz::TITLE == 0 {
        if hf & gz::EVENT != 0 && len >= 2 {
            return;
        }
        let generic_only = (a..b).all(|i| flags[i] & (gz::GENERIC | gz::STOP | gz::TITLE | gz::DEMONYM | gz::ORG_HEAD | gz::FACILITY | gz::PLACE_SUFFIX) != 0);
        if len >= 2 && !generic_only || len >= 3 {
            if hf & gz::FACILITY != 0 {
                push(out, text, toks, flags, a, b, Guess::Place, true);
                return;
            }
            if hf & gz::ORG_HEAD != 0 {
                push(out, text, toks, flags, a, b, Guess::Org, true);
                return;
            }
            if hf & gz::PLACE_SUFFIX != 0 && hf & gz::TITLE == 0 {
                push(out, text, toks, flags, a, b, Guess::Place, true);
                return;
            }
        } else if len >= 2 && hf & (gz::ORG_HEAD | gz::FACILITY | gz::PLACE_SUFFIX) != 0 && flags[a] & gz::DEMONYM == 0 && flags[a] & gz::TITLE == 0 {
            // `Central Committee`, `National Assembly`: a generic name, still an organization.
            let g = if hf & gz::ORG_HEAD != 0 { Guess::Org } else { Guess::Place };
            push(out, text, toks, flags, a, b, g, false);
            return;
        }
    }
    // Titles: `U.S. President Donald Trump` → place `U.S.`, person `Donald Trump`.
    if let Some(t) = (a..b).rev().find(|&i| flags[i] & gz::TITLE != 0 && flags[i] & (gz::GIVEN | gz::SURNAME | gz::PLACE) == 0 || toks[i].is_punct(b'.')) {
        let mut ts = t;
        while ts > a && (flags[ts - 1] & gz::TITLE != 0 || toks[ts - 1].is_punct(b'.')) {
            ts -= 1;
        }
        if ts > a {
            classify(text, toks, flags, a, ts, lx, buf, out);
        }
        if t + 1 < b {
            let (pa, pb) = trim(toks, flags, t + 1, b, true);
            if pa < pb {
                let person = (pa..pb).all(|i| flags[i] & (gz::PLACE | gz::KNOWN_ORG) == 0 || flags[i] & (gz::GIVEN | gz::SURNAME) != 0) || pb - pa >= 2;
                if person {
                    push(out, text, toks, flags, pa, pb, Guess::Person, true);
                } else {
                    classify(text, toks, flags, pa, pb, lx, buf, out);
                }
            }
        }
        return;
    }
    // Leading demonym: `Chinese`, `South Korean` are no names on their own.
    if flags[a] & gz::DEMONYM != 0 && flags[a] & gz::PLACE == 0 {
        classify(text, toks, flags, a + 1, b, lx, buf, out);
        return;
    }
    if len >= 2 {
        let ph = phrases_in(text, toks, a, b, lx, buf);
        if let Some(&(pa, pb, f)) = ph.iter().find(|p| p.0 == a) {
            if f & gz::DEMONYM != 0 {
                if pb < b {
                    classify(text, toks, flags, pb, b, lx, buf, out);
                }
                return;
            }
        }
        // Several listed names side by side: `Washington D.C.` stays, `Malaysia Tourism` splits.
        let first_place = ph
            .iter()
            .find(|p| p.0 == a)
            .map(|p| (p.1, p.2))
            .or_else(|| (flags[a] & (gz::PLACE | gz::KNOWN_ORG) != 0).then_some((a + 1, flags[a])));
        if let Some((pe, f)) = first_place {
            let rest_person = (pe..b).any(|i| flags[i] & (gz::GIVEN | gz::SURNAME) != 0);
            let first_is_name = f & (gz::GIVEN | gz::SURNAME) != 0;
            if pe < b && !rest_person && !first_is_name && f & (gz::COUNTRY | gz::KNOWN_ORG | gz::CITY | gz::REGION) != 0 {
                let g = listed(f).unwrap_or(Guess::Place);
                push(out, text, toks, flags, a, pe, g, true);
                classify(text, toks, flags, pe, b, lx, buf, out);
                return;
            }
        }
    }
    // Personal names.
    let shaped = (a..b).all(|i| toks[i].kind == Kind::Word && toks[i].shape & UPPER == 0 && flags[i] & (gz::GENERIC | gz::STOP | gz::DEMONYM) == 0 || toks[i].kind == Kind::Word && toks[i].shape & LOWER != 0);
    if (2..=4).contains(&len) && shaped {
        let f0 = flags[a];
        let fl = flags[b - 1];
        let named = f0 & gz::GIVEN != 0 || fl & gz::SURNAME != 0 || (f0 & gz::SURNAME != 0 && len <= 3);
        if named {
            push(out, text, toks, flags, a, b, Guess::Person, f0 & gz::GIVEN != 0 && fl & gz::SURNAME != 0);
            return;
        }
    }
    // Single words: generic words and sentence openers only count if linked later.
    if len == 1 {
        let f = flags[a];
        let weak = f & (gz::GENERIC | gz::STOP | gz::DATE | gz::TITLE | gz::ORG_HEAD | gz::FACILITY | gz::PLACE_SUFFIX | gz::EVENT | gz::CREDIT_CUE) != 0
            || toks[a].shape & SENT != 0;
        push(out, text, toks, flags, a, b, if weak { Guess::Weak } else { Guess::Unknown }, false);
        return;
    }
    push(out, text, toks, flags, a, b, Guess::Unknown, false);
}
