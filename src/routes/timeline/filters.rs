use crate::components::{bi_text::plain, ui};
use folio_model::timeline::{filter::Filter, Timeline};
use folio_model::Mode;
use leptos::prelude::*;
use std::sync::Arc;

/// Filters by Japanese prime minister and by kind of event. Each change
/// goes to the URL (`?pm=abe&group=sidelines`) through `apply`, so a
/// filtered view can be shared and survives a reload.
#[component]
pub fn TimelineFilters(
    timeline: Arc<Timeline>,
    filter: Memo<Filter>,
    mode: Mode,
    apply: Callback<Filter>,
) -> impl IntoView {
    let t = ui(mode);
    // One option per id; `current` reads the filter's value for this select.
    let options = |items: Vec<(String, &folio_model::Text)>, current: fn(&Filter) -> Option<&str>| {
        items
            .into_iter()
            .map(|(id, label)| {
                let value = id.clone();
                let chosen = move || filter.with(|f| current(f) == Some(id.as_str()));
                view! { <option value=value selected=chosen>{plain(label, mode)}</option> }
            })
            .collect_view()
    };
    let pm_options =
        options(timeline.prime_ministers().into_iter().map(|p| (p.id.clone(), &p.name)).collect(), |f| f.pm.as_deref());
    let group_options =
        options(timeline.groups.iter().map(|g| (g.id.clone(), &g.label)).collect(), |f| f.group.as_deref());
    let value = |ev: &leptos::ev::Event| Some(event_target_value(ev)).filter(|v| !v.is_empty());
    view! {
        <div class="timeline-filters">
            <label>
                <span>{t.filter_pm}</span>
                <select name="pm" on:change=move |ev| apply.run(Filter { pm: value(&ev), ..filter.get_untracked() })>
                    <option value="" selected=move || filter.with(|f| f.pm.is_none())>{t.filter_all}</option>
                    {pm_options}
                </select>
            </label>
            <label>
                <span>{t.filter_group}</span>
                <select name="group" on:change=move |ev| apply.run(Filter { group: value(&ev), ..filter.get_untracked() })>
                    <option value="" selected=move || filter.with(|f| f.group.is_none())>{t.filter_all}</option>
                    {group_options}
                </select>
            </label>
        </div>
    }
}
