//! The collection-wide entity index: one entity per real-world name across all articles.

use super::{ArticleEntity, Entities, EntityKind, Mention};
use crate::article::Date;
use hashbrown::HashTable;
use hashbrown::hash_map::EntryRef;
use rustc_hash::FxBuildHasher;
use std::hash::BuildHasher;
use std::ops::Range;

mod merge;

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

/// Room in `store`, filled by `added` articles, for `more` articles at the
/// same rate. A rate taken from an unusual start (a file of many articles
/// among files of one) may ask for more than can be had: then nothing is
/// reserved, and the store grows as it fills. (Room asked for and never
/// used costs address space, not memory.)
fn reserve_for<T>(store: &mut Vec<T>, more: usize, added: usize) {
    let _ = store.try_reserve(store.len().saturating_mul(more) / added);
}

/// The lists [`EntityIndex::merge_aliases`] let go of, those of the
/// entities merged into others (large for a common short form): dropping it
/// frees them, which a caller in a hurry does once the index is passed on.
#[derive(Debug)]
pub struct Spent {
    _articles: Vec<Vec<u32>>,
    _slots: Vec<Vec<u32>>,
}

/// An entity as it occurs in one article; its mentions are read with
/// [`EntityIndex::mentions_of`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Occurrence {
    /// The entity.
    pub id: EntityId,
    /// Where its mentions are in the index's mention store.
    start: u32,
    end: u32,
}

/// Entities of every article, merged by canonical name and kind, and — after
/// [`EntityIndex::merge_aliases`] — by unambiguous short forms across articles.
///
/// Occurrences and mentions are kept in two flat stores, each article's
/// contiguous: 100,000 articles hold millions of mentions, and one small
/// vector per occurrence would cost more in allocation overhead than the
/// mentions themselves.
#[derive(Debug, Clone, Default)]
pub struct EntityIndex {
    entities: Vec<Entity>,
    /// Entity ids by lowercased canonical name, one slot per kind
    /// ([`NO_ENTITY`] when none). Boxed, as `joining` is, so that the index
    /// stays small where it is moved (in messages); it is looked up only for a
    /// name `spelled` does not hold.
    by_name: Box<hashbrown::HashMap<Box<str>, [EntityId; 3], FxBuildHasher>>,
    /// Entities by the hash of their canonical name as spelled: most
    /// mentions of a name spell it as it was first found, and are looked up
    /// here without lowercasing it (emptied when ids change).
    spelled: HashTable<EntityId>,
    /// A name being lowercased (kept to spare an allocation per lookup).
    folded: String,
    /// Each article's range in `occurrences`.
    per_article: Vec<(u32, u32)>,
    /// Every article's occurrences, in order of first mention within each.
    occurrences: Vec<Occurrence>,
    /// Every occurrence's mentions, in reading order within each.
    mentions: Vec<Mention>,
    /// The date each article was added with.
    dates: Vec<Option<Date>>,
    /// Parallel to each entity's `articles`: where its occurrence is in that
    /// article's list, so that following an entity reads no other.
    slots: Vec<Vec<u32>>,
    /// For a short name left apart because it fits several entities, those entities.
    candidates: Vec<Vec<EntityId>>,
    /// Buffers for joining an article's occurrences, kept from one to the
    /// next (boxed: the index is moved about whole, in messages).
    joining: Box<merge::Joining>,
}

/// The entities found in one article laid out flat, their names borrowed:
/// what [`EntityIndex::add_found`] takes (a few allocations per article
/// rather than several per entity).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Found<'a> {
    /// Each entity, in order of first mention.
    pub entities: Vec<FoundEntity<'a>>,
    /// The entities' other names, each entity's a range of them.
    pub aliases: Vec<&'a str>,
    /// The entities' mentions, each entity's a range of them in reading order.
    pub mentions: Vec<Mention>,
}

/// One entity of a [`Found`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundEntity<'a> {
    /// Canonical name.
    pub name: &'a str,
    /// A number its source gives every entity of this name (the saved
    /// index's string number, from 1), so that [`NameKeys`] can remember
    /// which entity it is; 0 for none.
    pub key: u32,
    /// Person, organization or place.
    pub kind: EntityKind,
    /// Its range in [`Found::aliases`].
    pub aliases: Range<u32>,
    /// Its range in [`Found::mentions`].
    pub mentions: Range<u32>,
}

impl<'a> Found<'a> {
    /// Adds an entity.
    pub fn push(
        &mut self,
        name: &'a str,
        kind: EntityKind,
        aliases: impl IntoIterator<Item = &'a str>,
        mentions: impl IntoIterator<Item = Mention>,
    ) {
        let a = self.aliases.len() as u32;
        self.aliases.extend(aliases);
        let m = self.mentions.len() as u32;
        self.mentions.extend(mentions);
        self.entities.push(FoundEntity {
            name,
            key: 0,
            kind,
            aliases: a..self.aliases.len() as u32,
            mentions: m..self.mentions.len() as u32,
        });
    }
}

