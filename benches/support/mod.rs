//! What the benchmarks over article files share: the generated set and the
//! text files of a folder.

use std::path::{Path, PathBuf};

/// The folder of the 2,000 generated articles (`python3
/// ../shared/bench/gen_corpus.py --n 2000 --seed 1 --out target/bench-corpus`),
/// generated on first use when the generator in ../shared is there.
pub fn generated_set() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = root.join("target/bench-corpus");
    let script = root.join("../shared/bench/gen_corpus.py");
    if dir.exists() || !script.exists() {
        return dir;
    }
    eprintln!("generating {} with {}", dir.display(), script.display());
    let status = std::process::Command::new("python3")
        .arg(&script)
        .args(["--n", "2000", "--seed", "1", "--out"])
        .arg(&dir)
        .status();
    if !status.as_ref().is_ok_and(|s| s.success()) {
        eprintln!("could not generate {}: {status:?}", dir.display());
    }
    dir
}

/// The `.txt` files under `dir` in sorted order, at most `limit`.
pub fn text_files(dir: &Path, limit: usize) -> Vec<PathBuf> {
    let mut out = Vec::new();
    walk(dir, limit, &mut out);
    out
}

fn walk(dir: &Path, limit: usize, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<_> = entries.filter_map(|e| e.ok()).map(|e| e.path()).collect();
    paths.sort();
    for p in paths {
        if out.len() >= limit {
            return;
        }
        if p.is_dir() {
            walk(&p, limit, out);
        } else if p.extension().is_some_and(|x| x == "txt") {
            out.push(p);
        }
    }
}
