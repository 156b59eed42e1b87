//! Tests of the claims of shared figures: each rule beside a control where
//! the figure is shared.

use crate::model::{Claim, Corpus};

/// Two reports of one zoo story (so that they form one story), each
/// with the extra paragraphs given.
pub(super) fn corpus(first: &str, second: &str) -> Corpus {
    let a = format!(
        "Gorilla shot at Cincinnati Zoo\n\n\
         Zoo officials in Cincinnati shot a western lowland gorilla after a boy climbed into its enclosure.\n\n\
         The boy was taken to a children's hospital and released the same evening.\n\n{first}\n"
    );
    let b = format!(
        "Cincinnati Zoo kills gorilla to save boy\n\n\
         A western lowland gorilla was shot by officials at the Cincinnati Zoo after a boy climbed into its enclosure.\n\n\
         The boy was released from a children's hospital later that evening.\n\n{second}\n"
    );
    crate::corpus::build(&crate::load::texts_for_test(&[&a, &b]))
}

fn holding<'c>(corpus: &'c Corpus, a: &str, b: &str) -> Vec<&'c Claim> {
    let has = |c: &Claim, start: &str| {
        c.passages
            .iter()
            .any(|&p| corpus.passages[p].text.starts_with(start))
    };
    corpus
        .claims
        .iter()
        .filter(|c| has(c, a) && has(c, b))
        .collect()
}

#[test]
fn one_figure_joins_sentences_that_say_more() {
    let c = corpus(
        "Keepers said the 17-year-old gorilla had lived at the zoo since 2014 and was popular with school visitors.",
        "Animal rights groups protested outside the gates on Sunday over the death of the 17-year-old gorilla.",
    );
    assert_eq!(c.stories.len(), 1, "the two reports are one story");
    let claims = holding(&c, "Keepers said", "Animal rights");
    assert_eq!(claims.len(), 1, "{:#?}", c.claims);
    let anchor = claims[0].anchor.as_ref().expect("a figure claim");
    assert_eq!(anchor.text, "17-year-old");
}

/// Whether a claim of a shared figure joins the last paragraphs.
fn figure_joins(first: &str, second: &str) -> bool {
    let c = corpus(first, second);
    let (a, b) = (&first[..12], &second[..12]);
    holding(&c, a, b).iter().any(|claim| claim.anchor.is_some())
}

#[test]
fn an_abbreviation_s_full_stop_does_not_end_a_figure_s_phrase() {
    // What the amount is about is read on both sides of it; "Inc." is
    // no end of the phrase, so "Zooquip" is read in both.
    let paid = "Animal rights groups protesting outside the gates on Sunday chanted that Zooquip got $2.5 million, money that should have gone to more keepers.";
    for firm in ["Zooquip", "Zooquip Inc."] {
        let first = format!(
            "The city paid {firm} about $2.5 million, the mayor said, to build the new moat and a viewing deck."
        );
        assert!(figure_joins(&first, paid), "{first}");
    }
}

#[test]
fn figures_about_different_things_stay_apart() {
    // Each case beside the same sentences where the figure is shared,
    // so that the rule, not the wording, keeps them apart.
    let onduty = "Only {} were on duty near the enclosure that afternoon, the zoo said.";
    let hiring = "The zoo will hire {} next spring to run its emergency drills.";
    let with = |s: &str, v: &str| s.replace("{}", v);
    assert!(figure_joins(
        &with(onduty, "40 keepers"),
        &with(hiring, "40 keepers")
    ));
    // What is counted differs: 40 keepers, 40 vets.
    assert!(!figure_joins(
        &with(onduty, "40 keepers"),
        &with(hiring, "40 vets")
    ));
    // One and two are grammar more than figures.
    assert!(!figure_joins(
        &with(onduty, "two keepers"),
        &with(hiring, "two keepers")
    ));
    assert!(figure_joins(
        &with(onduty, "three keepers"),
        &with(hiring, "three keepers")
    ));
    // Two people of one age are two people; one person is one.
    let told = "\"I could not watch,\" said {}, who has visited the zoo every week since 1981.";
    let retired = "\"It was terrible,\" said {}, a retired teacher from Dayton.";
    assert!(!figure_joins(
        &with(told, "Agnes Szabo, 67"),
        &with(retired, "Marit Solberg, 67")
    ));
    assert!(figure_joins(
        &with(told, "Agnes Szabo, 67"),
        &with(retired, "Agnes Szabo, 67")
    ));
}

