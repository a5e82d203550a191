//! Errors as values that say what failed, on which file, and what to do.
//!
//! Every command returns a [`Result`]; `main` prints its error once. There
//! is deliberately no blanket `From<std::io::Error>`: an I/O error goes
//! through [`crate::fs`], which names the operation and the path, or
//! through [`Error::io`] where a caller knows them.

use folio_model::ContentError;
use std::fmt;
use std::path::{Path, PathBuf};
use std::process::ExitStatus;

/// A failed step. Boxed, so that a `Result` stays one pointer wide.
pub struct Error(Box<Kind>);

pub type Result<T = ()> = std::result::Result<T, Error>;

/// What failed.
#[derive(Debug)]
pub enum Kind {
    /// A file or folder could not be read, written, listed or removed.
    Io { op: &'static str, path: PathBuf, source: std::io::Error },
    /// A content file that does not parse; it names the file, line and
    /// column.
    Content(ContentError),
    /// The validator found errors in a content folder (printed above it,
    /// one a line).
    Invalid { dir: PathBuf, errors: usize, articles: usize },
    /// A file that is not the JSON expected.
    Json { path: PathBuf, source: serde_json::Error },
    /// A program that could not be started.
    Spawn { command: String, source: std::io::Error },
    /// A program (Trunk, node, cargo, git…) that exited unsuccessfully.
    Command { command: String, status: ExitStatus },
    /// A placeholder of `index.html` that the app's shell (Trunk's output)
    /// does not hold exactly once.
    Placeholder { shell: PathBuf, marker: &'static str, found: usize },
    /// The command line was wrong; `main` prints the usage after it.
    Usage(String),
    /// Anything else, in a sentence that says what to do.
    Other(String),
}

impl Error {
    pub fn kind(&self) -> &Kind {
        &self.0
    }

    pub fn io(op: &'static str, path: impl Into<PathBuf>, source: std::io::Error) -> Error {
        Kind::Io { op, path: path.into(), source }.into()
    }

    pub fn other(message: impl Into<String>) -> Error {
        Kind::Other(message.into()).into()
    }

    pub fn usage(message: impl Into<String>) -> Error {
        Kind::Usage(message.into()).into()
    }

    /// `path` did not hold the JSON expected.
    pub fn json(path: &Path, source: serde_json::Error) -> Error {
        Kind::Json { path: path.to_path_buf(), source }.into()
    }
}

impl From<Kind> for Error {
    fn from(kind: Kind) -> Error {
        Error(Box::new(kind))
    }
}

impl From<ContentError> for Error {
    fn from(e: ContentError) -> Error {
        Kind::Content(e).into()
    }
}

/// What a reader can do about an I/O error, where the error alone does
/// not say.
fn io_hint(op: &str, e: &std::io::Error) -> &'static str {
    use std::io::ErrorKind::*;
    match e.kind() {
        NotFound if op == "write" => " (its folder does not exist)",
        PermissionDenied => " (check that this user may do that there)",
        StorageFull => " (the disk is full: free some space)",
        _ => "",
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.kind() {
            Kind::Io { op, path, source } => {
                write!(f, "cannot {op} {}: {source}{}", path.display(), io_hint(op, source))
            }
            Kind::Content(e) => write!(f, "{e}"),
            Kind::Invalid { dir, errors, articles } => write!(
                f,
                "{}: {errors} error(s) in {articles} article file(s) and the catalog; fix those listed above \
                 and run `cargo xtask validate {}` again",
                dir.display(),
                dir.display()
            ),
            Kind::Json { path, source } => write!(f, "{} is not the JSON expected: {source}", path.display()),
            Kind::Spawn { command, source } => {
                write!(f, "cannot start {command}: {source} (is it installed, and on PATH?)")
            }
            Kind::Command { command, status } => write!(f, "{command} failed ({status}); its output is above"),
            Kind::Placeholder { shell, marker, found } => write!(
                f,
                "{}: the placeholder {marker} is there {found} times, not once: index.html must hold it once \
                 (see xtask/src/shell/mod.rs), and Trunk must keep it",
                shell.display()
            ),
            Kind::Usage(message) | Kind::Other(message) => f.write_str(message),
        }
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?} ({self})", self.kind())
    }
}

impl std::error::Error for Error {}

/// Builds an `Err` of [`Kind::Other`] from a format string.
#[macro_export]
macro_rules! fail {
    ($($t:tt)*) => { Err($crate::Error::other(format!($($t)*))) };
}
