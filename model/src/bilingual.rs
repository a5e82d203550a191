//! Pairing English and Chinese paragraph by paragraph.
//!
//! A block holds both languages of one passage, so pairs are aligned by
//! construction. A translator may still split or merge paragraphs: either
//! side of a block may hold several paragraphs separated by a blank line,
//! and a block may have no translation yet. The view keeps each block on
//! one row ([`side`] gives its paragraphs in one language), so a long
//! paragraph never pushes its partner out of line; [`pair`] counts
//! paragraphs per language, so the reader can say when the two sides do
//! not match one to one.

use crate::article::Block;
use crate::rich::{Rich, RichText};
use crate::text::Lang;

/// The paragraph counts of a page (or of all pages), per language.
#[derive(Clone, Debug, PartialEq)]
pub struct Pairing {
    /// Paragraphs of paragraph blocks (not subheads or quotes).
    pub en_paragraphs: usize,
    pub zh_paragraphs: usize,
    /// Blocks with no translation at all.
    pub untranslated: usize,
    /// Blocks whose two sides have different numbers of paragraphs.
    uneven: usize,
}

impl Pairing {
    /// True when every English paragraph has exactly one Chinese partner.
    pub fn aligned(&self) -> bool {
        self.untranslated == 0 && self.uneven == 0
    }
}

/// The paragraphs of `text` in `lang`; empty if that language is missing.
pub fn side(text: &RichText, lang: Lang) -> Vec<Rich> {
    text.side(lang).map(Rich::paragraphs).unwrap_or_default()
}

/// Pairs the blocks of one page (or of all pages).
pub fn pair<'a>(blocks: impl IntoIterator<Item = &'a Block>) -> Pairing {
    let mut p = Pairing { en_paragraphs: 0, zh_paragraphs: 0, untranslated: 0, uneven: 0 };
    for block in blocks {
        // A list pairs item by item; a figure has one caption for both.
        let texts = block.texts();
        let counts: Vec<(usize, usize)> =
            texts.iter().map(|t| (side(t, Lang::En).len(), side(t, Lang::Zh).len())).collect();
        if matches!(block, Block::Paragraph { .. }) {
            p.en_paragraphs += counts.iter().map(|c| c.0).sum::<usize>();
            p.zh_paragraphs += counts.iter().map(|c| c.1).sum::<usize>();
        }
        p.untranslated += usize::from(counts.iter().any(|c| c.1 == 0));
        p.uneven += usize::from(counts.iter().any(|c| c.0 != c.1));
    }
    p
}

#[cfg(test)]
mod tests {
    use super::*;

    fn para(en: &str, zh: Option<&str>) -> Block {
        Block::Paragraph { text: RichText { en: Rich::plain(en), zh: zh.map(Rich::plain) }, events: vec![] }
    }

    #[test]
    fn one_to_one_is_aligned() {
        let blocks = [para("One.", Some("一。")), para("Two.", Some("二。"))];
        let p = pair(&blocks);
        assert!(p.aligned());
        assert_eq!((p.en_paragraphs, p.zh_paragraphs, p.untranslated), (2, 2, 0));
    }

    #[test]
    fn a_missing_translation_is_counted() {
        let blocks = [para("One.", Some("一。")), para("Two.", None), para("Three.", Some("  "))];
        let p = pair(&blocks);
        assert!(!p.aligned());
        assert_eq!((p.en_paragraphs, p.zh_paragraphs, p.untranslated), (3, 1, 2));
    }

    #[test]
    fn an_extra_chinese_paragraph_is_misaligned() {
        let blocks = [para("One long paragraph.", Some("第一段。\n\n译者拆出的第二段。")), para("Two.", Some("二。"))];
        let p = pair(&blocks);
        assert!(!p.aligned());
        assert_eq!((p.en_paragraphs, p.zh_paragraphs, p.untranslated), (2, 3, 0));
        assert_eq!(side(blocks[0].texts()[0], Lang::Zh), [Rich::plain("第一段。"), Rich::plain("译者拆出的第二段。")]);
    }

    #[test]
    fn a_split_and_a_merge_that_even_out_are_still_misaligned() {
        let blocks = [para("One.", Some("一。\n\n一又半。")), para("Two.\n\nThree.", Some("二三。"))];
        let p = pair(&blocks);
        assert_eq!((p.en_paragraphs, p.zh_paragraphs, p.untranslated), (3, 3, 0));
        assert!(!p.aligned(), "equal totals, but not one to one");
    }

    #[test]
    fn subheads_pair_but_only_paragraphs_are_counted() {
        let blocks = [
            Block::Subhead { text: RichText { en: Rich::plain("Head"), zh: Some(Rich::plain("标题")) } },
            para("One.", Some("一。")),
        ];
        let p = pair(&blocks);
        assert_eq!((p.en_paragraphs, p.zh_paragraphs), (1, 1));
        assert!(p.aligned());
    }

    #[test]
    fn a_list_pairs_item_by_item_and_an_item_without_its_translation_is_counted() {
        let item = |en: &str, zh: Option<&str>| crate::article::Item {
            text: RichText { en: Rich::plain(en), zh: zh.map(Rich::plain) },
            items: vec![],
        };
        let list = |items| Block::List { ordered: false, items };
        assert!(pair(&[list(vec![item("a", Some("甲")), item("b", Some("乙"))])]).aligned());
        let p = pair(&[list(vec![item("a", Some("甲")), item("b", None)])]);
        assert_eq!((p.en_paragraphs, p.untranslated), (0, 1), "items are not paragraphs, but are paired");
        assert!(!p.aligned());
    }
}
