//! `std::fs`, with the path in every error.
//!
//! `std::io::Error` says what went wrong ("No such file or directory")
//! but not where. Each wrapper here is the `std::fs` function of the same
//! name, failing with an [`Error`] that names the operation and the path
//! (the ripgrep way), so that no `?` in xtask loses them.

use crate::{Error, Result};
use std::path::{Path, PathBuf};

fn io<T>(op: &'static str, path: &Path, result: std::io::Result<T>) -> Result<T> {
    result.map_err(|source| Error::io(op, path, source))
}

pub fn read(path: impl AsRef<Path>) -> Result<Vec<u8>> {
    let path = path.as_ref();
    io("read", path, std::fs::read(path))
}

pub fn read_to_string(path: impl AsRef<Path>) -> Result<String> {
    let path = path.as_ref();
    io("read", path, std::fs::read_to_string(path))
}

/// A JSON file, parsed.
pub fn read_json<T: serde::de::DeserializeOwned>(path: impl AsRef<Path>) -> Result<T> {
    let path = path.as_ref();
    serde_json::from_str(&read_to_string(path)?).map_err(|e| Error::json(path, e))
}

pub fn write(path: impl AsRef<Path>, contents: impl AsRef<[u8]>) -> Result {
    let path = path.as_ref();
    io("write", path, std::fs::write(path, contents))
}

pub fn create_dir_all(path: impl AsRef<Path>) -> Result {
    let path = path.as_ref();
    io("create the folder", path, std::fs::create_dir_all(path))
}

/// Writes `contents` at `path`, creating its folder first if need be.
pub fn write_creating(path: impl AsRef<Path>, contents: impl AsRef<[u8]>) -> Result {
    let path = path.as_ref();
    if let Some(dir) = path.parent() {
        create_dir_all(dir)?;
    }
    write(path, contents)
}

/// Copies a file by reading it and writing it, so an error names the
/// side that failed.
pub fn copy(from: impl AsRef<Path>, to: impl AsRef<Path>) -> Result {
    write(to, read(from)?)
}

pub fn remove_file(path: impl AsRef<Path>) -> Result {
    let path = path.as_ref();
    io("remove", path, std::fs::remove_file(path))
}

/// Removes a file; `false` if it was not there.
pub fn remove_file_if_present(path: impl AsRef<Path>) -> Result<bool> {
    let path = path.as_ref();
    match std::fs::remove_file(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(false),
        r => io("remove", path, r).map(|()| true),
    }
}

/// Removes a folder and everything in it; one that is not there is no
/// error.
pub fn remove_dir_all_if_present(path: impl AsRef<Path>) -> Result {
    let path = path.as_ref();
    match std::fs::remove_dir_all(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        r => io("remove the folder", path, r),
    }
}

pub fn metadata(path: impl AsRef<Path>) -> Result<std::fs::Metadata> {
    let path = path.as_ref();
    io("read the size of", path, std::fs::metadata(path))
}

/// The entries of a folder, or `None` if it is not there.
pub fn read_dir_if_present(path: impl AsRef<Path>) -> Result<Option<Vec<std::fs::DirEntry>>> {
    let path = path.as_ref();
    let entries = match std::fs::read_dir(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        r => io("list the folder", path, r)?,
    };
    let entries = io("list the folder", path, entries.collect::<std::io::Result<Vec<_>>>())?;
    Ok(Some(entries))
}

/// Whether a folder entry is itself a folder.
pub fn is_dir(entry: &std::fs::DirEntry) -> Result<bool> {
    Ok(io("read the type of", &entry.path(), entry.file_type())?.is_dir())
}

/// This xtask binary, which the bench and the tests run again
/// (`split-timeline`, `page-parts`).
pub fn current_exe() -> Result<PathBuf> {
    io("find", Path::new("the running xtask binary"), std::env::current_exe())
}

#[cfg(test)]
mod tests {
    use crate::Kind;

    #[test]
    fn a_write_into_a_missing_folder_names_the_file() {
        let dir = std::env::temp_dir().join(format!("folio-fs-{}", std::process::id()));
        let file = dir.join("no-such-folder/index.html");
        let e = super::write(&file, "x").unwrap_err();
        assert!(matches!(e.kind(), Kind::Io { op: "write", path, .. } if path == &file), "{e:?}");
        let shown = e.to_string();
        assert!(shown.starts_with(&format!("cannot write {}: ", file.display())), "{shown}");
        assert!(shown.contains("its folder does not exist"), "says what to do: {shown}");
        // The same write with its folder made succeeds.
        super::write_creating(&file, "x").unwrap();
        std::fs::remove_dir_all(dir).unwrap();
    }
}
