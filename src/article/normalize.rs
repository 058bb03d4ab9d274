//! Cleaning the characters of article text: white space to plain spaces,
//! control characters dropped, SGML entities (`&lt;`, `&#3;`) decoded, and
//! TeX-style quotes (``…'') turned into typographic ones.

/// White space as the format sees it: ASCII blanks, tabs, NBSP and friends.
pub(crate) fn is_space(c: char) -> bool {
    c.is_whitespace()
}

/// `s` without white space at either end ([`is_space`], as `str::trim`
/// has it), looking at ASCII bytes directly and deferring to `str::trim`
/// only where a non-ASCII character ends the white space.
pub(crate) fn trim_space(s: &str) -> &str {
    let b = s.as_bytes();
    // Most lines start and end in a printable ASCII character.
    let solid = |c: &u8| (0x21..0x7F).contains(c);
    if b.first().is_some_and(solid) && b.last().is_some_and(solid) {
        return s;
    }
    let ascii_space = |c: u8| c.is_ascii() && is_space(c as char);
    let mut a = 0;
    while a < b.len() && ascii_space(b[a]) {
        a += 1;
    }
    let mut e = b.len();
    while e > a && ascii_space(b[e - 1]) {
        e -= 1;
    }
    if b.get(a).is_some_and(|c| !c.is_ascii()) || e > a && !b[e - 1].is_ascii() {
        return s.trim();
    }
    &s[a..e]
}

/// Characters dropped from the text: control characters other than white space.
pub(crate) fn is_dropped(c: char) -> bool {
    c.is_control() && !c.is_whitespace()
}

/// Which markup of the source text to undo besides white space and controls.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Style {
    /// Decode SGML entities (`&lt;`, `&#3;`).
    pub entities: bool,
    /// Turn TeX quotes (``…'') into typographic ones.
    pub tex_quotes: bool,
}

impl Style {
    /// Text that is already clean, such as dateline's own export.
    pub(crate) const PLAIN: Style = Style {
        entities: false,
        tex_quotes: false,
    };

    /// The style for a source text: entities decoded, TeX quotes converted
    /// when the text uses them.
    pub(crate) fn of(text: &str) -> Style {
        Style {
            entities: true,
            tex_quotes: has_tex_quotes(text.as_bytes()),
        }
    }
}

/// Whether `text` holds a TeX opening quote (``): backticks are rare, so
/// each is found alone and the byte after it checked.
fn has_tex_quotes(text: &[u8]) -> bool {
    memchr::memchr_iter(b'`', text).any(|i| text.get(i + 1) == Some(&b'`'))
}

/// Appends `s` to `out` cleaned (see [`push_normalized`]), without white
/// space at either end of what it adds; `sep` goes before it when both `out`
/// and the addition are non-empty. Returns whether anything was added.
pub(crate) fn push_trimmed(out: &mut String, sep: &str, s: &str, style: Style) -> bool {
    let s = trim_space(s);
    if s.is_empty() {
        return false;
    }
    let mark = out.len();
    if mark > 0 && !joins_hyphenated(out, s) {
        out.push_str(sep);
    }
    let start = out.len();
    if is_plain(s.as_bytes(), style) {
        // Nothing dropped from trimmed text: no spaces at the ends.
        out.push_str(s);
        return true;
    }
    push_normalized(out, s, style);
    // Dropped characters may have left spaces at the ends.
    let lead = out[start..].len() - out[start..].trim_start_matches(' ').len();
    out.drain(start..start + lead);
    out.truncate(out.trim_end_matches(' ').len().max(start));
    if out.len() == start {
        out.truncate(mark);
        return false;
    }
    true
}

/// Whether a line break after `before` and before `next` falls inside a
/// hyphenated word (`director-` / `general`): the line is then joined without a space.
fn joins_hyphenated(before: &str, next: &str) -> bool {
    let mut tail = before.chars().rev();
    tail.next() == Some('-')
        && tail.next().is_some_and(char::is_alphabetic)
        && next
            .trim_start_matches(is_space)
            .chars()
            .next()
            .is_some_and(char::is_lowercase)
}

/// Collapses runs of spaces into one (for titles, where alignment means nothing).
pub(crate) fn collapse_spaces(s: &mut String) {
    if s.contains("  ") {
        let mut prev = ' ';
        s.retain(|c| {
            let keep = !(c == ' ' && prev == ' ');
            prev = c;
            keep
        });
    }
}

