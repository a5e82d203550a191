//! The results of the address's query, its filters, and the keys that
//! move through them. In the `search` chunk.
//!
//! A query whose shards are all here is answered at once; otherwise it
//! waits for typing to pause (`QUIET_MS`, 150 ms). The last query's
//! results stay up while the next are on their way, and the status line
//! says which query it speaks of (`data-query`), so nothing on the page
//! moves as results arrive.

use super::engine::{self, Listed, Quotes};
use crate::api::LoadError;
use crate::components::{bi_text::BiText, error_panel::inline_failure, live_region::LiveRegion, ui};
use crate::content::{Failure, What};
use crate::state::{use_catalog, use_reading, Links};
use folio_model::route::{article_href, relative, with_query};
use folio_model::search::index::Doc;
use folio_model::search::snippet::Snippet;
use folio_model::search::text::{query_words, QueryWord};
use folio_model::search::{query::Kind, ui as search_ui, Ask};
use folio_model::{Catalog, Lang, Mode, Route};
use leptos::prelude::*;
use leptos_router::{hooks::use_location, NavigateOptions};
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// Results shown at first, and added by each "More results".
const PAGE: usize = 10;
/// How long typing must pause before a query whose shards are not here
/// yet is sent: each half-typed word would fetch a shard of its own.
const QUIET_MS: u64 = 150;

/// What the list shows for a settled query.
#[derive(Clone)]
struct Shown {
    ask: Ask,
    words: Vec<QueryWord>,
    /// Every match, before the texts confirmed them.
    total: usize,
    listed: Vec<Listed>,
}

/// The search page: its heading, what it says without JavaScript, and the
/// results.
#[component]
pub fn SearchPageView() -> impl IntoView {
    let mode = use_reading().mode;
    crate::dom::document::title(move || crate::state::titled(search_ui::for_mode(mode.get()).heading, mode.get()));
    move || {
        let s = search_ui::for_mode(mode.get());
        view! {
            <section class="search-page" lang=mode.get().ui_lang().tag()>
                <h1>{s.heading}</h1>
                <noscript><p class="search-note">{s.needs_script}</p></noscript>
                <SearchResults/>
            </section>
        }
    }
}

