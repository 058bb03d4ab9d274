//! Properties of the sanitizer over arbitrary text.

use dateline::sanitize::sanitize;
use proptest::prelude::*;

/// Characters a terminal could act on: controls and bidirectional formatting.
fn dangerous(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Text rich in escape sequences, controls and bidi characters, mixed with ordinary text.
fn hostile() -> impl Strategy<Value = String> {
    let atom = prop_oneof![
        "[a-zA-Z0-9 ;\\[\\]]{0,6}",
        Just("\x1b[2J".to_string()),
        Just("\x1b]52;c;aGk=\x07".to_string()),
        Just("\x1b]8;;http://x/\x1b\\".to_string()),
        Just("\x1bP+q\x1b\\".to_string()),
        Just("\u{9b}\u{9d}\u{90}\u{9c}".to_string()),
        Just("\u{202E}\u{2066}".to_string()),
        Just("王沪宁 👍🏽".to_string()),
        any::<char>().prop_map(String::from),
    ];
    prop::collection::vec(atom, 0..12).prop_map(|v| v.concat())
}

proptest! {
    #[test]
    fn nothing_dangerous_survives(text in hostile()) {
        let s = sanitize(&text);
        prop_assert!(!s.chars().any(dangerous), "{:?} -> {:?}", text, s);
    }

    #[test]
    fn safe_characters_are_kept_in_order(text in hostile()) {
        let kept: String = text.chars().filter(|&c| !dangerous(c)).collect();
        let s = sanitize(&text);
        // Every safe character of the input appears, in order, in the output.
        let mut out = s.chars();
        for c in kept.chars() {
            prop_assert!(out.any(|o| o == c), "{:?} lost {:?}", text, c);
        }
    }

    #[test]
    fn sanitizing_pieces_of_text_equals_sanitizing_the_whole(text in hostile(), cut in any::<prop::sample::Index>()) {
        let bounds: Vec<usize> = (0..=text.len()).filter(|&i| text.is_char_boundary(i)).collect();
        let at = bounds[cut.index(bounds.len())];
        let (a, b) = text.split_at(at);
        prop_assert_eq!(format!("{}{}", sanitize(a), sanitize(b)), sanitize(&text).into_owned());
    }
}
