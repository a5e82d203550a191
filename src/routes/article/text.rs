use crate::components::{block::BlockView, event_strip::EventLink, ui};
use folio_model::route::relative;
use folio_model::timeline::mentions::Cites;
use folio_model::{bilingual, Article, Block, Mode, PageSel, Route};
use leptos::prelude::*;
use std::sync::Arc;

/// An event id → its link on the timeline that holds it, from the
/// article's cites (`content/derived/cites/…`); none without them.
pub fn event_links(cites: Option<Arc<Cites>>, mode: Mode) -> impl Fn(&str) -> Option<EventLink> + Clone + 'static {
    move |id: &str| {
        let e = cites.as_deref()?.get(id)?;
        let route = Route::Timeline { id: e.timeline.clone(), event: Some(e.event.clone()) };
        Some(EventLink {
            href: relative(&mode.localize(&route.href())),
            date: e.year.to_string(),
            title: e.title.clone(),
        })
    }
}

/// The blocks of the page being read, each linking to the events it
/// cites, and in Both mode a note where the two languages do not pair up.
pub fn page_text(article: Arc<Article>, cites: Option<Arc<Cites>>, page: Memo<PageSel>, mode: Mode) -> impl IntoView {
    let t = ui(mode);
    let link = event_links(cites, mode);
    move || {
        let sel = page.get();
        // Blocks carry their position in the whole article, so the same id
        // names the same passage on a page, in "view all" and in every mode.
        let first = article.first_block(sel);
        let blocks = article.blocks(sel);
        let pairing = bilingual::pair(blocks.iter().copied());
        let notice = (mode == Mode::Both && !pairing.aligned()).then(|| {
            view! { <p class="notice" role="note">{(t.misaligned)(pairing.en_paragraphs, pairing.zh_paragraphs)}</p> }
        });
        let views = blocks
            .into_iter()
            .enumerate()
            .map(|(i, b)| {
                let events = match b {
                    Block::Paragraph { events, .. } => events.iter().filter_map(|id| link(id)).collect(),
                    _ => Vec::new(),
                };
                view! { <BlockView block=b.clone() id=first + i mode events eager=i == 0/> }
            })
            .collect_view();
        view! { {notice}{views} }
    }
}
