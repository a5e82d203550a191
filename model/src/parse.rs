//! From JSON text to model types, with errors that point at the spot.

use crate::error::{ContentError, ErrorKind};
use crate::locate::JsonPath;
use crate::{Article, Catalog};
use serde::de::DeserializeOwned;

/// Parses any content type, turning serde's error into a [`ContentError`]
/// with line, column and, where the build can say, the JSON path of the
/// failing value.
///
/// The message keeps serde's wording ("missing field `en`", "unknown field
/// `zn`, expected `en` or `zh`"), which already says what was expected.
///
/// Valid files, nearly all of them, are parsed once, with no path tracking:
/// tracking wraps every value, and cost about a third of the parse of a
/// 10,000-event timeline. A file that fails is parsed again with the
/// path, if the `json-paths` feature is on: the validator and the
/// prerenderer have it, the browser build does not: the second copy of
/// every deserializer would cost it 19.5 KB of brotli wasm, and without
/// path tracking at all it is 6.6 KB smaller than it was with it
/// (measured). The browser's error panel says line and column, which find
/// the place as well; `cargo xtask validate` says the path too.
pub fn from_json<T: DeserializeOwned>(text: &str) -> Result<T, ContentError> {
    let de = &mut serde_json::Deserializer::from_str(text);
    let result = match T::deserialize(&mut *de) {
        Ok(value) => after_value(de).map(|()| value),
        Err(first) => Err(explain::<T>(text, first)),
    };
    result.map_err(|e| on_a_character(text, e))
}

/// serde_json's column 0 means "at the newline" (a line break inside a
/// string, the end of the file after one): as a place in the file, that
/// is just past the end of the line before. A publisher's editor has no
/// column 0.
fn on_a_character(text: &str, mut e: ContentError) -> ContentError {
    if e.column == 0 {
        match e.line.checked_sub(2).and_then(|i| text.lines().nth(i)) {
            Some(before) => {
                e.line -= 1;
                e.column = before.chars().count() + 1;
            }
            None => e.column = 1,
        }
    }
    e
}

/// Trailing garbage after the value is a broken file, not a valid one.
fn after_value(de: &mut serde_json::Deserializer<serde_json::de::StrRead<'_>>) -> Result<(), ContentError> {
    de.end().map_err(|inner| ContentError {
        kind: ErrorKind::Syntax,
        message: "unexpected text after the end of the JSON value".into(),
        ..located(inner, JsonPath::default())
    })
}

/// serde_json's error at `path`, its line and column as fields.
fn located(inner: serde_json::Error, path: JsonPath) -> ContentError {
    let mut message = inner.to_string();
    // serde_json appends " at line L column C"; we report those as fields.
    if let Some(at) = message.rfind(" at line ") {
        message.truncate(at);
    }
    let kind = kind_of(&inner, &message);
    ContentError { kind, file: None, path: path.to_string(), line: inner.line(), column: inner.column(), message }
}

/// The kind of a serde_json error. A data error says which in its first
/// words, serde's own (`serde::de::Error`'s provided messages); anything
/// else a type's deserializer said (a bad date or timestamp) is `Invalid`.
fn kind_of(inner: &serde_json::Error, message: &str) -> ErrorKind {
    if !inner.is_data() {
        return ErrorKind::Syntax;
    }
    [
        ("missing field", ErrorKind::Missing),
        ("unknown field", ErrorKind::Unknown),
        ("invalid type", ErrorKind::Type),
        ("duplicate field", ErrorKind::Duplicate),
    ]
    .into_iter()
    .find_map(|(start, kind)| message.starts_with(start).then_some(kind))
    .unwrap_or(ErrorKind::Invalid)
}

/// The failure of the fast parse, with its JSON path.
#[cfg(feature = "json-paths")]
fn explain<T: DeserializeOwned>(text: &str, first: serde_json::Error) -> ContentError {
    let de = &mut serde_json::Deserializer::from_str(text);
    match serde_path_to_error::deserialize::<_, T>(&mut *de) {
        Err(err) => {
            let path = convert_path(err.path());
            located(err.into_inner(), path)
        }
        // The two parsers agree on what is valid; should they not, the
        // first error still stands.
        Ok(_) => located(first, JsonPath::default()),
    }
}

