//! Properties over arbitrary input: nothing panics, and what the model
//! records (credit and dateline ranges, clean block text) always holds.

use dateline::article::json::parse_json;
use dateline::article::parse::{Parser, parse_text};
use dateline::article::{Article, BlockKind};
use dateline::corpus::{Corpus, Format, parse_bytes};
use dateline::export::write_jsonl;
use proptest::prelude::*;

fn check_invariants(a: &Article) {
    assert!(!a.title.chars().any(char::is_control), "{:?}", a.title);
    for b in &a.blocks {
        assert!(!b.text.is_empty());
        assert!(!b.text.chars().any(char::is_control), "{:?}", b.text);
        assert_eq!(b.text.trim(), b.text);
        if let Some(c) = &b.credit {
            assert_eq!(b.kind, BlockKind::Caption);
            assert!(c.start <= c.end && c.end <= b.text.len());
            assert!(b.text.is_char_boundary(c.start) && b.text.is_char_boundary(c.end));
            assert_eq!(&b.text[c.start..c.end], c.text);
        }
    }
    if let Some(d) = &a.dateline {
        let text = &a.blocks[d.block].text;
        assert!(d.len <= text.len() && text.is_char_boundary(d.len));
        assert_eq!(a.blocks[d.block].kind, BlockKind::Body);
    }
}

/// Pieces of real-looking articles, glued in any order.
fn article_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just(" date 2025-07-10 ".to_string()),
        Just("DATE 1999-13-40 ".to_string()),
        Just("(Xinhua/Pang Xinglei)".to_string()),
        Just("(Photo by Zhang Wei/Xinhua).".to_string()),
        Just("(AP Photo/STR) ".to_string()),
        Just("HOTAN, Xinjiang, July 9 (Xinhua) --".to_string()),
        Just("WASHINGTON _".to_string()),
        Just("LONDON (AP) \u{2014} ".to_string()),
        Just("SEOUL. Nov.3, 2006 , (xinhau)--".to_string()),
        Just("****".to_string()),
        Just("\n".to_string()),
        Just("\r\n".to_string()),
        Just("\n\n".to_string()),
        Just("    ".to_string()),
        Just("\t".to_string()),
        Just("\u{A0}".to_string()),
        Just("\u{FEFF}".to_string()),
        Just("&lt;&#3;&#x1b;&amp".to_string()),
        Just("``quoted''".to_string()),
        Just("..........".to_string()),
        "\\PC{0,12}",
        any::<String>(),
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn text_parser_holds_on_article_like_text(text in article_text()) {
        check_invariants(&parse_text("x_20250710.txt", &text));
    }

    #[test]
    fn text_parser_holds_on_any_string(text in any::<String>()) {
        check_invariants(&parse_text("x.txt", &text));
    }

    /// A parser used again (its articles' headers taken out, as the loader
    /// does, or not) parses each text as a new parser does.
    #[test]
    fn a_parser_used_again_leaves_nothing_of_the_articles_before(
        texts in prop::collection::vec(article_text(), 1..6),
        headers in prop::collection::vec(any::<bool>(), 6),
    ) {
        let mut parser = Parser::default();
        for (i, (text, header)) in texts.iter().zip(headers).enumerate() {
            let path = format!("{i}_20250710.txt");
            let alone = Parser::default().parse(&path, text).clone();
            let again = parser.parse(&path, text);
            prop_assert_eq!(&*again, &alone);
            if header {
                prop_assert_eq!(again.take_header(), alone.header());
            }
            prop_assert_eq!(parse_text(&path, text), alone);
        }
    }

    #[test]
    fn loader_never_panics_on_any_bytes(bytes in prop::collection::vec(any::<u8>(), 0..400), fmt in 0..3u8) {
        let format = [Format::Text, Format::Json, Format::Sniff][fmt as usize];
        let (articles, _) = parse_bytes("in", &bytes, format);
        articles.iter().for_each(check_invariants);
    }

    #[test]
    fn json_reader_never_panics(text in "[\\[\\]{}\",:\\n a-z0-9\\\\]{0,80}") {
        let (articles, _) = parse_json("in.json", &text);
        articles.iter().for_each(check_invariants);
    }

    #[test]
    fn export_reads_back_as_the_same_article(text in article_text()) {
        let corpus = Corpus::from_articles(vec![parse_text("p.txt", &text)]);
        let mut out = Vec::new();
        write_jsonl(&corpus, &mut out).unwrap();
        let (back, _) = parse_json("export.jsonl", &String::from_utf8(out).unwrap());
        let original = corpus.article(0);
        if original.title.is_empty() && original.blocks.is_empty() {
            prop_assert!(back.is_empty());
        } else {
            prop_assert_eq!(&back[..], std::slice::from_ref(original.as_ref()));
        }
    }
}
