//! `dateline entities` and `dateline mentions` run as a user would, on
//! articles written into a temporary folder (and on ../shared when present).

use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output};

const ARTICLES: [(&str, &str); 6] = [
    (
        "a.txt",
        " date 2025-07-01 Wang Huning visits Aksu\n\nAKSU, Xinjiang, June 30 (Xinhua) -- Chinese top \
         political advisor Wang Huning visited Aksu on Monday. Wang met local officials \x1b]0;pwned\x07there.\n",
    ),
    (
        "b.txt",
        " date 2025-07-05 Advisor calls for unity\n\nBEIJING, July 5 (Xinhua) -- Wang Huning, chairman of \
         the National Committee of the Chinese People's Political Consultative Conference, called for \
         unity on Saturday.\n\nWang said the effort would continue.\n",
    ),
    (
        "c.txt",
        " date 2025-07-09 Former chancellor speaks in Chicago\n\nCHICAGO, July 8 (Xinhua) -- Former German \
         Chancellor Angela Merkel spoke in Chicago on Tuesday. Merkel said the economy was strong.\n",
    ),
    (
        "d.txt",
        " date 2025-07-12 Merkel visits Berlin\n\nBERLIN, July 11 (Xinhua) -- Merkel arrived in Berlin on \
         Friday, officials said.\n\nMerkel said she would meet students.\n",
    ),
    (
        "e.txt",
        " date 2025-07-14 Foreign minister meets envoy\n\nBEIJING, July 14 (Xinhua) -- Chinese Foreign \
         Minister Wang Yi met an envoy on Monday. Wang Yi said ties were growing.\n",
    ),
    (
        "f.txt",
        " date 2025-07-15 Talks continue\n\nBEIJING, July 15 (Xinhua) -- Talks continued on Tuesday, \
         and Wang said progress had been made.\n",
    ),
];

fn fixture() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, text) in ARTICLES {
        std::fs::write(dir.path().join(name), text).expect("write fixture");
    }
    dir
}

fn dateline(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(args)
        .arg(dir)
        .output()
        .expect("run dateline")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("UTF-8 output")
}

fn json_lines(o: &Output) -> Vec<Value> {
    stdout(o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

#[test]
fn entities_lists_merged_people_most_articles_first() {
    let dir = fixture();
    let out = dateline(&["entities", "--kind", "person"], dir.path());
    assert!(out.status.success(), "{out:?}");
    let text = stdout(&out);
    let rows: Vec<Vec<&str>> = text
        .lines()
        .map(|l| l.split_whitespace().collect())
        .collect();
    assert!(rows.iter().all(|r| r[4] == "person"), "{text}");
    let counts: Vec<usize> = rows.iter().map(|r| r[0].parse().unwrap()).collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]), "{text}");
    // `Merkel` alone in d.txt is the only Merkel of the collection: merged.
    let merkel = text
        .lines()
        .find(|l| l.ends_with("Angela Merkel"))
        .expect(&text);
    assert_eq!(
        merkel.split_whitespace().take(5).collect::<Vec<_>>(),
        ["2", "5", "2025-07-09", "2025-07-12", "person"]
    );
    // `Wang` alone in f.txt could be Wang Huning or Wang Yi: kept apart.
    let wang = text
        .lines()
        .find(|l| l.ends_with("Wang Huning"))
        .expect(&text);
    assert!(
        wang.starts_with("     2       5  2025-07-01  2025-07-05"),
        "{wang}"
    );
    assert!(text.lines().any(|l| l.ends_with("  Wang")), "{text}");
    assert!(!text.contains('\x1b'), "no colour into a pipe");
}

#[test]
fn entities_json_lines_parse_and_name_the_candidates() {
    let dir = fixture();
    let out = dateline(&["entities", "--json"], dir.path());
    assert!(out.status.success(), "{out:?}");
    let rows = json_lines(&out);
    let kinds: Vec<&str> = rows.iter().map(|r| r["kind"].as_str().unwrap()).collect();
    assert!(
        kinds.contains(&"place") && kinds.contains(&"organization"),
        "{kinds:?}"
    );
    let wang = rows.iter().find(|r| r["name"] == "Wang").expect("Wang");
    let mut candidates: Vec<&str> = wang["candidates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap())
        .collect();
    candidates.sort();
    assert_eq!(candidates, ["Wang Huning", "Wang Yi"]);
    let merkel = rows.iter().find(|r| r["name"] == "Angela Merkel").unwrap();
    assert_eq!(merkel["first_date"], "2025-07-09");
    assert_eq!(merkel["aliases"], serde_json::json!(["Merkel"]));
}

#[test]
fn mentions_prints_every_mention_grep_style() {
    let dir = fixture();
    let out = dateline(&["mentions", "merkel", "--context", "12"], dir.path());
    assert!(out.status.success(), "{out:?}");
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 5, "{text}");
    let c = dir.path().join("c.txt").display().to_string();
    let d = dir.path().join("d.txt").display().to_string();
    // Oldest first; the title is `title`; 12 characters either side.
    assert_eq!(
        lines[0],
        format!("{c}:0:53:  Chancellor [Angela Merkel] spoke in Ch")
    );
    assert_eq!(
        lines[1],
        format!("{c}:0:96: on Tuesday. [Merkel] said the ec")
    );
    assert_eq!(lines[2], format!("{d}:title:0: [Merkel] visits Berl"));
    assert_eq!(
        lines[3],
        format!("{d}:0:28: (Xinhua) -- [Merkel] arrived in ")
    );
    assert_eq!(lines[4], format!("{d}:1:0: [Merkel] said she wo"));
}

