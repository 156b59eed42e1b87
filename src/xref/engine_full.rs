//! The full analyses of the engine's units, built from their drafts a
//! batch of stories at a time while pairs are scored, and dropped after
//! (see [`crate::xref::judge::score_by_story`]).

use rayon::prelude::*;

use super::{Engine, NOT_ANALYSED};
use crate::xref::analysis::Analysed;

impl Engine {
    /// Builds the full analyses of the units of `passages` (indices) from
    /// their drafts (in parallel), beside those built already; none once
    /// the drafts are dropped.
    pub(crate) fn analyse_fully(&mut self, passages: &[usize]) {
        if self.drafts.is_empty() {
            return;
        }
        let built: Vec<Vec<Analysed>> = passages
            .par_iter()
            .map(|&i| {
                let terms = self.units_of(i).map(|u| self.terms(u));
                self.drafts.get(i).analyse(&self.stats, terms)
            })
            .collect();
        for (&i, analyses) in passages.iter().zip(built) {
            for (u, analysis) in self.units_of(i).zip(analyses) {
                // (Units number far fewer than four billion: see `Scored`.)
                self.full_slot[u] = self.full.len() as u32;
                self.full.push(analysis);
            }
        }
    }

    /// Drops the full analyses built from the drafts, once none of their
    /// pairs will be compared again: the links' evidence, the claims'
    /// groups and the claims of figures and names read terms and numbers
    /// alone (at 10,000 articles the full analyses of every unit are ~250
    /// MB). An engine with no drafts keeps its analyses: they could not be
    /// built again.
    pub(crate) fn drop_full_analyses(&mut self) {
        if self.drafts.is_empty() {
            return;
        }
        self.full_slot.fill(NOT_ANALYSED);
        self.full = Vec::new();
    }
}
