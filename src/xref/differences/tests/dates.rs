//! Dates and weekdays.

use super::*;

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
        only("date", &["Oct. 3, 2024", "Friday"])
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
        only("date", &["February 24, 2022", "March 3, 2022"])
    );
    assert_eq!(
        kinds(&["filed on Thursday", "filed on Friday"]),
        only("date", &["Thursday", "Friday"])
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
