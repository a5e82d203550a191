use crate::components::block::BlockView;
use crate::dom::print::use_printing;
use folio_model::{Article, Mode, PageSel};
use leptos::prelude::*;
use std::sync::Arc;

/// What a printout has and the screen does not: the whole article, in the
/// mode being read, and its address. Built while the browser prints (and
/// dropped after), not with every page, which would double the work of
/// every page turn and language switch.
pub fn print_copy(article: Arc<Article>, page: Memo<PageSel>, mode: Mode) -> impl IntoView {
    let printing = use_printing();
    let count = article.page_count();
    move || {
        let url = printing.get()?;
        let whole = (count > 1 && page.get() != PageSel::All).then(|| {
            let blocks = article
                .blocks(PageSel::All)
                .into_iter()
                .enumerate()
                .map(|(i, b)| view! { <BlockView block=b.clone() id=i mode copy=true/> })
                .collect_view();
            view! { <div class="print-all">{blocks}</div> }
        });
        Some(view! {
            {whole}
            <p class="print-source">{url}</p>
        })
    }
}