#[component]
fn SearchResults() -> impl IntoView {
    let mode = use_reading().mode;
    let store = crate::api::store();
    let location = use_location();
    let ask = Memo::new(move |_| location.search.with(|q| Ask::parse(q)));
    super::box_keys::follow_address(ask);
    // The query sent: at once if its shards are here, else once typing
    // pauses.
    let settled = RwSignal::new(None::<(Ask, Vec<QueryWord>)>);
    let generation = StoredValue::new(0u32);
    Effect::new(move || {
        let ask = ask.get();
        let words = query_words(&ask.q);
        let gen = generation.get_value() + 1;
        generation.set_value(gen);
        if words.is_empty() || engine::at_hand(store, &words) || settled.with_untracked(Option::is_none) {
            settled.set(Some((ask, words)));
        } else {
            set_timeout(
                move || {
                    // `try_`: the reader may have left the page by then.
                    if generation.try_get_value() == Some(gen) {
                        settled.try_set(Some((ask, words)));
                    }
                },
                std::time::Duration::from_millis(QUIET_MS),
            );
        }
    });
    let shown_count = RwSignal::new(PAGE);
    let hits = LocalResource::new(move || {
        let settled = settled.get();
        async move {
            let (ask, words) = settled?;
            if words.is_empty() {
                return Some(Ok((ask, words, Arc::new(Vec::new()))));
            }
            Some(engine::hits(store, words.clone(), ask.clone()).await.map(|h| (ask, words, h)))
        }
    });
    // A new query starts at its first page of results. Set only if it
    // changed: setting a signal notifies even with the same value, and the
    // results would then be fetched and drawn twice.
    Effect::new(move || {
        settled.track();
        if shown_count.get_untracked() != PAGE {
            shown_count.set(PAGE);
        }
    });
    let results = LocalResource::new(move || {
        let answer = hits.get().flatten();
        let n = shown_count.get();
        async move {
            let (ask, words, hits) = match answer? {
                Ok(a) => a,
                Err(e) => return Some(Err(e)),
            };
            let shown = &hits[..n.min(hits.len())];
            Some(engine::listed(store, shown).await.map(|listed| Shown { ask, words, total: hits.len(), listed }))
        }
    });
    // The last results stay on screen while the next are on their way, so
    // typing does not flash "Searching…" between letters.
    let last = RwSignal::new(None::<Result<Shown, LoadError>>);
    Effect::new(move || {
        if let Some(r) = results.get().flatten() {
            last.set(Some(r));
        }
    });
    // Then the articles' own files, for their snippets and the page and
    // paragraph each opens at; the list is on screen meanwhile.
    let quotes = LocalResource::new(move || {
        let shown = last.get().and_then(Result::ok);
        async move {
            let shown = shown?;
            Some((shown.ask.clone(), engine::quotes(store, &shown.listed, &shown.words).await))
        }
    });
    // The quotes of the results on screen, or none while they load.
    let quoted = Memo::new(move |_| {
        let ask = last.with(|l| l.as_ref().and_then(|r| r.as_ref().ok()).map(|r| r.ask.clone()))?;
        match quotes.get().flatten() {
            Some((of, Ok(q))) if of == ask => Some(Ok(Arc::new(q))),
            Some((of, Err(e))) if of == ask => Some(Err(e)),
            _ => None,
        }
    });
    let dropped = Memo::new(move |_| match quoted.get() {
        Some(Ok(q)) => q.values().filter(|v| v.is_none()).count(),
        _ => 0,
    });
    let retry = Callback::new(move |()| {
        store.forget_search();
        hits.refetch();
        quotes.refetch();
    });
    let catalog = use_catalog();
    let navigate = leptos_router::hooks::use_navigate();
    let refine = Callback::new(move |next: Ask| {
        let href = with_query(&mode.get_untracked().localize("/search/"), &next.to_query());
        navigate(&href, NavigateOptions { replace: true, scroll: false, ..Default::default() });
    });

    move || {
        let mode = mode.get();
        let s = search_ui::for_mode(mode);
        let catalog = catalog.get().and_then(Result::ok);
        // What the status line says, and for which query: while the
        // results of an earlier query stay on screen, it says that the
        // new one is on its way.
        let status = Memo::new(move |_| {
            let ask = ask.get();
            let q = ask.q.trim().to_owned();
            let text = if q.is_empty() {
                s.prompt.to_owned()
            } else if query_words(&q).is_empty() {
                s.no_words.to_owned()
            } else {
                match last.get() {
                    Some(Ok(r)) if r.ask == ask && r.total == dropped.get() => (s.none)(&clip(&q, 60)),
                    Some(Ok(r)) if r.ask == ask => (s.count)(r.total - dropped.get()),
                    Some(Err(_)) => String::new(),
                    _ => s.searching.to_owned(),
                }
            };
            (q, text)
        });
        let said = Signal::derive(move || Some(status.get().1));
        let list = {
            let catalog = catalog.clone();
            move || match (last.get(), quoted.get()) {
                (Some(Err(error)), _) | (_, Some(Err(error))) => {
                    inline_failure(Failure { what: What::Search, error, retry }, mode).into_any()
                }
                (Some(Ok(r)), _) if !ask.with(|a| a.q.trim().is_empty()) => {
                    let more = r.listed.len() < r.total;
                    let items = r.listed.iter().map(|l| result_item(l, quoted, catalog.as_ref(), mode)).collect_view();
                    let done = move || quoted.with(|q| q.is_some()).then_some("");
                    view! {
                        <ol class="search-results" data-quoted=done on:keydown=move_focus>{items}</ol>
                        {more.then(|| view! {
                            <button type="button" class="button button-quiet search-more" on:click=move |_| shown_count.update(|n| *n += PAGE)>
                                {s.more}
                            </button>
                        })}
                    }
                    .into_any()
                }
                _ => ().into_any(),
            }
        };
        // Nothing above the results moves as they arrive (the keys' hint
        // is above them, and each snippet has its room before it comes:
        // `result_item`), and the page is a screen tall, so the footer is
        // not moved on screen either (CLS).
        view! {
            <Filters ask catalog=catalog.clone() refine mode/>
            <p class="search-keys">{s.keys_hint}</p>
            <p class="search-status" aria-hidden="true" data-query=move || status.get().0>{move || status.get().1}</p>
            <LiveRegion text=said/>
            {list}
        }
    }
}

