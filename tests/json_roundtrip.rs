//! dateline's export read back as input gives the same articles.

mod support;

use dateline::article::Article;
use dateline::article::json::parse_json;
use dateline::article::parse::parse_text;
use dateline::corpus::{Corpus, load};
use dateline::export::write_jsonl;

const FIXTURES: &[(&str, &str)] = &[
    (
        "seed-like.txt",
        " date 2025-07-10 Advisor urges assistance\n\nWang speaks. (Xinhua/Pang Xinglei)\n\nHOTAN, Xinjiang, July 9 (Xinhua) -- Wang Huning\nhas called for efforts.\n\nLi presided.\n\nWang meets workers. (Xinhua/Li Xiang, Wang Peng)\n",
    ),
    (
        "own-paragraph.txt",
        "Title\n\nNAIROBI, Kenya (AP) _\n\n``It was a bomb,'' he said.\n",
    ),
    (
        "reuters.txt",
        " date 1987-02-26 OIL &lt;SRD> UNIT\n\n    CLEVELAND, Feb 26 - Standard Oil\nsaid.\n    BP is a unit.\n\n Reuter\n&#3;\n",
    ),
    (
        "no-header_20051102.txt",
        "\u{FEFF}Headline\r\n\r\nBEIJING, Dec. 3 (Xinhua) --\tText\u{A0}here.\r\n",
    ),
    (
        "captions-only.txt",
        "T\n\nOne. (Photo by Zhang Wei/Xinhua)\n\nTwo. (AP Photo/Ben Curtis)\n",
    ),
    (
        "empty-title.txt",
        " date 1987-02-26\n\nTABLE\n Net.......1 vs.....2\n",
    ),
];

fn round_trip(articles: Vec<Article>) {
    let corpus = Corpus::from_articles(articles);
    let mut out = Vec::new();
    write_jsonl(&corpus, &mut out).unwrap();
    let (back, problems) = parse_json("export.jsonl", &String::from_utf8(out).unwrap());
    let fatal: Vec<_> = problems.iter().filter(|p| p.fatal).collect();
    assert!(fatal.is_empty(), "{fatal:?}");
    assert_eq!(back.len(), corpus.articles.len());
    for (i, b) in back.iter().enumerate() {
        assert_eq!(corpus.article(i).as_ref(), b);
    }
}

#[test]
fn fixtures_round_trip() {
    let articles: Vec<Article> = FIXTURES.iter().map(|(p, t)| parse_text(p, t)).collect();
    assert!(articles.iter().any(|a| a.dateline.is_some()));
    assert!(
        articles
            .iter()
            .any(|a| a.blocks.iter().any(|b| b.credit.is_some()))
    );
    round_trip(articles);
}

#[test]
fn json_input_round_trips_too() {
    let (articles, _) = parse_json(
        "in.jsonl",
        r#"{"title": "T", "text": "HOTAN, Xinjiang, July 9 (Xinhua) -- x", "captions": ["Cap (Reuters/Jane Doe)", "no credit"], "date": "26-FEB-1987 15:01:01.79"}"#,
    );
    assert_eq!(articles.len(), 1);
    round_trip(articles);
}

#[test]
fn shared_corpus_round_trips() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus");
    if !std::path::Path::new(dir).is_dir() {
        eprintln!("skipped: {dir} is absent");
        return;
    }
    let (corpus, _) = load(&[dir]);
    assert!(corpus.articles.len() > 1000);
    round_trip(support::whole(&corpus));
}