/// The entities of numbered names ([`FoundEntity::key`]) in one index, so
/// that it looks each name up once. Valid until that index's
/// [`EntityIndex::merge_aliases`], for numbers from one source.
#[derive(Debug, Clone, Default)]
pub struct NameKeys(Vec<[EntityId; 3]>);

impl NameKeys {
    /// The entity of name number `key` and `kind`, when known.
    fn get(&self, key: u32, kind: EntityKind) -> Option<EntityId> {
        let ids = self.0.get(key as usize).filter(|_| key != 0)?;
        Some(ids[kind as usize]).filter(|&id| id != NO_ENTITY)
    }

    /// Notes that name number `key` of `kind` is entity `id`.
    fn set(&mut self, key: u32, kind: EntityKind, id: EntityId) {
        if key == 0 {
            return;
        }
        let at = key as usize;
        if self.0.len() <= at {
            self.0.resize(at + 1, [NO_ENTITY; 3]);
        }
        self.0[at][kind as usize] = id;
    }
}

/// An empty slot of [`EntityIndex::by_name`].
const NO_ENTITY: EntityId = EntityId::MAX;

/// Puts `name` lowercased into `out` (the key of [`EntityIndex::by_name`]).
fn fold_into(out: &mut String, name: &str) {
    out.clear();
    if name.is_ascii() {
        out.push_str(name);
        out.make_ascii_lowercase();
    } else {
        // `str::to_lowercase`, not char by char: a final capital sigma becomes `ς`.
        out.push_str(&name.to_lowercase());
    }
}

/// Appends `value` to an entity's list, whose room grows fourfold while it
/// is short (from 4 to 16 to 64) and then doubles: most lists stay short,
/// and while loading each growth is a reallocation.
fn push_grown(list: &mut Vec<u32>, value: u32) {
    if list.len() == list.capacity() {
        let more = match list.len() {
            short @ 4..SHORT_LIST => 3 * short,
            n => n.max(4),
        };
        list.reserve_exact(more);
    }
    list.push(value);
}

/// The length up to which [`push_grown`] grows a list fourfold.
const SHORT_LIST: usize = 64;

/// One entity as [`EntityIndex::add_found`] and [`EntityIndex::add_entities`]
/// add it.
struct Adding<'e, A> {
    name: &'e str,
    key: u32,
    kind: EntityKind,
    aliases: A,
    mentions: &'e [Mention],
}

impl EntityIndex {
    /// An empty index.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds the entities `found` in article number `article` (dated `date`).
    /// Articles may be added in any order, each once.
    pub fn add(&mut self, article: u32, date: Option<Date>, found: Vec<ArticleEntity>) {
        let mut flat = Found::default();
        for e in &found {
            let aliases = e.aliases.iter().map(String::as_str);
            flat.push(&e.name, e.kind, aliases, e.mentions.iter().copied());
        }
        self.add_found(article, date, &flat, &mut NameKeys::default());
    }

    /// Makes room in the stores for the occurrences and mentions of
    /// `articles` articles in all, at the rate of those added so far: they
    /// then grow a few times to their final size rather than by doubling,
    /// each time a copy of all they hold.
    pub fn expect_articles(&mut self, articles: usize) {
        let added = self.per_article.len();
        if added == 0 {
            return;
        }
        let more = articles.saturating_sub(added);
        reserve_for(&mut self.occurrences, more, added);
        reserve_for(&mut self.mentions, more, added);
    }

    /// The entity named `name` (any case) of `kind`, made when there is none.
    fn id_of(&mut self, name: &str, kind: EntityKind) -> EntityId {
        let hash = FxBuildHasher.hash_one(name);
        let entities = &self.entities;
        let spelled_so = |&id: &EntityId| {
            let e = &entities[id as usize];
            e.kind == kind && e.name == name
        };
        if let Some(&id) = self.spelled.find(hash, spelled_so) {
            return id;
        }
        let id = self.id_of_folded(name, kind);
        // Spelled otherwise (`DAR ES SALAAM` for `Dar es Salaam`), it is
        // looked up lowercased each time.
        if self.entities[id as usize].name == name {
            let entities = &self.entities;
            let rehash = |&id: &EntityId| FxBuildHasher.hash_one(&entities[id as usize].name);
            self.spelled.insert_unique(hash, id, rehash);
        }
        id
    }

