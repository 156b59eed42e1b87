//! Tests of the link rules, with round thresholds.

use super::*;
use crate::xref::model::NewsThresholds;

const LINK_THRESHOLD: f64 = 0.5;
const RECIPROCAL_THRESHOLD: f64 = 0.1;
const CLAUSE_THRESHOLD: f64 = 0.2;
const CONTAINMENT_THRESHOLD: f64 = 0.7;

/// A model with round thresholds, so that the tests say what the rules
/// do whatever the shipped model's numbers are.
fn model() -> PairModel {
    PairModel {
        paraphrase_threshold: LINK_THRESHOLD,
        thresholds: NewsThresholds {
            link: LINK_THRESHOLD,
            reciprocal: RECIPROCAL_THRESHOLD,
            clause: CLAUSE_THRESHOLD,
            containment: CONTAINMENT_THRESHOLD,
            merge_density: 0.5,
        },
        ..PairModel::shipped()
    }
}

/// Decides with the test model; `alternatives` says whether the
/// articles offer alternatives (the competitive setting).
/// Units 0–9 and 20–29 are of source 0, units 10–19 of source 1.
fn run(pairs: &[Scored], alternatives: bool) -> Vec<usize> {
    let pairs: Vec<Scored> = pairs
        .iter()
        .map(|s| s.with(COMPETITIVE, alternatives))
        .collect();
    let model = model();
    let pairs = KeptPairs::from_pieces(vec![pairs]);
    let unit_source = (0..30).map(|u| u / 10 % 2).collect();
    let decider = Decider::new(&pairs, &model, unit_source);
    (0..pairs.len())
        .filter(|&i| decider.verdict(&pairs[i], &pairs).is_ok())
        .collect()
}

/// Whole passages `a` and `b` (see [`run`] for their sources), the
/// shorter first, sharing three terms.
fn scored(a: u32, b: u32, score: f64) -> Scored {
    Scored {
        a,
        b,
        score,
        score_without_numbers: score,
        cover: 0.0,
        shared_terms: 3,
        shared_words: 3,
        traits: WHOLE | A_SHORTER | COMPETITIVE,
    }
}

#[test]
fn confident_pairs_link_alone() {
    let pairs = [scored(0, 1, LINK_THRESHOLD + 0.01)];
    assert_eq!(run(&pairs, false), vec![0]);
}

#[test]
fn no_rule_links_passages_sharing_no_content() {
    let mut function_words = scored(0, 1, 0.99);
    function_words.shared_terms = 0;
    function_words.shared_words = 0;
    function_words.cover = 1.0;
    for alternatives in [true, false] {
        assert!(run(&[function_words], alternatives).is_empty());
        let one_word = Scored {
            shared_terms: MIN_SHARED_CONTENT as u16,
            shared_words: MIN_SHARED_CONTENT as u8,
            ..function_words
        };
        assert_eq!(run(&[one_word], alternatives), vec![0], "the control links");
    }
}

#[test]
fn one_word_in_common_links_only_when_it_is_all_the_lighter_passage_states() {
    let one_word = Scored {
        shared_terms: 1,
        shared_words: 1,
        cover: 0.5,
        ..scored(0, 1, 0.99)
    };
    for alternatives in [true, false] {
        assert!(run(&[one_word], alternatives).is_empty());
        let all_of_it = Scored {
            cover: LONE_WORD_COVER as f32,
            ..one_word
        };
        assert_eq!(
            run(&[all_of_it], alternatives),
            vec![0],
            "the control links"
        );
        // A neighbour in meaning adds weight, not a word in common.
        let word_and_neighbour = Scored {
            shared_terms: MIN_SHARED_TERMS as u16,
            ..one_word
        };
        assert!(run(&[word_and_neighbour], alternatives).is_empty());
        let two_words = Scored {
            shared_terms: MIN_SHARED_TERMS as u16,
            shared_words: MIN_SHARED_TERMS as u8,
            ..one_word
        };
        assert_eq!(
            run(&[two_words], alternatives),
            vec![0],
            "the control links"
        );
    }
}

#[test]
fn mutual_best_matches_link_only_where_articles_have_alternatives() {
    let mid = (LINK_THRESHOLD + RECIPROCAL_THRESHOLD) / 2.0;
    // 0 and 10 are each other's best; 1-10 is weaker.
    let pairs = [scored(0, 10, mid), scored(1, 10, RECIPROCAL_THRESHOLD)];
    assert_eq!(run(&pairs, true), vec![0]);
    assert!(
        run(&pairs, false).is_empty(),
        "lone sentences need the full threshold"
    );
}

