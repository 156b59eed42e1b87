//! Hand-written sentence splitting cases: each input and the sentences a
//! careful reader finds in it.

use super::*;

fn split(text: &str) -> Vec<&str> {
    split_sentences(text)
        .into_iter()
        .map(|r| &text[r])
        .collect()
}

macro_rules! case {
    ($name:ident, $text:expr, [$($s:expr),* $(,)?]) => {
        #[test]
        fn $name() {
            let expected: Vec<&str> = vec![$($s),*];
            assert_eq!(split($text), expected);
        }
    };
}

case!(
    embedded_post_link,
    "Happy 17th birthday to Harambe! https://t.co/FeITuw0h — Cincinnati Zoo (@CincinnatiZoo) May 27, 2016",
    [
        "Happy 17th birthday to Harambe!",
        "https://t.co/FeITuw0h — Cincinnati Zoo (@CincinnatiZoo) May 27, 2016"
    ]
);
case!(
    embedded_post_picture,
    "Who are we as a nation if we respond with retribution? pic.twitter.com/s96jjh8AlD",
    [
        "Who are we as a nation if we respond with retribution?",
        "pic.twitter.com/s96jjh8AlD"
    ]
);
case!(
    plain_two,
    "The blast hit at 6 p.m. on Monday. Five died.",
    ["The blast hit at 6 p.m. on Monday.", "Five died."]
);
case!(
    un_inside,
    "Moscow used its U.N. Security Council veto in March.",
    ["Moscow used its U.N. Security Council veto in March."]
);
case!(
    un_lowercase_after,
    "It ended U.N. monitoring of violations. Pyongyang thanked Russia.",
    [
        "It ended U.N. monitoring of violations.",
        "Pyongyang thanked Russia."
    ]
);
case!(
    us_sentence_final,
    "The money came from the U.S. The company denied it.",
    ["The money came from the U.S.", "The company denied it."]
);
case!(
    us_before_name,
    "According to U.S. defense officials, Iran sent missiles.",
    ["According to U.S. defense officials, Iran sent missiles."]
);
case!(
    month_before_day,
    "Interfax reported on Oct. 4, citing a source. Six were killed.",
    [
        "Interfax reported on Oct. 4, citing a source.",
        "Six were killed."
    ]
);
case!(
    month_sentence_final,
    "The vote was moved to Oct. The new date is unknown.",
    ["The vote was moved to Oct.", "The new date is unknown."]
);
case!(
    general_title,
    "Gen. Syrskyi said the line held. Others disagreed.",
    ["Gen. Syrskyi said the line held.", "Others disagreed."]
);
case!(
    mr_and_dr,
    "Mr. Smith met Dr. Brandt. They spoke for an hour.",
    ["Mr. Smith met Dr. Brandt.", "They spoke for an hour."]
);
case!(
    mrs_ms_prof,
    "Mrs. Ode and Ms. Vos thanked Prof. Lim. The panel ended.",
    [
        "Mrs. Ode and Ms. Vos thanked Prof. Lim.",
        "The panel ended."
    ]
);
case!(
    initial_in_adjective,
    "N. Korean soldiers were seen. Seoul confirmed it.",
    ["N. Korean soldiers were seen.", "Seoul confirmed it."]
);
case!(
    two_initials,
    "Editing by J. R. Ellis and Ana Ferreira. No comment.",
    ["Editing by J. R. Ellis and Ana Ferreira.", "No comment."]
);
case!(
    decimal_amount,
    "Shares fell to $284.46 on Tuesday. Trading resumed.",
    ["Shares fell to $284.46 on Tuesday.", "Trading resumed."]
);
case!(
    decimal_bn,
    "The cost was put at 2.4 bn crowns. Insurers will pay.",
    ["The cost was put at 2.4 bn crowns.", "Insurers will pay."]
);
case!(
    percent,
    "Shares fell 11.4%. They recovered later.",
    ["Shares fell 11.4%.", "They recovered later."]
);
case!(
    time_am_midsentence,
    "The fire was out by 10 a.m. on Tuesday, officials said.",
    ["The fire was out by 10 a.m. on Tuesday, officials said."]
);
case!(
    time_am_final,
    "The fire was out by 10 a.m. The roads reopened.",
    ["The fire was out by 10 a.m.", "The roads reopened."]
);
case!(
    curly_quote_after_stop,
    "It was “very likely.” He said nothing more.",
    ["It was “very likely.”", "He said nothing more."]
);
case!(
    straight_quote_after_stop,
    "\"It is true.\" He left the room.",
    ["\"It is true.\"", "He left the room."]
);
case!(
    quote_then_lowercase_attribution,
    "“We assess it as very likely,” the minister said. Seoul agreed.",
    [
        "“We assess it as very likely,” the minister said.",
        "Seoul agreed."
    ]
);
case!(
    question_in_quote_attribution,
    "“Is it safe?” she asked. Nobody answered.",
    ["“Is it safe?” she asked.", "Nobody answered."]
);
case!(
    question_in_quote_then_sentence,
    "“Is it safe?” The mayor did not answer.",
    ["“Is it safe?”", "The mayor did not answer."]
);
case!(
    exclamation,
    "Stop! The road is closed.",
    ["Stop!", "The road is closed."]
);
case!(
    question_plain,
    "Can they hold out? Nobody knows.",
    ["Can they hold out?", "Nobody knows."]
);
case!(interrobang, "Really?! Yes.", ["Really?!", "Yes."]);
case!(
    ellipsis_dots_continuing,
    "He paused... and then went on.",
    ["He paused... and then went on."]
);
case!(
    ellipsis_dots_new_sentence,
    "He paused... Then he left.",
    ["He paused...", "Then he left."]
);
case!(
    ellipsis_char,
    "It was over… The crowd left.",
    ["It was over…", "The crowd left."]
);
case!(
    bracket_after_stop,
    "(The plant was closed.) Workers went home.",
    ["(The plant was closed.)", "Workers went home."]
);
case!(
    bracket_sentence_after,
    "Prices rose. (Reporting by Ana Ferreira)",
    ["Prices rose.", "(Reporting by Ana Ferreira)"]
);
case!(
    headline_without_stop,
    "North Korean troops now fighting for Russia in Ukraine, Seoul says",
    ["North Korean troops now fighting for Russia in Ukraine, Seoul says"]
);
case!(
    list_item_number,
    "1. Evacuate the area",
    ["1. Evacuate the area"]
);
case!(
    number_sentence_final,
    "A mine collapse in 2011 killed 12 miners. The toll was the worst.",
    [
        "A mine collapse in 2011 killed 12 miners.",
        "The toll was the worst."
    ]
);
case!(
    number_opens_sentence,
    "Five died. 2,300 people fled.",
    ["Five died.", "2,300 people fled."]
);
case!(
    inc_midsentence,
    "Acme Inc. said on Monday it would pay.",
    ["Acme Inc. said on Monday it would pay."]
);
case!(
    inc_final,
    "He works for Acme Inc. The firm is small.",
    ["He works for Acme Inc.", "The firm is small."]
);
case!(
    eg_lowercase,
    "Some chemicals, e.g. ammonia, are toxic.",
    ["Some chemicals, e.g. ammonia, are toxic."]
);
case!(
    no_number,
    "It was ranked No. 1 in the region. Then it fell.",
    ["It was ranked No. 1 in the region.", "Then it fell."]
);
case!(
    st_saint,
    "They met at St. Mary's church. It was cold.",
    ["They met at St. Mary's church.", "It was cold."]
);
case!(
    url_inside,
    "See www.example.org/page for more. Thanks.",
    ["See www.example.org/page for more.", "Thanks."]
);
case!(
    email_like,
    "Write to desk@example.com. We reply.",
    ["Write to desk@example.com.", "We reply."]
);
case!(multiple_spaces, "One.   Two.", ["One.", "Two."]);
case!(
    trailing_space,
    "  Only one sentence.  ",
    ["Only one sentence."]
);
case!(empty, "", []);
case!(only_punctuation, "...", ["..."]);
case!(
    non_latin_capital,
    "Он пришёл. Она ушла.",
    ["Он пришёл.", "Она ушла."]
);
case!(
    quote_opening_next,
    "He left. “Why?” she asked.",
    ["He left.", "“Why?” she asked."]
);
case!(
    colon_no_split,
    "The question now arises: can they hold out?",
    ["The question now arises: can they hold out?"]
);
case!(
    et_al,
    "Smith et al. found the same. Others did not.",
    ["Smith et al. found the same.", "Others did not."]
);
case!(
    feb_date_in_quote,
    "“We wrote to the management on Feb. 17. Nobody came,” he said.",
    [
        "“We wrote to the management on Feb. 17.",
        "Nobody came,” he said."
    ]
);
case!(
    dateline_ending_in_an_abbreviation,
    "TEMPE, Ariz. — Say goodbye to the slogan. He retired.",
    ["TEMPE, Ariz. — Say goodbye to the slogan.", "He retired."]
);
case!(
    dateline_with_agency_after_an_abbreviation,
    "ERIE, Pa. (AP) - Snow continues to fall. Roads are shut.",
    [
        "ERIE, Pa. (AP) - Snow continues to fall.",
        "Roads are shut."
    ]
);
case!(
    bracketed_sentence_after_a_stop_still_splits,
    "The plant closed. (It reopened a year later.)",
    ["The plant closed.", "(It reopened a year later.)"]
);

#[test]
fn ends_with_abbreviation_finds_line_final_abbreviations() {
    assert!(ends_with_abbreviation("reported on Oct."));
    assert!(ends_with_abbreviation("met Dr."));
    assert!(!ends_with_abbreviation("killed 12 miners."));
    assert!(!ends_with_abbreviation("no stop"));
}
