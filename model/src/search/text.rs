//! Turning text into search terms, the same way for the index (built by
//! `cargo xtask dist`) and for the reader's query (in the browser).
//!
//! English words are folded (lower case, no diacritics, full-width forms
//! as ASCII) and lightly stemmed, so "Summits" finds "summit" and "Tōkyō"
//! finds "Tokyo". A handful of the commonest words are not indexed: they
//! are in every article, so their postings would be the largest files of
//! the index and narrow no search.
//!
//! Chinese has no spaces, so a run of Han characters is indexed as its
//! characters and its overlapping pairs (bigrams): 北海道 is 北海 and 海道.
//! A query word of two or more characters looks up its pairs, which must
//! meet in one paragraph; the paragraph's text then confirms that the
//! word is there in one piece (see [`find`]), so 北海道 does not match a
//! text with 北海 and 海道 apart. A dictionary segmenter would find word
//! boundaries too, but its dictionary would cost more than the rest of
//! search together (docs/decisions.md).

/// A term of the index, with where it is in the text it came from (byte
/// offsets into the original, unfolded string).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    pub term: String,
    pub start: usize,
    pub end: usize,
}

/// One word of a query: what to look up, and what to find in the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QueryWord {
    /// The word, folded: an English word as typed (before stemming), or a
    /// run of Han characters.
    pub text: String,
    /// The index terms it needs: one stem, or a Han run's pairs (its one
    /// character, if it has one).
    pub terms: Vec<String>,
    pub han: bool,
}

/// The longest query read, in characters, and the most words searched:
/// a pasted page of text searches its first words, not every one of them.
pub const MAX_QUERY_CHARS: usize = 200;
pub const MAX_QUERY_WORDS: usize = 8;

/// Words too common to index. Kept short on purpose: a word that means
/// something in a headline ("new", "over") stays searchable.
const STOPWORDS: &[&str] = &[
    "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "has", "have", "in", "is", "it", "its", "of", "on",
    "or", "that", "the", "to", "was", "were", "will", "with",
];

pub fn is_stopword(word: &str) -> bool {
    STOPWORDS.contains(&word)
}

/// Han ideographs (the unified blocks and their extensions) and kana:
/// scripts written without spaces, indexed by characters and pairs.
pub fn is_han(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FFFF)
}

/// A letter or digit of a spaced script.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() && !is_han(c)
}

/// `c` lower-cased, without diacritics, full-width forms as ASCII; pushed
/// onto `out`. Covers the Latin letters of European names and Japanese
/// romanisation (ō, ū); other letters are only lower-cased.
fn fold_into(c: char, out: &mut String) {
    let c = match c as u32 {
        0xFF01..=0xFF5E => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        _ => c,
    };
    let plain = match c {
        'À'..='Å' | 'à'..='å' | 'Ā' | 'ā' | 'Ă' | 'ă' | 'Ą' | 'ą' => "a",
        'Ç' | 'ç' | 'Ć' | 'ć' | 'Č' | 'č' => "c",
        'Ď' | 'ď' | 'Đ' | 'đ' => "d",
        'È'..='Ë' | 'è'..='ë' | 'Ē' | 'ē' | 'Ę' | 'ę' | 'Ě' | 'ě' => "e",
        'Ğ' | 'ğ' => "g",
        'Ì'..='Ï' | 'ì'..='ï' | 'Ī' | 'ī' | 'İ' | 'ı' => "i",
        'Ł' | 'ł' => "l",
        'Ñ' | 'ñ' | 'Ń' | 'ń' | 'Ň' | 'ň' => "n",
        'Ò'..='Ö' | 'ò'..='ö' | 'Ø' | 'ø' | 'Ō' | 'ō' | 'Ő' | 'ő' => "o",
        'Ř' | 'ř' => "r",
        'Ś' | 'ś' | 'Š' | 'š' | 'Ş' | 'ş' => "s",
        'Ţ' | 'ţ' | 'Ť' | 'ť' => "t",
        'Ù'..='Ü' | 'ù'..='ü' | 'Ū' | 'ū' | 'Ů' | 'ů' | 'Ű' | 'ű' => "u",
        'Ý' | 'ý' | 'ÿ' => "y",
        'Ź' | 'ź' | 'Ż' | 'ż' | 'Ž' | 'ž' => "z",
        'ß' => "ss",
        'Æ' | 'æ' => "ae",
        'Œ' | 'œ' => "oe",
        _ => {
            out.extend(c.to_lowercase());
            return;
        }
    };
    out.push_str(plain);
}

