//! Which of two members' figures are set against which: a figure's phrase,
//! its former values and its closest rival.

use super::*;

#[test]
fn a_double_hyphen_ends_a_figures_phrase_as_a_dash_does() {
    // "five of whom -- including …": five counts the defendants, as the
    // other report's five do; read across "--", it counted "including
    // prominent rights" and the 25 was set against the other's five.
    let fined = "Five other defendants, including the activist Alaa Abdel Fattah, \
                 were fined 30,000 pounds each.";
    let case = |dash: &str| {
        format!(
            "The case involves 25 defendants, five of whom {dash} including the activist \
             Alaa Abdel-Fattah {dash} were fined 30,000 pounds each."
        )
    };
    let numbers = |d: Vec<(String, Vec<String>)>| -> Vec<Vec<String>> {
        d.into_iter()
            .filter(|(kind, _)| kind == "number")
            .map(|(_, values)| values)
            .collect()
    };
    for dash in ["—", "--"] {
        let d = numbers(kinds(&[fined, &case(dash)]));
        assert!(d.is_empty(), "{dash}: {d:?}");
    }
    // The control: a report giving only the 25 disagrees.
    let d = numbers(kinds(&[
        fined,
        "The case involves 25 defendants, all fined.",
    ]));
    assert_eq!(d, vec![vec!["Five".to_owned(), "25".to_owned()]]);
}

#[test]
fn a_report_giving_the_others_figure_as_a_former_one_does_not_dispute_it() {
    // The second report knows the $70 offer ("up from"): its $82 is the
    // new one, not a rival figure for the first report's.
    let before = "Before reports of the $70-a-share offer in November, the stock \
                  traded lower.";
    let raised = "It raised its offer to $82 a share on Monday";
    let numbers = |texts: &[&str]| -> Vec<Vec<String>> {
        kinds(texts)
            .into_iter()
            .filter(|(kind, _)| kind == "number")
            .map(|(_, values)| values)
            .collect()
    };
    let knows = format!("{raised}, up from its initial offer of $70 a share.");
    assert!(numbers(&[before, &knows]).is_empty());
    // The control: without the former figure, the two offers disagree.
    assert_eq!(
        numbers(&[before, &format!("{raised}.")]),
        vec![vec!["$70".to_owned(), "$82".to_owned()]]
    );
}

#[test]
fn a_bound_says_nothing_of_what_a_figure_counts() {
    // "at least" before the dead and before the wounded is no reason to
    // set 90 wounded against four dead.
    let d = kinds(&[
        "The bomber struck the consulate, killing at least four civilians and wounding scores of other people, officials said.",
        "Insurgents struck the consulate late Thursday, killing at least two people and wounding at least 90, officials said.",
    ]);
    assert_eq!(d, only("number", &["four", "two"]));
}

#[test]
fn each_figure_is_set_against_its_closest_rival_only() {
    // Each sentence gives two counts; the settlers, not the settlements
    // or the Palestinians, are the figures at odds.
    let d = kinds(&[
        "More than 600,000 Jewish people live in about 140 settlements built since 1967.",
        "About 430,000 Israeli settlers live among 2.6 million Palestinians in the West Bank.",
    ]);
    assert_eq!(d, only("number", &["600,000", "430,000"]));
}
