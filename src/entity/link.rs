//! Linking the candidates of one article: `Wang` to `Wang Huning`, `CPC` to
//! `Communist Party of China`, `Xinhua` to `Xinhua News Agency`; deciding the kind of
//! names the sentence alone left open; grouping mentions into entities.

use super::recycle::recycle;
use super::spans::{CTX_APPOS, CTX_PREP, CTX_SPEECH, CTX_THE, Cand, Guess};
use super::{Entities, EntityKind, Mention, first_word};
use rustc_hash::FxHasher;
use std::hash::Hasher;

/// A candidate with where it is and its text.
pub struct Item<'a> {
    /// `None` for the title, else the block index.
    pub block: Option<u32>,
    /// The candidate.
    pub cand: Cand,
    /// Its text as written.
    pub text: &'a str,
}

/// Each item's words with single spaces into `names`: the text itself when it has them
/// already, else its words joined in `spaced` (emptied first when any name needs
/// respacing; one name a line).
#[inline(never)]
fn normalize<'a>(items: &[Item<'a>], spaced: &'a mut String, names: &mut Vec<&'a str>) {
    let from = names.len();
    let mut clean = true;
    names.extend(items.iter().map(|it| {
        clean &= it.cand.clean;
        it.text
    }));
    if clean {
        return;
    }
    spaced.clear();
    for it in items.iter().filter(|it| !it.cand.clean) {
        for (k, word) in it.text.split_whitespace().enumerate() {
            if k > 0 {
                spaced.push(' ');
            }
            spaced.push_str(word);
        }
        spaced.push('\n');
    }
    let spaced: &'a String = spaced;
    let mut respaced = spaced.split('\n');
    for (name, it) in names[from..].iter_mut().zip(items) {
        if !it.cand.clean {
            *name = respaced.next().unwrap_or_default();
        }
    }
}

/// The kind that a guess settles, if any.
const fn kind_of(g: Guess) -> Option<EntityKind> {
    match g {
        Guess::Person => Some(EntityKind::Person),
        Guess::Org => Some(EntityKind::Organization),
        Guess::Place => Some(EntityKind::Place),
        Guess::Unknown | Guess::Weak => None,
    }
}

/// Appends the canonical name as shown to `out`: a place written in capitals
/// (`NEW YORK` in a dateline) is shown capitalized (`New York`); acronyms stay.
/// False when it appended `name` as it is.
#[inline(always)]
fn push_display_name(out: &mut String, name: &str, kind: EntityKind) -> bool {
    let all_caps = || !name.chars().any(char::is_lowercase);
    let word_like = || {
        name.split(' ')
            .all(|w| w.chars().count() >= 4 && !w.contains('.'))
    };
    if kind == EntityKind::Place && all_caps() && word_like() {
        push_capitalized(out, name);
        true
    } else {
        out.push_str(name);
        false
    }
}

/// Appends `name` with each word capitalized: `New York` for `NEW YORK`.
#[inline(never)]
fn push_capitalized(out: &mut String, name: &str) {
    for (k, w) in name.split(' ').enumerate() {
        if k > 0 {
            out.push(' ');
        }
        let mut cs = w.chars();
        if let Some(c) = cs.next() {
            out.push(c);
            // Most names are in ASCII: lowered in place, byte by byte.
            let rest = cs.as_str();
            if rest.is_ascii() {
                let start = out.len();
                out.push_str(rest);
                out[start..].make_ascii_lowercase();
            } else {
                out.extend(rest.chars().flat_map(char::to_lowercase));
            }
        }
    }
}

/// How fit a name is to be the canonical one of its entity (the greatest is): not an
/// acronym, most words, longest, first; as one number, which compares quickly.
fn canonical_rank(c: &Cand, name: &str, i: u32) -> u128 {
    (u128::from(!c.upper) << 104)
        | (u128::from(c.words) << 96)
        | ((name.len() as u128) << 32)
        | u128::from(u32::MAX - i)
}

/// The kind of a name that nothing but its context tells: speakers and appositions are
/// people, acronyms organizations, names after `in`/`from` places, `the …` organizations,
/// lone words and long names organizations, other short names people.
fn context_kind(c: &Cand) -> EntityKind {
    if c.ctx & (CTX_SPEECH | CTX_APPOS) != 0 && !c.upper {
        EntityKind::Person
    } else if c.upper {
        EntityKind::Organization
    } else if c.ctx & CTX_PREP != 0 {
        EntityKind::Place
    } else if c.ctx & CTX_THE != 0 || c.words == 1 || c.words > 3 || c.has_upper {
        EntityKind::Organization
    } else {
        EntityKind::Person
    }
}

fn last_word(s: &str) -> &str {
    s.bytes()
        .rposition(|b| b == b' ')
        .map_or(s, |p| &s[p + 1..])
}

/// The word after a lower-case particle and a hyphen: `Maliki` for `al-Maliki`.
fn after_particle(word: &str) -> Option<&str> {
    // The first byte that is no lower-case letter ends the particle (most words: the
    // first): it must be the hyphen.
    let h = word.bytes().position(|b| !b.is_ascii_lowercase())?;
    (word.as_bytes()[h] == b'-').then(|| &word[h + 1..])
}

/// Letters of an acronym without dots: `U.S.` → `US`.
fn acronym_matches(acronym: &str, name: &str) -> bool {
    let mut letters = acronym.chars().filter(|c| c.is_alphanumeric());
    // Initials of a multi-word name, skipping lower-case connectors: `Communist Party of China` → `CPC`.
    let mut initials = name
        .split(' ')
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase());
    loop {
        match (letters.next(), initials.next()) {
            (None, None) => return true,
            (Some(a), Some(b)) if a == b => {}
            _ => return false,
        }
    }
}

