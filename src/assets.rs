//! The sample articles of `assets/articles/`, embedded in the binary so that
//! `dateline` without a PATH works from any folder.

use include_dir::{Dir, include_dir};

static ARTICLES: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/assets/articles");

/// The bundled `.txt` articles as `(path, text)`, sorted by path.
/// Paths read `assets/articles/NAME.txt`.
pub fn articles() -> Vec<(String, &'static str)> {
    let mut files: Vec<_> = ARTICLES
        .files()
        .filter(|f| f.path().extension().is_some_and(|e| e == "txt"))
        .filter_map(|f| {
            let path = format!("assets/articles/{}", f.path().to_str()?);
            Some((path, f.contents_utf8()?))
        })
        .collect();
    files.sort();
    files
}
