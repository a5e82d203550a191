use crate::api;
use crate::chunk::{build, use_code};
use crate::components::{
    bi_text::BiText,
    error_panel::{inline_failure, Loading},
    ui,
};
use crate::content::{use_content, Content, What};
use folio_model::article::{asset_ref, AssetRef};
use folio_model::route::{article_href, relative};
use folio_model::timeline::mentions::{Cited, EventMentions};
use folio_model::timeline::{Event, Timeline};
use folio_model::{Mode, PageSel};
use leptos::prelude::*;
use std::sync::Arc;

/// Everything about one event: date, place, leaders, occasion, outcome,
/// sources (http(s) links only, opening in a new tab), and the articles
/// that mention it, linked to the very paragraph.
///
/// A large timeline holds occasion, outcome and sources apart, one file
/// per event (`Timeline::details_apart`): the card shows what the index
/// has at once, and those three when its file arrives.
///
/// `place` ("list", "axis") names where it is drawn: a page prerendered for
/// any width has the card in both layouts, and ids must be unique for the
/// heading that labels each card to be its own.
///
/// Its code is a chunk of its own (`event`): a timeline shown without a
/// event selected has no card, and an event's page preloads it. Until it
/// is here, the prerendered card stays (`use_code`: the hand-over waits).
#[component]
pub fn EventCard(timeline: Arc<Timeline>, index: usize, mode: Mode, place: &'static str) -> impl IntoView {
    let code = use_code(EVENT, load_event);
    move || match code.get() {
        Some(Ok(())) => {
            build(event_card(timeline.clone(), index, mode, place)).unwrap_or_else(|| view! { <Loading/> }.into_any())
        }
        Some(Err(failure)) => inline_failure(failure, mode).into_any(),
        None => view! { <Loading/> }.into_any(),
    }
}

crate::split_point! {
    /// An event's card.
    event as EVENT, load_event,
    fn event_card(timeline: Arc<Timeline>, index: usize, mode: Mode, place: &'static str) -> AnyView {
        view! { <Card timeline index mode place/> }.into_any()
    }
}

#[component]
fn Card(timeline: Arc<Timeline>, index: usize, mode: Mode, place: &'static str) -> impl IntoView {
    let t = ui(mode);
    let e = &timeline.events[index];
    let details = details(&timeline, e);
    let mentions = citing(&timeline.id, &e.id);
    let leaders = e
        .leaders
        .iter()
        .filter_map(|id| timeline.person(id))
        .enumerate()
        // Chinese lists names with the enumeration comma.
        .map(|(i, p)| view! { {(i > 0).then_some(if mode == Mode::Zh { "、" } else { ", " })}<BiText text=p.name.clone() mode/> })
        .collect_view();
    // The citing paragraphs are an extra: nothing while they load, and
    // nothing if they fail.
    let mentions = move || mentions.ok().map(|m| mention_list(m.cited.clone(), mode));
    let group = timeline
        .group(&e.group)
        .map(|g| view! { <span class="event-group"><BiText text=g.label.clone() mode/></span> });
    let facts = move || {
        details.ok().map(|e| {
            view! {
                <dt>{t.occasion}</dt>
                <dd><BiText text=e.occasion.clone() mode/></dd>
                <dt>{t.outcome}</dt>
                <dd><BiText text=e.outcome.clone() mode/></dd>
            }
        })
    };
    let rest = move || match details.get() {
        None => view! { <Loading/> }.into_any(),
        Some(Ok(e)) => sources(&e, t).into_any(),
        Some(Err(failure)) => inline_failure(failure, mode).into_any(),
    };
    let title_id = format!("{place}-event-title");
    let labelled_by = title_id.clone();
    view! {
        <article class="event-card" aria-labelledby=labelled_by data-event=e.id.clone()>
            <p class="event-meta">
                <time datetime=e.start.to_string()>{(t.date_range)(&e.start, e.end.as_ref())}</time>
                {group}
            </p>
            <h2 id=title_id><BiText text=e.title.clone() mode/></h2>
            <dl class="event-facts">
                <dt>{t.place}</dt>
                <dd><BiText text=e.place.clone() mode/></dd>
                <dt>{t.leaders}</dt>
                <dd class="leaders">{leaders}</dd>
                {facts}
            </dl>
            {rest}
            {mentions}
        </article>
    }
}

/// "In the articles": the newest citing paragraphs, and how many more.
fn mention_list(cited: Cited, mode: Mode) -> Option<impl IntoView> {
    let t = ui(mode);
    let more = cited.total.saturating_sub(cited.shown.len());
    (!cited.shown.is_empty()).then(|| {
        let items = cited
            .shown
            .into_iter()
            .map(|m| {
                let href = format!(
                    "{}#b-{}",
                    relative(&mode.localize(&article_href(&m.slug, PageSel::Page(m.page)))),
                    m.block
                );
                view! {
                    <li>
                        <a href=href><BiText text=m.headline mode/></a>
                        <span class="mention-place">{(t.mention_at)(m.page, m.paragraph)}</span>
                    </li>
                }
            })
            .collect_view();
        view! {
            <h3>{t.mentioned_in}</h3>
            <ul class="mentions">{items}</ul>
            {(more > 0).then(|| view! { <p class="mentions-more">{(t.more_mentions)(more)}</p> })}
        }
    })
}

/// The event's citing paragraphs: carried by its page, fetched once
/// before, or fetched now.
fn citing(timeline: &str, event: &str) -> Content<Arc<EventMentions>> {
    let (store, file) = (api::store(), api::mentions(timeline, event));
    Content::new(What::Event, store.cached_mentions(timeline, event), move || store.load(file.clone()))
}

/// The event in full: the timeline's own entry, or the one fetched once
/// before, at once; otherwise its file, fetched. Tracked by the shell, so
/// that a page kept while the app loads (`shell/boot.rs`) waits for these
/// details too: its prerendered card has them.
fn details(timeline: &Timeline, e: &Event) -> Content<Arc<Event>> {
    let (store, file) = (api::store(), api::event(&timeline.id, &e.id));
    let ready = if timeline.details_apart { store.cached(&file) } else { Some(Arc::new(e.clone())) };
    use_content(What::Event, ready, move || store.load(file.clone()))
}

fn sources(e: &Event, t: &'static folio_model::ui::Strings) -> impl IntoView {
    let items = e
        .sources
        .iter()
        .filter_map(|s| match asset_ref(&s.url) {
            Some(AssetRef::Remote(url)) => Some(view! {
                <li><a href=url.to_owned() target="_blank" rel="noopener noreferrer external">{s.title.clone()}</a></li>
            }),
            _ => None,
        })
        .collect_view();
    view! {
        <h3>{t.sources}</h3>
        <ul class="sources">{items}</ul>
    }
}
