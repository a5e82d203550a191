use crate::chunk::{build, use_code};
use crate::components::error_panel::{failure_panel, Loading};
use crate::components::lang_toggle::LangToggle;
use crate::components::ui;
use crate::state::use_reading;
use folio_model::embed::{resource_id, Options};
use folio_model::route::relative;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// The compact chrome of an embed: no edition bar, a small header with the
/// site name linking to the full view (new tab) and the language toggle,
/// then the view itself. `plain=1` drops the header.
///
/// The frame reports its height to the host page (see `crate::embed`), and
/// contains its children's margins so that height is the whole document.
///
/// Only embeds need it, so its code (and `crate::embed`'s) is a chunk of its
/// own (`frame`), which an embed's page preloads: the hand-over waits for
/// it, as for the view's content.
#[component]
pub fn EmbedFrame(children: ChildrenFn) -> impl IntoView {
    let code = use_code(FRAME, load_frame);
    move || match code.get() {
        Some(Ok(())) => build(embed_frame(children.clone())).unwrap_or_else(|| view! { <Loading/> }.into_any()),
        Some(Err(failure)) => failure_panel(failure, use_reading().mode.get_untracked()).into_any(),
        None => view! { <Loading/> }.into_any(),
    }
}

crate::split_point! {
    /// An embed's chrome, around its view.
    frame as FRAME, load_frame,
    fn embed_frame(children: ChildrenFn) -> AnyView {
        view! { <Frame children/> }.into_any()
    }
}

#[component]
fn Frame(children: ChildrenFn) -> impl IntoView {
    let reading = use_reading();
    let mode = reading.mode;
    let search = use_location().search;
    let plain = Memo::new(move |_| search.with(|q| Options::from_query(q).plain));
    let full = move || reading.parsed.with(|p| relative(&mode.get().localize(&p.route.href())));

    let frame = NodeRef::<leptos::html::Div>::new();
    let id = reading.parsed.with_untracked(|p| resource_id(&p.route)).unwrap_or_default();
    // Runs once: the frame is mounted once and never replaced.
    Effect::new(move || {
        if let Some(el) = frame.get() {
            crate::embed::report_height(el.into(), id.clone());
            crate::embed::open_links_outside();
        }
    });

    let head = move || {
        (!plain.get()).then(|| {
            let t = ui(mode.get());
            view! {
                <header class="embed-head">
                    <a class="embed-open" href=full target="_blank" rel="noopener">
                        <span class="site-name">"Folio"</span>
                        <span class="embed-open-label">{t.open_full}" ↗"</span>
                        <span class="visually-hidden">{t.new_tab}</span>
                    </a>
                    <LangToggle/>
                </header>
            }
        })
    };
    view! {
        <div class="embed-frame" node_ref=frame>
            {head}
            <main id="main" tabindex="-1">{children()}</main>
        </div>
    }
}
