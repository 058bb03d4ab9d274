//! Linking the candidates of one article: `Wang` to `Wang Huning`, `CPC` to
//! `Communist Party of China`, `Xinhua` to `Xinhua News Agency`; deciding the kind of
//! names the sentence alone left open; grouping mentions into entities.

use super::spans::{CTX_APPOS, CTX_PREP, CTX_SPEECH, CTX_THE, Cand, Guess};
use super::{ArticleEntity, EntityKind, Mention};
use std::collections::HashMap;

/// A candidate with where it is and its text.
pub struct Item<'a> {
    /// `None` for the title, else the block index.
    pub block: Option<u32>,
    /// The candidate.
    pub cand: Cand,
    /// Its text as written.
    pub text: &'a str,
}

struct Node<'a> {
    words: Vec<&'a str>,
    kind: Option<EntityKind>,
    parent: usize,
}

fn find(nodes: &mut [Node], mut i: usize) -> usize {
    while nodes[i].parent != i {
        let p = nodes[i].parent;
        nodes[i].parent = nodes[p].parent;
        i = p;
    }
    i
}

fn kind_of(g: Guess) -> Option<EntityKind> {
    match g {
        Guess::Person => Some(EntityKind::Person),
        Guess::Org => Some(EntityKind::Organization),
        Guess::Place => Some(EntityKind::Place),
        Guess::Unknown | Guess::Weak => None,
    }
}

/// Letters of an acronym without dots: `U.S.` → `US`.
fn acronym_letters(s: &str) -> String {
    s.chars().filter(|c| c.is_alphanumeric()).collect()
}

/// Initials of a multi-word name, skipping lower-case connectors: `Communist Party of China` → `CPC`.
fn initials(words: &[&str]) -> String {
    words
        .iter()
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase())
        .collect()
}

