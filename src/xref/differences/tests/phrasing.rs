//! Hedges, names, negation and modality, direction.

use super::*;

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
    assert_eq!(d, only("name", &["Kim Jong-un", "Kim Jong Un"]));
    // Diacritics dropped are a keyboard's choice, not an outlet's spelling.
    assert!(kinds(&["Mayor Zoë Kovačić spoke", "Mayor Zoe Kovacic spoke"]).is_empty());
    assert!(kinds(&["Minister Kim Yong-hyun said", "Minister Kim Yong-hyun told"]).is_empty());
    assert!(kinds(&["the North Korean army", "the North Korea army"]).is_empty());
    assert!(kinds(&["a U.N. team", "a UN team"]).is_empty());
    assert!(kinds(&["in Ukraine – Seoul said", "in Ukraine, Seoul said"]).is_empty());
    // A letter dropped inside a name is a misspelling; at an end, an
    // ending ("Israel" / "Israeli" above: "Korea" / "Korean").
    let d = kinds(&[
        "keepers said Harambe was calm",
        "keepers said Harabe was calm",
    ]);
    assert_eq!(d, only("name", &["Harambe", "Harabe"]));
    assert!(kinds(&["the Israel army said", "the Israeli army said"]).is_empty());
    // A changed ending or a changed digit names something else.
    assert!(kinds(&["the Korean leaders met", "the Koreas leaders met"]).is_empty());
    assert!(
        kinds(&[
            "the new Galaxy S8 phone sold",
            "the new Galaxy S9 phone sold"
        ])
        .is_empty()
    );
    let d = kinds(&["crews from Penelac worked", "crews from Penelec worked"]);
    assert_eq!(d, only("name", &["Penelac", "Penelec"]));
}

#[test]
fn negation_and_modality() {
    let d = kinds(&[
        "the car was faulty, the actress said",
        "the car might be faulty, the actress said",
    ]);
    assert_eq!(d, only("qualifier", &["was faulty", "might be faulty"]));
    let d = one_difference(
        "the driver was arrested on Monday",
        "the driver wasn't arrested on Monday",
    );
    assert_eq!(d.about, "negation");
    assert_eq!(d.values[1].text, "wasn't arrested");
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
fn one_thing_rising_in_one_member_and_falling_in_another() {
    let d = kinds(&[
        "Shares of Goldman Sachs Group Inc. rose slightly before the opening bell.",
        "Shares of Goldman Sachs Group Inc. fell 1 percent in early trading.",
        "Goldman's shares were down about 1 percent in recent trading.",
    ]);
    assert_eq!(d, only("qualifier", &["rose", "fell", "down"]));
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

#[test]
fn a_quotation_losing_a_qualification_differs() {
    let d = kinds(&[
        "\"Mr. Smith acknowledges making an awkward pass at Ms. Jones in London,\" the statement said.",
        "“Mr. Smith acknowledges making a pass at Ms. Jones in London,” it said.",
    ]);
    assert_eq!(
        d,
        only("qualifier", &["making an awkward pass", "making a pass"])
    );
}

#[test]
fn excerpts_translations_and_spellings_of_a_quotation_are_no_difference() {
    let full = "\"It may even be a determining factor in sending soldiers to give them wartime training and more,\" he said.";
    for other in [
        // Cut short, and words left out.
        "\"It may even be a determining factor in sending soldiers,\" he said.",
        "\"It may be a factor in sending soldiers to give them wartime training,\" he said.",
        // Another translation: content words for content words.
        "\"This might even be a driving factor in sending soldiers to give them war-time training and more,\" he said.",
        // A number is the number rules' business.
        "\"It may even be a determining factor in sending 300 soldiers to give them wartime training and more,\" he said.",
    ] {
        assert!(kinds(&[full, other]).is_empty(), "{other}");
    }
    // Unquoted, the same words are no quotation.
    assert!(
        kinds(&[
            "Mr. Smith acknowledges making an awkward pass at Ms. Jones in London.",
            "Mr. Smith acknowledges making a pass at Ms. Jones in London."
        ])
        .is_empty()
    );
}