    /// [`EntityIndex::id_of`] through the lowercased name.
    fn id_of_folded(&mut self, name: &str, kind: EntityKind) -> EntityId {
        fold_into(&mut self.folded, name);
        let id = self.entities.len() as EntityId;
        // One look-up, the name's key made only when it is new.
        match self.by_name.entry_ref(self.folded.as_str()) {
            EntryRef::Occupied(mut known) => {
                let of_kind = &mut known.get_mut()[kind as usize];
                if *of_kind != NO_ENTITY {
                    return *of_kind;
                }
                *of_kind = id;
            }
            EntryRef::Vacant(slot) => {
                let mut ids = [NO_ENTITY; 3];
                ids[kind as usize] = id;
                slot.insert_with_key(self.folded.as_str().into(), ids);
            }
        }
        self.slots.push(Vec::new());
        self.entities.push(Entity {
            name: name.to_string(),
            kind,
            aliases: Vec::new(),
            articles: Vec::new(),
            mentions: 0,
            first_date: None,
            last_date: None,
        });
        id
    }

    /// [`EntityIndex::add`] for entities laid out flat; `keys` remembers the
    /// entities of their numbered names ([`FoundEntity::key`]).
    pub fn add_found(
        &mut self,
        article: u32,
        date: Option<Date>,
        found: &Found<'_>,
        keys: &mut NameKeys,
    ) {
        let entities = found.entities.iter().map(|e| Adding {
            name: e.name,
            key: e.key,
            kind: e.kind,
            aliases: found.aliases[e.aliases.start as usize..e.aliases.end as usize]
                .iter()
                .copied(),
            mentions: &found.mentions[e.mentions.start as usize..e.mentions.end as usize],
        });
        self.add_each(article, date, entities, keys);
    }

    /// [`EntityIndex::add`] for entities as extraction returns them; their
    /// names numbered by `names` (in order; 0 or none for a name not
    /// numbered) as [`FoundEntity::key`] numbers those of a [`Found`].
    pub fn add_entities(
        &mut self,
        article: u32,
        date: Option<Date>,
        found: &Entities,
        names: &[u32],
        keys: &mut NameKeys,
    ) {
        let entities = found.iter().enumerate().map(|(n, e)| Adding {
            name: e.name,
            key: names.get(n).copied().unwrap_or(0),
            kind: e.kind,
            aliases: e.aliases(),
            mentions: e.mentions,
        });
        self.add_each(article, date, entities, keys);
    }

    /// Adds the entities of article number `article`.
    fn add_each<'e, A: Iterator<Item = &'e str>>(
        &mut self,
        article: u32,
        date: Option<Date>,
        entities: impl Iterator<Item = Adding<'e, A>>,
        keys: &mut NameKeys,
    ) {
        let slot = article as usize;
        if self.per_article.len() <= slot {
            self.per_article.resize(slot + 1, (0, 0));
            self.dates.resize(slot + 1, None);
        }
        self.dates[slot] = date;
        let day = date.map(Date::packed);
        let first = self.occurrences.len();
        // Two of the article's entities that are one here (names the
        // extractor kept apart, such as `DAR ES SALAAM` and `Dar es Salaam`).
        let mut twice = false;
        for e in entities {
            let id = match keys.get(e.key, e.kind) {
                Some(id) => id,
                None => {
                    let id = self.id_of(e.name, e.kind);
                    keys.set(e.key, e.kind, id);
                    id
                }
            };
            let entity = &mut self.entities[id as usize];
            for alias in e.aliases {
                if alias != entity.name && !entity.aliases.iter().any(|a| a == alias) {
                    entity.aliases.push(alias.to_string());
                }
            }
            let slot = (self.occurrences.len() - first) as u32;
            // Articles mostly come in order: appending needs no search.
            match entity.articles.last() {
                Some(&last) if last >= article => match entity.articles.binary_search(&article) {
                    Err(pos) => {
                        entity.articles.insert(pos, article);
                        self.slots[id as usize].insert(pos, slot);
                    }
                    Ok(_) => twice = true,
                },
                _ => {
                    push_grown(&mut entity.articles, article);
                    push_grown(&mut self.slots[id as usize], slot);
                }
            }
            entity.mentions += e.mentions.len() as u32;
            if let Some(day) = day {
                // The two are set together, and the first is never after the last.
                match (entity.first_date, entity.last_date) {
                    (Some(f), Some(l)) => {
                        if day < Date::packed(f) {
                            entity.first_date = date;
                        } else if day > Date::packed(l) {
                            entity.last_date = date;
                        }
                    }
                    _ => (entity.first_date, entity.last_date) = (date, date),
                }
            }
            let start = self.mentions.len() as u32;
            self.mentions.extend_from_slice(e.mentions);
            self.occurrences.push(Occurrence {
                id,
                start,
                end: self.mentions.len() as u32,
            });
        }
        if twice {
            self.join_last_article(article, first);
        }
        self.per_article[slot] = (first as u32, self.occurrences.len() as u32);
    }

