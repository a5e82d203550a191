//! The release bundle.

use crate::tools::{ensure_build_tools, path_with_tools, run};
use crate::{fail, root, Result};
use folio_model::{parse, route::article_href, Mode, PageSel, Route};
use std::path::{Path, PathBuf};
use std::process::Command;

/// Builds `dist/` and returns its path.
///
/// Besides Trunk's output, every route gets its own `index.html` (a copy of
/// the app shell), and `404.html` catches the rest. So deep links, reloads
/// and shared links work on any static host without rewrite rules.
pub fn build(release: bool) -> Result<PathBuf> {
    ensure_build_tools()?;
    crate::validate(root().join("content"))?;
    let mut trunk = Command::new("trunk");
    trunk.arg("build").arg("--offline").current_dir(root()).env("PATH", path_with_tools());
    if release {
        trunk.arg("--release");
    }
    run(&mut trunk)?;
    let dist = root().join("dist");
    let routes = write_route_files(&dist)?;
    println!("xtask: dist/ ready ({} route files)", routes);
    Ok(dist)
}

/// The paths of every view the content defines, in every mode.
fn routes(content: &Path) -> Result<Vec<(Mode, String)>> {
    let paths = unprefixed_routes(content)?;
    Ok(Mode::ALL.iter().flat_map(|&m| paths.iter().map(move |p| (m, m.localize(p)))).collect())
}

fn unprefixed_routes(content: &Path) -> Result<Vec<String>> {
    let catalog = parse::catalog(&std::fs::read_to_string(content.join("catalog.json"))?)
        .map_err(|e| crate::Error(e.in_file("content/catalog.json").to_string()))?;
    let mut out = vec![Route::Home.href()];
    out.extend(catalog.editions.iter().map(|e| Route::Edition(e.id.clone()).href()));
    for entry in &catalog.articles {
        let file = content.join(format!("articles/{}.json", entry.slug));
        let article = parse::article(&std::fs::read_to_string(&file)?)
            .map_err(|e| crate::Error(e.in_file(file.display().to_string()).to_string()))?;
        out.push(article_href(&article.slug, PageSel::All));
        out.extend((1..=article.page_count()).map(|n| article_href(&article.slug, PageSel::Page(n))));
    }
    for entry in &catalog.timelines {
        let file = content.join(format!("timelines/{}.json", entry.id));
        let timeline = folio_model::timeline::parse(&std::fs::read_to_string(&file)?)
            .map_err(|e| crate::Error(e.in_file(file.display().to_string()).to_string()))?;
        out.push(Route::Timeline { id: timeline.id.clone(), event: None }.href());
        out.extend(
            timeline
                .events
                .iter()
                .map(|e| Route::Timeline { id: timeline.id.clone(), event: Some(e.id.clone()) }.href()),
        );
    }
    Ok(out)
}

fn write_route_files(dist: &Path) -> Result<usize> {
    let shell = std::fs::read_to_string(dist.join("index.html"))?;
    if !shell.contains("<script") {
        return fail!("dist/index.html has no script; did Trunk build the app?");
    }
    std::fs::write(dist.join("404.html"), &shell)?;
    // Chinese pages declare their language before the app starts, so the
    // browser picks CJK fonts and screen readers the right voice at once.
    let zh_shell = shell.replacen("<html lang=en>", &format!("<html lang={}>", Mode::Zh.ui_lang().tag()), 1);
    let routes = routes(&root().join("content"))?;
    for (mode, path) in &routes {
        let dir = dist.join(path.trim_start_matches('/'));
        std::fs::create_dir_all(&dir)?;
        std::fs::write(dir.join("index.html"), if *mode == Mode::Zh { &zh_shell } else { &shell })?;
    }
    Ok(routes.len())
}
