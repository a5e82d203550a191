//! The component vocabulary of `docs/design.md`, one component per file, named
//! after what a reader sees.
//!
//! Components that show article text take the reading [`Mode`] as a plain
//! value: their parent re-renders them when the mode changes, which keeps
//! each of them simple and the switch to one frame of work.

pub mod article_header;
pub mod bi_text;
pub mod block;
pub mod crumb;
pub mod embed_dialog;
pub mod embed_frame;
pub mod error_panel;
pub mod event_strip;
pub mod figure;
pub mod keep_offline;
pub mod lang_toggle;
pub mod layout_switch;
pub mod live_region;
pub mod masthead;
pub mod modal;
pub mod pager;
pub mod reader_keys;
pub mod reader_settings;
pub mod related_list;
pub mod rich;
pub mod saved_list;
pub mod saved_notice;
pub mod search_box;

pub use folio_model::ui::for_mode as ui;
pub use folio_model::Mode;
