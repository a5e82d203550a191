//! The component vocabulary of DESIGN.md, one component per file, named
//! after what a reader sees.

pub mod article_header;
pub mod block;
pub mod crumb;
pub mod error_panel;
pub mod figure;
pub mod masthead;
pub mod pager;
pub mod paragraph;
pub mod reader_keys;
pub mod related_list;

use folio_model::ui::{strings, Strings};
use folio_model::Lang;

/// The reader's language. English only until the language toggle lands;
/// every view asks here, so the toggle changes one function.
pub fn current_lang() -> Lang {
    Lang::En
}

/// The interface strings for [`current_lang`].
pub fn ui() -> &'static Strings {
    strings(current_lang())
}
