//! Tests of the claims of disputed figures: each rule beside a control
//! where the dispute stands.

use crate::model::{AnchorKind, Corpus};
use crate::xref::differences::quantity::shared_words;
use crate::xref::figures::tests::corpus;

/// The values of each disputed claim's differences, as written.
fn disputes(c: &Corpus) -> Vec<Vec<String>> {
    c.claims
        .iter()
        .filter(|claim| claim.anchor.as_ref().map(|a| a.kind) == Some(AnchorKind::Disputed))
        .flat_map(|claim| &claim.differences)
        .map(|d| d.values.iter().map(|v| v.text.clone()).collect())
        .collect()
}

/// The values of every claim's differences, as written.
fn differences(c: &Corpus) -> Vec<Vec<String>> {
    c.claims
        .iter()
        .flat_map(|claim| &claim.differences)
        .map(|d| d.values.iter().map(|v| v.text.clone()).collect())
        .collect()
}

const SPENT: &str =
    "The gorilla enclosure's new moat cost $4.2 million, a spokesman for the zoo said on Sunday.";
const COST: &str =
    "Critics noted that the new moat cost $3.8 million and still failed to keep a child out.";

#[test]
fn one_thing_given_two_values_is_a_claim_with_its_difference() {
    let c = corpus(SPENT, COST);
    assert_eq!(c.stories.len(), 1, "the two reports are one story");
    assert_eq!(
        disputes(&c),
        vec![vec!["$4.2 million".to_owned(), "$3.8 million".to_owned()]],
        "{:#?}",
        c.claims
    );
    let claim = c
        .claims
        .iter()
        .find(|claim| claim.anchor.is_some())
        .expect("a disputed claim");
    assert_eq!(
        claim.anchor.as_ref().unwrap().text,
        "$4.2 million / $3.8 million"
    );
}

#[test]
fn a_source_giving_both_values_disputes_nothing() {
    // The first report gives $3.8 million too, for the reptile house: the
    // two values are two things to it, not one thing told two ways.
    let both = format!("{SPENT}\n\nThe new reptile house cost $3.8 million.");
    assert!(disputes(&corpus(&both, COST)).is_empty());
}

#[test]
fn what_a_count_counts_does_not_make_two_counts_one_thing() {
    let three = "Visitors could watch three gorillas from the new viewing deck on Saturday.";
    // Control: the same thing told two ways, in other words besides the
    // gorillas.
    let seven = "Visitors could watch seven gorillas from the viewing deck, keepers said.";
    let all = differences(&corpus(three, seven));
    assert!(
        all.contains(&vec!["three".to_owned(), "seven".to_owned()]),
        "{all:?}"
    );
    // Sharing what they count, "gorillas", and one word more ("new"),
    // they are two counts.
    let other = "Seven gorillas live in the new habitat.";
    assert!(disputes(&corpus(three, other)).is_empty());
}

#[test]
fn the_story_s_topic_does_not_make_two_figures_one_thing() {
    // "gorilla" is in most passages of the story: besides it the two
    // share only "rose", one word.
    let visitors = "Visitor numbers at the gorilla house rose 12 percent.";
    let donations = "Donations from gorilla fans rose 30 percent.";
    assert!(disputes(&corpus(visitors, donations)).is_empty());
    // Control: a second word besides the topic ties them.
    let donors = "Donations from gorilla house fans rose 30 percent.";
    let all = differences(&corpus(visitors, donors));
    assert!(
        all.contains(&vec!["12 percent".to_owned(), "30 percent".to_owned()]),
        "{all:?}"
    );
}

/// The first figure of `text`, as the figure claims read it.
fn figure(text: &str) -> crate::xref::differences::quantity::Quantity {
    let tokens = crate::text::tokens::tokenize(text);
    crate::xref::differences::quantity::quantities(text, &tokens, &[], None)
        .into_iter()
        .next()
        .expect("a figure")
}

#[test]
fn what_people_counted_did_is_a_word_of_their_phrase() {
    // "signed" says what the people counted did: with "petition" it ties
    // the two counts, though neither names what it counts.
    let few = figure("More than 2,000 people signed a petition on Change.org.");
    let many = figure("Almost 300,000 people have signed a petition calling for justice.");
    let (wf, wm) = (super::evidence(&few), super::evidence(&many));
    assert_eq!(shared_words(wf.iter().copied(), wm.iter().copied()), 2);
    assert!(super::one_thing(&few, &many, || shared_words(
        wf.iter().copied(),
        wm.iter().copied()
    )));
    // Control: what is counted says only what kind of thing; "30 times"
    // and "three times" share it and nothing else.
    let often = figure("Ships met at least 30 times at sea.");
    let thrice = figure("Tankers transferred oil three times last year.");
    let (wo, wt) = (super::evidence(&often), super::evidence(&thrice));
    assert_eq!(shared_words(wo.iter().copied(), wt.iter().copied()), 0);
}

#[test]
fn a_hedged_value_that_fits_both_settles_nothing() {
    // The first report gives "about $4 million" too: that fits its own
    // $4.2 million as well as the other's $3.8 million, so it is no
    // second value of its own.
    let hedged = format!("{SPENT}\n\nIts price was put at about $4 million.");
    assert_eq!(
        disputes(&corpus(&hedged, COST)),
        vec![vec!["$4.2 million".to_owned(), "$3.8 million".to_owned()]]
    );
    // Control: a second value that fits only the other's settles it.
    let exact = format!("{SPENT}\n\nIts price was put at $3.8 million.");
    assert!(disputes(&corpus(&exact, COST)).is_empty());
}