/// The failure of the parse, without its path (see [`from_json`]). The
/// same signature as its `json-paths` twin, so the call site is one.
#[cfg(not(feature = "json-paths"))]
#[allow(clippy::extra_unused_type_parameters)]
fn explain<T: DeserializeOwned>(_text: &str, first: serde_json::Error) -> ContentError {
    located(first, JsonPath::default())
}

/// The bytes of a content file as text. Files are fetched as bytes, not as
/// text: decoding in the browser and copying a JS string into the wasm
/// costs more than checking UTF-8 here (a quarter-second for a 16 MB
/// timeline on a slow phone), and a file that is not UTF-8 gets an error
/// that says where, instead of silently replaced characters.
pub fn utf8(bytes: &[u8]) -> Result<&str, ContentError> {
    std::str::from_utf8(bytes).map_err(|e| {
        let good = &bytes[..e.valid_up_to()];
        let line = good.iter().filter(|b| **b == b'\n').count() + 1;
        let start = good.iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1);
        let column = String::from_utf8_lossy(&good[start..]).chars().count() + 1;
        ContentError {
            kind: ErrorKind::Encoding,
            file: None,
            path: String::new(),
            line,
            column,
            message: "the file is not UTF-8 text; save it as UTF-8".into(),
        }
    })
}

#[cfg(feature = "json-paths")]
fn convert_path(p: &serde_path_to_error::Path) -> JsonPath {
    use crate::locate::Seg;
    use serde_path_to_error::Segment;
    JsonPath(
        p.iter()
            .filter_map(|s| match s {
                Segment::Seq { index } => Some(Seg::Index(*index)),
                Segment::Map { key } => Some(Seg::Key(key.clone())),
                Segment::Enum { .. } | Segment::Unknown => None,
            })
            .collect(),
    )
}

/// Parses `content/articles/{slug}.json`.
pub fn article(text: &str) -> Result<Article, ContentError> {
    from_json(text)
}

/// Parses `content/catalog.json`.
pub fn catalog(text: &str) -> Result<Catalog, ContentError> {
    from_json(text)
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_line_break_inside_a_string_is_placed_at_the_end_of_its_line() {
        let e = from_json::<Vec<String>>("[\n  \"broken\n  string\"\n]").unwrap_err();
        assert_eq!((e.line, e.column), (2, 10), "{e}");
    }

    use super::*;

    #[test]
    fn bytes_that_are_not_utf8_say_where() {
        assert_eq!(utf8("{\"zh\": \"中文\"}".as_bytes()).unwrap(), "{\"zh\": \"中文\"}");
        // Latin-1 "é" on line 2, after "  \"x\": \"caf".
        let e = utf8(b"{\n  \"x\": \"caf\xe9\"\n}").unwrap_err();
        assert_eq!((e.line, e.column), (2, 12));
        assert!(e.message.contains("not UTF-8"), "{e}");
        // Columns count characters, not bytes.
        assert_eq!(utf8(b"\xe4\xb8\xad\xff").unwrap_err().column, 2);
    }

    #[test]
    fn syntax_errors_carry_line_and_column() {
        let e = catalog("{\n  \"site\": {\"en\": \"Folio\"},\n  oops\n}").unwrap_err();
        assert_eq!((e.line, e.column), (3, 3));
        assert!(e.message.contains("key must be a string"), "{e}");
    }

    const SITE_IS_A_NUMBER: &str = "{\"site\": {\"en\":\n 5}, \"editions\": [], \"sections\": [], \"articles\": []}";

    #[test]
    #[cfg(feature = "json-paths")]
    fn type_errors_carry_the_json_path() {
        let e = catalog(SITE_IS_A_NUMBER).unwrap_err();
        assert_eq!(e.path, "site.en");
        assert!(e.message.contains("expected a string"), "{e}");
        assert_eq!(e.to_string(), "2:2: at site.en: invalid type: integer `5`, expected a string");
    }

    /// The browser's build: the same error, line and column without the
    /// path (`cargo xtask test` runs the model's tests both ways).
    #[test]
    #[cfg(not(feature = "json-paths"))]
    fn type_errors_carry_line_and_column_without_the_path() {
        let e = catalog(SITE_IS_A_NUMBER).unwrap_err();
        assert_eq!(e.to_string(), "2:2: invalid type: integer `5`, expected a string");
    }

    #[test]
    fn trailing_text_is_an_error() {
        let e = from_json::<Vec<u8>>("[1] [2]").unwrap_err();
        assert!(e.message.contains("after the end"), "{e}");
    }
}
