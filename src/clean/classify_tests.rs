//! Tests of paragraph classification.

use super::*;
use PassageKind::*;

#[test]
fn headline_body_and_notices() {
    let ps = [
        "Five dead in blast – The Harbour Herald",
        "By Marta Lindqvist",
        "March 4, 2025",
        "KESTREL BAY — Five workers were killed when an explosion tore through the plant on Monday.",
        "READ ALSO: Kestrel Bay’s port expansion",
        "Sign up for our morning newsletter to get the day’s top stories in your inbox.",
        "https://www.harbourherald.example/2025/03/04/five-dead",
        "© 2025 The Harbour Herald. All rights reserved.",
    ];
    assert_eq!(
        classify(&ps),
        [
            Title,
            Boilerplate,
            Boilerplate,
            Body,
            Boilerplate,
            Boilerplate,
            Boilerplate,
            Boilerplate
        ]
    );
}

#[test]
fn an_author_note_is_no_headline() {
    let ps = [
        "Dana Reyes is the Herald's parenting columnist. Read her other columns and \
         follow her on Twitter @danareyes.",
        "The zoo reopened on Tuesday.",
        "\"We are heartbroken,\" the keeper wrote on Twitter @kestrelzoo late on Monday.",
    ];
    assert_eq!(classify(&ps), [Boilerplate, Body, Body]);
    // The control: the same note without a handle is a first line.
    let plain = ["Dana Reyes is the Herald's parenting columnist.", ps[1]];
    assert_eq!(classify(&plain), [Title, Body]);
}

#[test]
fn seed_like_furniture_is_boilerplate() {
    for p in [
        "0 1",
        "lep-general-02",
        "RUSSIA JAILS MERCENARY STEPHEN HUBBARD FOR FIGHTING AS A MERCENARY IN UKRAINE",
        "Leave A Reply",
        "Your email address will not be published.",
        "Read the full article here",
        "The Associated Press contributed to this report.",
        "Related Post",
        "Privacy & Cookies Policy",
        "#KestrelBay #explosion",
        "RIP #Harambe #gorilla",
        "Finance Brief | Markets",
        "Advertisement",
        "Subscribe to The Post for unlimited access. Already a subscriber? Log in.",
        "(Reporting by Ana Ferreira; Editing by J. R. Ellis)",
    ] {
        assert!(
            is_boilerplate(p, p.split_whitespace().count(), &phrases::hits(p)),
            "{p}"
        );
    }
}

#[test]
fn sentences_that_merely_begin_like_notices_are_body() {
    for p in [
        "Related talks between the two governments broke down in March.",
        "Privacy advocates said the cameras near the plant had been switched off.",
        "Published figures show the plant stored 300 tonnes of ammonia.",
    ] {
        assert!(
            !is_boilerplate(p, p.split_whitespace().count(), &phrases::hits(p)),
            "{p}"
        );
    }
}

#[test]
fn sentences_using_hashtags_as_words_are_body() {
    // A quoted post states something, whatever its hashtags: only a line
    // of tags is furniture.
    for p in [
        "The #Browns highest-graded player on defense vs. #Steelers was Joe Schobert.",
        "Smoke over the quay. #KestrelBay #explosion",
    ] {
        assert!(
            !is_boilerplate(p, p.split_whitespace().count(), &phrases::hits(p)),
            "{p}"
        );
    }
}

#[test]
fn social_embed_between_handle_and_sound_credit() {
    let ps = [
        "Headline",
        "Body text that says something.",
        "@lexpress",
        "Caption text of the video. Kursk Russia",
        "♬ original sound – L’Express",
        "More body text.",
    ];
    assert_eq!(
        classify(&ps),
        [Title, Body, Boilerplate, Boilerplate, Boilerplate, Body]
    );
}

#[test]
fn captions_and_credits() {
    let ps = [
        "Headline",
        "North Korean soldiers. Pedro Pardo / AFP",
        "Soldiers were killed. This photo taken on October 2 shows troops training",
        "Officials said a photo of the site would be released.",
    ];
    assert_eq!(classify(&ps), [Title, Caption, Caption, Body]);
}

#[test]
fn a_second_line_repeating_the_headline_is_a_title() {
    let ps = [
        "North Korean soldiers very likely killed on the front, according to Seoul – L’Express",
        "North Korean soldiers very likely killed on the front according",
        "Body.",
    ];
    assert_eq!(classify(&ps), [Title, Title, Body]);
}

#[test]
fn a_lede_is_no_headline() {
    let body = "The plant had been inspected in January.";
    // A sentence longer than headlines are, then more: the lede.
    let long = "A blast tore through a chemical plant in Kestrel Bay on Monday, killing \
                five workers and injuring dozens more, officials said.";
    assert_eq!(classify(&[long, body]), [Body, Body]);
    // Filed under a dateline, however short.
    let dated = "KESTREL BAY — Five workers died.";
    assert_eq!(classify(&[dated, body]), [Body, Body]);
    // A headline may end with a full stop ("…, Seoul says.") or a question
    // mark; it is short.
    let headline = "North Korea likely sending soldiers to Ukraine to aid Russia, Seoul says.";
    assert_eq!(classify(&[headline, body]), [Title, Body]);
    let question = "What does the Kestrel Bay blast mean for the port?";
    assert_eq!(classify(&[question, body]), [Title, Body]);
    // A long headline without a full stop is a headline still.
    let unpunctuated = "Five dead and dozens hurt as blast rips through Kestrel Bay chemical \
                        plant while minister points to faulty valve";
    assert_eq!(classify(&[unpunctuated, body]), [Title, Body]);
    // A lone line has nothing to lead: it is taken for a headline.
    assert_eq!(classify(&[long]), [Title]);
}
