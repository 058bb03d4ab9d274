//! The collection-wide entity index: one entity per real-world name across all articles.

use super::{ArticleEntity, EntityKind, Mention};
use crate::article::Date;
use std::collections::HashMap;

/// Identifies an entity in an [`EntityIndex`].
pub type EntityId = u32;

/// One entity across the collection.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entity {
    /// Canonical name.
    pub name: String,
    /// Person, organization or place.
    pub kind: EntityKind,
    /// Other names it goes by somewhere in the collection.
    pub aliases: Vec<String>,
    /// The articles that mention it (corpus indices, ascending).
    pub articles: Vec<u32>,
    /// Mentions across the collection.
    pub mentions: u32,
    /// Date of the earliest dated article that mentions it.
    pub first_date: Option<Date>,
    /// Date of the latest dated article that mentions it.
    pub last_date: Option<Date>,
}

/// An entity as it occurs in one article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Occurrence {
    /// The entity.
    pub id: EntityId,
    /// Its mentions in that article, in reading order.
    pub mentions: Vec<Mention>,
}

/// Entities of every article, merged by canonical name and kind.
#[derive(Debug, Clone, Default)]
pub struct EntityIndex {
    entities: Vec<Entity>,
    by_name: HashMap<(EntityKind, String), EntityId>,
    per_article: Vec<Vec<Occurrence>>,
}

fn key(kind: EntityKind, name: &str) -> (EntityKind, String) {
    (kind, name.to_lowercase())
}

impl EntityIndex {
    /// An empty index.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds the entities `found` in article number `article` (dated `date`).
    /// Articles may be added in any order, each once.
    pub fn add(&mut self, article: u32, date: Option<Date>, found: Vec<ArticleEntity>) {
        let slot = article as usize;
        if self.per_article.len() <= slot {
            self.per_article.resize_with(slot + 1, Vec::new);
        }
        let mut occurrences = Vec::with_capacity(found.len());
        for e in found {
            let id = match self.by_name.get(&key(e.kind, &e.name)) {
                Some(&id) => id,
                None => {
                    let id = self.entities.len() as EntityId;
                    self.by_name.insert(key(e.kind, &e.name), id);
                    self.entities.push(Entity {
                        name: e.name.clone(),
                        kind: e.kind,
                        aliases: Vec::new(),
                        articles: Vec::new(),
                        mentions: 0,
                        first_date: None,
                        last_date: None,
                    });
                    id
                }
            };
            let entity = &mut self.entities[id as usize];
            for alias in e.aliases {
                if alias != entity.name && !entity.aliases.contains(&alias) {
                    entity.aliases.push(alias);
                }
            }
            if let Err(pos) = entity.articles.binary_search(&article) {
                entity.articles.insert(pos, article);
            }
            entity.mentions += e.mentions.len() as u32;
            if let Some(d) = date {
                entity.first_date = Some(entity.first_date.map_or(d, |f| f.min(d)));
                entity.last_date = Some(entity.last_date.map_or(d, |l| l.max(d)));
            }
            occurrences.push(Occurrence {
                id,
                mentions: e.mentions,
            });
        }
        self.per_article[slot] = occurrences;
    }

    /// Number of entities.
    pub fn len(&self) -> usize {
        self.entities.len()
    }

    /// Whether the index holds no entity.
    pub fn is_empty(&self) -> bool {
        self.entities.is_empty()
    }

    /// The entity `id`.
    pub fn entity(&self, id: EntityId) -> &Entity {
        &self.entities[id as usize]
    }

    /// All entities; an entity's id is its position.
    pub fn entities(&self) -> &[Entity] {
        &self.entities
    }

    /// The entities of article `article`, in order of first mention.
    pub fn of_article(&self, article: usize) -> &[Occurrence] {
        self.per_article.get(article).map_or(&[], Vec::as_slice)
    }

    /// The mentions of entity `id` in article `article`, in reading order.
    pub fn mentions(&self, article: usize, id: EntityId) -> &[Mention] {
        self.of_article(article)
            .iter()
            .find(|o| o.id == id)
            .map_or(&[], |o| o.mentions.as_slice())
    }

    /// The articles that mention `id`, ascending.
    pub fn articles_of(&self, id: EntityId) -> &[u32] {
        &self.entities[id as usize].articles
    }

    /// The first mention of `id` in `article` after the reading position `after`
    /// (a [`Mention::order_key`]), or the first one when `after` is `None`.
    pub fn next_mention(
        &self,
        article: usize,
        id: EntityId,
        after: Option<(u32, u32)>,
    ) -> Option<Mention> {
        let mentions = self.mentions(article, id);
        match after {
            None => mentions.first().copied(),
            Some(k) => mentions.iter().find(|m| m.order_key() > k).copied(),
        }
    }

    /// Finds an entity by name or alias, case-insensitively; among several,
    /// the one mentioned in most articles.
    pub fn find(&self, name: &str) -> Option<EntityId> {
        let wanted = name.trim().to_lowercase();
        let exact = EntityKind::ALL
            .iter()
            .filter_map(|&k| self.by_name.get(&(k, wanted.clone())).copied())
            .max_by_key(|&id| self.entities[id as usize].articles.len());
        exact.or_else(|| {
            (0..self.entities.len() as EntityId)
                .filter(|&id| {
                    self.entities[id as usize]
                        .aliases
                        .iter()
                        .any(|a| a.to_lowercase() == wanted)
                })
                .max_by_key(|&id| self.entities[id as usize].articles.len())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(name: &str, aliases: &[&str], starts: &[u32]) -> ArticleEntity {
        ArticleEntity {
            name: name.into(),
            kind: EntityKind::Person,
            aliases: aliases.iter().map(|s| s.to_string()).collect(),
            mentions: starts
                .iter()
                .map(|&s| Mention {
                    block: Some(0),
                    start: s,
                    end: s + 4,
                })
                .collect(),
        }
    }

    #[test]
    fn merges_same_name_across_articles_and_tracks_dates() {
        let mut ix = EntityIndex::new();
        let d1 = Date::new(2025, 7, 10);
        let d0 = Date::new(2024, 1, 2);
        ix.add(1, d1, vec![person("Wang Huning", &["Wang"], &[0, 10])]);
        ix.add(0, d0, vec![person("wang huning", &[], &[5])]);
        assert_eq!(ix.len(), 1);
        let e = ix.entity(0);
        assert_eq!(e.articles, vec![0, 1]);
        assert_eq!(e.mentions, 3);
        assert_eq!((e.first_date, e.last_date), (d0, d1));
        assert_eq!(ix.find("WANG"), Some(0));
        assert_eq!(ix.find("Wang Huning"), Some(0));
        assert_eq!(ix.find("Li"), None);
    }

    #[test]
    fn next_mention_follows_reading_order() {
        let mut ix = EntityIndex::new();
        let mut e = person("A B", &[], &[3, 9]);
        e.mentions.insert(
            0,
            Mention {
                block: None,
                start: 0,
                end: 3,
            },
        );
        ix.add(0, None, vec![e]);
        let first = ix.next_mention(0, 0, None).unwrap();
        assert_eq!(first.block, None);
        let second = ix.next_mention(0, 0, Some(first.order_key())).unwrap();
        assert_eq!((second.block, second.start), (Some(0), 3));
        let third = ix.next_mention(0, 0, Some(second.order_key())).unwrap();
        assert_eq!(third.start, 9);
        assert_eq!(ix.next_mention(0, 0, Some(third.order_key())), None);
        assert!(ix.mentions(5, 0).is_empty());
    }
}
