//! The distinct content terms and the numbers of many units, in two flat
//! lists: what candidates, link evidence, claims and figures read of every
//! unit, kept for the whole run. (As an analysis each, half a million
//! units at 10,000 articles cost a 72-byte header and two allocations
//! apiece, ~70 MB beside the 24 MB of terms.)

use super::TermId;
use crate::lists::Lists;

/// Units' terms and numbers, unit by unit in the order pushed.
#[derive(Debug, Default)]
pub struct UnitTerms {
    terms: Lists<TermId>,
    numbers: Lists<f64>,
}

impl UnitTerms {
    /// Adds a unit: its distinct content terms (sorted) and the values of
    /// the numbers it states.
    pub fn push(&mut self, terms: &[TermId], numbers: &[f64]) {
        self.terms.push(terms.iter().copied());
        self.numbers.push(numbers.iter().copied());
    }

    /// How many units there are.
    pub fn len(&self) -> usize {
        self.terms.len()
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// Unit `u`'s distinct content terms, sorted.
    pub fn terms(&self, u: usize) -> &[TermId] {
        &self.terms[u]
    }

    /// The values of the numbers unit `u` states, in order.
    pub fn numbers(&self, u: usize) -> &[f64] {
        &self.numbers[u]
    }

    /// How many term ids all units hold together.
    pub fn term_count(&self) -> usize {
        self.terms.items()
    }

    /// Frees the room the lists grew into beyond their length.
    pub fn shrink_to_fit(&mut self) {
        self.terms.shrink_to_fit();
        self.numbers.shrink_to_fit();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_unit_reads_back_as_pushed() {
        let mut units = UnitTerms::default();
        assert!(units.is_empty());
        units.push(&[3, 5, 9], &[]);
        units.push(&[], &[4.5]);
        units.push(&[1], &[2.0, 7.0]);
        assert_eq!(units.len(), 3);
        assert_eq!(units.terms(0), [3, 5, 9]);
        assert!(units.numbers(0).is_empty());
        assert!(units.terms(1).is_empty());
        assert_eq!(units.numbers(1), [4.5]);
        assert_eq!(units.terms(2), [1]);
        assert_eq!(units.numbers(2), [2.0, 7.0]);
        assert_eq!(units.term_count(), 4);
    }
}
