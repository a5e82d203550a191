//! Marked text ([`folio_model::Rich`]) as nodes: its words as text nodes,
//! each mark as its element. Never through `innerHTML`: a mark is data the
//! model checked, and a string is only ever text.
//!
//! Links: one to elsewhere on the web is marked as leaving Folio
//! (`a.link-out`); one to Folio's own view is written in the reader's
//! language mode. A link the model would not follow (a file the validator
//! has not seen) shows its words without the link.

use folio_model::rich::Target;
use folio_model::route::relative;
use folio_model::{Inline, Mode, Rich};
use leptos::prelude::*;

/// The marked text, in the page's `mode` (for its links).
pub fn rich(text: &Rich, mode: Mode) -> AnyView {
    match text.0.as_slice() {
        // Most text has no marks: one text node, no list to build.
        [Inline::Text(s)] => lines(s),
        items => items.iter().map(|i| inline(i, mode)).collect_view().into_any(),
    }
}

fn inline(item: &Inline, mode: Mode) -> AnyView {
    let (tag, inner, href, class) = match item {
        Inline::Text(s) => return lines(s),
        Inline::Code(s) => return element("code", s.clone().into_any(), ("href", None), None),
        Inline::Em(r) => ("em", r, None, None),
        Inline::Strong(r) => ("strong", r, None, None),
        Inline::Sup(r) => ("sup", r, None, None),
        Inline::Sub(r) => ("sub", r, None, None),
        Inline::Link { href, text } => match Target::parse(href) {
            Ok(Target::External(url)) => ("a", text, Some(url), Some("link-out")),
            Ok(Target::Folio { route, anchor }) => {
                let mut href = relative(&mode.localize(&route.href()));
                if let Some(a) = anchor {
                    href = format!("{href}#{a}");
                }
                ("a", text, Some(href), None)
            }
            Err(_) => return rich(text, mode),
        },
    };
    element(tag, rich(inner, mode), ("href", href), class)
}

/// One element for every mark, and for a list's parts (`block.rs`): a
/// `view!` per tag would be a type, and code, of its own for each.
pub(crate) fn element(
    tag: &'static str,
    inner: AnyView,
    (name, value): (&'static str, Option<String>),
    class: Option<&'static str>,
) -> AnyView {
    leptos::html::custom(tag).attr(name, value).attr("class", class).child(inner).into_any()
}

/// A string, with its line breaks (`\n`) as `<br>`.
fn lines(s: &str) -> AnyView {
    if !s.contains('\n') {
        return s.to_owned().into_any();
    }
    s.split('\n')
        .enumerate()
        .map(|(i, line)| view! { {(i > 0).then(|| view! { <br/> })}{line.to_owned()} })
        .collect_view()
        .into_any()
}
