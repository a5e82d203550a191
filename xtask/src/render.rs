//! Every route's page, `404.html`, the offline page and the oEmbed files.

use crate::code::Code;
use crate::output::Output;
use crate::parallel::parallel;
use crate::shell::{Base, Fill, Shell};
use crate::site::{site_url, Page, Site, INLINE_LIMIT};
use crate::split::write_split;
use crate::stamps::{digest, renderer_id, Stamps};
use crate::worker::OFFLINE_PAGE;
use crate::Result;
use folio_model::embed::{escape_html, Options, Snippet};
use folio_model::route::{base_href, framed};
use folio_model::{files, Mode, PageSel, Route};
use std::collections::HashSet;

/// The oEmbed file of a resource in a mode: `oembed/zh/article/x.json`.
pub fn oembed_path(mode: Mode, resource: &str) -> String {
    format!("oembed{}/{resource}.json", mode.prefix())
}

/// Writes the derived files, every route's page (on every core), `404.html`
/// and the oEmbed files. Returns how many route files there are.
pub fn write_route_files(out: &Output, shell: &Shell, site: &Site, code: &Code) -> Result<usize> {
    // Chinese pages declare their language before the app starts, so the
    // browser picks CJK fonts and screen readers the right voice at once.
    let zh_shell = shell.in_lang(Mode::Zh.ui_lang().tag())?;
    let in_content = |rel: &str, bytes: &[u8]| out.write(&folio_model::files::in_bundle(rel), bytes);
    for t in site.timelines.iter().filter(|t| site.too_large_timeline(t)) {
        let n = write_split(t, &in_content)?;
        println!(
            "xtask: {} is over {} KB: split into an index and {n} event files",
            files::timeline(&t.id),
            INLINE_LIMIT / 1024
        );
    }
    let derived = site.derived();
    parallel(&derived, "derived files", |(rel, json)| in_content(rel, json.as_bytes()))?;
    let catalog = &site.catalog;
    // Unknown paths: the not-found view, which the app replaces with the
    // right one if the path is a view added since the build.
    let url = site_url(catalog)?;
    let head = site.head(&Route::NotFound, Mode::En, false).to_html(url.as_deref());
    // 404.html answers at any depth below a root it cannot know (the same
    // dist/ may be deployed anywhere), so it finds the root at run time.
    let data = site.data_for(&Route::NotFound);
    let carried = site.carried(&data, false).to_script_json();
    let body = folio::prerender::render("/404.html", data);
    let view = Some(("/404.html", body.as_str()));
    let page_404 = shell.page(&Fill { base: Base::Anywhere, head: &head, links: "", view, data: &carried });
    out.write("404.html", page_404.as_bytes())?;
    // What the offline worker answers an address with when it has no copy
    // of its page (`static/sw.js`): the app in a thin page, with the
    // site's chrome, which renders the view from the saved content or
    // says what is saved. In the reader's language: the app's, not this
    // page's.
    let offline = shell.page(&Fill { base: Base::Anywhere, head: &head, links: "", view: None, data: &carried });
    out.write(OFFLINE_PAGE, offline.as_bytes())?;
    if url.is_none() {
        println!(
            "xtask: no oEmbed files, and no og:url, og:image or hreflang links (they must be absolute): \
             set site_url in content/catalog.json or FOLIO_SITE_URL to the deployed address"
        );
    }
    let pages = site.pages();
    let routes: Vec<(&Page, Mode)> = pages.iter().flat_map(|p| Mode::ALL.into_iter().map(move |m| (p, m))).collect();
    let stamps = Stamps::load(out.root(), "routes");
    let build = digest(&[&shell.key(), &renderer_id(), url.as_deref().unwrap_or_default()]);
    let rendered = std::sync::atomic::AtomicUsize::new(0);
    parallel(&routes, "route files", |&(page, mode)| {
        let path = mode.localize(&framed(page.embed, &page.route.href()));
        let rel = format!("{}index.html", path.trim_start_matches('/'));
        let key = digest(&[&build, &path, &site.inputs(&page.route)]);
        if stamps.unchanged(&rel, &key) && out.keep(&rel) {
            return Ok(());
        }
        rendered.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let shell = if mode == Mode::Zh { &zh_shell } else { shell };
        let head = site.head(&page.route, mode, page.embed).to_html(url.as_deref());
        let data = site.data_for(&page.route);
        let carried = site.carried(&data, page.embed);
        let mut links = code.preloads(&page.route, page.embed).to_owned();
        links.push_str(&site.preloads(&page.route, &data, &carried));
        let carried = carried.to_script_json();
        if let (Some(url), Some((resource, title))) = (&url, &page.resource) {
            links.push_str(&format!(
                "<link rel=\"alternate\" type=\"application/json+oembed\" href=\"{}{}\" title=\"{}\">",
                escape_html(url),
                oembed_path(mode, resource),
                escape_html(title.str(mode.ui_lang()))
            ));
        }
        let body = (!page.thin).then(|| folio::prerender::render(&path, data));
        let view = body.as_deref().map(|body| (path.as_str(), body));
        let fill = Fill {
            base: Base::Route { href: base_href(&path), route: path.trim_start_matches('/').to_owned() },
            head: &head,
            links: &links,
            view,
            data: &carried,
        };
        out.write(&rel, shell.page(&fill).as_bytes())
    })?;
    stamps.finish(rendered.into_inner(), routes.len(), "route files rendered")?;
    if let Some(url) = &url {
        // One oEmbed file per resource and mode, describing its first view.
        let provider = catalog.site.en.clone();
        let mut done = HashSet::new();
        for page in &pages {
            let Some((resource, title)) = &page.resource else { continue };
            if !done.insert(resource.clone()) {
                continue;
            }
            for mode in Mode::ALL {
                let route = match &page.route {
                    Route::Article { slug, .. } => Route::Article { slug: slug.clone(), page: PageSel::Page(1) },
                    r => r.clone(),
                };
                let title = title.str(mode.ui_lang());
                let snippet = Snippet { site: url, mode, route: &route, options: Options::default(), title };
                let json = serde_json::to_string_pretty(&snippet.oembed(&provider))
                    .expect("an oEmbed document always serialises");
                out.write(&oembed_path(mode, resource), json.as_bytes())?;
            }
        }
    }
    Ok(routes.len())
}
