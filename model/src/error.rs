//! Errors as values, with enough context to act on.
//!
//! A [`ContentError`] has a kind and names the file, line, column and,
//! where `json-paths` is on (natively), the JSON path:
//! `file:line:col: at path: message`.

use std::fmt;

/// A content file that could not be read as the model expects.
///
/// It names the place (JSON path, line and column) and says what was
/// expected, because the person reading it is a publisher fixing a file by
/// hand, not a developer with a debugger.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContentError {
    /// What went wrong, for code that acts on it (the message says it to
    /// the publisher).
    pub kind: ErrorKind,
    /// The file, when known (the browser knows the URL it fetched).
    pub file: Option<String>,
    /// JSON path such as `pages[1][0].text.en`; empty for the whole file.
    pub path: String,
    /// 1-based line and column; 0 when the position is unknown.
    pub line: usize,
    pub column: usize,
    pub message: String,
}

/// What kind of mistake a [`ContentError`] reports. The parser ([`crate::parse`])
/// and the validator ([`crate::validate`]) both set it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ErrorKind {
    /// The bytes are not UTF-8 text.
    Encoding,
    /// The text is not JSON: a stray comma, a truncated file, text after the
    /// value.
    Syntax,
    /// Something required is absent: a field (serde's "missing field"),
    /// the English text, a list that must not be empty (pages, a page's
    /// blocks or paragraphs, an event's leaders), or `catalog.json`.
    Missing,
    /// A field or file the format does not have: a misspelt field (serde's
    /// "unknown field"), a field retired or written only by `cargo xtask
    /// dist`, a derived file `dist` does not write.
    Unknown,
    /// A value of the wrong JSON type, such as a number where text belongs
    /// (serde's "invalid type").
    Type,
    /// A value of the right type that breaks a rule: a bad date or
    /// timestamp, an unknown block type, an address that is not allowed,
    /// dates out of order, a slug that does not match its file name, a
    /// translation whose paragraphs do not line up with the English.
    Invalid,
    /// An id, slug or path that names nothing: an unknown section, edition,
    /// person, group or event, a missing figure, article or timeline file.
    Reference,
    /// An id, slug or field given twice.
    Duplicate,
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

/// Each kind, from a real broken file: the test fixtures' good article,
/// catalog and timeline with one mistake made in them.
#[cfg(test)]
mod tests {
    use super::ErrorKind::{self, *};
    use crate::validate::{validate, Corpus, Severity, Source};

    const CATALOG: &str = include_str!("../tests/fixtures/good/catalog.json");
    const ARTICLE: &str = include_str!("../tests/fixtures/good/articles/ok.json");
    const TIMELINE: &str = include_str!("../tests/fixtures/good/timelines/t.json");

    fn edit(text: &str, from: &str, to: &str) -> String {
        assert!(text.contains(from), "{from:?} is not in the fixture");
        text.replacen(from, to, 1)
    }

    /// The parser names the path where the build tracks it (`json-paths`).
    fn parsed_path(path: &str) -> &str {
        if cfg!(feature = "json-paths") {
            path
        } else {
            ""
        }
    }

    /// The kind and path of the parse error of the good article edited.
    fn parsing(from: &str, to: &str) -> (ErrorKind, String) {
        let e = crate::parse::article(&edit(ARTICLE, from, to)).unwrap_err();
        (e.kind, e.path)
    }

    /// The kinds and paths of the validator's errors for the good corpus,
    /// its article and timeline edited.
    fn validating(article: (&str, &str), timeline: (&str, &str)) -> Vec<(ErrorKind, String)> {
        let source = |name: &str, text: String| Source { name: name.into(), text };
        let corpus = Corpus {
            catalog: Some(source("catalog.json", CATALOG.into())),
            articles: vec![source("articles/ok.json", edit(ARTICLE, article.0, article.1))],
            markdown: vec![],
            timelines: vec![source("timelines/t.json", edit(TIMELINE, timeline.0, timeline.1))],
            derived: Vec::new(),
            assets: vec!["figures/map.svg".into()],
        };
        let errors = validate(&corpus).into_iter().filter(|d| d.severity == Severity::Error);
        errors.map(|d| (d.error.kind, d.error.path)).collect()
    }

