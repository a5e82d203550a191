//! Bilingual text: [`Text`] holds English, always, and Chinese once
//! translated; [`Text::get`] gives the text to show and the language it is
//! in, so a view marks a fallback with its own `lang`.

use serde::{Deserialize, Serialize};

/// A content language. English is the source language of every text and is
/// always present; Chinese may be missing while a translation is pending.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    En,
    Zh,
}

impl Lang {
    /// The BCP 47 tag for `lang` attributes. Simplified Chinese is `zh-Hans`
    /// so that screen readers and font fallback pick the right script.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh-Hans",
        }
    }

    /// The key of this language in a content file's texts: `en`, `zh`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh",
        }
    }
}

/// A human-readable field in every language Folio knows.
///
/// `deny_unknown_fields` turns a typo such as `"zn"` into an error instead of
/// a silently missing translation.
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Text {
    pub en: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub zh: Option<String>,
}

impl Text {
    /// An English-only text, mainly for tests and fixtures.
    pub fn en(s: impl Into<String>) -> Self {
        Text { en: s.into(), zh: None }
    }

    /// The text in `lang`, falling back to English, with the language that
    /// was actually used so the view can mark it (`lang` attribute, "not yet
    /// translated"). An empty translation counts as missing.
    pub fn get(&self, lang: Lang) -> (&str, Lang) {
        match (lang, self.zh.as_deref()) {
            (Lang::Zh, Some(zh)) if !zh.trim().is_empty() => (zh, Lang::Zh),
            _ => (&self.en, Lang::En),
        }
    }

    /// Shorthand for the string alone.
    pub fn str(&self, lang: Lang) -> &str {
        self.get(lang).0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn falls_back_to_english_when_translation_missing_or_blank() {
        let mut t = Text::en("Hello");
        assert_eq!(t.get(Lang::Zh), ("Hello", Lang::En));
        t.zh = Some("  ".into());
        assert_eq!(t.get(Lang::Zh), ("Hello", Lang::En));
        t.zh = Some("你好".into());
        assert_eq!(t.get(Lang::Zh), ("你好", Lang::Zh));
        assert_eq!(t.get(Lang::En), ("Hello", Lang::En));
    }
}
