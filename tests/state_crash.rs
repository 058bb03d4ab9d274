//! `kill -9` in the middle of a burst of saves never leaves a truncated or
//! unparsable state file, and never loses a save that had completed.
//!
//! The test runs its own binary again as a child (told by an environment
//! variable to save in a loop) and kills it with SIGKILL at random moments.

use dateline::state::{ArticleKey, Place, Store};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

/// Set in the child: the state file to hammer with saves.
const BURST_ENV: &str = "DATELINE_TEST_SAVE_BURST";
const TEST_NAME: &str = "kill_9_during_a_save_burst_never_breaks_the_state_file";
const COLLECTION: &str = "/burst";

fn key(i: usize) -> ArticleKey {
    ArticleKey {
        path: format!("/burst/article-{i:05}.txt"),
        hash: i as u64,
    }
}

/// The child's work: continue from the saved scroll value and save each
/// increment, with enough articles that every write takes many syscalls.
fn save_burst(path: &Path) {
    let mut store = Store::open(path).expect("child opens the state");
    let start = store.place(COLLECTION).map_or(0, |p| p.scroll);
    let deadline = Instant::now() + Duration::from_secs(20);
    let mut n = start;
    while Instant::now() < deadline {
        n += 1;
        for i in 0..40 {
            store.set_read(&key((n * 40 + i) % 3000), n & 1 == 0);
        }
        store.set_place(
            COLLECTION,
            Place {
                article: Some(key(n % 3000)),
                scroll: n,
                at: None,
                entity: Some(format!("Entity {n}")),
            },
        );
        store.save().expect("child saves");
    }
}

/// A small xorshift generator: kill times need only be varied, not good.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

#[test]
fn kill_9_during_a_save_burst_never_breaks_the_state_file() {
    if let Some(path) = std::env::var_os(BURST_ENV) {
        save_burst(Path::new(&path));
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.json");
    let seed = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_nanos() as u64
        | 1;
    println!("kill -9 loop, seed {seed}");
    let mut rng = Rng(seed);
    let exe = std::env::current_exe().unwrap();
    let mut last_scroll = 0;
    let mut rounds_with_progress = 0;
    for round in 0..40 {
        let mut child = Command::new(&exe)
            .args([TEST_NAME, "--exact", "--test-threads=1"])
            .env(BURST_ENV, &path)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(10 + rng.below(60)));
        child.kill().unwrap(); // SIGKILL
        let status = child.wait().unwrap();
        assert!(
            !status.success(),
            "round {round}: the child finished before it was killed"
        );

        if !path.exists() {
            continue; // killed before its first save completed
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let parsed: serde_json::Value = serde_json::from_str(&text).unwrap_or_else(|e| {
            panic!(
                "round {round}: state file unparsable ({e}), {} bytes",
                text.len()
            )
        });
        assert!(
            parsed.get("collections").is_some(),
            "round {round}: {text:.200}"
        );
        let store = Store::open(&path).unwrap();
        assert!(
            store.moved_aside().is_empty(),
            "round {round}: the file was moved aside"
        );
        let scroll = store.place(COLLECTION).map_or(0, |p| p.scroll);
        assert!(
            scroll >= last_scroll,
            "round {round}: saved progress went back from {last_scroll} to {scroll}"
        );
        if scroll > last_scroll {
            rounds_with_progress += 1;
        }
        last_scroll = scroll;
    }
    assert!(
        rounds_with_progress >= 10,
        "the children saved in only {rounds_with_progress} of 40 rounds"
    );
    println!("{rounds_with_progress} rounds saved, {last_scroll} saves in all");
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.contains("corrupt"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}