/// Appends `s` to `out`, cleaned: each white-space character becomes a plain
/// space, control characters are dropped, and the markup `style` names is undone.
/// Its plain stretches (see [`is_plain`]) are copied whole.
fn push_normalized(out: &mut String, s: &str, style: Style) {
    let tex_quotes = style.tex_quotes;
    out.reserve(s.len());
    let mut rest = s;
    loop {
        // What needs no cleaning is copied a stretch at a time.
        let plain = plain_len(rest.as_bytes(), style);
        out.push_str(&rest[..plain]);
        rest = &rest[plain..];
        let Some(c) = rest.chars().next() else { break };
        let mut len = c.len_utf8();
        let mut put = Some(c);
        if c == '&' && style.entities {
            if let Some((decoded, n)) = entity(rest) {
                put = decoded;
                len = n;
            }
        } else if tex_quotes && (rest.starts_with("``") || rest.starts_with("''")) {
            let opening = c == '`' || opens_quote(out, &rest[2..]);
            put = Some(if opening { '\u{201C}' } else { '\u{201D}' });
            len = 2;
            if !opening && rest.starts_with("'''") {
                // A single quote closed, then a double.
                out.push('\u{2019}');
                len = 3;
            }
        } else if tex_quotes && c == '`' {
            put = Some('\u{2018}');
        }
        match put {
            Some(c) if is_space(c) => out.push(' '),
            Some(c) if !is_dropped(c) => out.push(c),
            _ => {}
        }
        rest = &rest[len..];
    }
}

/// Whether TeX's `''` between the text written so far (`before`) and `after`
/// opens a quotation: at the start or after a space or an opening bracket,
/// and before a word (wire copy writes `''` for both quotes at times).
fn opens_quote(before: &str, after: &str) -> bool {
    let prev = before.chars().next_back();
    let next = after.chars().next();
    prev.is_none_or(|c| c == ' ' || "([{\u{201C}".contains(c))
        && next.is_some_and(|c| !c.is_whitespace() && !"'.,;:!?)".contains(c))
}

/// Whether `s` needs no cleaning: printable ASCII without the markup `style` undoes.
pub(crate) fn is_plain(s: &[u8], style: Style) -> bool {
    // `&` is checked with the printable bytes (NUL, there when entities are
    // kept, is never printable); TeX quotes, rarely wanted, separately.
    // Bytes are looked at 32 (or 64) at a time with no early exit within a block,
    // so that the compiler checks each block with vector instructions; the
    // last block overlaps the one before it rather than leave up to 31
    // bytes to be checked one by one.
    // `ok` is `is_plain_byte` without the TeX quotes, written so that the
    // compiler keeps it branch-free (a test checks the two agree): printable
    // ASCII, 0x20..=0x7E, is what lands below -33 as a signed byte once moved
    // up by 0x60, one signed comparison per vector of bytes.
    let amp = if style.entities { b'&' } else { 0 };
    let ok = |b: u8| ((b.wrapping_add(0x60) as i8) < -33) & (b != amp);
    // Long lines go 64 bytes at a time, for fewer checks of the result.
    let block = |c: &[u8; 32]| c.iter().fold(true, |all, &b| all & ok(b));
    let wide = |c: &[u8; 64]| c.iter().fold(true, |all, &b| all & ok(b));
    let printable = match s.last_chunk::<32>() {
        Some(last) => {
            let (wides, rest) = s.as_chunks::<64>();
            wides.iter().all(wide) && rest.as_chunks::<32>().0.iter().all(block) && block(last)
        }
        None => s.iter().all(|&b| ok(b)),
    };
    printable && !(style.tex_quotes && memchr::memchr2(b'`', b'\'', s).is_some())
}

/// The length of the plain stretch (see [`is_plain_byte`]) that starts `s`:
/// looked at sixteen bytes at once while they are all plain, so that a long
/// line with a few characters to clean is not read byte by byte.
fn plain_len(s: &[u8], style: Style) -> usize {
    let whole = s
        .chunks_exact(16)
        .take_while(|chunk| {
            chunk
                .iter()
                .fold(true, |ok, &b| ok & is_plain_byte(b, style))
        })
        .count()
        * 16;
    let rest = &s[whole..];
    whole
        + rest
            .iter()
            .position(|&b| !is_plain_byte(b, style))
            .unwrap_or(rest.len())
}