#[test]
fn mutual_best_matches_that_contain_each_other_link() {
    let mut contained = scored(0, 10, 0.01);
    contained.cover = CONTAINMENT_THRESHOLD as f32;
    assert_eq!(run(&[contained], true), vec![0]);
    assert!(run(&[contained], false).is_empty());
}

#[test]
fn a_shorter_passage_stated_within_a_longer_one_links_to_it_though_the_longer_matches_better_elsewhere()
 {
    // Unit 10 (source 1) quotes units 0 and 1 of source 0; its best
    // match is 0. Unit 1's best match is 10, which states all of it.
    let mid = (LINK_THRESHOLD + RECIPROCAL_THRESHOLD) / 2.0;
    let quoted = Scored {
        cover: CONTAINMENT_THRESHOLD as f32,
        ..scored(1, 10, RECIPROCAL_THRESHOLD)
    };
    let pairs = [scored(0, 10, mid), quoted];
    assert_eq!(run(&pairs, true), vec![0, 1]);
    // Controls: stated in part only; below the mutual-best floor; the
    // longer one contained in the shorter (it is the longer one that
    // matches better elsewhere, not the contained one).
    let in_part = Scored {
        cover: (CONTAINMENT_THRESHOLD - 0.01) as f32,
        ..quoted
    };
    let weak = Scored {
        score: RECIPROCAL_THRESHOLD - 0.01,
        score_without_numbers: RECIPROCAL_THRESHOLD - 0.01,
        ..quoted
    };
    let longer = quoted.with(A_SHORTER, false);
    for other in [in_part, weak, longer] {
        assert_eq!(run(&[pairs[0], other], true), vec![0]);
    }
    // Lone sentences are not in competition: the rule is not theirs.
    assert!(run(&pairs, false).is_empty());
}

#[test]
fn clauses_link_only_as_clear_mutual_best_matches() {
    let clause = scored(0, 10, LINK_THRESHOLD + 0.1).with(WHOLE, false);
    assert_eq!(run(&[clause], true), vec![0]);
    assert!(
        run(&[clause], false).is_empty(),
        "a clause never links on its score alone"
    );
    let mut weak =
        scored(0, 10, (RECIPROCAL_THRESHOLD + CLAUSE_THRESHOLD) / 2.0).with(WHOLE, false);
    weak.cover = 1.0;
    assert!(
        run(&[weak], true).is_empty(),
        "a short clause contained in a sentence is not enough"
    );
}

#[test]
fn a_clause_link_needs_a_word_more_in_common_than_whole_passages() {
    // Mutual best matches sharing two words ("chip maker"): whole
    // passages link, a clause does not; with three words in common it does.
    let two = |whole: bool| Scored {
        shared_terms: MIN_SHARED_TERMS as u16,
        shared_words: MIN_SHARED_TERMS as u8,
        ..scored(0, 10, (CLAUSE_THRESHOLD + LINK_THRESHOLD) / 2.0).with(WHOLE, whole)
    };
    assert_eq!(run(&[two(true)], true), vec![0], "whole passages link");
    assert!(run(&[two(false)], true).is_empty(), "a clause does not");
    let three = Scored {
        shared_terms: MIN_CLAUSE_SHARED_TERMS as u16,
        shared_words: MIN_CLAUSE_SHARED_TERMS as u8,
        ..two(false)
    };
    assert_eq!(run(&[three], true), vec![0], "the control links");
}

#[test]
fn a_clause_whose_figures_clash_links_on_its_score_with_numbers() {
    // "five seasons with the Cardinals" / "eight seasons …": alike but
    // for the figures, which the score with numbers counts.
    let mid = (CLAUSE_THRESHOLD + LINK_THRESHOLD) / 2.0;
    let mut clause = scored(0, 10, CLAUSE_THRESHOLD / 2.0)
        .with(WHOLE, false)
        .with(NUMBERS_CLASH, true);
    clause.score_without_numbers = mid;
    assert!(run(&[clause], true).is_empty());
    let more = clause.with(NUMBERS_CLASH, false);
    assert_eq!(
        run(&[more], true),
        vec![0],
        "one side stating more figures sets them aside"
    );
    let whole = clause.with(WHOLE, true);
    assert_eq!(
        run(&[whole], true),
        vec![0],
        "whole passages at odds are one claim with a difference"
    );
}

#[test]
fn clauses_add_links_without_taking_whole_passage_links_away() {
    // Passage 0 and 10 are each other's best whole match; a clause of
    // 0 (unit 20) matches 10 better still.
    let whole = scored(0, 10, 0.3);
    let clause = scored(20, 10, 0.6).with(WHOLE, false);
    assert_eq!(run(&[whole, clause], true), vec![0, 1]);
}