/// The words of people's names in an article, kept from one article to the next.
#[derive(Default)]
struct PeopleWords {
    /// First and last words of people's names, each with whether it is the
    /// last word of its name; emptied between articles (see `recycle`).
    words: Vec<(&'static str, bool)>,
    /// People's names of several words, with the place of each mention
    /// among them; emptied between articles.
    full: Vec<(&'static str, u32)>,
}

/// The most entries a list of people's words or names is searched in order:
/// beyond, it is sorted and searched by halves, so that an article naming
/// thousands of people takes no time growing with their square.
const SEARCHED_IN_ORDER: usize = 64;

/// `Warhol Polaroids`: a name of unknown kind that opens with a person's name
/// found elsewhere in the article is that person's name.
#[inline(never)]
fn shrink_to_people(items: &mut [Item], spare: &mut PeopleWords) {
    let strong = |it: &&Item| it.cand.guess == Guess::Person && it.cand.strong;
    // Only names of several words whose kind is still open can shrink.
    let open = |c: &Cand| c.guess == Guess::Unknown || c.guess == Guess::Person && !c.strong;
    // Whether some person's name and some open name have several words: one pass.
    let (mut named, mut shrinkable) = (false, false);
    for it in items.iter().filter(|it| it.cand.words >= 2) {
        named |= strong(&it);
        shrinkable |= open(&it.cand);
        if named && shrinkable {
            break;
        }
    }
    if !(named && shrinkable) {
        return;
    }
    let mut words: Vec<(&str, bool)> = recycle(std::mem::take(&mut spare.words));
    let mut full: Vec<(&str, u32)> = recycle(std::mem::take(&mut spare.full));
    // The words are few and most words looked up are none of them: their shapes rule
    // those out before the list is searched.
    let mut shapes = Shapes::default();
    for it in items.iter().filter(strong) {
        for (w, last) in [(first_word(it.text), false), (last_word(it.text), true)] {
            shapes.add(w);
            words.push((w, last));
        }
        if it.cand.words >= 2 {
            full.push((it.text, full.len() as u32));
        }
    }
    // Long lists: sorted, each entry once (a word marked last if it ever is,
    // a name at its first mention).
    let sorted = (
        words.len() > SEARCHED_IN_ORDER,
        full.len() > SEARCHED_IN_ORDER,
    );
    if sorted.0 {
        words.sort_unstable();
        words.dedup_by(|later, kept| {
            let same = later.0 == kept.0;
            kept.1 |= same && later.1;
            same
        });
    }
    if sorted.1 {
        full.sort_unstable();
        full.dedup_by(|later, kept| later.0 == kept.0);
    }
    // Whether `w` is a word of a person's name: `Some(true)` for a last word.
    let find = |w: &str| {
        if !shapes.may_hold(w) {
            return None;
        }
        if sorted.0 {
            let at = words.binary_search_by(|(k, _)| (*k).cmp(w)).ok()?;
            return Some(words[at].1);
        }
        words
            .iter()
            .filter(|(k, _)| *k == w)
            .fold(None, |found, &(_, last)| Some(found == Some(true) || last))
    };
    // Of the people's names `name` opens with (followed by a space), the
    // first mentioned.
    let opening_person = |name: &str| {
        if sorted.1 {
            let starts = name.match_indices(' ').map(|(end, _)| &name[..end]);
            let found = starts.filter_map(|p| {
                let at = full.binary_search_by(|(k, _)| (*k).cmp(p)).ok()?;
                Some(full[at])
            });
            return found.min_by_key(|&(_, first)| first).map(|(p, _)| p);
        }
        full.iter().map(|&(p, _)| p).find(|p| {
            p.len() < name.len() && name.starts_with(p) && name.as_bytes()[p.len()] == b' '
        })
    };
    for it in items.iter_mut() {
        let c = &it.cand;
        if !open(c) || c.words < 2 {
            continue;
        }
        // `find` checks the shape too; testing it here first spares the call for
        // most first words.
        let first = first_word(it.text);
        if !shapes.may_hold(first) || find(first).is_none() {
            continue;
        }
        // `Andy Warhol Photographic Legacy Program`
        if let Some(p) = opening_person(it.text) {
            it.cand.end = it.cand.start + p.len() as u32;
            it.text = &it.text[..p.len()];
            it.cand.words = p.split(' ').count().min(255) as u8;
            it.cand.guess = Guess::Person;
            continue;
        }
        let mut rest = it.text.split_whitespace();
        let first = rest.next().unwrap_or("");
        let rest_named = rest.any(|w| find(w).is_some());
        let known = if c.guess == Guess::Person {
            find(first) == Some(true)
        } else {
            find(first).is_some()
        };
        if known && !rest_named {
            it.cand.end = it.cand.start + first.len() as u32;
            it.text = &it.text[..first.len()];
            it.cand.words = 1;
        }
    }
    spare.words = recycle(words);
    spare.full = recycle(full);
}

/// The first and last bytes and the lengths of some names: a quick way to rule out that
/// a string is one of them before a look-up, and to find the parts of a longer name that
/// may be one of them without looking at each of its bytes.
struct Shapes {
    /// By first byte (modulo 64), the lengths of the names (modulo 64), a bit each.
    heads: [u64; 64],
    /// By last byte (modulo 64), the lengths of the names (modulo 64), a bit each.
    tails: [u64; 64],
}

impl Default for Shapes {
    fn default() -> Self {
        Shapes {
            heads: [0; 64],
            tails: [0; 64],
        }
    }
}

impl Shapes {
    /// Adds `name` to the names.
    #[inline]
    fn add(&mut self, name: &str) {
        let b = name.as_bytes();
        let bit = 1 << (b.len() & 63);
        self.heads[Self::class(b.first())] |= bit;
        self.tails[Self::class(b.last())] |= bit;
    }

    /// The row of the tables for a name's first or last byte.
    #[inline]
    fn class(byte: Option<&u8>) -> usize {
        byte.map_or(0, |&b| usize::from(b & 63))
    }

    /// False when `s` is none of the names.
    #[inline]
    fn may_hold(&self, s: &str) -> bool {
        self.heads[Self::class(s.as_bytes().first())] & 1 << (s.len() & 63) != 0
    }

    /// The words that `name` opens with (shortest first) as far as they may be one of
    /// the names.
    fn prefixes<'n>(&self, name: &'n str) -> impl Iterator<Item = &'n str> {
        let b = name.as_bytes();
        let bits = self.heads[Self::class(b.first())];
        lengths(bits, b.len())
            .filter(move |&len| b[len] == b' ')
            .map(move |len| &name[..len])
    }

    /// The words that `name` ends with (shortest first) as far as they may be one of the
    /// names.
    fn suffixes<'n>(&self, name: &'n str) -> impl Iterator<Item = &'n str> {
        let b = name.as_bytes();
        let bits = self.tails[Self::class(b.last())];
        lengths(bits, b.len())
            .map(move |len| b.len() - 1 - len)
            .filter(move |&space| b[space] == b' ')
            .map(move |space| &name[space + 1..])
    }
}