/// Whether the byte `b` stands for itself in cleaned text: printable ASCII
/// that does not start the markup `style` undoes (non-ASCII bytes are
/// never plain, so a stretch of plain bytes ends at a character boundary).
#[inline]
fn is_plain_byte(b: u8, style: Style) -> bool {
    let printable = b.wrapping_sub(0x20) < 0x5F;
    let entity = style.entities & (b == b'&');
    let quote = style.tex_quotes & ((b == b'`') | (b == b'\''));
    printable & !entity & !quote
}

/// The character an entity at the start of `s` stands for (`None` for a
/// control character) and the entity's length; `None` if it is not one.
fn entity(s: &str) -> Option<(Option<char>, usize)> {
    let end = s.get(..12.min(s.len()))?.find(';')?;
    let name = &s[1..end];
    let c = match name {
        "lt" => '<',
        "gt" => '>',
        "amp" => '&',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => ' ',
        _ => {
            let code = match name.strip_prefix('#')? {
                hex if hex.starts_with(['x', 'X']) => u32::from_str_radix(&hex[1..], 16).ok()?,
                dec => dec.parse().ok()?,
            };
            return Some((char::from_u32(code).filter(|&c| !is_dropped(c)), end + 1));
        }
    };
    Some((Some(c), end + 1))
}

/// Sets `room` to `text`, in the room it has.
pub(crate) fn overwrite(room: &mut String, text: &str) {
    room.clear();
    room.push_str(text);
}

/// Sets `room` to `text`, in the room it has when it holds a text.
pub(crate) fn overwrite_option(room: &mut Option<String>, text: Option<&str>) {
    match (room.as_mut(), text) {
        (Some(room), Some(text)) => overwrite(room, text),
        (None, Some(text)) => *room = Some(text.to_string()),
        (_, None) => *room = None,
    }
}