    /// Joins the occurrences of one entity in the article just added
    /// (`article`, its occurrences from `first` on): one occurrence each,
    /// their mentions in reading order, and the slots of its entities anew.
    fn join_last_article(&mut self, article: u32, first: usize) {
        // Counted again once joined: a mention found under both spellings
        // is kept once.
        for o in &self.occurrences[first..] {
            self.entities[o.id as usize].mentions -= o.end - o.start;
        }
        let joined = merge::join(
            &mut self.occurrences[first..],
            (&mut self.mentions, 0),
            &mut self.joining,
        );
        if let Some(kept) = joined {
            self.occurrences.truncate(first + kept);
            let end = self.occurrences[first..].iter().map(|o| o.end).max();
            self.mentions.truncate(end.unwrap_or(0) as usize);
        }
        for (slot, o) in self.occurrences[first..].iter().enumerate() {
            let e = o.id as usize;
            self.entities[e].mentions += o.end - o.start;
            if let Ok(pos) = self.entities[e].articles.binary_search(&article) {
                self.slots[e][pos] = slot as u32;
            }
        }
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
        self.per_article
            .get(article)
            .map_or(&[], |&(a, b)| &self.occurrences[a as usize..b as usize])
    }

    /// The mentions of occurrence `o` (from this index), in reading order.
    pub fn mentions_of(&self, o: &Occurrence) -> &[Mention] {
        &self.mentions[o.start as usize..o.end as usize]
    }

    /// The mentions of entity `id` in article `article`, in reading order.
    pub fn mentions(&self, article: usize, id: EntityId) -> &[Mention] {
        self.of_article(article)
            .iter()
            .find(|o| o.id == id)
            .map_or(&[], |o| self.mentions_of(o))
    }

    /// The date of every article, by article number, as added.
    pub fn dates(&self) -> &[Option<Date>] {
        &self.dates
    }

    /// The date article `article` was added with.
    pub fn date(&self, article: usize) -> Option<Date> {
        self.dates.get(article).copied().flatten()
    }

    /// Where entity `id` occurs: each article that mentions it (ascending)
    /// with the position of its [`Occurrence`] in [`EntityIndex::of_article`]
    /// of that article.
    pub fn positions_of(&self, id: EntityId) -> impl Iterator<Item = (u32, usize)> + '_ {
        let articles = &self.entities[id as usize].articles;
        articles
            .iter()
            .zip(&self.slots[id as usize])
            .map(|(&a, &slot)| (a, slot as usize))
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

    /// The entities a short name such as `Wang` could stand for, when it fits
    /// more than one in the collection and [`EntityIndex::merge_aliases`] left it apart.
    /// Empty for every other entity.
    pub fn candidates(&self, id: EntityId) -> &[EntityId] {
        self.candidates.get(id as usize).map_or(&[], Vec::as_slice)
    }

