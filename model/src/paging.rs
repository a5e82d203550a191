//! Page arithmetic: which page a URL asks for, and whether the article has it.

/// A page selection: one page (1-based, as readers count) or all pages.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PageSel {
    Page(usize),
    All,
}

/// The outcome of resolving a requested page against an article.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Resolved {
    /// The selection exists.
    Ok(PageSel),
    /// Page `requested` does not exist; `nearest` is the clamped page a
    /// reader most likely wanted, offered as the way back.
    OutOfRange { requested: usize, count: usize, nearest: usize },
    /// The article has no pages at all (the validator rejects this, but a
    /// hand-edited file must still not panic the reader).
    Empty,
}

impl PageSel {
    /// Parses the page segment of a URL: `all` or a positive number.
    /// `None` for anything else ("0", "two", "-1").
    pub fn from_segment(seg: &str) -> Option<PageSel> {
        if seg == "all" {
            return Some(PageSel::All);
        }
        if seg.is_empty() || seg.len() > 6 || !seg.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        match seg.parse::<usize>() {
            Ok(0) | Err(_) => None,
            Ok(n) => Some(PageSel::Page(n)),
        }
    }

    /// The inverse of [`PageSel::from_segment`]: `"2"` or `"all"`.
    pub fn segment(self) -> String {
        match self {
            PageSel::Page(n) => n.to_string(),
            PageSel::All => "all".to_owned(),
        }
    }

    /// Checks the selection against an article of `count` pages.
    pub fn resolve(self, count: usize) -> Resolved {
        match self {
            _ if count == 0 => Resolved::Empty,
            PageSel::All => Resolved::Ok(PageSel::All),
            PageSel::Page(n) if (1..=count).contains(&n) => Resolved::Ok(self),
            PageSel::Page(n) => Resolved::OutOfRange { requested: n, count, nearest: n.clamp(1, count) },
        }
    }

    /// The previous page, if there is one. "All" has no neighbours.
    pub fn prev(self) -> Option<usize> {
        match self {
            PageSel::Page(n) if n > 1 => Some(n - 1),
            _ => None,
        }
    }

    /// The next page within an article of `count` pages, if there is one.
    pub fn next(self, count: usize) -> Option<usize> {
        match self {
            PageSel::Page(n) if n < count => Some(n + 1),
            _ => None,
        }
    }

    pub fn is_all(self) -> bool {
        self == PageSel::All
    }
}

/// The page numbers a pager shows for page `current` of `count`: the
/// first and last, and two either side of the current, with `None` for a
/// gap ("1 … 6 7 8 9 10 … 500"). A listing of 500 pages gets nine links,
/// not 500; an article of a few pages gets them all.
pub fn numbers(current: usize, count: usize) -> Vec<Option<usize>> {
    const NEAR: usize = 2;
    let mut out: Vec<Option<usize>> = Vec::new();
    let mut last = 0;
    for n in 1..=count {
        let near = n.abs_diff(current) <= NEAR;
        if n == 1 || n == count || near {
            // A gap of one page shows that page rather than "…".
            if n == last + 2 {
                out.push(Some(n - 1));
            } else if n > last + 2 {
                out.push(None);
            }
            out.push(Some(n));
            last = n;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use PageSel::*;

    #[test]
    fn pager_numbers_keep_the_ends_and_the_neighbourhood() {
        let show = |c, n| {
            numbers(c, n)
                .iter()
                .map(|x| x.map_or("…".to_owned(), |n: usize| n.to_string()))
                .collect::<Vec<_>>()
                .join(" ")
        };
        assert_eq!(show(1, 1), "1");
        assert_eq!(show(2, 3), "1 2 3");
        assert_eq!(show(1, 7), "1 2 3 … 7");
        assert_eq!(show(4, 7), "1 2 3 4 5 6 7", "a gap of one page is that page");
        assert_eq!(show(8, 500), "1 … 6 7 8 9 10 … 500");
        assert_eq!(show(500, 500), "1 … 498 499 500");
        assert!(numbers(250, 10_000).len() <= 9, "bounded, whatever the count");
        assert!(numbers(1, 0).is_empty());
    }

    #[test]
    fn segments() {
        for sel in [PageSel::Page(1), PageSel::Page(12), PageSel::All] {
            assert_eq!(PageSel::from_segment(&sel.segment()), Some(sel));
        }
        assert_eq!(PageSel::from_segment("2"), Some(Page(2)));
        assert_eq!(PageSel::from_segment("all"), Some(All));
        for bad in ["0", "", "-1", "two", "1.5", "99999999999999999999", " 2", "ALL"] {
            assert_eq!(PageSel::from_segment(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn resolve_clamps_out_of_range_pages_to_the_nearest() {
        assert_eq!(Page(1).resolve(2), Resolved::Ok(Page(1)));
        assert_eq!(Page(2).resolve(2), Resolved::Ok(Page(2)));
        assert_eq!(All.resolve(2), Resolved::Ok(All));
        assert_eq!(Page(9).resolve(2), Resolved::OutOfRange { requested: 9, count: 2, nearest: 2 });
        assert_eq!(Page(1).resolve(0), Resolved::Empty);
        assert_eq!(All.resolve(0), Resolved::Empty);
    }

    #[test]
    fn neighbours() {
        assert_eq!((Page(1).prev(), Page(1).next(2)), (None, Some(2)));
        assert_eq!((Page(2).prev(), Page(2).next(2)), (Some(1), None));
        assert_eq!((Page(2).prev(), Page(2).next(3)), (Some(1), Some(3)));
        assert_eq!((All.prev(), All.next(3)), (None, None));
        assert_eq!(Page(1).next(1), None);
    }
}
