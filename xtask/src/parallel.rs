//! Work on every core, with progress lines on a long run, and the
//! numbers and durations those lines print.

use crate::Result;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// How many threads [`parallel`] uses: every core, or `FOLIO_JOBS`.
pub fn jobs() -> usize {
    std::env::var("FOLIO_JOBS")
        .ok()
        .and_then(|j| j.parse().ok())
        .filter(|&j| j > 0)
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
}

/// Runs `f` on every item, on [`jobs`] threads, and returns the first error
/// (the others stop at their next item). On a long run it prints how many
/// are done, of how many, and the time left, every few seconds, so a build
/// of an archive never looks hung.
pub fn parallel<T: Sync>(items: &[T], what: &str, f: impl Fn(&T) -> Result + Sync) -> Result {
    let next = AtomicUsize::new(0);
    let done = AtomicUsize::new(0);
    let error: Mutex<Option<crate::Error>> = Mutex::new(None);
    let start = Instant::now();
    let total = items.len();
    let workers = jobs().min(total.max(1));
    // How many workers are still at it: one that panicked counts down too
    // (its guard drops), so the progress loop ends and the panic reaches
    // the caller instead of the build waiting for it for ever.
    let live = AtomicUsize::new(workers);
    struct Live<'a>(&'a AtomicUsize);
    impl Drop for Live<'_> {
        fn drop(&mut self) {
            self.0.fetch_sub(1, Ordering::Relaxed);
        }
    }
    std::thread::scope(|s| {
        for _ in 0..workers {
            s.spawn(|| {
                let _live = Live(&live);
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= total || error.lock().expect("not poisoned").is_some() {
                        break;
                    }
                    if let Err(e) = f(&items[i]) {
                        error.lock().expect("not poisoned").get_or_insert(e);
                        break;
                    }
                    done.fetch_add(1, Ordering::Relaxed);
                }
            });
        }
        // The progress line, from this thread while the others work.
        let mut last = Instant::now();
        while live.load(Ordering::Relaxed) > 0
            && done.load(Ordering::Relaxed) < total
            && error.lock().expect("not poisoned").is_none()
        {
            std::thread::sleep(Duration::from_millis(50));
            if last.elapsed() >= Duration::from_secs(5) {
                last = Instant::now();
                let d = done.load(Ordering::Relaxed);
                println!("xtask: {}", progress(d, total, start.elapsed(), what));
            }
        }
    });
    match error.into_inner().expect("not poisoned") {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

/// `f` of every item, in order, on [`jobs`] threads (in one contiguous
/// chunk each: for many cheap items, such as parsing the article files).
pub fn parallel_map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> Result<R> + Sync) -> Result<Vec<R>> {
    let chunk = items.len().div_ceil(jobs()).max(1);
    let parts: Vec<Result<Vec<R>>> = std::thread::scope(|s| {
        let handles: Vec<_> = items.chunks(chunk).map(|c| s.spawn(|| c.iter().map(&f).collect())).collect();
        handles.into_iter().map(|h| h.join().expect("a worker panicked")).collect()
    });
    let mut out = Vec::with_capacity(items.len());
    for p in parts {
        out.extend(p?);
    }
    Ok(out)
}

/// "12,000 of 240,000 routes, 1 min 40 s left".
pub fn progress(done: usize, total: usize, elapsed: Duration, what: &str) -> String {
    let left = if done == 0 {
        "time left unknown".to_owned()
    } else {
        let secs = elapsed.as_secs_f64() / done as f64 * (total - done.min(total)) as f64;
        // Whole seconds: a guess needs no tenths.
        format!("{} left", duration(Duration::from_secs(secs.round() as u64)))
    };
    format!("{} of {} {what}, {left}", thousands(done), thousands(total))
}

/// "1 min 40 s", "12 s", "0.4 s".
pub fn duration(d: Duration) -> String {
    let secs = d.as_secs_f64();
    if secs < 10.0 && d.subsec_millis() != 0 {
        return format!("{secs:.1} s");
    }
    let secs = secs.round() as u64;
    if secs >= 60 {
        format!("{} min {} s", secs / 60, secs % 60)
    } else {
        format!("{secs} s")
    }
}

/// 240000 → "240,000".
pub fn thousands(n: usize) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parallel_runs_every_item_once_and_stops_on_an_error() {
        let items: Vec<usize> = (0..1000).collect();
        let sum = AtomicUsize::new(0);
        parallel(&items, "items", |i| {
            sum.fetch_add(*i, Ordering::Relaxed);
            Ok(())
        })
        .unwrap();
        assert_eq!(sum.into_inner(), 999 * 1000 / 2);
        let e = parallel(&items, "items", |i| if *i == 500 { Err(crate::Error::other("item 500")) } else { Ok(()) });
        assert_eq!(e.unwrap_err().to_string(), "item 500");
        assert_eq!(parallel_map(&items, |i| Ok(i * 2)).unwrap(), items.iter().map(|i| i * 2).collect::<Vec<_>>());
        assert!(parallel_map(&[] as &[usize], |i| Ok(*i)).unwrap().is_empty());
    }

    #[test]
    fn a_job_that_panics_ends_the_run_with_its_panic() {
        // (Before, the progress loop waited for it for ever.)
        let run = std::panic::catch_unwind(|| {
            parallel(&[1, 2, 3, 4], "jobs", |&i| if i == 2 { panic!("job {i} broke") } else { Ok(()) })
        });
        assert!(run.is_err());
    }

    #[test]
    fn progress_says_how_far_and_how_long() {
        assert_eq!(progress(0, 10, Duration::from_secs(1), "routes"), "0 of 10 routes, time left unknown");
        assert_eq!(
            progress(12_000, 240_000, Duration::from_secs(10), "routes"),
            "12,000 of 240,000 routes, 3 min 10 s left"
        );
        assert_eq!(progress(5, 10, Duration::from_secs(4), "routes"), "5 of 10 routes, 4 s left");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }
}
