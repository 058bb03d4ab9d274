//! Merging short forms of names across a collection (`Obama` → `Barack Obama`).

use super::{Entity, EntityId, Occurrence};
use crate::entity::EntityKind;
use std::collections::HashMap;

/// A name lowercased, with its words separated by single spaces.
fn normalized(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for word in name.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    out
}

/// How long a name is: words, then bytes. A short form ranks strictly lower
/// than what it stands for, so merges never go round in circles.
fn rank(e: &Entity) -> (usize, usize) {
    (e.name.split_whitespace().count(), e.name.len())
}

/// The normalized short forms by which `e` may be called elsewhere: its
/// aliases and, for a person, the leading and trailing runs of its name's words.
fn short_forms(e: &Entity) -> Vec<String> {
    let own = normalized(&e.name);
    let mut forms: Vec<String> = e
        .aliases
        .iter()
        .map(|a| normalized(a))
        .filter(|a| !a.is_empty() && *a != own)
        .collect();
    if e.kind == EntityKind::Person {
        let words: Vec<&str> = own.split(' ').collect();
        for cut in 1..words.len() {
            forms.push(words[..cut].join(" "));
            forms.push(words[cut..].join(" "));
        }
    }
    forms.sort_unstable();
    forms.dedup();
    forms
}

/// Decides the merges: for each entity, the one entity it is a short form of
/// (if exactly one), and the candidates when it could be short for several.
pub(super) fn plan(entities: &[Entity]) -> (Vec<Option<EntityId>>, Vec<Vec<EntityId>>) {
    let mut longer: HashMap<(EntityKind, String), Vec<EntityId>> = HashMap::new();
    for (id, e) in entities.iter().enumerate() {
        for form in short_forms(e) {
            longer
                .entry((e.kind, form))
                .or_default()
                .push(id as EntityId);
        }
    }
    let mut target = vec![None; entities.len()];
    let mut candidates = vec![Vec::new(); entities.len()];
    for (id, e) in entities.iter().enumerate() {
        let Some(ids) = longer.get(&(e.kind, normalized(&e.name))) else {
            continue;
        };
        let fits: Vec<EntityId> = ids
            .iter()
            .copied()
            .filter(|&c| c as usize != id && rank(&entities[c as usize]) > rank(e))
            .collect();
        match fits.as_slice() {
            [] => {}
            [one] => target[id] = Some(*one),
            _ => candidates[id] = fits,
        }
    }
    (target, candidates)
}

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

/// Renames the entities of one article through `map` (old id → new id and
/// whether it was merged into another) and joins occurrences that now name the
/// same entity, keeping them in order of first mention. Whether any was joined.
#[must_use]
pub(super) fn remap_article(
    occurrences: &mut Vec<Occurrence>,
    map: impl Fn(EntityId) -> (EntityId, bool),
) -> bool {
    let mut any_merged = false;
    for o in occurrences.iter_mut() {
        let (id, merged) = map(o.id);
        o.id = id;
        any_merged |= merged;
    }
    if !any_merged {
        return false;
    }
    let mut joined: Vec<Occurrence> = Vec::with_capacity(occurrences.len());
    for o in occurrences.drain(..) {
        match joined.iter_mut().find(|j| j.id == o.id) {
            Some(j) => {
                j.mentions.extend(o.mentions);
                j.mentions.sort_by_key(|m| m.order_key());
                j.mentions.dedup();
            }
            None => joined.push(o),
        }
    }
    joined.sort_by_key(|o| o.mentions.first().map(|m| m.order_key()));
    *occurrences = joined;
    true
}
