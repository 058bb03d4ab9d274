//! `dateline export --jsonl`: the binary on real files, stdin, bad inputs,
//! exit statuses and a closed pipe.

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Output, Stdio};

const GOOD: &str = " date 2025-07-10 A good article\n\nA caption. (Xinhua/Pang Xinglei)\n\nBEIJING, July 9 (Xinhua) -- The text.\n";

fn dateline() -> Command {
    Command::new(env!("CARGO_BIN_EXE_dateline"))
}

fn export(args: &[&str]) -> Output {
    dateline()
        .arg("export")
        .arg("--jsonl")
        .args(args)
        .output()
        .unwrap()
}

fn lines(bytes: &[u8]) -> Vec<String> {
    String::from_utf8(bytes.to_vec())
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect()
}

fn paths_out(out: &Output) -> Vec<String> {
    lines(&out.stdout)
        .iter()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["path"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect()
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path.display().to_string()
}

#[test]
fn bad_files_are_reported_and_the_rest_exported() {
    let dir = tempfile::tempdir().unwrap();
    let empty = write(dir.path(), "a_empty.txt", b"");
    let binary = write(
        dir.path(),
        "b_binary.txt",
        b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0",
    );
    let good = write(dir.path(), "c_good.txt", GOOD.as_bytes());
    let mut mostly = GOOD.replace("A good", "A mostly good").into_bytes();
    mostly.extend_from_slice(b"\nCaf\xe9 au lait, na\xefve \xfcber.\n");
    let mostly_path = write(dir.path(), "d_latin1.txt", &mostly);

    let out = export(&[dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(paths_out(&out), [good.clone(), mostly_path.clone()]);
    let err = lines(&out.stderr);
    assert_eq!(err.len(), 3, "{err:?}");
    assert_eq!(
        err.iter()
            .filter(|l| l.starts_with(&format!("dateline: {empty}: ")))
            .count(),
        1
    );
    assert_eq!(
        err.iter()
            .filter(|l| l.starts_with(&format!("dateline: {binary}: ")))
            .count(),
        1
    );
    let warn: Vec<_> = err
        .iter()
        .filter(|l| l.starts_with(&format!("dateline: {mostly_path}: warning: ")))
        .collect();
    assert_eq!(warn.len(), 1, "{err:?}");
    // The replaced bytes show as U+FFFD in the exported text.
    let second: serde_json::Value = serde_json::from_str(&lines(&out.stdout)[1]).unwrap();
    assert!(
        second["blocks"][2]["text"]
            .as_str()
            .unwrap()
            .contains("Caf\u{FFFD} au lait")
    );
}

#[test]
fn good_input_exits_zero_with_the_contract_fields() {
    let dir = tempfile::tempdir().unwrap();
    let good = write(dir.path(), "good.txt", GOOD.as_bytes());
    let out = export(&[&good]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stderr.is_empty());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["path"], good.as_str());
    assert_eq!(v["date"], "2025-07-10");
    assert_eq!(
        v["dateline"],
        serde_json::json!({"place": "BEIJING", "date": "July 9", "agency": "Xinhua"})
    );
    assert_eq!(v["blocks"][0]["credit"], "Xinhua/Pang Xinglei");
    assert_eq!(v["blocks"][1]["credit"], serde_json::Value::Null);
    assert!(v["entities"].is_array());
}

#[test]
fn output_follows_the_order_of_the_arguments() {
    let dir = tempfile::tempdir().unwrap();
    let names = ["z.txt", "a.txt", "m.txt"];
    let paths: Vec<String> = names
        .iter()
        .map(|n| write(dir.path(), n, GOOD.as_bytes()))
        .collect();
    let args: Vec<&str> = paths.iter().map(String::as_str).collect();
    assert_eq!(paths_out(&export(&args)), paths);
}

#[test]
fn folders_are_read_in_path_order_many_files_in_parallel() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    let mut expected = Vec::new();
    for i in (0..300).rev() {
        let name = if i % 3 == 0 {
            format!("sub/{i:04}.txt")
        } else {
            format!("{i:04}.txt")
        };
        let text = GOOD.replace("A good article", &format!("Article {i}"));
        expected.push(write(dir.path(), &name, text.as_bytes()));
    }
    expected.sort();
    let out = export(&[dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(paths_out(&out), expected);
}

#[test]
fn standard_input_as_text_and_as_json() {
    for (input, title) in [
        (GOOD.to_string(), "A good article"),
        (
            r#"{"title": "From JSON", "text": "Body."}"#.to_string(),
            "From JSON",
        ),
    ] {
        let mut child = dateline()
            .args(["export", "--jsonl", "-"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all(input.as_bytes())
            .unwrap();
        let out = child.wait_with_output().unwrap();
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(v["title"], title);
    }
}

#[test]
fn missing_path_is_an_error_but_others_still_export() {
    let dir = tempfile::tempdir().unwrap();
    let good = write(dir.path(), "good.txt", GOOD.as_bytes());
    let missing = dir.path().join("nope.txt").display().to_string();
    let out = export(&[&missing, &good]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(paths_out(&out), [good]);
    assert_eq!(
        lines(&out.stderr),
        [format!("dateline: {missing}: no such file or directory")]
    );
}

#[test]
fn usage_error_exits_two() {
    let out = dateline().args(["export", "--jsonl"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_closed_pipe_ends_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let big = GOOD.replace("The text.", &"Long text. ".repeat(200));
    for i in 0..200 {
        write(dir.path(), &format!("{i:03}.txt"), big.as_bytes());
    }
    let mut child = dateline()
        .args(["export", "--jsonl", dir.path().to_str().unwrap()])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    // stdout is dropped here: the reader is gone, like `| head -1`.
    let out = child.wait_with_output().unwrap();
    assert!(first.starts_with('{'));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("panicked"), "{err}");
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn messages_about_the_input_send_no_control_characters_to_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    // A record whose block kind is an escape sequence (quoted in the parser's
    // message), and an empty file whose name holds one.
    let record = r#"{"title":"T","blocks":[{"kind":"\u001b]0;PWNED\u0007\u001b[2J","text":"x"}]}"#;
    let json = write(dir.path(), "esc.jsonl", format!("{record}\n").as_bytes());
    write(dir.path(), "b\u{1b}[2J.txt", b"");
    let good = write(dir.path(), "good.txt", GOOD.as_bytes());
    let out = export(&[&json, dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("PWNED") && stderr.contains("empty file"),
        "{stderr}"
    );
    assert!(
        !stderr.chars().any(|c| c.is_control() && c != '\n'),
        "{stderr:?}"
    );
    assert!(paths_out(&out).contains(&good));
}
