//! Estimated reading time.
//!
//! English is counted in words and Chinese in characters, because Chinese has
//! no spaces between words. The rates are the usual adult silent-reading
//! averages: about 230 English words and 400 Chinese characters a minute.

const WORDS_PER_MINUTE: f64 = 230.0;
const HAN_PER_MINUTE: f64 = 400.0;

/// Counts of what a reader reads: Latin-script words and Han characters.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub words: usize,
    pub han: usize,
}

fn is_han(c: char) -> bool {
    matches!(c as u32,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
}

/// Counts words (runs of letters or digits outside Han) and Han characters.
pub fn count(text: &str) -> Counts {
    let mut c = Counts::default();
    let mut in_word = false;
    for ch in text.chars() {
        if is_han(ch) {
            c.han += 1;
            in_word = false;
        } else if ch.is_alphanumeric() {
            if !in_word {
                c.words += 1;
            }
            in_word = true;
        } else if !(in_word && matches!(ch, '\'' | '’' | '-')) {
            in_word = false;
        }
    }
    c
}

/// Whole minutes to read all `texts`, never less than one.
pub fn minutes<'a>(texts: impl IntoIterator<Item = &'a str>) -> u32 {
    let total = texts
        .into_iter()
        .map(count)
        .fold(Counts::default(), |a, b| Counts { words: a.words + b.words, han: a.han + b.han });
    let m = total.words as f64 / WORDS_PER_MINUTE + total.han as f64 / HAN_PER_MINUTE;
    (m.round() as u32).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_english_words_with_apostrophes_and_hyphens_as_one() {
        assert_eq!(count("Japan's 150-strong group, in 2016."), Counts { words: 5, han: 0 });
    }

    #[test]
    fn counts_han_characters_and_embedded_latin() {
        assert_eq!(count("安倍晋三与普京在G20会晤。"), Counts { words: 1, han: 10 });
    }

    #[test]
    fn minutes_round_and_never_drop_below_one() {
        assert_eq!(minutes(["word"]), 1);
        let long = "word ".repeat(460);
        assert_eq!(minutes([long.as_str()]), 2);
        let han = "字".repeat(1200);
        assert_eq!(minutes([han.as_str()]), 3);
    }
}
