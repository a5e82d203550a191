use crate::components::bi_text::BiText;
use crate::components::event_strip::EventLink;
use crate::components::figure::Figure;
use crate::components::rich::{element, rich};
use folio_model::bilingual::side;
use folio_model::ui::{EN, ZH};
use folio_model::{Block, Item, Lang, Mode, RichText};
use leptos::prelude::*;

/// One block of article text (paragraph, subhead, quote, list, note or
/// figure) in the reading mode, as text nodes and the elements of its
/// marks, never as HTML.
///
/// - English or 中文: the block in that language. A block with no
///   translation shows the English original, marked "未翻译" and
///   `lang="en"`, never a blank.
/// - Both: one row holding the two languages, English first. CSS lays the
///   row out side by side (each row its own grid, so a long paragraph never
///   pushes its partner out of line), interleaved, or stacked on phones.
///
/// `id` is the block's position in the article. It is the same in every
/// mode, which is how a mode switch finds the reader's place again, and it
/// is the `#b-{id}` anchor the timeline's "in the articles" links use.
///
/// `events` are the timeline events the paragraph names: each gets a
/// subtle link to its place on the timeline.
///
/// A figure is one picture in every mode (in Both, its caption in both
/// languages), fetched only as the reader nears it unless it is the
/// page's first block (`eager`).
#[component]
pub fn BlockView(
    block: Block,
    id: usize,
    mode: Mode,
    #[prop(optional)] events: Vec<EventLink>,
    /// A second copy on the page (the printed whole article): no anchor,
    /// so ids stay unique and the reading-place logic ignores it.
    #[prop(optional)]
    copy: bool,
    /// The first block of the page shown: a figure there is on the first
    /// screen, and is fetched at once.
    #[prop(optional)]
    eager: bool,
) -> impl IntoView {
    // A subhead's `#s-…` anchor, on the first side shown only: ids are
    // unique, and a copy has none.
    let heading = if copy { None } else { block.anchor() };
    // A figure is one picture in Both too, not a pair.
    let class = if mode == Mode::Both && !matches!(block, Block::Figure(_)) { "block pair" } else { "block" };
    let inner = match (block, mode) {
        (Block::Figure(figure), _) => view! { <Figure figure mode inline=true lazy=!eager/> }.into_any(),
        (block, Mode::En) => side_view(&block, Lang::En, mode, heading).into_any(),
        (block, Mode::Zh) => side_view(&block, Lang::Zh, mode, heading).into_any(),
        (block, Mode::Both) => {
            view! { {side_view(&block, Lang::En, mode, heading)}{side_view(&block, Lang::Zh, mode, None)} }.into_any()
        }
    };
    let links = (!events.is_empty()).then(|| {
        let links = events
            .into_iter()
            .map(|e| view! { <a class="event-link" href=e.href><span class="event-link-date">{e.date}</span>" "<BiText text=e.title mode/></a> })
            .collect_view();
        view! { <p class="event-links">{links}</p> }
    });
    let (anchor, block_id) = if copy { (None, None) } else { (Some(format!("b-{id}")), Some(id.to_string())) };
    view! { <div class=class id=anchor data-block=block_id>{inner}{links}</div> }
}

/// The block in `lang`; for a missing translation, the English with the
/// marker, worded in both languages so every reader understands it. A
/// list's item without its translation shows its English, marked `lang`.
fn side_view(block: &Block, lang: Lang, mode: Mode, anchor: Option<String>) -> impl IntoView {
    let missing = lang == Lang::Zh && block.texts().iter().all(|t| t.side(Lang::Zh).is_none());
    let shown = if missing { Lang::En } else { lang };
    let marker = missing.then(|| {
        view! {
            <span class="untranslated-mark">
                <span lang="zh-Hans">{ZH.not_translated}</span>
                " · "
                <span lang="en">{EN.not_translated}</span>
            </span>
        }
    });
    let class = match (lang, missing) {
        (_, true) => "side untranslated",
        (Lang::En, _) => "side side-en",
        (Lang::Zh, _) => "side side-zh",
    };
    let ps = |text: &RichText| side(text, shown).iter().map(|p| view! { <p>{rich(p, mode)}</p> }).collect_view();
    let body = match block {
        Block::Paragraph { text, .. } => ps(text).into_any(),
        Block::Note { text } => element("aside", ps(text).into_any(), ("lang", None), Some("note")),
        Block::Subhead { text } => {
            let words = side(text, shown);
            let words = words.iter().enumerate().map(|(i, p)| view! { {(i > 0).then_some(" ")}{rich(p, mode)} });
            view! { <h2 class="subhead" id=anchor>{words.collect_view()}</h2> }.into_any()
        }
        Block::Quote { text, cite } => {
            let cite = cite.as_ref().map(|c| {
                let (c, l) = c.get(shown);
                view! { <footer lang=l.tag()>"— "{c.to_owned()}</footer> }
            });
            view! { <blockquote class="pull-quote">{ps(text)}{cite}</blockquote> }.into_any()
        }
        Block::List { ordered, items } => list(*ordered, items, shown, mode),
        // Shown whole by `BlockView`, never by side.
        Block::Figure(_) => ps(&RichText::en("")).into_any(),
    };
    let events = match block {
        Block::Paragraph { events, .. } if !events.is_empty() => Some(events.join(" ")),
        _ => None,
    };
    view! { <div class=class lang=shown.tag() data-events=events>{marker}{body}</div> }
}

/// A list in `lang`, an item's own items nested in it (in one element
/// function, as marks are: a `view!` per tag is code of its own).
fn list(ordered: bool, items: &[Item], lang: Lang, mode: Mode) -> AnyView {
    let tag = if ordered { "ol" } else { "ul" };
    let lis: Vec<AnyView> = items
        .iter()
        .map(|i| {
            let (words, l) = i.text.get(lang);
            let mut inner = vec![rich(words, mode)];
            inner.extend((!i.items.is_empty()).then(|| list(ordered, &i.items, lang, mode)));
            let lang = (l != lang).then(|| l.tag().to_owned());
            element("li", inner.into_any(), ("lang", lang), None)
        })
        .collect();
    element(tag, lis.into_any(), ("lang", None), Some("text-list"))
}
