//! Merging short forms of names across a collection (`Obama` → `Barack Obama`).

use super::{Entity, EntityId, Occurrence};
use crate::entity::EntityKind;
use crate::entity::Mention;
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use smallvec::SmallVec;
use std::ops::Range;

/// Appends `name` to `out` lowercased, with its words separated by single
/// spaces; its range in `out`.
fn normalize_into(out: &mut String, name: &str) -> Range<usize> {
    let start = out.len();
    // Most names are ASCII, their words one space apart: copied and
    // lowercased at once, rather than split into words and lowercased char
    // by char (most of the merge's time). A name with any other control
    // byte, which may be white space, is split.
    let mut before = b' ';
    let spaced = name.bytes().all(|b| {
        let fits = b > b' ' || (b == b' ' && before != b' ');
        before = b;
        fits
    });
    if spaced && before != b' ' && name.is_ascii() {
        out.push_str(name);
        out[start..].make_ascii_lowercase();
        return start..out.len();
    }
    for word in name.split_whitespace() {
        if out.len() > start {
            out.push(' ');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    start..out.len()
}

/// How long a name is: words, then bytes. A short form ranks strictly lower
/// than what it stands for, so merges never go round in circles.
fn rank(e: &Entity) -> (usize, usize) {
    (e.name.split_whitespace().count(), e.name.len())
}

/// Words that designate what kind of place or organization a name is, without
/// making it a different one: `Hotan City` is Hotan, `Xinhua News Agency` is Xinhua.
const DESIGNATIONS: &[&str] = &[
    "agency",
    "city",
    "co.",
    "company",
    "corp",
    "corp.",
    "corporation",
    "county",
    "district",
    "group",
    "inc",
    "inc.",
    "limited",
    "ltd",
    "ltd.",
    "municipality",
    "prefecture",
    "province",
    "region",
    "state",
];

/// Whether `alias` names the same place or organization as `name` everywhere,
/// not just in the article that linked them: an acronym (`CPC`, `U.N.`), or
/// the name's opening words when the rest ends in a designation (`Hotan` for
/// `Hotan City`, `Xinjiang` for `Xinjiang Uygur Autonomous Region`). A name
/// that merely contains it (`Northern Iran`, `World Trade Organization
/// Ministerial Conference`) is a different entity. `alias` is given as
/// written and normalized (`short`), `name` normalized.
fn stands_for(alias: &str, short: &str, name: &str) -> bool {
    if !alias.chars().any(char::is_lowercase) && alias.chars().any(char::is_alphabetic) {
        return true;
    }
    name.strip_prefix(short)
        .and_then(|rest| rest.strip_prefix(' '))
        .and_then(|rest| rest.rsplit(' ').next())
        .is_some_and(|last| DESIGNATIONS.contains(&last))
}

/// The normalized short forms by which `e` (normalized: `own`) may be
/// called elsewhere, put into `forms` sorted and each once: its aliases
/// (normalized in `aliases`; for places and organizations only those that
/// stand for it everywhere) and, for a person, the leading and trailing
/// runs of its name's words.
fn short_forms<'a>(
    e: &Entity,
    own: &'a str,
    aliases: impl Iterator<Item = &'a str>,
    forms: &mut Vec<&'a str>,
) {
    forms.clear();
    forms.extend(
        (e.aliases.iter().zip(aliases))
            .filter(|(a, n)| e.kind == EntityKind::Person || stands_for(a, n, own))
            .map(|(_, n)| n)
            .filter(|n| !n.is_empty() && *n != own),
    );
    if e.kind == EntityKind::Person {
        // Words are one space apart in a normalized name.
        for (space, _) in own.match_indices(' ') {
            forms.push(&own[..space]);
            forms.push(&own[space + 1..]);
        }
    }
    forms.sort_unstable();
    forms.dedup();
}

/// Decides the merges: for each entity, the one entity it is a short form of
/// (if exactly one), and the candidates when it could be short for several.
///
/// Every name and alias is normalized into one string, and the entities of
/// each short form are chained through one list: a few allocations in all
/// rather than several per entity.
pub(super) fn plan(entities: &[Entity]) -> (Vec<Option<EntityId>>, Vec<Vec<EntityId>>) {
    let mut text = String::new();
    let mut names = Vec::with_capacity(entities.len());
    // The entities' aliases, normalized, one entity's after another's.
    let mut aliases = Vec::new();
    for e in entities {
        names.push(normalize_into(&mut text, &e.name));
        aliases.extend(e.aliases.iter().map(|a| normalize_into(&mut text, a)));
    }
    let text = text.as_str();
    let name = |id: usize| &text[names[id].clone()];
    // The entities of each short form: the last one's place in `chain`,
    // where each links to the one before it.
    let mut longer: FxHashMap<(EntityKind, &str), u32> = FxHashMap::default();
    let mut chain: Vec<(EntityId, u32)> = Vec::new();
    let mut forms = Vec::new();
    let mut alias_at = 0;
    for (id, e) in entities.iter().enumerate() {
        let own_aliases = aliases[alias_at..alias_at + e.aliases.len()].iter();
        alias_at += e.aliases.len();
        short_forms(
            e,
            name(id),
            own_aliases.map(|r| &text[r.clone()]),
            &mut forms,
        );
        for &form in &forms {
            let last = longer.entry((e.kind, form)).or_insert(NO_LINK);
            chain.push((id as EntityId, *last));
            *last = chain.len() as u32 - 1;
        }
    }
    let mut target = vec![None; entities.len()];
    let mut candidates = vec![Vec::new(); entities.len()];
    let mut fits = Vec::new();
    for (id, e) in entities.iter().enumerate() {
        let Some(&last) = longer.get(&(e.kind, name(id))) else {
            continue;
        };
        fits.clear();
        let own_rank = rank(e);
        let mut at = last;
        while let Some(&(c, before)) = chain.get(at as usize) {
            if c as usize != id && rank(&entities[c as usize]) > own_rank {
                fits.push(c);
            }
            at = before;
        }
        match fits.as_slice() {
            [] => {}
            [one] => target[id] = Some(*one),
            // Sorted by the caller, once numbered anew.
            _ => candidates[id] = fits.clone(),
        }
    }
    (target, candidates)
}

/// The end of a chain of [`plan`]'s entities.
const NO_LINK: u32 = u32::MAX;

/// The entity each one ends up in, following chains of merges.
pub(super) fn roots(target: &[Option<EntityId>]) -> Vec<EntityId> {
    (0..target.len())
        .map(|id| {
            let mut r = id as EntityId;
            while let Some(t) = target[r as usize] {
                r = t;
            }
            r
        })
        .collect()
}

/// Folds entity `e` into `into`: its names become aliases, its dates join.
/// (Articles and counts are recomputed from the joined occurrences.)
pub(super) fn absorb(into: &mut Entity, e: Entity) {
    for name in std::iter::once(e.name).chain(e.aliases) {
        if !name.eq_ignore_ascii_case(&into.name) && !into.aliases.contains(&name) {
            into.aliases.push(name);
        }
    }
    into.first_date = match (into.first_date, e.first_date) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    };
    into.last_date = into.last_date.max(e.last_date);
}

