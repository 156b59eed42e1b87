//! What counts as a difference, and what does not.

use super::*;

fn kinds(texts: &[&str]) -> Vec<(String, Vec<String>)> {
    let members: Vec<(PassageId, usize, &str)> =
        texts.iter().enumerate().map(|(i, t)| (i, i, *t)).collect();
    differences(&members)
        .into_iter()
        .map(|d| (d.kind, d.values.into_iter().map(|v| v.text).collect()))
        .collect()
}

#[test]
fn death_tolls_that_disagree() {
    let d = kinds(&[
        "Five workers were killed.",
        "Seven workers have been killed.",
    ]);
    assert_eq!(
        d,
        vec![(
            "number".to_owned(),
            vec!["Five".to_owned(), "Seven".to_owned()]
        )]
    );
}

#[test]
fn tolls_in_headlines_and_sentences() {
    let d = kinds(&[
        "Blast kills five, minister points to valve",
        "Seven workers have been killed in a huge explosion",
    ]);
    assert_eq!(
        d,
        vec![(
            "number".to_owned(),
            vec!["five".to_owned(), "Seven".to_owned()]
        )]
    );
}

#[test]
fn unrelated_numbers_are_no_difference() {
    assert!(
        kinds(&[
            "windows shattered up to 2 km away at 6 p.m.",
            "it hit at 6 p.m. (1700 GMT), officials said"
        ])
        .is_empty()
    );
}

#[test]
fn one_member_saying_less_is_no_difference() {
    assert!(kinds(&["Five were killed and 50 injured.", "Five people died."]).is_empty());
}

#[test]
fn amounts_in_different_currencies_and_values() {
    let d = kinds(&[
        "a €92 million fund",
        "a fund of 92 million euros",
        "a £92 million fund",
    ]);
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].0, "number");
    assert_eq!(
        d[0].1,
        vec![
            "€92 million".to_owned(),
            "92 million euros".to_owned(),
            "£92 million".to_owned()
        ]
    );
}

#[test]
fn injured_counts_written_in_words() {
    let d = kinds(&["Fifty-one people were injured.", "50 others injured"]);
    assert_eq!(d[0].1, vec!["Fifty-one".to_owned(), "50".to_owned()]);
}

#[test]
fn dates_and_weekdays() {
    // Without a year, a weekday cannot contradict a date.
    assert!(
        kinds(&[
            "killed in an attack on Oct. 3",
            "killed in an attack on Thursday"
        ])
        .is_empty()
    );
    // 3 October 2024 was a Thursday: agreement, not a difference.
    assert!(
        kinds(&[
            "killed in an attack on Oct. 3, 2024",
            "killed in an attack on Thursday"
        ])
        .is_empty()
    );
    // ...and not a Friday.
    assert_eq!(
        kinds(&[
            "killed in an attack on Oct. 3, 2024",
            "killed in an attack on Friday"
        ]),
        vec![(
            "date".to_owned(),
            vec!["Oct. 3, 2024".to_owned(), "Friday".to_owned()]
        )]
    );
    // The same day with and without its year.
    assert!(
        kinds(&[
            "the price on Nov. 2, before the bid",
            "the price on Nov. 2, 2017"
        ])
        .is_empty()
    );
    // Two dates: a difference, and the day inside a date is no number.
    assert_eq!(
        kinds(&["invaded on February 24, 2022", "invaded on March 3, 2022"]),
        vec![(
            "date".to_owned(),
            vec!["February 24, 2022".to_owned(), "March 3, 2022".to_owned()]
        )]
    );
    assert_eq!(
        kinds(&["filed on Thursday", "filed on Friday"]),
        vec![(
            "date".to_owned(),
            vec!["Thursday".to_owned(), "Friday".to_owned()]
        )]
    );
}

#[test]
fn rounding_and_far_apart_values_are_no_difference() {
    assert!(kinds(&["a $5 billion charge", "a $4.98 billion charge"]).is_empty());
    assert!(!kinds(&["51 people were injured", "50 people were injured"]).is_empty());
    // A price per share and a deal's value are different things, and
    // so are the trapped and the dead.
    assert!(kinds(&["the offer of $82 a share", "the offer of $121 billion"]).is_empty());
    assert!(kinds(&["five trapped in the tram", "seven dead in the tram"]).is_empty());
    assert!(
        !kinds(&[
            "2,000 signatures on the petition",
            "300,000 signatures on the petition"
        ])
        .is_empty()
    );
}

#[test]
fn hedges_of_different_kinds_are_no_difference() {
    assert!(
        kinds(&[
            "the outcome would be unlikely",
            "she allegedly slapped a soldier"
        ])
        .is_empty()
    );
    assert!(!kinds(&["it was very likely", "it was highly likely"]).is_empty());
}

#[test]
fn hedges_inside_quotes() {
    let d = kinds(&[
        "it was “very likely” true",
        "it was \"highly likely\" true",
        "this is also likely true",
    ]);
    assert_eq!(d[0].0, "qualifier");
    assert_eq!(
        d[0].1,
        vec![
            "very likely".to_owned(),
            "highly likely".to_owned(),
            "likely".to_owned()
        ]
    );
}

#[test]
fn name_spellings() {
    let d = kinds(&["leader Kim Jong-un said", "leader Kim Jong Un said"]);
    assert_eq!(
        d,
        vec![(
            "name".to_owned(),
            vec!["Kim Jong-un".to_owned(), "Kim Jong Un".to_owned()]
        )]
    );
    let d = kinds(&["Mayor Zoë Kovačić spoke", "Mayor Zoe Kovacic spoke"]);
    assert_eq!(
        d,
        vec![(
            "name".to_owned(),
            vec![
                "Mayor Zoë Kovačić".to_owned(),
                "Mayor Zoe Kovacic".to_owned()
            ]
        )]
    );
    assert!(kinds(&["Minister Kim Yong-hyun said", "Minister Kim Yong-hyun told"]).is_empty());
    assert!(kinds(&["the North Korean army", "the North Korea army"]).is_empty());
    assert!(kinds(&["a U.N. team", "a UN team"]).is_empty());
    assert!(kinds(&["in Ukraine – Seoul said", "in Ukraine, Seoul said"]).is_empty());
    let d = kinds(&["crews from Penelac worked", "crews from Penelec worked"]);
    assert_eq!(
        d,
        vec![(
            "name".to_owned(),
            vec!["Penelac".to_owned(), "Penelec".to_owned()]
        )]
    );
}
