//! Front matter: TOML between two `+++` lines at the top of the file, as
//! Zola and Hugo write it.

use crate::timestamp::Timestamp;
use serde::Deserialize;

/// The English file's fields: every field of an article but its slug
/// (the file's name) and its pages (the body).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct English {
    pub section: String,
    pub column: String,
    pub headline: String,
    pub summary: String,
    #[serde(default)]
    pub editions: Vec<String>,
    pub author: String,
    pub source: Option<String>,
    pub published: When,
    pub updated: Option<When>,
    pub figure: Option<EnglishFigure>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EnglishFigure {
    pub src: String,
    pub width: u32,
    pub height: u32,
    pub alt: String,
    pub caption: String,
    pub credit: String,
}

/// The Chinese file's fields: the words only. Dates, section, editions
/// and sizes are the English file's.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Chinese {
    pub column: Option<String>,
    pub headline: Option<String>,
    pub summary: Option<String>,
    pub author: Option<String>,
    pub source: Option<String>,
    pub figure: Option<ChineseFigure>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChineseFigure {
    /// A file of its own, for a picture with words in it.
    pub src: Option<String>,
    pub alt: Option<String>,
    pub caption: Option<String>,
    pub credit: Option<String>,
}

/// A time as TOML writes it (`published = 2016-09-07T07:48:00+08:00`) or
/// as a string.
#[derive(Deserialize)]
#[serde(untagged)]
pub enum When {
    Text(String),
    Toml(toml::value::Datetime),
}

impl When {
    pub fn stamp(&self) -> Result<Timestamp, String> {
        let s = match self {
            When::Text(s) => s.clone(),
            When::Toml(d) => d.to_string(),
        };
        s.parse::<Timestamp>()
            .map_err(|e| format!("{e}; expected a time with its offset, such as 2016-09-07T07:48:00+08:00"))
    }
}

const FENCE: &str = "+++";

/// The front matter's text, the body's byte offset, and each key (dotted
/// inside a table: `figure.alt`) with its line. An error is a byte offset
/// and a message.
#[allow(clippy::type_complexity)]
pub fn split(text: &str) -> Result<(&str, usize, Vec<(String, usize)>), (usize, String)> {
    let text_start = text.strip_prefix('\u{feff}').map_or(0, |_| 3);
    let rest = &text[text_start..];
    let first = rest.lines().next().unwrap_or_default();
    if first.trim_end() != FENCE {
        return Err((text_start, "no front matter; expected the file to start with a +++ line, the article's fields in TOML, and another +++ line".into()));
    }
    // After the first line's end, `\n` or `\r\n`.
    let front_start = text_start + rest.find('\n').map_or(rest.len(), |i| i + 1);
    let mut offset = front_start;
    let mut keys = Vec::new();
    let mut table = String::new();
    for (n, line) in text[front_start..].split_inclusive('\n').enumerate() {
        if line.trim_end() == FENCE {
            let body_at = offset + line.len();
            return Ok((&text[front_start..offset], body_at, keys));
        }
        let t = line.trim();
        if let Some(name) = t.strip_prefix('[').and_then(|t| t.strip_suffix(']')) {
            table = format!("{}.", name.trim());
        } else if let Some((key, _)) = t.split_once('=').filter(|_| !t.starts_with('#')) {
            keys.push((format!("{table}{}", key.trim()), n + 2));
        }
        offset += line.len();
    }
    Err((text.len(), "the front matter is not closed; expected a +++ line after the article's fields".into()))
}

/// Parses the front matter; an error is located in the whole file.
pub fn parse<F: serde::de::DeserializeOwned>(text: &str, front: &str) -> Result<F, (usize, String)> {
    let start = front.as_ptr() as usize - text.as_ptr() as usize;
    toml::from_str::<F>(front).map_err(|e| {
        let at = e.span().map_or(0, |s| s.start);
        (start + at, format!("front matter: {}", e.message().trim_end()))
    })
}

/// The JSON path of a front matter key, for the validator's findings.
pub fn path_of(key: &str) -> String {
    match key {
        "author" => "byline.author".into(),
        "source" => "byline.source".into(),
        other => other.to_owned(),
    }
}
