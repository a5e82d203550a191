//! Errors as values, with enough context to act on.

use std::fmt;

/// A content file that could not be read as the model expects.
///
/// It names the place (JSON path, line and column) and says what was
/// expected, because the person reading it is a publisher fixing a file by
/// hand, not a developer with a debugger.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContentError {
    /// The file, when known (the browser knows the URL it fetched).
    pub file: Option<String>,
    /// JSON path such as `pages[1][0].text.en`; empty for the whole file.
    pub path: String,
    /// 1-based line and column; 0 when the position is unknown.
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl ContentError {
    pub fn in_file(mut self, file: impl Into<String>) -> Self {
        self.file = Some(file.into());
        self
    }
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(file) = &self.file {
            write!(f, "{file}:")?;
        }
        if self.line > 0 {
            write!(f, "{}:{}: ", self.line, self.column)?;
        } else if self.file.is_some() {
            f.write_str(" ")?;
        }
        if !self.path.is_empty() {
            write!(f, "at {}: ", self.path)?;
        }
        f.write_str(&self.message)
    }
}

impl std::error::Error for ContentError {}
