//! A timeline too large to carry, written as the app loads it: an index
//! and one file per event; and `cargo xtask split-timeline`.

use crate::site::{json, newest_first, parse_file, read_articles};
use crate::{fail, fs, Result};
use folio_model::files;
use folio_model::timeline::mentions::{EventMentions, MentionIndex};
use folio_model::timeline::{event_path, Timeline};
use std::path::Path;

/// Writes `timeline` into a bundle's `content/` as the app loads one too
/// large to carry: its index in place of the whole file, and each event in
/// its own file (see [`Timeline::split`] for why). Returns how many event
/// files it wrote. `write` takes a path inside `content/` and the bytes.
pub fn write_split(timeline: &Timeline, write: &dyn Fn(&str, &[u8]) -> Result) -> Result<usize> {
    let (index, events) = timeline.split();
    write(&files::timeline(&timeline.id), json(&index).as_bytes())?;
    for e in events {
        write(&event_path(&timeline.id, &e.id), json(e).as_bytes())?;
    }
    Ok(events.len())
}

/// A writer for [`write_split`] into a plain folder, a deployed bundle's
/// `content/`: with the file's pre-compressed copies, and without the old
/// ones, which a host would otherwise keep sending in its place.
pub fn into_folder(content: &Path) -> impl Fn(&str, &[u8]) -> Result + '_ {
    move |rel, bytes| {
        let file = content.join(rel);
        fs::write_creating(&file, bytes)?;
        let copies = crate::compress::copies(rel, bytes);
        for suffix in crate::compress::SUFFIXES {
            let copy = crate::compress::copy_path(&file, suffix);
            match copies.iter().find(|(s, _)| *s == suffix) {
                Some((_, bytes)) => fs::write(&copy, bytes)?,
                None if copy.exists() => fs::remove_file(&copy)?,
                None => {}
            }
        }
        Ok(())
    }
}

/// `cargo xtask split-timeline FILE DIR`: [`write_split`] for a timeline
/// file copied straight into a deployed bundle's `content/` (and for the
/// bench and the tests, which make such a bundle).
pub fn command(file: &Path, content: &Path) -> Result {
    let timeline = parse_file(file, file.display().to_string(), folio_model::timeline::parse)?;
    if timeline.details_apart {
        // Its events lack their details: splitting it again would write
        // them empty over the good files.
        return fail!("{}: this timeline is already split; give the whole file, from content/", file.display());
    }
    let write = into_folder(content);
    let n = write_split(&timeline, &write)?;
    // Its events' citing paragraphs, from the bundle's own articles, as
    // dist would have derived them: a card finds its file either way.
    let (_, articles) = newest_first(read_articles(content)?);
    let index = MentionIndex::build(&timeline, &articles);
    for m in index.files(&timeline) {
        write(&EventMentions::file(&m.timeline, &m.event), json(&m).as_bytes())?;
    }
    println!(
        "xtask: {} written as an index, {n} event files and their citations from {} articles in {}",
        timeline.id,
        articles.len(),
        content.display()
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::site::Site;

    #[test]
    fn a_split_timeline_reads_back_as_the_whole() {
        let site = Site::read(&crate::root().join("content")).unwrap();
        let whole = &site.timelines[0];
        let dir = std::env::temp_dir().join(format!("folio-split-{}", std::process::id()));
        assert_eq!(write_split(whole, &into_folder(&dir)).unwrap(), whole.events.len());
        let read = |rel: String| std::fs::read_to_string(dir.join(rel)).unwrap();
        let index = folio_model::timeline::parse(&read(files::timeline(&whole.id))).unwrap();
        assert!(index.details_apart);
        // The index and the event files together hold the timeline, field
        // for field.
        let mut joined = index.clone();
        joined.details_apart = false;
        for e in &mut joined.events {
            *e = folio_model::timeline::parse_event(&read(event_path(&whole.id, &e.id))).unwrap();
        }
        assert_eq!(&joined, whole);
        // Splitting the index again would empty the events' files.
        let again = command(&dir.join(files::timeline(&whole.id)), &dir).unwrap_err();
        assert!(again.to_string().contains("already split"), "{again}");
        std::fs::remove_dir_all(dir).unwrap();
    }
}
