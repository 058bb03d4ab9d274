//! JSON Lines export (the contract in ../shared/DESIGN.md and the README):
//! one object per article, in corpus order.

mod json_str;

use crate::article::Article;
use crate::corpus::Corpus;
use crate::entity::EntityIndex;
use json_str::push_str;
use rayon::prelude::*;
use std::io::{self, Write};
use std::sync::{Mutex, PoisonError};

/// Appends the article numbered `i` as one JSON object (no newline):
/// `path`, `title`, `date`, `dateline`, `blocks` (`kind`, `text`, `credit`),
/// `entities` (`name`, `kind`, `mentions`) in that order. The strings are
/// written by [`push_str`]; the small values by serde_json.
fn push_article(
    out: &mut Vec<u8>,
    article: &Article,
    index: &EntityIndex,
    i: usize,
) -> serde_json::Result<()> {
    out.extend_from_slice(b"{\"path\":");
    push_str(out, &article.path);
    out.extend_from_slice(b",\"title\":");
    push_str(out, &article.title);
    out.extend_from_slice(b",\"date\":");
    serde_json::to_writer(&mut *out, &article.date)?;
    out.extend_from_slice(b",\"dateline\":");
    serde_json::to_writer(&mut *out, &article.dateline)?;
    out.extend_from_slice(b",\"blocks\":[");
    for (k, block) in article.blocks.iter().enumerate() {
        out.extend_from_slice(if k == 0 {
            b"{\"kind\":"
        } else {
            b",{\"kind\":"
        });
        serde_json::to_writer(&mut *out, &block.kind)?;
        out.extend_from_slice(b",\"text\":");
        push_str(out, &block.text);
        out.extend_from_slice(b",\"credit\":");
        match &block.credit {
            Some(credit) => push_str(out, &credit.text),
            None => out.extend_from_slice(b"null"),
        }
        out.push(b'}');
    }
    out.extend_from_slice(b"],\"entities\":[");
    for (k, occurrence) in index.of_article(i).iter().enumerate() {
        let entity = index.entity(occurrence.id);
        out.extend_from_slice(if k == 0 {
            b"{\"name\":"
        } else {
            b",{\"name\":"
        });
        push_str(out, &entity.name);
        out.extend_from_slice(b",\"kind\":");
        serde_json::to_writer(&mut *out, &entity.kind)?;
        out.extend_from_slice(b",\"mentions\":");
        serde_json::to_writer(&mut *out, index.mentions_of(occurrence))?;
        out.push(b'}');
    }
    out.extend_from_slice(b"]}");
    Ok(())
}