/// Buffers [`remap_article`] and [`join`] reuse from one article to the next.
#[derive(Debug, Clone, Default)]
pub(super) struct Joining {
    /// Each entity of the article after renaming, in order of first
    /// occurrence, with the range of its joined mentions in `flat`.
    joined: Vec<(EntityId, (u32, u32))>,
    /// The joined mentions, entity after entity.
    flat: Vec<Mention>,
    /// The mentions of the entity being joined.
    group: Vec<Mention>,
    /// For each entity id, the last call that saw it (`calls` then).
    seen: Vec<u32>,
    /// Calls that looked for an entity named twice, counted from 1.
    calls: u32,
}

impl Joining {
    /// Begins looking for an entity named twice ([`Joining::again`]).
    fn look(&mut self) {
        self.calls = self.calls.wrapping_add(1);
        if self.calls == 0 {
            self.seen.fill(0);
            self.calls = 1;
        }
    }

    /// Whether entity `id` was named before since [`Joining::look`].
    fn again(&mut self, id: EntityId) -> bool {
        let id = id as usize;
        if self.seen.len() <= id {
            self.seen.resize(id + 1, 0);
        }
        std::mem::replace(&mut self.seen[id], self.calls) == self.calls
    }
}

/// Renames the entities of one article through `map` (old id → new id and
/// whether it was merged into another) and joins occurrences that now name the
/// same entity, keeping them in order of first mention. The article's
/// mentions are rewritten in place in `mentions`, the store from position
/// `base` on (joined they take no more room). When any was joined or moved,
/// the number of occurrences left at the front of `occurrences`.
#[must_use]
fn remap_article(
    occurrences: &mut [Occurrence],
    (mentions, base): (&mut [Mention], u32),
    map: impl Fn(EntityId) -> (EntityId, bool),
    buffers: &mut Joining,
) -> Option<usize> {
    let mut any_merged = false;
    for o in occurrences.iter_mut() {
        let (id, merged) = map(o.id);
        o.id = id;
        any_merged |= merged;
    }
    if !any_merged {
        return None;
    }
    // Renamed apart, in order of first mention, their mentions one after
    // another: joining would move nothing. (One pass, each first mention
    // read once.)
    buffers.look();
    let (mut next, mut before) = (occurrences.first().map_or(0, |o| o.start), None);
    let laid_out = occurrences.iter().all(|o| {
        let first = (o.start < o.end).then(|| mentions[(o.start - base) as usize].order_key());
        let in_place = o.start == next && before <= first && !buffers.again(o.id);
        (next, before) = (o.end, first);
        in_place
    });
    if laid_out {
        return None;
    }
    join(occurrences, (mentions, base), buffers)
}

