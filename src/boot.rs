//! The hand-over from the prerendered view (`#boot`) to the app.
//!
//! Usually the app's first render is the prerendered view itself (the page
//! carried its data, see `load.rs`), and `#boot` goes in the task that
//! mounts the app. But a page may leave content out (a file over dist's
//! inline limit, such as a 10,000-meeting timeline) or carry data that
//! could not be read. The app's first render is then a loading line, and
//! swapping a finished view for "Loading…" loses what the reader was
//! already reading, for as long as the download takes on their network.
//!
//! So while any view is loading, and `#boot` holds the view prerendered for
//! this very address, `#boot` stays on screen and the app waits, hidden
//! (`html[data-holding]` in the stylesheet), until nothing loads any more:
//! then the app's view replaces it at once. Links in `#boot` work
//! meanwhile (the router takes their clicks).
//!
//! If that load fails, the kept view stays too, with a notice above it
//! saying what failed (and a retry where retrying can help), rather than
//! the app's error panel in its place: the reader keeps what they were
//! reading. Following one of its links releases it, as the view then no
//! longer matches the address.
//!
//! Not when `#boot` holds another view: `404.html` is prerendered as "not
//! found" and served for any unknown address, including a view added since
//! the build, which the app then loads; showing "not found" meanwhile would
//! be wrong.

use crate::base::current_path;
use leptos::prelude::{document, queue_microtask, window, Callable, Callback};
use std::cell::{Cell, RefCell};
use wasm_bindgen::{closure::Closure, JsCast};

thread_local! {
    /// Views (pages, and meeting cards waiting for their details) showing
    /// [`crate::components::error_panel::Loading`] now.
    static LOADING: Cell<usize> = const { Cell::new(0) };
    /// Whether `#boot` is being kept until they are done.
    static HELD: Cell<bool> = const { Cell::new(false) };
    /// A [`settle_later`] is queued.
    static SETTLING: Cell<bool> = const { Cell::new(false) };
    /// The address `#boot` was kept for.
    static KEPT_PATH: RefCell<String> = const { RefCell::new(String::new()) };
    /// Loads that the kept view stands for and that failed, each with the
    /// id its view clears it by, and what to say. Today's views wait for
    /// one load at a time, so this holds one; a list keeps two views that
    /// fail at once from clearing each other's notice.
    static FAILURES: RefCell<Vec<(u32, Failure)>> = const { RefCell::new(Vec::new()) };
    static NEXT_FAILURE: Cell<u32> = const { Cell::new(0) };
    /// The notice on screen.
    static NOTICE: RefCell<Option<Notice>> = const { RefCell::new(None) };
}

/// A failure's notice, with its retry button's listener, which lives as
/// long as the button.
struct Notice {
    section: web_sys::Element,
    _on_retry: Option<Closure<dyn Fn()>>,
}

/// What a kept view's notice says when the load it stood for failed.
pub struct Failure {
    /// What failed (the error panel's title, if it has one).
    pub title: Option<&'static str>,
    /// What the reader can do about it.
    pub body: String,
    /// The technical detail, for the publisher (file, line, column).
    pub detail: String,
    /// A retry, where retrying can help.
    pub retry: Option<Callback<()>>,
    /// The interface strings, in the reading mode.
    pub t: &'static folio_model::ui::Strings,
}

/// The attribute on `<html>` that hides the app while `#boot` is kept.
const HOLDING: &str = "data-holding";

/// A view started showing a loading line.
pub fn loading_started() {
    LOADING.with(|n| n.set(n.get() + 1));
}

/// A loading line went away; the last one hands the page to the app
/// (see [`settle_later`]).
pub fn loading_ended() {
    LOADING.with(|n| n.set(n.get().saturating_sub(1)));
    settle_later();
}

/// Called while building a view that shows a failure to load (an error
/// panel, a meeting card without its details): while `#boot` is kept, it
/// stays, with `failure` as a notice, for as long as that view is shown.
pub fn load_failed(failure: Failure) {
    if !HELD.with(Cell::get) {
        return;
    }
    let id = NEXT_FAILURE.with(|n| n.replace(n.get() + 1));
    FAILURES.with(|f| f.borrow_mut().push((id, failure)));
    leptos::prelude::on_cleanup(move || failure_cleared(id));
    settle_later();
}

/// Decides what the kept view does once the update under way is done.
///
/// Not at once: a view that has loaded drops its loading line before the
/// view replacing it is built, and that one may wait too (a meeting's card
/// for its details) or show a failure. So the state is read again in a
/// microtask, still before the browser paints.
fn settle_later() {
    if !HELD.with(Cell::get) || SETTLING.with(|s| s.replace(true)) {
        return;
    }
    queue_microtask(|| {
        SETTLING.with(|s| s.set(false));
        if LOADING.with(Cell::get) > 0 || !HELD.with(Cell::get) {
            return;
        }
        if failed() && KEPT_PATH.with(|k| *k.borrow() == current_path()) {
            show_notice();
        } else {
            release();
        }
    });
}

