//! Embedded name lists (places, given names, surnames, organization words).
//!
//! Every list is a data file under `assets/` compiled into the binary. They are
//! turned once, on first use, into one word table (a single hash look-up tells
//! everything known about a capitalized word), tables of the names of several
//! words (`New Zealand`, `Associated Press`) and of how they begin, and two small
//! tables of lower-case cue words: verbs of speech and words of sports reporting.

use super::word_table::WordTable;
use super::{find_byte, first_word};
use rustc_hash::FxHashMap;
use std::sync::LazyLock;

/// A common given name.
pub const GIVEN: u32 = 1;
/// A common surname.
pub const SURNAME: u32 = 1 << 1;
/// A place name (with one of the class bits below).
pub const PLACE: u32 = 1 << 2;
/// A country.
pub const COUNTRY: u32 = 1 << 3;
/// A title or rank before a name (`President`, `Dr`).
pub const TITLE: u32 = 1 << 4;
/// The head word of an organization name (`Ministry`, `University`).
pub const ORG_HEAD: u32 = 1 << 5;
/// The head word of a building or site (`Stadium`, `Centre`).
pub const FACILITY: u32 = 1 << 6;
/// The head word of a geographic or administrative place (`Province`, `River`).
pub const PLACE_SUFFIX: u32 = 1 << 7;
/// The head word of an event, prize or law (`Festival`, `Cup`).
pub const EVENT: u32 = 1 << 8;
/// A function word or sentence opener (`The`, `According`).
pub const STOP: u32 = 1 << 9;
/// A day, month or time-zone word.
pub const DATE: u32 = 1 << 10;
/// A capitalized common word that is no name on its own (`State`, `Greater`).
pub const GENERIC: u32 = 1 << 11;
/// A nationality or group adjective (`Chinese`).
pub const DEMONYM: u32 = 1 << 12;
/// A well-known organization (`Xinhua`, `United Nations`).
pub const KNOWN_ORG: u32 = 1 << 13;
/// A noun whose possessive stays inside a name (`People's`).
pub const COLLECTIVE: u32 = 1 << 14;
/// A lower-case name particle (`de`, `van`, `bin`).
pub const PARTICLE: u32 = 1 << 15;
/// A word introducing a photo credit (`Image`, `Photo`).
pub const CREDIT_CUE: u32 = 1 << 17;
/// A city.
pub const CITY: u32 = 1 << 18;
/// A region (state, province …).
pub const REGION: u32 = 1 << 19;
/// A continent.
pub const CONTINENT: u32 = 1 << 20;
/// The first word of a multi-word name in the lists (`New` of `New Zealand`).
pub const PHRASE_START: u32 = 1 << 21;

const PLACES: &str = include_str!("../../assets/gazetteer/places.tsv");
const GIVEN_NAMES: &str = include_str!("../../assets/gazetteer/given_names.txt");
const SURNAMES: &str = include_str!("../../assets/gazetteer/surnames.txt");

const PLACE_NAMES: &str = include_str!("../../assets/rules/place_names.txt");

const RULES: [(&str, u32); 13] = [
    (include_str!("../../assets/rules/titles.txt"), TITLE),
    (include_str!("../../assets/rules/org_heads.txt"), ORG_HEAD),
    (
        include_str!("../../assets/rules/facility_heads.txt"),
        FACILITY,
    ),
    (
        include_str!("../../assets/rules/place_suffixes.txt"),
        PLACE_SUFFIX,
    ),
    (include_str!("../../assets/rules/event_heads.txt"), EVENT),
    (include_str!("../../assets/rules/stopwords.txt"), STOP),
    (include_str!("../../assets/rules/dates.txt"), DATE),
    (include_str!("../../assets/rules/generic.txt"), GENERIC),
    (include_str!("../../assets/rules/demonyms.txt"), DEMONYM),
    (include_str!("../../assets/rules/known_orgs.txt"), KNOWN_ORG),
    (
        include_str!("../../assets/rules/collectives.txt"),
        COLLECTIVE,
    ),
    (include_str!("../../assets/rules/particles.txt"), PARTICLE),
    (
        include_str!("../../assets/rules/credit_cues.txt"),
        CREDIT_CUE,
    ),
];

const SPORTS_WORDS: &str = include_str!("../../assets/rules/sports_words.txt");

