//! Quantities: what is, and is not, a difference between numbers.

use super::*;

#[test]
fn death_tolls_that_disagree() {
    let d = kinds(&[
        "Five workers were killed.",
        "Seven workers have been killed.",
    ]);
    assert_eq!(d, only("number", &["Five", "Seven"]));
}

#[test]
fn a_distance_written_against_its_unit_is_a_distance() {
    let d = kinds(&[
        "The boy fell 15ft into the moat.",
        "The boy fell 10 to 12 feet into the moat.",
    ]);
    assert_eq!(d, only("number", &["15ft", "10 to 12 feet"]));
}

#[test]
fn tolls_in_headlines_and_sentences() {
    let d = kinds(&[
        "Blast kills five, minister points to valve",
        "Seven workers have been killed in a huge explosion",
    ]);
    assert_eq!(d, only("number", &["five", "Seven"]));
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
    // One currency: compared; another currency is a conversion, not a
    // disagreement ("£80 million" beside "€92 million").
    let d = kinds(&[
        "a €92 million fund",
        "a fund of 92 million euros",
        "a €95 million fund",
        "a £80 million fund",
    ]);
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!(d[0].0, "number");
    assert_eq!(
        d[0].1,
        vec![
            "€92 million".to_owned(),
            "92 million euros".to_owned(),
            "€95 million".to_owned()
        ]
    );
}

#[test]
fn injured_counts_written_in_words() {
    let d = kinds(&["Fifty-one people were injured.", "50 others injured"]);
    assert_eq!(d[0].1, vec!["Fifty-one".to_owned(), "50".to_owned()]);
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
fn times_of_day_are_times_not_numbers() {
    // "06:00" is one time, not "06, 00"; "10:45 p.m." is 22:45.
    let d = run(
        &[
            "the train left at 06:00 on Thursday",
            "the train left at 06:00",
        ],
        None,
    );
    assert!(d.is_empty(), "{d:?}");
    let d = one_difference(
        "the crash at 10:45 p.m. on the line",
        "the crash at 10:15 p.m. on the line",
    );
    let spans: Vec<&ValueSpan> = d.values.iter().flat_map(|v| &v.spans).collect();
    assert!(spans.iter().all(|s| s.value_type == ValueType::TimeOfDay));
    assert_eq!(spans[0].value, Some(22.0 * 60.0 + 45.0));
    assert_eq!(d.values[0].text, "10:45 p.m.");
    // "5am" and "5 a.m." agree; "5am" and "5pm" do not.
    assert!(
        run(
            &[
                "the fire began at 5am near the depot",
                "the fire began at 5 a.m. near the depot"
            ],
            None
        )
        .is_empty()
    );
    assert_eq!(
        run(
            &[
                "the fire began at 5am near the depot",
                "the fire began at 5pm near the depot"
            ],
            None
        )
        .len(),
        1
    );
}

#[test]
fn types_and_units_are_never_mixed() {
    // A count of the dead is no distance, an age no count, a year no count.
    assert!(
        kinds(&[
            "12 killed in the crash near the city",
            "the crash 20 miles from the city killed"
        ])
        .is_empty()
    );
    assert!(
        kinds(&[
            "the driver, 42, was arrested after the crash",
            "the crash killed 7 and the driver was arrested"
        ])
        .is_empty()
    );
    let d = run(
        &["Jane Doe, 42, was arrested", "Jane Doe, 43, was arrested"],
        None,
    );
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].values[0].spans[0].value_type, ValueType::Age);
    let d = run(
        &[
            "a 16-year-old girl was charged",
            "a 17-year-old girl was charged",
        ],
        None,
    );
    assert_eq!(d[0].values[0].spans[0].value_type, ValueType::Age);
    assert_eq!(d[0].values[0].text, "16-year-old");
    let d = run(
        &[
            "the gorilla weighed 450 pounds",
            "the gorilla weighed 400 pounds",
        ],
        None,
    );
    assert_eq!(d[0].values[0].spans[0].value_type, ValueType::Weight);
    assert_eq!(d[0].values[0].spans[0].unit.as_deref(), Some("lb"));
    // Hyphenated, a weight all the same, set against the spaced form.
    let d = run(
        &[
            "the boy fell near the 450-pound gorilla",
            "the gorilla weighed 400 pounds",
        ],
        None,
    );
    assert_eq!(d.len(), 1, "{d:#?}");
    assert_eq!(d[0].values[0].spans[0].value_type, ValueType::Weight);
    assert_eq!(d[0].values[0].text, "450-pound");
    // Different heads: the trapped are not the injured, pilots not the dead.
    assert!(
        kinds(&[
            "five people were trapped in the tram",
            "40 people were injured in the tram"
        ])
        .is_empty()
    );
    assert!(kinds(&["the crash killed 12 on board", "the two pilots on board"]).is_empty());
    // Near synonyms are one thing: "dead" and "killed".
    assert_eq!(
        kinds(&[
            "84 dead in the attack",
            "85 people were killed in the attack"
        ])
        .len(),
        1
    );
}