    /// Merges entities that are short forms of exactly one other entity of the
    /// same kind in the collection: a name used as that entity's alias in some
    /// article (`CPC`, `Xinhua`), or for people a leading or trailing part of
    /// its name (`Xi` → `Xi Jinping`, `Obama` → `Barack Obama`). A short form
    /// that fits several entities stays a separate entity whose
    /// [`EntityIndex::candidates`] are those entities.
    ///
    /// Call it once all articles are added. Entity ids change: ids obtained
    /// before are invalid afterwards. Runs in time linear in the number of
    /// occurrences. Returns the lists it let go of, to be freed when the
    /// caller has time ([`Spent`]).
    pub fn merge_aliases(&mut self) -> Spent {
        self.spelled = HashTable::new();
        let (target, candidates) = merge::plan(&self.entities);
        let root = merge::roots(&target);
        // New ids: the surviving entities keep their relative order.
        let mut new_id = vec![EntityId::MAX; self.entities.len()];
        let mut next: EntityId = 0;
        for (old, &r) in root.iter().enumerate() {
            if r as usize == old {
                new_id[old] = next;
                next += 1;
            }
        }
        // Each old id's new one, and whether it was merged into another:
        // one look-up per occurrence.
        let to: Vec<(EntityId, bool)> = (root.iter().enumerate())
            .map(|(old, &r)| (new_id[r as usize], r as usize != old))
            .collect();
        let map = |old: EntityId| to[old as usize].0;

        let mut old_entities: Vec<Option<Entity>> = std::mem::take(&mut self.entities)
            .into_iter()
            .map(Some)
            .collect();
        let mut entities = Vec::with_capacity(next as usize);
        for (old, &r) in root.iter().enumerate() {
            if r as usize == old {
                entities.extend(old_entities[old].take());
            }
        }
        // The lists of the entities merged into others are kept for the
        // caller to free (large for a common short form). A grown entity's
        // articles are at most its own and theirs: room for them is made
        // at once, so that its lists are not moved as they are counted anew.
        let mut spent = Vec::with_capacity(root.len() - next as usize);
        // An entity that took in others (grown) is counted anew from its
        // joined occurrences; any other keeps its articles and count, and
        // its positions but in articles whose occurrences were joined.
        let mut room = vec![0; entities.len()];
        let mut grown = vec![false; entities.len()];
        for (old, e) in old_entities.into_iter().enumerate() {
            if let Some(mut e) = e {
                let into = map(old as EntityId) as usize;
                grown[into] = true;
                room[into] += e.articles.len();
                spent.push(std::mem::take(&mut e.articles));
                merge::absorb(&mut entities[into], e);
            }
        }
        self.entities = entities;
        let mut old_slots = std::mem::take(&mut self.slots);
        self.slots = (root.iter().enumerate())
            .filter(|&(old, &r)| r as usize == old)
            .map(|(old, _)| std::mem::take(&mut old_slots[old]))
            .collect();
        for ((e, slots), &room) in (self.entities.iter_mut().zip(&mut self.slots))
            .zip(&room)
            .zip(&grown)
            .filter_map(|(pair, &g)| g.then_some(pair))
        {
            e.mentions = 0;
            let room = room + e.articles.len();
            e.articles.clear();
            e.articles.reserve_exact(room);
            slots.clear();
            slots.reserve_exact(room);
        }
        // Each article is renamed and joined (the articles shared out among
        // the threads), then counted.
        let kept = merge::remap_articles(
            &self.per_article,
            &mut self.occurrences,
            &mut self.mentions,
            |old| to[old as usize],
        );
        for ((a, range), kept) in self.per_article.iter_mut().enumerate().zip(kept) {
            let first = range.0 as usize;
            if let Some(kept) = kept {
                range.1 = first as u32 + kept;
            }
            let occurrences = &self.occurrences[first..range.1 as usize];
            for (slot, o) in occurrences.iter().enumerate() {
                let id = o.id as usize;
                if grown[id] {
                    let e = &mut self.entities[id];
                    e.mentions += o.end - o.start;
                    e.articles.push(a as u32);
                    self.slots[id].push(slot as u32);
                } else if kept.is_some()
                    && let Ok(pos) = self.entities[id].articles.binary_search(&(a as u32))
                {
                    self.slots[id][pos] = slot as u32;
                }
            }
        }

        // Each name keeps the entities that survive, renumbered.
        self.by_name.retain(|_, ids| {
            for id in ids.iter_mut().filter(|id| **id != NO_ENTITY) {
                *id = match root[*id as usize] == *id {
                    true => new_id[*id as usize],
                    false => NO_ENTITY,
                };
            }
            ids.iter().any(|&id| id != NO_ENTITY)
        });
        let mut remapped = vec![Vec::new(); self.entities.len()];
        for (old, cands) in candidates.into_iter().enumerate() {
            if !cands.is_empty() {
                let mut c: Vec<EntityId> = cands.into_iter().map(map).collect();
                c.sort_unstable();
                c.dedup();
                remapped[map(old as EntityId) as usize] = c;
            }
        }
        self.candidates = remapped;
        Spent {
            _articles: spent,
            _slots: old_slots,
        }
    }

    /// Finds an entity by name or alias, case-insensitively; among several,
    /// the one mentioned in most articles.
    pub fn find(&self, name: &str) -> Option<EntityId> {
        self.named(name).first().copied()
    }

