//! One pass over a text's bytes: words, numbers, possessive endings and punctuation,
//! each with its byte range and the shape flags the name rules need.

use super::gazetteer::SPORT_OPENINGS;
use wide::u8x16;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Letters (with inner hyphens, apostrophes, dotted initials such as `U.S.`).
    Word,
    /// Starts with a digit: `2025`, `501st`, `1,000`.
    Number,
    /// A possessive ending: `'s`, `’s`.
    Possessive,
    /// A contraction's ending: `'ll`, `'ve`, `'re`, `'d`, `'m`, `'t`.
    Clitic,
    /// Any other character; the byte is its first byte (non-ASCII punctuation is `0x80`).
    Punct(u8),
}

/// A token's byte range in its text, its kind and shape.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// First byte.
    pub start: u32,
    /// One past the last byte.
    pub end: u32,
    /// Word, number, possessive or punctuation.
    pub kind: Kind,
    /// [`CAP`], [`UPPER`], [`LOWER`], [`SENT`], [`DOTTED`] bits.
    pub shape: u8,
}

/// First letter upper case.
pub const CAP: u8 = 1;
/// Every letter upper case, at least two letters (`CPC`, `U.S.`, `HOTAN`).
pub const UPPER: u8 = 2;
/// First letter lower case.
pub const LOWER: u8 = 4;
/// First word of a sentence (or of the text, or after an opening quote or colon).
pub const SENT: u8 = 8;
/// Contains a dot (`U.S.`, `Secunia.com`).
pub const DOTTED: u8 = 16;
/// A hyphen or apostrophe inside the word.
pub const JOINED: u8 = 32;

impl Token {
    /// The token's text in `text`.
    #[inline]
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start as usize..self.end as usize]
    }

    /// The token's bytes in `text`.
    #[inline]
    pub fn bytes<'a>(&self, text: &'a str) -> &'a [u8] {
        &text.as_bytes()[self.start as usize..self.end as usize]
    }

    /// A word starting with a capital letter.
    #[inline]
    pub fn is_cap(&self) -> bool {
        self.kind == Kind::Word && self.shape & CAP != 0
    }

    /// Punctuation `c`.
    #[inline]
    pub fn is_punct(&self, c: u8) -> bool {
        self.kind == Kind::Punct(c)
    }
}

/// Abbreviations after whose dot a sentence goes on (`Mr. Smith`, `Gen. Lee`).
fn abbreviation(word: &[u8]) -> bool {
    matches!(
        word,
        b"Mr"
            | b"Mrs"
            | b"Ms"
            | b"Dr"
            | b"St"
            | b"Sen"
            | b"Rep"
            | b"Gov"
            | b"Gen"
            | b"Lt"
            | b"Col"
            | b"Maj"
            | b"Capt"
            | b"Sgt"
            | b"Prof"
            | b"Rev"
            | b"Jr"
            | b"Sr"
            | b"Inc"
            | b"Co"
            | b"Corp"
            | b"Ltd"
            | b"No"
            | b"vs"
            | b"Mt"
            | b"Ft"
            | b"Jan"
            | b"Feb"
            | b"Aug"
            | b"Sept"
            | b"Sep"
            | b"Oct"
            | b"Nov"
            | b"Dec"
    ) || (word.len() == 1 && word[0].is_ascii_uppercase())
}

/// The character starting at `i` (a valid char boundary of `s`) and its length.
#[inline]
fn char_at(s: &str, i: usize) -> (char, usize) {
    let c = s[i..].chars().next().unwrap_or(' ');
    (c, c.len_utf8())
}

#[inline]
fn is_letter_at(s: &str, i: usize) -> bool {
    let b = s.as_bytes();
    if i >= b.len() {
        return false;
    }
    if b[i] < 0x80 {
        b[i].is_ascii_alphabetic()
    } else {
        char_at(s, i).0.is_alphabetic()
    }
}

#[inline]
fn is_alnum_at(s: &str, i: usize) -> bool {
    let b = s.as_bytes();
    if i >= b.len() {
        return false;
    }
    if b[i] < 0x80 {
        b[i].is_ascii_alphanumeric()
    } else {
        char_at(s, i).0.is_alphanumeric()
    }
}

