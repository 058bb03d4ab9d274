//! The entities of the Xinhua seed article in ../shared/corpus/seed (skipped when absent).

use dateline::article::Article;
use dateline::article::parse::parse_text;
use dateline::entity::{ArticleEntity, EntityKind, extract};
use std::path::Path;

const SEED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../shared/corpus/seed/xinhua_2025-07-10_pairing-assistance.txt"
);

fn seed() -> Option<(Article, Vec<ArticleEntity>)> {
    if !Path::new(SEED).is_file() {
        eprintln!("skipped: {SEED} is not there");
        return None;
    }
    let text = std::fs::read_to_string(SEED).expect("seed readable");
    let article = parse_text(SEED, &text);
    let entities = extract(&article).to_vec();
    Some((article, entities))
}

fn named<'a>(es: &'a [ArticleEntity], name: &str, kind: EntityKind) -> &'a ArticleEntity {
    es.iter()
        .find(|e| e.kind == kind && (e.name == name || e.aliases.iter().any(|a| a == name)))
        .unwrap_or_else(|| panic!("no {kind:?} named {name}: {es:#?}"))
}

/// Every whole-word occurrence of `word` in the title and blocks: (block, start).
fn occurrences(a: &Article, word: &str) -> Vec<(Option<u32>, u32)> {
    let mut out = Vec::new();
    let texts = std::iter::once((None, a.title.as_str())).chain(
        a.blocks
            .iter()
            .enumerate()
            .map(|(i, b)| (Some(i as u32), b.text.as_str())),
    );
    for (block, text) in texts {
        for (i, _) in text.match_indices(word) {
            let before = text[..i].chars().next_back();
            let after = text[i + word.len()..].chars().next();
            if !before.is_some_and(char::is_alphanumeric)
                && !after.is_some_and(char::is_alphanumeric)
            {
                out.push((block, i as u32));
            }
        }
    }
    out
}

fn starts(e: &ArticleEntity) -> Vec<(Option<u32>, u32)> {
    e.mentions.iter().map(|m| (m.block, m.start)).collect()
}

#[test]
fn every_wang_is_wang_huning_and_li_is_li_ganjie() {
    let Some((a, es)) = seed() else { return };
    let wang = named(&es, "Wang Huning", EntityKind::Person);
    assert_eq!(wang.name, "Wang Huning");
    assert_eq!(
        starts(wang),
        occurrences(&a, "Wang"),
        "every Wang, in reading order"
    );
    let li = named(&es, "Li Ganjie", EntityKind::Person);
    assert_eq!(starts(li), occurrences(&a, "Li"));
    let pang = named(&es, "Pang Xinglei", EntityKind::Person);
    assert_eq!(
        pang.mentions.len(),
        2,
        "both captions credit the photographer"
    );
    let people: Vec<&str> = es
        .iter()
        .filter(|e| e.kind == EntityKind::Person)
        .map(|e| e.name.as_str())
        .collect();
    assert_eq!(people.len(), 3, "no other people: {people:?}");
}

#[test]
fn organizations_are_found_whole() {
    let Some((a, es)) = seed() else { return };
    for name in [
        "Communist Party of China Central Committee",
        "Chinese People's Political Consultative Conference",
        "Zhejiang University Sir Run Run Shaw Alaer Hospital",
    ] {
        let e = named(&es, name, EntityKind::Organization);
        assert_eq!(e.name, name);
    }
    let xinhua = named(&es, "Xinhua", EntityKind::Organization);
    assert_eq!(xinhua.mentions.len(), 3, "two credits and the dateline");
    let cpc = named(&es, "CPC", EntityKind::Organization);
    assert_eq!(cpc.name, "Communist Party of China");
    // Mentions point at the name itself.
    for e in &es {
        for m in &e.mentions {
            let text = a.text_of(m.block.map(|b| b as usize));
            let s = &text[m.start as usize..m.end as usize];
            assert!(!s.starts_with("the ") && !s.ends_with("'s"), "{s:?}");
        }
    }
}

#[test]
fn places_include_the_dateline_and_the_listed_towns() {
    let Some((a, es)) = seed() else { return };
    for name in ["Xinjiang", "Aksu", "Alaer", "Kunyu", "China"] {
        named(&es, name, EntityKind::Place);
    }
    let hotan = named(&es, "Hotan", EntityKind::Place);
    let mut want = occurrences(&a, "Hotan");
    want.extend(occurrences(&a, "HOTAN"));
    want.sort_by_key(|&(b, s)| (b.map_or(0, |b| b + 1), s));
    assert_eq!(
        starts(hotan),
        want,
        "HOTAN, Hotan City and Hotan are one place"
    );
    let china = named(&es, "China", EntityKind::Place);
    assert_eq!(
        starts(china),
        occurrences(&a, "China")
            .into_iter()
            .filter(|&(b, s)| {
                // Not the China inside an organization's name.
                let t = a.text_of(b.map(|b| b as usize));
                !t[..s as usize].ends_with("Party of ")
            })
            .collect::<Vec<_>>()
    );
}