#[test]
fn a_figure_of_one_source_is_no_claim() {
    let c = corpus(
        "The 17-year-old gorilla weighed more than 400 pounds.\n\nVisitors loved the 17-year-old gorilla for years.",
        "The keepers had raised the ape from birth in Texas.",
    );
    assert!(c.claims.iter().all(|claim| claim.anchor.is_none()));
}

#[test]
fn a_figure_claim_differs_only_in_its_figures() {
    use crate::model::{Difference, DifferenceKind, DifferenceValue, ValueSpan, ValueType};
    let span = |start, end, value| ValueSpan {
        start,
        end,
        value_type: ValueType::Count,
        value: Some(value),
        upper: None,
        against: None,
        unit: None,
        date: None,
    };
    let diff = |a: ValueSpan, b: ValueSpan| Difference {
        kind: DifferenceKind::Number,
        about: "gorillas".to_owned(),
        values: vec![
            DifferenceValue {
                passage: 1,
                text: String::new(),
                spans: vec![a],
            },
            DifferenceValue {
                passage: 2,
                text: String::new(),
                spans: vec![b],
            },
        ],
    };
    // The figure is at 4..15 in passage 1 and 10..21 in passage 2.
    let figures = vec![(1, 4..15), (2, 10..21)];
    let mut differences = vec![
        diff(span(4, 6, 17.0), span(10, 12, 18.0)),
        diff(span(30, 32, 11.0), span(40, 41, 3.0)),
    ];
    super::super::anchors::about_spans(&mut differences, &figures);
    assert_eq!(differences.len(), 1);
    assert_eq!(differences[0].values[0].spans[0].start, 4);
}

#[test]
fn a_former_value_is_a_figure_too() {
    // One outlet tells the first bid after it was superseded, the other
    // as it stood: one fact, the first bid.
    assert!(figure_joins(
        "Keepers recalled turning down an earlier $2.5 million bid for the animal.",
        "Last spring a Texas safari park made a $2.5 million bid, a spokeswoman told reporters.",
    ));
}

/// Claims of figures and disputes never cross stories: read a story at a
/// time, they are those read all at once, in the same order (what the
/// pipeline's batches of stories rely on).
#[test]
fn figures_read_story_by_story_are_those_read_at_once() {
    let (corpus, story_of) = crate::testing::generated_stories();
    let stories = corpus.stories.len();
    let engine = crate::xref::Engine::new(&corpus);
    let rows = |groups: Vec<crate::xref::anchors::Anchored>| -> Vec<_> {
        groups
            .into_iter()
            .map(|g| (g.members, g.spans, g.text))
            .collect()
    };
    let read = |wanted: &dyn Fn(usize) -> bool| {
        let passages: Vec<usize> = (0..engine.ids.len())
            .filter(|&i| wanted(story_of[corpus.passages[engine.ids[i]].source]))
            .collect();
        let parsed = super::read(&engine, &corpus, &passages);
        let found = super::mentions(&corpus, &story_of, &parsed);
        (
            rows(super::figure_groups(&engine, &corpus, &found)),
            rows(super::disputed_groups(
                &engine, &corpus, &story_of, &found, &passages,
            )),
        )
    };
    let (figures, disputed) = read(&|_| true);
    assert!(!figures.is_empty());
    let (mut by_story, mut disputed_by_story) = (Vec::new(), Vec::new());
    for s in 0..stories {
        let (f, d) = read(&|story| story == s);
        by_story.extend(f);
        disputed_by_story.extend(d);
    }
    assert_eq!(by_story, figures);
    assert_eq!(disputed_by_story, disputed);
}
