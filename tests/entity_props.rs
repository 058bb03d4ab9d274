//! Properties of entity extraction on arbitrary text: it never panics, and every
//! mention is a non-empty range on character boundaries of its text, in reading order.

use dateline::article::parse::parse_text;
use dateline::entity::extract;
use proptest::prelude::*;

/// Text made of name-like words, function words, punctuation and odd characters.
fn article_text() -> impl Strategy<Value = String> {
    let word = prop_oneof![
        Just("Wang".to_string()),
        Just("Huning".to_string()),
        Just("the".to_string()),
        Just("of".to_string()),
        Just("University".to_string()),
        Just("(CPC)".to_string()),
        Just("said".to_string()),
        Just("U.S.".to_string()),
        Just("China's".to_string()),
        Just("HOTAN,".to_string()),
        Just("(Xinhua/Pang Xinglei)".to_string()),
        Just("--".to_string()),
        Just("Gérald".to_string()),
        Just("“Ça”".to_string()),
        Just("al-Amr".to_string()),
        Just("&".to_string()),
        Just(".".to_string()),
        Just("\n\n".to_string()),
        "[A-Za-zÀ-ÿ'’.\\-]{1,12}",
        any::<char>().prop_map(|c| c.to_string()),
    ];
    prop::collection::vec(word, 0..80).prop_map(|w| format!(" date 2025-07-10 {}", w.join(" ")))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn mentions_are_valid_ranges_in_reading_order(text in article_text()) {
        let article = parse_text("p.txt", &text);
        for e in extract(&article).iter() {
            prop_assert!(!e.name.is_empty());
            prop_assert!(!e.mentions.is_empty());
            let mut last = None;
            for m in e.mentions {
                let t = article.text_of(m.block.map(|b| b as usize));
                let (s, end) = (m.start as usize, m.end as usize);
                prop_assert!(s < end && end <= t.len(), "{m:?} in {t:?}");
                prop_assert!(t.is_char_boundary(s) && t.is_char_boundary(end));
                prop_assert!(last < Some(m.order_key()), "reading order");
                last = Some(m.order_key());
            }
        }
    }
}
