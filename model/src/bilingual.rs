//! Pairing English and Chinese paragraph by paragraph.
//!
//! A block holds both languages of one passage, so pairs are aligned by
//! construction. A translator may still split or merge paragraphs: either
//! side of a block may hold several paragraphs separated by a blank line,
//! and a block may have no translation yet. Pairing keeps each block on one
//! row (so a long paragraph never pushes its partner out of line) and
//! counts paragraphs per language, so the reader can say when the two
//! sides do not match one to one.

use crate::article::Block;
use crate::text::{Lang, Text};

/// One row of a bilingual page: the paragraphs of each language for one
/// block. `zh` is empty when the block is not translated.
#[derive(Clone, Debug, PartialEq)]
pub struct Row<'a> {
    pub block: &'a Block,
    pub en: Vec<&'a str>,
    pub zh: Vec<&'a str>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Pairing<'a> {
    pub rows: Vec<Row<'a>>,
    pub en_paragraphs: usize,
    pub zh_paragraphs: usize,
    /// Blocks with no translation at all.
    pub untranslated: usize,
}

impl Pairing<'_> {
    /// True when every English paragraph has exactly one Chinese partner.
    pub fn aligned(&self) -> bool {
        self.untranslated == 0 && self.rows.iter().all(|r| r.en.len() == r.zh.len())
    }
}

/// Splits a text into paragraphs at blank lines, dropping empty ones.
pub fn paragraphs(s: &str) -> Vec<&str> {
    s.split("\n\n").map(str::trim).filter(|p| !p.is_empty()).collect()
}

/// The paragraphs of `text` in `lang`; empty if that language is missing.
pub fn side(text: &Text, lang: Lang) -> Vec<&str> {
    match lang {
        Lang::En => paragraphs(&text.en),
        Lang::Zh => text.zh.as_deref().map(paragraphs).unwrap_or_default(),
    }
}

/// Pairs the blocks of one page (or of all pages).
pub fn pair<'a>(blocks: impl IntoIterator<Item = &'a Block>) -> Pairing<'a> {
    let mut p = Pairing { rows: Vec::new(), en_paragraphs: 0, zh_paragraphs: 0, untranslated: 0 };
    for block in blocks {
        let en = side(block.text(), Lang::En);
        let zh = side(block.text(), Lang::Zh);
        if matches!(block, Block::Paragraph { .. }) {
            p.en_paragraphs += en.len();
            p.zh_paragraphs += zh.len();
        }
        if zh.is_empty() {
            p.untranslated += 1;
        }
        p.rows.push(Row { block, en, zh });
    }
    p
}

#[cfg(test)]
mod tests {
    use super::*;

    fn para(en: &str, zh: Option<&str>) -> Block {
        Block::Paragraph { text: Text { en: en.into(), zh: zh.map(Into::into) }, events: vec![] }
    }

    #[test]
    fn one_to_one_is_aligned() {
        let blocks = [para("One.", Some("一。")), para("Two.", Some("二。"))];
        let p = pair(&blocks);
        assert!(p.aligned());
        assert_eq!((p.en_paragraphs, p.zh_paragraphs, p.untranslated), (2, 2, 0));
        assert_eq!(p.rows[1].zh, ["二。"]);
    }

    #[test]
    fn a_missing_translation_keeps_its_row_and_is_counted() {
        let blocks = [para("One.", Some("一。")), para("Two.", None), para("Three.", Some("  "))];
        let p = pair(&blocks);
        assert!(!p.aligned());
        assert_eq!((p.en_paragraphs, p.zh_paragraphs, p.untranslated), (3, 1, 2));
        assert_eq!(p.rows.len(), 3, "rows never shift: row 3 is still paragraph 3");
        assert_eq!(p.rows[2].en, ["Three."]);
        assert!(p.rows[2].zh.is_empty());
    }

    #[test]
    fn an_extra_chinese_paragraph_stays_beside_its_english_partner() {
        let blocks = [para("One long paragraph.", Some("第一段。\n\n译者拆出的第二段。")), para("Two.", Some("二。"))];
        let p = pair(&blocks);
        assert!(!p.aligned());
        assert_eq!((p.en_paragraphs, p.zh_paragraphs, p.untranslated), (2, 3, 0));
        assert_eq!(p.rows[0].zh.len(), 2);
        assert_eq!(p.rows[1].en, ["Two."], "the next row is unaffected");
    }

    #[test]
    fn subheads_pair_but_only_paragraphs_are_counted() {
        let blocks =
            [Block::Subhead { text: Text { en: "Head".into(), zh: Some("标题".into()) } }, para("One.", Some("一。"))];
        let p = pair(&blocks);
        assert_eq!((p.en_paragraphs, p.zh_paragraphs), (1, 1));
        assert_eq!(p.rows.len(), 2);
    }
}