/// [`remap_article`] for every article (each one's range of `occurrences`
/// in `per_article`), the articles shared out among the threads: each
/// article's number of occurrences left when any was joined or moved.
pub(super) fn remap_articles(
    per_article: &[(u32, u32)],
    occurrences: &mut [Occurrence],
    mentions: &mut [Mention],
    map: impl Fn(EntityId) -> (EntityId, bool) + Sync,
) -> Vec<Option<u32>> {
    // The articles in the order they are stored, in as many runs as there
    // are threads. Occurrences and their mentions are appended together
    // (and joined in place), so each article's mentions come after those of
    // the articles stored before it: a run takes the stores from its first
    // article's first occurrence and first mention on.
    let mut order: Vec<u32> = (0..per_article.len() as u32)
        .filter(|&a| per_article[a as usize].0 < per_article[a as usize].1)
        .collect();
    order.sort_unstable_by_key(|&a| per_article[a as usize].0);
    let runs = rayon::current_num_threads().clamp(1, order.len().max(1));
    // Each run's articles with its parts of the stores (from the back, so
    // that what is left is the stores' front).
    let (mut occurrences, mut mentions) = (occurrences, mentions);
    let mut parts = Vec::with_capacity(runs);
    for articles in order.chunks(order.len().div_ceil(runs).max(1)).rev() {
        let first = per_article[articles[0] as usize];
        let own = &occurrences[first.0 as usize..first.1 as usize];
        // Articles with no occurrence are left out of `order`.
        let from = own.iter().map(|o| o.start).min().expect("an occurrence");
        let (front, these) = occurrences.split_at_mut(first.0 as usize);
        let (front_mentions, their_mentions) = mentions.split_at_mut(from as usize);
        parts.push((articles, (these, first.0), (their_mentions, from)));
        (occurrences, mentions) = (front, front_mentions);
    }
    let remapped: Vec<Vec<(u32, Option<u32>)>> = parts
        .into_par_iter()
        .map(|(articles, (occurrences, at), (mentions, base))| {
            let mut buffers = Joining::default();
            let remap = |&a: &u32| {
                let (start, end) = per_article[a as usize];
                let own = &mut occurrences[(start - at) as usize..(end - at) as usize];
                debug_assert!(own.iter().all(|o| o.start >= base), "stored in order");
                let kept = remap_article(own, (&mut *mentions, base), &map, &mut buffers);
                (a, kept.map(|k| k as u32))
            };
            articles.iter().map(remap).collect()
        })
        .collect();
    let mut kept = vec![None; per_article.len()];
    for (a, k) in remapped.into_iter().flatten() {
        kept[a as usize] = k;
    }
    kept
}