/// `s` folded as the index folds it.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        fold_into(c, &mut out);
    }
    out
}

fn has_vowel(s: &str) -> bool {
    s.bytes().any(|b| b"aeiouy".contains(&b))
}

/// A light English stemmer for folded words: plurals, possessives, "-ing"
/// and "-ed", and a final "e", so that "summits", "event" and "agreed"
/// meet "summit", "meet" and "agree". Not Porter's: it never merges words
/// by their suffixes beyond these ("nation" and "national" stay apart),
/// which keeps a reader's query from matching words they did not type.
pub fn stem(word: &str) -> String {
    let mut w = word.trim_end_matches(['\'', '’']).to_owned();
    for s in ["'s", "’s"] {
        if let Some(base) = w.strip_suffix(s) {
            w = base.to_owned();
        }
    }
    if w.chars().count() <= 3 || !w.is_ascii() {
        return w;
    }
    if let Some(base) = w.strip_suffix("ies").filter(|b| b.len() >= 2) {
        w = format!("{base}y");
    } else if let Some(base) = w.strip_suffix("ied").filter(|b| b.len() >= 2) {
        w = format!("{base}y");
    } else if w.ends_with("sses") || ["xes", "ches", "shes", "zes"].iter().any(|s| w.ends_with(s)) {
        w.truncate(w.len() - 2);
    } else if w.ends_with('s') && !["ss", "us", "is"].iter().any(|s| w.ends_with(s)) {
        w.pop();
    }
    let mut verb = false;
    for suffix in ["ing", "ed"] {
        if let Some(base) = w.strip_suffix(suffix).filter(|b| b.len() >= 3 && has_vowel(b)) {
            let mut base = base.to_owned();
            // "running" → "run", but "calling" stays "call".
            let b = base.as_bytes();
            let n = b.len();
            if n >= 2 && b[n - 1] == b[n - 2] && !b"lsz".contains(&b[n - 1]) && !has_vowel(&base[n - 1..]) {
                base.pop();
            }
            w = base;
            verb = true;
            break;
        }
    }
    // "agreed" has lost its "ed"; "agree" loses its "e": both "agre".
    if !verb && w.len() > 3 && w.ends_with('e') {
        w.pop();
    }
    w
}

/// What a scan of a text yields: a spaced word, or a run of Han
/// characters, with its byte range in the text.
enum Piece<'a> {
    Word(&'a str, usize),
    Han(&'a str, usize),
}

/// Splits `text` into words and Han runs. An apostrophe between letters
/// stays in the word ("Japan's", with its possessive then stemmed off).
fn pieces(text: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        let han = is_han(c);
        if !han && !is_word_char(c) {
            continue;
        }
        let mut end = start + c.len_utf8();
        while let Some(&(i, d)) = chars.peek() {
            let joins = if han {
                is_han(d)
            } else if d == '\'' || d == '’' {
                let mut ahead = text[i + d.len_utf8()..].chars();
                ahead.next().is_some_and(is_word_char)
            } else {
                is_word_char(d)
            };
            if !joins {
                break;
            }
            end = i + d.len_utf8();
            chars.next();
        }
        let s = &text[start..end];
        out.push(if han { Piece::Han(s, start) } else { Piece::Word(s, start) });
    }
    out
}

/// The index terms of `text`: each word's stem (common words left out),
/// and each Han character and pair of neighbouring characters.
pub fn tokens(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    for piece in pieces(text) {
        match piece {
            Piece::Word(w, start) => {
                let term = stem(&fold(w));
                if !term.is_empty() && !is_stopword(&term) {
                    out.push(Token { term, start, end: start + w.len() });
                }
            }
            Piece::Han(run, start) => {
                let chars: Vec<(usize, char)> = run.char_indices().collect();
                // Han characters and kana fold to themselves.
                for (j, &(i, c)) in chars.iter().enumerate() {
                    let a = start + i;
                    out.push(Token { term: c.to_string(), start: a, end: a + c.len_utf8() });
                    if let Some(&(k, d)) = chars.get(j + 1) {
                        let mut term = String::with_capacity(8);
                        term.push(c);
                        term.push(d);
                        out.push(Token { term, start: a, end: start + k + d.len_utf8() });
                    }
                }
            }
        }
    }
    out
}