/// By the low five bits of a first byte (a letter's place in the alphabet), bit `n`
/// set if a listed word of sports reporting of `n` bytes (1 to 31: the list holds no
/// longer word) starts with such a
/// byte: built with the program, so that the tokenizer rules most words out with one
/// test of a table it needs no pointer to.
pub static SPORT_OPENINGS: [u32; 32] = lengths_by_first(SPORTS_WORDS);

/// [`SPORT_OPENINGS`] of the list `data`: its lines without the ASCII white space
/// around them, less blank lines and `#` comments, as [`entries`] reads them.
const fn lengths_by_first(data: &str) -> [u32; 32] {
    let b = data.as_bytes();
    let mut table = [0u32; 32];
    let mut start = 0;
    while start < b.len() {
        let mut end = start;
        while end < b.len() && b[end] != b'\n' {
            end += 1;
        }
        let (mut s, mut e) = (start, end);
        while s < e && b[s].is_ascii_whitespace() {
            s += 1;
        }
        while e > s && b[e - 1].is_ascii_whitespace() {
            e -= 1;
        }
        if s < e && b[s] != b'#' {
            // A longer word would never be counted: the build stops instead.
            assert!(e - s < 32, "a word of sports reporting of 32 bytes or more");
            table[(b[s] & 31) as usize] |= 1 << (e - s);
        }
        start = end + 1;
    }
    table
}
const SPEECH_VERBS: &str = include_str!("../../assets/rules/speech_verbs.txt");

/// A short list of lower-case cue words, looked up for every lower-case word: a
/// table small enough to stay in the processor's caches, behind the lengths of the
/// listed words by first letter and a bit set of their first, middle and last bytes
/// and lengths, which rule nearly every other word out at once (and so let the
/// processor guess the outcome right).
struct CueWords {
    /// By the low five bits of a first byte (a letter's place in the alphabet), bit
    /// `n` set if a listed word of `n` bytes starts with such a byte.
    lengths: [u16; 32],
    /// Bits set at the [`CueWords::bit`] of every listed word.
    shapes: [u64; 64],
    words: WordTable,
}

impl CueWords {
    /// The words of `data` (one per line) shorter than 16 bytes.
    fn of(data: &'static str) -> CueWords {
        let mut cues = CueWords {
            lengths: [0; 32],
            shapes: [0; 64],
            words: WordTable::with_capacity(256),
        };
        for w in entries(data).filter(|w| w.len() < 16) {
            let bit = Self::bit(w.as_bytes());
            cues.lengths[usize::from(w.as_bytes()[0] & 31)] |= 1 << w.len();
            cues.shapes[bit / 64] |= 1 << (bit % 64);
            cues.words.add(w, 1);
        }
        cues.words.shrink_to_fit();
        cues
    }

    /// The bit (of 4,096) of a word of 1 to 15 bytes: a hash of its first, middle
    /// and last bytes and its length.
    #[inline]
    fn bit(b: &[u8]) -> usize {
        let n = b.len();
        let shape = u32::from(b[0])
            | u32::from(b[n / 2]) << 8
            | u32::from(b[n - 1]) << 16
            | (n as u32) << 24;
        (shape.wrapping_mul(0x9E37_79B1) >> 20) as usize
    }

    /// Whether `w` is listed.
    #[inline]
    fn contains(&self, b: &[u8]) -> bool {
        // No listed word is empty or has 16 bytes or more.
        let Some(&first) = b.first() else {
            return false;
        };
        if b.len() >= 16 || self.lengths[usize::from(first & 31)] & 1 << b.len() == 0 {
            return false;
        }
        let bit = Self::bit(b);
        self.shapes[bit / 64] & (1 << (bit % 64)) != 0 && self.words.get(b).is_some()
    }
}

/// Everything known about words and multi-word names.
pub struct Lexicon {
    words: WordTable,
    phrases: Phrases,
    /// The first two words of every multi-word name (`New Zealand` of `New Zealand
    /// Herald`), to rule the name search out cheaply where no name can start.
    phrase_openings: WordTable,
    speech_verbs: CueWords,
    sports_words: CueWords,
}

/// A multi-word name found by [`Lexicon::phrases`]: byte range in the searched text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Phrase {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// What the name is (flag bits).
    pub flags: u32,
}

