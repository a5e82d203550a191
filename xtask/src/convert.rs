//! `cargo xtask convert FILE`: an article from JSON to Markdown, or back.
//!
//! The new files are written only once they read back as the same
//! article, and only then is the old file removed: a conversion loses
//! nothing, or does not happen.

use crate::site::read_markdown;
use crate::{fs, Error, Result};
use folio_model::markdown::{self, write, Md};
use folio_model::{parse, Article};
use std::path::Path;

pub fn command(file: &Path) -> Result {
    let name = file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let dir = file.parent().unwrap_or(Path::new("."));
    if let Some(slug) = name.strip_suffix(".json") {
        let article = parse::article(&fs::read_to_string(file)?).map_err(|e| e.in_file(file.display().to_string()))?;
        let (en, zh) = to_markdown(&article).map_err(|why| Error::other(format!("{}: {why}", file.display())))?;
        let targets = [(dir.join(format!("{slug}.md")), Some(en)), (dir.join(format!("{slug}.zh.md")), zh)];
        refuse_existing(&targets.iter().map(|(p, _)| p.as_path()).collect::<Vec<_>>())?;
        for (path, text) in &targets {
            if let Some(text) = text {
                fs::write(path, text.as_bytes())?;
                println!("xtask: wrote {}", path.display());
            }
        }
        std::fs::remove_file(file).map_err(|e| Error::io("remove", file, e))?;
        println!("xtask: removed {}", file.display());
    } else if let Some(slug) = name.strip_suffix(".md").filter(|s| !s.ends_with(".zh")) {
        // Read as `dist` reads it: the folder above is the content folder.
        let content = dir.parent().unwrap_or(Path::new("."));
        let rel = format!("{}/{name}", folio_model::files::ARTICLES);
        let article = read_markdown(content, &rel)?;
        let json = to_json(&article)?;
        let target = dir.join(format!("{slug}.json"));
        refuse_existing(&[&target])?;
        fs::write(&target, json.as_bytes())?;
        println!("xtask: wrote {}", target.display());
        for old in [file.to_path_buf(), dir.join(format!("{slug}.zh.md"))] {
            if old.exists() {
                std::fs::remove_file(&old).map_err(|e| Error::io("remove", &old, e))?;
                println!("xtask: removed {}", old.display());
            }
        }
    } else {
        return Err(Error::usage(format!(
            "convert needs an article's file, articles/{{slug}}.json or articles/{{slug}}.md; not {}",
            file.display()
        )));
    }
    Ok(())
}

/// The article's Markdown files, once they have read back as it.
pub fn to_markdown(article: &Article) -> std::result::Result<(String, Option<String>), String> {
    let (en, zh) = write::article(article)?;
    let en_name = format!("articles/{}.md", article.slug);
    let zh_name = format!("articles/{}.zh.md", article.slug);
    let back =
        markdown::article(Md { name: &en_name, text: &en }, zh.as_deref().map(|text| Md { name: &zh_name, text }))
            .map_err(|e| format!("its Markdown would not read back: {}", e[0]))?
            .article;
    if back != *article {
        return Err(format!(
            "its Markdown would read back differently, {}; nothing written",
            first_difference(article, &back)
        ));
    }
    Ok((en, zh))
}

/// The article as a JSON file, once it has read back as it.
pub fn to_json(article: &Article) -> Result<String> {
    let mut json = serde_json::to_string_pretty(article).map_err(|e| Error::other(e.to_string()))?;
    json.push('\n');
    let back = parse::article(&json)?;
    if back != *article {
        return Err(Error::other(format!(
            "the JSON would read back differently, {}",
            first_difference(article, &back)
        )));
    }
    Ok(json)
}

/// Where two versions of an article first differ, for a message.
fn first_difference(a: &Article, b: &Article) -> String {
    for (i, (pa, pb)) in a.pages.iter().zip(&b.pages).enumerate() {
        for (j, (ba, bb)) in pa.iter().zip(pb).enumerate() {
            if ba != bb {
                return format!("at page {}, block {}: {:?} would become {:?}", i + 1, j + 1, ba, bb);
            }
        }
    }
    "in its fields".into()
}

fn refuse_existing(paths: &[&Path]) -> Result {
    match paths.iter().find(|p| p.exists()) {
        Some(p) => Err(Error::other(format!("{} exists already; nothing written", p.display()))),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_article_goes_to_markdown_and_back_unchanged_and_the_old_file_goes() {
        let dir = std::env::temp_dir().join(format!("folio-convert-{}", std::process::id()));
        let articles = dir.join("articles");
        std::fs::create_dir_all(&articles).unwrap();
        let shipped = crate::root().join("content/articles/seven-decades-of-summits");
        let original = ["json", "md"]
            .iter()
            .find_map(|ext| {
                let p = shipped.with_extension(ext);
                p.exists().then_some(p)
            })
            .unwrap();
        let article = if original.extension().unwrap() == "json" {
            parse::article(&std::fs::read_to_string(&original).unwrap()).unwrap()
        } else {
            read_markdown(&crate::root().join("content"), "articles/seven-decades-of-summits.md").unwrap()
        };
        let json = articles.join("seven-decades-of-summits.json");
        std::fs::write(&json, to_json(&article).unwrap()).unwrap();
        command(&json).unwrap();
        assert!(!json.exists() && articles.join("seven-decades-of-summits.zh.md").exists());
        command(&articles.join("seven-decades-of-summits.md")).unwrap();
        assert!(!articles.join("seven-decades-of-summits.md").exists());
        assert_eq!(parse::article(&std::fs::read_to_string(&json).unwrap()).unwrap(), article);
        std::fs::write(articles.join("seven-decades-of-summits.md"), "x").unwrap();
        let e = command(&json).unwrap_err().to_string();
        assert!(e.contains("exists already"), "{e}");
        assert!(json.exists(), "nothing removed");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn what_markdown_cannot_say_is_refused_by_name() {
        let mut a = parse::article(include_str!("../../model/tests/fixtures/good/articles/ok.json")).unwrap();
        if let folio_model::Block::Paragraph { text, .. } = &mut a.pages[0][0] {
            text.zh = Some(folio_model::Rich::plain("第一段。\n\n译者拆出的第二段。"));
        }
        let e = to_markdown(&a).unwrap_err();
        assert!(e.contains("holds two paragraphs"), "{e}");
    }
}
