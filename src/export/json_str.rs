//! JSON strings written fast: the article text is nearly all of an export,
//! and almost none of it needs escaping, so it is scanned eight bytes at a
//! time and copied in runs. The escapes are serde_json's, byte for byte.

/// The bytes of a word, each repeated eight times.
const fn splat(b: u8) -> u64 {
    u64::from_ne_bytes([b; 8])
}

/// Whether any of the eight bytes of `w` must be escaped in a JSON string: a
/// control character (below 0x20), `"` or `\`. Exact for every word (the
/// tests of Bit Twiddling Hacks' `hasless` and `haszero`).
#[inline]
fn needs_escape(w: u64) -> bool {
    let high = splat(0x80);
    let below = |x: u64, n: u8| x.wrapping_sub(splat(n)) & !x & high;
    below(w, 0x20) | below(w ^ splat(b'"'), 1) | below(w ^ splat(b'\\'), 1) != 0
}

/// Appends the escape of the byte `c`, one that must be escaped.
fn push_escape(out: &mut Vec<u8>, c: u8) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    match c {
        b'"' => out.extend_from_slice(b"\\\""),
        b'\\' => out.extend_from_slice(b"\\\\"),
        b'\x08' => out.extend_from_slice(b"\\b"),
        b'\x0c' => out.extend_from_slice(b"\\f"),
        b'\n' => out.extend_from_slice(b"\\n"),
        b'\r' => out.extend_from_slice(b"\\r"),
        b'\t' => out.extend_from_slice(b"\\t"),
        _ => out.extend_from_slice(&[
            b'\\',
            b'u',
            b'0',
            b'0',
            HEX[usize::from(c >> 4)],
            HEX[usize::from(c & 15)],
        ]),
    }
}

/// Appends `s` to `out` as a JSON string, quoted and escaped exactly as
/// `serde_json::to_writer` writes it.
pub fn push_str(out: &mut Vec<u8>, s: &str) {
    let bytes = s.as_bytes();
    out.reserve(bytes.len() + 2);
    out.push(b'"');
    // `bytes[run..i]` is copied as it is when an escape or the end comes.
    let mut run = 0;
    let mut i = 0;
    while i < bytes.len() {
        if let Some(word) = bytes.get(i..i + 8) {
            let word = u64::from_ne_bytes(word.try_into().unwrap_or_default());
            if !needs_escape(word) {
                i += 8;
                continue;
            }
        }
        let c = bytes[i];
        if c < 0x20 || c == b'"' || c == b'\\' {
            out.extend_from_slice(&bytes[run..i]);
            push_escape(out, c);
            run = i + 1;
        }
        i += 1;
    }
    out.extend_from_slice(&bytes[run..]);
    out.push(b'"');
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn written(s: &str) -> String {
        let mut out = Vec::new();
        push_str(&mut out, s);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn escapes_as_serde_json_does() {
        for s in [
            "",
            "plain text of some length, no escapes at all",
            "\"quoted\" and back\\slash",
            "tab\tnew\nline\rform\x0cfeed\x08 bell\x07 esc\x1b del\x7f",
            "HOTAN, Xinjiang, July 9 (Xinhua) -- “Wang” — 王沪宁 é",
            "1234567\"",
            "12345678\\",
        ] {
            assert_eq!(written(s), serde_json::to_string(s).unwrap(), "{s:?}");
        }
    }

    #[test]
    fn every_byte_below_0x80_in_every_position_of_a_word() {
        for c in 0u8..0x80 {
            for at in 0..17 {
                let mut s = "abcdefghijklmnopq".to_string().into_bytes();
                s[at] = c;
                let s = String::from_utf8(s).unwrap();
                assert_eq!(
                    written(&s),
                    serde_json::to_string(&s).unwrap(),
                    "{c:#x} at {at}"
                );
            }
        }
    }

    proptest! {
        #[test]
        fn any_string_is_written_as_serde_json_writes_it(s in "\\PC*|[\\x00-\\x7f]*|.*") {
            prop_assert_eq!(written(&s), serde_json::to_string(&s).unwrap());
        }
    }
}
