//! The pair model: logistic regressions over [`PairFeatures`] giving the
//! probability that two passages state the same thing, and the thresholds
//! of the link decision and of claim grouping.
//!
//! Two regressions, for two settings that differ in their prior:
//! - `paraphrase`, for two passages whose articles offer no alternatives
//!   (one-sentence articles): fitted on MSRP paraphrase pairs
//!   (`cargo run --release --example fit_pair_model -- ../shared/eval/msrp_train.tsv`).
//! - `news`, for passages of real articles about one event, where any
//!   passage has many possible partners. `scripts/fit_dev.py` fits it on
//!   the cross-source pairs of the dev clusters' gold, with every threshold
//!   chosen by leave-one-cluster-out cross-validation of the claims' B-cubed
//!   F1, and writes it when it does better; so far it has not (README,
//!   Quality), and the shipped `news` regression is the MSRP fit too.
//!
//! The numbers live in `assets/pair_model.json`, written by those tools
//! (`.ci/run` checks that its `paraphrase` regression is what the MSRP fit
//! prints, and reports whether the `news` one is too).
//! `CROSSREAD_PAIR_MODEL=FILE` reads another file of the same shape (the
//! fitting script uses it to score each fold's model on the cluster it left
//! out).

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use super::features::{FEATURES, FeatureBounds, PairFeatures};

/// A logistic regression over the pair features.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Logistic {
    pub weights: [f64; FEATURES],
    pub bias: f64,
}

impl Logistic {
    /// Probability in [0, 1].
    pub fn score(&self, features: &PairFeatures) -> f64 {
        let z: f64 = self.bias
            + self
                .weights
                .iter()
                .zip(features.as_array())
                .map(|(w, x)| w * x)
                .sum::<f64>();
        let p = 1.0 / (1.0 + (-z).exp());
        if p.is_finite() { p } else { 0.0 }
    }

    /// The highest score a pair whose features lie within `bounds` can
    /// have: each feature at the end of its range its weight favours.
    pub fn upper_bound(&self, bounds: &FeatureBounds) -> f64 {
        let z: f64 = self.bias
            + self
                .weights
                .iter()
                .zip(bounds.lo.iter().zip(&bounds.hi))
                .map(|(&w, (&lo, &hi))| if w >= 0.0 { w * hi } else { w * lo })
                .sum::<f64>();
        let p = 1.0 / (1.0 + (-z).exp());
        if p.is_finite() { p } else { 1.0 }
    }
}

/// Thresholds of the decision between passages of articles with
/// alternatives (see xref::decide) and of claim grouping (xref::cluster).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct NewsThresholds {
    /// Whole passages scoring at least this are linked.
    pub link: f64,
    /// Mutual best matches of whole passages are linked from this score.
    pub reciprocal: f64,
    /// Mutual best matches where one side is a clause are linked from this.
    pub clause: f64,
    /// Mutual best matches of which one covers this share of the other's
    /// weighted content are linked whatever their score.
    pub containment: f64,
    /// Share of cross-source pairs between two groups that must be linked
    /// for the groups to merge into one claim.
    pub merge_density: f64,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct PairModel {
    pub paraphrase: Logistic,
    /// Lone pairs link from this `paraphrase` score.
    pub paraphrase_threshold: f64,
    pub news: Logistic,
    pub thresholds: NewsThresholds,
}

const SHIPPED: &str = include_str!("../../assets/pair_model.json");

impl PairModel {
    /// The model in force: `CROSSREAD_PAIR_MODEL` if set and readable
    /// (else a warning and the shipped one), read once.
    pub fn get() -> &'static PairModel {
        static MODEL: OnceLock<PairModel> = OnceLock::new();
        MODEL.get_or_init(|| {
            if let Some(path) = std::env::var_os("CROSSREAD_PAIR_MODEL") {
                let path = std::path::PathBuf::from(path);
                match std::fs::read_to_string(&path)
                    .map_err(|e| e.to_string())
                    .and_then(|t| serde_json::from_str(&t).map_err(|e| e.to_string()))
                {
                    Ok(model) => return model,
                    Err(e) => eprintln!(
                        "crossread: warning: CROSSREAD_PAIR_MODEL {}: {e}; using the shipped model",
                        crate::text::visible(&path.display().to_string())
                    ),
                }
            }
            Self::shipped()
        })
    }

    /// The model shipped in `assets/pair_model.json`.
    pub fn shipped() -> PairModel {
        serde_json::from_str(SHIPPED).expect("assets/pair_model.json is a valid model")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_model_parses_and_its_thresholds_are_probabilities() {
        let m = PairModel::shipped();
        let t = &m.thresholds;
        for v in [
            m.paraphrase_threshold,
            t.link,
            t.reciprocal,
            t.clause,
            t.merge_density,
        ] {
            assert!((0.0..=1.0).contains(&v), "{m:?}");
        }
        // Above 1, containment never links: the rule is off.
        assert!(t.containment >= 0.0, "{m:?}");
    }

    #[test]
    fn no_features_within_the_bounds_score_above_their_upper_bound() {
        // Random weights of both signs and random boxes of features: the
        // bound is the score at the box's best corner, so no point of the
        // box (its corners included) scores higher; a box of one point
        // bounds at its score.
        let mut rng = crate::testing::Xorshift::new(0x9e37_79b9_7f4a_7c15);
        let mut uniform = |scale: f64| (rng.below(2_000_001) as f64 / 1e6 - 1.0) * scale;
        for case in 0..500 {
            let regression = Logistic {
                weights: std::array::from_fn(|_| uniform(4.0)),
                bias: uniform(3.0),
            };
            let (a, b): ([f64; FEATURES], [f64; FEATURES]) = (
                std::array::from_fn(|_| uniform(1.0)),
                std::array::from_fn(|_| uniform(1.0)),
            );
            let bounds = FeatureBounds {
                lo: std::array::from_fn(|k| a[k].min(b[k])),
                hi: std::array::from_fn(|k| a[k].max(b[k])),
            };
            let bound = regression.upper_bound(&bounds);
            for corner in 0..64u32 {
                let x: [f64; FEATURES] = std::array::from_fn(|k| {
                    let t = f64::from((corner >> (k % 6)) & 1);
                    bounds.lo[k] + t * (bounds.hi[k] - bounds.lo[k])
                });
                let score = regression.score(&PairFeatures::from_array(x));
                assert!(score <= bound, "case {case}: {score} > {bound}");
            }
            let point = FeatureBounds { lo: a, hi: a };
            let score = regression.score(&PairFeatures::from_array(a));
            assert!(
                (regression.upper_bound(&point) - score).abs() < 1e-12,
                "case {case}"
            );
        }
    }

    #[test]
    fn scores_are_probabilities_even_for_extreme_features() {
        let m = PairModel::shipped();
        let mut f = PairFeatures::default();
        assert!((0.0..=1.0).contains(&m.news.score(&f)));
        f.word_f1 = 1e300;
        f.cosine = -1e300;
        for s in [m.news.score(&f), m.paraphrase.score(&f)] {
            assert!((0.0..=1.0).contains(&s), "{s}");
        }
    }
}
