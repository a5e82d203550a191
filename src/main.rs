use leptos::prelude::*;

fn main() {
    console_error_panic_hook::set_once();
    // The static page shows a "loading" note for readers whose browser
    // cannot run the app; replace it now that the app runs.
    if let Some(el) = document().get_element_by_id("boot") {
        el.remove();
    }
    mount_to_body(folio::App);
}
