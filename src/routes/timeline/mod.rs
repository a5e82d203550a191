//! `/timeline/{id}/` and `/timeline/{id}/{event}/`.
//!
//! - this file: loading (the timeline's data and its code, a chunk of its
//!   own: `chunk.rs`), and the state the URL holds (the selected event
//!   and the filters), with the links and callbacks that change it;
//! - `layout.rs`: the list on phones, the axis and its event card on
//!   wide screens.
//!
//! The timeline's JSON is parsed by the `timeline` chunk's code (its
//! deserializers are not in the main module), and a file that does not
//! parse fails as one that does not arrive. The rest of the view is behind
//! the `timeline`, `event` and `timeline_list` split points.

pub mod axis;
mod card;
mod filters;
pub mod keys;
mod layout;
mod list;
mod marker;
mod zoom;

use crate::api;
use crate::chunk::{build, use_code};
use crate::components::{
    bi_text::{plain, BiText},
    embed_dialog::{EmbedDialog, Embeddable},
    error_panel::{failure_panel, ErrorPanel, Loading},
    live_region::LiveRegion,
    ui,
};
use crate::content::{track, use_content, Failure, Status, What};
use crate::state::{site_name, use_reading, Links};
use card::{load_event, EVENT};
use filters::TimelineFilters;
use folio_model::head::timeline_title;
use folio_model::route::relative;
use folio_model::timeline::{
    filter::{guess, Filter},
    Timeline,
};
use folio_model::{Deferred, Mode, Route};
use keys::TimelineKeys;
use layout::TimelineLayout;
use leptos::prelude::*;
use leptos_router::{hooks::use_location, NavigateOptions};
use std::sync::Arc;

#[component]
pub fn TimelinePage(id: String, event: Memo<Option<String>>) -> impl IntoView {
    let mode = use_reading().mode;
    let (store, file) = (api::store(), api::timeline(&id));
    let content = use_content(What::Timeline(id.clone()), store.cached(&file), move || store.load(file.clone()));
    // Fetched with the data, not after it (and preloaded by the page).
    let code = use_code(TIMELINE, load_timeline);
    // An event's page shows its card, whose code is a chunk of its own
    // (`card.rs`), preloaded by the page: the first view waits for
    // it too, so the page as published stays until the card can be drawn,
    // rather than the app showing a loading line in its place, which the
    // card then pushes the page down from.
    if event.get_untracked().is_some() {
        use_code(EVENT, load_event);
    }
    // The file's JSON, parsed by the chunk's code once both are here (the
    // parse is kept: this runs again for free). A file that does not parse
    // fails as one that does not arrive: the shell keeps the page as
    // published, under the notice (`shell/boot.rs`).
    let id = StoredValue::new(id);
    let parsed = move || -> Option<Result<Arc<Timeline>, Failure>> {
        let (deferred, ()) = (content.ok()?, code.ok()?);
        let Out::Parsed(parsed) = build(timeline_entry(Entry::Parse(deferred)))? else { return None };
        Some(parsed.map_err(|e| content.failure(store.timeline_error(&id.get_value(), e))))
    };
    track(Memo::new(move |_| match parsed() {
        Some(Err(failure)) => Status::Failed(failure),
        _ => Status::Ready,
    }));
    move || match (content.get(), code.get()) {
        (Some(Err(failure)), _) | (_, Some(Err(failure))) => {
            (move || failure_panel(failure.clone(), mode.get())).into_any()
        }
        (Some(Ok(_)), Some(Ok(()))) => match parsed() {
            Some(Ok(timeline)) => match build(timeline_entry(Entry::View(timeline, event))) {
                Some(Out::View(view)) => view,
                _ => view! { <Loading/> }.into_any(),
            },
            Some(Err(failure)) => (move || failure_panel(failure.clone(), mode.get())).into_any(),
            None => view! { <Loading/> }.into_any(),
        },
        _ => view! { <Loading/> }.into_any(),
    }
}

/// What the timeline's chunk is asked for.
pub enum Entry {
    /// Its JSON parsed: the deserializers are in the chunk, not in the
    /// main module every visit downloads.
    Parse(Arc<Deferred<Timeline>>),
    /// Its view.
    View(Arc<Timeline>, Memo<Option<String>>),
}

pub enum Out {
    Parsed(Result<Arc<Timeline>, folio_model::ContentError>),
    View(AnyView),
}

crate::split_point! {
    /// The timeline once its data is here: everything below is in this
    /// chunk, but the phone list (`layout.rs`) and an event's card.
    timeline as TIMELINE, load_timeline,
    fn timeline_entry(entry: Entry) -> Out {
        match entry {
            Entry::Parse(deferred) => Out::Parsed(deferred.get()),
            Entry::View(timeline, event) => Out::View(view! { <TimelineView timeline event/> }.into_any()),
        }
    }
}

