//! Which figures a member states: its clause's, the rest of its passage's
//! when about the same thing, and no bound in time or name's number.

use super::*;

#[test]
fn a_figure_beyond_the_clause_that_joined_is_read_when_its_phrase_is_the_others() {
    // The second member joined by its first clause; its other clause
    // gives the year of the same move (Cincinnati, zoo).
    let whole = "Harambe was born at the Gladys Porter Zoo in Brownsville, Texas, \
                 and was transported to the Cincinnati Zoo in 2014.";
    let clause_end = whole.find(", and").unwrap_or(whole.len());
    let first = "Harambe came to the Cincinnati Zoo in 2015 from the Gladys Porter Zoo.";
    let members = [
        Member {
            passage: 0,
            source: 0,
            text: first,
            offset: 0,
            passage_text: first,
            year: None,
            parsed: None,
        },
        Member {
            passage: 1,
            source: 1,
            text: &whole[..clause_end],
            offset: 0,
            passage_text: whole,
            year: None,
            parsed: None,
        },
    ];
    let d = checked(&members);
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!(d[0].values[1].text, "2014");
    let span = &d[0].values[1].spans[0];
    assert_eq!(&whole[span.start..span.end], "2014");
    // Beyond the clause, a figure about something else stays unread.
    let other = "Harambe was born at the Gladys Porter Zoo in Brownsville, Texas, \
                 and weighed 400 pounds in 2014.";
    let members = [
        members[0],
        Member {
            text: &other[..clause_end],
            passage_text: other,
            ..members[1]
        },
    ];
    assert!(checked(&members).is_empty());
}

#[test]
fn a_bound_in_time_and_a_name_s_number_are_no_figures() {
    assert!(
        kinds(&[
            "It was the first soft landing on the Moon since 1976.",
            "It was the first soft landing on the Moon in 2013.",
        ])
        .is_empty()
    );
    assert!(
        kinds(&[
            "The chip ships with the Pixel 2 camera app.",
            "The chip ships with the Pixel 3 camera app.",
        ])
        .is_empty()
    );
    // A weekday before a figure is no name.
    assert_eq!(
        kinds(&[
            "Officials said on Tuesday 12 people were hurt.",
            "Officials said on Tuesday 14 people were hurt.",
        ])
        .len(),
        1
    );
}

#[test]
fn a_compound_s_last_word_may_be_what_is_counted() {
    let d = one_difference(
        "Analysts cited the $32.6 billion in undistributed foreign earnings it held.",
        "Analysts cited the $31.2 billion in earnings it held.",
    );
    assert_eq!(d.about, "earnings");
    // Control: compounds that name nothing in common are two things.
    assert!(
        kinds(&[
            "Analysts cited the $32.6 billion in undistributed foreign earnings it held.",
            "Analysts cited the $31.2 billion in legal fees it held.",
        ])
        .is_empty()
    );
}