/// The names of several words, found in a text the way a leftmost-longest
/// Aho-Corasick automaton over them finds them (at any byte, not only at word starts),
/// from hash tables that take a fraction of the time an automaton takes to build.
///
/// A name is its words joined by single spaces, so where it starts in a text all of
/// its words but the last are whole space-separated pieces of the text: only its
/// last word can end inside a piece (`New York` in `New Yorker`).
struct Phrases {
    /// Flags by name.
    names: FxHashMap<&'static [u8], u32>,
    /// Every name up to each of its spaces (`New`, `New South` of `New South Wales`),
    /// with bit `n` set (bit 63 for 63 and more) if a name is that and one word of
    /// `n` bytes.
    openings: FxHashMap<&'static [u8], u64>,
    /// By first byte, bit `n` set (bit 63 for 63 and more) if a name's first word has
    /// `n` bytes: rules out most places without a hash look-up.
    first_words: [u64; 256],
}

/// Bit `n` of a length bit set, the last bit standing for every greater length too.
fn length_bit(n: usize) -> u64 {
    1 << n.min(63)
}

impl Phrases {
    /// The tables of `names`, each of several words, with their flags.
    fn of(names: FxHashMap<&'static str, u32>) -> Phrases {
        let mut phrases = Phrases {
            names: names.into_iter().map(|(n, f)| (n.as_bytes(), f)).collect(),
            openings: FxHashMap::default(),
            first_words: [0; 256],
        };
        phrases.openings.reserve(2 * phrases.names.len());
        for &name in phrases.names.keys() {
            let mut spaces = name.iter().enumerate().filter(|&(_, &c)| c == b' ');
            let Some((first, _)) = spaces.next() else {
                continue;
            };
            phrases.first_words[usize::from(name[0])] |= length_bit(first);
            let mut last = first;
            for (i, _) in spaces {
                phrases.openings.entry(&name[..last]).or_insert(0);
                last = i;
            }
            *phrases.openings.entry(&name[..last]).or_insert(0) |=
                length_bit(name.len() - last - 1);
        }
        phrases.openings.shrink_to_fit();
        phrases
    }

    /// The longest name `rest` starts with, `space` being the place of its first
    /// space: the name's length and flags.
    fn longest_at(&self, rest: &[u8], space: usize) -> Option<(usize, u32)> {
        if self.first_words[usize::from(rest[0])] & length_bit(space) == 0 {
            return None;
        }
        let mut best = None;
        // `rest[..open]` ends before a space; each opening it is, the longest name
        // it and the next piece (or the start of that piece) make is the longest so far.
        let mut open = space;
        while let Some(&lasts) = self.openings.get(&rest[..open]) {
            let from = open + 1;
            let to = find_byte(&rest[from..], b' ').map_or(rest.len(), |p| from + p);
            if let Some(found) = (from + 1..=to)
                .rev()
                .filter(|&end| lasts & length_bit(end - from) != 0)
                .find_map(|end| Some((end, *self.names.get(&rest[..end])?)))
            {
                best = Some(found);
            }
            if to == rest.len() {
                break;
            }
            open = to;
        }
        best
    }

    /// The names in `text`, leftmost first and then longest, each searched for after
    /// the end of the one before, appended to `out`.
    fn find(&self, text: &str, out: &mut Vec<Phrase>) {
        let bytes = text.as_bytes();
        let mut start = 0;
        // The first space from `start` on; no name starts after the last one.
        while let Some(space) = find_byte(&bytes[start..], b' ') {
            let space = start + space;
            let mut at = start;
            start = loop {
                if at == space {
                    break space + 1;
                }
                if let Some((len, flags)) = self.longest_at(&bytes[at..], space - at) {
                    out.push(Phrase {
                        start: at,
                        end: at + len,
                        flags,
                    });
                    break at + len;
                }
                at += 1;
            };
        }
    }
}

/// `name` up to the end of its second word (`New Zealand` of `New Zealand Herald`).
fn two_words(name: &str) -> &str {
    let second = space_in(name).map_or(name.len(), |p| p + 1);
    let end = space_in(&name[second..]).map_or(name.len(), |p| second + p);
    &name[..end]
}

