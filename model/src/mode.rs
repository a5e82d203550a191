//! Reading modes (English, 中文, both) and which one a reader gets.
//!
//! The mode is the address's first segment ([`Mode::prefix`]), and
//! [`Mode::localize`] builds every link in it. The stored choice and the
//! browser's languages matter only where an address names no mode
//! ([`resolve`]).

use crate::text::Lang;

/// What the reader reads: one language, or both paired paragraph by
/// paragraph.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Mode {
    #[default]
    En,
    Zh,
    Both,
}

impl Mode {
    pub const ALL: [Mode; 3] = [Mode::En, Mode::Zh, Mode::Both];

    /// The path prefix of the mode's URLs (`docs/design.md`: the language
    /// is the first segment). English has none.
    pub fn prefix(self) -> &'static str {
        match self {
            Mode::En => "",
            Mode::Zh => "/zh",
            Mode::Both => "/dual",
        }
    }

    /// The mode named by a first path segment.
    pub fn from_prefix(seg: &str) -> Option<Mode> {
        match seg {
            "zh" => Some(Mode::Zh),
            "dual" => Some(Mode::Both),
            _ => None,
        }
    }

    /// The value used in `?lang=` and in storage.
    pub fn param(self) -> &'static str {
        match self {
            Mode::En => "en",
            Mode::Zh => "zh",
            Mode::Both => "both",
        }
    }

    /// Parses `?lang=` and stored values. `dual` is accepted as a synonym
    /// of `both`, since it is what the path says.
    pub fn from_param(s: &str) -> Option<Mode> {
        match s.trim().to_ascii_lowercase().as_str() {
            "en" => Some(Mode::En),
            "zh" => Some(Mode::Zh),
            "both" | "dual" => Some(Mode::Both),
            _ => None,
        }
    }

    /// The language of the interface (and of `<html lang>`): Both reads as
    /// an English page with Chinese passages, each marked with its own
    /// `lang`.
    pub fn ui_lang(self) -> Lang {
        match self {
            Mode::Zh => Lang::Zh,
            Mode::En | Mode::Both => Lang::En,
        }
    }

    /// `path` (unprefixed, from `Route::href`) in this mode.
    pub fn localize(self, path: &str) -> String {
        format!("{}{path}", self.prefix())
    }

    /// The same view as `path` (which may name a mode) in this mode: what
    /// the language switch goes to.
    pub fn switch(self, path: &str) -> String {
        self.localize(split_prefix(path).1)
    }
}

/// Splits a mode prefix off a path: `/zh/article/x/` gives
/// `(Some(Zh), "/article/x/")`. The rest keeps its leading slash.
pub fn split_prefix(path: &str) -> (Option<Mode>, &str) {
    let trimmed = path.strip_prefix('/').unwrap_or(path);
    let (first, rest) = match trimmed.find('/') {
        Some(i) => (&trimmed[..i], &trimmed[i..]),
        None => (trimmed, "/"),
    };
    match Mode::from_prefix(first) {
        Some(m) => (Some(m), rest),
        None => (None, path),
    }
}

/// Which mode a reader gets, in order:
/// 1. the mode the URL names (a path prefix or `?lang=`), so a shared link
///    opens in the sender's mode;
/// 2. otherwise the reader's last choice, remembered in storage;
/// 3. otherwise the browser's languages: the first that is English or
///    Chinese decides (`zh*` gives 中文);
/// 4. otherwise English.
pub fn resolve(explicit: Option<Mode>, stored: Option<&str>, languages: &[String]) -> Mode {
    explicit
        .or_else(|| stored.and_then(Mode::from_param))
        .or_else(|| {
            languages.iter().find_map(|l| {
                let l = l.to_ascii_lowercase();
                if l == "zh" || l.starts_with("zh-") {
                    Some(Mode::Zh)
                } else if l == "en" || l.starts_with("en-") {
                    Some(Mode::En)
                } else {
                    None
                }
            })
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn langs(l: &[&str]) -> Vec<String> {
        l.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn resolution_order_url_then_storage_then_browser_then_english() {
        let zh_browser = langs(&["zh-CN", "en"]);
        assert_eq!(resolve(Some(Mode::En), Some("both"), &zh_browser), Mode::En, "the URL wins");
        assert_eq!(resolve(None, Some("both"), &zh_browser), Mode::Both, "then the stored choice");
        assert_eq!(resolve(None, None, &zh_browser), Mode::Zh, "then the browser");
        assert_eq!(resolve(None, Some("garbage"), &zh_browser), Mode::Zh, "a bad stored value is ignored");
        assert_eq!(resolve(None, None, &langs(&["fr-FR", "zh-TW"])), Mode::Zh, "first known language decides");
        assert_eq!(resolve(None, None, &langs(&["en-GB", "zh-CN"])), Mode::En);
        assert_eq!(resolve(None, None, &langs(&["fr"])), Mode::En, "default English");
        assert_eq!(resolve(None, None, &[]), Mode::En);
        assert_eq!(resolve(None, None, &langs(&["zhx"])), Mode::En, "zhx is not Chinese");
    }

    #[test]
    fn params_and_prefixes_round_trip() {
        for m in Mode::ALL {
            assert_eq!(Mode::from_param(m.param()), Some(m));
            if m != Mode::En {
                assert_eq!(Mode::from_prefix(&m.prefix()[1..]), Some(m));
            }
        }
        assert_eq!(Mode::from_param("DUAL"), Some(Mode::Both));
        assert_eq!(Mode::from_param("fr"), None);
        assert_eq!(Mode::Zh.localize("/article/x/2/"), "/zh/article/x/2/");
        assert_eq!(Mode::En.localize("/"), "/");
        assert_eq!(split_prefix("/zh/article/x/"), (Some(Mode::Zh), "/article/x/"));
        assert_eq!(split_prefix("/dual/"), (Some(Mode::Both), "/"));
        assert_eq!(split_prefix("/zh"), (Some(Mode::Zh), "/"));
        assert_eq!(split_prefix("/zhx/a/"), (None, "/zhx/a/"));
        assert_eq!(split_prefix("/article/zh/"), (None, "/article/zh/"));
        assert_eq!(Mode::Zh.switch("/dual/article/x/2/"), "/zh/article/x/2/");
        assert_eq!(Mode::En.switch("/zh/timeline/t/e/"), "/timeline/t/e/");
        assert_eq!(Mode::Both.switch("/"), "/dual/");
    }
}