/// Sets `room` to `texts`, in the room of the strings it holds.
pub(crate) fn overwrite_all<'a>(room: &mut Vec<String>, texts: impl Iterator<Item = &'a str>) {
    let mut n = 0;
    for text in texts {
        match room.get_mut(n) {
            Some(kept) => overwrite(kept, text),
            None => room.push(text.to_string()),
        }
        n += 1;
    }
    room.truncate(n);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norm(s: &str, tex_quotes: bool) -> String {
        let mut out = String::new();
        push_normalized(
            &mut out,
            s,
            Style {
                entities: true,
                tex_quotes,
            },
        );
        out
    }

    #[test]
    fn hyphenated_line_breaks_join_without_a_space() {
        let mut out = String::from("director-");
        assert!(push_trimmed(&mut out, " ", "general of", Style::PLAIN));
        assert_eq!(out, "director-general of");
        let mut out = String::from("talks --");
        assert!(push_trimmed(&mut out, " ", "and more", Style::PLAIN));
        assert_eq!(out, "talks -- and more");
        let mut out = String::from("Sino-");
        assert!(push_trimmed(&mut out, " ", "US ties", Style::PLAIN));
        assert_eq!(out, "Sino- US ties");
    }

    #[test]
    fn white_space_and_controls() {
        assert_eq!(norm("a\tb\u{A0}c\u{2003}d", false), "a b c d");
        assert_eq!(norm("a\u{1b}[31mb\u{7}\u{3}\u{9b}c", false), "a[31mbc");
    }

    #[test]
    fn plain_stretches_between_what_is_cleaned_are_kept() {
        assert_eq!(
            norm(
                "Z\u{fc}rich &amp; S\u{e3}o\tPaulo\u{7}, ``caf\u{e9}''",
                true
            ),
            "Z\u{fc}rich & S\u{e3}o Paulo, \u{201C}caf\u{e9}\u{201D}"
        );
    }

    #[test]
    fn plain_text_is_plain_byte_by_byte() {
        let texts = [
            "plain text.",
            "a &amp; b",
            "``q''",
            "it's",
            "tab\there",
            "caf\u{e9}",
            "\u{7f}",
        ];
        let long = [
            "a".repeat(31),
            "b".repeat(32),
            format!("{}\u{7}", "c".repeat(40)),
            format!("{}&amp;{}", "d".repeat(33), "e".repeat(30)),
            format!("\t{}", "f".repeat(70)),
            format!("{}\u{e9}{}", "g".repeat(64), "h".repeat(10)),
            format!("{}\u{7}{}", "i".repeat(70), "j".repeat(40)),
            "k".repeat(130),
        ];
        for style in [Style::PLAIN, Style::of("x"), Style::of("``")] {
            for text in texts.iter().copied().chain(long.iter().map(String::as_str)) {
                let bytes = text.as_bytes();
                let by_byte = bytes.iter().all(|&b| is_plain_byte(b, style));
                assert_eq!(is_plain(bytes, style), by_byte, "{text:?} {style:?}");
            }
        }
    }

    #[test]
    fn a_plain_stretch_ends_at_the_first_byte_to_clean() {
        let style = Style::of("``");
        for text in [
            "",
            "short",
            "exactly sixteen!",
            &format!("{}&amp; then", "a".repeat(40)),
            &format!("{}caf\u{e9}", "b".repeat(16)),
            &format!("{}\t{}", "c".repeat(31), "d".repeat(20)),
            &format!("{}`", "e".repeat(47)),
        ] {
            let bytes = text.as_bytes();
            let by_byte = bytes
                .iter()
                .take_while(|&&b| is_plain_byte(b, style))
                .count();
            assert_eq!(plain_len(bytes, style), by_byte, "{text:?}");
        }
    }

    #[test]
    fn entities_are_decoded() {
        assert_eq!(
            norm("STANDARD OIL &lt;SRD> AT&amp;T &#3;&#x41;", false),
            "STANDARD OIL <SRD> AT&T A"
        );
        assert_eq!(norm("R&D &QL; & so;", false), "R&D &QL; & so;");
        assert_eq!(norm("&#27;[2J &#xD800;", false), "[2J ");
    }

    #[test]
    fn tex_quotes_only_when_the_text_uses_them() {
        assert_eq!(
            norm("``It was a bomb,'' he said", true),
            "\u{201C}It was a bomb,\u{201D} he said"
        );
        assert_eq!(norm("the '' mark", false), "the '' mark");
        assert!(Style::of("a ``b''").tex_quotes && !Style::of("a 'b'").tex_quotes);
        assert!(Style::of("`a` ``").tex_quotes && !Style::of("`a` `b`").tex_quotes);
    }

    #[test]
    fn tex_quotes_open_and_close_as_they_stand() {
        // Wire copy opens with `''` at times; a single quote inside a double.
        assert_eq!(
            norm(
                "''The feeling is good,'' she said. ``A `new' start.''",
                true
            ),
            "\u{201C}The feeling is good,\u{201D} she said. \u{201C}A \u{2018}new' start.\u{201D}"
        );
        assert_eq!(
            norm("``It was `Hallelujah,''' he said (''quietly'').", true),
            "\u{201C}It was \u{2018}Hallelujah,\u{2019}\u{201D} he said (\u{201C}quietly\u{201D})."
        );
    }

    #[test]
    fn trimming_drops_any_white_space_at_the_ends() {
        for (s, t) in [
            ("a b", "a b"),
            (" a b\r", "a b"),
            ("\u{A0}caf\u{e9}\u{2003}", "caf\u{e9}"),
            ("\ta", "a"),
            ("\u{3}", "\u{3}"),
            ("  ", ""),
            ("", ""),
        ] {
            assert_eq!(trim_space(s), t, "{s:?}");
        }
    }

    #[test]
    fn space_runs_collapse() {
        let mut s = String::from("A  B   -- C D");
        collapse_spaces(&mut s);
        assert_eq!(s, "A B -- C D");
    }

    #[test]
    fn plain_style_keeps_markup() {
        let mut out = String::new();
        push_normalized(&mut out, "a &lt; ``b''", Style::PLAIN);
        assert_eq!(out, "a &lt; ``b''");
    }

    #[test]
    fn trimmed_pushes_leave_no_stray_spaces() {
        let mut out = String::new();
        assert!(push_trimmed(&mut out, " ", "\u{3} One \u{7}", Style::PLAIN));
        assert!(!push_trimmed(&mut out, " ", "\u{3} \u{3}", Style::PLAIN));
        assert!(push_trimmed(&mut out, " ", "\ttwo", Style::PLAIN));
        assert_eq!(out, "One two");
    }
}
