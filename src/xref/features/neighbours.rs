//! Near-synonyms of one comparison: which of one side's heaviest unmatched
//! words are word-vector neighbours of the other's (see
//! [`crate::text::vectors::neighbours`]).

use crate::text::vectors;
use crate::xref::analysis::TermId;

/// Neighbours walked, for each word of the other side, before a list is
/// binary-searched for each of them instead (some lists are long). Chosen
/// by instructions of the whole export of 1,000 generated articles
/// (callgrind): 1: 8.049 G, 2: 8.011, 4: 7.971, 8: 7.983, 16: 8.023, all
/// searched: 8.098.
pub(super) const WALKED_PER_WORD: usize = 4;

/// Every pair of a term of `soft_a` and one of `soft_b` (weight, term,
/// vector) whose words are neighbours, as (similarity, term of a, term of
/// b), added to `out` in no set order. The second side's words are
/// stamped in `marks`, so that a neighbour list of at most `walked_per_word`
/// for each of them is walked rather than binary-searched for each (the
/// searches were a tenth of the kernel's instructions).
pub(super) fn neighbour_pairs(
    soft_a: &[(f64, TermId, u32)],
    soft_b: &[(f64, TermId, u32)],
    walked_per_word: usize,
    marks: &mut WordMarks,
    out: &mut Vec<(f32, TermId, TermId)>,
) {
    marks.start(vectors::words());
    for &(_, _, vb) in soft_b {
        marks.set(vb);
    }
    for &(_, ta, va) in soft_a {
        let neighbours = vectors::neighbours(va);
        if neighbours.len() <= soft_b.len().saturating_mul(walked_per_word) {
            for v in neighbours.iter().map(|&v| u32::from(v)) {
                if marks.is_set(v) {
                    // (Two terms may share a word's vector.)
                    out.extend(
                        soft_b
                            .iter()
                            .filter(|&&(_, _, vb)| vb == v)
                            .map(|&(_, tb, vb)| (vectors::similarity(va, vb), ta, tb)),
                    );
                }
            }
            continue;
        }
        for &(_, tb, vb) in soft_b {
            if u16::try_from(vb).is_ok_and(|vb| neighbours.binary_search(&vb).is_ok()) {
                out.push((vectors::similarity(va, vb), ta, tb));
            }
        }
    }
}

/// A set of word-vector ids for one comparison, as stamps: each new
/// comparison numbers its stamps anew, so nothing is cleared between them
/// (as [`super::marks::Marks`] does for terms). [`Marks`](super::marks::Marks)
/// itself, asked for one place, would do: measured, it took the whole export
/// of 1,000 generated articles from 7.950 to 7.981 G instructions (it
/// stamps a place as well as the comparison).
#[derive(Debug, Default)]
pub(super) struct WordMarks {
    stamps: Vec<u32>,
    comparison: u32,
}

impl WordMarks {
    /// A new, empty set of words below `words`.
    pub(super) fn start(&mut self, words: usize) {
        if self.stamps.len() < words {
            self.stamps.resize(words, 0);
        }
        match self.comparison.checked_add(1) {
            Some(next) => self.comparison = next,
            None => {
                self.stamps.iter_mut().for_each(|s| *s = 0);
                self.comparison = 1;
            }
        }
    }

    /// Puts `word` in the set (a word beyond the table is never in it).
    pub(super) fn set(&mut self, word: u32) {
        if let Some(stamp) = self.stamps.get_mut(word as usize) {
            *stamp = self.comparison;
        }
    }

    pub(super) fn is_set(&self, word: u32) -> bool {
        self.stamps.get(word as usize) == Some(&self.comparison)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn walked_and_searched_lists_give_the_same_pairs() {
        // Random sides of up to eight words, drawn from words with many
        // neighbours and their neighbours (so that pairs are found), some
        // sharing a vector: walking every list and searching every list
        // find the same pairs.
        let words = vectors::words() as u32;
        assert!(words > 1000, "the word vectors are built in");
        let mut rng = crate::testing::Xorshift::new(0x9e37_79b9_7f4a_7c15);
        let hubs: Vec<u32> = (0..words)
            .filter(|&w| vectors::neighbours(w).len() >= 6)
            .take(200)
            .collect();
        assert!(hubs.len() >= 50, "{} words with six neighbours", hubs.len());
        let pick = |rng: &mut crate::testing::Xorshift| {
            let hub = hubs[rng.below(hubs.len() as u64) as usize];
            let near = vectors::neighbours(hub);
            if rng.below(2) == 0 {
                hub
            } else {
                u32::from(near[rng.below(near.len() as u64) as usize])
            }
        };
        let mut marks = WordMarks::default();
        let mut found = 0;
        for case in 0..500 {
            let side = |rng: &mut crate::testing::Xorshift, first_term: TermId| {
                (0..1 + rng.below(8) as u32)
                    .map(|k| (1.0, first_term + k, pick(rng)))
                    .collect::<Vec<_>>()
            };
            let (a, b) = (side(&mut rng, 0), side(&mut rng, 100));
            let (mut walked, mut searched) = (Vec::new(), Vec::new());
            neighbour_pairs(&a, &b, usize::MAX, &mut marks, &mut walked);
            neighbour_pairs(&a, &b, 0, &mut marks, &mut searched);
            let order =
                |x: &(f32, TermId, TermId), y: &(f32, TermId, TermId)| (x.1, x.2).cmp(&(y.1, y.2));
            walked.sort_by(order);
            searched.sort_by(order);
            assert_eq!(walked, searched, "case {case}: {a:?} {b:?}");
            found += walked.len();
        }
        assert!(found > 100, "{found} pairs found");
    }

    #[test]
    fn a_word_is_in_the_set_of_its_comparison_only() {
        let mut words = WordMarks::default();
        words.start(8);
        words.set(2);
        words.set(99);
        assert!(words.is_set(2) && !words.is_set(3) && !words.is_set(99));
        words.start(8);
        assert!(!words.is_set(2));
        // The count starts over, with the stamps, before it overflows.
        words.set(5);
        words.comparison = u32::MAX;
        words.start(8);
        assert!(words.comparison == 1 && !words.is_set(5));
    }
}