/// The numbers below `n` whose remainders modulo 64 are the bits set in `bits`, in
/// increasing order.
fn lengths(bits: u64, n: usize) -> impl Iterator<Item = usize> {
    // The bits not yet given of the 64 numbers from `base` on.
    let (mut base, mut rest) = (0, bits);
    std::iter::from_fn(move || {
        while rest == 0 {
            base += 64;
            if base >= n {
                return None;
            }
            rest = bits;
        }
        let len = base + rest.trailing_zeros() as usize;
        rest &= rest - 1;
        if len < n {
            Some(len)
        } else {
            // All later numbers are greater.
            (base, rest) = (n, 0);
            None
        }
    })
}

/// The root of `i` in the union-find forest `parent`, halving the path to it.
fn root(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        let p = parent[i];
        parent[i] = parent[p];
        i = p;
    }
    i
}

/// The hash of a name, for the table that finds items by their name: of its bytes
/// alone, as the table compares whole names (no end mark needed, unlike `str`'s).
fn hash(name: &str) -> u64 {
    let mut h = FxHasher::default();
    h.write(name.as_bytes());
    h.finish()
}

/// The distinct names of an article's items, each found by its name: a table of slots
/// probed one after the next from the one its hash picks (at most half of them full),
/// kept from one article to the next. Cheaper than a general hash table for the few
/// dozen names of an article, which are added once and never removed.
#[derive(Default)]
struct NameTable {
    /// Per slot: the upper half of the hash of its name, and the first item with that
    /// name plus one (0: the slot is empty).
    slots: Vec<(u32, u32)>,
    /// The number of distinct names.
    len: usize,
}

impl NameTable {
    /// Makes the table that of `names` (one per item), with the group of each item
    /// (the distinct names numbered in order of first mention) into `same`.
    fn fill(&mut self, names: &[&str], same: &mut Vec<u32>) {
        // A power of two at least twice the names: a probe always ends at an empty slot.
        let size = (2 * names.len()).next_power_of_two();
        self.slots.clear();
        self.slots.resize(size, (0, 0));
        self.len = 0;
        // Written in place: an earlier item's group is read on the way.
        same.clear();
        same.resize(names.len(), 0);
        for (i, name) in names.iter().enumerate() {
            let h = hash(name);
            let at = self.slot(names, name, h);
            let (check, first) = &mut self.slots[at];
            same[i] = if *first == 0 {
                *check = (h >> 32) as u32;
                *first = i as u32 + 1;
                self.len += 1;
                self.len as u32 - 1
            } else {
                same[*first as usize - 1]
            };
        }
    }

    /// The first item named `name`, if any (`names`: as given to `fill`).
    fn find(&self, names: &[&str], name: &str) -> Option<usize> {
        let first = self.slots[self.slot(names, name, hash(name))].1;
        (first != 0).then(|| first as usize - 1)
    }

    /// The slot of `name` (whose hash is `h`): the one holding it, or the empty one
    /// where it goes.
    fn slot(&self, names: &[&str], name: &str, h: u64) -> usize {
        let mask = self.slots.len() - 1;
        let check = (h >> 32) as u32;
        let mut at = h as usize & mask;
        loop {
            let (c, first) = self.slots[at];
            if first == 0 || c == check && names[first as usize - 1] == name {
                return at;
            }
            at = (at + 1) & mask;
        }
    }
}

/// The first `len` entries of `v`, all set to `value`. `v` keeps the greatest length
/// asked for: the entries are overwritten in place (a loop the compiler vectorizes)
/// rather than pushed one by one again for each article.
fn refill<T: Copy>(v: &mut Vec<T>, len: usize, value: T) -> &mut [T] {
    if v.len() < len {
        v.resize(len, value);
    }
    let v = &mut v[..len];
    v.fill(value);
    v
}

/// Buffers kept from one article to the next, so that linking an article allocates
/// (nearly) nothing but the entities it returns.
#[derive(Default)]
pub struct LinkScratch {
    /// Each item's words with single spaces, kept empty (see `recycle`).
    names: Vec<&'static str>,
    /// The names of the items whose words are not single-spaced (see `normalize`).
    spaced: String,
    people: PeopleWords,
    tables: Tables,
    steps: Steps,
}

/// The items that some steps look at, each list in reading order.
#[derive(Default)]
struct Lists {
    /// Multi-word organizations and places: the targets of acronyms and short forms.
    long: Vec<usize>,
    /// Names of several words: the people's names among them are those that `people`
    /// links their parts to.
    multi: Vec<usize>,
    /// Names in capitals and acronyms defined in parentheses.
    capped: Vec<usize>,
    /// Names listed with others (`Aksu, Hotan and Alaer`).
    listed: Vec<usize>,
    /// Names whose kind the sentence left open when the steps start (a name
    /// once settled stays so): only these are decided by context, and only
    /// these are linked to another by their words.
    unsettled: Vec<usize>,
}

impl Lists {
    /// Empties the lists, keeping their allocations.
    fn clear(&mut self) {
        self.long.clear();
        self.multi.clear();
        self.capped.clear();
        self.listed.clear();
        self.unsettled.clear();
    }
}

/// The buffers of `short_form_targets`.
#[derive(Default)]
struct ShortForms {
    /// By name group, the long name it is short for (see `short_form_targets`).
    targets: Vec<(usize, bool)>,
    /// By name group of a long name, the parts of it already added (`PREFIXES`, `SUFFIXES`).
    added: Vec<u8>,
}

/// The state of the linker (see `Linker`).
#[derive(Default)]
struct Tables {
    ids: NameTable,
    same: Vec<u32>,
    state: Vec<State>,
    parent: Vec<usize>,
    wanted: Shapes,
}

/// What the linker knows of an item.
#[derive(Clone, Copy)]
struct State {
    /// Its kind, once known.
    kind: Option<EntityKind>,
    /// It is a mention of an entity (a weak candidate only once linked or typed).
    keep: bool,
    /// Its kind is settled: later steps do not change it.
    resolved: bool,
}

