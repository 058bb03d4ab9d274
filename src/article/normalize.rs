//! Cleaning the characters of article text: white space to plain spaces,
//! control characters dropped, SGML entities (`&lt;`, `&#3;`) decoded, and
//! TeX-style quotes (``…'') turned into typographic ones.

/// White space as the format sees it: ASCII blanks, tabs, NBSP and friends.
pub(crate) fn is_space(c: char) -> bool {
    c.is_whitespace()
}

/// Characters dropped from the text: control characters other than white space.
pub(crate) fn is_dropped(c: char) -> bool {
    c.is_control() && !c.is_whitespace()
}

/// Whether a text writes quotes TeX-style: ``like this''.
pub(crate) fn uses_tex_quotes(text: &str) -> bool {
    memchr::memmem::find(text.as_bytes(), b"``").is_some()
}

/// Appends `s` to `out`, cleaned: white space becomes one plain space each,
/// control characters are dropped, entities decoded and (when `tex_quotes`)
/// `` and '' become “ and ”.
pub(crate) fn push_normalized(out: &mut String, s: &str, tex_quotes: bool) {
    let special = |b: u8| {
        !(0x20..0x7F).contains(&b) || b == b'&' || (tex_quotes && (b == b'`' || b == b'\''))
    };
    if !s.bytes().any(special) {
        out.push_str(s);
        return;
    }
    out.reserve(s.len());
    let mut rest = s;
    while let Some(c) = rest.chars().next() {
        let mut len = c.len_utf8();
        let mut put = Some(c);
        if c == '&' {
            if let Some((decoded, n)) = entity(rest) {
                put = decoded;
                len = n;
            }
        } else if tex_quotes && (rest.starts_with("``") || rest.starts_with("''")) {
            put = Some(if c == '`' { '\u{201C}' } else { '\u{201D}' });
            len = 2;
        }
        match put {
            Some(c) if is_space(c) => out.push(' '),
            Some(c) if !is_dropped(c) => out.push(c),
            _ => {}
        }
        rest = &rest[len..];
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn norm(s: &str, tex: bool) -> String {
        let mut out = String::new();
        push_normalized(&mut out, s, tex);
        out
    }

    #[test]
    fn white_space_and_controls() {
        assert_eq!(norm("a\tb\u{A0}c\u{2003}d", false), "a b c d");
        assert_eq!(norm("a\u{1b}[31mb\u{7}\u{3}\u{9b}c", false), "a[31mbc");
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
        assert!(uses_tex_quotes("a ``b''") && !uses_tex_quotes("a 'b'"));
    }
}
