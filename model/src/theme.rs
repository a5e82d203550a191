//! Colour themes. The stylesheet defines each as a set of custom
//! properties under `html[data-theme=…]`; `auto` follows the system's
//! `prefers-color-scheme`.

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Theme {
    #[default]
    Auto,
    Light,
    Dark,
    Sepia,
}

impl Theme {
    pub const ALL: [Theme; 4] = [Theme::Auto, Theme::Light, Theme::Dark, Theme::Sepia];

    /// The value used in `?theme=`, in storage and in `data-theme`.
    pub fn param(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
            Theme::Sepia => "sepia",
        }
    }

    pub fn from_param(s: &str) -> Option<Theme> {
        Theme::ALL.into_iter().find(|t| t.param().eq_ignore_ascii_case(s.trim()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn params_round_trip_and_unknown_values_are_refused() {
        for t in Theme::ALL {
            assert_eq!(Theme::from_param(t.param()), Some(t));
        }
        assert_eq!(Theme::from_param(" Dark "), Some(Theme::Dark));
        assert_eq!(Theme::from_param("neon"), None);
        assert_eq!(Theme::from_param(""), None);
    }
}