impl State {
    /// By guess (in the order of `Guess`), what the linker knows of an item at first:
    /// the kind of a name guessed to be a person, an organization or a place is settled.
    const FIRST: [State; 5] = {
        const fn first(g: Guess) -> State {
            State {
                kind: kind_of(g),
                keep: !matches!(g, Guess::Weak),
                resolved: !matches!(g, Guess::Weak | Guess::Unknown),
            }
        }
        // Each guess at its own place: a guess added to `Guess` fails here.
        const _: () = assert!(
            Guess::Person as usize == 0
                && Guess::Org as usize == 1
                && Guess::Place as usize == 2
                && Guess::Unknown as usize == 3
                && Guess::Weak as usize == 4
        );
        [
            first(Guess::Person),
            first(Guess::Org),
            first(Guess::Place),
            first(Guess::Unknown),
            first(Guess::Weak),
        ]
    };
}

/// The working buffers of the linker's steps, named as in the steps.
#[derive(Default)]
struct Steps {
    full: Vec<usize>,
    parts: Vec<(usize, u32)>,
    lists: Lists,
    targets: ShortForms,
    typed: Vec<u32>,
    kinds: Vec<(u32, Option<EntityKind>)>,
    decided: Vec<Option<EntityKind>>,
    by_name: Vec<[usize; 3]>,
    roots: Vec<usize>,
    first: Vec<usize>,
    last: Vec<usize>,
    next: Vec<usize>,
    aliased: Vec<u32>,
    written: Vec<u32>,
}

/// The candidates of one article as a union-find forest with kinds.
struct Linker<'t, 'i, 'a> {
    items: &'i [Item<'a>],
    /// Each item's words with single spaces.
    names: &'i [&'a str],
    /// The first item of each distinct name, found by the name.
    ids: &'t NameTable,
    /// Items with the same words share a number (`0..groups()`).
    same: &'t [u32],
    state: &'t mut [State],
    parent: &'t mut [usize],
    /// The names that may be short for a longer name (of at most three words, not in
    /// capitals): parts of longer names are looked up only if they may be one of them, in
    /// `people` and `short_forms` (which passes over generic words itself).
    wanted: &'t Shapes,
}