#[test]
fn mentions_json_parses_and_points_at_the_mention() {
    let dir = fixture();
    let out = dateline(&["mentions", "WANG HUNING", "--json"], dir.path());
    assert!(out.status.success(), "{out:?}");
    let rows = json_lines(&out);
    assert_eq!(rows.len(), 5);
    for r in &rows {
        let file = std::fs::read_to_string(r["path"].as_str().unwrap()).unwrap();
        let said = r["mention"].as_str().unwrap();
        assert!(["Wang Huning", "Wang"].contains(&said), "{r}");
        assert_eq!(
            r["end"].as_u64().unwrap() - r["start"].as_u64().unwrap(),
            said.len() as u64
        );
        assert!(
            file.contains(&format!("{}{said}", r["left"].as_str().unwrap())),
            "{r}"
        );
        assert_eq!(r["name"], "Wang Huning");
        assert_eq!(r["kind"], "person");
    }
}

#[test]
fn kind_chooses_among_entities_of_one_name() {
    let dir = fixture();
    let out = dateline(&["mentions", "wang huning", "--kind", "person"], dir.path());
    assert!(out.status.success(), "{out:?}");
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 5);
    let out = dateline(&["mentions", "wang huning", "--kind", "place"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("no entity named \"wang huning\" (place)"),
        "{err}"
    );
}

#[test]
fn article_text_never_sends_escape_sequences() {
    let dir = fixture();
    for args in [&["mentions", "wang huning"][..], &["entities"]] {
        let out = dateline(args, dir.path());
        assert!(out.status.success(), "{out:?}");
        assert!(
            !out.stdout.contains(&0x1b) && !out.stdout.contains(&0x07),
            "{args:?}"
        );
    }
}

#[test]
fn unknown_name_is_a_clear_error() {
    let dir = fixture();
    let out = dateline(&["mentions", "Nobody Atall"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("no entity named \"Nobody Atall\""), "{err}");
}

#[test]
fn ambiguous_short_name_is_noted_with_its_candidates() {
    let dir = fixture();
    let out = dateline(&["mentions", "wang"], dir.path());
    assert!(out.status.success(), "{out:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("Wang Huning") && err.contains("Wang Yi"),
        "{err}"
    );
    let f = dir.path().join("f.txt").display().to_string();
    assert_eq!(stdout(&out).lines().count(), 1);
    assert!(stdout(&out).starts_with(&format!("{f}:0:")));
}

#[test]
fn bad_input_is_reported_and_good_input_still_listed() {
    let dir = fixture();
    let missing = dir.path().join("missing.txt");
    let out = Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(["entities", "--kind", "org"])
        .arg(dir.path().join("a.txt"))
        .arg(&missing)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(&missing.display().to_string()), "{err}");
    assert!(stdout(&out).contains("Xinhua"));
    let bad_kind = dateline(&["entities", "--kind", "animal"], dir.path());
    assert_eq!(bad_kind.status.code(), Some(2));
}

#[test]
fn seed_wang_huning_mentions_match_the_export() {
    let seed = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus/seed");
    if !Path::new(seed).exists() {
        eprintln!("skipping: {seed} is absent");
        return;
    }
    let seed = Path::new(seed);
    let out = dateline(&["mentions", "Wang Huning", "--json"], seed);
    assert!(out.status.success(), "{out:?}");
    let rows = json_lines(&out);
    let export = json_lines(&dateline(&["export", "--jsonl"], seed));
    let expected: usize = export
        .iter()
        .flat_map(|a| a["entities"].as_array().unwrap())
        .filter(|e| e["name"] == "Wang Huning")
        .map(|e| e["mentions"].as_array().unwrap().len())
        .sum();
    assert!(expected >= 2, "the seed mentions Wang Huning several times");
    assert_eq!(rows.len(), expected);
    let text = dateline(&["mentions", "Wang Huning"], seed);
    assert_eq!(stdout(&text).lines().count(), expected);
    assert!(stdout(&text).lines().all(|l| l.contains("[Wang")));
}
