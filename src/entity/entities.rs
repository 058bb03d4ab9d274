//! One article's entities laid out flat, as extraction returns them.

#[cfg(test)]
use super::index::{Found, FoundEntity};
use super::{ArticleEntity, EntityKind, Mention};
use std::ops::Range;

/// The entities found in one article, laid out flat: every name in one
/// string and every alias and mention in one list, so that an article costs
/// a handful of allocations rather than several per entity.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Entities {
    /// The names and aliases, one after another.
    text: String,
    entities: Vec<Flat>,
    /// Each alias's range in `text`.
    aliases: Vec<Range<u32>>,
    /// Each entity's mentions in reading order, one entity after another.
    mentions: Vec<Mention>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Flat {
    /// Its canonical name's range in `text`.
    name: Range<u32>,
    kind: EntityKind,
    /// Its range in `aliases`.
    aliases: Range<u32>,
    /// Its range in `mentions`.
    mentions: Range<u32>,
}

/// One entity of an [`Entities`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EntityRef<'a> {
    /// Canonical name, e.g. `Wang Huning` (not `Wang`).
    pub name: &'a str,
    /// Person, organization or place.
    pub kind: EntityKind,
    /// Its mentions, in reading order.
    pub mentions: &'a [Mention],
    text: &'a str,
    aliases: &'a [Range<u32>],
}

impl<'a> EntityRef<'a> {
    /// Other names used for it in the article (`Wang`, `CPC` …).
    pub fn aliases(&self) -> impl ExactSizeIterator<Item = &'a str> + use<'a> {
        let text = self.text;
        self.aliases
            .iter()
            .map(move |r| &text[r.start as usize..r.end as usize])
    }

    /// This entity as an owned [`ArticleEntity`].
    pub fn to_entity(&self) -> ArticleEntity {
        ArticleEntity {
            name: self.name.to_string(),
            kind: self.kind,
            aliases: self.aliases().map(str::to_string).collect(),
            mentions: self.mentions.to_vec(),
        }
    }
}

impl Entities {
    /// Empties the list, keeping its allocations, with room for `entities`
    /// entities with `mentions` mentions in all.
    pub(crate) fn reset(&mut self, entities: usize, mentions: usize) {
        self.text.clear();
        self.entities.clear();
        self.aliases.clear();
        self.mentions.clear();
        self.text.reserve(entities * 16);
        self.entities.reserve(entities);
        self.mentions.reserve(mentions);
    }

    /// The bytes its allocations take.
    pub fn allocated(&self) -> usize {
        self.text.capacity()
            + self.entities.capacity() * size_of::<Flat>()
            + self.aliases.capacity() * size_of::<Range<u32>>()
            + self.mentions.capacity() * size_of::<Mention>()
    }

    /// The number of entities.
    pub fn len(&self) -> usize {
        self.entities.len()
    }

    /// Whether there is none.
    pub fn is_empty(&self) -> bool {
        self.entities.is_empty()
    }

    /// The entities in order of first mention.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = EntityRef<'_>> {
        self.entities.iter().map(|e| EntityRef {
            name: self.str(&e.name),
            kind: e.kind,
            mentions: &self.mentions[e.mentions.start as usize..e.mentions.end as usize],
            text: &self.text,
            aliases: &self.aliases[e.aliases.start as usize..e.aliases.end as usize],
        })
    }

    /// The entities as owned values.
    pub fn to_vec(&self) -> Vec<ArticleEntity> {
        self.iter().map(|e| e.to_entity()).collect()
    }

    fn str(&self, r: &Range<u32>) -> &str {
        &self.text[r.start as usize..r.end as usize]
    }

    /// Starts an entity of `kind`, its canonical name appended by `write`;
    /// its aliases and mentions follow with [`Entities::push_alias`] and
    /// [`Entities::push_mentions`].
    pub(crate) fn begin(&mut self, kind: EntityKind, write: impl FnOnce(&mut String)) {
        let start = self.text.len() as u32;
        write(&mut self.text);
        let (a, m) = (self.aliases.len() as u32, self.mentions.len() as u32);
        self.entities.push(Flat {
            name: start..self.text.len() as u32,
            kind,
            aliases: a..a,
            mentions: m..m,
        });
    }

    /// Adds `alias` to the entity begun last, unless it is its name or one of its aliases.
    pub(crate) fn push_alias(&mut self, alias: &str) {
        let Some(e) = self.entities.last() else {
            return;
        };
        // Compared as bytes: the ranges need no check for character boundaries.
        let alias_bytes = alias.as_bytes();
        let bytes = |r: &Range<u32>| &self.text.as_bytes()[r.start as usize..r.end as usize];
        let known = alias_bytes == bytes(&e.name)
            || self.aliases[e.aliases.start as usize..]
                .iter()
                .any(|r| bytes(r) == alias_bytes);
        if known {
            return;
        }
        let start = self.text.len() as u32;
        self.text.push_str(alias);
        self.aliases.push(start..self.text.len() as u32);
        let end = self.aliases.len() as u32;
        if let Some(e) = self.entities.last_mut() {
            e.aliases.end = end;
        }
    }

    /// Adds the one mention of the entity begun last.
    pub(crate) fn push_mention(&mut self, mention: Mention) {
        let Some(e) = self.entities.last_mut() else {
            return;
        };
        self.mentions.push(mention);
        e.mentions.end = self.mentions.len() as u32;
    }

    /// Adds the mentions of the entity begun last: put in reading order,
    /// each once.
    pub(crate) fn push_mentions(&mut self, mentions: impl IntoIterator<Item = Mention>) {
        let Some(e) = self.entities.last_mut() else {
            return;
        };
        self.mentions.extend(mentions);
        let own = &mut self.mentions[e.mentions.start as usize..];
        // Most come in reading order, each once: one look tells.
        let in_order = own.windows(2).all(|w| w[0].order_key() < w[1].order_key());
        if !in_order {
            if !own.is_sorted_by_key(Mention::order_key) {
                own.sort_by_key(Mention::order_key);
            }
            // Repeats are neighbours now: keep the first of each.
            let mut kept = 1;
            for i in 1..own.len() {
                if own[i] != own[kept - 1] {
                    own[kept] = own[i];
                    kept += 1;
                }
            }
            self.mentions.truncate(e.mentions.start as usize + kept);
        }
        e.mentions.end = self.mentions.len() as u32;
    }
}