/// The words of a query, at most [`MAX_QUERY_WORDS`] of the first
/// [`MAX_QUERY_CHARS`] characters, each once. Punctuation, common words
/// and symbols are not words; a query of nothing else has none.
pub fn query_words(query: &str) -> Vec<QueryWord> {
    let mut end = query.char_indices().nth(MAX_QUERY_CHARS).map_or(query.len(), |(i, _)| i);
    // A word cut in two at the limit is left out, not searched as half a
    // word.
    if query[end..].chars().next().is_some_and(is_word_char) {
        end = query[..end].rfind(|c: char| !is_word_char(c)).unwrap_or(0);
    }
    let mut out: Vec<QueryWord> = Vec::new();
    for piece in pieces(&query[..end]) {
        let word = match piece {
            Piece::Word(w, _) => {
                let text = fold(w);
                let term = stem(&text);
                if term.is_empty() || is_stopword(&term) {
                    continue;
                }
                QueryWord { text: text.trim_end_matches(['\'', '’']).to_owned(), terms: vec![term], han: false }
            }
            Piece::Han(run, _) => {
                let text = fold(run);
                let chars: Vec<char> = text.chars().collect();
                let terms = if chars.len() == 1 {
                    vec![text.clone()]
                } else {
                    chars.windows(2).map(|p| p.iter().collect()).collect()
                };
                QueryWord { text, terms, han: true }
            }
        };
        if !out.iter().any(|w| w.terms == word.terms) {
            out.push(word);
        }
        if out.len() == MAX_QUERY_WORDS {
            break;
        }
    }
    out
}

/// Where the query's words are in `text`, as sorted byte ranges that do
/// not overlap: an English word wherever a word of the text has its stem,
/// a Han word wherever the text holds it in one piece.
pub fn find(text: &str, words: &[QueryWord]) -> Vec<(usize, usize)> {
    let mut hits: Vec<(usize, usize)> = Vec::new();
    let stems: Vec<&str> = words.iter().filter(|w| !w.han).map(|w| w.terms[0].as_str()).collect();
    if !stems.is_empty() {
        for piece in pieces(text) {
            if let Piece::Word(w, start) = piece {
                if stems.contains(&stem(&fold(w)).as_str()) {
                    hits.push((start, start + w.len()));
                }
            }
        }
    }
    for w in words.iter().filter(|w| w.han) {
        hits.extend(find_folded(text, &w.text));
    }
    hits.sort_unstable();
    let mut out: Vec<(usize, usize)> = Vec::new();
    for (s, e) in hits {
        match out.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => out.push((s, e)),
        }
    }
    out
}

/// Byte ranges of `text` that fold to `needle` (itself folded). Han
/// characters fold to themselves, so this compares character by character
/// from each position.
fn find_folded(text: &str, needle: &str) -> Vec<(usize, usize)> {
    let want: Vec<char> = needle.chars().collect();
    let have: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    if want.is_empty() {
        return out;
    }
    let mut i = 0;
    while i + want.len() <= have.len() {
        let same = want.iter().zip(&have[i..]).all(|(w, (_, h))| {
            let mut f = String::new();
            fold_into(*h, &mut f);
            f.chars().eq(std::iter::once(*w))
        });
        if same {
            let (start, _) = have[i];
            let (last, c) = have[i + want.len() - 1];
            out.push((start, last + c.len_utf8()));
            i += want.len();
        } else {
            i += 1;
        }
    }
    out
}

