//! A content value carried or fetched as JSON, and parsed only where it is
//! used.
//!
//! A timeline page carries its timeline, and the app reads a page's data
//! before its first render. Parsed there, every deserializer of a timeline
//! would be in the code every visit downloads first, though only a
//! timeline's view (a chunk of its own) uses them. As a [`Deferred`], the
//! page's data keeps the timeline's JSON as it is, and the code that shows
//! it parses it, once ([`Deferred::get`]).
//!
//! The build makes one from a value it has ([`Deferred::of`]): its JSON, and
//! the value itself, so the prerenderer never parses what it just wrote.
//! Clones share both: every page of a timeline's events is rendered
//! from the one timeline.

use crate::ContentError;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::value::RawValue;
use std::sync::{Arc, OnceLock};

pub struct Deferred<T> {
    json: Arc<str>,
    value: OnceLock<Result<Arc<T>, ContentError>>,
}

impl<T: Serialize> Deferred<T> {
    /// Of a value in hand.
    pub fn of(value: T) -> Deferred<T> {
        let json = serde_json::to_string(&value).expect("content types always serialise");
        Deferred::with_json(value, json)
    }
}

impl<T> Deferred<T> {
    /// Of a value and its JSON, which the caller has written already (a
    /// large timeline's, which the build also measures and digests).
    pub fn with_json(value: T, json: String) -> Deferred<T> {
        let parsed = OnceLock::new();
        let _ = parsed.set(Ok(Arc::new(value)));
        Deferred { json: json.into(), value: parsed }
    }

    /// Of a file's text, as fetched: not even checked for being JSON until
    /// it is parsed, where its errors then say line and column in the file.
    pub fn from_text(text: &str) -> Deferred<T> {
        Deferred { json: text.into(), value: OnceLock::new() }
    }

    /// The JSON, as carried.
    pub fn json(&self) -> &str {
        &self.json
    }
}

impl<T: DeserializeOwned> Deferred<T> {
    /// The value, parsed the first time it is asked for. The error names no
    /// file: the caller knows which it was.
    pub fn get(&self) -> Result<Arc<T>, ContentError> {
        self.value.get_or_init(|| crate::parse::from_json(&self.json).map(Arc::new)).clone()
    }
}

impl<T> Clone for Deferred<T> {
    fn clone(&self) -> Self {
        let value = OnceLock::new();
        if let Some(v) = self.value.get() {
            let _ = value.set(v.clone());
        }
        Deferred { json: self.json.clone(), value }
    }
}

impl<T> PartialEq for Deferred<T> {
    fn eq(&self, other: &Self) -> bool {
        self.json == other.json
    }
}

impl<T> std::fmt::Debug for Deferred<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("Deferred").field(&self.json).finish()
    }
}

/// Written as the JSON it holds (which was JSON when it was made).
impl<T> Serialize for Deferred<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let raw: &RawValue = serde_json::from_str(&self.json).map_err(serde::ser::Error::custom)?;
        raw.serialize(s)
    }
}

impl<'de, T> Deserialize<'de> for Deferred<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let json = Box::<RawValue>::deserialize(d)?;
        Ok(Deferred { json: Box::<str>::from(json).into(), value: OnceLock::new() })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Text;

    #[test]
    fn a_value_travels_as_its_json_and_parses_where_it_is_asked_for() {
        let d = Deferred::of(Text::en("Kurils"));
        assert_eq!(d.json(), r#"{"en":"Kurils"}"#);
        let json = serde_json::to_string(&vec![d.clone()]).unwrap();
        assert_eq!(json, r#"[{"en":"Kurils"}]"#, "written as the value itself");
        let back: Vec<Deferred<Text>> = serde_json::from_str(&json).unwrap();
        assert_eq!(back, vec![d]);
        assert_eq!(back[0].get().unwrap().str(crate::Lang::En), "Kurils");
    }

    #[test]
    fn a_bad_value_fails_where_it_is_parsed_with_its_place() {
        let d = Deferred::<Text>::from_text("{\n  \"zn\": \"x\"\n}");
        let e = d.get().unwrap_err();
        assert_eq!((e.line, e.kind), (2, crate::ErrorKind::Unknown), "{e}");
        assert_eq!(d.get().unwrap_err(), e, "parsed once, the same answer after");
        assert_eq!(Deferred::<Text>::from_text("{").get().unwrap_err().kind, crate::ErrorKind::Syntax);
    }
}