// The steps are kept out of line (`inline(never)`): inlined into `entities` all together
// they took more instructions.
impl<'t, 'i, 'a> Linker<'t, 'i, 'a> {
    /// The linker of `items` named `names`, with the tables of `t`; sorts out the
    /// items that some steps look at into `lists` on the way (see `Lists`).
    #[inline(never)]
    fn new(
        items: &'i [Item<'a>],
        names: &'i [&'a str],
        t: &'t mut Tables,
        lists: &mut Lists,
    ) -> Self {
        let Tables {
            ids,
            same,
            state,
            parent,
            wanted,
        } = t;
        ids.fill(names, same);
        state.clear();
        state.extend(items.iter().map(|it| State::FIRST[it.cand.guess as usize]));
        parent.clear();
        parent.extend(0..items.len());
        // The names wanted and the lists in one pass (the first state looked
        // up again: cheaper than reading it back from `state`).
        *wanted = Shapes::default();
        lists.clear();
        for (i, (it, &name)) in items.iter().zip(names).enumerate() {
            let c = &it.cand;
            if !State::FIRST[c.guess as usize].resolved {
                lists.unsettled.push(i);
            }
            if c.words <= 3 && !c.upper {
                wanted.add(name);
            }
            if c.words >= 2 {
                lists.multi.push(i);
                if matches!(c.guess, Guess::Org | Guess::Place) {
                    lists.long.push(i);
                }
            }
            if c.upper || c.defined {
                lists.capped.push(i);
            }
            if c.coord != 0 {
                lists.listed.push(i);
            }
        }
        Linker {
            items,
            names,
            ids,
            same,
            state,
            parent,
            wanted,
        }
    }

    /// The name group of the items named `name`, if any item is.
    fn group(&self, name: &str) -> Option<u32> {
        let first = self.ids.find(self.names, name)?;
        Some(self.same[first])
    }

    /// The number of distinct names.
    fn groups(&self) -> usize {
        self.ids.len
    }

    /// Makes `i` a mention of the entity of `j`, taking its kind when `j` has one.
    fn link(&mut self, i: usize, j: usize) {
        let (ri, rj) = (root(self.parent, i), root(self.parent, j));
        if ri != rj {
            self.parent[ri] = rj;
        }
        if self.state[j].kind.is_some() {
            self.state[i].kind = self.state[j].kind;
        } else if self.state[i].kind.is_some() {
            self.state[j].kind = self.state[i].kind;
            self.state[j].resolved = true;
        }
        self.state[i].keep = true;
        self.state[i].resolved = true;
    }

    /// `Wang` → `Wang Huning`, `De Bruyne` → `Kevin De Bruyne`; two people sharing it: no link.
    #[inline(never)]
    fn people(&mut self, multi: &[usize], full: &mut Vec<usize>, parts: &mut Vec<(usize, u32)>) {
        let person = |state: &State| state.kind == Some(EntityKind::Person);
        if !multi.iter().any(|&i| person(&self.state[i])) {
            return;
        }
        // By name group: the first person of several words with that name.
        let full = refill(full, self.groups(), usize::MAX);
        // By name group, for the names that are part of a person's name: the first person
        // it belongs to … and how many people have it.
        let parts = refill(parts, self.groups(), (usize::MAX, 0u32));
        let mut any_part = false;
        for &i in multi {
            if !person(&self.state[i]) {
                continue;
            }
            let names = self.names;
            let name = names[i];
            let g = self.same[i] as usize;
            if full[g] != usize::MAX {
                self.link(i, full[g]);
                continue;
            }
            full[g] = i;
            // Only parts that some item is named are ever looked up.
            let mut add = |k: &str| {
                if !self.wanted.may_hold(k) {
                    return;
                }
                let Some(g) = self.group(k) else {
                    return;
                };
                let e = &mut parts[g as usize];
                if e.0 == usize::MAX {
                    *e = (i, 1);
                    any_part = true;
                } else if e.0 != i {
                    e.1 += 1;
                }
            };
            add(first_word(name));
            // The names it ends with: from a capital (`De Bruyne`), and its last word.
            let last = last_word(name);
            for rest in self.wanted.suffixes(name) {
                if rest.len() == last.len() || rest.chars().next().is_some_and(char::is_uppercase) {
                    add(rest);
                }
            }
            // `Maliki` for `Nuri al-Maliki`
            if last.len() < name.len()
                && let Some(bare) = after_particle(last)
            {
                add(bare);
            }
        }
        if !any_part {
            return;
        }
        let same = self.same;
        for (i, &g) in same.iter().enumerate() {
            // Most names are part of no person's name.
            let (owner, count) = parts[g as usize];
            if owner == usize::MAX {
                continue;
            }
            let c = self.items[i].cand;
            if c.words > 3 || c.upper {
                continue;
            }
            let may_be_person = match c.guess {
                Guess::Person | Guess::Unknown | Guess::Weak => true,
                Guess::Place => !c.strong || (c.words == 1 && !c.country),
                Guess::Org => false,
            };
            if !may_be_person || owner == i || self.items[owner].cand.words <= c.words {
                continue;
            }
            match count {
                1 => self.link(i, owner),
                _ => {
                    // Two people share it: do not guess.
                    self.state[i].kind = Some(EntityKind::Person);
                    self.state[i].keep = true;
                    self.state[i].resolved = true;
                }
            }
        }
    }

    /// A name in capitals (`HOTAN` in a dateline) is the name written normally.
    #[inline(never)]
    fn capitals(&mut self, capped: &[usize], written: &mut Vec<u32>) {
        const UNKNOWN: u32 = u32::MAX;
        const NONE: u32 = u32::MAX - 1;
        let n = self.items.len();
        // By name group: the first item with the name written normally, once looked up.
        let written = refill(written, self.groups(), UNKNOWN);
        for &i in capped {
            if !self.items[i].cand.upper {
                continue;
            }
            let found = &mut written[self.same[i] as usize];
            if *found == UNKNOWN {
                *found = (0..n)
                    .find(|&j| {
                        !self.items[j].cand.upper
                            && self.names[j].eq_ignore_ascii_case(self.names[i])
                    })
                    .map_or(NONE, |j| j as u32);
            }
            if *found != NONE {
                let j = *found as usize;
                self.link(i, j);
            }
        }
    }

    /// The one long name that `matches` accepts for `i`, if exactly one does.
    fn unique(&self, i: usize, long: &[usize], matches: impl Fn(&str) -> bool) -> Option<usize> {
        let mut hit: Option<usize> = None;
        for &l in long {
            if l == i || !matches(self.names[l]) {
                continue;
            }
            match hit {
                Some(h) if self.names[h] != self.names[l] => return None,
                Some(_) => {}
                None => hit = Some(l),
            }
        }
        hit
    }

    /// Acronyms: defined in parentheses, or matching the initials of a longer name.
    #[inline(never)]
    fn acronyms(&mut self, capped: &[usize], long: &[usize]) {
        for &i in capped {
            let c = self.items[i].cand;
            if c.defined && i > 0 {
                let keep = self.state[i - 1].keep;
                self.link(i, i - 1);
                self.state[i].keep = keep;
                continue;
            }
            if !c.upper || self.state[i].resolved && c.guess == Guess::Place {
                continue;
            }
            let text = self.items[i].text;
            let mut letters = text.chars().filter(|c| c.is_alphanumeric());
            let Some(head) = letters.next() else {
                continue;
            };
            if letters.next().is_none() {
                continue;
            }
            // A name opening with a capital other than the acronym's first letter has
            // other initials: most names are ruled out without spelling them out.
            let may_match = |name: &str| {
                name.chars()
                    .next()
                    .is_none_or(|c| c == head || !c.is_uppercase())
            };
            if let Some(l) = self.unique(i, long, |name| {
                may_match(name) && acronym_matches(text, name)
            }) {
                self.link(i, l);
            }
        }
    }

    /// Short forms of organizations and places: `Xinhua` ↔ `Xinhua News Agency`, `Home Office`.
    #[inline(never)]
    fn short_forms(&mut self, long: &[usize], targets: &mut ShortForms) {
        if long.is_empty() {
            return;
        }
        let Some(targets) = self.short_form_targets(long, targets) else {
            return;
        };
        let same = self.same;
        for (i, &g) in same.iter().enumerate() {
            // The one long name (however often written) that `names[i]` is short for;
            // most names are short for none.
            let (l, ambiguous) = targets[g as usize];
            if l == usize::MAX || ambiguous {
                continue;
            }
            let c = self.items[i].cand;
            if c.words > 3 || c.upper || c.generic || self.state[i].kind == Some(EntityKind::Person)
            {
                continue;
            }
            let own = self.state[i].kind;
            if own.is_some() && c.strong && self.state[l].kind != own {
                continue;
            }
            self.link(i, l);
        }
    }

    /// By name group, the long name that names of the group are short for: the whole
    /// words a long name opens with and, unless it is a place, ends with. A place is
    /// short for the longer name it opens (`Hotan` for `Hotan City`), never for one that
    /// ends in it: `Northern Iran`, `West Germany` and `South Africa` are other places
    /// than Iran, Germany and Africa.
    /// Each entry holds the first long name (in `long`'s order) with that short form
    /// (`usize::MAX` if none), and whether a long name with other words has it too.
    ///
    /// A long name written again adds only the parts it did not add before: what it adds
    /// again changes nothing. `None` if no long name has a short form.
    #[inline(never)]
    fn short_form_targets<'b>(
        &self,
        long: &[usize],
        t: &'b mut ShortForms,
    ) -> Option<&'b [(usize, bool)]> {
        const PREFIXES: u8 = 1;
        const SUFFIXES: u8 = 2;
        let targets = refill(&mut t.targets, self.groups(), (usize::MAX, false));
        let added = refill(&mut t.added, self.groups(), 0);
        let mut any = false;
        for &l in long {
            let parts = if self.items[l].cand.guess == Guess::Place {
                PREFIXES
            } else {
                PREFIXES | SUFFIXES
            };
            let done = &mut added[self.same[l] as usize];
            let new = parts & !*done;
            *done |= parts;
            if new == 0 {
                continue;
            }
            let name = self.names[l];
            let mut add = |part: &str| {
                // Only parts that some item is named are ever looked up.
                if !self.wanted.may_hold(part) {
                    return;
                }
                let Some(g) = self.group(part) else {
                    return;
                };
                any = true;
                let (first, ambiguous) = &mut targets[g as usize];
                if *first == usize::MAX {
                    *first = l;
                } else {
                    *ambiguous |= self.same[*first] != self.same[l];
                }
            };
            if new & PREFIXES != 0 {
                self.wanted.prefixes(name).for_each(&mut add);
            }
            if new & SUFFIXES != 0 {
                self.wanted.suffixes(name).for_each(&mut add);
            }
        }
        any.then_some(targets)
    }

    /// The same words typed elsewhere in the article.
    #[inline(never)]
    fn same_words(&mut self, unsettled: &[usize], typed: &mut Vec<u32>) {
        let typed = refill(typed, self.groups(), u32::MAX);
        for (i, (state, &g)) in self.state.iter().zip(self.same).enumerate() {
            let g = g as usize;
            if state.resolved && state.keep && state.kind.is_some() && typed[g] == u32::MAX {
                typed[g] = i as u32;
            }
        }
        // Linking one leaves the others as they were: their typed items have their kind.
        for &i in unsettled {
            let j = typed[self.same[i] as usize];
            if j != u32::MAX && !self.state[i].resolved {
                self.link(i, j as usize);
            }
        }
    }

    /// Names listed together are of one kind: `Aksu, Hotan, Alaer and Kunyu`
    /// (`listed`: the items in a list, see [`Lists`]).
    #[inline(never)]
    fn coordination(&mut self, listed: &[usize], kinds: &mut Vec<(u32, Option<EntityKind>)>) {
        // By list number, in order (lists are numbered as they are found, so a new one
        // mostly goes at the end), the kind of its settled names, `None` if they differ.
        kinds.clear();
        for &i in listed {
            let c = self.items[i].cand;
            if self.state[i].resolved && self.state[i].keep && c.strong {
                let k = self.state[i].kind;
                let at = kinds.partition_point(|&(coord, _)| coord < c.coord);
                match kinds.get_mut(at) {
                    Some((coord, e)) if *coord == c.coord => {
                        if *e != k {
                            *e = None;
                        }
                    }
                    _ => kinds.insert(at, (c.coord, k)),
                }
            }
        }
        if kinds.is_empty() {
            return;
        }
        for &i in listed {
            let c = self.items[i].cand;
            if self.state[i].resolved || c.generic {
                continue;
            }
            if let Ok(at) = kinds.binary_search_by_key(&c.coord, |&(coord, _)| coord)
                && let (_, Some(k)) = kinds[at]
            {
                self.state[i].kind = Some(k);
                self.state[i].keep = true;
                self.state[i].resolved = true;
            }
        }
    }

    /// Whatever is left is decided by its context (the same way for the same words);
    /// with `multi_word_only`, only names of several words.
    #[inline(never)]
    fn by_context(
        &mut self,
        multi_word_only: bool,
        unsettled: &[usize],
        decided: &mut Vec<Option<EntityKind>>,
    ) {
        let decided = refill(decided, self.groups(), None);
        // The others were settled from the start.
        for &i in unsettled {
            if self.state[i].resolved
                || !self.state[i].keep
                || multi_word_only && self.items[i].cand.words < 2
            {
                continue;
            }
            let c = self.items[i].cand;
            let kind = *decided[self.same[i] as usize].get_or_insert(context_kind(&c));
            self.state[i].kind = Some(kind);
            if multi_word_only {
                self.state[i].resolved = true;
            }
        }
    }

    /// One entity per group (same kind and same words are one group too),
    /// in order of first mention.
    #[inline(never)]
    fn entities(self, s: &mut Steps, out: &mut Entities) {
        let n = self.items.len();
        let names = self.names;
        let by_name = refill(&mut s.by_name, self.groups(), [usize::MAX; 3]);
        let parent = &mut *self.parent;
        for (i, (state, &g)) in self.state.iter().zip(self.same).enumerate() {
            let (Some(k), true) = (state.kind, state.keep) else {
                continue;
            };
            let slot = &mut by_name[g as usize][k as usize];
            if *slot == usize::MAX {
                *slot = i;
            } else {
                let (ri, rj) = (root(parent, i), root(parent, *slot));
                if ri != rj {
                    parent[ri] = rj;
                }
            }
        }
        // The groups in order of first mention (by their roots), each with its members in
        // reading order as a list: its first and last member by root, the next by member.
        let roots = &mut s.roots;
        roots.clear();
        let first = refill(&mut s.first, n, usize::MAX);
        let last = refill(&mut s.last, n, usize::MAX);
        let next = refill(&mut s.next, n, usize::MAX);
        let mut kept = 0;
        for (i, state) in self.state.iter().enumerate() {
            if !state.keep {
                continue;
            }
            kept += 1;
            let r = root(parent, i);
            if first[r] == usize::MAX {
                first[r] = i;
                roots.push(r);
            } else {
                next[last[r]] = i;
            }
            last[r] = i;
        }
        let items = self.items;
        out.reset(roots.len(), kept);
        // By name group: the last entity that took the name as an alias.
        let aliased = refill(&mut s.aliased, self.groups(), u32::MAX);
        for (e, &r) in roots.iter().enumerate() {
            let head = first[r];
            // Most entities are named once: their one name is the canonical one.
            if next[head] == usize::MAX {
                let Some(kind) = self.state[head].kind else {
                    continue;
                };
                let mut respelled = false;
                out.begin(kind, |text| {
                    respelled = push_display_name(text, names[head], kind);
                });
                if respelled {
                    out.push_alias(names[head]);
                }
                out.push_mention(Mention {
                    block: items[head].block,
                    start: items[head].cand.start,
                    end: items[head].cand.end,
                });
                continue;
            }
            let m =
                std::iter::successors(Some(head), |&i| Some(next[i]).filter(|&j| j != usize::MAX));
            // The longest name (not an acronym) is the canonical one and gives the kind.
            let best = m
                .clone()
                .filter(|&i| self.state[i].kind.is_some())
                .max_by_key(|&i| canonical_rank(&items[i].cand, names[i], i as u32));
            let Some(best) = best else { continue };
            let Some(kind) = self.state[best].kind else {
                continue;
            };
            let mut respelled = false;
            out.begin(kind, |text| {
                respelled = push_display_name(text, names[best], kind);
            });
            for i in m.clone() {
                // The canonical name as written is no alias unless it is shown otherwise.
                if self.same[i] == self.same[best] && !respelled {
                    continue;
                }
                // Each name once (items of one group have the same name).
                let seen = &mut aliased[self.same[i] as usize];
                if *seen != e as u32 {
                    *seen = e as u32;
                    out.push_alias(names[i]);
                }
            }
            out.push_mentions(m.map(|i| Mention {
                block: items[i].block,
                start: items[i].cand.start,
                end: items[i].cand.end,
            }));
        }
    }
}

