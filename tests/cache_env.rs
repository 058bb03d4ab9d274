//! Where the entity cache is kept, and `DATELINE_NO_CACHE`. Alone in its
//! test binary: it sets environment variables, which are process-wide.

use dateline::corpus::cache::collection_file;

#[test]
fn the_cache_lives_under_xdg_cache_home_unless_turned_off() {
    let home = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let input = [dir.path().to_str().unwrap()];
    // SAFETY: no other thread runs in this test binary meanwhile.
    unsafe {
        std::env::set_var("XDG_CACHE_HOME", home.path());
        std::env::remove_var("DATELINE_NO_CACHE");
    }
    let file = collection_file(&input).unwrap();
    assert_eq!(file.parent(), Some(home.path().join("dateline").as_path()));
    // The same folder named another way has the same cache.
    let again = [format!("{}/.", input[0])];
    assert_eq!(collection_file(&again), Some(file));
    // Standard input alone has none.
    assert_eq!(collection_file(&["-"]), None);
    unsafe { std::env::set_var("DATELINE_NO_CACHE", "1") };
    assert_eq!(collection_file(&input), None);
}
