//! Loading folders and files: what is found, in what order, and how each
//! kind of bad input is reported.

mod support;

use dateline::corpus::{Diagnostic, MAX_FILE_BYTES, Severity, discover, load, read_source};
use std::path::Path;

const ARTICLE: &str = " date 2025-07-10 Title\n\nBEIJING, July 9 (Xinhua) -- Text.\n";

fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let path = dir.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, bytes).unwrap();
    path.display().to_string()
}

fn shown(diagnostics: &[Diagnostic]) -> Vec<String> {
    diagnostics.iter().map(ToString::to_string).collect()
}

#[test]
fn folders_yield_article_files_sorted_skipping_hidden_ones() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let b = write(d, "b.txt", ARTICLE.as_bytes());
    let a = write(d, "a.json", br#"{"title": "T", "text": "x"}"#);
    let sub = write(d, "sub/c.jsonl", br#"{"title": "T", "text": "x"}"#);
    let upper = write(d, "sub/D.TXT", ARTICLE.as_bytes());
    write(d, ".hidden.txt", ARTICLE.as_bytes());
    write(d, ".git/x.txt", ARTICLE.as_bytes());
    write(d, "notes.md", ARTICLE.as_bytes());
    write(d, "image.png", b"\x89PNG");
    let (sources, problems) = discover(&[d.to_str().unwrap()]);
    assert!(problems.is_empty(), "{problems:?}");
    let found: Vec<&str> = sources.iter().map(|s| s.display.as_str()).collect();
    assert_eq!(
        found,
        [a.as_str(), b.as_str(), upper.as_str(), sub.as_str()]
    );
}

#[cfg(unix)]
#[test]
fn symbolic_link_loops_do_not_hang() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let a = write(d, "a/x.txt", ARTICLE.as_bytes());
    std::os::unix::fs::symlink(d.join("a"), d.join("a/again")).unwrap();
    std::os::unix::fs::symlink(d, d.join("a/root")).unwrap();
    let (corpus, diagnostics) = load(&[d.to_str().unwrap()]);
    assert_eq!(corpus.articles.len(), 1);
    assert_eq!(corpus.articles[0].path(), a);
    assert!(!diagnostics.is_empty());
    assert!(
        diagnostics.iter().all(|d| d.severity == Severity::Warning),
        "{diagnostics:?}"
    );
}

#[test]
fn an_explicit_file_of_any_name_is_read_by_its_content() {
    let dir = tempfile::tempdir().unwrap();
    let text = write(dir.path(), "story", ARTICLE.as_bytes());
    let json = write(
        dir.path(),
        "records.dat",
        br#"[{"title": "J", "text": "x"}]"#,
    );
    let (corpus, diagnostics) = load(&[text.as_str(), json.as_str()]);
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    let titles: Vec<_> = corpus.articles.iter().map(|a| a.title()).collect();
    assert_eq!(titles, ["Title", "J"]);
}

#[test]
fn files_over_the_limit_are_refused_without_reading_them() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.txt");
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(MAX_FILE_BYTES + 1).unwrap(); // sparse: costs no disk
    let (corpus, diagnostics) = load(&[path.to_str().unwrap()]);
    assert!(corpus.articles.is_empty());
    assert_eq!(
        shown(&diagnostics),
        [format!(
            "dateline: {}: larger than the 64 MiB limit ({} bytes)",
            path.display(),
            MAX_FILE_BYTES + 1
        )]
    );
}

#[cfg(unix)]
#[test]
fn unreadable_files_are_reported() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "secret.txt", ARTICLE.as_bytes());
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(&path).is_ok() {
        eprintln!("skipped: running with permission to read anything");
        return;
    }
    let (sources, _) = discover(&[path.as_str()]);
    let (articles, diagnostics) = read_source(&sources[0]);
    assert!(articles.is_empty());
    assert_eq!(
        shown(&diagnostics),
        [format!("dateline: {path}: cannot read: permission denied")]
    );
}

#[test]
fn malformed_json_names_line_and_column_and_keeps_good_lines() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "feed.jsonl",
        b"{\"title\": \"One\", \"text\": \"a\"}\n{\"title\": \"Two\" \"text\": \"b\"}\n{\"title\": \"Three\", \"text\": \"c\"}\n{}\n",
    );
    let (corpus, diagnostics) = load(&[path.as_str()]);
    let titles: Vec<_> = corpus.articles.iter().map(|a| a.title()).collect();
    assert_eq!(titles, ["One", "Three"]);
    let shown = shown(&diagnostics);
    assert_eq!(shown.len(), 2, "{shown:?}");
    assert!(
        shown[0].starts_with(&format!(
            "dateline: {path}: malformed JSON at line 2 column "
        )),
        "{shown:?}"
    );
    assert_eq!(
        shown[1],
        format!("dateline: {path}#3: record has neither title nor text")
    );
}

#[test]
fn load_matches_discover_then_read_source() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..20 {
        write(
            dir.path(),
            &format!("{i:02}.txt"),
            ARTICLE.replace("Title", &format!("T{i}")).as_bytes(),
        );
    }
    write(dir.path(), "05b.txt", b"");
    let paths = [dir.path().to_str().unwrap()];
    let (corpus, diagnostics) = load(&paths);
    let (sources, _) = discover(&paths);
    let (mut articles, mut diags) = (Vec::new(), Vec::new());
    for s in &sources {
        let (a, d) = read_source(s);
        articles.extend(a);
        diags.extend(d);
    }
    assert_eq!(support::whole(&corpus), articles);
    assert_eq!(diagnostics, diags);
    assert_eq!(corpus.articles[5].title(), "T5");
    assert_eq!(corpus.articles[6].title(), "T6");
}
