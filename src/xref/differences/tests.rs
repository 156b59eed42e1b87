//! What counts as a difference, and what does not.

use super::*;

/// Each difference's kind and its values as written, one member a source.
fn kinds(texts: &[&str]) -> Vec<(String, Vec<String>)> {
    run(texts, None)
        .into_iter()
        .map(|d| {
            (
                d.kind.as_str().to_owned(),
                d.values.into_iter().map(|v| v.text).collect(),
            )
        })
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
    // Diacritics dropped are a keyboard's choice, not an outlet's spelling.
    assert!(kinds(&["Mayor Zoë Kovačić spoke", "Mayor Zoe Kovacic spoke"]).is_empty());
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

/// The differences of one-passage members, one a source, in articles of
/// `year`.
fn run(texts: &[&str], year: Option<u32>) -> Vec<Difference> {
    let members: Vec<Member> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| Member {
            passage: i,
            source: i,
            text: t,
            offset: 0,
            passage_text: t,
            year,
        })
        .collect();
    differences(&members)
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
    let d = run(
        &[
            "the crash at 10:45 p.m. on the line",
            "the crash at 10:15 p.m. on the line",
        ],
        None,
    );
    assert_eq!(d.len(), 1, "{d:?}");
    let spans: Vec<&ValueSpan> = d[0].values.iter().flat_map(|v| &v.spans).collect();
    assert!(spans.iter().all(|s| s.value_type == ValueType::TimeOfDay));
    assert_eq!(spans[0].value, Some(22.0 * 60.0 + 45.0));
    assert_eq!(d[0].values[0].text, "10:45 p.m.");
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
fn a_weekday_agrees_with_the_date_it_fell_on() {
    // 3 October 2024 was a Thursday: with the article's year known, the
    // two agree; a Friday does not.
    assert!(
        run(
            &[
                "the filing on Thursday showed",
                "the filing on Oct. 3 showed"
            ],
            Some(2024)
        )
        .is_empty()
    );
    let d = run(
        &["the filing on Friday showed", "the filing on Oct. 3 showed"],
        Some(2024),
    );
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!(d[0].values[1].spans[0].date.as_deref(), Some("--10-03"));
    // Without a year nothing can be told.
    assert!(
        run(
            &["the filing on Friday showed", "the filing on Oct. 3 showed"],
            None
        )
        .is_empty()
    );
    // "Last month" and "this month" disagree; "last year" in a 2018
    // article is 2017, not 2015.
    assert_eq!(
        run(
            &[
                "EU regulators approved the deal last month",
                "EU regulators approved the deal this month"
            ],
            Some(2018)
        )
        .len(),
        1
    );
    let d = run(
        &[
            "Avago took over Broadcom in 2015",
            "Avago took over Broadcom last year",
        ],
        Some(2018),
    );
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!(d[0].values[1].spans[0].value, Some(2017.0));
    assert!(
        run(
            &[
                "Avago took over Broadcom in 2017",
                "Avago took over Broadcom last year"
            ],
            Some(2018)
        )
        .is_empty()
    );
    // Relative dates contradict no date.
    assert!(
        run(
            &[
                "the filing earlier this month showed",
                "the filing on Oct. 3 showed"
            ],
            Some(2024)
        )
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
        },
        Member {
            passage: 1,
            source: 1,
            text: other,
            offset: 0,
            passage_text: other,
            year: None,
        },
    ];
    let d = differences(&members);
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

#[test]
fn negation_and_modality() {
    let d = kinds(&[
        "the car was faulty, the actress said",
        "the car might be faulty, the actress said",
    ]);
    assert_eq!(
        d,
        vec![(
            "qualifier".to_owned(),
            vec!["was faulty".to_owned(), "might be faulty".to_owned()]
        )]
    );
    let d = run(
        &[
            "the driver was arrested on Monday",
            "the driver wasn't arrested on Monday",
        ],
        None,
    );
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!(d[0].about, "negation");
    assert_eq!(d[0].values[1].text, "wasn't arrested");
    // Both plain, both negated, or the word only one states: no difference.
    assert!(kinds(&["the driver was arrested", "the driver had been arrested"]).is_empty());
    assert!(
        kinds(&[
            "the driver was not arrested",
            "the driver was never arrested"
        ])
        .len()
            <= 1
    );
    assert!(
        kinds(&[
            "the driver was arrested",
            "the police may release the video"
        ])
        .is_empty()
    );
}

#[test]
fn a_date_that_dates_a_thing_is_set_only_against_dates_of_that_thing() {
    // "Broadcom's Nov. 6 proposal" dates the proposal, not the visit.
    assert!(
        run(
            &[
                "Broadcom's Nov. 6 proposal followed a visit by its CEO to the White House",
                "Broadcom's CEO visited the White House on Nov. 2, 2017",
            ],
            Some(2017),
        )
        .is_empty()
    );
    // The same thing dated twice: a difference.
    let d = run(
        &[
            "Broadcom's Nov. 6 proposal valued Qualcomm at $103 billion",
            "Broadcom made its proposal for Qualcomm on Nov. 3",
        ],
        Some(2017),
    );
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!(d[0].kind, DifferenceKind::Date);
    // Without a determiner the word after a date may start the clause.
    let d = run(
        &[
            "On Oct. 3 police arrested two men near the stadium",
            "Police arrested two men near the stadium on Oct. 5",
        ],
        Some(2024),
    );
    assert_eq!(d.len(), 1, "{d:?}");
}

#[test]
fn one_thing_rising_in_one_member_and_falling_in_another() {
    let d = kinds(&[
        "Shares of Goldman Sachs Group Inc. rose slightly before the opening bell.",
        "Shares of Goldman Sachs Group Inc. fell 1 percent in early trading.",
        "Goldman's shares were down about 1 percent in recent trading.",
    ]);
    assert_eq!(
        d,
        vec![(
            "qualifier".to_owned(),
            vec!["rose".to_owned(), "fell".to_owned(), "down".to_owned()]
        )]
    );
    // Different things moving different ways: no difference.
    assert!(
        kinds(&[
            "Goldman shares rose on Friday.",
            "Bank profits fell sharply, analysts said.",
        ])
        .is_empty()
    );
    // Both the same way; "shut down" is no movement.
    assert!(
        kinds(&[
            "Goldman shares rose on Friday.",
            "Goldman shares climbed 2 percent as the plant shut down.",
        ])
        .is_empty()
    );
}
