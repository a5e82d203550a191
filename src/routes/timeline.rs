use crate::api;
use crate::components::{
    bi_text::{plain, BiText},
    embed_dialog::{EmbedDialog, Embeddable},
    error_panel::{load_error_panel, Content, ErrorPanel, Loading},
    event_card::EventCard,
    live_region::LiveRegion,
    timeline_axis::TimelineAxis,
    timeline_filters::TimelineFilters,
    timeline_keys::TimelineKeys,
    timeline_list::TimelineList,
    ui,
};
use crate::load::Load;
use crate::state::{site_name, use_catalog, use_reading, Links};
use folio_model::head::timeline_title;
use folio_model::route::relative;
use folio_model::timeline::{
    filter::{guess, Filter},
    Timeline,
};
use folio_model::{Mode, Route};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::{hooks::use_location, NavigateOptions};
use std::sync::Arc;

/// `/timeline/{id}/` and `/timeline/{id}/{event}/`.
#[component]
pub fn TimelinePage(id: String, event: Memo<Option<String>>) -> impl IntoView {
    let mode = use_reading().mode;
    let ready = api::cached_timeline(&id).map(Ok);
    let resource = {
        let id = id.clone();
        Load::new(ready, move || {
            let id = id.clone();
            async move { api::timeline(&id).await }
        })
    };
    move || match resource.get() {
        None => view! { <Loading/> }.into_any(),
        Some(Err(e)) => {
            let id = id.clone();
            (move || {
                load_error_panel(&e, Content::Timeline(&id), mode.get(), Callback::new(move |_| resource.refetch()))
            })
            .into_any()
        }
        Some(Ok(timeline)) => view! { <TimelineView timeline event/> }.into_any(),
    }
}

