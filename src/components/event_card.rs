use crate::components::{bi_text::BiText, ui};
use folio_model::article::{asset_ref, AssetRef};
use folio_model::route::{article_href, relative};
use folio_model::timeline::{mentions::Mention, Timeline};
use folio_model::{Mode, PageSel};
use leptos::prelude::*;
use std::sync::Arc;

/// Everything about one meeting: date, place, leaders, occasion, outcome,
/// sources (http(s) links only, opening in a new tab), and the articles
/// that mention it, linked to the very paragraph.
#[component]
pub fn EventCard(timeline: Arc<Timeline>, index: usize, mode: Mode, mentions: Vec<Mention>) -> impl IntoView {
    let t = ui(mode);
    let e = &timeline.events[index];
    let leaders = e
        .leaders
        .iter()
        .filter_map(|id| timeline.person(id))
        .enumerate()
        // Chinese lists names with the enumeration comma.
        .map(|(i, p)| view! { {(i > 0).then_some(if mode == Mode::Zh { "、" } else { ", " })}<BiText text=p.name.clone() mode/> })
        .collect_view();
    let sources = e
        .sources
        .iter()
        .filter_map(|s| match asset_ref(&s.url) {
            Some(AssetRef::Remote(url)) => Some(view! {
                <li><a href=url.to_owned() target="_blank" rel="noopener noreferrer external">{s.title.clone()}</a></li>
            }),
            _ => None,
        })
        .collect_view();
    let mentions = (!mentions.is_empty()).then(|| {
        let items = mentions
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
        }
    });
    let group = timeline
        .group(&e.group)
        .map(|g| view! { <span class="event-group"><BiText text=g.label.clone() mode/></span> });
    view! {
        <article class="event-card" aria-labelledby="event-title" data-event=e.id.clone()>
            <p class="event-meta">
                <time datetime=e.start.to_string()>{(t.date_range)(&e.start, e.end.as_ref())}</time>
                {group}
            </p>
            <h2 id="event-title"><BiText text=e.title.clone() mode/></h2>
            <dl class="event-facts">
                <dt>{t.place}</dt>
                <dd><BiText text=e.place.clone() mode/></dd>
                <dt>{t.leaders}</dt>
                <dd class="leaders">{leaders}</dd>
                <dt>{t.occasion}</dt>
                <dd><BiText text=e.occasion.clone() mode/></dd>
                <dt>{t.outcome}</dt>
                <dd><BiText text=e.outcome.clone() mode/></dd>
            </dl>
            <h3>{t.sources}</h3>
            <ul class="sources">{sources}</ul>
            {mentions}
        </article>
    }
}
