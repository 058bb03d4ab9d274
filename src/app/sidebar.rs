//! The entity sidebar's rows: the open article's entities grouped by kind.

use super::App;
use crate::entity::{EntityId, EntityKind};

/// One row of the sidebar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SidebarRow {
    /// A group heading.
    Header(EntityKind),
    /// An entity with its number of mentions in the open article.
    Entity {
        /// The entity.
        id: EntityId,
        /// Mentions in the open article.
        count: usize,
    },
}

/// The row index of the `k`-th entity row.
pub(super) fn row_of_entity(rows: &[SidebarRow], k: usize) -> usize {
    rows.iter()
        .enumerate()
        .filter(|(_, r)| matches!(r, SidebarRow::Entity { .. }))
        .nth(k)
        .map_or(0, |(i, _)| i)
}

impl App {
    /// The sidebar rows for the open article: People, Organizations, Places,
    /// each sorted by mentions here (most first), then name.
    pub fn sidebar_rows(&self) -> Vec<SidebarRow> {
        let Some(a) = self.open else {
            return Vec::new();
        };
        let index = &self.corpus.index;
        let mut rows = Vec::new();
        for kind in EntityKind::ALL {
            let mut group: Vec<_> = index
                .of_article(a as usize)
                .iter()
                .filter(|o| index.entity(o.id).kind == kind)
                .map(|o| (o.id, index.mentions_of(o).len()))
                .collect();
            if group.is_empty() {
                continue;
            }
            group.sort_by(|x, y| {
                y.1.cmp(&x.1)
                    .then_with(|| index.entity(x.0).name.cmp(&index.entity(y.0).name))
            });
            rows.push(SidebarRow::Header(kind));
            rows.extend(
                group
                    .into_iter()
                    .map(|(id, count)| SidebarRow::Entity { id, count }),
            );
        }
        rows
    }

    /// The entity under the sidebar's selection.
    pub fn sidebar_selected(&self) -> Option<EntityId> {
        self.sidebar_rows()
            .into_iter()
            .filter_map(|r| match r {
                SidebarRow::Entity { id, .. } => Some(id),
                SidebarRow::Header(_) => None,
            })
            .nth(self.sidebar.selected)
    }
}
