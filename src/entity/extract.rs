//! Finding and linking the entities of one article.

use super::ArticleEntity;
use crate::article::Article;

/// Finds the people, organizations and places of `article`, each with its linked mentions.
pub fn extract(_article: &Article) -> Vec<ArticleEntity> {
    Vec::new()
}
