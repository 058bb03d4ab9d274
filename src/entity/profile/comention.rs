//! The entities that appear alongside one entity: in the same articles, and in
//! the same paragraphs.

use crate::entity::{EntityId, EntityIndex, Mention};

/// Another entity seen with the profiled one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CoMention {
    /// The other entity.
    pub id: EntityId,
    /// Articles that mention both.
    pub articles: u32,
    /// Paragraphs (the title counting as one) that mention both.
    pub paragraphs: u32,
}

/// The distinct blocks of `mentions` (title as 0, block `b` as `b + 1`), ascending.
fn blocks(mentions: &[Mention], out: &mut Vec<u32>) {
    out.clear();
    out.extend(mentions.iter().map(|m| m.order_key().0));
    out.sort_unstable();
    out.dedup();
}

/// The entities that share articles with `id`, most shared articles first, then
/// most shared paragraphs, then by name.
pub fn co_mentions(index: &EntityIndex, id: EntityId) -> Vec<CoMention> {
    // Counts by entity id in a dense table: cheaper than hashing when the
    // entity is frequent, which is when speed matters.
    let mut counts = vec![(0u32, 0u32); index.len()];
    let mut seen: Vec<EntityId> = Vec::new();
    let (mut own, mut other) = (Vec::new(), Vec::new());
    for &a in index.articles_of(id) {
        let occurrences = index.of_article(a as usize);
        let Some(me) = occurrences.iter().find(|o| o.id == id) else {
            continue;
        };
        blocks(&me.mentions, &mut own);
        for o in occurrences.iter().filter(|o| o.id != id) {
            blocks(&o.mentions, &mut other);
            let shared = other
                .iter()
                .filter(|b| own.binary_search(b).is_ok())
                .count();
            let c = &mut counts[o.id as usize];
            if c.0 == 0 {
                seen.push(o.id);
            }
            c.0 += 1;
            c.1 += shared as u32;
        }
    }
    let mut out: Vec<CoMention> = seen
        .into_iter()
        .map(|other| {
            let (articles, paragraphs) = counts[other as usize];
            CoMention {
                id: other,
                articles,
                paragraphs,
            }
        })
        .collect();
    out.sort_by(|a, b| {
        (b.articles, b.paragraphs)
            .cmp(&(a.articles, a.paragraphs))
            .then_with(|| index.entity(a.id).name.cmp(&index.entity(b.id).name))
    });
    out
}