/// Writes every article of `corpus` as one JSON object per line. Returns the
/// problems met reading again the texts left in their files (a file changed
/// or gone since it was indexed, named), in article order: such an article is
/// written as it is now.
pub fn write_jsonl(corpus: &Corpus, out: &mut impl Write) -> io::Result<Vec<String>> {
    // Serialized on every core a window at a time, written in input order.
    // The window's buffers are reused from one window to the next, so the
    // memory written stays the same few megabytes.
    const CHUNK: usize = 64;
    const WINDOW: usize = 16 * CHUNK;
    let mut bufs: Vec<Vec<u8>> = vec![Vec::new(); WINDOW / CHUNK];
    let problems = Mutex::new(Vec::new());
    for (w, window) in corpus.articles.chunks(WINDOW).enumerate() {
        bufs.par_iter_mut()
            .zip(window.par_chunks(CHUNK))
            .enumerate()
            .try_for_each(|(c, (buf, chunk))| {
                buf.clear();
                let first = w * WINDOW + c * CHUNK;
                for (k, article) in chunk.iter().enumerate() {
                    let fetched = article.fetch();
                    if let Some(problem) = fetched.problem {
                        let mut problems = problems.lock().unwrap_or_else(PoisonError::into_inner);
                        problems.push((first + k, problem));
                    }
                    push_article(buf, &fetched.article, &corpus.index, first + k)
                        .map_err(io::Error::other)?;
                    buf.push(b'\n');
                }
                io::Result::Ok(())
            })?;
        for buf in &bufs[..window.len().div_ceil(CHUNK)] {
            out.write_all(buf)?;
        }
    }
    out.flush()?;
    let mut problems = problems
        .into_inner()
        .unwrap_or_else(PoisonError::into_inner);
    problems.sort_unstable();
    Ok(problems.into_iter().map(|(_, p)| p).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::parse::parse_text;
    use crate::entity::{ArticleEntity, EntityIndex, EntityKind, Mention};

    /// The record as serde_json writes it from derived structures: what
    /// [`push_article`] must write byte for byte.
    mod reference {
        use crate::article::{Article, BlockKind, Date, Dateline};
        use crate::entity::{EntityIndex, EntityKind, Mention};
        use serde::Serialize;

        #[derive(Serialize)]
        struct ArticleOut<'a> {
            path: &'a str,
            title: &'a str,
            date: Option<Date>,
            dateline: Option<&'a Dateline>,
            blocks: Vec<BlockOut<'a>>,
            entities: Vec<EntityOut<'a>>,
        }

        #[derive(Serialize)]
        struct BlockOut<'a> {
            kind: BlockKind,
            text: &'a str,
            credit: Option<&'a str>,
        }

        #[derive(Serialize)]
        struct EntityOut<'a> {
            name: &'a str,
            kind: EntityKind,
            mentions: &'a [Mention],
        }

        pub fn line(article: &Article, index: &EntityIndex, i: usize) -> Vec<u8> {
            let blocks = (article.blocks.iter())
                .map(|b| BlockOut {
                    kind: b.kind,
                    text: &b.text,
                    credit: b.credit.as_ref().map(|c| c.text.as_str()),
                })
                .collect();
            let entities = (index.of_article(i).iter())
                .map(|o| {
                    let e = index.entity(o.id);
                    EntityOut {
                        name: &e.name,
                        kind: e.kind,
                        mentions: index.mentions_of(o),
                    }
                })
                .collect();
            let record = ArticleOut {
                path: &article.path,
                title: &article.title,
                date: article.date,
                dateline: article.dateline.as_ref(),
                blocks,
                entities,
            };
            serde_json::to_vec(&record).unwrap()
        }
    }

    #[test]
    fn each_line_is_what_serde_json_writes_byte_for_byte() {
        let texts = [
            " date 2025-07-10 Wang Huning visits \"Hotan\"\n\nFarmers pick dates in Hotan. (Xinhua/Pang Xinglei)\n\nHOTAN, Xinjiang, July 9 (Xinhua) -- Wang Huning, a member of the Communist Party of China (CPC), met farmers.\tWang said a back\\slash is no path.\n",
            "Untitled\n\nNo date, no dateline, no one named here: just “quotes” — and é.",
            " date 2024-02-29 Talks in Geneva\n\nGENEVA, Feb. 29 (AP) _ Kevin De Bruyne met Mary Smith of the World Health Organization (WHO). De Bruyne and Smith spoke; the WHO said nothing.\n",
        ];
        let articles: Vec<Article> = (texts.iter().enumerate())
            .map(|(i, t)| parse_text(&format!("dir/{i}\"x\".txt"), t))
            .collect();
        let corpus = Corpus::from_articles(articles);
        assert!(!corpus.index.of_article(0).is_empty());
        let first = corpus.articles[0].fetch().article;
        assert!(first.dateline.is_some() && first.blocks[0].credit.is_some());
        for (i, stored) in corpus.articles.iter().enumerate() {
            let article = stored.fetch().article;
            let mut line = Vec::new();
            push_article(&mut line, &article, &corpus.index, i).unwrap();
            let expected = reference::line(&article, &corpus.index, i);
            assert_eq!(
                String::from_utf8(line),
                String::from_utf8(expected),
                "article {i}"
            );
        }
    }

    #[test]
    fn entities_come_from_the_index_with_their_mentions() {
        let article = parse_text(
            "a.txt",
            "Wang Huning visits\n\nWang Huning spoke. Wang left.",
        );
        let mut index = EntityIndex::new();
        let mention = |block, start, end| Mention { block, start, end };
        index.add(
            0,
            None,
            vec![ArticleEntity {
                name: "Wang Huning".into(),
                kind: EntityKind::Person,
                aliases: vec!["Wang".into()],
                mentions: vec![
                    mention(None, 0, 11),
                    mention(Some(0), 0, 11),
                    mention(Some(0), 19, 23),
                ],
            }],
        );
        let corpus = Corpus {
            articles: vec![crate::corpus::stored::StoredArticle::kept(article)],
            index,
        };
        let mut out = Vec::new();
        write_jsonl(&corpus, &mut out).unwrap();
        let line: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(
            line["entities"],
            serde_json::json!([{"name": "Wang Huning", "kind": "person", "mentions": [
                {"block": null, "start": 0, "end": 11},
                {"block": 0, "start": 0, "end": 11},
                {"block": 0, "start": 19, "end": 23}
            ]}])
        );
    }

    #[test]
    fn articles_keep_their_order_and_entities_across_serialization_windows() {
        // More articles than two windows hold, the last window partly filled.
        let places = ["Geneva", "Beijing", "Nairobi", "Lima", "Oslo"];
        let articles: Vec<Article> = (0..2100)
            .map(|i| {
                let text = format!(
                    "Article {i}\n\nDelegates met in {} on Monday.",
                    places[i % places.len()]
                );
                parse_text(&format!("{i}.txt"), &text)
            })
            .collect();
        let corpus = Corpus::from_articles(articles);
        let mut out = Vec::new();
        write_jsonl(&corpus, &mut out).unwrap();
        let lines: Vec<serde_json::Value> = out
            .split(|&b| b == b'\n')
            .filter(|l| !l.is_empty())
            .map(|l| serde_json::from_slice(l).unwrap())
            .collect();
        assert_eq!(lines.len(), 2100);
        for (i, line) in lines.iter().enumerate() {
            assert_eq!(line["title"], format!("Article {i}"));
            let names: Vec<&str> = line["entities"]
                .as_array()
                .unwrap()
                .iter()
                .map(|e| e["name"].as_str().unwrap())
                .collect();
            assert_eq!(names, [places[i % places.len()]], "article {i}");
        }
    }

    #[test]
    fn a_file_changed_since_it_was_indexed_is_written_as_it_is_now_and_named() {
        use crate::corpus::cache::FileKey;
        use crate::corpus::stored::{LeftIn, StoredArticle};
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        std::fs::write(&path, "Before\n\nOld text.\n").unwrap();
        let shown = path.to_string_lossy().into_owned();
        let article = parse_text(&shown, "Before\n\nOld text.\n");
        let key = FileKey::of(&std::fs::metadata(&path).unwrap()).unwrap();
        let hash = article.text_hash();
        let corpus = Corpus {
            articles: vec![
                StoredArticle::in_file(
                    article,
                    LeftIn {
                        key,
                        hash,
                        listed: false,
                    },
                ),
                StoredArticle::kept(parse_text("b.txt", "Kept\n\nText.")),
            ],
            index: EntityIndex::new(),
        };
        std::fs::write(&path, "After\n\nNew text, longer than before.\n").unwrap();
        let mut out = Vec::new();
        let problems = write_jsonl(&corpus, &mut out).unwrap();
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].contains("a.txt"), "{problems:?}");
        let first: serde_json::Value =
            serde_json::from_slice(out.split(|&b| b == b'\n').next().unwrap()).unwrap();
        assert_eq!(first["blocks"][0]["text"], "New text, longer than before.");
    }

    #[test]
    fn one_line_per_article_in_the_contract_shape() {
        let a = parse_text(
            "a.txt",
            " date 2025-07-10 Title\n\nCap. (Xinhua/Pang Xinglei)\n\nHOTAN, Xinjiang, July 9 (Xinhua) -- Text.\n",
        );
        let b = parse_text("b.txt", "Untitled\n\nText.");
        let corpus = Corpus::from_articles(vec![a, b]);
        let mut out = Vec::new();
        write_jsonl(&corpus, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        let lines: Vec<serde_json::Value> = text
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(lines.len(), 2);
        assert_eq!(
            lines[0],
            serde_json::json!({
                "path": "a.txt", "title": "Title", "date": "2025-07-10",
                "dateline": {"place": "HOTAN, Xinjiang", "date": "July 9", "agency": "Xinhua"},
                "blocks": [
                    {"kind": "caption", "text": "Cap. (Xinhua/Pang Xinglei)", "credit": "Xinhua/Pang Xinglei"},
                    {"kind": "body", "text": "HOTAN, Xinjiang, July 9 (Xinhua) -- Text.", "credit": null}
                ],
                "entities": lines[0]["entities"].clone(),
            })
        );
        assert_eq!(
            (&lines[1]["date"], &lines[1]["dateline"]),
            (&serde_json::Value::Null, &serde_json::Value::Null)
        );
    }
}