/// Links, types and groups the candidates of one article into the entities
/// `out` (emptied first), with the buffers of `scratch`.
/// In a sports report (`sport`), a country's name stands for its team.
#[inline(never)]
pub fn entities(items: &mut [Item], sport: bool, scratch: &mut LinkScratch, out: &mut Entities) {
    shrink_to_people(items, &mut scratch.people);
    if sport {
        for it in items.iter_mut() {
            if it.cand.country && it.cand.ctx & CTX_PREP == 0 {
                it.cand.guess = Guess::Org;
            }
        }
    }
    let items: &[Item] = items;
    let mut names: Vec<&str> = recycle(std::mem::take(&mut scratch.names));
    normalize(items, &mut scratch.spaced, &mut names);
    let s = &mut scratch.steps;
    let mut l = Linker::new(items, &names, &mut scratch.tables, &mut s.lists);
    let Lists {
        long,
        multi,
        capped,
        listed,
        unsettled,
    } = &s.lists;
    l.by_context(true, unsettled, &mut s.decided);
    l.people(multi, &mut s.full, &mut s.parts);
    l.capitals(capped, &mut s.written);
    l.acronyms(capped, long);
    l.short_forms(long, &mut s.targets);
    l.same_words(unsettled, &mut s.typed);
    l.coordination(listed, &mut s.kinds);
    l.by_context(false, unsettled, &mut s.decided);
    l.entities(s, out);
    scratch.names = recycle(names);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(text: &str, upper: bool) -> Item<'_> {
        let cand = Cand {
            start: 0,
            end: text.len() as u32,
            guess: Guess::Unknown,
            strong: false,
            words: text.split(' ').count() as u8,
            upper,
            country: false,
            ctx: 0,
            defined: false,
            generic: false,
            coord: 0,
            clean: true,
            has_upper: false,
        };
        Item {
            block: Some(0),
            cand,
            text,
        }
    }

    #[test]
    fn open_names_shrink_to_the_people_they_open_with() {
        let person = |text| {
            let mut it = item(text, false);
            it.cand.guess = Guess::Person;
            it.cand.strong = true;
            it
        };
        let weak_person = |text| {
            let mut it = item(text, false);
            it.cand.guess = Guess::Person;
            it
        };
        let mut items = vec![
            person("Andy Warhol"),
            person("John Smith"),
            item("Warhol Polaroids", false),
            item("Andy Warhol Photographic Legacy Program", false),
            // Both words name people: left as it is.
            item("Warhol Smith", false),
            // `Andy` opens a name but ends none: a person's name keeps it, a name of
            // unknown kind shrinks to it.
            weak_person("Andy Foo"),
            item("Andy Bar", false),
            item("Foo Bar", false),
        ];
        // The spare lists hold words of an earlier article: they must not count.
        let mut spare = PeopleWords::default();
        shrink_to_people(&mut [person("Foo Bar"), item("Foo Baz", false)], &mut spare);
        shrink_to_people(&mut items, &mut spare);
        let texts: Vec<(&str, Guess)> = items.iter().map(|it| (it.text, it.cand.guess)).collect();
        assert_eq!(
            texts[2..],
            [
                ("Warhol", Guess::Unknown),
                ("Andy Warhol", Guess::Person),
                ("Warhol Smith", Guess::Unknown),
                ("Andy Foo", Guess::Person),
                ("Andy", Guess::Unknown),
                ("Foo Bar", Guess::Unknown),
            ]
        );
        assert_eq!(items[3].cand.words, 2);
        assert_eq!(items[3].cand.end, 11);
    }

    #[test]
    fn names_shrink_alike_however_many_people_the_article_names() {
        // Past `SEARCHED_IN_ORDER` people the lists are sorted: the same names
        // shrink to the same people, a name opening with two people's names
        // to the one mentioned first.
        let fillers: Vec<String> = (0..2 * SEARCHED_IN_ORDER)
            .map(|i| format!("Zed{i} Quill{i}"))
            .collect();
        fn person(text: &str) -> Item<'_> {
            let mut it = item(text, false);
            it.cand.guess = Guess::Person;
            it.cand.strong = true;
            it
        }
        let shrunk = |people: &[&str], extra: usize| {
            let mut items: Vec<Item> = fillers[..extra].iter().map(|f| person(f)).collect();
            items.extend(people.iter().map(|p| person(p)));
            items.push(person("Andy Warhol"));
            items.push(item("Warhol Polaroids", false));
            items.push(item("Mary Ann Lee Trust", false));
            items.push(item("Andy Bar", false));
            shrink_to_people(&mut items, &mut PeopleWords::default());
            let texts: Vec<String> = items[extra..]
                .iter()
                .map(|it| it.text.to_string())
                .collect();
            texts[people.len() + 1..].to_vec()
        };
        for people in [["Mary Ann", "Mary Ann Lee"], ["Mary Ann Lee", "Mary Ann"]] {
            let few = shrunk(&people, 0);
            assert_eq!(few, ["Warhol", people[0], "Andy"], "{people:?}");
            assert_eq!(shrunk(&people, fillers.len()), few, "{people:?}");
        }
    }

    #[test]
    fn the_name_table_numbers_names_by_first_mention() {
        let mut table = NameTable::default();
        let mut same = Vec::new();
        // A long article first: the table kept for the next must not remember it.
        let many: Vec<String> = (0..300).map(|i| format!("Name {}", i % 150)).collect();
        let many: Vec<&str> = many.iter().map(String::as_str).collect();
        table.fill(&many, &mut same);
        assert_eq!(table.len, 150);
        assert!(same.iter().enumerate().all(|(i, &g)| g as usize == i % 150));
        let names = [
            "Xinhua",
            "Wang Huning",
            "Xinhua",
            "",
            "Wang",
            "Wang Huning",
            "",
        ];
        table.fill(&names, &mut same);
        assert_eq!(same, [0, 1, 0, 2, 3, 1, 2]);
        assert_eq!(table.len, 4);
        assert_eq!(table.find(&names, "Wang Huning"), Some(1));
        assert_eq!(table.find(&names, ""), Some(3));
        assert_eq!(table.find(&names, "Name 7"), None);
        assert_eq!(table.find(&names, "Huning"), None);
        table.fill(&[], &mut same);
        assert_eq!((table.len, same.len()), (0, 0));
        assert_eq!(table.find(&[], "Xinhua"), None);
    }

    #[test]
    fn particles_are_lower_case_letters_before_a_hyphen() {
        assert_eq!(after_particle("al-Maliki"), Some("Maliki"));
        assert_eq!(after_particle("bin-Laden"), Some("Laden"));
        assert_eq!(after_particle("-Maliki"), Some("Maliki"));
        assert_eq!(after_particle("al-"), Some(""));
        assert_eq!(after_particle("Al-Maliki"), None);
        assert_eq!(after_particle("Jean-Pierre"), None);
        assert_eq!(after_particle("aL-Maliki"), None);
        assert_eq!(after_particle("el\u{e9}-Foo"), None);
        assert_eq!(after_particle("maliki"), None);
        assert_eq!(after_particle(""), None);
    }

    #[test]
    fn names_in_capitals_are_shown_capitalized() {
        let shown = |name: &str| {
            let mut out = String::from("x");
            push_capitalized(&mut out, name);
            out
        };
        assert_eq!(shown("NEW YORK"), "xNew York");
        assert_eq!(shown("M\u{dc}NCHEN"), "xM\u{fc}nchen");
        assert_eq!(shown("\u{c9}COLE NORMALE"), "x\u{c9}cole Normale");
        assert_eq!(shown("S\u{c3}O PAULO"), "xS\u{e3}o Paulo");
        assert_eq!(shown("U.S. ARMY"), "xU.s. Army");
    }

    #[test]
    fn names_listed_together_take_the_kind_of_their_settled_names() {
        let listed = |text, coord, guess| {
            let mut it = item(text, false);
            it.cand.coord = coord;
            it.cand.guess = guess;
            it.cand.strong = guess != Guess::Unknown;
            it
        };
        // Lists numbered out of order, one of them with settled names of two kinds.
        let items = [
            listed("Aksu", 7, Guess::Place),
            listed("Hotan", 7, Guess::Unknown),
            listed("Sinopec", 3, Guess::Org),
            listed("Petrochina", 3, Guess::Unknown),
            listed("Alaer", 5, Guess::Place),
            listed("Huawei", 5, Guess::Org),
            listed("Kunyu", 5, Guess::Unknown),
        ];
        let names: Vec<&str> = items.iter().map(|it| it.text).collect();
        let (mut tables, mut lists) = (Tables::default(), Lists::default());
        let mut l = Linker::new(&items, &names, &mut tables, &mut lists);
        l.coordination(&lists.listed, &mut Vec::new());
        let kinds: Vec<_> = l.state.iter().map(|s| s.kind).collect();
        use EntityKind::{Organization as Org, Place};
        assert_eq!(
            kinds,
            [
                Some(Place),
                Some(Place),
                Some(Org),
                Some(Org),
                Some(Place),
                Some(Org),
                None
            ]
        );
    }

    #[test]
    fn people_are_found_among_the_names_of_several_words() {
        let named = |text, guess, ctx| {
            let mut it = item(text, false);
            it.cand.guess = guess;
            it.cand.strong = guess != Guess::Unknown;
            it.cand.ctx = ctx;
            it
        };
        let items = [
            named("Wang", Guess::Unknown, 0),
            named("Wang Huning", Guess::Person, 0),
            named("Xinhua News Agency", Guess::Org, 0),
            // A person by context alone: settled before `people` looks.
            named("Li Qiang", Guess::Unknown, CTX_SPEECH),
            named("Li", Guess::Unknown, 0),
            named("Xinhua", Guess::Unknown, 0),
        ];
        let names: Vec<&str> = items.iter().map(|it| it.text).collect();
        let (mut tables, mut lists) = (Tables::default(), Lists::default());
        let mut l = Linker::new(&items, &names, &mut tables, &mut lists);
        assert_eq!(lists.multi, [1, 2, 3]);
        l.by_context(true, &lists.unsettled, &mut Vec::new());
        l.people(&lists.multi, &mut Vec::new(), &mut Vec::new());
        let roots: Vec<usize> = (0..items.len()).map(|i| root(l.parent, i)).collect();
        assert_eq!(roots[0], roots[1], "Wang is Wang Huning");
        assert_eq!(roots[4], roots[3], "Li is Li Qiang");
        assert_eq!(l.state[4].kind, Some(EntityKind::Person));
        // A part of an organization's name is left to later steps.
        assert_eq!(roots[5], 5);
        assert!(!l.state[5].resolved);
    }

    #[test]
    fn the_first_states_are_found_by_guess() {
        for g in [
            Guess::Person,
            Guess::Org,
            Guess::Place,
            Guess::Unknown,
            Guess::Weak,
        ] {
            let s = State::FIRST[g as usize];
            assert_eq!(s.kind, kind_of(g), "{g:?}");
            assert_eq!(s.keep, g != Guess::Weak, "{g:?}");
            assert_eq!(s.resolved, s.kind.is_some(), "{g:?}");
        }
    }

    #[test]
    fn shapes_give_the_parts_of_a_longer_name_that_may_be_names() {
        let long_word = format!("Ab{}", "c".repeat(64));
        let texts = ["Xinhua", "News Agency", "CPC", &long_word];
        let items: Vec<Item> = texts
            .iter()
            .map(|t| item(t, t.bytes().all(|b| b.is_ascii_uppercase())))
            .collect();
        let mut shapes = Shapes::default();
        for it in items
            .iter()
            .filter(|it| it.cand.words <= 3 && !it.cand.upper)
        {
            shapes.add(it.text);
        }
        fn parts<'n>(shapes: &Shapes, name: &'n str) -> (Vec<&'n str>, Vec<&'n str>) {
            (
                shapes.prefixes(name).collect(),
                shapes.suffixes(name).collect(),
            )
        }
        assert_eq!(
            parts(&shapes, "Xinhua News Agency"),
            (vec!["Xinhua"], vec!["News Agency"])
        );
        // Only whole words: `Xinhuanet News` opens with no name.
        assert_eq!(parts(&shapes, "Xinhuanet News"), (vec![], vec![]));
        // `CPC` is in capitals, not one of the names wanted.
        assert_eq!(parts(&shapes, "CPC Central Committee"), (vec![], vec![]));
        assert!(!shapes.may_hold("CPC") && shapes.may_hold("Xinhua"));
        // Names longer than 64 bytes are found too.
        let long_name = format!("{long_word} Xinhua");
        assert_eq!(
            parts(&shapes, &long_name),
            (vec![long_word.as_str()], vec!["Xinhua"])
        );
    }
}
