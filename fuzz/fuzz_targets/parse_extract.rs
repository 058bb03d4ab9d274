//! Fuzzes the text parser and the entity extractor: any bytes, decoded as the
//! loader decodes them, must parse and extract without panicking, and every
//! offset they report must lie on character boundaries inside its text.

#![no_main]

use dateline::article::parse::parse_text;
use dateline::entity::extract;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let article = parse_text("fuzz/2025-07-10-input.txt", &text);

    let in_text = |text: &str, start: usize, end: usize| {
        start <= end
            && end <= text.len()
            && text.is_char_boundary(start)
            && text.is_char_boundary(end)
    };
    if let Some(d) = &article.dateline {
        let block = article.blocks.get(d.block).expect("dateline block exists");
        assert!(
            in_text(&block.text, 0, d.len),
            "dateline length {} in {:?}",
            d.len,
            block.text
        );
    }
    for block in &article.blocks {
        if let Some(c) = &block.credit {
            assert!(
                in_text(&block.text, c.start, c.end),
                "credit {}..{} in {:?}",
                c.start,
                c.end,
                block.text
            );
            assert_eq!(&block.text[c.start..c.end], c.text);
        }
    }

    for entity in extract(&article) {
        assert!(
            !entity.mentions.is_empty(),
            "{} has no mention",
            entity.name
        );
        let mut previous = None;
        for m in &entity.mentions {
            let text = article.text_of(m.block.map(|b| b as usize));
            if let Some(b) = m.block {
                assert!(
                    (b as usize) < article.blocks.len(),
                    "mention in block {b} of {}",
                    article.blocks.len()
                );
            }
            assert!(
                in_text(text, m.start as usize, m.end as usize),
                "mention {m:?} of {} in {text:?}",
                entity.name
            );
            assert!(m.start < m.end, "empty mention {m:?} of {}", entity.name);
            assert!(
                previous <= Some(m.order_key()),
                "mentions of {} out of reading order",
                entity.name
            );
            previous = Some(m.order_key());
        }
    }
});
