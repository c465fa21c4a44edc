//! Every sort in the app and the reader, through one compiled sort: the standard library's sort is
//! copied into the wasm once per element type and comparison (each copy 3 to 6 KB of code), so these
//! functions sort positions with one comparison through a function pointer and then move the items.
//!
//! Sorts are stable: items that compare equal keep their order. Clippy refuses the slice's own sorts
//! elsewhere (`clippy.toml`), so a new sort cannot bring its own copy back in.

use std::cmp::Ordering;

/// Sorts `items` by `compare`, keeping the order of items that compare equal.
pub fn sort_by<T>(items: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    let order = stable_order(items.len(), &mut |left_idx, right_idx| {
        compare(&items[left_idx], &items[right_idx])
    });
    put_in_order(items, order);
}

/// Sorts `items` by the key each has, keeping the order of items with equal keys.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(items, |left, right| key(left).cmp(&key(right)));
}

/// Sorts `items` in their natural order.
pub fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, T::cmp);
}

/// Sorts `items` and drops every item equal to the one before it.
pub fn sort_and_dedup<T: Ord>(items: &mut Vec<T>) {
    sort(items);
    items.dedup();
}

/// The positions `0..len` in the order `compare` gives them, equal ones by position: the one sort
/// this module compiles.
#[inline(never)]
fn stable_order(len: usize, compare: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    // Unstable sort over distinct positions with the position as the tie-break is stable, and is
    // the smaller of the standard library's two sorts.
    #[allow(clippy::disallowed_methods)]
    order.sort_unstable_by(|&left_idx, &right_idx| {
        compare(left_idx, right_idx).then(left_idx.cmp(&right_idx))
    });
    order
}

/// Moves `items` so that position `i` holds what was at `order[i]`, following each cycle of the
/// permutation once.
fn put_in_order<T>(items: &mut [T], mut order: Vec<usize>) {
    for start_idx in 0..items.len() {
        let mut hole_idx = start_idx;
        // A position already filled points at itself.
        while order[hole_idx] != hole_idx {
            let source_idx = order[hole_idx];
            order[hole_idx] = hole_idx;
            if source_idx == start_idx {
                break;
            }
            items.swap(hole_idx, source_idx);
            hole_idx = source_idx;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The same order as the standard library's stable sort, ties included.
        #[test]
        fn sorts_as_the_standard_stable_sort(pairs in proptest::collection::vec((0u8..6, any::<u16>()), 0..200)) {
            let mut ours = pairs.clone();
            sort_by_key(&mut ours, |(key, _)| *key);
            let mut standard = pairs;
            #[allow(clippy::disallowed_methods)]
            standard.sort_by_key(|(key, _)| *key);
            prop_assert_eq!(ours, standard);
        }
    }

    #[test]
    fn sorts_and_drops_repeats() {
        let mut words = vec!["b", "a", "c", "a", "b"];
        sort_and_dedup(&mut words);
        assert_eq!(words, ["a", "b", "c"]);
    }

    #[test]
    fn sorts_items_that_are_not_copied() {
        let mut names: Vec<String> = ["pear", "apple", "fig"].map(String::from).to_vec();
        sort_by(&mut names, |left, right| right.cmp(left));
        assert_eq!(names, ["pear", "fig", "apple"]);
        let mut empty: Vec<String> = Vec::new();
        sort(&mut empty);
        assert!(empty.is_empty());
    }
}
