//! The entity profile over a small hand-built collection: counts, timeline,
//! co-mentions, concordance and its contexts.

use dateline::article::{Article, Block, BlockKind, Date};
use dateline::corpus::Corpus;
use dateline::corpus::stored::StoredArticle;
use dateline::entity::profile::{ConcordanceLine, Profile, SortBy, Texts, Unit, concordance};
use dateline::entity::{ArticleEntity, EntityId, EntityIndex, EntityKind, Mention};

fn date(y: u16, m: u8, d: u8) -> Option<Date> {
    Date::new(y, m, d)
}

fn article(date: Option<Date>, title: &str, blocks: &[&str]) -> Article {
    Article {
        path: format!("{title}.txt"),
        date,
        title: title.into(),
        dateline: None,
        blocks: blocks
            .iter()
            .map(|t| Block {
                kind: BlockKind::Body,
                text: t.to_string(),
                credit: None,
            })
            .collect(),
    }
}

/// Whole-word occurrences of `name` in title and blocks, in reading order,
/// leaving out those that go on into a longer capitalized name (`Wang Huning`
/// is not a mention of `Wang`).
fn mentions_of(a: &Article, name: &str) -> Vec<Mention> {
    let texts = std::iter::once((None, a.title.as_str())).chain(
        a.blocks
            .iter()
            .enumerate()
            .map(|(i, b)| (Some(i as u32), b.text.as_str())),
    );
    let mut out = Vec::new();
    for (block, text) in texts {
        for (start, _) in text.match_indices(name) {
            let end = start + name.len();
            let before_ok = !text[..start].ends_with(char::is_alphanumeric);
            let after = &text[end..];
            let continues = after.starts_with(char::is_alphanumeric)
                || (after.starts_with(' ') && after[1..].starts_with(char::is_uppercase));
            let after_ok = !continues;
            if before_ok && after_ok {
                out.push(Mention {
                    block,
                    start: start as u32,
                    end: end as u32,
                });
            }
        }
    }
    out
}

/// Builds the corpus, each article's entities given as (name, kind, forms):
/// every form found in the text is a mention of that entity, longer forms
/// first (a `Huning` inside `Wang Huning` is not a mention of its own).
/// An entity of one article: canonical name, kind, and the forms it takes.
type Found<'a> = (&'a str, EntityKind, Vec<&'a str>);

fn corpus(spec: Vec<(Article, Vec<Found>)>) -> Corpus {
    let mut index = EntityIndex::new();
    let mut articles = Vec::new();
    for (i, (a, ents)) in spec.into_iter().enumerate() {
        let mut forms: Vec<(usize, &str)> = ents
            .iter()
            .enumerate()
            .flat_map(|(e, (_, _, fs))| fs.iter().map(move |f| (e, *f)))
            .collect();
        forms.sort_by_key(|(_, f)| std::cmp::Reverse(f.len()));
        let mut taken: Vec<(usize, Mention)> = Vec::new();
        for (e, form) in forms {
            for m in mentions_of(&a, form) {
                let overlaps = taken
                    .iter()
                    .any(|(_, o)| o.block == m.block && o.start < m.end && m.start < o.end);
                if !overlaps {
                    taken.push((e, m));
                }
            }
        }
        let found = ents
            .iter()
            .enumerate()
            .map(|(e, (name, kind, forms))| {
                let mut mentions: Vec<Mention> = taken
                    .iter()
                    .filter(|(o, _)| *o == e)
                    .map(|(_, m)| *m)
                    .collect();
                mentions.sort_by_key(|m| m.order_key());
                ArticleEntity {
                    name: name.to_string(),
                    kind: *kind,
                    aliases: forms
                        .iter()
                        .filter(|f| *f != name)
                        .map(|f| f.to_string())
                        .collect(),
                    mentions,
                }
            })
            .collect();
        index.add(i as u32, a.date, found);
        articles.push(a);
    }
    index.merge_aliases();
    let articles = articles.into_iter().map(StoredArticle::kept).collect();
    Corpus { articles, index }
}

use EntityKind::{Person, Place};