/// The addresses of the timeline's states: an event (or none) under
/// filters, in a mode. Inside an embed they stay embed addresses.
#[derive(Clone)]
struct Hrefs {
    timeline: Arc<Timeline>,
    links: Links,
}

impl Hrefs {
    fn to(&self, event: Option<usize>, f: &Filter, mode: Mode) -> String {
        let t = &self.timeline;
        let route = Route::Timeline { id: t.id.clone(), event: event.map(|i| t.events[i].id.clone()) };
        self.links.to(mode, &route.href(), &f.to_query())
    }
}

/// A loaded timeline, following the URL's event and filters.
#[component]
fn TimelineView(timeline: Arc<Timeline>, event: Memo<Option<String>>) -> impl IntoView {
    let mode = use_reading().mode;
    let location = use_location();
    let navigate = leptos_router::hooks::use_navigate();

    let filter = Memo::new(move |_| location.search.with(|q| Filter::from_query(q)));
    let visible = {
        let t = timeline.clone();
        Memo::new(move |_| filter.with(|f| f.apply(&t)))
    };
    let selected = {
        let t = timeline.clone();
        Memo::new(move |_| event.with(|e| e.as_deref().and_then(|id| t.event_index(id))))
    };
    let hrefs = Hrefs { timeline: timeline.clone(), links: Links::new() };
    let go = move |url: String, replace: bool| {
        navigate(&url, NavigateOptions { replace, scroll: false, ..Default::default() })
    };
    // Set when a marker is chosen by click or key: the marker is redrawn
    // (zoom and clusters change), so focus must be put back on it.
    let refocus = StoredValue::new(false);
    let select = {
        let (hrefs, go) = (hrefs.clone(), go.clone());
        Callback::new(move |i: usize| {
            refocus.set_value(true);
            go(hrefs.to(Some(i), &filter.get_untracked(), mode.get_untracked()), false)
        })
    };
    let apply_filter = {
        let hrefs = hrefs.clone();
        Callback::new(move |f: Filter| go(hrefs.to(selected.get_untracked(), &f, mode.get_untracked()), true))
    };
    let list_href = {
        let hrefs = hrefs.clone();
        Callback::new(move |i: usize| relative(&hrefs.to(Some(i), &filter.get_untracked(), mode.get_untracked())))
    };
    let list_window = StoredValue::new(None);
    let embedded = use_reading().embed;

    // Everything below follows the mode: rebuilt when it changes.
    move || {
        let mode = mode.get();
        let t = ui(mode);
        let tl = timeline.clone();
        let live = {
            let tl = tl.clone();
            Signal::derive(move || selected.get().map(|i| tl.events[i].announcement(mode)))
        };
        {
            let tl = tl.clone();
            crate::dom::document::title(move || {
                let event = selected.get().map(|i| plain(&tl.events[i].title, mode));
                timeline_title(event.as_deref(), &plain(&tl.title, mode), &site_name(mode))
            });
        }
        let embed_button = (!embedded).then(|| {
            let what = Embeddable::Timeline { timeline: tl.clone(), current: event.into() };
            view! { <EmbedDialog what title=tl.title.clone()/> }
        });
        let total = tl.events.len();
        let count = move || match visible.with(Vec::len) {
            0 => t.no_events.to_owned(),
            n => (t.events_shown)(n, total),
        };
        view! {
            <section class="timeline-page" lang=mode.ui_lang().tag()>
                <header class="timeline-header">
                    <h1><BiText text=tl.title.clone() mode/></h1>
                    <p class="timeline-description"><BiText text=tl.description.clone() mode/></p>
                    {embed_button}
                </header>
                <UnknownEvent timeline=tl.clone() event selected hrefs=hrefs.clone() mode/>
                <TimelineFilters timeline=tl.clone() filter mode apply=apply_filter/>
                <p class="timeline-count">{count}</p>
                <TimelineKeys visible selected select>
                    <TimelineLayout timeline=tl.clone() visible selected mode select refocus list_href list_window/>
                </TimelineKeys>
                <p class="keys-hint">{t.keys_hint}</p>
                <LiveRegion text=live/>
            </section>
        }
    }
}

/// An address naming an event the timeline does not have: a panel whose
/// way back is the event the address most likely meant, else the whole
/// timeline.
#[component]
fn UnknownEvent(
    timeline: Arc<Timeline>,
    event: Memo<Option<String>>,
    selected: Memo<Option<usize>>,
    hrefs: Hrefs,
    mode: Mode,
) -> impl IntoView {
    let t = ui(mode);
    move || {
        let id = event.get()?;
        selected.get().is_none().then(|| {
            let back = match guess(&timeline, &id) {
                Some(i) => (hrefs.to(Some(i), &Filter::default(), mode), plain(&timeline.events[i].title, mode)),
                None => (hrefs.to(None, &Filter::default(), mode), plain(&timeline.title, mode)),
            };
            view! { <ErrorPanel title=t.no_event_title body=(t.no_event_body)(&id) back mode nested=true/> }
        })
    }
}