/// The place of the first space in `s`.
fn space_in(s: &str) -> Option<usize> {
    find_byte(s.as_bytes(), b' ')
}

/// The entries of an embedded list: its lines without the (ASCII) white space
/// around them, less blank lines and `#` comments.
fn entries(data: &'static str) -> impl Iterator<Item = &'static str> {
    let mut rest = data;
    std::iter::from_fn(move || {
        while !rest.is_empty() {
            let end = find_byte(rest.as_bytes(), b'\n').unwrap_or(rest.len());
            let line = rest[..end].trim_ascii();
            rest = rest.get(end + 1..).unwrap_or_default();
            if !line.is_empty() && !line.starts_with('#') {
                return Some(line);
            }
        }
        None
    })
}

fn place_class(class: &str) -> u32 {
    PLACE
        | match class {
            "country" => COUNTRY,
            "region" => REGION,
            "city" => CITY,
            "continent" => CONTINENT,
            _ => 0,
        }
}

impl Lexicon {
    fn build() -> Lexicon {
        let mut words = WordTable::with_capacity(1 << 18);
        let mut phrases = FxHashMap::default();
        let mut add = |name: &'static str, flags: u32| {
            if space_in(name).is_some() {
                *phrases.entry(name).or_insert(0) |= flags;
            } else {
                words.add(name, flags);
            }
        };
        for line in entries(PLACES).chain(entries(PLACE_NAMES)) {
            let (name, class) = match find_byte(line.as_bytes(), b'\t') {
                Some(tab) => (&line[..tab], &line[tab + 1..]),
                None => (line, ""),
            };
            add(name.trim(), place_class(class.trim()));
        }
        for name in entries(GIVEN_NAMES) {
            add(name, GIVEN);
        }
        for name in entries(SURNAMES) {
            add(name, SURNAME);
        }
        for (data, flag) in RULES {
            for name in entries(data) {
                add(name, flag);
            }
        }
        let mut phrase_openings = WordTable::with_capacity(phrases.len());
        for &name in phrases.keys() {
            words.add(first_word(name), PHRASE_START);
            phrase_openings.add(two_words(name), 1);
        }
        words.shrink_to_fit();
        phrase_openings.shrink_to_fit();
        Lexicon {
            phrase_openings,
            speech_verbs: CueWords::of(SPEECH_VERBS),
            words,
            phrases: Phrases::of(phrases),
            sports_words: CueWords::of(SPORTS_WORDS),
        }
    }

    /// Flags of a single word as written; an all-capitals word (`HOTAN`) is also
    /// looked up capitalized (`Hotan`), as a place or organization only (`DAB` is no `Dab`).
    #[inline]
    pub fn word(&self, b: &[u8]) -> u32 {
        if let Some(f) = self.words.get(b) {
            return f;
        }
        let capital = |c: &u8| c.is_ascii_uppercase() || *c == b'-';
        // A capitalized word is ruled out by its second letter, before the loop.
        if b.len() > 2 && b.len() <= 32 && capital(&b[1]) && b.iter().all(capital) {
            let mut buf = [0u8; 32];
            buf[..b.len()].copy_from_slice(b);
            buf[1..b.len()].make_ascii_lowercase();
            const KEEP: u32 =
                PLACE | COUNTRY | CITY | REGION | CONTINENT | KNOWN_ORG | PHRASE_START;
            return self.words.get(&buf[..b.len()]).unwrap_or(0) & KEEP;
        }
        0
    }

    /// Whether `s`, the first word and a space and the beginning of the next word
    /// (or all of it), is how a multi-word name in the lists begins.
    #[inline]
    pub fn opens_phrase(&self, s: &str) -> bool {
        self.phrase_openings.get(s.as_bytes()).is_some()
    }

    /// Multi-word names in `text` (leftmost-longest, not overlapping), appended to `out`.
    pub fn phrases(&self, text: &str, out: &mut Vec<Phrase>) {
        self.phrases.find(text, out);
    }
}

impl Lexicon {
    /// Whether the lower-case word `w` is a verb of speech (`said`, `noted` …).
    #[inline]
    pub fn is_speech_verb(&self, w: &[u8]) -> bool {
        self.speech_verbs.contains(w)
    }