fn sample() -> Corpus {
    corpus(vec![
        (
            article(
                date(2025, 7, 10),
                "Wang Huning visits Hotan",
                &[
                    "HOTAN -- Wang Huning met Li Ganjie in Hotan. Wang said the\tpairing  works.",
                    "Li Ganjie spoke later. Wang listened.",
                ],
            ),
            vec![
                ("Wang Huning", Person, vec!["Wang Huning", "Wang"]),
                ("Li Ganjie", Person, vec!["Li Ganjie"]),
                ("Hotan", Place, vec!["Hotan", "HOTAN"]),
            ],
        ),
        (
            article(
                date(2025, 7, 1),
                "Advisor tours Aksu",
                &["In Aksu, 王沪宁 Wang Huning 🙂 greeted Li Ganjie\u{a0}warmly."],
            ),
            vec![
                ("Wang Huning", Person, vec!["Wang Huning"]),
                ("Li Ganjie", Person, vec!["Li Ganjie"]),
                ("Aksu", Place, vec!["Aksu"]),
            ],
        ),
        (
            article(
                None,
                "Undated note",
                &["Huning spoke. Wang Huning left Hotan."],
            ),
            vec![
                ("Huning", Person, vec!["Huning"]),
                ("Wang Huning", Person, vec!["Wang Huning"]),
                ("Hotan", Place, vec!["Hotan"]),
            ],
        ),
        (
            article(
                date(2025, 7, 20),
                "Foreign minister",
                &["Wang Yi met Li Ganjie. Wang smiled."],
            ),
            vec![
                ("Wang Yi", Person, vec!["Wang Yi"]),
                ("Li Ganjie", Person, vec!["Li Ganjie"]),
                ("Wang", Person, vec!["Wang"]),
            ],
        ),
    ])
}

fn id(c: &Corpus, name: &str) -> EntityId {
    c.index
        .find(name)
        .unwrap_or_else(|| panic!("{name} not found"))
}

#[test]
fn profile_counts_articles_mentions_and_dates() {
    let c = sample();
    let wang = id(&c, "Wang Huning");
    // "Huning" alone in the undated article is short for the only Huning.
    assert_eq!(id(&c, "Huning"), wang);
    let p = Profile::build(&c, wang);
    // Article 0: title, "Wang Huning" + "Wang" in block 0, "Wang" in block 1;
    // article 1: one; article 2: "Huning" and "Wang Huning".
    assert_eq!((p.articles, p.mentions), (3, 7));
    assert_eq!(
        (p.first_date, p.last_date),
        (date(2025, 7, 1), date(2025, 7, 10))
    );
    assert!(p.candidates.is_empty());
}

#[test]
fn timeline_bars_add_up_to_the_mention_count() {
    let c = sample();
    let p = Profile::build(&c, id(&c, "Wang Huning"));
    let t = &p.timeline;
    assert_eq!(t.unit, Unit::Day);
    // The collection runs from July 1 to July 20: one bar per day.
    assert_eq!(t.bars.len(), 20);
    assert_eq!(t.bars[0].start, date(2025, 7, 1).unwrap());
    assert_eq!((t.bars[0].mentions, t.bars[0].articles), (1, 1));
    assert_eq!((t.bars[9].mentions, t.bars[9].articles), (4, 1));
    assert_eq!((t.undated_mentions, t.undated_articles), (2, 1));
    assert_eq!(t.total_mentions() as usize, p.mentions);
    assert_eq!(
        t.bars.iter().map(|b| b.articles).sum::<u32>() + t.undated_articles,
        3
    );
}

#[test]
fn co_mentions_rank_by_shared_articles_then_paragraphs() {
    let c = sample();
    let p = Profile::build(&c, id(&c, "Wang Huning"));
    let rows: Vec<(&str, u32, u32)> = p
        .co_mentions
        .iter()
        .map(|m| (c.index.entity(m.id).name.as_str(), m.articles, m.paragraphs))
        .collect();
    // Li Ganjie: articles 0 and 1; shares block 0 and block 1 of article 0 and
    // block 0 of article 1. Hotan: articles 0 (title, block 0) and 2 (block 0).
    // On a tie, the entity seen first in the collection comes first.
    assert_eq!(
        rows,
        vec![("Li Ganjie", 2, 3), ("Hotan", 2, 3), ("Aksu", 1, 1)]
    );
}

#[test]
fn every_concordance_line_lands_on_its_mention() {
    let c = sample();
    let wang = id(&c, "Wang Huning");
    let p = Profile::build(&c, wang);
    assert_eq!(p.concordance.len(), p.mentions);
    for line in &p.concordance {
        let a = line.article as usize;
        let article = c.article(a);
        let text = article.text_of(line.mention.block.map(|b| b as usize));
        let said = &text[line.mention.start as usize..line.mention.end as usize];
        assert!(["Wang Huning", "Wang", "Huning"].contains(&said), "{said}");
        // Opening the article at the line and asking for the next mention after
        // the position just before it finds exactly this mention.
        let (block, start) = line.mention.order_key();
        let before = (start > 0)
            .then(|| (block, start - 1))
            .or(block.checked_sub(1).map(|b| (b, u32::MAX)));
        assert_eq!(c.index.next_mention(a, wang, before), Some(line.mention));
        assert_eq!(line.date, c.articles[a].date());
    }
    // Oldest first, undated last.
    let order: Vec<u32> = p.concordance.iter().map(|l| l.article).collect();
    assert_eq!(order, vec![1, 0, 0, 0, 0, 2, 2]);
}

