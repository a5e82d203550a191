//! The headline broken into lines, by the font's own advance widths, so
//! that it never runs off the card.

/// Breaks `text` into at most `max_lines` lines no wider than `width` by
/// `measure`: between words, and between any two Chinese characters, but
/// never before closing punctuation (，。、」…) or after opening (「“《).
/// A text longer than the lines allow ends its last line with "…".
pub fn wrap(text: &str, width: f32, max_lines: usize, measure: impl Fn(&str) -> f32) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for piece in pieces(text) {
        let candidate = format!("{line}{piece}");
        if line.is_empty() || measure(candidate.trim_end()) <= width {
            line = candidate;
            continue;
        }
        lines.push(line.trim_end().to_owned());
        line = piece.trim_start().to_owned();
        if lines.len() == max_lines {
            break;
        }
    }
    if lines.len() < max_lines && !line.trim().is_empty() {
        lines.push(line.trim_end().to_owned());
        line.clear();
    }
    if !line.trim().is_empty() {
        // More text than lines: the last line gives way to an ellipsis.
        let last = lines.last_mut().expect("max_lines is at least 1");
        while !last.is_empty() && measure(&format!("{last}…")) > width {
            last.pop();
        }
        *last = format!("{}…", last.trim_end_matches([' ', ',', '，', '、']));
    }
    lines
}

/// The pieces a line may break between: a word with the spaces after it,
/// or one CJK character, each with the punctuation that must stay with it.
fn pieces(text: &str) -> Vec<String> {
    let cjk = |c: char| matches!(c, '\u{2E80}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{FF00}'..='\u{FFEF}');
    let closing = |c: char| "，。、；：？！）」』》”’…·,.;:?!)".contains(c);
    let opening = |c: char| "（「『《“‘(".contains(c);
    let mut out: Vec<String> = Vec::new();
    let mut open = false;
    for c in text.chars() {
        let attach = match out.last() {
            None => false,
            Some(_) if open || closing(c) => true,
            Some(last) => {
                let prev = last.chars().last().unwrap_or(' ');
                // A word goes on; a space ends it, and CJK breaks anywhere.
                let starts_word = prev == ' ' && c != ' ';
                !(cjk(c) || cjk(prev) || starts_word)
            }
        };
        if attach {
            out.last_mut().expect("attach needs a piece").push(c);
        } else {
            out.push(c.to_string());
        }
        open = opening(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every character 10 px wide.
    fn mono(s: &str) -> f32 {
        s.chars().count() as f32 * 10.0
    }

    #[test]
    fn english_breaks_between_words_within_the_width() {
        let lines = wrap("Japan makes overtures to Russia over the islands", 120.0, 9, mono);
        assert_eq!(lines, ["Japan makes", "overtures to", "Russia over", "the islands"]);
        assert!(lines.iter().all(|l| mono(l) <= 120.0));
    }

    #[test]
    fn chinese_breaks_between_characters_but_keeps_punctuation_with_its_word() {
        let lines = wrap("日本向俄罗斯示好，《北方领土》问题", 50.0, 9, mono);
        assert_eq!(lines, ["日本向俄罗", "斯示好，", "《北方领", "土》问题"]);
    }

    #[test]
    fn a_text_longer_than_its_lines_ends_in_an_ellipsis() {
        let lines = wrap("one two three four five six seven", 100.0, 2, mono);
        assert_eq!(lines.len(), 2);
        assert!(lines[1].ends_with('…') && mono(&lines[1]) <= 100.0, "{lines:?}");
    }

    #[test]
    fn a_word_wider_than_the_line_has_a_line_of_its_own() {
        assert_eq!(wrap("a Wladiwostok b", 50.0, 9, mono), ["a", "Wladiwostok", "b"]);
    }
}