/// At most `max` characters of `s`, with "…" if cut: a pasted page of
/// text is not repeated whole in "No results for …".
fn clip(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_owned(),
    }
}

/// The two filters: what kind of result, and which section.
#[component]
fn Filters(ask: Memo<Ask>, catalog: Option<Catalog>, refine: Callback<Ask>, mode: Mode) -> impl IntoView {
    let s = search_ui::for_mode(mode);
    let kinds = [(None, s.all_kinds), (Some(Kind::Article), s.articles), (Some(Kind::Event), s.events)];
    let kind_options = kinds
        .into_iter()
        .map(|(k, label)| {
            let value = k.map_or("", Kind::param);
            // The property too: once the reader has used a select, its
            // options no longer follow their `selected` attribute.
            let on = move || ask.with(|a| a.kind == k);
            view! { <option value=value selected=on prop:selected=on>{label}</option> }
        })
        .collect_view();
    let sections = catalog.map(|c| c.sections).unwrap_or_default();
    let section_options = sections
        .into_iter()
        .map(|sec| {
            let id = sec.id.clone();
            let selected = move || ask.with(|a| a.section.as_deref() == Some(id.as_str()));
            let (label, lang) = sec.label.get(mode.ui_lang());
            view! { <option value=sec.id.clone() selected=selected.clone() prop:selected=selected lang=lang.tag()>{label.to_owned()}</option> }
        })
        .collect_view();
    let on_kind = move |ev: leptos::ev::Event| {
        let mut next = ask.get_untracked();
        next.kind = Kind::from_param(&event_target_value(&ev));
        if next.kind == Some(Kind::Event) {
            next.section = None;
        }
        refine.run(next);
    };
    let on_section = move |ev: leptos::ev::Event| {
        let mut next = ask.get_untracked();
        let v = event_target_value(&ev);
        next.section = (!v.is_empty()).then_some(v);
        if next.section.is_some() && next.kind == Some(Kind::Event) {
            next.kind = Some(Kind::Article);
        }
        refine.run(next);
    };
    view! {
        <div class="search-filters">
            <label>
                <span>{s.filter_label}</span>
                <select id="search-kind" on:change=on_kind>{kind_options}</select>
            </label>
            <label>
                <span>{s.section_label}</span>
                <select id="search-section" on:change=on_section>
                    <option value="" selected=move || ask.with(|a| a.section.is_none()) prop:selected=move || ask.with(|a| a.section.is_none())>{s.all_sections}</option>
                    {section_options}
                </select>
            </label>
        </div>
    }
}

