use crate::api::content_url;
use crate::components::current_lang;
use folio_model::article::{asset_ref, AssetRef};
use leptos::prelude::*;

/// The lead figure. Width and height come from the content so the browser
/// reserves the space before the image arrives. A `src` that is neither
/// inside `content/` nor http(s) is not rendered at all.
#[component]
pub fn Figure(figure: folio_model::Figure) -> impl IntoView {
    let lang = current_lang();
    let src = match asset_ref(&figure.src) {
        Some(AssetRef::Remote(url)) => url.to_owned(),
        Some(AssetRef::Local(path)) => content_url(path),
        None => return None,
    };
    Some(view! {
        <figure class="lead-figure">
            <img src=src alt=figure.alt.str(lang).to_owned() width=figure.width height=figure.height decoding="async"/>
            <figcaption>
                <span class="caption">{figure.caption.str(lang).to_owned()}</span>
                " "
                <span class="credit">{figure.credit.str(lang).to_owned()}</span>
            </figcaption>
        </figure>
    })
}
