//! The preloads of the app's code each kind of view needs.

use crate::Result;
use folio_model::Route;
use std::collections::HashMap;

/// The preloads of the app's code that a view needs beyond the main
/// module (`app.rs`), so that its first render waits for no second round
/// trip: a timeline's chunk, and on phones its list's (the `media` of the
/// layout's own breakpoint, `routes/timeline/layout.rs`), and a listing's.
/// An article and "not found" are in the main module; the dialogs load
/// when first opened, and search when its box is first focused, except on
/// the search page, which preloads it.
pub struct Code {
    /// By the kind of view (see [`Code::preloads`]), full and embedded.
    preloads: HashMap<(ViewCode, bool), String>,
}

/// The kinds of view whose first render needs a chunk.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum ViewCode {
    /// An article, "not found": the main module only.
    Main,
    /// A listing's stories.
    Listing,
    Timeline,
    /// An event's page: the timeline's, and its card's.
    Event,
    Search,
}

impl Code {
    pub fn new(app: &crate::app::AppFiles) -> Result<Code> {
        use crate::app::{EVENT, FRAME, LISTING, SEARCH, TIMELINE, TIMELINE_LIST};
        let phone = Some(folio::PHONE_QUERY);
        let mut preloads = HashMap::new();
        for embed in [false, true] {
            // An embed's chrome, before its view's.
            let frame = if embed { vec![(FRAME, None)] } else { Vec::new() };
            for (kind, wanted) in [
                (ViewCode::Main, vec![]),
                (ViewCode::Listing, vec![(LISTING, None)]),
                (ViewCode::Timeline, vec![(TIMELINE, None), (TIMELINE_LIST, phone)]),
                // The card is in both layouts; the list's own files, on
                // phones only.
                (ViewCode::Event, vec![(TIMELINE, None), (EVENT, None), (TIMELINE_LIST, phone)]),
                (ViewCode::Search, vec![(SEARCH, None)]),
            ] {
                let all: Vec<(&str, Option<&str>)> = frame.iter().cloned().chain(wanted).collect();
                preloads.insert((kind, embed), app.preloads(&all)?);
            }
        }
        Ok(Code { preloads })
    }

    /// The preloads of the chunks the first render of `route` needs, full
    /// or embedded.
    pub fn preloads(&self, route: &Route, embed: bool) -> &str {
        let kind = match route {
            Route::Timeline { event: Some(_), .. } => ViewCode::Event,
            Route::Timeline { .. } => ViewCode::Timeline,
            Route::Search => ViewCode::Search,
            Route::Listing { .. } => ViewCode::Listing,
            Route::Article { .. } | Route::BadPage { .. } | Route::NotFound => ViewCode::Main,
        };
        &self.preloads[&(kind, embed)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use folio_model::PageSel;

    #[test]
    fn each_view_preloads_its_chunks_the_phone_list_on_phones_only_and_an_article_none() {
        let files = |f: &[&str]| f.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let app = crate::app::AppFiles {
            dir: "app-1".into(),
            chunks: [
                ("timeline", files(&["chunk_1", "split_timeline"])),
                ("timeline_list", files(&["chunk_1", "split_timeline_list"])),
                ("embed", files(&["split_embed"])),
                ("search", files(&["chunk_1", "split_search"])),
                ("event", files(&["chunk_1", "chunk_2", "split_event"])),
                ("frame", files(&["split_frame"])),
                ("listing", files(&["chunk_1", "split_listing"])),
            ]
            .into_iter()
            .map(|(k, v)| (k.to_owned(), v))
            .collect(),
        };
        let code = Code::new(&app).unwrap();
        let timeline = code.preloads(&Route::Timeline { id: "t".into(), event: None }, false);
        let tags: Vec<&str> = timeline.split_inclusive('>').collect();
        assert_eq!(tags.len(), 3, "{timeline}");
        assert!(tags[0].contains("app-1/chunk_1.wasm") && !tags[0].contains("media"), "{timeline}");
        assert!(tags[1].contains("app-1/split_timeline.wasm") && !tags[1].contains("media"), "{timeline}");
        assert!(tags[2].contains("app-1/split_timeline_list.wasm") && tags[2].contains("media=\"(max-width: 699px)\""));
        let page = code.preloads(&Route::Timeline { id: "t".into(), event: Some("e".into()) }, false);
        let files: Vec<&str> = page.split("href=app-1/").skip(1).map(|t| t.split(' ').next().unwrap()).collect();
        assert_eq!(
            files,
            ["chunk_1.wasm", "split_timeline.wasm", "chunk_2.wasm", "split_event.wasm", "split_timeline_list.wasm"],
            "an event's page: its card too, each file once"
        );
        let article = Route::Article { slug: "a".into(), page: PageSel::Page(1) };
        assert_eq!(
            code.preloads(&article, false),
            "",
            "the article is in the main module; the dialogs load when wanted"
        );
        assert!(code.preloads(&article, true).contains("app-1/split_frame.wasm"), "an embed's chrome");
        let home = code.preloads(&Route::Listing { listing: folio_model::listing::Listing::Latest, page: 1 }, false);
        assert!(home.contains("app-1/split_listing.wasm") && home.contains("app-1/chunk_1.wasm"), "{home}");
        let search = code.preloads(&Route::Search, false);
        assert!(search.contains("app-1/split_search.wasm") && search.contains("app-1/chunk_1.wasm"), "{search}");
        let missing = crate::app::AppFiles { dir: "app-1".into(), chunks: Default::default() };
        assert!(Code::new(&missing).is_err(), "a split point the build did not produce is an error");
    }
}
