//! Named entities: finding people, organizations and places in an article,
//! linking the mentions of each, and indexing them across a collection.

mod entities;
pub mod extract;
pub mod gazetteer;
pub mod index;
mod link;
pub mod profile;
mod recycle;
mod spans;
mod tokenize;
mod word_table;

use serde::{Deserialize, Serialize};

pub use entities::{Entities, EntityRef};
pub use extract::extract;
pub use index::{EntityId, EntityIndex};

/// The place of the first byte `c` in `s`: a plain loop, as names and the
/// lines of the name lists are too short for `memchr` to pay off.
#[inline]
fn find_byte(s: &[u8], c: u8) -> Option<usize> {
    s.iter().position(|&b| b == c)
}

/// The first word of a name: up to its first space.
fn first_word(s: &str) -> &str {
    find_byte(s.as_bytes(), b' ').map_or(s, |p| &s[..p])
}

/// What sort of thing an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    /// A person.
    Person,
    /// A company, government body, party, agency, team …
    Organization,
    /// A country, region, city, building …
    Place,
}

impl EntityKind {
    /// All kinds, in sidebar order.
    pub const ALL: [EntityKind; 3] = [
        EntityKind::Person,
        EntityKind::Organization,
        EntityKind::Place,
    ];

    /// The lowercase name used in the export and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Organization => "organization",
            EntityKind::Place => "place",
        }
    }
}

/// Where a mention is: a byte range in the title (`block: None`) or in a block's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Mention {
    /// Index into `Article::blocks`, or `None` for the title.
    pub block: Option<u32>,
    /// UTF-8 byte offset of the first byte.
    pub start: u32,
    /// UTF-8 byte offset one past the last byte.
    pub end: u32,
}

impl Mention {
    /// Reading-order key: title first, then blocks, then position.
    pub fn order_key(&self) -> (u32, u32) {
        (self.block.map_or(0, |b| b + 1), self.start)
    }
}

/// One entity as found in one article, with all its linked mentions in reading order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleEntity {
    /// Canonical name, e.g. `Wang Huning` (not `Wang`).
    pub name: String,
    /// Person, organization or place.
    pub kind: EntityKind,
    /// Other names used for it in this article (`Wang`, `CPC` …).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// Its mentions, in reading order.
    pub mentions: Vec<Mention>,
}
