//! Scores entity extraction on the annotated Wikinews articles in ../shared with
//! ../shared/tools/score_entities.py and fails when the figures drop.
//! Skips (with a message) when ../shared or python3 is missing.
//!
//! `cargo test --release --test entity_gold -- --nocapture` prints the scorer's table;
//! with `DATELINE_EXPORT=path` the export is also kept there.

use dateline::article::Article;
use dateline::article::parse::parse_text;
use dateline::entity::extract;
use serde_json::{Value, json};
use std::path::Path;
use std::process::Command;

const SHARED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared");

/// Lowest figures accepted: the achieved level rounded down a little, and never
/// below the targets (person 0.90, organization 0.70, place 0.80, jump 0.97).
const FLOORS: &[(&str, f64)] = &[
    ("person mention F1", 0.92),
    ("organization mention F1", 0.70),
    ("place mention F1", 0.86),
    ("person jump completeness", 0.97),
];

fn record(a: &Article) -> Value {
    let blocks: Vec<Value> = a
        .blocks
        .iter()
        .map(|b| {
            json!({
                "kind": if b.credit.is_some() { "caption" } else { "body" },
                "text": b.text,
                "credit": b.credit.as_ref().map(|c| c.text.clone()),
            })
        })
        .collect();
    let entities: Vec<Value> = extract(a)
        .iter()
        .map(|e| {
            json!({
                "name": e.name,
                "kind": e.kind.as_str(),
                "mentions": e.mentions.iter().map(|m| json!({"block": m.block, "start": m.start, "end": m.end})).collect::<Vec<_>>(),
            })
        })
        .collect();
    json!({"path": a.path, "title": a.title, "date": a.date.map(|d| d.to_string()), "blocks": blocks, "entities": entities})
}

fn figure(res: &Value, name: &str) -> f64 {
    let v = match name {
        "person jump completeness" => &res["person_jump_completeness"]["matched"],
        _ => {
            let kind = name.split(' ').next().unwrap_or("");
            &res["kinds"][kind]["mentions"]["f1"]
        }
    };
    v.as_f64().unwrap_or(0.0)
}

#[test]
fn gold_wikinews_figures_do_not_drop() {
    let gold = Path::new(SHARED).join("corpus/wikinews/gold");
    let txt = Path::new(SHARED).join("corpus/wikinews");
    let scorer = Path::new(SHARED).join("tools/score_entities.py");
    if !gold.is_dir() || !scorer.is_file() {
        eprintln!("skipped: {} is not there", gold.display());
        return;
    }
    if Command::new("python3").arg("--version").output().is_err() {
        eprintln!("skipped: no python3");
        return;
    }
    let mut lines = String::new();
    let mut names: Vec<_> = std::fs::read_dir(&gold)
        .expect("gold dir readable")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    names.sort();
    for g in names {
        let stem = g.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
        let path = txt.join(format!("{stem}.txt"));
        let text = std::fs::read_to_string(&path).expect("gold article readable");
        let a = parse_text(&path.to_string_lossy(), &text);
        lines.push_str(&record(&a).to_string());
        lines.push('\n');
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let out = match std::env::var("DATELINE_EXPORT") {
        Ok(p) => p.into(),
        Err(_) => dir.path().join("export.jsonl"),
    };
    std::fs::write(&out, lines).expect("export written");
    let run = Command::new("python3")
        .arg(&scorer)
        .arg(&gold)
        .arg(&txt)
        .arg(&out)
        .arg("--json")
        .output()
        .expect("scorer runs");
    eprintln!("{}", String::from_utf8_lossy(&run.stderr));
    assert!(run.status.success(), "scorer failed");
    let res: Value = serde_json::from_slice(&run.stdout).expect("scorer JSON");
    let mut failed = Vec::new();
    for &(name, floor) in FLOORS {
        let got = figure(&res, name);
        if got < floor {
            failed.push(format!("{name} {got:.3} < {floor:.3}"));
        }
    }
    assert!(failed.is_empty(), "figures dropped: {}", failed.join("; "));
}