    /// Whether the lower-case word `w` is a word of sports reporting (`goal`, `striker` …).
    #[inline]
    pub fn is_sport_word(&self, w: &[u8]) -> bool {
        self.sports_words.contains(w)
    }
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(Lexicon::build);

/// The lexicon, built on first use.
pub fn lexicon() -> &'static Lexicon {
    &LEXICON
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_carry_every_list_they_are_in() {
        let lx = lexicon();
        assert!(lx.word(b"University") & ORG_HEAD != 0);
        assert!(lx.word(b"President") & TITLE != 0);
        assert!(lx.word(b"The") & STOP != 0);
        assert!(lx.word(b"Chinese") & DEMONYM != 0);
        assert!(lx.word(b"BEIJING") & PLACE != 0);
        assert_eq!(lx.word(b"zzqx"), 0);
    }

    #[test]
    fn sport_openings_are_read_from_the_list_as_entries_reads_it() {
        let mut want = [0u32; 32];
        for w in entries(SPORTS_WORDS) {
            want[usize::from(w.as_bytes()[0] & 31)] |= 1 << w.len();
        }
        assert_eq!(SPORT_OPENINGS, want);
        // Comments, blank lines and the white space around a word are skipped.
        let mut just_goal = [0u32; 32];
        just_goal[usize::from(b'g' & 31)] = 1 << 4;
        assert_eq!(lengths_by_first("# goals\n\n  goal \t\n"), just_goal);
    }

    #[test]
    fn every_word_of_sports_reporting_passes_the_tokenizer_pre_test() {
        use crate::entity::tokenize::may_be_sport_word;
        for w in entries(SPORTS_WORDS) {
            assert!(may_be_sport_word(w.as_bytes()[0], w.len()), "{w}");
        }
        // And it rules words out: not every first letter and length passes.
        let passing: u32 = SPORT_OPENINGS.iter().map(|l| l.count_ones()).sum();
        assert!(passing < 32 * 32 / 4, "{passing}");
    }

    #[test]
    fn entries_are_the_lines_trimmed_of_any_white_space() {
        let lists = [
            PLACES,
            PLACE_NAMES,
            GIVEN_NAMES,
            SURNAMES,
            SPORTS_WORDS,
            SPEECH_VERBS,
        ];
        for data in lists.into_iter().chain(RULES.map(|r| r.0)) {
            let trimmed: Vec<&str> = data
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .collect();
            assert_eq!(entries(data).collect::<Vec<_>>(), trimmed);
        }
    }

    #[test]
    fn cue_words_are_the_listed_ones() {
        let lx = lexicon();
        let speech: Vec<&str> = entries(SPEECH_VERBS).collect();
        let sport: Vec<&str> = entries(SPORTS_WORDS).collect();
        let others = [
            "sad", "saids", "goals", "goalie", "percent", "should", "x", "states",
        ];
        for w in speech.iter().chain(&sport).chain(&others) {
            assert_eq!(lx.is_speech_verb(w.as_bytes()), speech.contains(w), "{w}");
            assert_eq!(lx.is_sport_word(w.as_bytes()), sport.contains(w), "{w}");
        }
        assert!(lx.is_speech_verb(b"said") && lx.is_sport_word(b"striker"));
        assert!(!lx.is_speech_verb(b"sad") && !lx.is_sport_word(b"should"));
        // Cue words are not names: `said` has no flags of its own.
        assert_eq!(lx.word(b"said"), 0);
    }

    #[test]
    fn phrases_are_found_leftmost_longest() {
        let lx = lexicon();
        let mut out = Vec::new();
        lx.phrases("the Associated Press and Amnesty International", &mut out);
        let found: Vec<&str> = out
            .iter()
            .map(|p| &"the Associated Press and Amnesty International"[p.start..p.end])
            .collect();
        assert_eq!(found, ["Associated Press", "Amnesty International"]);
        assert!(out.iter().all(|p| p.flags & KNOWN_ORG != 0));
    }
}

#[cfg(test)]
mod equivalence {
    //! The lexicon against the plain reading of the lists it replaced: a hash map of
    //! every word and an Aho-Corasick automaton over every name of several words.

    use super::*;
    use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

