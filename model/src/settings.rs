//! The reader's display settings: theme, text size and line width.
//!
//! They are remembered in localStorage under [`THEME_KEY`], [`SIZE_KEY`]
//! and [`WIDTH_KEY`], and shown as `data-theme`, `data-size` and
//! `data-width` on `<html>`, which the stylesheet reads. Two readers of the
//! storage exist: `static/prefs.js`, which runs before the first paint so a
//! prerendered page never flashes the wrong theme, and the app. Both accept
//! only the values named here (a test checks the script against them), so
//! a stale or hand-edited entry falls back to the default.

use crate::Theme;

pub const THEME_KEY: &str = "folio.theme";
pub const SIZE_KEY: &str = "folio.size";
pub const WIDTH_KEY: &str = "folio.width";

/// Five text sizes, 1 (smallest) to 5; 3 is the designed size. The
/// stylesheet sets English and Chinese sizes for each step separately.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct TextSize(u8);

impl TextSize {
    pub const ALL: [TextSize; 5] = [TextSize(1), TextSize(2), TextSize(3), TextSize(4), TextSize(5)];

    pub fn param(self) -> &'static str {
        ["1", "2", "3", "4", "5"][self.index()]
    }

    /// Its place in [`TextSize::ALL`], smallest first.
    pub fn index(self) -> usize {
        usize::from(self.0 - 1)
    }

    pub fn from_param(s: &str) -> Option<TextSize> {
        TextSize::ALL.into_iter().find(|t| t.param() == s.trim())
    }
}

impl Default for TextSize {
    fn default() -> Self {
        TextSize(3)
    }
}

/// How long the lines of text may get.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum LineWidth {
    Narrow,
    #[default]
    Normal,
    Wide,
}

impl LineWidth {
    pub const ALL: [LineWidth; 3] = [LineWidth::Narrow, LineWidth::Normal, LineWidth::Wide];

    pub fn param(self) -> &'static str {
        match self {
            LineWidth::Narrow => "narrow",
            LineWidth::Normal => "normal",
            LineWidth::Wide => "wide",
        }
    }

    pub fn from_param(s: &str) -> Option<LineWidth> {
        LineWidth::ALL.into_iter().find(|w| w.param() == s.trim())
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Settings {
    pub theme: Theme,
    pub size: TextSize,
    pub width: LineWidth,
}

impl Settings {
    /// From what storage holds; anything unknown is the default.
    pub fn from_stored(theme: Option<&str>, size: Option<&str>, width: Option<&str>) -> Settings {
        Settings {
            theme: theme.and_then(Theme::from_param).unwrap_or_default(),
            size: size.and_then(TextSize::from_param).unwrap_or_default(),
            width: width.and_then(LineWidth::from_param).unwrap_or_default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_values_round_trip_and_anything_else_is_the_default() {
        for theme in Theme::ALL {
            for size in TextSize::ALL {
                for width in LineWidth::ALL {
                    let s = Settings { theme, size, width };
                    assert_eq!(Settings::from_stored(Some(theme.param()), Some(size.param()), Some(width.param())), s);
                }
            }
        }
        assert_eq!(Settings::from_stored(None, None, None), Settings::default());
        let junk = Settings::from_stored(Some("neon"), Some("9"), Some("<b>"));
        assert_eq!(junk, Settings::default());
        assert_eq!(Settings::default().size.param(), "3");
    }

    /// The pre-paint script reads the same keys and accepts exactly these
    /// values: a value the app can store must not flash wrong on reload.
    #[test]
    fn the_prepaint_script_agrees_with_the_model() {
        let js = include_str!("../../static/prefs.js");
        for key in [THEME_KEY, SIZE_KEY, WIDTH_KEY] {
            assert!(js.contains(&format!("'{key}'")), "prefs.js does not read {key}");
        }
        let list = |values: Vec<&str>| values.join("|");
        let themes = list(Theme::ALL.iter().map(|t| t.param()).collect());
        let sizes = list(TextSize::ALL.iter().map(|t| t.param()).collect());
        let widths = list(LineWidth::ALL.iter().map(|w| w.param()).collect());
        for pattern in [themes, sizes, widths] {
            assert!(js.contains(&format!("/^({pattern})$/")), "prefs.js does not accept exactly {pattern}");
        }
    }
}