/// Links, types and groups the candidates of one article into entities.
pub fn entities(items: &[Item]) -> Vec<ArticleEntity> {
    let mut nodes: Vec<Node> = items
        .iter()
        .map(|it| Node {
            words: it.text.split_whitespace().collect(),
            kind: kind_of(it.cand.guess),
            parent: 0,
        })
        .collect();
    for (i, n) in nodes.iter_mut().enumerate() {
        n.parent = i;
    }
    let mut keep: Vec<bool> = items.iter().map(|it| it.cand.guess != Guess::Weak).collect();
    let mut resolved: Vec<bool> = items
        .iter()
        .map(|it| it.cand.guess != Guess::Weak && it.cand.guess != Guess::Unknown)
        .collect();

    // Full personal names, and the parts that stand for them.
    let mut full: Vec<usize> = Vec::new();
    let mut by_surface: HashMap<String, usize> = HashMap::new();
    for (i, it) in items.iter().enumerate() {
        if it.cand.guess == Guess::Person && nodes[i].words.len() >= 2 {
            let key = nodes[i].words.join(" ");
            if let Some(&j) = by_surface.get(&key) {
                nodes[i].parent = j;
            } else {
                by_surface.insert(key, i);
                full.push(i);
            }
        }
    }
    let mut parts: HashMap<String, Vec<usize>> = HashMap::new();
    for &f in &full {
        let w = &nodes[f].words;
        let mut add = |k: String| {
            let v = parts.entry(k).or_default();
            if !v.contains(&f) {
                v.push(f);
            }
        };
        add(w[0].to_string());
        for j in 1..w.len() {
            if w[j].chars().next().is_some_and(char::is_uppercase) || j + 1 == w.len() {
                add(w[j..].join(" "));
            }
        }
    }
    // A full name that is itself the part of a longer one: `De Bruyne` in `Kevin De Bruyne`.
    for (i, it) in items.iter().enumerate() {
        let c = &it.cand;
        if c.words > 3 || c.upper {
            continue;
        }
        let may_be_person = match c.guess {
            Guess::Person | Guess::Unknown | Guess::Weak => true,
            Guess::Place => !c.strong || (c.words == 1 && !c.country),
            Guess::Org => false,
        };
        if !may_be_person {
            continue;
        }
        let key = nodes[i].words.join(" ");
        let Some(owners) = parts.get(&key) else {
            continue;
        };
        let owners: Vec<usize> = owners.iter().copied().filter(|&f| f != i && nodes[f].words.len() > nodes[i].words.len()).collect();
        match owners.len() {
            0 => {}
            1 => {
                let r = find(&mut nodes, owners[0]);
                let me = find(&mut nodes, i);
                nodes[me].parent = r;
                nodes[i].kind = Some(EntityKind::Person);
                keep[i] = true;
                resolved[i] = true;
            }
            _ => {
                // Two people share it: do not guess.
                nodes[i].kind = Some(EntityKind::Person);
                keep[i] = true;
                resolved[i] = true;
            }
        }
    }

    // Acronyms: defined in parentheses, or matching the initials of a longer name.
    let long: Vec<usize> = (0..items.len())
        .filter(|&i| {
            nodes[i].words.len() >= 2
                && matches!(items[i].cand.guess, Guess::Org | Guess::Place)
        })
        .collect();
    for i in 0..items.len() {
        let c = &items[i].cand;
        if c.defined && i > 0 {
            let r = find(&mut nodes, i - 1);
            let me = find(&mut nodes, i);
            if r != me {
                nodes[me].parent = r;
            }
            nodes[i].kind = nodes[i - 1].kind;
            keep[i] = keep[i - 1];
            resolved[i] = true;
            continue;
        }
        if !c.upper || resolved[i] && c.guess == Guess::Place {
            continue;
        }
        let letters = acronym_letters(items[i].text);
        if letters.len() < 2 {
            continue;
        }
        let mut hit: Option<usize> = None;
        let mut several = false;
        for &l in &long {
            if initials(&nodes[l].words) == letters {
                match hit {
                    Some(h) if nodes[h].words != nodes[l].words => several = true,
                    Some(_) => {}
                    None => hit = Some(l),
                }
            }
        }
        if let (Some(l), false) = (hit, several) {
            let r = find(&mut nodes, l);
            let me = find(&mut nodes, i);
            if r != me {
                nodes[me].parent = r;
            }
            nodes[i].kind = nodes[l].kind;
            keep[i] = true;
            resolved[i] = true;
        }
    }

    // Short forms of organizations and places: `Xinhua` ↔ `Xinhua News Agency`, `Home Office`.
    for i in 0..items.len() {
        let c = &items[i].cand;
        let n = nodes[i].words.len();
        if n > 3 || c.upper || nodes[i].kind == Some(EntityKind::Person) {
            continue;
        }
        let my_kind = nodes[i].kind;
        let mut hit: Option<usize> = None;
        let mut several = false;
        for &l in &long {
            let lw = &nodes[l].words;
            if lw.len() <= n || l == i {
                continue;
            }
            if my_kind.is_some() && c.strong && nodes[l].kind != my_kind {
                continue;
            }
            let w = &nodes[i].words;
            let prefix = lw[..n] == w[..];
            let suffix = lw[lw.len() - n..] == w[..];
            if prefix || suffix {
                match hit {
                    Some(h) if nodes[h].words != *lw => several = true,
                    Some(_) => {}
                    None => hit = Some(l),
                }
            }
        }
        if let (Some(l), false) = (hit, several) {
            let r = find(&mut nodes, l);
            let me = find(&mut nodes, i);
            if r != me {
                nodes[me].parent = r;
            }
            nodes[i].kind = nodes[l].kind;
            keep[i] = true;
            resolved[i] = true;
        }
    }

    // The same words typed elsewhere in the article.
    let mut typed: HashMap<String, usize> = HashMap::new();
    for i in 0..items.len() {
        if resolved[i] && keep[i] && nodes[i].kind.is_some() {
            typed.entry(nodes[i].words.join(" ")).or_insert(i);
        }
    }
    for i in 0..items.len() {
        if resolved[i] {
            continue;
        }
        let key = nodes[i].words.join(" ");
        if let Some(&j) = typed.get(&key) {
            let r = find(&mut nodes, j);
            let me = find(&mut nodes, i);
            if r != me {
                nodes[me].parent = r;
            }
            nodes[i].kind = nodes[j].kind;
            keep[i] = true;
            resolved[i] = true;
        }
    }

    // Whatever is left is decided by its context.
    let mut decided: HashMap<String, EntityKind> = HashMap::new();
    for i in 0..items.len() {
        if resolved[i] || !keep[i] {
            continue;
        }
        let key = nodes[i].words.join(" ");
        let c = &items[i].cand;
        let kind = decided.get(&key).copied().unwrap_or_else(|| {
            if c.ctx & (CTX_SPEECH | CTX_APPOS) != 0 && !c.upper {
                EntityKind::Person
            } else if c.upper {
                EntityKind::Organization
            } else if c.ctx & CTX_PREP != 0 {
                EntityKind::Place
            } else if c.ctx & CTX_THE != 0 || c.words == 1 || c.words > 3 {
                EntityKind::Organization
            } else {
                EntityKind::Person
            }
        });
        decided.insert(key, kind);
        nodes[i].kind = Some(kind);
    }

    // Same kind and same words: one entity.
    let mut by_name: HashMap<(EntityKind, String), usize> = HashMap::new();
    for i in 0..items.len() {
        if !keep[i] {
            continue;
        }
        let Some(k) = nodes[i].kind else { continue };
        let r = find(&mut nodes, i);
        let key = (k, nodes[i].words.join(" "));
        match by_name.get(&key) {
            Some(&j) => {
                let rj = find(&mut nodes, j);
                if rj != r {
                    nodes[r].parent = rj;
                }
            }
            None => {
                by_name.insert(key, r);
            }
        }
    }

    // Collect groups in order of first mention.
    let mut group_of: HashMap<usize, usize> = HashMap::new();
    let mut out: Vec<ArticleEntity> = Vec::new();
    let mut members: Vec<Vec<usize>> = Vec::new();
    for i in 0..items.len() {
        if !keep[i] || nodes[i].kind.is_none() {
            continue;
        }
        let r = find(&mut nodes, i);
        let g = *group_of.entry(r).or_insert_with(|| {
            members.push(Vec::new());
            members.len() - 1
        });
        members[g].push(i);
    }
    for m in members {
        // The kind of the longest name decides; it is also the canonical name.
        let best = *m
            .iter()
            .max_by_key(|&&i| {
                (
                    !items[i].cand.upper,
                    nodes[i].words.len(),
                    items[i].text.len(),
                    std::cmp::Reverse(i),
                )
            })
            .expect("groups are not empty");
        let Some(kind) = nodes[best].kind else { continue };
        let name = nodes[best].words.join(" ");
        let mut aliases: Vec<String> = Vec::new();
        let mut mentions: Vec<Mention> = Vec::with_capacity(m.len());
        for &i in &m {
            let s = nodes[i].words.join(" ");
            if s != name && !aliases.contains(&s) {
                aliases.push(s);
            }
            mentions.push(Mention {
                block: items[i].block,
                start: items[i].cand.start,
                end: items[i].cand.end,
            });
        }
        mentions.sort_by_key(Mention::order_key);
        mentions.dedup();
        out.push(ArticleEntity {
            name,
            kind,
            aliases,
            mentions,
        });
    }
    out
}
