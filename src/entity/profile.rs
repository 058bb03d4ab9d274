//! One entity over the whole collection: how often and when it is mentioned,
//! with whom, and every mention in context. Pure functions of a [`Corpus`],
//! shared by the command-line queries and the reader's profile view.

pub mod comention;
pub mod concordance;
pub mod timeline;

pub use comention::{CoMention, co_mentions};
pub use concordance::{ConcordanceLine, Context, SortBy, Texts, concordance};
pub use timeline::{Bar, Timeline, Unit};

use crate::article::Date;
use crate::corpus::Corpus;
use crate::entity::EntityId;

/// Everything the profile view shows about one entity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Profile {
    /// The entity.
    pub id: EntityId,
    /// Articles that mention it.
    pub articles: usize,
    /// Its mentions across the collection.
    pub mentions: usize,
    /// Date of the earliest dated article that mentions it.
    pub first_date: Option<Date>,
    /// Date of the latest dated article that mentions it.
    pub last_date: Option<Date>,
    /// When a short name could be any of several entities: those entities.
    pub candidates: Vec<EntityId>,
    /// Mentions over the collection's date range.
    pub timeline: Timeline,
    /// Entities seen in the same articles, most shared first.
    pub co_mentions: Vec<CoMention>,
    /// Every mention, oldest first.
    pub concordance: Vec<ConcordanceLine>,
}

impl Profile {
    /// The profile of entity `id` in `corpus`.
    pub fn build(corpus: &Corpus, id: EntityId) -> Profile {
        let index = &corpus.index;
        let entity = index.entity(id);
        let concordance = concordance(corpus, id);
        let range = timeline::date_range(index);
        Profile {
            id,
            articles: entity.articles.len(),
            mentions: concordance.len(),
            first_date: entity.first_date,
            last_date: entity.last_date,
            candidates: index.candidates(id).to_vec(),
            timeline: Timeline::build(index, id, range),
            co_mentions: co_mentions(index, id),
            concordance,
        }
    }
}
