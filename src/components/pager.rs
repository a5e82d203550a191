use crate::components::{ui, Mode};
use folio_model::listing::Listing;
use folio_model::paging::numbers;
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

/// A listing's "Previous Page 1 … 7 8 9 … 500 Next Page": the ends and the
/// neighbourhood of the current page (`paging::numbers`), so a long
/// archive's pager stays one line.
#[component]
pub fn ListingPager(listing: Listing, page: usize, pages: usize, mode: Mode) -> impl IntoView {
    let t = ui(mode);
    let href = |n: usize| relative(&mode.localize(&listing.href(n)));
    let step = |target: Option<usize>, label: &'static str, class: &'static str, rel: &'static str| match target {
        Some(n) => view! { <a class=class rel=rel href=href(n)>{label}</a> }.into_any(),
        None => view! { <a class=class aria-disabled="true" role="link">{label}</a> }.into_any(),
    };
    let sel = PageSel::Page(page);
    let numbers = numbers(page, pages)
        .into_iter()
        .map(|n| match n {
            Some(n) => view! {
                <li><a class="pager-num" href=href(n) aria-current=(n == page).then_some("page") aria-label=(t.page_n)(n)>{n}</a></li>
            }
            .into_any(),
            None => view! { <li class="pager-gap" aria-hidden="true">"…"</li> }.into_any(),
        })
        .collect_view();
    view! {
        <nav class="pager" aria-label=t.pages_label>
            {step(sel.prev(), t.previous_page, "pager-prev", "prev")}
            <ol class="pager-nums">{numbers}</ol>
            {step(sel.next(pages), t.next_page, "pager-next", "next")}
        </nav>
    }
}
