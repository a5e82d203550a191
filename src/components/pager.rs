use crate::components::{ui, Mode};
use folio_model::route::{article_href, relative};
use folio_model::PageSel;
use leptos::prelude::*;

/// "Previous Page 1 2 Next Page", plus "View all".
///
/// Every target is a real link, so the router turns pages without a reload
/// and the back button, reload and shared links all work. Previous and Next
/// at the ends are rendered without `href`, which makes them inert for
/// mouse, keyboard and screen readers alike. `data-noscroll` keeps the
/// router from jumping to the top of the window: the reader moves focus and
/// scroll to the top of the new page's text instead.
#[component]
pub fn Pager(
    #[prop(into)] slug: String,
    #[prop(into)] page: Signal<PageSel>,
    count: usize,
    mode: Mode,
) -> impl IntoView {
    let t = ui(mode);
    let slug = StoredValue::new(slug);
    let links = crate::state::Links::new();
    let href = move |sel: PageSel| slug.with_value(|s| relative(&links.to(mode, &article_href(s, sel), "")));
    let step = move |target: Option<usize>, label: &'static str, class: &'static str, rel: &'static str| match target {
        Some(n) => view! { <a class=class rel=rel href=href(PageSel::Page(n)) data-noscroll="">{label}</a> }.into_any(),
        None => view! { <a class=class aria-disabled="true" role="link">{label}</a> }.into_any(),
    };
    let prev = move || step(page.get().prev(), t.previous_page, "pager-prev", "prev");
    let next = move || step(page.get().next(count), t.next_page, "pager-next", "next");
    let numbers = (1..=count)
        .map(|n| {
            let current = move || (page.get() == PageSel::Page(n)).then_some("page");
            view! {
                <li>
                    <a class="pager-num" href=href(PageSel::Page(n)) data-noscroll="" aria-current=current aria-label=(t.page_n)(n)>{n}</a>
                </li>
            }
        })
        .collect_view();
    let all_current = move || page.get().is_all().then_some("page");
    view! {
        <nav class="pager" aria-label=t.pages_label>
            {prev}
            <ol class="pager-nums">{numbers}</ol>
            {next}
            <a class="pager-all" href=href(PageSel::All) data-noscroll="" aria-current=all_current>{t.view_all}</a>
        </nav>
    }
}