/// Tests compare what the index and the saved index take with this layout;
/// the loader hands them the entities as they are.
#[cfg(test)]
impl<'a> From<&'a Entities> for Found<'a> {
    /// The entities borrowed, laid out as a [`Found`] (the ranges of
    /// aliases and mentions are those kept here).
    fn from(all: &'a Entities) -> Found<'a> {
        let entities = all.entities.iter().map(|e| FoundEntity {
            name: all.str(&e.name),
            key: 0,
            kind: e.kind,
            aliases: e.aliases.clone(),
            mentions: e.mentions.clone(),
        });
        Found {
            entities: entities.collect(),
            aliases: all.aliases.iter().map(|r| all.str(r)).collect(),
            mentions: all.mentions.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mention(block: Option<u32>, start: u32) -> Mention {
        Mention {
            block,
            start,
            end: start + 4,
        }
    }

    #[test]
    fn mentions_are_sorted_by_place_and_a_repeat_of_the_one_before_left_out() {
        // Two mentions at the same place but of different lengths keep the order
        // they came in (`b` between two `a`s stays so): the linker gives none such.
        let at = |block, start, end| Mention { block, start, end };
        let (a, b, c) = (at(Some(0), 3, 7), at(Some(0), 3, 9), at(None, 5, 8));
        let lists = [
            vec![a, a, b],
            vec![a, b, a],
            vec![b, a, b, a],
            vec![c, a, a, c],
            vec![a, c, a, b, c],
            vec![a],
        ];
        for list in lists {
            // Sorted as it came (by the order key, equal keys as they came), then
            // each repeat of the mention before left out.
            let mut expected = list.clone();
            expected.sort_by_key(Mention::order_key);
            expected.dedup();
            let mut flat = Entities::default();
            flat.begin(EntityKind::Place, |text| text.push_str("Aksu"));
            flat.push_mentions(list.iter().copied());
            assert_eq!(flat.to_vec()[0].mentions, expected, "{list:?}");
        }
    }

    #[test]
    fn entities_keep_their_own_aliases_and_mentions_in_reading_order() {
        let mut flat = Entities::default();
        flat.begin(EntityKind::Person, |text| text.push_str("Wang Huning"));
        for alias in ["Wang", "Wang Huning", "Wang"] {
            flat.push_alias(alias);
        }
        flat.push_mentions([
            mention(Some(1), 0),
            mention(None, 9),
            mention(Some(0), 5),
            mention(Some(1), 0),
        ]);
        flat.begin(EntityKind::Place, |text| text.push_str("China"));
        flat.push_alias("Wang");
        flat.push_mentions([mention(Some(0), 0)]);
        let owned = flat.to_vec();
        assert_eq!(owned.len(), 2);
        assert_eq!(owned[0].aliases, vec!["Wang".to_string()]);
        assert_eq!(
            owned[0].mentions,
            vec![mention(None, 9), mention(Some(0), 5), mention(Some(1), 0)]
        );
        // Another entity's alias is its own, even when an earlier one has it.
        assert_eq!(owned[1].aliases, vec!["Wang".to_string()]);
        assert_eq!(owned[1].mentions, vec![mention(Some(0), 0)]);
        let names: Vec<&str> = flat.iter().map(|e| e.name).collect();
        assert_eq!(names, ["Wang Huning", "China"]);
        // Laid out for the index: the same entities.
        let found = Found::from(&flat);
        let laid: Vec<ArticleEntity> = found
            .entities
            .iter()
            .map(|e| ArticleEntity {
                name: e.name.to_string(),
                kind: e.kind,
                aliases: found.aliases[e.aliases.start as usize..e.aliases.end as usize]
                    .iter()
                    .map(|a| a.to_string())
                    .collect(),
                mentions: found.mentions[e.mentions.start as usize..e.mentions.end as usize]
                    .to_vec(),
            })
            .collect();
        assert_eq!(laid, owned);
    }
}
