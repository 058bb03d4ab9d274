//! The plain-text article format: header line, paragraphs, captions, dateline.

use super::Article;

/// Parses the text of one article file. `path` is recorded in the article and
/// used to find a date in the file name when the text has no header.
pub fn parse_text(path: &str, text: &str) -> Article {
    Article {
        path: path.to_string(),
        title: text.lines().next().unwrap_or("").trim().to_string(),
        ..Article::default()
    }
}
