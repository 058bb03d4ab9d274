//! The one place where untrusted text becomes safe to put on screen.
//!
//! Every string that reaches a ratatui `Span` (titles, body, captions, entity
//! names, file names, messages) goes through [`sanitize`] first.
//!
//! Each unsafe character is replaced on its own by a visible placeholder, so an
//! escape sequence shows as what it is (`\x1b[2J` → `␛[2J`, the OSC 52 write
//! `\x1b]52;c;…\x07` → `␛]52;c;…␇`) and none of its characters reaches the
//! terminal. Because the mapping works character by character,
//! `sanitize(a + b) == sanitize(a) + sanitize(b)`: text may be cut at mention or
//! match boundaries before or after sanitizing, with the same result.
//!
//! | input | shown as |
//! |---|---|
//! | tab, line feed, carriage return, U+2028, U+2029 | a space |
//! | other C0 controls (ESC, BEL, NUL …) | their control picture: `␛`, `␇`, `␀` … |
//! | DEL | `␡` |
//! | C1 controls (8-bit CSI U+009B, OSC U+009D, DCS U+0090, ST U+009C …) | their 7-bit form: `␛[`, `␛]`, `␛P`, `␛\` … |
//! | bidirectional embeddings, overrides, isolates and marks | their abbreviation: `⟨RLO⟩`, `⟨LRI⟩`, `⟨PDI⟩` … |

use std::borrow::Cow;

/// What an unsafe character is shown as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Replacement {
    /// Line breaks and tabs: plain white space, not a placeholder.
    Space,
    /// A single visible character (a Unicode control picture).
    Picture(char),
    /// A C1 control: `␛` followed by the second character of its 7-bit form.
    Escaped(char),
    /// A bidirectional control: its abbreviation in angle brackets.
    Named(&'static str),
}

/// The replacement for `c`, or `None` when `c` is safe to show as is.
fn replacement(c: char) -> Option<Replacement> {
    Some(match c {
        '\t' | '\n' | '\r' | '\u{2028}' | '\u{2029}' => Replacement::Space,
        // C0 controls have Unicode "control pictures" U+2400..U+241F: ␛ for ESC, ␇ for BEL …
        '\0'..='\u{1F}' => Replacement::Picture(char::from_u32(0x2400 + c as u32)?),
        '\u{7F}' => Replacement::Picture('\u{2421}'),
        // A C1 control is the 8-bit form of ESC followed by (c - 0x40): 0x9B is `ESC [`.
        '\u{80}'..='\u{9F}' => Replacement::Escaped(char::from_u32(c as u32 - 0x40)?),
        _ => Replacement::Named(bidi_name(c)?),
    })
}

/// The abbreviation of a bidirectional formatting character.
fn bidi_name(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{061C}' => "⟨ALM⟩",
        '\u{200E}' => "⟨LRM⟩",
        '\u{200F}' => "⟨RLM⟩",
        '\u{202A}' => "⟨LRE⟩",
        '\u{202B}' => "⟨RLE⟩",
        '\u{202C}' => "⟨PDF⟩",
        '\u{202D}' => "⟨LRO⟩",
        '\u{202E}' => "⟨RLO⟩",
        '\u{2066}' => "⟨LRI⟩",
        '\u{2067}' => "⟨RLI⟩",
        '\u{2068}' => "⟨FSI⟩",
        '\u{2069}' => "⟨PDI⟩",
        _ => return None,
    })
}

impl Replacement {
    /// Appends the replacement's text to `out`.
    fn push_to(self, out: &mut String) {
        match self {
            Replacement::Space => out.push(' '),
            Replacement::Picture(p) => out.push(p),
            Replacement::Escaped(second) => {
                out.push('\u{241B}');
                out.push(second);
            }
            Replacement::Named(name) => out.push_str(name),
        }
    }
}

