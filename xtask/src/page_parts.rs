//! `cargo xtask page-parts`.

use crate::site::Site;
use crate::{Error, Result};
use folio_model::files::{self, Kind};
use folio_model::route::Parsed;
use folio_model::Route;
use std::path::Path;

/// `cargo xtask page-parts DIR PATH [--leave-out FILE]...`: what dist puts
/// into the page at `PATH` for the content folder `DIR`, as JSON on
/// stdout: `data`, the data the page carries in its script form, and
/// `preloads`, the tags that ask for what it does not carry. Each `FILE`
/// (`timelines/{id}`, `articles/{slug}`) counts as over [`INLINE_LIMIT`]
/// whatever its size. The bench and the end-to-end suite make the page of
/// a timeline too large to carry from these, rather than build every
/// event's page or write them again in JavaScript.
pub fn command(args: &[String]) -> Result {
    let [dir, path, options @ ..] = args else {
        return Err(Error::usage("page-parts needs a content folder and a path"));
    };
    let mut site = Site::read(Path::new(dir))?;
    let mut options = options.iter();
    while let Some(option) = options.next() {
        match (option.as_str(), options.next()) {
            ("--leave-out", Some(file)) if left_out(&site, file).is_some() => {
                site.too_large.extend(left_out(&site, file));
            }
            ("--leave-out", file) => {
                let given = file.map_or("nothing".to_owned(), |f| format!("{f:?}"));
                return Err(Error::usage(format!(
                    "--leave-out needs an article (articles/SLUG) or a timeline (timelines/ID) of {dir}, not {given}"
                )));
            }
            (other, _) => return Err(Error::usage(format!("unknown option {other:?} for page-parts"))),
        }
    }
    let Parsed { route, embed, .. } = Route::parse(path, "");
    if route == Route::NotFound {
        return Err(Error::usage(format!("{path:?} is not the path of a view")));
    }
    let data = site.data_for(&route);
    let carried = site.carried(&data, embed);
    let parts = serde_json::json!({
        "data": carried.to_script_json(),
        "preloads": site.preloads(&route, &data, &carried),
    });
    println!("{parts}");
    Ok(())
}

/// The file of an article or a timeline of `site` that `--leave-out`
/// names, as `articles/SLUG` or `timelines/ID` (with `.json` or without).
fn left_out(site: &Site, given: &str) -> Option<String> {
    let file = if given.ends_with(".json") { given.to_owned() } else { format!("{given}.json") };
    let known = matches!(files::kind(&file), Kind::Article | Kind::Timeline) && site.digests.contains_key(&file);
    known.then_some(file)
}
