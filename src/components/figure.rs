use crate::api::content_href;
use crate::components::bi_text::{plain, BiText};
use folio_model::article::{asset_ref, AssetRef};
use folio_model::Mode;
use leptos::prelude::*;

/// The lead figure. Width and height come from the content so the browser
/// reserves the space before the image arrives. A `src` that is neither
/// inside `content/` nor http(s) is not rendered at all.
///
/// A figure with words in it may have a file per language; Both shows the
/// first language of its pair. The caption carries the language the
/// picture's words are in (its own texts are marked each with theirs); the
/// `alt` stays in the reading language, which is whom it is for.
#[component]
pub fn Figure(figure: folio_model::Figure, mode: Mode) -> impl IntoView {
    let (src, lang) = figure.src.get(mode.ui_lang());
    let src = match asset_ref(src) {
        Some(AssetRef::Remote(url)) => url.to_owned(),
        Some(AssetRef::Local(path)) => content_href(path),
        None => return None,
    };
    Some(view! {
        <figure class="lead-figure">
            <img src=src alt=plain(&figure.alt, mode) width=figure.width height=figure.height decoding="async"/>
            <figcaption lang=lang.tag()>
                <span class="caption"><BiText text=figure.caption mode/></span>
                " "
                <span class="credit"><BiText text=figure.credit mode/></span>
            </figcaption>
        </figure>
    })
}