/// Replaces every control character (C0, DEL, C1, so every character of an
/// escape sequence that is not already printable) and every bidirectional
/// control with a visible placeholder. Borrows when there is nothing to replace.
pub fn sanitize(text: &str) -> Cow<'_, str> {
    let Some(first) = first_unsafe(text) else {
        return Cow::Borrowed(text);
    };
    let mut out = String::with_capacity(text.len() + 16);
    out.push_str(&text[..first]);
    for c in text[first..].chars() {
        match replacement(c) {
            Some(r) => r.push_to(&mut out),
            None => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Byte offset of the first character of `text` that needs a replacement.
/// Scans bytes: every unsafe character is ASCII or starts with 0xC2 (C1
/// controls), 0xD8 (U+061C) or 0xE2 (U+2000..U+2FFF); only those are decoded.
fn first_unsafe(text: &str) -> Option<usize> {
    text.bytes().enumerate().position(|(i, b)| match b {
        0x00..=0x1F | 0x7F => true,
        0xC2 | 0xD8 | 0xE2 => text[i..]
            .chars()
            .next()
            .is_some_and(|c| replacement(c).is_some()),
        _ => false,
    })
}

#[cfg(test)]
mod tests {
    use super::sanitize;
    use std::borrow::Cow;

    /// No character that a terminal could act on survives.
    fn assert_inert(s: &str) {
        assert!(
            !s.chars()
                .any(|c| c.is_control() || super::bidi_name(c).is_some()),
            "{s:?}"
        );
    }

    #[test]
    fn clean_text_is_borrowed() {
        assert!(matches!(
            sanitize("Wang Huning, 王沪宁 👍"),
            Cow::Borrowed(_)
        ));
        assert!(matches!(sanitize(""), Cow::Borrowed(_)));
    }

    #[test]
    fn c0_controls_become_control_pictures() {
        let s = sanitize("a\0b\x07c\x08d\x1be\x7f");
        assert_eq!(s, "a␀b␇c␈d␛e␡");
        assert_inert(&s);
    }

    #[test]
    fn line_breaks_and_tabs_become_spaces() {
        assert_eq!(sanitize("a\tb\r\nc\u{2028}d\u{2029}"), "a b  c d ");
    }

    #[test]
    fn csi_sequences_are_shown_not_executed() {
        let s = sanitize("x\x1b[2Jy\x1b[31;1mred\x1b[0m\x1b[?1049h");
        assert_eq!(s, "x␛[2Jy␛[31;1mred␛[0m␛[?1049h");
        assert_inert(&s);
    }

    #[test]
    fn osc_title_clipboard_and_link_are_shown_not_executed() {
        // Window title (BEL-terminated), OSC 52 clipboard write (ST-terminated), OSC 8 hyperlink.
        let s = sanitize(
            "\x1b]0;owned\x07\x1b]52;c;cm0gLXJmIH4=\x1b\\\x1b]8;;http://evil.example/\x1b\\click\x1b]8;;\x1b\\",
        );
        assert_eq!(
            s,
            "␛]0;owned␇␛]52;c;cm0gLXJmIH4=␛\\␛]8;;http://evil.example/␛\\click␛]8;;␛\\"
        );
        assert_inert(&s);
    }

    #[test]
    fn dcs_sequences_are_shown_not_executed() {
        let s = sanitize("\x1bP+q544e\x1b\\ and \x1bPq#0;2;0;0;0~\x1b\\");
        assert_eq!(s, "␛P+q544e␛\\ and ␛Pq#0;2;0;0;0~␛\\");
        assert_inert(&s);
    }

    #[test]
    fn c1_introducers_are_shown_in_their_seven_bit_form() {
        // 8-bit CSI, OSC, DCS and ST, then NEL and an unassigned C1 (U+0081).
        let s = sanitize("\u{9b}2J \u{9d}0;owned\u{9c} \u{90}q\u{9c} \u{85}\u{81}");
        assert_eq!(s, "␛[2J ␛]0;owned␛\\ ␛Pq␛\\ ␛E␛A");
        assert_inert(&s);
    }

    #[test]
    fn bidi_controls_are_named() {
        let s = sanitize("x\u{202E}y\u{2066}z\u{2069}\u{200F}\u{061C}\u{202A}\u{202C}");
        assert_eq!(s, "x⟨RLO⟩y⟨LRI⟩z⟨PDI⟩⟨RLM⟩⟨ALM⟩⟨LRE⟩⟨PDF⟩");
        assert_inert(&s);
    }
}