/// One result: its link (headline or title), what and when, and for an
/// article, once its file is here, the snippet of the block the link then
/// opens at. An article its text does not bear out is left out.
fn result_item(
    listed: &Listed,
    quoted: Memo<Option<Result<Arc<Quotes>, LoadError>>>,
    catalog: Option<&Catalog>,
    mode: Mode,
) -> impl IntoView {
    let t = ui(mode);
    let s = search_ui::for_mode(mode);
    let links = Links::new();
    match &listed.doc {
        Doc::Article(story) => {
            let section = catalog
                .and_then(|c| c.section(&story.section))
                .map(|sec| sec.label.get(mode.ui_lang()).0.to_owned())
                .unwrap_or_else(|| story.section.clone());
            let story = story.clone();
            let quote = {
                let slug = story.slug.clone();
                Memo::new(move |_| match quoted.get() {
                    Some(Ok(q)) => q.get(&slug).cloned(),
                    _ => None,
                })
            };
            let href = {
                let slug = story.slug.clone();
                move || {
                    let (page, block) = match quote.get().flatten() {
                        Some((_, hit)) => (hit.page, hit.block),
                        None => (folio_model::PageSel::Page(1), None),
                    };
                    let mut href = links.to(mode, &article_href(&slug, page), "");
                    if let Some(b) = block {
                        href.push_str(&format!("#b-{b}"));
                    }
                    relative(&href)
                }
            };
            let snippets = move || {
                let (_, hit) = quote.get().flatten()?;
                let parts = match mode {
                    Mode::En => vec![(hit.en.clone(), Lang::En)],
                    Mode::Zh => vec![hit.zh.clone().map_or((hit.en.clone(), Lang::En), |z| (z, Lang::Zh))],
                    Mode::Both => std::iter::once((hit.en.clone(), Lang::En))
                        .chain(hit.zh.clone().map(|z| (z, Lang::Zh)))
                        .collect(),
                };
                Some(parts.into_iter().map(|(snip, lang)| snippet_view(snip, lang)).collect_view())
            };
            // Left out once its file says the query is not in it.
            let hidden = move || matches!(quote.get(), Some(None)).then_some("");
            // The snippets come with the article's file, after the list:
            // their room is kept from the start (a fixed number of lines,
            // the snippets clamped to it), so nothing below them moves.
            let room = if mode == Mode::Both { "result-quote result-quote-both" } else { "result-quote" };
            view! {
                <li class="search-result" hidden=hidden>
                    <a class="result-link" href=href><BiText text=story.headline.clone() mode/></a>
                    <p class="result-meta">{section}" · "<time datetime=story.published.to_string()>{(t.date)(&story.published)}</time></p>
                    <div class=room>{snippets}</div>
                </li>
            }
            .into_any()
        }
        Doc::Event(m) => {
            let route = Route::Timeline { id: m.timeline.clone(), event: Some(m.id.clone()) };
            let href = links.to(mode, &route.href(), "");
            view! {
                <li class="search-result is-event">
                    <a class="result-link" href=relative(&href)><BiText text=m.title.clone() mode/></a>
                    <p class="result-meta">
                        {s.event}" · "<time datetime=m.start.to_string()>{(t.date_range)(&m.start, m.end.as_ref())}</time>
                        " · "<BiText text=m.place.clone() mode/>
                    </p>
                </li>
            }
            .into_any()
        }
    }
}

/// A snippet as text, with `<mark>` around the query's words.
fn snippet_view(snippet: Snippet, lang: Lang) -> impl IntoView {
    let parts = snippet
        .parts
        .into_iter()
        .map(|(text, hit)| if hit { view! { <mark>{text}</mark> }.into_any() } else { text.into_any() })
        .collect_view();
    view! { <p class="result-snippet" lang=lang.tag()>{parts}</p> }
}

/// Down and Up move focus through the results' links; Up from the first
/// goes back to the search box.
fn move_focus(ev: web_sys::KeyboardEvent) {
    let step: i32 = match ev.key().as_str() {
        "ArrowDown" => 1,
        "ArrowUp" => -1,
        _ => return,
    };
    let doc = document();
    let Ok(links) = doc.query_selector_all(".search-results .search-result:not([hidden]) .result-link") else { return };
    let links: Vec<web_sys::HtmlElement> =
        (0..links.length()).filter_map(|i| links.item(i)?.dyn_into::<web_sys::HtmlElement>().ok()).collect();
    let active = doc.active_element();
    let at = links.iter().position(|l| active.as_ref().is_some_and(|a| a == l.unchecked_ref::<web_sys::Element>()));
    let Some(at) = at else { return };
    ev.prevent_default();
    let next = at as i32 + step;
    if next < 0 {
        crate::components::search_box::focus_box();
    } else if let Some(l) = links.get(next as usize) {
        let _ = l.focus();
    }
}
