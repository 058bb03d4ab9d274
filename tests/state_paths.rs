//! The XDG base directories decide where state and configuration live.
//! One test in this binary: it changes the process environment.

use dateline::paths::{config_dir, data_dir};
use dateline::state::Store;
use std::path::PathBuf;

#[test]
fn xdg_variables_choose_the_folders_and_relative_values_are_ignored() {
    // SAFETY: the only test in this binary, so no other thread reads the environment.
    unsafe {
        std::env::set_var("XDG_DATA_HOME", "/tmp/xdg-data");
        std::env::set_var("XDG_CONFIG_HOME", "/tmp/xdg-config");
    }
    assert_eq!(data_dir(), Some(PathBuf::from("/tmp/xdg-data/dateline")));
    assert_eq!(
        Store::default_path(),
        Some(PathBuf::from("/tmp/xdg-data/dateline/state.json"))
    );
    assert_eq!(
        config_dir(),
        Some(PathBuf::from("/tmp/xdg-config/dateline"))
    );

    unsafe {
        std::env::set_var("XDG_DATA_HOME", "relative/data");
        std::env::remove_var("XDG_CONFIG_HOME");
        std::env::set_var("HOME", "/home/reader");
    }
    if cfg!(target_os = "linux") {
        assert_eq!(
            data_dir(),
            Some(PathBuf::from("/home/reader/.local/share/dateline"))
        );
        assert_eq!(
            config_dir(),
            Some(PathBuf::from("/home/reader/.config/dateline"))
        );
    }
}
