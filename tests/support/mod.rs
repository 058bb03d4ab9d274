//! Fixture collections for the app and snapshot tests: articles written here,
//! with entities built by hand (so the tests do not depend on the extractor).
#![allow(dead_code)]

use dateline::app::{Action, App, Command};
use dateline::article::{Article, Block, BlockKind, Credit, Date, Dateline};
use dateline::corpus::Corpus;
use dateline::corpus::stored::StoredArticle;
use dateline::entity::{ArticleEntity, EntityIndex, EntityKind, Mention};

/// A block; a caption's credit is its trailing `(…)`.
pub fn block(kind: BlockKind, text: &str) -> Block {
    let credit = (kind == BlockKind::Caption).then(|| {
        let open = text.rfind('(').expect("captions end in a credit");
        let inner = &text[open + 1..text.len() - 1];
        Credit {
            text: inner.into(),
            agency: inner.split('/').next().map(str::to_string),
            photographers: inner.split('/').skip(1).map(str::to_string).collect(),
            start: open + 1,
            end: text.len() - 1,
        }
    });
    Block {
        kind,
        text: text.into(),
        credit: credit.map(Box::new),
    }
}

/// Every whole-word occurrence of `name` in `text`, as byte ranges.
fn find_all(text: &str, name: &str) -> Vec<(u32, u32)> {
    let is_word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    text.match_indices(name)
        .filter(|(i, _)| {
            !is_word(text[..*i].chars().next_back())
                && !is_word(text[i + name.len()..].chars().next())
        })
        .map(|(i, _)| (i as u32, (i + name.len()) as u32))
        .collect()
}

/// The entity `name` (with `aliases`) of `kind` as found in `article`: every
/// occurrence of the name, and of each alias where it is not part of the name.
pub fn entity(article: &Article, name: &str, kind: EntityKind, aliases: &[&str]) -> ArticleEntity {
    let mut mentions = Vec::new();
    let texts = std::iter::once((None, article.title.as_str())).chain(
        article
            .blocks
            .iter()
            .enumerate()
            .map(|(i, b)| (Some(i as u32), b.text.as_str())),
    );
    for (block, text) in texts {
        let full = find_all(text, name);
        let mut here: Vec<(u32, u32)> = full.clone();
        for alias in aliases {
            here.extend(
                find_all(text, alias)
                    .into_iter()
                    .filter(|&(s, e)| !full.iter().any(|&(fs, fe)| s < fe && e > fs)),
            );
        }
        here.sort_unstable();
        mentions.extend(
            here.into_iter()
                .map(|(start, end)| Mention { block, start, end }),
        );
    }
    ArticleEntity {
        name: name.into(),
        kind,
        aliases: aliases.iter().map(|a| a.to_string()).collect(),
        mentions,
    }
}

/// The people, organizations and places the fixtures know about.
const ENTITIES: &[(&str, EntityKind, &[&str])] = &[
    ("Ada Lindqvist", EntityKind::Person, &["Lindqvist"]),
    ("Tomas Reyes", EntityKind::Person, &["Reyes"]),
    ("Marta Okafor", EntityKind::Person, &[]),
    ("Harbour Authority", EntityKind::Organization, &["HA"]),
    ("Coastal Wire", EntityKind::Organization, &[]),
    ("Port Elm", EntityKind::Place, &[]),
    ("Norland", EntityKind::Place, &[]),
];

/// Every article of `corpus`, whole.
pub fn whole(corpus: &Corpus) -> Vec<Article> {
    (0..corpus.articles.len())
        .map(|i| corpus.article(i).into_owned())
        .collect()
}

/// A corpus of `articles`, entities found by name as in [`ENTITIES`].
pub fn corpus(articles: Vec<Article>) -> Corpus {
    let mut index = EntityIndex::new();
    for (i, a) in articles.iter().enumerate() {
        let found = ENTITIES
            .iter()
            .map(|&(n, k, al)| entity(a, n, k, al))
            .filter(|e| !e.mentions.is_empty())
            .collect();
        index.add(i as u32, a.date, found);
    }
    let articles = articles.into_iter().map(StoredArticle::kept).collect();
    Corpus { articles, index }
}