/// A failure's view went away: a retry is loading or has loaded, or the
/// reader has moved on.
fn failure_cleared(id: u32) {
    FAILURES.with(|f| f.borrow_mut().retain(|(i, _)| *i != id));
    remove_notice();
    settle_later();
}

fn failed() -> bool {
    FAILURES.with(|f| !f.borrow().is_empty())
}

/// The address changed. A kept view under a failure notice no longer
/// stands for it: the app's own view (its error panel, or the view the
/// reader asked for) takes over.
pub fn navigated(path: &str) {
    if failed() && HELD.with(Cell::get) && KEPT_PATH.with(|k| *k.borrow() != path) {
        release();
    }
}

/// Called once the app is mounted: removes `#boot`, or keeps it (see the
/// module's comment).
pub fn hand_over() {
    let Some(boot) = document().get_element_by_id("boot") else { return };
    let path = current_path();
    let same_view = boot.get_attribute("data-path").is_some_and(|p| p == path);
    if same_view && LOADING.with(Cell::get) > 0 {
        HELD.with(|h| h.set(true));
        KEPT_PATH.with(|k| *k.borrow_mut() = path);
        if let Some(html) = document().document_element() {
            let _ = html.set_attribute(HOLDING, "");
        }
        keep_radios(&boot);
    } else {
        boot.remove();
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
            if let Some(mode) = folio_model::Mode::from_param(&input.value()) {
                let go = Closure::once_into_js(move || switch_by_loading(mode));
                let _ = input.add_event_listener_with_callback("change", go.unchecked_ref());
            }
        }
    }
}

/// Loads this view's address in `mode`, remembering the choice as the
/// app's switch does.
fn switch_by_loading(mode: folio_model::Mode) {
    crate::prefs::store_mode(mode);
    let location = window().location();
    let path = mode.switch(&current_path());
    let search = location.search().unwrap_or_default();
    let hash = location.hash().unwrap_or_default();
    let _ = location.assign(&format!("{}{path}{search}{hash}", crate::base::path()));
}

/// Puts the failure's notice at the top of the kept view's content. Built
/// with DOM calls, as text: `#boot` is not the app's to render.
fn show_notice() {
    remove_notice();
    let Some(boot) = document().get_element_by_id("boot") else { return };
    let parent = boot.query_selector("main").ok().flatten().unwrap_or_else(|| boot.clone());
    let doc = document();
    let el = |tag: &str, class: &str, text: &str| {
        let e = doc.create_element(tag).ok()?;
        if !class.is_empty() {
            e.set_class_name(class);
        }
        e.set_text_content(Some(text));
        Some(e)
    };
    let notice = FAILURES.with(|all| {
        let all = all.borrow();
        let (_, f) = all.first()?;
        // One button retries every load that failed and can be retried.
        let retries: Vec<Callback<()>> = all.iter().filter_map(|(_, f)| f.retry).collect();
        let add = |parent: &web_sys::Element, tag: &str, class: &str, text: &str| {
            let e = el(tag, class, text)?;
            parent.append_child(&e).ok()?;
            Some(e)
        };
        let section = el("section", "kept-notice", "")?;
        let _ = section.set_attribute("role", "alert");
        let message = add(&section, "p", "", "")?;
        if let Some(title) = f.title {
            add(&message, "strong", "", title)?;
            message.append_with_str_1(" ").ok()?;
        }
        message.append_with_str_1(&f.body).ok()?;
        add(&section, "p", "kept-note", f.t.kept_copy)?;
        let detail = add(&section, "details", "error-detail", "")?;
        add(&detail, "summary", "", f.t.technical_detail)?;
        add(&detail, "code", "", &f.detail)?;
        let listener = (!retries.is_empty()).then(|| {
            let button = add(&section, "button", "button", f.t.retry)?;
            let _ = button.set_attribute("type", "button");
            // After the click's task: a retry may drop this notice, and
            // with it the listener that is running.
            let on_click = Closure::<dyn Fn()>::new(move || {
                let retries = retries.clone();
                queue_microtask(move || retries.iter().for_each(|r| r.run(())));
            });
            button.add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref()).ok()?;
            Some(on_click)
        });
        Some(Notice { section, _on_retry: listener.flatten() })
    });
    if let Some(notice) = notice {
        let _ = parent.prepend_with_node_1(&notice.section);
        NOTICE.with(|n| *n.borrow_mut() = Some(notice));
    }
}

fn remove_notice() {
    if let Some(notice) = NOTICE.with(|n| n.borrow_mut().take()) {
        notice.section.remove();
    }
}

fn release() {
    HELD.with(|h| h.set(false));
    FAILURES.with(|f| f.borrow_mut().clear());
    remove_notice();
    if let Some(boot) = document().get_element_by_id("boot") {
        boot.remove();
    }
    if let Some(html) = document().document_element() {
        let _ = html.remove_attribute(HOLDING);
    }
}
