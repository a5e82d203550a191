use crate::api::content_href;
use crate::components::bi_text::{plain, BiText};
use folio_model::article::{asset_ref, srcsets, AssetRef, FIGURE_SIZES};
use folio_model::Mode;
use leptos::prelude::*;

/// A figure: the lead one, or one between paragraphs (`inline`). Width and
/// height come from the content so the browser reserves the space before
/// the image arrives. A `src` that is neither inside `content/` nor
/// http(s) is not rendered at all.
///
/// A raster file in the content folder comes in the copies `dist` wrote
/// (`article::resized`): WebP for the browsers that take it, the
/// original's format otherwise, each at several widths for the browser to
/// choose from by `sizes`. `lazy` figures (those below the first screen)
/// are fetched as the reader nears them.
///
/// A figure with words in it may have a file per language; Both shows the
/// first language of its pair. The caption carries the language the
/// picture's words are in (its own texts are marked each with theirs); the
/// `alt` stays in the reading language, which is whom it is for.
#[component]
pub fn Figure(
    figure: folio_model::Figure,
    mode: Mode,
    #[prop(optional)] inline: bool,
    #[prop(optional)] lazy: bool,
) -> impl IntoView {
    let (src, lang) = figure.src.get(mode.ui_lang());
    let (webp, fallback) = srcsets(src, figure.width).unzip();
    let fallback = fallback.flatten();
    let src = match asset_ref(src) {
        Some(AssetRef::Remote(url)) => url.to_owned(),
        Some(AssetRef::Local(path)) => content_href(path),
        None => return None,
    };
    let sizes = fallback.is_some().then_some(FIGURE_SIZES);
    let webp = webp.map(|set| view! { <source type="image/webp" srcset=set sizes=FIGURE_SIZES/> });
    let class = if inline { "inline-figure" } else { "lead-figure" };
    Some(view! {
        <figure class=class>
            <picture>
                {webp}
                <img
                    src=src
                    srcset=fallback
                    sizes=sizes
                    alt=plain(&figure.alt, mode)
                    width=figure.width
                    height=figure.height
                    loading=lazy.then_some("lazy")
                    decoding="async"
                />
            </picture>
            <figcaption lang=lang.tag()>
                <span class="caption"><BiText text=figure.caption mode/></span>
                " "
                <span class="credit"><BiText text=figure.credit mode/></span>
            </figcaption>
        </figure>
    })
}
