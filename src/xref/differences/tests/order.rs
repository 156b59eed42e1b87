//! Ordinals, ranks and scores: values of their own types.

use super::*;

/// Each difference's value types, in member order.
fn types(texts: &[&str]) -> Vec<Vec<ValueType>> {
    run(texts, None)
        .into_iter()
        .map(|d| {
            d.values
                .iter()
                .flat_map(|v| v.spans.iter().map(|s| s.value_type))
                .collect()
        })
        .collect()
}

#[test]
fn a_score_is_two_figures_not_two_counts() {
    let d = one_difference(
        "The Eagles built a 10-0 lead before halftime.",
        "The Eagles built a 10-3 lead before halftime.",
    );
    let spans: Vec<&ValueSpan> = d.values.iter().flat_map(|v| &v.spans).collect();
    assert_eq!(d.values[0].text, "10-0");
    assert_eq!(d.values[1].text, "10-3");
    assert!(spans.iter().all(|s| s.value_type == ValueType::Score));
    assert_eq!((spans[1].value, spans[1].against), (Some(10.0), Some(3.0)));
}

#[test]
fn one_score_written_with_two_dashes_agrees() {
    assert!(
        kinds(&[
            "The court ruled 5-4 in favour of the state.",
            "The court ruled 5–4 in favour of the state.",
        ])
        .is_empty()
    );
}

#[test]
fn a_score_is_not_set_against_a_count() {
    // The 10 of "10-0" is no count of touchdowns.
    assert!(
        kinds(&[
            "They took a 10-0 lead in the first quarter.",
            "They took a lead of seven points in the first quarter.",
        ])
        .is_empty()
    );
}

#[test]
fn a_smaller_first_figure_is_still_a_range() {
    let d = run(
        &[
            "The boy fell 10-12 feet into the moat.",
            "The boy fell 15 feet into the moat.",
        ],
        None,
    );
    assert_eq!(
        types(&["The boy fell 10-12 feet.", "The boy fell 15 feet."]).len(),
        1
    );
    let span = &d[0].values[0].spans[0];
    assert_eq!(
        (span.value_type, span.value, span.upper, span.against),
        (ValueType::Distance, Some(10.0), Some(12.0), None)
    );
}

#[test]
fn ranks_that_disagree() {
    let d = kinds(&[
        "Broadcom is the world's third-largest chipmaker.",
        "Broadcom is the world's fourth-largest chipmaker.",
    ]);
    assert_eq!(d, only("number", &["third-largest", "fourth-largest"]));
    assert_eq!(
        types(&[
            "The team is ranked No. 3 in the country.",
            "The team is ranked 5th in the country.",
        ]),
        vec![vec![ValueType::Rank, ValueType::Rank]]
    );
}

#[test]
fn ordinals_that_disagree_and_ordinals_that_are_not_places() {
    assert_eq!(
        types(&[
            "It was the third attack on the city this year.",
            "It was the fourth attack on the city this year.",
        ]),
        vec![vec![ValueType::Ordinal, ValueType::Ordinal]]
    );
    // "first" as a time, not a place: no value.
    assert!(
        kinds(&[
            "The Times first reported the deal on Monday.",
            "Reuters second reported the deal on Monday.",
        ])
        .is_empty()
    );
    // A noun in "-est" after a spaced ordinal is no superlative.
    assert!(
        kinds(&[
            "It was the first protest in the city.",
            "It was the first protest in the capital.",
        ])
        .is_empty()
    );
}

#[test]
fn an_ordinal_is_not_set_against_a_rank_or_a_count() {
    assert!(
        kinds(&[
            "Police arrested three men after the second attack.",
            "Police arrested three men after two attacks.",
        ])
        .is_empty()
    );
}

#[test]
fn a_record_of_three_figures_is_one_score() {
    let d = one_difference(
        "Arians went 50-32-1 in five seasons with the Cardinals.",
        "Arians went 49-32-1 in five seasons with the Cardinals.",
    );
    assert_eq!(d.values[0].text, "50-32-1");
    assert_eq!(d.values[1].text, "49-32-1");
    assert_eq!(d.values[1].spans[0].value_type, ValueType::Score);
    // More losses than wins is a record too, not a range.
    assert_eq!(
        types(&[
            "The Cardinals went 7-8-1 in 2016.",
            "The Cardinals went 8-8 in 2016."
        ]),
        vec![vec![ValueType::Score, ValueType::Score]]
    );
}