/// Whether every word of the query is in `text`: the check that turns a
/// Han word's pairs, found near each other by the index, into the word.
pub fn holds_all(text: &str, words: &[QueryWord]) -> bool {
    words.iter().all(|w| !find(text, std::slice::from_ref(w)).is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(text: &str) -> Vec<String> {
        tokens(text).into_iter().map(|t| t.term).collect()
    }

    #[test]
    fn english_is_folded_and_lightly_stemmed() {
        for (word, want) in [
            ("Summits", "summit"),
            ("summit", "summit"),
            ("SUMMIT", "summit"),
            ("meetings", "meet"),
            ("meeting", "meet"),
            ("agreed", "agre"),
            ("agree", "agre"),
            ("making", "mak"),
            ("make", "mak"),
            ("times", "tim"),
            ("talks", "talk"),
            ("islands", "island"),
            ("policies", "policy"),
            ("studied", "study"),
            ("boxes", "box"),
            ("matches", "match"),
            ("running", "run"),
            ("calling", "call"),
            ("process", "process"),
            ("status", "status"),
            ("analysis", "analysis"),
            ("Japan's", "japan"),
            ("Russians’", "russian"),
            ("Tōkyō", "tokyo"),
            ("Ryūkyū", "ryukyu"),
            ("Gorbachëv", "gorbachev"),
            ("ＡＢＥ", "abe"),
            ("1956", "1956"),
            ("bus", "bus"),
        ] {
            assert_eq!(terms(word), [want], "{word}");
        }
        assert_eq!(terms("nation national"), ["nation", "national"], "no aggressive merging");
    }

    #[test]
    fn words_are_split_at_punctuation_and_common_words_are_left_out() {
        assert_eq!(terms("The Japan-Russia summit, in Sochi."), ["japan", "russia", "summit", "sochi"]);
        assert!(terms("it's").is_empty(), "it + 's: a common word");
        assert!(terms("the of and").is_empty());
    }

    #[test]
    fn han_runs_are_characters_and_pairs() {
        assert_eq!(terms("北海道"), ["北", "北海", "海", "海道", "道"]);
        assert_eq!(terms("在北京。"), ["在", "在北", "北", "北京", "京"]);
        assert_eq!(terms("安倍与普京"), ["安", "安倍", "倍", "倍与", "与", "与普", "普", "普京", "京"]);
        let mixed = tokens("Abe 在 Sochi");
        assert_eq!(mixed.iter().map(|t| t.term.as_str()).collect::<Vec<_>>(), ["abe", "在", "sochi"]);
        assert_eq!((mixed[1].start, mixed[1].end), (4, 7), "byte offsets into the text");
    }

    #[test]
    fn a_query_is_its_words_each_once() {
        let q = query_words("Summits summit 北海道 俄");
        assert_eq!(q.len(), 3);
        assert_eq!(q[0].terms, ["summit"]);
        assert_eq!(q[1], QueryWord { text: "北海道".into(), terms: vec!["北海".into(), "海道".into()], han: true });
        assert_eq!(q[2].terms, ["俄"]);
    }

    #[test]
    fn bad_queries_have_no_words_or_their_first_words() {
        for q in ["", "   ", "?!…—", "the of", "<>", "\u{202e}", ".*+?^${}()|[]\\"] {
            assert!(query_words(q).is_empty(), "{q:?}");
        }
        assert_eq!(query_words("<script>alert(1)</script>").len(), 3, "script, alert and 1, each once");
        let long = "summit ".repeat(2000) + &"abc ".repeat(2000);
        assert_eq!(query_words(&long).len(), 1, "the first 200 characters, without the word cut in two");
        let many: String = (0..50).map(|i| format!("w{i} ")).collect();
        assert_eq!(query_words(&many).len(), MAX_QUERY_WORDS);
        assert_eq!(query_words("\u{202e}summit\u{202c}")[0].terms, ["summit"], "controls are not letters");
    }

    #[test]
    fn find_marks_stems_and_whole_han_words() {
        let q = query_words("summit 北海道");
        let text = "Summits on 北海道, not 北海 or 海道.";
        let hits = find(text, &q);
        let marked: Vec<&str> = hits.iter().map(|&(s, e)| &text[s..e]).collect();
        assert_eq!(marked, ["Summits", "北海道"]);
        assert!(holds_all(text, &q));
        assert!(!holds_all("Summits near 北海 and 海道", &q), "the pairs apart are not the word");
        assert_eq!(find("ＡＢＥ met", &query_words("abe")).len(), 1);
    }
}