#[test]
fn context_is_cut_at_characters_and_whitespace_is_collapsed() {
    let c = sample();
    let p = Profile::build(&c, id(&c, "Wang Huning"));
    let mut texts = Texts::new(&c);
    let mut context = |line: &ConcordanceLine, width| {
        let ctx = line.context_in(texts.of(line), width);
        (
            ctx.left.into_owned(),
            ctx.mention.into_owned(),
            ctx.right.into_owned(),
        )
    };
    let in_aksu = p.concordance[0];
    let ctx = context(&in_aksu, 6);
    // Six characters either side, counting the CJK and emoji as one each.
    assert_eq!(ctx.0, ", 王沪宁 ");
    assert_eq!(ctx.1, "Wang Huning");
    assert_eq!(ctx.2, " 🙂 gre");
    assert_eq!(in_aksu.title(&c), "Advisor tours Aksu");

    // "Wang said the\tpairing  works." — tab and double space become single spaces.
    let said = p.concordance[3];
    assert_eq!(context(&said, 40).2, " said the pairing works.");
    // Mention at the very start of a title: empty left context.
    let title = p.concordance[1];
    assert_eq!(title.mention.block, None);
    assert_eq!(context(&title, 10).0, "");
    assert_eq!(context(&title, 0).2, "");
}

#[test]
fn concordance_sorts_by_the_word_before_or_after() {
    let c = sample();
    let wang = id(&c, "Wang Huning");
    let mut lines = concordance(&c, wang);
    let words = |lines: &[ConcordanceLine], after: bool| -> Vec<String> {
        lines
            .iter()
            .map(|l| {
                let text = Texts::new(&c).of(l).to_string();
                if after {
                    l.word_after_in(&text)
                } else {
                    l.word_before_in(&text)
                }
                .to_string()
            })
            .collect()
    };
    dateline::entity::profile::concordance::sort(&mut lines, &c, SortBy::WordAfter);
    assert_eq!(
        words(&lines, true),
        [
            "greeted", "left", "listened", "met", "said", "spoke", "visits"
        ]
    );
    dateline::entity::profile::concordance::sort(&mut lines, &c, SortBy::WordBefore);
    assert_eq!(
        words(&lines, false),
        ["", "", "HOTAN", "Hotan", "later", "spoke", "王沪宁"]
    );
    // Back to date order.
    dateline::entity::profile::concordance::sort(&mut lines, &c, SortBy::Date);
    assert_eq!(lines, concordance(&c, wang));
}

#[test]
fn an_ambiguous_short_name_lists_its_candidates() {
    let c = sample();
    let wang = id(&c, "Wang");
    assert_eq!(c.index.entity(wang).name, "Wang");
    let p = Profile::build(&c, wang);
    let mut names: Vec<&str> = p
        .candidates
        .iter()
        .map(|&i| c.index.entity(i).name.as_str())
        .collect();
    names.sort();
    assert_eq!(names, ["Wang Huning", "Wang Yi"]);
    assert_eq!((p.articles, p.mentions), (1, 1));
}

#[test]
fn bad_offsets_give_empty_context_not_a_panic() {
    let mut c = sample();
    let a = article(None, "x", &["é"]);
    c.articles.push(StoredArticle::kept(a));
    c.index.add(
        4,
        None,
        vec![ArticleEntity {
            name: "Bad".into(),
            kind: Person,
            aliases: vec![],
            mentions: vec![
                Mention {
                    block: Some(0),
                    start: 1,
                    end: 9,
                },
                Mention {
                    block: Some(7),
                    start: 0,
                    end: 1,
                },
            ],
        }],
    );
    let p = Profile::build(&c, id(&c, "Bad"));
    let mut texts = Texts::new(&c);
    for line in &p.concordance {
        let text = texts.of(line);
        let ctx = line.context_in(text, 5);
        assert_eq!(
            (ctx.left.as_ref(), ctx.mention.as_ref(), ctx.right.as_ref()),
            ("", "", "")
        );
        assert_eq!(line.word_before_in(text), "");
    }
    assert_eq!(p.timeline.undated_mentions, 2);
}
