//! The hand-over from the prerendered view (`#boot`) to the app.
//!
//! Usually the app's first render is the prerendered view itself (the page
//! carried its data, see `content.rs`), and `#boot` goes before the browser
//! paints again. But a page may leave content out (a file over dist's
//! inline limit, such as a 10,000-event timeline) or carry data that
//! could not be read. The app's first render is then a loading line, and
//! swapping a finished view for "Loading…" loses what the reader was
//! already reading, for as long as the download takes on their network.
//!
//! So while the views on screen load (the shell's loading memo, which
//! every view's content reports to), and `#boot` holds the view
//! prerendered for this very address, `#boot` stays on screen and the app
//! waits, hidden (`html[data-holding]` in the stylesheet). Once nothing
//! loads, the app's view replaces it at once. Links in `#boot` work
//! meanwhile (the router takes their clicks).
//!
//! If a load fails, the kept view stays too, under a [`kept_notice`] saying
//! what failed (and a retry where retrying can help), rather than the
//! app's error panel in its place: the reader keeps what they were
//! reading. After a move to another address, the app takes over as soon
//! as the new view is not loading: the kept view no longer matches the
//! address, so a failure there is the app's own error panel.
//!
//! Not when `#boot` holds another view: `404.html` is prerendered as "not
//! found" and served for any unknown address, including a view added since
//! the build, which the app then loads; showing "not found" meanwhile would
//! be wrong.

use crate::base::current_path;
use crate::components::error_panel::kept_notice;
use crate::content::{Failure, Status};
use folio_model::Mode;
use leptos::prelude::*;
use leptos::tachys::view::{Mountable, Render};
use wasm_bindgen::{closure::Closure, JsCast};

/// The attribute on `<html>` that hides the app while `#boot` is kept.
const HOLDING: &str = "data-holding";

/// What the hand-over is doing, from one run of its effect to the next.
enum Phase {
    /// `#boot` is gone (or never was): nothing more to do.
    Done,
    /// `#boot` is kept for `path`, with a notice while a load has failed.
    Kept { path: String, notice: Option<Notice> },
}

/// A notice on screen: the failure it tells of, and its view, which
/// unmounts when dropped.
struct Notice {
    failure: Failure,
    view: Box<dyn Mountable>,
}

impl Drop for Notice {
    fn drop(&mut self) {
        self.view.unmount();
    }
}

/// Follows the shell's `loading` memo and the address: keeps `#boot` while
/// it stands for what is loading, and hands over once nothing is. One
/// effect; it runs first once the app is mounted.
pub fn hand_over(loading: Memo<Status>, mode: Memo<Mode>) {
    let pathname = leptos_router::hooks::use_location().pathname;
    Effect::new(move |phase: Option<Phase>| {
        let status = loading.get();
        // The router's path, not the window's: the address bar changes only
        // once the navigation is committed, which may come after this.
        let path = crate::base::strip(&pathname.get());
        let (kept, notice) = match phase {
            None => (arrive(&status, &path), None),
            Some(Phase::Done) => return Phase::Done,
            // Released by `release_when_settled`.
            Some(Phase::Kept { .. }) if document().get_element_by_id("boot").is_none() => return Phase::Done,
            Some(Phase::Kept { path, notice }) => (Some(path), notice),
        };
        let Some(kept) = kept else { return release() };
        match status {
            Status::Ready => {
                release_when_settled(loading);
                Phase::Kept { path: kept, notice }
            }
            // The reader left a failed view for another address.
            Status::Failed(_) if path != kept => release(),
            // Still loading (a retry drops the notice it came from).
            Status::Loading => Phase::Kept { path: kept, notice: None },
            Status::Failed(failure) => {
                let same = notice.as_ref().is_some_and(|n| n.failure == failure);
                let notice = if same { notice } else { show_notice(failure, mode.get_untracked()) };
                Phase::Kept { path: kept, notice }
            }
        }
    });
}

/// The first run, once the app is mounted: the path `#boot` is kept for,
/// or `None` if it goes at once.
fn arrive(status: &Status, path: &str) -> Option<String> {
    let boot = document().get_element_by_id("boot")?;
    let same_view = boot.get_attribute("data-path").is_some_and(|p| p == path);
    if !same_view || *status == Status::Ready {
        return None;
    }
    if let Some(html) = document().document_element() {
        let _ = html.set_attribute(HOLDING, "");
    }
    keep_radios(&boot);
    Some(path.to_owned())
}

/// Mounts a [`kept_notice`] at the top of the kept view's content.
fn show_notice(failure: Failure, mode: Mode) -> Option<Notice> {
    let boot = document().get_element_by_id("boot")?;
    let content = boot.query_selector("main").ok().flatten().unwrap_or(boot);
    // Built in the effect's run, like any view (it holds no reactive
    // state), and mounted before the content's first child.
    let mut view = kept_notice(failure.clone(), mode).build();
    view.mount(&content, content.first_child().as_ref());
    mark_shown();
    Some(Notice { failure, view: Box::new(view) })
}

/// Releases `#boot` once this turn's renders have run, if nothing loads
/// then. The view that has just become ready renders in the same turn as
/// this effect, and may start loads of its own (an event's card, its
/// details; the timeline's code, its phone list's): those register after
/// the memo said "ready", and the kept view must wait for them too, or
/// the reader sees "Loading…" in place of what was on screen. A microtask
/// queued now runs after the reactive tasks already queued (they drain in
/// one microtask of their own), and before the browser paints or runs any
/// other task, so no one ever sees both views.
fn release_when_settled(loading: Memo<Status>) {
    let check = Closure::once_into_js(move || {
        if loading.try_get_untracked() == Some(Status::Ready) {
            release();
        }
    });
    window().queue_microtask(check.unchecked_ref());
}

