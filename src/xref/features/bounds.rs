//! What a pair's features can be before the last ones are computed.
//!
//! Most candidate pairs are far from a link (on 1,000 generated articles
//! four in ten whole-passage pairs score under the level at which a pair
//! is kept at all). The kernel computes every feature but the bigram and
//! trigram overlaps, which are bounded by [0, 1]; a regression then tells
//! from the bounds whether the pair could reach a score anyone reads
//! ([`crate::xref::model::Logistic::upper_bound`]). A pair that cannot is
//! dropped there: the same pairs are kept, with the same features, as when
//! every pair was computed in full. (Bounding word order too, from the
//! shared terms' weight, let more pairs go but cost more to compute than
//! it saved. So did a bound taken before near-synonyms and word order are
//! looked for, with word order anywhere in [0, 1] and near-synonyms adding
//! at most the lighter side's unmatched weight with a vector: it stopped
//! 0.6% of the comparisons there, and the export of 1,000 generated
//! articles went from 7.96 to 8.34 G instructions.)

use super::{FEATURES, PairFeatures};

/// Each feature of a pair within `[lo, hi]` (in the order of
/// [`PairFeatures::as_array`]).
#[derive(Debug, Clone, PartialEq)]
pub struct FeatureBounds {
    pub lo: [f64; FEATURES],
    pub hi: [f64; FEATURES],
}

/// Positions in [`PairFeatures::as_array`] of the features bounded.
const BIGRAM_DICE: usize = 3;
const TRIGRAM_F1: usize = 10;

impl FeatureBounds {
    /// The bounds of a pair of which `exact` holds every feature but
    /// bigrams and trigrams (each in [0, 1]).
    pub(super) fn of_pair(exact: &PairFeatures) -> Self {
        let mut bounds = FeatureBounds {
            lo: exact.as_array(),
            hi: exact.as_array(),
        };
        for k in [BIGRAM_DICE, TRIGRAM_F1] {
            bounds.lo[k] = 0.0;
            bounds.hi[k] = 1.0;
        }
        bounds
    }

    /// Whether every feature of `features` lies within the bounds.
    pub fn contain(&self, features: &PairFeatures) -> bool {
        features
            .as_array()
            .iter()
            .enumerate()
            .all(|(k, &x)| self.lo[k] <= x && x <= self.hi[k])
    }
}

#[cfg(test)]
mod tests {
    use super::super::score_pair;
    use crate::xref::analysis::analyse;
    use crate::xref::features::with_bounds;

    #[test]
    fn the_bounds_hold_the_features_of_every_pair() {
        // Pairs near and far: paraphrases, shared names, synonyms, numbers
        // at odds, repeated words, function words alone. The kernel gives
        // the bounds after all the exact features: a feature moved after
        // them (or computed differently there) shows here.
        let texts = [
            "Four dockworkers were killed when a crane collapsed at the port on Monday.",
            "A crane fell at the port on Monday, killing four dock workers.",
            "Officials said the crane had been inspected in March.",
            "The port's crane was last inspected in March, officials said.",
            "Five people died and 40 were injured in the collapse, police said.",
            "Police said four people died and 12 were hurt.",
            "Ferries to the islands stay suspended while investigators work.",
            "The the the of of and and to to.",
            "Mayor Agnes Szabo said the city would pay for repairs to the quay.",
            "Szabo, the mayor, promised the city would fund the repair of the quay.",
            "Prices rose sharply as markets fell sharply and prices rose again.",
        ];
        let (analysed, stats) = analyse(&texts);
        let mut checked = 0;
        for a in &analysed {
            for b in &analysed {
                let (features, _) = score_pair(a, b, &stats);
                let bounds = with_bounds(a, b, &stats);
                assert!(bounds.contain(&features), "{features:?} outside {bounds:?}");
                checked += 1;
            }
        }
        assert_eq!(checked, texts.len() * texts.len());
    }
}
