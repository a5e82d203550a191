//! Keeping markers apart.
//!
//! Markers closer than `min_gap` pixels merge into one cluster, drawn at
//! the position of its first member. A new cluster starts only at a marker
//! at least `min_gap` to the right of the current cluster's position, so
//! any two drawn items are at least `min_gap` apart: with markers no wider
//! than `min_gap`, nothing can overlap at any zoom.

/// One drawn item: a single event (`members.len() == 1`) or a cluster.
#[derive(Clone, Debug, PartialEq)]
pub struct Cluster {
    /// Event indices, in order.
    pub members: Vec<usize>,
    pub x: f64,
}

/// Clusters `(event index, x)` pairs given in ascending `x`.
pub fn cluster(markers: impl IntoIterator<Item = (usize, f64)>, min_gap: f64) -> Vec<Cluster> {
    let mut out: Vec<Cluster> = Vec::new();
    for (i, x) in markers {
        match out.last_mut() {
            Some(c) if x - c.x < min_gap => c.members.push(i),
            _ => out.push(Cluster { members: vec![i], x }),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn close_markers_merge_and_drawn_items_keep_the_gap() {
        let xs = [0.0, 5.0, 19.0, 20.0, 21.0, 45.0, 100.0];
        let c = cluster(xs.iter().copied().enumerate(), 20.0);
        let members: Vec<_> = c.iter().map(|c| c.members.clone()).collect();
        assert_eq!(members, [vec![0, 1, 2], vec![3, 4], vec![5], vec![6]]);
        assert!(c.windows(2).all(|w| w[1].x - w[0].x >= 20.0));
    }

    #[test]
    fn ten_thousand_markers_never_overlap() {
        // Deterministic pseudo-random positions.
        let mut seed = 42u64;
        let mut xs: Vec<f64> = (0..10_000)
            .map(|_| {
                seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                (seed >> 33) as f64 % 5000.0
            })
            .collect();
        xs.sort_by(f64::total_cmp);
        let c = cluster(xs.iter().copied().enumerate(), 18.0);
        assert!(c.windows(2).all(|w| w[1].x - w[0].x >= 18.0));
        assert_eq!(c.iter().map(|c| c.members.len()).sum::<usize>(), 10_000, "every event is in one item");
        assert!(c.len() <= 5000 / 18 + 1);
    }
}
