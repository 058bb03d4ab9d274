//! The entities that appear alongside one entity: in the same articles, and in
//! the same paragraphs.

use crate::entity::{EntityId, EntityIndex, Mention};

/// The bit of [`block_set`] that stands for block 62 and every later one.
const LATER_BLOCKS: u64 = 1 << 63;

/// The title and blocks that `mentions` fall in, as a set of bits: bit 0 for
/// the title, bit `b + 1` for block `b`, and [`LATER_BLOCKS`] for block 62 and later.
fn block_set(mentions: &[Mention]) -> u64 {
    mentions
        .iter()
        .fold(0, |set, m| set | 1 << m.order_key().0.min(63))
}

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

/// Paragraphs (the title counting as one) where both `a` and `b` have a
/// mention, given their block sets; reads the mentions only when both reach
/// past block 61, which the sets do not tell apart.
fn shared_paragraphs(a: (u64, &[Mention]), b: (u64, &[Mention])) -> u32 {
    let both = a.0 & b.0;
    if both & LATER_BLOCKS == 0 {
        return both.count_ones();
    }
    let later = |ms: &[Mention]| -> Vec<u32> {
        let mut ks: Vec<u32> = ms
            .iter()
            .map(|m| m.order_key().0)
            .filter(|&k| k >= 63)
            .collect();
        ks.dedup();
        ks
    };
    let (la, lb) = (later(a.1), later(b.1));
    let shared_later = la.iter().filter(|k| lb.binary_search(k).is_ok()).count();
    (both & !LATER_BLOCKS).count_ones() + shared_later as u32
}

/// The entities that share articles with `id`, most shared articles first, then
/// most shared paragraphs, then the one that came first in the collection.
pub fn co_mentions(index: &EntityIndex, id: EntityId) -> Vec<CoMention> {
    // Counts by entity id in a dense table: cheaper than hashing when the
    // entity is frequent, which is when speed matters.
    let mut counts = vec![(0u32, 0u32); index.len()];
    let mut seen: Vec<EntityId> = Vec::new();
    for (a, me) in index.positions_of(id) {
        let occurrences = index.of_article(a as usize);
        let mine = index.mentions_of(&occurrences[me]);
        let own = (block_set(mine), mine);
        for o in occurrences.iter().filter(|o| o.id != id) {
            let c = &mut counts[o.id as usize];
            if c.0 == 0 {
                seen.push(o.id);
            }
            c.0 += 1;
            let theirs = index.mentions_of(o);
            c.1 += shared_paragraphs(own, (block_set(theirs), theirs));
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
    out.sort_unstable_by_key(|c| (std::cmp::Reverse((c.articles, c.paragraphs)), c.id));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(blocks: &[Option<u32>]) -> Vec<Mention> {
        blocks
            .iter()
            .map(|&block| Mention {
                block,
                start: 0,
                end: 1,
            })
            .collect()
    }

    #[test]
    fn shared_paragraphs_count_the_title_and_blocks_past_62() {
        let a = at(&[None, Some(2), Some(2), Some(62), Some(70)]);
        let b = at(&[None, Some(3), Some(70), Some(80)]);
        let c = at(&[Some(2), Some(63)]);
        let count =
            |x: &[Mention], y: &[Mention]| shared_paragraphs((block_set(x), x), (block_set(y), y));
        // Title and block 70.
        assert_eq!(count(&a, &b), 2);
        // Block 2 only: 62 and 63 are different paragraphs.
        assert_eq!(count(&a, &c), 1);
        assert_eq!(count(&b, &c), 0);
        assert_eq!(count(&a, &a), 4);
    }
}