/// The main fixture article: a caption before the body, a dateline, a caption at the end.
pub fn harbour() -> Article {
    let body1 = "PORT ELM, Norland, March 3 (Coastal Wire) -- Harbour Authority chief Ada Lindqvist \
                 said on Monday that the new breakwater would open before the storm season, \
                 ending two years of delays that had kept the fishing fleet at half strength.";
    Article {
        path: "fixtures/2024-03-04_harbour.txt".into(),
        date: Date::new(2024, 3, 4),
        title: "Ada Lindqvist opens the Port Elm breakwater".into(),
        dateline: Some(Dateline {
            place: "PORT ELM, Norland".into(),
            date: Some("March 3".into()),
            agency: Some("Coastal Wire".into()),
            block: 1,
            len: "PORT ELM, Norland, March 3 (Coastal Wire) --".len(),
        }),
        blocks: vec![
            block(
                BlockKind::Caption,
                "Ada Lindqvist, chief of the Harbour Authority, walks along the new breakwater in \
                 Port Elm, Norland, March 2, 2024. (Coastal Wire/Marta Okafor)",
            ),
            block(BlockKind::Body, body1),
            block(
                BlockKind::Body,
                "Lindqvist, who has led the HA since 2019, thanked the crews who worked through \
                 the winter. \"The sea does not wait for committees,\" she said.",
            ),
            block(
                BlockKind::Body,
                "Fishermen in Port Elm welcomed the news. Tomas Reyes, who runs three boats from \
                 the north quay, said the first full season could double his catch.",
            ),
            block(
                BlockKind::Body,
                "The Harbour Authority will publish the final cost in April, Lindqvist added.",
            ),
            block(
                BlockKind::Caption,
                "Boats moored at the north quay of Port Elm, March 2, 2024. (Coastal Wire/Marta Okafor)",
            ),
        ],
    }
}

/// A collection of four: the harbour story, two more that mention Ada Lindqvist
/// (one older, one newer), and one that does not.
pub fn fixture() -> Corpus {
    let older = Article {
        path: "fixtures/2024-01-10_budget.txt".into(),
        date: Date::new(2024, 1, 10),
        title: "Norland budget funds harbour works".into(),
        dateline: None,
        blocks: vec![block(
            BlockKind::Body,
            "The budget sets aside money for Port Elm. Ada Lindqvist called it overdue.",
        )],
    };
    let newer = Article {
        path: "fixtures/2024-05-20_season.txt".into(),
        date: Date::new(2024, 5, 20),
        title: "Fishing season opens early".into(),
        dateline: None,
        blocks: vec![
            block(BlockKind::Body, "Tomas Reyes took his boats out at dawn."),
            block(
                BlockKind::Body,
                "Lindqvist was on the quay. Ada Lindqvist waved them off.",
            ),
        ],
    };
    let unrelated = Article {
        path: "fixtures/2024-02-14_weather.txt".into(),
        date: Date::new(2024, 2, 14),
        title: "Storm warning for the north coast".into(),
        dateline: None,
        blocks: vec![block(
            BlockKind::Body,
            "Marta Okafor reports high winds in Norland.",
        )],
    };
    corpus(vec![harbour(), older, newer, unrelated])
}

/// The seed article of ../shared, loaded with the real parser and extractor;
/// `None` (with a message) when ../shared is absent.
pub fn seed() -> Option<Corpus> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus/seed");
    if !std::path::Path::new(dir).is_dir() {
        eprintln!("skipping: {dir} is absent");
        return None;
    }
    let (corpus, diagnostics) = dateline::corpus::load(&[dir]);
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    Some(corpus)
}

/// An app over `corpus` in a `w`×`h` terminal.
pub fn app_at(corpus: Corpus, w: u16, h: u16) -> App {
    let mut app = App::new(corpus);
    app.update(Action::Resize(w, h));
    app
}

/// Runs `commands` in order.
pub fn run(app: &mut App, commands: &[Command]) {
    for &c in commands {
        app.update(Action::Run(c));
    }
}

/// `corpus` in a `w`×`h` terminal with the harbour story open and Ada
/// Lindqvist active, at her second mention.
pub fn ada_at_second_mention(corpus: Corpus, w: u16, h: u16) -> App {
    let mut app = app_at(corpus, w, h);
    run(&mut app, &[Command::Down, Command::Open]);
    let ada = app.corpus().index.find("Ada Lindqvist").unwrap();
    app.update(Action::Activate(ada));
    run(&mut app, &[Command::NextMention]);
    app
}
