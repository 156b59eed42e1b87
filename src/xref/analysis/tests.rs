use super::*;

#[test]
fn rare_words_weigh_more_than_common_ones_in_a_tiny_corpus() {
    let (_, stats) = analyse(&["The minister resigned today.", "The minister quit today."]);
    let w = |k: &str| stats.weight(stats.id(k).unwrap(), 2);
    assert!(w("resign") > w("today"));
    assert!(w("minist") > w("today"));
}

#[test]
fn words_every_passage_uses_weigh_less_in_a_large_corpus() {
    let mut texts: Vec<String> = (0..200)
        .map(|i| format!("Korea statement number {i} about ministers."))
        .collect();
    texts.push("A stray word: aardvark.".to_owned());
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let (_, stats) = analyse(&refs);
    let korea = stats.weight(stats.id("korea").unwrap(), 2);
    let (_, tiny) = analyse(&["Korea said.", "Korea agreed."]);
    assert!(korea < tiny.weight(tiny.id("korea").unwrap(), 2) / 3.0);
}

#[test]
fn an_analysis_reads_back_each_list_as_built() {
    // "the" twice: `words` keeps repeats, `terms` does not; "Kestrel Bay"
    // is a name (the first word is capitalised whatever it is).
    let (analysed, stats) =
        analyse(&["Ferries to Kestrel Bay stopped and the ferries to the port stopped."]);
    let a = &analysed[0];
    let id = |k: &str| stats.id(k).unwrap_or_else(|| panic!("no term {k:?}"));
    let sequence: Vec<TermId> = ["ferri", "kestrel", "bay", "stop", "ferri", "port", "stop"]
        .map(id)
        .to_vec();
    assert_eq!(a.sequence(), &sequence[..]);
    let mut terms = sequence.clone();
    terms.sort_unstable();
    terms.dedup();
    assert_eq!(a.terms(), &terms[..]);
    let mut bigrams: Vec<[TermId; 2]> = sequence.windows(2).map(|w| [w[0], w[1]]).collect();
    bigrams.sort_unstable();
    bigrams.dedup();
    assert_eq!(a.bigrams(), &bigrams[..]);
    // Twelve words, function words included: ten trigrams, sorted.
    assert_eq!(a.words().len(), 12);
    assert!(a.words().is_sorted());
    assert_eq!(a.words().iter().filter(|&&t| t == id("the")).count(), 2);
    assert_eq!(a.trigrams().len(), 10);
    assert!(a.trigrams().is_sorted());
    assert!(a.trigrams().contains(&[id("to"), id("the"), id("port")]));
    let mut names = [id("kestrel"), id("bay")];
    names.sort_unstable();
    assert_eq!(a.names(), &names[..]);
    assert!(a.numbers().is_empty());
    // The terms with a word vector, heaviest first.
    let vectored: Vec<TermId> = terms
        .iter()
        .copied()
        .filter(|&t| stats.vector[t as usize].is_some())
        .collect();
    assert!(!vectored.is_empty());
    let mut by_weight = a.by_weight().to_vec();
    assert!(
        by_weight
            .windows(2)
            .all(|w| stats.weight(w[0], 1) >= stats.weight(w[1], 1)),
        "heaviest first"
    );
    by_weight.sort_unstable();
    assert_eq!(by_weight, vectored);
    // What the lists cost, list by list (term ids; a pair is two, a
    // triple three), and the embedding's bytes.
    assert_eq!(
        a.sizes(),
        [
            terms.len(),
            2 * bigrams.len(),
            sequence.len(),
            12,
            3 * 10,
            2,
            a.by_weight().len(),
            a.embedding().len()
        ]
    );
}

#[test]
fn a_units_totals_are_its_terms_discounts_and_weights_summed() {
    // Function words ("the", "said", "to") take the pair's value, the
    // others their own: the totals summed once per unit must be what the
    // comparison would sum term by term, for any value a pair gives.
    let texts = [
        "The minister said the talks would resume on Monday in Geneva.",
        "Talks resume Monday, the minister said.",
        "Four dockworkers were killed when a crane collapsed at the port.",
        "It is what it is.",
    ];
    let (analysed, stats) = analyse(&texts);
    let mut function_words = 0;
    for a in &analysed {
        for pair in [0.0, 0.37, 1.0] {
            let by_term = |list: &[TermId]| -> f64 {
                list.iter()
                    .map(|&t| stats.pair_discount(t).unwrap_or(pair))
                    .sum()
            };
            assert!((a.sequence_discount(pair) - by_term(a.sequence())).abs() < 1e-9);
            assert!((a.words_discount(pair) - by_term(a.words())).abs() < 1e-9);
            assert!((a.terms_discount(pair) - by_term(a.terms())).abs() < 1e-9);
        }
        let weight: f64 = a.terms().iter().map(|&t| stats.weight(t, 1)).sum();
        assert!((a.terms_weight() - weight).abs() < 1e-9);
        function_words += a
            .words()
            .iter()
            .filter(|&&t| stats.pair_discount(t).is_none())
            .count();
    }
    assert!(function_words >= 3, "{function_words} function words");
}

#[test]
fn terms_sorted_by_rank_are_sorted_heaviest_first_ties_by_term() {
    // Words no English list knows, in as many passages, tie in weight:
    // the ranks must keep the comparator's tie order.
    let texts = [
        "Zorblat and Quixlane met at the port.",
        "The port said Zorblat and Quixlane met Vantrel.",
        "Dockworkers were evacuated from the terminal.",
    ];
    let (_, stats) = analyse(&texts);
    let mut terms: Vec<TermId> = (0..stats.names.len() as TermId).rev().collect();
    let mut expected = terms.clone();
    expected.sort_by(|&x, &y| {
        stats
            .weight(y, 1)
            .total_cmp(&stats.weight(x, 1))
            .then(x.cmp(&y))
    });
    stats.sort_heavier_first(&mut terms);
    assert_eq!(terms, expected);
    let tied = expected
        .windows(2)
        .filter(|w| stats.weight(w[0], 1) == stats.weight(w[1], 1))
        .count();
    assert!(tied >= 2, "{tied} ties");
}