/// Joins the occurrences of one article (`occurrences`, their mentions in
/// `mentions`, the store from position `base` on) that name the same entity,
/// in order of first mention, their mentions rewritten in place; the number
/// of occurrences left at the front.
pub(super) fn join(
    occurrences: &mut [Occurrence],
    (mentions, base): (&mut [Mention], u32),
    buffers: &mut Joining,
) -> Option<usize> {
    // Where a position of the store is in `mentions`.
    let local = |at: u32| (at - base) as usize;
    // An article's mentions are contiguous in the store.
    let mut at = occurrences.iter().map(|o| o.start).min()?;
    // The entities named more than once (few): each other one's mentions
    // are copied as they are.
    buffers.look();
    let mut repeated: SmallVec<[EntityId; 4]> = SmallVec::new();
    for o in occurrences.iter() {
        if buffers.again(o.id) && !repeated.contains(&o.id) {
            repeated.push(o.id);
        }
    }
    buffers.look();
    buffers.joined.clear();
    buffers.flat.clear();
    for (i, o) in occurrences.iter().enumerate() {
        if buffers.again(o.id) {
            continue;
        }
        let Joining { flat, group, .. } = buffers;
        let start = flat.len() as u32;
        if repeated.contains(&o.id) {
            group.clear();
            let named = occurrences[i..].iter().filter(|later| later.id == o.id);
            for (k, later) in named.enumerate() {
                group.extend_from_slice(&mentions[local(later.start)..local(later.end)]);
                if k > 0 {
                    group.sort_by_key(Mention::order_key);
                    group.dedup();
                }
            }
            flat.extend_from_slice(group);
        } else {
            flat.extend_from_slice(&mentions[local(o.start)..local(o.end)]);
        }
        let end = flat.len() as u32;
        buffers.joined.push((o.id, (start, end)));
    }
    let Joining { joined, flat, .. } = buffers;
    joined.sort_by_key(|(_, (a, b))| (a < b).then(|| flat[*a as usize].order_key()));
    for (slot, &(id, (a, b))) in joined.iter().enumerate() {
        let end = at + (b - a);
        mentions[local(at)..local(end)].copy_from_slice(&flat[a as usize..b as usize]);
        occurrences[slot] = Occurrence { id, start: at, end };
        at = end;
    }
    Some(joined.len())
}

#[cfg(test)]
mod tests {
    /// `name` normalized.
    fn normalized(name: &str) -> String {
        let mut out = "kept ".to_string();
        let range = super::normalize_into(&mut out, name);
        assert_eq!(&out[..range.start], "kept ");
        out[range].to_string()
    }

    fn stands_for(alias: &str, name: &str) -> bool {
        super::stands_for(alias, &normalized(alias), &normalized(name))
    }

    #[test]
    fn names_normalize_char_by_char_lowercased_one_space_apart() {
        let names = [
            "  Xi   JINPING ",
            "ΟΔΥΣΣΕΑΣ Zoë\tÜNAL",
            "İstanbul Q@Z[`{",
            "\x0bUN\x0cHQ\r\n\tNEW  York\x0b",
            "Xi Jinping ",
            "",
            "Xi JINPING",
            "Q@Z[`{ \x7fA",
            "a\x01B",
            "\x1fX Y",
        ];
        for name in names {
            let words: Vec<String> = (name.split_whitespace())
                .map(|w| w.chars().flat_map(char::to_lowercase).collect())
                .collect();
            assert_eq!(normalized(name), words.join(" "), "{name}");
        }
        assert_eq!(normalized("  Xi   JINPING "), "xi jinping");
    }

    #[test]
    fn only_acronyms_and_designated_names_stand_for_a_place_or_organization() {
        assert!(stands_for("CPC", "Communist Party of China"));
        assert!(stands_for("U.N.", "United Nations"));
        assert!(stands_for("Hotan", "Hotan City"));
        assert!(stands_for("Xinjiang", "Xinjiang Uygur Autonomous Region"));
        assert!(stands_for("Xinhua", "Xinhua News Agency"));
        assert!(!stands_for("Iran", "Northern Iran"));
        assert!(!stands_for("Seoul", "Seoul Detention Center"));
        assert!(!stands_for(
            "World Trade Organization",
            "World Trade Organization Ministerial Conference"
        ));
    }
}
