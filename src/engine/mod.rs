//! The matching engine: pure functions from a profile and the catalog to verdicts, reasons as
//! data, the order of results, near-misses, pathways and the doors to go to. No leptos, no
//! web-sys: tested and benchmarked natively.

pub mod check;
pub mod codec;
pub mod doors;
pub mod index;
mod order;
pub mod profile;
pub mod rank;
pub mod synthetic;
mod timing;
pub mod verdict;

pub use check::{Check, CriterionKind, Outcome, Reason, criterion_kinds, explain};
pub use doors::{Door, DoorReason, doors};
pub use index::{Index, rank_static};
pub use profile::{Band, Profile, ProfileError};
pub use rank::{
    CLOSING_SOON_DAYS, Kinds, Locality, PathwayMatch, Ranked, Ranking, Timing, count_fits,
    evaluate, rank, real_priorities, verdict,
};
pub use verdict::{Fix, Verdict};

/// Sorts a short list, stably, by `less`: an insertion sort, a few dozen bytes of wasm per use
/// where the standard library's stable sort weighs ~4 KB per element type and comparison (four
/// of them were 16 KB of the browser's wasm). For the few items sorted here: needs, doors,
/// programs when a catalog is not in id order.
pub fn small_sort_by<T>(v: &mut [T], mut less: impl FnMut(&T, &T) -> bool) {
    for i in 1..v.len() {
        let mut j = i;
        while j > 0 && less(&v[j], &v[j - 1]) {
            v.swap(j, j - 1);
            j -= 1;
        }
    }
}

/// Sorts integers in place, in O(n log n), unstably: a heapsort, small in wasm (the ranking's
/// keys in the browser, see `rank`).
pub fn heap_sort(v: &mut [u64]) {
    fn sift(v: &mut [u64], mut i: usize, n: usize) {
        loop {
            let mut c = 2 * i + 1;
            if c >= n {
                return;
            }
            if c + 1 < n && v[c + 1] > v[c] {
                c += 1;
            }
            if v[i] >= v[c] {
                return;
            }
            v.swap(i, c);
            i = c;
        }
    }
    let n = v.len();
    for i in (0..n / 2).rev() {
        sift(v, i, n);
    }
    for end in (1..n).rev() {
        v.swap(0, end);
        sift(v, 0, end);
    }
}

#[cfg(test)]
mod small_sort_tests {
    use super::{heap_sort, small_sort_by};

    #[test]
    fn heap_sort_sorts_like_the_standard_sort() {
        let mut seed = 11u64;
        for len in (0..70).chain([500, 1001]) {
            let v: Vec<u64> = (0..len)
                .map(|_| {
                    seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                    // Some repeats, some large keys.
                    if seed.is_multiple_of(3) {
                        seed % 7
                    } else {
                        seed
                    }
                })
                .collect();
            let mut ours = v.clone();
            heap_sort(&mut ours);
            let mut std = v;
            std.sort_unstable();
            assert_eq!(ours, std, "len {len}");
        }
    }

    #[test]
    fn sorts_like_the_standard_stable_sort() {
        let mut seed = 7u32;
        for len in 0..40 {
            let v: Vec<(u8, usize)> = (0..len)
                .map(|i| {
                    seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                    ((seed >> 16) as u8 % 5, i)
                })
                .collect();
            let mut ours = v.clone();
            small_sort_by(&mut ours, |a, b| a.0 < b.0);
            let mut std = v;
            std.sort_by_key(|x| x.0);
            assert_eq!(ours, std, "stable, same order");
        }
    }
}
