use leptos::prelude::*;

/// Whether the window matches a media `query`, following its `change`
/// event (not every resize); `None` where there is no window, when
/// prerendering, so a prerendered page can leave the choice to CSS.
pub fn use_media_query(query: &'static str) -> RwSignal<Option<bool>> {
    let matches = RwSignal::new(None);
    #[cfg(feature = "ssr")]
    {
        let _ = query;
        matches
    }
    #[cfg(not(feature = "ssr"))]
    {
        use wasm_bindgen::JsCast;
        let Some(list) = window().match_media(query).ok().flatten() else { return matches };
        matches.set(Some(list.matches()));
        let on_change = {
            let list = list.clone();
            super::listener(move |_| {
                matches.try_set(Some(list.matches()));
            })
        };
        list.set_onchange(Some(on_change.as_ref().unchecked_ref()));
        // Kept with the view, and let go with it.
        let held = StoredValue::new_local((list, on_change));
        on_cleanup(move || held.with_value(|(list, _)| list.set_onchange(None)));
        matches
    }
}