    /// Flags by word and by name of several words, read with `str::split` and a
    /// hash map each.
    fn reference() -> (FxHashMap<&'static str, u32>, FxHashMap<&'static str, u32>) {
        let lines = |data: &'static str| {
            data.split('\n')
                .map(str::trim_ascii)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
        };
        let mut listed: Vec<(&str, u32)> = Vec::new();
        for line in lines(PLACES).chain(lines(PLACE_NAMES)) {
            let (name, class) = line.split_once('\t').unwrap_or((line, ""));
            listed.push((name.trim(), place_class(class.trim())));
        }
        listed.extend(lines(GIVEN_NAMES).map(|n| (n, GIVEN)));
        listed.extend(lines(SURNAMES).map(|n| (n, SURNAME)));
        for (data, flag) in RULES {
            listed.extend(lines(data).map(|n| (n, flag)));
        }
        let (mut words, mut phrases) = (FxHashMap::default(), FxHashMap::default());
        for (name, flags) in listed {
            let table = if name.contains(' ') {
                &mut phrases
            } else {
                &mut words
            };
            *table.entry(name).or_insert(0) |= flags;
        }
        for name in phrases.keys() {
            *words.entry(name.split(' ').next().unwrap()).or_insert(0) |= PHRASE_START;
        }
        (words, phrases)
    }

    /// Texts near `w`: cut short, run on, and changed in case.
    fn neighbours(w: &str) -> Vec<String> {
        let mut near = vec![
            format!("{w}s"),
            format!("x{w}"),
            w.to_uppercase(),
            w.to_lowercase(),
        ];
        if let Some((i, _)) = w.char_indices().last() {
            near.push(w[..i].to_string());
        }
        near
    }

    #[test]
    fn every_word_has_the_flags_of_the_lists() {
        let lx = lexicon();
        let (words, _) = reference();
        for (w, &flags) in &words {
            assert_eq!(lx.words.get(w.as_bytes()), Some(flags), "{w}");
            for near in neighbours(w) {
                let want = words.get(near.as_str()).copied();
                assert_eq!(lx.words.get(near.as_bytes()), want, "{near}");
            }
        }
    }

    #[test]
    fn no_listed_name_has_an_empty_word() {
        // The phrase check in `spans` looks no opening up that ends in a space.
        let (_, phrases) = reference();
        for p in phrases.keys() {
            assert!(p.split(' ').all(|w| !w.is_empty()), "{p:?}");
        }
    }

    #[test]
    fn every_name_opens_as_listed() {
        let lx = lexicon();
        let (_, phrases) = reference();
        let openings: Vec<&str> = phrases.keys().map(|p| two_words(p)).collect();
        for p in phrases.keys() {
            assert!(lx.opens_phrase(two_words(p)), "{p}");
            for near in neighbours(two_words(p)) {
                assert_eq!(
                    lx.opens_phrase(&near),
                    openings.contains(&near.as_str()),
                    "{near}"
                );
            }
        }
    }

    /// The names the automaton finds in `text`.
    fn automaton_finds(
        ac: &AhoCorasick,
        phrases: &FxHashMap<&str, u32>,
        text: &str,
    ) -> Vec<Phrase> {
        ac.find_iter(text)
            .map(|m| Phrase {
                start: m.start(),
                end: m.end(),
                flags: phrases[&text[m.range()]],
            })
            .collect()
    }

    #[test]
    fn names_are_found_where_the_automaton_finds_them() {
        let lx = lexicon();
        let (_, phrases) = reference();
        let mut names: Vec<&str> = phrases.keys().copied().collect();
        names.sort_unstable();
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .build(&names)
            .unwrap();
        let mut texts: Vec<String> = Vec::new();
        for (k, name) in names.iter().enumerate() {
            let next = names[(k * 7919 + 1) % names.len()];
            let word = name.rsplit(' ').next().unwrap_or_default();
            texts.extend([
                name.to_string(),
                format!("x{name}er and {next}"),
                format!("{name} {next}"),
                format!("{name}{next}"),
                format!("{word} {next}  {name}"),
                format!("The {name}, {word}"),
            ]);
            texts.extend(neighbours(name));
        }
        texts.push(String::new());
        texts.push("no name here at all".to_string());
        let mut out = Vec::new();
        for text in &texts {
            out.clear();
            lx.phrases(text, &mut out);
            assert_eq!(out, automaton_finds(&ac, &phrases, text), "{text:?}");
        }
    }
}