fn release() -> Phase {
    let boot = document().get_element_by_id("boot");
    let twins = boot.as_ref().map(twins).unwrap_or_default();
    let focused = document().active_element();
    if let Some(boot) = boot {
        boot.remove();
    }
    if let Some(html) = document().document_element() {
        let _ = html.remove_attribute(HOLDING);
    }
    for (from, to) in twins {
        carry(&from, &to, focused.as_ref() == Some(&from));
    }
    mark_shown();
    Phase::Done
}

/// The prerendered page's controls that hold a choice: its selects and
/// text fields (radios apart, see [`keep_radios`]; it has no checkboxes).
const CONTROLS: &str = "select, input:not([type=radio], [type=checkbox])";

/// Each control in `#boot` paired with its twin in the app: the same name
/// (or id), the same place among its namesakes.
///
/// Why: the prerendered page is a page the reader can use while the code
/// loads, so a reader may choose a filter or start typing a search before
/// the app is live (on a slow network, for seconds). Replaced by the app's
/// view, the choice would be silently undone and the keystrokes would go
/// nowhere; [`carry`] hands both to the twin instead.
fn twins(boot: &web_sys::Element) -> Vec<(web_sys::Element, web_sys::Element)> {
    let list = |nodes: Result<web_sys::NodeList, _>| -> Vec<web_sys::Element> {
        let Ok(nodes) = nodes else { return Vec::new() };
        (0..nodes.length()).filter_map(|i| nodes.item(i)?.dyn_into().ok()).collect()
    };
    let key = |e: &web_sys::Element| e.get_attribute("name").or_else(|| e.get_attribute("id"));
    let app: Vec<_> =
        list(document().query_selector_all(CONTROLS)).into_iter().filter(|e| !boot.contains(Some(e))).collect();
    let mut seen = Vec::new();
    let mut pairs = Vec::new();
    for from in list(boot.query_selector_all(CONTROLS)) {
        let Some(k) = key(&from) else { continue };
        let nth = seen.iter().filter(|s| **s == k).count();
        if let Some(to) = app.iter().filter(|e| key(e).as_ref() == Some(&k)).nth(nth) {
            pairs.push((from, to.clone()));
        }
        seen.push(k);
    }
    pairs
}

/// Gives `to` what the reader did to `from`, if anything: its value (and
/// the event the app listens for, as if the reader had done it there),
/// and the focus. (Setting a text field's value puts its caret at the end,
/// where a reader typing is.)
fn carry(from: &web_sys::Element, to: &web_sys::Element, focused: bool) {
    use web_sys::{HtmlInputElement as Input, HtmlSelectElement as Select};
    // The app's handlers are on the elements themselves (tachys without
    // its `delegation` feature), so the event need not bubble.
    let fire = |kind: &str| {
        if let Ok(ev) = web_sys::Event::new(kind) {
            let _ = to.dispatch_event(&ev);
        }
    };
    if let (Some(a), Some(b)) = (from.dyn_ref::<Select>(), to.dyn_ref::<Select>()) {
        // The option the page was published with: `selected`, or the first.
        let published =
            a.query_selector("option[selected]").ok().flatten().or_else(|| a.query_selector("option").ok().flatten());
        if published.and_then(|o| o.get_attribute("value")).is_some_and(|v| v != a.value()) {
            b.set_value(&a.value());
            fire("change");
        }
    } else if let (Some(a), Some(b)) = (from.dyn_ref::<Input>(), to.dyn_ref::<Input>()) {
        if a.value() != a.default_value() {
            b.set_value(&a.value());
            fire("input");
        }
    }
    if let Some(b) = to.dyn_ref::<web_sys::HtmlElement>().filter(|_| focused) {
        let _ = b.focus();
    }
}

/// For the tests and the benchmark, once: the view the address names is
/// the app's (its code and content are here), or the notice of what
/// failed is on screen. `folio-ready` (`main.rs`) comes earlier, when the
/// app is mounted and takes clicks, while a timeline's chunk may still be
/// on its way.
fn mark_shown() {
    thread_local!(static MARKED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) });
    if !MARKED.replace(true) {
        if let Some(p) = window().performance() {
            let _ = p.mark("folio-view");
        }
    }
}

/// Radios of one name make one group across the document, so the app's
/// checked language radio unchecked its twin in `#boot`: the kept view
/// would show no language chosen. Renamed into groups of their own, they
/// show their prerendered state again.
///
/// The app's own switch is hidden meanwhile, so the kept one goes to the
/// chosen language's address as a plain navigation: that page as
/// published, in that language, at once, rather than a radio that does
/// nothing for as long as the load takes (or, after a failure, for good).
fn keep_radios(boot: &web_sys::Element) {
    let Ok(radios) = boot.query_selector_all("input[type=radio]") else { return };
    for i in 0..radios.length() {
        if let Some(input) = radios.item(i).and_then(|n| n.dyn_into::<web_sys::HtmlInputElement>().ok()) {
            input.set_name(&format!("{}-prerendered", input.name()));
            input.set_checked(input.default_checked());
            if let Some(mode) = Mode::from_param(&input.value()) {
                let go = Closure::once_into_js(move || switch_by_loading(mode));
                let _ = input.add_event_listener_with_callback("change", go.unchecked_ref());
            }
        }
    }
}

/// Loads this view's address in `mode`, remembering the choice as the
/// app's switch does.
fn switch_by_loading(mode: Mode) {
    crate::prefs::store_mode(mode);
    let location = window().location();
    let path = mode.switch(&current_path());
    let search = location.search().unwrap_or_default();
    let hash = location.hash().unwrap_or_default();
    let _ = location.assign(&format!("{}{path}{search}{hash}", crate::base::path()));
}