#[test]
fn a_measure_s_unit_is_no_word_of_its_phrase() {
    // "pound" is the unit (lb): it is counted once, as the measure, not
    // again as a word the two phrases share.
    let text = "the zoo shot a 450-pound gorilla";
    let tokens = crate::text::tokens::tokenize(text);
    let q = crate::xref::differences::quantity::quantities(text, &tokens, &[], None).remove(0);
    assert_eq!(q.unit, Some("lb"));
    let words: Vec<String> = super::evidence(&q)
        .iter()
        .map(|w| w.folded.to_string())
        .collect();
    assert_eq!(words, ["gorilla", "shot", "zoo"]);
}

#[test]
fn a_figure_written_again_in_brackets_does_not_end_its_phrase() {
    // "(181-kg)" is the 400 pounds again: "gorilla", past it, is what
    // they weigh.
    let words = |text: &str| -> Vec<String> {
        super::evidence(&figure(text))
            .iter()
            .map(|w| w.folded.to_string())
            .collect()
    };
    assert_eq!(
        words("a day after the 400-pound (181-kg) gorilla was shot dead"),
        ["gorilla", "shot"]
    );
    assert_eq!(
        words("a fine of €2 billion ($2.3 billion) against Google"),
        ["fine", "google"]
    );
    // Control: a bracket of words is an aside, and ends the phrase.
    assert_eq!(
        words("the 400-pound (a male) gorilla was shot"),
        Vec::<String>::new()
    );
}

#[test]
fn a_figure_restated_after_a_comma_and_or_reads_the_first_ones_phrase() {
    // "$105 billion" is the "$70 a share" offer again: its phrase is that
    // offer's, not nothing.
    let text = "Broadcom raised its bid, up from its initial offer of $70 a share, \
                or $105 billion, in November.";
    let tokens = crate::text::tokens::tokenize(text);
    let all = crate::xref::differences::quantity::quantities(text, &tokens, &[], None);
    let restated = all.iter().find(|q| q.value == 105e9).expect("$105 billion");
    let words: Vec<&str> = restated.context.iter().map(|w| w.folded).collect();
    assert_eq!(words, ["offer", "initial"]);
    // Control: "or" without the comma offers another figure, and reads
    // nothing before it.
    let text = "The bid could be $70 or $105 billion.";
    let tokens = crate::text::tokens::tokenize(text);
    let all = crate::xref::differences::quantity::quantities(text, &tokens, &[], None);
    let other = all.iter().find(|q| q.value == 105e9).expect("$105 billion");
    assert!(other.context.is_empty(), "{:?}", other.context);
}

#[test]
fn an_everyday_word_does_not_make_two_figures_one_thing() {
    // Two bids of one company for two targets share "bid" and "made":
    // "made" says no more than "the" of which bid.
    let brocade =
        figure("It helps this deal and its $5.5 billion bid it made last year for Brocade.");
    let nxp = figure("Qualcomm made its $38 billion bid in October 2016 for Dutch-based NXP.");
    let (wb, wn) = (super::evidence(&brocade), super::evidence(&nxp));
    assert!(!super::one_thing(&brocade, &nxp, || shared_words(
        wb.iter().copied(),
        wn.iter().copied()
    )));
    // Control: the other report of the NXP bid shares "bid" and "Dutch".
    let other = figure(
        "Its offer stood whether Qualcomm’s $47 billion bid for Dutch rival NXP was completed.",
    );
    let wo = super::evidence(&other);
    assert!(super::one_thing(&other, &nxp, || shared_words(
        wo.iter().copied(),
        wn.iter().copied()
    )));
}

/// Two reports of a story about an offer: "offer" is in most passages.
fn offer_story(first: &str, second: &str) -> Corpus {
    let a = format!(
        "Broadcom raises offer for Qualcomm\n\n\
         Broadcom raised its offer for Qualcomm on Monday.\n\n\
         Qualcomm's board said the offer undervalued the company.\n\n{first}\n"
    );
    let b = format!(
        "Broadcom sweetens its Qualcomm offer\n\n\
         Broadcom sweetened its offer for Qualcomm on Monday.\n\n\
         Qualcomm's board said it would review the offer.\n\n{second}\n"
    );
    crate::corpus::build(&crate::load::texts_for_test(&[&a, &b]))
}

#[test]
fn what_a_sum_is_for_says_which_thing_though_the_story_is_about_it() {
    // Besides "offer", the story's topic, the two share "initial" alone:
    // the offer the first sum is for ties them.
    let made = "Broadcom made an initial $103 billion offer to combine the two chip makers.";
    let up_from = "The bid is up from its initial offer of $70 a share, or $105 billion.";
    let c = offer_story(made, up_from);
    assert_eq!(c.stories.len(), 1);
    let all = disputes(&c);
    assert!(
        all.contains(&vec!["$103 billion".to_owned(), "$105 billion".to_owned()]),
        "{all:?}"
    );
    // Control: a sum for something else shares "initial" alone.
    let payment = "Broadcom made an initial $103 billion payment to its lenders.";
    assert!(disputes(&offer_story(payment, up_from)).is_empty());
    // What a count counts is not what a sum is for: "22 other offers" /
    // "23 of the offers ..., its own included" may count one group.
    let others = "Analysts in Beijing said 22 other offers were rejected by regulators there.";
    let all_of = "In all, 23 of the offers were rejected, its own included, a filing showed.";
    assert!(disputes(&offer_story(others, all_of)).is_empty());
}