    /// Every entity named `name` (any case), of any kind; when none is, those
    /// it is an alias of. Mentioned in most articles first.
    pub fn named(&self, name: &str) -> Vec<EntityId> {
        let mut wanted = String::new();
        fold_into(&mut wanted, name.trim());
        let exact = self.by_name.get(wanted.as_str()).into_iter().flatten();
        let mut ids: Vec<EntityId> = exact.copied().filter(|&id| id != NO_ENTITY).collect();
        if ids.is_empty() {
            let alias = |id: &EntityId| {
                let aliases = &self.entities[*id as usize].aliases;
                aliases.iter().any(|a| a.to_lowercase() == wanted)
            };
            ids = (0..self.entities.len() as EntityId).filter(alias).collect();
        }
        // Stable: among as many articles, the first made.
        ids.sort_by_key(|&id| std::cmp::Reverse(self.entities[id as usize].articles.len()));
        ids
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
    fn room_expected_is_at_the_rate_so_far_and_never_aborts() {
        let mut index = EntityIndex::new();
        let people: Vec<ArticleEntity> = (0..50u32)
            .map(|i| person(&format!("Person {i}"), &[], &[i * 10, i * 10 + 5]))
            .collect();
        index.add(0, None, people);
        index.add(1, None, vec![person("Wang Huning", &[], &[0])]);
        let (occurrences, mentions) = (index.occurrences.len(), index.mentions.len());
        index.expect_articles(3);
        // One article more at the rate of the two: half as much again.
        assert!(index.occurrences.capacity() >= occurrences * 3 / 2);
        assert!(index.mentions.capacity() >= mentions * 3 / 2);
        // A rate from a skewed start asks for more than can be had: the
        // stores are left as they are, and keep working.
        let room = index.mentions.capacity();
        index.expect_articles(usize::MAX / 4);
        assert_eq!(index.mentions.capacity(), room);
        index.add(2, None, vec![person("Wang Huning", &[], &[0])]);
        assert_eq!(index.mentions.len(), mentions + 1);
    }

    #[test]
    fn named_gives_every_kind_of_a_name_most_articles_first() {
        let mut index = EntityIndex::new();
        let mut place = person("Clinton", &[], &[0]);
        place.kind = EntityKind::Place;
        index.add(0, None, vec![person("Clinton", &[], &[3])]);
        index.add(1, None, vec![place.clone()]);
        index.add(2, None, vec![place]);
        let kinds: Vec<EntityKind> = (index.named("CLINTON").iter())
            .map(|&id| index.entity(id).kind)
            .collect();
        assert_eq!(kinds, [EntityKind::Place, EntityKind::Person]);
        assert_eq!(index.find("clinton"), Some(index.named("clinton")[0]));
        assert!(index.named("Hillary").is_empty());
    }

    #[test]
    fn one_entity_under_two_spellings_in_an_article_is_one_occurrence() {
        let mut index = EntityIndex::new();
        // `DAR ES SALAAM` in the dateline, `Dar es Salaam` later on.
        let upper = person("DAR ES SALAAM", &[], &[0]);
        let lower = person("Dar es Salaam", &[], &[40]);
        let other = person("Ada Lindqvist", &[], &[20]);
        index.add(0, None, vec![upper, other, lower]);
        index.add(1, None, vec![person("Dar es Salaam", &[], &[5])]);
        let id = index.find("dar es salaam").unwrap();
        let e = index.entity(id);
        assert_eq!((e.articles.clone(), e.mentions), (vec![0, 1], 3));
        let starts: Vec<u32> = index.mentions(0, id).iter().map(|m| m.start).collect();
        assert_eq!(starts, [0, 40]);
        assert_eq!(index.of_article(0).len(), 2);
        // Following the entity from its article list lands on its occurrence.
        let ada = index.find("Ada Lindqvist").unwrap();
        assert_eq!(index.mentions(0, ada)[0].start, 20);
        index.merge_aliases();
        let id = index.find("dar es salaam").unwrap();
        assert_eq!(index.entity(id).articles, [0, 1]);
    }

    #[test]
    fn merging_counts_a_mention_found_under_two_spellings_once() {
        let mut index = EntityIndex::new();
        let upper = person("DAR ES SALAAM", &[], &[0, 9]);
        let lower = person("Dar es Salaam", &[], &[0]);
        index.add(0, None, vec![upper, lower]);
        index.add(1, None, vec![person("Ada Lindqvist", &[], &[3])]);
        index.merge_aliases();
        let id = index.find("dar es salaam").unwrap();
        assert_eq!(index.mentions(0, id).len(), 2);
        assert_eq!(index.entity(id).mentions, 2);
    }

    proptest::proptest! {
        /// Packed dates order as dates order themselves, and unpack again.
        #[test]
        fn packed_dates_order_as_dates(
            a in (proptest::num::u16::ANY, 1u8..=12, 1u8..=28),
            b in (proptest::num::u16::ANY, 1u8..=12, 1u8..=28),
        ) {
            let (a, b) = (Date::new(a.0, a.1, a.2).unwrap(), Date::new(b.0, b.1, b.2).unwrap());
            proptest::prop_assert_eq!(Date::packed(a).cmp(&Date::packed(b)), a.cmp(&b));
            proptest::prop_assert_eq!(Date::from_packed(a.packed()), Some(a));
        }
    }

    #[test]
    fn names_fold_as_str_to_lowercase_folds_them() {
        let mut folded = String::new();
        for name in ["Wang Huning", "ΟΔΥΣΣΕΑΣ", "Zoë Ünal", "İstanbul"] {
            fold_into(&mut folded, name);
            assert_eq!(folded, name.to_lowercase(), "{name}");
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
        assert_eq!(ix.positions_of(0).collect::<Vec<_>>(), vec![(0, 0), (1, 0)]);
        assert_eq!((ix.date(0), ix.date(1), ix.date(2)), (d0, d1, None));
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

    fn entity(name: &str, kind: EntityKind, aliases: &[&str], starts: &[u32]) -> ArticleEntity {
        ArticleEntity {
            kind,
            ..person(name, aliases, starts)
        }
    }

    fn id_of(ix: &EntityIndex, name: &str) -> EntityId {
        ix.find(name).expect(name)
    }

    #[test]
    fn unambiguous_short_name_merges_into_the_full_name() {
        let mut ix = EntityIndex::new();
        // The short form is seen first, so it had the lower id before merging.
        ix.add(
            0,
            Date::new(2025, 1, 5),
            vec![person("Obama", &[], &[0, 20])],
        );
        ix.add(
            1,
            Date::new(2025, 1, 2),
            vec![person("Barack Obama", &[], &[3])],
        );
        ix.add(
            2,
            None,
            vec![person("Xi", &[], &[7]), person("Xi Jinping", &[], &[0])],
        );
        ix.merge_aliases();

        assert_eq!(ix.len(), 2);
        let obama = id_of(&ix, "obama");
        assert_eq!(obama, id_of(&ix, "Barack Obama"));
        let e = ix.entity(obama);
        assert_eq!(e.name, "Barack Obama");
        assert_eq!(e.aliases, vec!["Obama".to_string()]);
        assert_eq!(e.articles, vec![0, 1]);
        assert_eq!(e.mentions, 3);
        assert_eq!(
            (e.first_date, e.last_date),
            (Date::new(2025, 1, 2), Date::new(2025, 1, 5))
        );
        assert_eq!(ix.of_article(0)[0].id, obama);
        assert_eq!(ix.articles_of(obama), &[0, 1]);
        assert_eq!(
            ix.next_mention(0, obama, Some((1, 0))).map(|m| m.start),
            Some(20)
        );

        // Both forms in one article, unlinked there: one occurrence, reading order.
        let xi = id_of(&ix, "Xi");
        assert_eq!(ix.entity(xi).name, "Xi Jinping");
        assert_eq!(ix.of_article(2).len(), 1);
        let starts: Vec<u32> = ix.mentions(2, xi).iter().map(|m| m.start).collect();
        assert_eq!(starts, vec![0, 7]);
        assert_eq!(ix.entity(xi).mentions, 2);
        assert!(ix.candidates(xi).is_empty());
    }

    #[test]
    fn ambiguous_short_name_stays_apart_with_its_candidates() {
        let mut ix = EntityIndex::new();
        ix.add(0, None, vec![person("Wang", &[], &[0])]);
        ix.add(1, None, vec![person("Wang Huning", &["Wang"], &[0, 30])]);
        ix.add(2, None, vec![person("Wang Yi", &[], &[0])]);
        ix.merge_aliases();

        assert_eq!(ix.len(), 3);
        let wang = ix.find("Wang").unwrap();
        assert_eq!(ix.entity(wang).name, "Wang");
        assert_eq!(ix.entity(wang).articles, vec![0]);
        let mut names: Vec<&str> = ix
            .candidates(wang)
            .iter()
            .map(|&c| ix.entity(c).name.as_str())
            .collect();
        names.sort();
        assert_eq!(names, vec!["Wang Huning", "Wang Yi"]);
        assert!(ix.candidates(id_of(&ix, "Wang Yi")).is_empty());
    }

    #[test]
    fn aliases_merge_any_kind_but_never_across_kinds() {
        let mut ix = EntityIndex::new();
        let org = EntityKind::Organization;
        let place = EntityKind::Place;
        ix.add(
            0,
            None,
            vec![entity("Communist Party of China", org, &["CPC"], &[0, 40])],
        );
        ix.add(1, None, vec![entity("CPC", org, &[], &[5])]);
        ix.add(2, None, vec![person("George Washington", &[], &[0])]);
        ix.add(3, None, vec![entity("Washington", place, &[], &[0])]);
        ix.merge_aliases();

        let cpc = id_of(&ix, "cpc");
        assert_eq!(ix.entity(cpc).name, "Communist Party of China");
        assert_eq!(ix.entity(cpc).articles, vec![0, 1]);
        assert_eq!(ix.entity(cpc).mentions, 3);
        let washington = id_of(&ix, "Washington");
        assert_eq!(ix.entity(washington).kind, EntityKind::Place);
        assert_eq!(ix.entity(washington).articles, vec![3]);
        assert_eq!(ix.len(), 3);
    }

    #[test]
    fn merging_twice_changes_nothing() {
        let mut ix = EntityIndex::new();
        ix.add(
            0,
            None,
            vec![person("Li", &[], &[0]), person("Li Ganjie", &[], &[9])],
        );
        ix.add(1, None, vec![person("Ganjie", &[], &[0])]);
        ix.merge_aliases();
        let once: Vec<Entity> = ix.entities().to_vec();
        let mentions = |ix: &EntityIndex| -> Vec<(EntityId, Vec<Mention>)> {
            let occurrences = ix.of_article(0).iter();
            occurrences
                .map(|o| (o.id, ix.mentions_of(o).to_vec()))
                .collect()
        };
        let before = mentions(&ix);
        ix.merge_aliases();
        assert_eq!(ix.entities(), once.as_slice());
        assert_eq!(mentions(&ix), before);
        assert_eq!(ix.len(), 1);
    }

    proptest::proptest! {
        /// The merge renames the articles in as many runs as there are
        /// threads, each over its own part of the stores: one thread or three
        /// give the same index, whatever order the articles were added in and
        /// with entities named without a mention.
        #[test]
        fn merging_on_three_threads_gives_what_one_gives(
            articles in proptest::collection::vec(
                proptest::collection::vec((0usize..8, 0usize..4), 0..5), 1..16),
            order in proptest::collection::vec(proptest::prelude::any::<u32>(), 16),
        ) {
            const NAMES: [&str; 8] =
                ["Wang", "Wang Huning", "Wang Yi", "Obama", "Barack Obama", "Xi", "Xi Jinping", "Li"];
            // Articles numbered 0.. but added in the order of `order`'s values.
            let mut numbers: Vec<usize> = (0..articles.len()).collect();
            numbers.sort_by_key(|&a| order[a]);
            let merged_on = |threads: usize| {
                let mut ix = EntityIndex::new();
                for &a in &numbers {
                    let mut next = 0;
                    let mut seen = std::collections::HashSet::new();
                    let ents = (articles[a].iter().filter(|(n, _)| seen.insert(*n)))
                        .map(|&(n, count)| {
                            let starts: Vec<u32> = (0..count as u32).map(|i| next + 10 * i).collect();
                            next += 10 * count as u32;
                            person(NAMES[n], &[], &starts)
                        })
                        .collect();
                    ix.add(a as u32, None, ents);
                }
                let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
                pool.install(|| ix.merge_aliases());
                let each: Vec<Vec<(EntityId, Vec<Mention>)>> = (0..articles.len())
                    .map(|a| ix.of_article(a).iter().map(|o| (o.id, ix.mentions_of(o).to_vec())).collect())
                    .collect();
                (ix.entities().to_vec(), each)
            };
            proptest::prop_assert_eq!(merged_on(3), merged_on(1));
        }

        /// Whatever gets merged, no mention is lost or duplicated and the
        /// per-article and per-entity views agree.
        #[test]
        fn merging_keeps_every_mention(
            articles in proptest::collection::vec(
                proptest::collection::vec((0usize..8, 1usize..4), 0..5), 1..12)
        ) {
            const NAMES: [&str; 8] =
                ["Wang", "Wang Huning", "Wang Yi", "Obama", "Barack Obama", "Xi", "Xi Jinping", "Li"];
            let mut ix = EntityIndex::new();
            let mut total = 0;
            for (a, found) in articles.iter().enumerate() {
                let mut seen = std::collections::HashSet::new();
                let mut next = 0;
                let mut ents = Vec::new();
                for &(n, count) in found {
                    if !seen.insert(n) { continue; }
                    let starts: Vec<u32> = (0..count as u32).map(|i| next + 10 * i).collect();
                    next += 10 * count as u32;
                    total += count as u32;
                    let mut e = person(NAMES[n], &[], &starts);
                    // Spread over title and blocks, in reading order.
                    for (k, m) in e.mentions.iter_mut().enumerate() {
                        m.block = (n + k).checked_sub(1).map(|b| b as u32);
                    }
                    e.mentions.sort_by_key(|m| m.order_key());
                    ents.push(e);
                }
                ix.add(a as u32, None, ents);
            }
            ix.merge_aliases();
            let sum: u32 = ix.entities().iter().map(|e| e.mentions).sum();
            proptest::prop_assert_eq!(sum, total);
            for a in 0..articles.len() {
                let occ = ix.of_article(a);
                let mut ids: Vec<EntityId> = occ.iter().map(|o| o.id).collect();
                ids.sort_unstable();
                ids.dedup();
                proptest::prop_assert_eq!(ids.len(), occ.len());
                for o in occ {
                    proptest::prop_assert!(ix.articles_of(o.id).contains(&(a as u32)));
                    proptest::prop_assert!(ix.mentions_of(o).windows(2).all(|w| w[0].order_key() < w[1].order_key()));
                }
            }
            for (id, e) in ix.entities().iter().enumerate() {
                for &a in &e.articles {
                    proptest::prop_assert!(!ix.mentions(a as usize, id as EntityId).is_empty());
                }
                let kept: usize = (e.articles.iter())
                    .map(|&a| ix.mentions(a as usize, id as EntityId).len())
                    .sum();
                proptest::prop_assert_eq!(e.mentions as usize, kept);
                let positions: Vec<(u32, usize)> = ix.positions_of(id as EntityId).collect();
                proptest::prop_assert_eq!(positions.len(), e.articles.len());
                for (a, slot) in positions {
                    proptest::prop_assert_eq!(ix.of_article(a as usize)[slot].id, id as EntityId);
                }
            }
        }
    }
}
