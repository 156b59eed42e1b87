//! Where each term of one comparison is, for the comparison kernel.

use super::kernel::Side;
use crate::xref::analysis::TermId;

/// Where each term of a comparison is (on both sides, on one only, or
/// matched by a spelling on the other), as one stamp per term id:
/// the kernel asks it of every term it walks (heaviest unmatched terms,
/// word order), which was a binary search in a term list each time. A
/// stamp is the comparison's number and the place, so that nothing is
/// cleared between comparisons.
#[derive(Debug, Default)]
pub(super) struct Marks {
    stamps: Vec<u32>,
    comparison: u32,
}

/// The places a stamp records (after [`Side`]'s three).
const RESPELT: u32 = 3;
const PLACES: u32 = 4;

impl Marks {
    /// A new comparison, of terms below `terms`: every earlier stamp is
    /// stale.
    pub(super) fn start(&mut self, terms: usize) {
        if self.stamps.len() < terms {
            self.stamps.resize(terms, 0);
        }
        match self.comparison.checked_add(1) {
            Some(next) if next < u32::MAX / PLACES => self.comparison = next,
            _ => {
                self.stamps.iter_mut().for_each(|s| *s = 0);
                self.comparison = 1;
            }
        }
    }

    fn stamp(&self, place: u32) -> u32 {
        self.comparison * PLACES + place
    }

    pub(super) fn set(&mut self, term: TermId, side: Side) {
        self.stamps[term as usize] = self.stamp(side as u32);
    }

    pub(super) fn set_respelt(&mut self, term: TermId) {
        self.stamps[term as usize] = self.stamp(RESPELT);
    }

    /// Whether `term` is at `side` in this comparison (a term matched by a
    /// spelling is at neither [`Side::First`] nor [`Side::Second`]).
    pub(super) fn is(&self, term: TermId, side: Side) -> bool {
        self.stamps.get(term as usize) == Some(&self.stamp(side as u32))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stamp_holds_for_its_comparison_only() {
        let mut marks = Marks::default();
        marks.start(10);
        marks.set(3, Side::Both);
        marks.set(4, Side::Second);
        marks.set_respelt(5);
        assert!(marks.is(3, Side::Both));
        assert!(!marks.is(3, Side::First));
        assert!(marks.is(4, Side::Second));
        // A term of the second side matched by a spelling is not unmatched.
        assert!(!marks.is(5, Side::Second));
        // Terms never marked, or beyond the table, are nowhere.
        assert!(!marks.is(6, Side::Both) && !marks.is(60, Side::Both));
        marks.start(10);
        assert!(!marks.is(3, Side::Both) && !marks.is(4, Side::Second));
        // The table grows with the terms.
        marks.start(100);
        marks.set(60, Side::First);
        assert!(marks.is(60, Side::First));
    }

    #[test]
    fn stamps_start_over_before_the_count_overflows() {
        let mut marks = Marks::default();
        marks.start(4);
        marks.set(1, Side::Both);
        // The last comparison the stamps can number, then the next.
        marks.comparison = u32::MAX / PLACES - 1;
        marks.set(2, Side::First);
        marks.start(4);
        assert!(marks.comparison == 1 && !marks.is(2, Side::First) && !marks.is(1, Side::Both));
    }
}