/// Length of the letters of a clitic (`s`, `ll`, `ve`, `re`, `d`, `m`, `t`) at `i`
/// that ends a word, or 0.
fn clitic_at(text: &str, i: usize) -> usize {
    let b = text.as_bytes();
    let at = |k: usize| b.get(i + k).copied().unwrap_or(b' ');
    let len = match (at(0), at(1)) {
        (b's' | b'S' | b'd' | b'm' | b't', _) => 1,
        (b'l', b'l') | (b'v', b'e') | (b'r', b'e') => 2,
        _ => return 0,
    };
    if is_alnum_at(text, i + len) { 0 } else { len }
}

/// Length of an apostrophe (`'` or `’`) at `i`, or 0.
#[inline]
fn apostrophe_at(b: &[u8], i: usize) -> usize {
    if i < b.len() && b[i] == b'\'' {
        1
    } else if i + 2 < b.len() && b[i] == 0xE2 && b[i + 1] == 0x80 && b[i + 2] == 0x99 {
        3
    } else {
        0
    }
}

/// The end of the run of ASCII letters starting at `i`, eight bytes at a time.
#[inline]
fn ascii_letters_end(b: &[u8], mut i: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x80 * ONES;
    while let Some(chunk) = b.get(i..i + 8) {
        let x = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
        // Each byte folded to lower case and kept below 0x80, so no sum carries over.
        let t = (x & (0x7f * ONES)) | (0x20 * ONES);
        let from_a = t + (0x80 - b'a' as u64) * ONES;
        let past_z = t + (0x80 - (b'z' as u64 + 1)) * ONES;
        let other = !(from_a & !past_z & !x) & HIGH;
        if other != 0 {
            return i + (other.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while i < b.len() && b[i].is_ascii_alphabetic() {
        i += 1;
    }
    i
}

/// The end of the run of ASCII letters starting at `i`, and whether a space is there:
/// most words end within sixteen bytes, which are looked at all at once.
#[inline(always)]
fn letters_end_and_space(b: &[u8], i: usize) -> (usize, bool) {
    if let Some(chunk) = b.get(i..).and_then(|rest| rest.first_chunk::<16>()) {
        let x = u8x16::new(*chunk);
        // Folded to lower case, a letter is one of the 26 bytes from `a` on.
        let from_a = (x | u8x16::splat(0x20)) - u8x16::splat(b'a');
        let letters = from_a.simd_lt(u8x16::splat(26)).to_bitmask();
        let k = (!letters).trailing_zeros();
        if k < 16 {
            let spaces = x.simd_eq(u8x16::splat(b' ')).to_bitmask();
            return (i + k as usize, spaces >> k & 1 != 0);
        }
    }
    letters_end_and_space_slowly(b, i)
}

/// [`letters_end_and_space`] near the text's end or after a long run of letters.
#[cold]
#[inline(never)]
fn letters_end_and_space_slowly(b: &[u8], i: usize) -> (usize, bool) {
    let end = ascii_letters_end(b, i);
    (end, b.get(end) == Some(&b' '))
}

/// Byte class: white space between tokens.
const SPACE: u8 = 1;
/// Byte class: an ASCII digit.
const DIGIT: u8 = 2;
/// Byte class: an ASCII lower-case letter.
const LOWER_LETTER: u8 = 4;
/// Byte class: an ASCII upper-case letter.
const UPPER_LETTER: u8 = 32;
/// Byte class: an ASCII character other than a letter or digit that neither ends a
/// sentence (`.`, `!`, `?`, `:`), nor opens a quote, nor starts a clitic: a token of
/// its own after which the sentence goes on.
const PLAIN_PUNCT: u8 = 8;
/// Byte class: after a run of ASCII letters, ends the word there whatever came
/// before: ASCII that can neither join the word (digit, hyphen, dot, apostrophe) nor
/// be part of a letter.
const ENDS_WORD: u8 = 16;

/// The classes of every byte value, so that the hot loop tests a byte once.
static CLASSES: [u8; 256] = byte_classes();

const fn byte_classes() -> [u8; 256] {
    let mut table = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        let c = i as u8;
        let mut class = 0;
        if matches!(c, b' ' | b'\t' | b'\n' | b'\r') {
            class |= SPACE;
        }
        if c.is_ascii_digit() {
            class |= DIGIT;
        }
        if c.is_ascii_lowercase() {
            class |= LOWER_LETTER;
        }
        if c.is_ascii_uppercase() {
            class |= UPPER_LETTER;
        }
        if c < 0x80
            && !c.is_ascii_alphanumeric()
            && !matches!(c, b'\'' | b'"' | b'.' | b'!' | b'?' | b':')
        {
            class |= PLAIN_PUNCT;
        }
        if c < 0x80 && !c.is_ascii_digit() && !matches!(c, b'-' | b'.' | b'\'') {
            class |= ENDS_WORD;
        }
        table[i] = class;
        i += 1;
    }
    table
}

/// Whether the run of ASCII letters ending at `end` plainly ends the word there:
/// the text ends, or the byte there is of class [`ENDS_WORD`], or it is a dot
/// that no letter follows (`said.`), which joins no word.
#[inline]
fn plainly_ends_word(b: &[u8], end: usize) -> bool {
    b.get(end).is_none_or(|&d| {
        CLASSES[usize::from(d)] & ENDS_WORD != 0
            || d == b'.'
                && b.get(end + 1)
                    .is_none_or(|&e| e < 0x80 && !e.is_ascii_alphabetic())
    })
}

/// Where [`tokenize`] reports words as it finds them, so that its caller looks at
/// no other token to find the words it needs.
pub struct WordSink<'a, F: FnMut(&[u8])> {
    /// Called with the bytes of every plain lower-case word (one with a lower-case
    /// first letter, or an uncased one, and no inner hyphen or apostrophe) that may be
    /// a word of sports reporting: one with the first letter and length of such a word
    /// ([`may_be_sport_word`]), which rules most words out where they are found.
    pub plain: F,
    /// Receives the token index of every other word (cleared first).
    pub others: &'a mut Vec<u32>,
}

/// Whether a word starting with `first` and of `len` bytes may be a word of sports
/// reporting ([`SPORT_OPENINGS`]). Lengths are taken modulo 32, so the few words of 32
/// bytes or more can pass; the word list rules them out.
#[inline(always)]
pub fn may_be_sport_word(first: u8, len: usize) -> bool {
    SPORT_OPENINGS[usize::from(first & 31)] >> (len % 32) & 1 != 0
}

/// Pushes the word `range` of `shape`, marked as opening a sentence when one
/// has just ended (`sent`, which it clears), and reports it to `words`.
#[inline(always)]
fn push_word<F: FnMut(&[u8])>(
    out: &mut Vec<Token>,
    b: &[u8],
    range: std::ops::Range<usize>,
    shape: u8,
    sent: &mut bool,
    words: &mut WordSink<'_, F>,
) {
    if shape & (LOWER | JOINED) == LOWER {
        // A range's end is never before its start (`len` would test that again).
        if may_be_sport_word(b[range.start], range.end - range.start) {
            (words.plain)(&b[range.clone()]);
        }
    } else {
        words.others.push(out.len() as u32);
    }
    let shape = if std::mem::take(sent) {
        shape | SENT
    } else {
        shape
    };
    out.push(Token {
        start: range.start as u32,
        end: range.end as u32,
        kind: Kind::Word,
        shape,
    });
}

/// `i`, or one past it if a space is there: the one space that usually follows a
/// token, skipped where the token ends rather than by another turn of the loop.
/// White space makes no token and leaves the sentence state alone, so where it
/// is skipped does not matter.
#[inline]
fn past_space(b: &[u8], i: usize) -> usize {
    if b.get(i) == Some(&b' ') { i + 1 } else { i }
}

/// The shape of the capitalized word `start..end` of ASCII letters: `Wang`, or `CPC`
/// in capitals from two letters on. Most are capitalized only, which their second
/// letter shows.
#[inline(always)]
fn capitalized(b: &[u8], start: usize, end: usize) -> u8 {
    let capitals = end - start >= 2
        && !b[start + 1].is_ascii_lowercase()
        && !b[start + 2..end].iter().any(u8::is_ascii_lowercase);
    if capitals { CAP | UPPER } else { CAP }
}

/// Takes the words of ASCII letters that plainly end there (lower-case or
/// capitalized) from `i` on, one after another, where no sentence has just ended,
/// and returns where the first other token starts: most of a text, taken without
/// going round [`tokenize`]'s loop for each word. Any other word is left to that
/// loop (which finds its letters again).
#[inline(always)]
fn word_run<F: FnMut(&[u8])>(
    out: &mut Vec<Token>,
    b: &[u8],
    mut i: usize,
    words: &mut WordSink<'_, F>,
) -> usize {
    while let Some(&d) = b.get(i) {
        if d.is_ascii_lowercase() {
            let (end, space) = letters_end_and_space(b, i + 1);
            if !space && !plainly_ends_word(b, end) {
                break;
            }
            push_word(out, b, i..end, LOWER, &mut false, words);
            i = end + usize::from(space);
        } else if d.is_ascii_uppercase() {
            let (end, space) = letters_end_and_space(b, i + 1);
            if !space && !plainly_ends_word(b, end) {
                break;
            }
            push_word(out, b, i..end, capitalized(b, i, end), &mut false, words);
            i = end + usize::from(space);
        } else {
            break;
        }
    }
    i
}

/// Splits `text` into tokens, appending them to `out` (cleared first), and reports
/// its words to `words` as they are found.
#[inline(never)]
pub fn tokenize<F: FnMut(&[u8])>(text: &str, out: &mut Vec<Token>, words: &mut WordSink<'_, F>) {
    out.clear();
    words.others.clear();
    let b = text.as_bytes();
    let n = b.len();
    let mut i = 0;
    let mut sent = true;
    while i < n {
        let c = b[i];
        let class = CLASSES[usize::from(c)];
        let start = i;
        if class & LOWER_LETTER != 0 {
            let (end, space) = letters_end_and_space(b, i + 1);
            if space || plainly_ends_word(b, end) {
                push_word(out, b, start..end, LOWER, &mut sent, words);
                i = word_run(out, b, end + usize::from(space), words);
                continue;
            }
        }
        if class & UPPER_LETTER != 0 {
            let (end, space) = letters_end_and_space(b, i + 1);
            if space || plainly_ends_word(b, end) {
                let shape = capitalized(b, start, end);
                push_word(out, b, start..end, shape, &mut sent, words);
                i = word_run(out, b, end + usize::from(space), words);
                continue;
            }
        }
        // White space (which is plain punctuation too) before plain punctuation.
        if class & SPACE != 0 {
            i += 1;
            while i < n && b[i] == b' ' {
                i += 1;
            }
            continue;
        }
        if class & DIGIT != 0 {
            i += 1;
            while i < n {
                if b[i].is_ascii_alphanumeric() {
                    i += 1;
                } else if (b[i] == b'.' || b[i] == b',') && i + 1 < n && b[i + 1].is_ascii_digit() {
                    i += 2;
                } else {
                    break;
                }
            }
            out.push(Token {
                start: start as u32,
                end: i as u32,
                kind: Kind::Number,
                shape: 0,
            });
            sent = false;
            i = past_space(b, i);
            continue;
        }
        if class & PLAIN_PUNCT != 0 {
            out.push(Token {
                start: start as u32,
                end: (i + 1) as u32,
                kind: Kind::Punct(c),
                shape: 0,
            });
            sent = false;
            i = word_run(out, b, past_space(b, i + 1), words);
            continue;
        }
        if c == b'.' {
            // A full stop ends the sentence, unless it closes an abbreviation
            // or an initialism (`Mr.`, `e.g.`) right before it.
            let ends = !out.last().is_some_and(|t| {
                t.kind == Kind::Word
                    && t.end as usize == i
                    && (abbreviation(&b[t.start as usize..t.end as usize]) || t.shape & DOTTED != 0)
            });
            out.push(Token {
                start: start as u32,
                end: (i + 1) as u32,
                kind: Kind::Punct(b'.'),
                shape: 0,
            });
            sent = ends;
            i = past_space(b, i + 1);
            continue;
        }
        let (first, first_len) = if c < 0x80 {
            (c as char, 1)
        } else {
            char_at(text, i)
        };
        let (alphabetic, uppercase) = if c < 0x80 {
            (c.is_ascii_alphabetic(), c.is_ascii_uppercase())
        } else {
            (first.is_alphabetic(), first.is_uppercase())
        };
        if alphabetic {
            let mut shape = if uppercase { CAP } else { LOWER };
            let mut letters = 1u32;
            let mut has_lower = !uppercase;
            let mut seg_len = 1u32;
            let mut single_letter_segs = true;
            i += first_len;
            loop {
                // Fast path: a stretch of ASCII letters.
                let run = i;
                i = ascii_letters_end(b, i);
                if i > run {
                    let k = (i - run) as u32;
                    letters += k;
                    seg_len += k;
                    if !has_lower {
                        has_lower = b[run..i].iter().any(u8::is_ascii_lowercase);
                    }
                }
                if i >= n {
                    break;
                }
                let d = b[i];
                if d == b' ' {
                    break;
                }
                if d < 0x80 {
                    if d.is_ascii_digit() {
                        seg_len += 1;
                        i += 1;
                        continue;
                    }
                    if d == b'-' && is_alnum_at(text, i + 1) {
                        shape |= JOINED;
                        seg_len = 0;
                        i += 1;
                        continue;
                    }
                    if d == b'.' && is_letter_at(text, i + 1) {
                        let next_lower = b[i + 1].is_ascii_lowercase();
                        if seg_len == 1 || next_lower {
                            if seg_len != 1 {
                                single_letter_segs = false;
                            }
                            shape |= DOTTED;
                            seg_len = 0;
                            i += 1;
                            continue;
                        }
                    }
                } else {
                    let (ch, l) = char_at(text, i);
                    if ch.is_alphanumeric() {
                        has_lower |= ch.is_lowercase();
                        letters += 1;
                        seg_len += 1;
                        i += l;
                        continue;
                    }
                }
                let a = apostrophe_at(b, i);
                if a > 0 && is_letter_at(text, i + a) {
                    // `'s` / `’s` closing the word is a possessive ending, `'ll` a clitic:
                    // neither is part of the name.
                    let j = i + a;
                    if clitic_at(text, j) == 0 {
                        shape |= JOINED;
                        seg_len = 0;
                        i = j;
                        continue;
                    }
                }
                break;
            }
            if shape & DOTTED != 0 && single_letter_segs && seg_len == 1 && i < n && b[i] == b'.' {
                // `U.S.`: the closing dot belongs to the initialism.
                i += 1;
            }
            if letters >= 2 && !has_lower {
                shape |= UPPER;
            }
            push_word(out, b, start..i, shape, &mut sent, words);
            i = past_space(b, i);
            continue;
        }
        let a = apostrophe_at(b, i);
        let clitic = if a > 0 { clitic_at(text, i + a) } else { 0 };
        if clitic > 0
            && out
                .last()
                .is_some_and(|t| t.end as usize == i && t.kind == Kind::Word)
        {
            let possessive = clitic == 1 && matches!(b[i + a], b's' | b'S');
            out.push(Token {
                start: i as u32,
                end: (i + a + clitic) as u32,
                kind: if possessive {
                    Kind::Possessive
                } else {
                    Kind::Clitic
                },
                shape: 0,
            });
            i = past_space(b, i + a + clitic);
            continue;
        }
        let len = if c < 0x80 { 1 } else { first_len };
        let p = if c < 0x80 { c } else { 0x80 };
        let quote = c == b'"' || (c >= 0x80 && matches!(first, '“' | '‘' | '«'));
        let ends_sentence = matches!(c, b'!' | b'?' | b':');
        out.push(Token {
            start: start as u32,
            end: (i + len) as u32,
            kind: Kind::Punct(p),
            shape: 0,
        });
        i = past_space(b, i + len);
        if ends_sentence {
            sent = true;
        } else if !(quote && sent) {
            // An opening quote right after a sentence end keeps the next word sentence-initial;
            // a quote opening inside a sentence starts a quoted sentence.
            sent = quote && (out.len() < 2 || !matches!(out[out.len() - 2].kind, Kind::Word));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What [`tokenize`] makes of `text`: each token's text, kind and shape, the plain
    /// words it reported and the indices of the other words.
    type Split = (Vec<(String, Kind, u8)>, Vec<Vec<u8>>, Vec<u32>);

    /// The tokens of `text`, the plain words reported and the others' numbers.
    fn run(text: &str) -> (Vec<Token>, Vec<Vec<u8>>, Vec<u32>) {
        let (mut v, mut others, mut plain) = (Vec::new(), Vec::new(), Vec::new());
        let mut sink = WordSink {
            plain: |w: &[u8]| plain.push(w.to_vec()),
            others: &mut others,
        };
        tokenize(text, &mut v, &mut sink);
        (v, plain, others)
    }

    fn split(text: &str) -> Split {
        let (v, plain, others) = run(text);
        let described = v
            .iter()
            .map(|t| (t.text(text).to_string(), t.kind, t.shape));
        (described.collect(), plain, others)
    }

    /// Pieces of text that tell tokens apart, and words long enough to cross windows.
    const PIECES: &[&str] = &[
        "a",
        "z",
        "A",
        "Z",
        "s",
        "t",
        "ll",
        "re",
        "S",
        "U",
        "e",
        "g",
        "Mr",
        "St",
        "Dr",
        "x2",
        "said",
        "the",
        "of",
        "goal",
        "match",
        "team",
        "China",
        "CPC",
        "NATO",
        "HOTAN",
        "Xinhua",
        "abcdefghijklmnopqrstu",
        "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
        "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijklm",
        " ",
        " ",
        " ",
        " ",
        "  ",
        "\n",
        "\t",
        "\r",
        ".",
        ".",
        ",",
        ",",
        ";",
        ":",
        "!",
        "?",
        "'",
        "’",
        "‘",
        "“",
        "”",
        "\"",
        "-",
        "—",
        "(",
        ")",
        "&",
        "$",
        "%",
        "/",
        "0",
        "1",
        "99",
        "1,000",
        "2.5",
        "é",
        "É",
        "ß",
        "日本",
        "\u{a0}",
        "\u{301}",
        "Ⅷ",
        "١",
    ];

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]

        /// The word run takes the words after a single space without going
        /// round the main loop; after two spaces, every token goes round it. Texts made
        /// of pieces that meet in every order split alike both ways: the same tokens,
        /// in the same order, with the same shapes, and the same words reported.
        #[test]
        fn word_runs_split_as_the_main_loop_splits(
            pieces in proptest::collection::vec(0..PIECES.len(), 0..160),
        ) {
            let text: String = pieces.iter().map(|&k| PIECES[k]).collect();
            let spaced = text.replace(' ', "  ");
            proptest::prop_assert_eq!(split(&text), split(&spaced), "{:?}", text);
        }

        /// Any text at all.
        #[test]
        fn any_text_splits_as_the_main_loop_splits_it(text in "\\PC{0,300}") {
            let spaced = text.replace(' ', "  ");
            proptest::prop_assert_eq!(split(&text), split(&spaced), "{:?}", text);
        }
    }

    /// The tokens of `text`, after checking what the tokenizer reported of its words.
    fn tokens(text: &str) -> Vec<Token> {
        let (v, plain, others) = run(text);
        let is_plain = |t: &Token| t.shape & (LOWER | JOINED) == LOWER;
        let words = v.iter().filter(|t| t.kind == Kind::Word);
        let expected_plain: Vec<Vec<u8>> = words
            .clone()
            .filter(|t| is_plain(t))
            .filter(|t| may_be_sport_word(text.as_bytes()[t.start as usize], t.bytes(text).len()))
            .map(|t| t.bytes(text).to_vec())
            .collect();
        assert_eq!(plain, expected_plain, "{text}");
        let expected_others: Vec<u32> = (0..v.len() as u32)
            .filter(|&k| v[k as usize].kind == Kind::Word && !is_plain(&v[k as usize]))
            .collect();
        assert_eq!(others, expected_others, "{text}");
        v
    }

    fn words(text: &str) -> Vec<(&str, u8)> {
        tokens(text)
            .iter()
            .map(|t| (t.text(text), t.shape))
            .collect()
    }

    #[test]
    fn byte_classes_say_what_they_name() {
        for c in 0..=255u8 {
            let class = CLASSES[usize::from(c)];
            let has = |k: u8| class & k != 0;
            assert_eq!(has(SPACE), b" \t\n\r".contains(&c), "{c}");
            assert_eq!(has(DIGIT), c.is_ascii_digit(), "{c}");
            assert_eq!(has(LOWER_LETTER), c.is_ascii_lowercase(), "{c}");
            assert_eq!(has(UPPER_LETTER), c.is_ascii_uppercase(), "{c}");
            let opens_or_ends = b"'\".!?:".contains(&c);
            assert_eq!(
                has(PLAIN_PUNCT),
                c.is_ascii() && !c.is_ascii_alphanumeric() && !opens_or_ends,
                "{c}"
            );
            let joins = c.is_ascii_digit() || b"-.'".contains(&c);
            assert_eq!(has(ENDS_WORD), c.is_ascii() && !joins, "{c}");
        }
    }

    #[test]
    fn splits_possessive_and_keeps_initialisms() {
        let w = words("China's U.S. envoy met Kim Jong-un in Washington D.C. today.");
        let texts: Vec<&str> = w.iter().map(|x| x.0).collect();
        assert_eq!(
            texts,
            [
                "China",
                "'s",
                "U.S.",
                "envoy",
                "met",
                "Kim",
                "Jong-un",
                "in",
                "Washington",
                "D.C.",
                "today",
                "."
            ]
        );
        assert!(w[0].1 & SENT != 0 && w[0].1 & CAP != 0);
        assert!(w[2].1 & UPPER != 0 && w[2].1 & SENT == 0);
        assert!(w[3].1 & LOWER != 0);
    }

    #[test]
    fn curly_possessive_and_inner_apostrophe() {
        let w = words("O’Brien’s team. Mr. Smith left");
        let texts: Vec<&str> = w.iter().map(|x| x.0).collect();
        assert_eq!(
            texts,
            ["O’Brien", "’s", "team", ".", "Mr", ".", "Smith", "left"]
        );
        let c = words("I'll go, D'Angelo's");
        let texts: Vec<&str> = c.iter().map(|x| x.0).collect();
        assert_eq!(texts, ["I", "'ll", "go", ",", "D'Angelo", "'s"]);
        assert!(w[4].1 & SENT != 0, "after a full stop");
        assert!(w[6].1 & SENT == 0, "Mr. does not end a sentence");
    }

    #[test]
    fn letter_runs_end_at_the_first_other_byte() {
        let all: Vec<u8> = (0..=255u8).collect();
        for &c in &all {
            for pos in 0..20 {
                let mut t = vec![b'a'; 20];
                t[pos] = c;
                let expect = if c.is_ascii_alphabetic() { 20 } else { pos };
                assert_eq!(ascii_letters_end(&t, 0), expect, "byte {c:#x} at {pos}");
            }
        }
        assert_eq!(ascii_letters_end(b"abc", 3), 3);
    }

    /// Whether a run of letters is looked at sixteen bytes at a time or byte by byte
    /// (near the text's end, or past sixteen letters), it ends at the first other byte,
    /// and a space is reported there only when one is.
    #[test]
    fn letter_runs_and_the_space_after_them_whatever_the_text_length() {
        for len in [1, 15, 16, 17, 31, 33, 40] {
            for c in 0..=255u8 {
                for pos in 0..len {
                    let mut t = vec![b'q'; len];
                    t[pos] = c;
                    let end = if c.is_ascii_alphabetic() { len } else { pos };
                    let want = (end, end < len && t[end] == b' ');
                    assert_eq!(
                        letters_end_and_space(&t, 0),
                        want,
                        "{c:#x} at {pos} of {len}"
                    );
                }
            }
        }
    }

    /// The name rules find the space after a token by looking from its end.
    #[test]
    fn no_token_holds_a_space() {
        let texts = [
            "China's U.S. envoy, e.g. Kim Jong-un, paid $1,000.50 on 501st day.",
            "O’Brien’s team. Mr. Smith left; I'll go, D'Angelo's “quote” — x",
            "U. S. a - b 1 000 1. 5 ' s ’ s Jong- un D. C. . . x\u{a0}y\tz\nw",
            " lead  and  trail  ",
        ];
        for text in texts {
            for t in tokens(text) {
                assert!(
                    !t.bytes(text).contains(&b' '),
                    "{:?} in {text:?}",
                    t.text(text)
                );
            }
        }
    }

    #[test]
    fn numbers_and_non_ascii() {
        let w = words("Gérald Darmanin paid $1,000.50 on 501st day");
        let texts: Vec<&str> = w.iter().map(|x| x.0).collect();
        assert_eq!(
            texts,
            [
                "Gérald", "Darmanin", "paid", "$", "1,000.50", "on", "501st", "day"
            ]
        );
        assert!(w[0].1 & CAP != 0);
    }

    /// ASCII words and punctuation take shortcuts past the
    /// general path: where a word or a mark ends, and its shape, as there.
    #[test]
    fn shortcut_words_and_marks_end_and_look_as_the_general_path_makes_them() {
        let first = LOWER | SENT;
        let cases: [(&str, &[(&str, u8)]); 10] = [
            (
                "Wang met CPC, A and I",
                &[
                    ("Wang", CAP | SENT),
                    ("met", LOWER),
                    ("CPC", CAP | UPPER),
                    (",", 0),
                    ("A", CAP),
                    ("and", LOWER),
                    ("I", CAP),
                ],
            ),
            (
                "HOTAN-born, O'Neil's U.K. NATOs",
                &[
                    ("HOTAN-born", CAP | SENT | JOINED),
                    (",", 0),
                    ("O'Neil", CAP | JOINED),
                    ("'s", 0),
                    ("U.K.", CAP | UPPER | DOTTED),
                    ("NATOs", CAP),
                ],
            ),
            ("don't stop", &[("don", first), ("'t", 0), ("stop", LOWER)]),
            (
                "He said. Mr. Li, e.g. x.y now.5 end.",
                &[
                    ("He", CAP | SENT),
                    ("said", LOWER),
                    (".", 0),
                    ("Mr", CAP | SENT),
                    (".", 0),
                    ("Li", CAP),
                    (",", 0),
                    ("e.g.", LOWER | DOTTED),
                    ("x.y", LOWER | DOTTED),
                    ("now", LOWER),
                    (".", 0),
                    ("5", 0),
                    ("end", LOWER),
                    (".", 0),
                ],
            ),
            (
                "U.S. CPC.é",
                &[
                    ("U.S.", CAP | UPPER | DOTTED | SENT),
                    ("CPC", CAP | UPPER),
                    (".", 0),
                    ("é", LOWER | SENT),
                ],
            ),
            ("e.g. this", &[("e.g.", first | DOTTED), ("this", LOWER)]),
            (
                "x2 and a-b",
                &[("x2", first), ("and", LOWER), ("a-b", LOWER | JOINED)],
            ),
            (
                "he said, then",
                &[("he", first), ("said", LOWER), (",", 0), ("then", LOWER)],
            ),
            (
                "a café visit",
                &[("a", first), ("café", LOWER), ("visit", LOWER)],
            ),
            (
                "(KCNA) said; [x]",
                &[
                    ("(", 0),
                    ("KCNA", CAP | UPPER),
                    (")", 0),
                    ("said", LOWER),
                    (";", 0),
                    ("[", 0),
                    ("x", LOWER),
                    ("]", 0),
                ],
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(words(text), expected, "{text}");
        }
        assert_eq!(tokens("don't")[1].kind, Kind::Clitic);
        // Right after plain punctuation, with no space: a run of words from there.
        assert_eq!(
            words("x (CPC,said -Wang;Li met"),
            [
                ("x", first),
                ("(", 0),
                ("CPC", CAP | UPPER),
                (",", 0),
                ("said", LOWER),
                ("-", 0),
                ("Wang", CAP),
                (";", 0),
                ("Li", CAP),
                ("met", LOWER),
            ]
        );
    }
}