#[test]
fn agreement_is_no_difference() {
    assert!(kinds(&["more than 50 people were injured", "51 people were injured"]).is_empty());
    // A floor is near the value known: "more than 2,000" is not 300,000.
    assert!(
        !kinds(&[
            "more than 2,000 signatures on the petition",
            "more than 300,000 signatures on the petition"
        ])
        .is_empty()
    );
    assert!(kinds(&["about 2,300 troops were sent", "2,300 troops were sent"]).is_empty());
    assert!(kinds(&["nearly 80 people died", "77 people died"]).is_empty());
    assert!(kinds(&["about 80 people died", "83 people died"]).is_empty());
    assert!(!kinds(&["some 2,000 residents fled", "about 2,300 residents fled"]).is_empty());
    // A hedge is as loose as the figure's last digit, no looser.
    assert!(!kinds(&["nearly 80 people died", "65 people died"]).is_empty());
    assert!(
        !kinds(&[
            "the deal is worth about $146 billion including debt",
            "the deal is worth $148.9 billion including debt"
        ])
        .is_empty()
    );
    assert!(!kinds(&["more than 50 people were injured", "80 people were injured"]).is_empty());
    assert!(
        kinds(&[
            "he fell 10 to 12 feet into the moat",
            "he fell 12 feet into the moat"
        ])
        .is_empty()
    );
    assert!(
        kinds(&[
            "he fell 10-12 feet into the moat",
            "he fell 11 feet into the moat"
        ])
        .is_empty()
    );
    assert!(
        !kinds(&[
            "he fell 10 to 12 feet into the moat",
            "he fell 15 feet into the moat"
        ])
        .is_empty()
    );
    // A value the text says was superseded is one article's own update.
    assert!(
        kinds(&[
            "Broadcom raised its offer to $82 a share, up from $70 a share",
            "Broadcom's new offer of $82 a share"
        ])
        .is_empty()
    );
    assert!(
        kinds(&[
            "its initial offer of $70 a share in November",
            "its $82 a share offer on Monday"
        ])
        .is_empty()
    );
    // A whole and its parts: $82 = $60 in cash + $22 in stock.
    assert!(
        kinds(&[
            "the new offer of $82 a share for the chipmaker",
            "the offer includes $60 a share in cash and $22 a share in stock"
        ])
        .is_empty()
    );
    // A member that states the other's figure too, framed otherwise
    // ("$60 in cash" / "$60 a share in cash"), does not contradict it.
    assert!(
        kinds(&[
            "Broadcom's new $82 per share offer included $60 in cash and $22 in stock",
            "Broadcom would acquire all shares for $60 per share in cash"
        ])
        .is_empty()
    );
    // ... but "five trapped" does not restate "five dead".
    assert!(
        !kinds(&[
            "seven people died and five were trapped",
            "five people died in the crash"
        ])
        .is_empty()
    );
    // "Its first offer, of $70": the phrase before the comma says former.
    assert!(
        kinds(&[
            "Its first offer, of $70 per share, came in November",
            "Broadcom raised its offer to $82 a share"
        ])
        .is_empty()
    );
    // Killed five and injured 50: the five are not the 50.
    assert!(
        kinds(&[
            "the blast killed five people and injured 50",
            "five dead and 50 injured in the blast"
        ])
        .is_empty()
    );
}

#[test]
fn spans_are_byte_ranges_in_the_passage() {
    // A member that is a clause: spans count from the passage's start.
    let passage = "Officials said on Monday that five workers were killed.";
    let other = "Seven workers were killed, officials said.";
    let at = passage.find("five").unwrap();
    let members = [
        Member {
            passage: 0,
            source: 0,
            text: &passage[at - 5..],
            offset: at - 5,
            passage_text: passage,
            year: None,
            parsed: None,
        },
        Member {
            passage: 1,
            source: 1,
            text: other,
            offset: 0,
            passage_text: other,
            year: None,
            parsed: None,
        },
    ];
    let d = checked(&members);
    assert_eq!(d.len(), 1, "{d:?}");
    let s = &d[0].values[0].spans[0];
    assert_eq!(&passage[s.start..s.end], "five");
    assert_eq!(s.value, Some(5.0));
    assert_eq!(d[0].about, "workers");
}

#[test]
fn text_after_a_number_may_be_any_script() {
    // Slicing after a number must stay on character boundaries.
    for t in ["5 é", "5 ａｍ", "10:45 p", "7 ü.m.", "3pm", "12 – 14"] {
        let _ = run(&[t, "8 é"], None);
    }
}

#[test]
fn who_says_what_groups_one_value_written_two_ways() {
    use crate::model::{Passage, PassageKind};
    let texts = [
        "a €92 million fund",
        "a fund of 92 million euros",
        "a €95 million fund",
    ];
    let d = run(&texts, None);
    assert_eq!(d.len(), 1, "{d:?}");
    let passages: Vec<Passage> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| Passage {
            id: i,
            source: i,
            paragraph: 0,
            kind: PassageKind::Body,
            text: (*t).to_owned(),
            start: 0,
            end: t.len(),
            duplicate_of: None,
        })
        .collect();
    assert_eq!(
        d[0].who_says_what(&passages),
        vec![("€92 million", vec![0, 1]), ("€95 million", vec![2])]
    );
}
