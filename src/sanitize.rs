//! The one place where untrusted text becomes safe to put on screen.
//!
//! Every string that reaches a ratatui `Span` (titles, body, captions, entity
//! names, file names, messages) goes through [`sanitize`] first.

use std::borrow::Cow;

/// Whether `c` must not reach the terminal as is.
fn is_unsafe(c: char) -> bool {
    c.is_control() || is_bidi_control(c)
}

/// Bidirectional embedding, override and isolate controls.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}')
}

/// The visible stand-in for an unsafe character.
fn placeholder(c: char) -> char {
    match c {
        '\t' | '\n' | '\r' => ' ',
        // C0 controls and DEL have Unicode "control pictures": ␛ for ESC, ␇ for BEL …
        '\0'..='\u{1F}' => char::from_u32(0x2400 + c as u32).unwrap_or('\u{FFFD}'),
        '\u{7F}' => '\u{2421}',
        _ => '\u{FFFD}',
    }
}

/// Replaces control characters (C0, DEL, C1, so also every escape sequence's
/// introducer) and bidirectional overrides with visible placeholders.
/// Borrows when there is nothing to replace.
pub fn sanitize(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| if is_unsafe(c) { placeholder(c) } else { c })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::sanitize;

    #[test]
    fn clean_text_is_borrowed() {
        assert!(matches!(
            sanitize("Wang Huning, 王沪宁"),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    #[test]
    fn escape_sequences_become_visible() {
        let s = sanitize("a\x1b]0;owned\x07b\x1b[2J\u{9b}c");
        assert!(!s.chars().any(char::is_control), "{s:?}");
        assert_eq!(s, "a␛]0;owned␇b␛[2J\u{FFFD}c");
    }

    #[test]
    fn bidi_overrides_are_replaced() {
        assert_eq!(sanitize("x\u{202E}y\u{2066}z"), "x\u{FFFD}y\u{FFFD}z");
    }
}
