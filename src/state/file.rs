//! The state file on disk: an advisory lock, crash-safe replacement, and
//! moving an unreadable file aside.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

/// An exclusive advisory lock on `<dir>/state.lock`, held until dropped.
///
/// The lock file is separate from the state file because the state file is
/// replaced by a rename on every save. The operating system releases the lock
/// when the process dies, even by `kill -9`.
#[derive(Debug)]
pub(super) struct Lock {
    _held: File,
}

impl Lock {
    /// Waits for and takes the lock of the state files in `dir`.
    pub(super) fn acquire(dir: &Path) -> io::Result<Lock> {
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(dir.join("state.lock"))?;
        // fs4 rather than `File::lock`, which needs Rust 1.89.
        fs4::FileExt::lock(&file)?;
        Ok(Lock { _held: file })
    }
}

/// Replaces `path` with `bytes` so that, whenever the process is killed, the
/// file holds either its old or its new content in full: write a temporary
/// file in the same folder, sync it, rename it over `path`, sync the folder.
///
/// Callers hold the [`Lock`], so the single temporary name cannot clash; a
/// temporary file left by a killed writer is simply overwritten.
pub(super) fn replace(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = folder_of(path);
    let tmp = path.with_extension("json.tmp");
    let mut file = File::create(&tmp)?;
    file.write_all(bytes)?;
    file.sync_all()?;
    drop(file);
    fs::rename(&tmp, path)?;
    File::open(dir)?.sync_all()
}

/// Moves the unreadable file at `path` to `<path>.corrupt-<unix time>` (with a
/// further `-N` when that name is taken) and returns the new path.
pub(super) fn move_aside(path: &Path) -> io::Result<PathBuf> {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let base = format!("{}.corrupt-{secs}", path.display());
    let mut target = PathBuf::from(&base);
    let mut n = 1;
    while target.exists() {
        target = PathBuf::from(format!("{base}-{n}"));
        n += 1;
    }
    fs::rename(path, &target)?;
    Ok(target)
}

/// The folder holding `path` (`.` for a bare file name).
pub(super) fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// Reads `path`, `None` when it does not exist.
pub(super) fn read_if_exists(path: &Path) -> io::Result<Option<Vec<u8>>> {
    match fs::read(path) {
        Ok(bytes) => Ok(Some(bytes)),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e),
    }
}
