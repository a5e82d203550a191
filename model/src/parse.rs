//! From JSON text to model types, with errors that point at the spot.

use crate::error::ContentError;
use crate::locate::{JsonPath, Seg};
use crate::{Article, Catalog};
use serde::de::DeserializeOwned;

/// Parses any content type, turning serde's error into a [`ContentError`]
/// with the JSON path of the failing value.
///
/// `serde_path_to_error` supplies the path; serde_json supplies line and
/// column. The message keeps serde's wording ("missing field `en`",
/// "unknown field `zn`, expected `en` or `zh`"), which already says what was
/// expected.
pub fn from_json<T: DeserializeOwned>(text: &str) -> Result<T, ContentError> {
    let de = &mut serde_json::Deserializer::from_str(text);
    let value: T = serde_path_to_error::deserialize(&mut *de).map_err(|err| {
        let path = convert_path(err.path());
        let inner = err.into_inner();
        let mut message = inner.to_string();
        // serde_json appends " at line L column C"; we report those as fields.
        if let Some(at) = message.rfind(" at line ") {
            message.truncate(at);
        }
        ContentError { file: None, path: path.to_string(), line: inner.line(), column: inner.column(), message }
    })?;
    // Trailing garbage after the value is a broken file, not a valid one.
    de.end().map_err(|inner| ContentError {
        file: None,
        path: String::new(),
        line: inner.line(),
        column: inner.column(),
        message: "unexpected text after the end of the JSON value".into(),
    })?;
    Ok(value)
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
            file: None,
            path: String::new(),
            line,
            column,
            message: "the file is not UTF-8 text; save it as UTF-8".into(),
        }
    })
}

fn convert_path(p: &serde_path_to_error::Path) -> JsonPath {
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

    #[test]
    fn type_errors_carry_the_json_path() {
        let e = catalog(r#"{"site": {"en": 5}, "editions": [], "sections": [], "articles": []}"#).unwrap_err();
        assert_eq!(e.path, "site.en");
        assert!(e.message.contains("expected a string"), "{e}");
        assert_eq!(e.to_string(), format!("1:{}: at site.en: {}", e.column, e.message));
    }

    #[test]
    fn trailing_text_is_an_error() {
        let e = from_json::<Vec<u8>>("[1] [2]").unwrap_err();
        assert!(e.message.contains("after the end"), "{e}");
    }
}