    const SAME: (&str, &str) = ("{", "{");

    #[test]
    fn the_unedited_fixtures_are_clean() {
        assert_eq!(validating(SAME, SAME), []);
    }

    #[test]
    fn bytes_that_are_not_utf8_are_encoding() {
        assert_eq!(crate::parse::utf8(b"{\"x\": \"caf\xe9\"}").unwrap_err().kind, Encoding);
    }

    #[test]
    fn text_that_is_not_json_is_syntax() {
        assert_eq!(parsing("\"slug\": \"ok\",", "\"slug\": \"ok\",,").0, Syntax);
        assert_eq!(parsing("\"slug\"", "slug").0, Syntax);
        let trailing = format!("{ARTICLE} {{}}");
        assert_eq!(crate::parse::article(&trailing).unwrap_err().kind, Syntax);
    }

    #[test]
    fn an_absent_field_or_blank_english_is_missing() {
        let (kind, path) = parsing(r#""author": {"en": "Test Writer"}"#, r#""author": {"zh": "作者"}"#);
        assert_eq!((kind, path.as_str()), (Missing, parsed_path("byline.author")));
        let blank = validating((r#""headline": {"en": "A valid article"}"#, r#""headline": {"en": " "}"#), SAME);
        assert_eq!(blank, [(Missing, "headline.en".into())]);
        let no_leaders = validating(SAME, (r#"["abe", "putin"]"#, "[]"));
        assert_eq!(no_leaders, [(Missing, "events[0].leaders".into())]);
    }

    #[test]
    fn a_misspelt_field_is_unknown() {
        let (kind, path) = parsing("\"headline\"", "\"headlne\"");
        assert_eq!((kind, path.as_str()), (Unknown, parsed_path("headlne")));
        let bundle_only = validating(SAME, ("{", "{\"details_apart\": true,"));
        assert_eq!(bundle_only, [(Unknown, "details_apart".into())]);
    }

    #[test]
    fn a_value_of_the_wrong_json_type_is_type() {
        let (kind, path) = parsing("\"width\": 10", "\"width\": \"10\"");
        assert_eq!((kind, path.as_str()), (Type, parsed_path("figure.width")));
    }

    #[test]
    fn a_value_that_breaks_a_rule_is_invalid() {
        let (kind, path) = parsing("2016-09-07T07:48:00+08:00", "2016-09-07 07:48");
        assert_eq!((kind, path.as_str()), (Invalid, parsed_path("published")));
        let (kind, path) = parsing("\"type\": \"quote\"", "\"type\": \"video\"");
        assert_eq!((kind, path.as_str()), (Invalid, parsed_path("pages[1][2].type")));
        let late = validating(("2016-09-07T08:00:00+08:00", "2016-09-07T07:00:00+08:00"), SAME);
        assert_eq!(late, [(Invalid, "updated".into())]);
    }

    #[test]
    fn an_id_that_names_nothing_is_a_reference() {
        assert_eq!(validating(("\"opinion\"", "\"sport\""), SAME), [(Reference, "section".into())]);
        assert_eq!(validating(("figures/map.svg", "figures/nope.svg"), SAME), [(Reference, "figure.src".into())]);
        let per_language = ("\"figures/map.svg\"", "{\"en\": \"figures/map.svg\", \"zh\": \"figures/nope.svg\"}");
        assert_eq!(validating(per_language, SAME), [(Reference, "figure.src.zh".into())], "each language's file");
        assert_eq!(validating(SAME, ("\"putin\"]", "\"medvedev\"]")), [(Reference, "events[0].leaders[1]".into())]);
    }

    #[test]
    fn an_id_or_field_given_twice_is_a_duplicate() {
        // serde names the object that has the field twice.
        let (kind, path) = parsing("\"width\": 10,", "\"width\": 10, \"width\": 10,");
        assert_eq!((kind, path.as_str()), (Duplicate, parsed_path("figure")));
        let twice = validating(SAME, ("\"id\": \"2016-05-sochi\"", "\"id\": \"2005-11-tokyo\""));
        assert_eq!(twice[0], (Duplicate, "events[1].id".into()), "{twice:?}");
    }
}
