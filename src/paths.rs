//! Where dateline keeps its files: the XDG base directories, with the
//! platform's defaults when the variables are unset.

use std::path::PathBuf;

/// `$XDG_DATA_HOME/dateline` (default: `~/.local/share/dateline` on Linux).
pub fn data_dir() -> Option<PathBuf> {
    xdg_home("XDG_DATA_HOME")
        .or_else(dirs::data_dir)
        .map(|d| d.join("dateline"))
}

/// `$XDG_CONFIG_HOME/dateline` (default: `~/.config/dateline` on Linux).
pub fn config_dir() -> Option<PathBuf> {
    xdg_home("XDG_CONFIG_HOME")
        .or_else(dirs::config_dir)
        .map(|d| d.join("dateline"))
}

/// `$XDG_CACHE_HOME/dateline` (default: `~/.cache/dateline` on Linux).
pub fn cache_dir() -> Option<PathBuf> {
    xdg_home("XDG_CACHE_HOME")
        .or_else(dirs::cache_dir)
        .map(|d| d.join("dateline"))
}

/// The value of `var` when it is an absolute path (the XDG rule: relative values are ignored).
fn xdg_home(var: &str) -> Option<PathBuf> {
    std::env::var_os(var)
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
}