/// A loaded timeline, following the URL's event and filters.
#[component]
fn TimelineView(timeline: Arc<Timeline>, event: Memo<Option<String>>) -> impl IntoView {
    let mode = use_reading().mode;
    let location = use_location();
    let navigate = leptos_router::hooks::use_navigate();
    let catalog = use_catalog();

    let filter = Memo::new(move |_| location.search.with(|q| Filter::from_query(q)));
    let visible = {
        let t = timeline.clone();
        Memo::new(move |_| filter.with(|f| f.apply(&t)))
    };
    let selected = {
        let t = timeline.clone();
        Memo::new(move |_| event.with(|e| e.as_deref().and_then(|id| t.event_index(id))))
    };

    let href = {
        let t = timeline.clone();
        let links = Links::new();
        move |event: Option<usize>, f: &Filter, mode: Mode| {
            let route = Route::Timeline { id: t.id.clone(), event: event.map(|i| t.events[i].id.clone()) };
            links.to(mode, &route.href(), &f.to_query())
        }
    };
    let go = {
        let navigate = navigate.clone();
        move |url: String, replace: bool| {
            navigate(&url, NavigateOptions { replace, scroll: false, ..Default::default() })
        }
    };
    // Set when a marker is chosen by click or key: the marker is redrawn
    // (zoom and clusters change), so focus must be put back on it.
    let refocus = StoredValue::new(false);
    let list_window = StoredValue::new(None);
    let select = {
        let (href, go) = (href.clone(), go.clone());
        Callback::new(move |i: usize| {
            refocus.set_value(true);
            go(href(Some(i), &filter.get_untracked(), mode.get_untracked()), false)
        })
    };
    let apply_filter = {
        let (href, go) = (href.clone(), go.clone());
        Callback::new(move |f: Filter| go(href(selected.get_untracked(), &f, mode.get_untracked()), true))
    };
    let list_href = {
        let href = href.clone();
        Callback::new(move |i: usize| relative(&href(Some(i), &filter.get_untracked(), mode.get_untracked())))
    };

    // Phones get the vertical list, wide screens the axis. The app asks the
    // window before it renders, and again whenever it is resized across
    // the breakpoint. A prerendered page has no window to ask, so it holds
    // both and lets CSS choose (`.timeline-both`): the list with JavaScript
    // off or below 700 px, else the axis, the same one the app draws.
    let narrow = RwSignal::new(phone_width());
    let measure = move || {
        let m = phone_width();
        // Set only on a change: a set always notifies, and would rebuild
        // the axis for nothing.
        if narrow.try_get_untracked().is_some_and(|n| n != m) {
            narrow.set(m);
        }
    };
    listen_to_resizes(measure);

    // On phones, opening a meeting's URL scrolls the list to it (the axis
    // scrolls itself on wide screens).
    // Not in an embed: scrolling the frame's content into view would also
    // scroll the partner's page, under its reader's feet.
    let embedded = use_reading().embed;
    Effect::new(move || {
        if !embedded && narrow.get() == Some(true) && selected.get().is_some() {
            request_animation_frame(|| {
                if let Ok(Some(el)) = document().query_selector(".list-event[aria-current]") {
                    el.scroll_into_view();
                }
            });
        }
    });

    let tl = timeline.clone();
    move || {
        let mode = mode.get();
        let t = ui(mode);
        let timeline = tl.clone();
        let live = {
            let tl = timeline.clone();
            Signal::derive(move || selected.get().map(|i| tl.events[i].announcement(mode)))
        };
        let title = {
            let tl = timeline.clone();
            move || {
                // `try_get`, as for the article's title: leptos_meta may read
                // it once more after the view is gone.
                let event = selected.try_get().flatten().map(|i| plain(&tl.events[i].title, mode));
                timeline_title(event.as_deref(), &plain(&tl.title, mode), &site_name(catalog, mode))
            }
        };
        let unknown = {
            let (tl, href) = (timeline.clone(), href.clone());
            move || {
                let id = event.get()?;
                selected.get().is_none().then(|| {
                    // The way back is the meeting the address most likely
                    // meant, else the whole timeline.
                    let back = match guess(&tl, &id) {
                        Some(i) => (href(Some(i), &Filter::default(), mode), plain(&tl.events[i].title, mode)),
                        None => (href(None, &Filter::default(), mode), plain(&tl.title, mode)),
                    };
                    view! { <ErrorPanel title=t.no_event_title body=(t.no_event_body)(&id) back mode nested=true/> }
                })
            }
        };
        let embed_button = (!embedded).then(|| {
            let what = Embeddable::Timeline { timeline: timeline.clone(), current: event.into() };
            view! { <EmbedDialog what title=timeline.title.clone()/> }
        });
        let total = timeline.events.len();
        let count = move || {
            let n = visible.with(Vec::len);
            if n == 0 {
                t.no_events.to_owned()
            } else {
                (t.events_shown)(n, total)
            }
        };
        let card = {
            let tl = timeline.clone();
            move || {
                let i = selected.get()?;
                Some(view! { <EventCard timeline=tl.clone() index=i mode/> })
            }
        };
        let body = {
            let tl = timeline.clone();
            let list = move || {
                view! { <TimelineList timeline=tl.clone() visible selected mode href=list_href kept=list_window/> }
            };
            let tl = timeline.clone();
            let axis = move || {
                view! {
                    <TimelineAxis timeline=tl.clone() visible selected mode select refocus/>
                    {card.clone()}
                }
            };
            move || match narrow.get() {
                Some(true) => list().into_any(),
                Some(false) => axis().into_any(),
                None => view! {
                    <div class="timeline-both">
                        <div class="timeline-list">{list()}</div>
                        <div class="timeline-axis">{axis()}</div>
                    </div>
                }
                .into_any(),
            }
        };
        view! {
            <Title text=title/>
            <section class="timeline-page" lang=mode.ui_lang().tag()>
                <header class="timeline-header">
                    <h1><BiText text=timeline.title.clone() mode/></h1>
                    <p class="timeline-description"><BiText text=timeline.description.clone() mode/></p>
                    {embed_button}
                </header>
                {unknown}
                <TimelineFilters timeline=timeline.clone() filter mode apply=apply_filter/>
                <p class="timeline-count">{count}</p>
                <TimelineKeys visible selected select>
                    {body}
                </TimelineKeys>
                <p class="keys-hint">{t.keys_hint}</p>
                <LiveRegion text=live/>
            </section>
        }
    }
}

/// Whether the window is phone-sized (the list, not the axis); `None`
/// where there is no window, when prerendering.
fn phone_width() -> Option<bool> {
    #[cfg(feature = "ssr")]
    return None;
    #[cfg(not(feature = "ssr"))]
    Some(window().match_media("(max-width: 699px)").ok().flatten().is_some_and(|mq| mq.matches()))
}

/// Runs `measure` once mounted and on every window resize, until the view
/// goes. In an effect, so nothing touches the window while rendering (the
/// prerenderer renders natively, without one).
pub(crate) fn listen_to_resizes(measure: impl Fn() + Clone + 'static) {
    Effect::new(move || {
        measure();
        let m = measure.clone();
        let resize = window_event_listener(leptos::ev::resize, move |_| m());
        on_cleanup(move || resize.remove());
    });
}
