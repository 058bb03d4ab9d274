//! The state file: round trip, recovery from a corrupt file, several writers.

use dateline::state::{ArticleKey, Marks, Place, Store, collection_key};
use std::fs;

fn key(path: &str, hash: u64) -> ArticleKey {
    ArticleKey {
        path: path.to_string(),
        hash,
    }
}

#[test]
fn state_survives_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sub/state.json");
    let mut store = Store::open(&path).unwrap();
    assert!(!store.is_dirty());
    store.set_read(&key("/n/a.txt", 1), true);
    store.set_bookmarked(&key("/n/b.txt", 2), true);
    let place = Place {
        article: Some(key("/n/b.txt", 2)),
        scroll: 42,
        at: None,
        entity: Some("Wang Huning".to_string()),
    };
    store.set_place("/n", place.clone());
    assert!(store.is_dirty());
    store.save().unwrap();
    assert!(!store.is_dirty());

    let again = Store::open(&path).unwrap();
    assert_eq!(
        again.marks(&key("/n/a.txt", 1)),
        Marks {
            read: true,
            bookmarked: false
        }
    );
    assert_eq!(
        again.marks(&key("/n/b.txt", 2)),
        Marks {
            read: false,
            bookmarked: true
        }
    );
    // Same path, other content: a different article, no marks.
    assert_eq!(again.marks(&key("/n/a.txt", 3)), Marks::default());
    assert_eq!(again.place("/n"), Some(&place));
    assert_eq!(again.place("/elsewhere"), None);
    assert!(again.moved_aside().is_empty());

    // Human-readable: pretty JSON with the key's path@hash form.
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.contains("\"/n/a.txt@0000000000000001\""), "{text}");
    assert!(text.contains("\"scroll\": 42"), "{text}");
}

#[test]
fn clearing_marks_removes_the_entry() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.json");
    let mut store = Store::open(&path).unwrap();
    let a = key("/a", 1);
    store.set_read(&a, true);
    store.save().unwrap();
    store.set_read(&a, false);
    store.save().unwrap();
    assert!(!fs::read_to_string(&path).unwrap().contains("/a@"));
    assert_eq!(Store::open(&path).unwrap().marks(&a), Marks::default());
}

#[test]
fn a_corrupt_file_is_moved_aside_and_the_state_starts_fresh() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.json");
    fs::write(&path, "{\"version\": 1, \"articles\": {\"trunc").unwrap();
    let mut store = Store::open(&path).unwrap();
    assert_eq!(store.moved_aside().len(), 1);
    let aside = store.moved_aside()[0].clone();
    let name = aside.file_name().unwrap().to_str().unwrap();
    assert!(name.starts_with("state.json.corrupt-"), "{name}");
    assert_eq!(
        fs::read_to_string(&aside).unwrap(),
        "{\"version\": 1, \"articles\": {\"trunc"
    );
    assert!(!path.exists());
    assert_eq!(store.marks(&key("/a", 1)), Marks::default());

    store.set_bookmarked(&key("/a", 1), true);
    store.save().unwrap();
    assert!(Store::open(&path).unwrap().marks(&key("/a", 1)).bookmarked);

    // A second corrupt file in the same second gets its own name.
    fs::write(&path, "not json").unwrap();
    let again = Store::open(&path).unwrap();
    assert_eq!(again.moved_aside().len(), 1);
    assert_ne!(again.moved_aside()[0], aside);
    assert!(aside.exists());
}

#[test]
fn a_file_of_the_wrong_shape_is_moved_aside_too() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.json");
    fs::write(
        &path,
        r#"{"version": 1, "articles": {"no hash here": {"read": true}}}"#,
    )
    .unwrap();
    let store = Store::open(&path).unwrap();
    assert_eq!(store.moved_aside().len(), 1);
}

#[test]
fn two_writers_keep_each_others_fields() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.json");
    let mut first = Store::open(&path).unwrap();
    let mut second = Store::open(&path).unwrap();

    first.set_read(&key("/a", 1), true);
    first.set_place(
        "/c",
        Place {
            article: Some(key("/a", 1)),
            scroll: 5,
            at: None,
            entity: None,
        },
    );
    second.set_bookmarked(&key("/a", 1), true);
    second.set_read(&key("/b", 2), true);
    second.set_place(
        "/c",
        Place {
            article: None,
            scroll: 0,
            at: None,
            entity: Some("Xinhua".into()),
        },
    );
    first.save().unwrap();
    second.save().unwrap();

    let merged = Store::open(&path).unwrap();
    assert_eq!(
        merged.marks(&key("/a", 1)),
        Marks {
            read: true,
            bookmarked: true
        }
    );
    assert!(merged.marks(&key("/b", 2)).read);
    // Position from the first, entity from the second: fields merge independently.
    assert_eq!(
        merged.place("/c"),
        Some(&Place {
            article: Some(key("/a", 1)),
            scroll: 5,
            at: None,
            entity: Some("Xinhua".into())
        })
    );
    // After saving, the second writer sees the first one's changes.
    assert!(second.marks(&key("/a", 1)).read);
}

#[test]
fn on_the_same_field_the_last_writer_wins() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.json");
    let mut first = Store::open(&path).unwrap();
    let mut second = Store::open(&path).unwrap();
    let at = |scroll| Place {
        article: Some(key("/a", 1)),
        scroll,
        at: None,
        entity: None,
    };
    first.set_place("/c", at(10));
    second.set_place("/c", at(20));
    second.save().unwrap();
    first.save().unwrap();
    assert_eq!(Store::open(&path).unwrap().place("/c").unwrap().scroll, 10);
    // An unchanged field is not written back: the second's unread of /a survives
    // the first's later save of something else.
    first.set_read(&key("/a", 1), true);
    first.save().unwrap();
    second.set_bookmarked(&key("/y", 8), true);
    second.save().unwrap();
    assert!(
        second.marks(&key("/a", 1)).read,
        "a save picks up the other's changes"
    );
    second.set_read(&key("/a", 1), false);
    second.save().unwrap();
    first.set_bookmarked(&key("/z", 9), true);
    first.save().unwrap();
    assert!(!Store::open(&path).unwrap().marks(&key("/a", 1)).read);
}

#[test]
fn collection_keys_do_not_depend_on_order_or_spelling() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a");
    let b = dir.path().join("b");
    fs::create_dir(&a).unwrap();
    fs::create_dir(&b).unwrap();
    let s = |p: &std::path::Path| p.display().to_string();
    let dotted = format!("{}/../a", s(&b));
    assert_eq!(
        collection_key(&[s(&a), s(&b)]),
        collection_key(&[s(&b), dotted])
    );
    assert_ne!(collection_key(&[s(&a)]), collection_key(&[s(&b)]));
    assert_eq!(collection_key(&[]), "(bundled)");
    assert_eq!(collection_key(&["-".to_string()]), "-");
}

#[test]
fn article_keys_use_absolute_paths() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("x.json");
    fs::write(&file, "[]").unwrap();
    let article = |path: String| dateline::article::Article {
        path,
        ..Default::default()
    };
    let direct = ArticleKey::of(&article(file.display().to_string()));
    let roundabout = ArticleKey::of(&article(format!("{}/./x.json", dir.path().display())));
    assert_eq!(direct, roundabout);
    // A JSON record keeps its #N after the resolved file name.
    let record = ArticleKey::of(&article(format!("{}/./x.json#2", dir.path().display())));
    assert_eq!(record.path, format!("{}#2", direct.path));
}
