use super::*;

fn corpus(articles: &[&str]) -> Corpus {
    crate::corpus::segment_corpus(&crate::load::texts_for_test(articles))
}

#[test]
fn articles_of_two_events_form_two_stories() {
    let c = corpus(&[
        "Zoo gorilla shot\n\nA gorilla named Harambe was shot dead at the Cincinnati Zoo after a boy fell into its enclosure. Zoo officials said the boy was safe.\n",
        "Boy falls into gorilla enclosure\n\nCincinnati Zoo staff killed Harambe, a gorilla, when a four-year-old boy climbed into the enclosure. The boy was taken to hospital.\n",
        "Broadcom raises Qualcomm bid\n\nBroadcom raised its offer for Qualcomm to $121 billion, its best and final bid for the chipmaker.\n",
        "Qualcomm weighs new offer\n\nQualcomm said its board would review the raised Broadcom bid of $82 a share for the chipmaker.\n",
    ]);
    let stories = group(&c);
    let mut sets: Vec<Vec<usize>> = stories.iter().map(|s| s.sources.clone()).collect();
    sets.sort();
    assert_eq!(sets, vec![vec![0, 1], vec![2, 3]], "{stories:#?}");
    assert_eq!(story_of_source(&stories, 4).len(), 4);
}

#[test]
fn average_linkage_does_not_chain() {
    // 0-1 and 2-3 are close; 1-2 is weakly similar: two groups.
    let edges: FastMap<(usize, usize), f64> = [((0, 1), 0.9), ((2, 3), 0.9), ((1, 2), 0.3)]
        .into_iter()
        .collect();
    let mut g = average_linkage(4, &edges, 0.2);
    g.sort();
    assert_eq!(g, vec![vec![0, 1], vec![2, 3]]);
    assert_eq!(average_linkage(4, &edges, 0.05).len(), 1);
}
