use super::word_match::{has_tight_subsequence, letters_missing};
use super::*;

fn hits(texts: &[&str], query: &str) -> Vec<usize> {
    Index::new(texts)
        .search(&parse(query), None)
        .into_iter()
        .map(|h| h.item)
        .collect()
}

#[test]
fn parses_fzf_syntax() {
    let t = parse("veto 'exact ^pre suf$ !not Kim");
    assert_eq!(
        t.iter().map(|t| t.kind).collect::<Vec<_>>(),
        vec![
            TermKind::Fuzzy,
            TermKind::Exact,
            TermKind::Prefix,
            TermKind::Suffix,
            TermKind::Fuzzy,
            TermKind::Fuzzy
        ]
    );
    assert!(t[4].negated && !t[0].negated);
    assert!(t[5].case_sensitive && !t[0].case_sensitive);
    assert!(parse("  ").is_empty());
}

#[test]
fn punctuation_in_a_term_separates_words_and_dollar_anchors_the_end() {
    let texts = [
        "a fund of £92 million for the families",
        "Kim flew to Pyongyang on Monday",
        "talks were held in Pyongyang",
    ];
    assert_eq!(hits(&texts, "£92"), vec![0]);
    assert_eq!(hits(&texts, "£92m"), Vec::<usize>::new());
    // fzf's `$` anchors the end of the item, not of any word.
    assert_eq!(hits(&texts, "Pyongyang$"), vec![2]);
    assert_eq!(hits(&texts, "yang$"), vec![2]);
    assert_eq!(parse("Jong-un").len(), 2);
    assert!(parse("'").is_empty());
}

#[test]
fn terms_match_within_one_word_not_across_a_sentence() {
    let texts = [
        "it was very likely true to them",
        "Moscow used its veto in March",
    ];
    assert_eq!(hits(&texts, "veto"), vec![1]);
}

#[test]
fn prefix_substring_fuzzy_and_typo() {
    let texts = [
        "The explosion killed five",
        "Prosecutor opened an investigation",
        "Kovačić declared mourning",
    ];
    assert_eq!(hits(&texts, "explo"), vec![0]);
    assert_eq!(
        hits(&texts, "n"),
        Vec::<usize>::new(),
        "one letter matches word starts only"
    );
    assert_eq!(hits(&texts, "k"), vec![0, 2]);
    assert_eq!(hits(&texts, "vestig"), vec![1]);
    assert_eq!(hits(&texts, "invstigation"), vec![1]);
    assert_eq!(hits(&texts, "kovacic"), vec![2]);
    assert_eq!(hits(&texts, "mourning killed"), Vec::<usize>::new());
}

#[test]
fn exact_prefix_suffix_negation_and_smart_case() {
    let texts = ["Kim said it", "kimchi is food", "the skim milk"];
    assert_eq!(hits(&texts, "'kim"), vec![0]);
    assert_eq!(hits(&texts, "^kim"), vec![0, 1]);
    // `$` anchors the item's end: "skim" and "Kim" stand inside.
    assert!(hits(&texts, "kim$").is_empty());
    assert_eq!(hits(&texts, "ilk$"), vec![2]);
    assert_eq!(hits(&texts, "Kim"), vec![0]);
    assert_eq!(hits(&texts, "^kim !food"), vec![0]);
    assert_eq!(hits(&texts, "!milk").len(), 2);
}

#[test]
fn best_matches_first_and_highlights_map_to_bytes() {
    let texts = ["a fund was promised", "the refund came"];
    let index = Index::new(&texts);
    let found = index.search(&parse("fund"), None);
    assert_eq!(found[0].item, 0, "a prefix beats a substring");
    assert_eq!(
        &texts[0][found[0].highlights[0].start..found[0].highlights[3].end],
        "fund"
    );
    let narrowed = index.search(&parse("fund prom"), Some(&[0, 1]));
    assert_eq!(narrowed.len(), 1);
}

#[test]
fn highlights_fall_on_the_words_of_each_item_whatever_their_letters() {
    // Words end at the first character that is not a letter or digit,
    // non-ASCII letters included; items after the first start further on
    // in the index's one text.
    let texts = [
        "Nothing here.",
        "Zürich-based Müller said",
        "and Müller's café",
    ];
    let index = Index::new(&texts);
    let found = index.search(&parse("'müller"), None);
    assert_eq!(found.iter().map(|h| h.item).collect::<Vec<_>>(), [1, 2]);
    for hit in &found {
        let text = texts[hit.item];
        let (first, last) = (
            &hit.highlights[0],
            &hit.highlights[hit.highlights.len() - 1],
        );
        assert_eq!(&text[first.start..last.end], "Müller", "item {}", hit.item);
    }
    let cafe = index.search(&parse("'café"), None);
    assert_eq!(cafe.len(), 1);
    let h = &cafe[0].highlights;
    assert_eq!(&texts[2][h[0].start..h[h.len() - 1].end], "café");
    // ASCII words are highlighted without their item's text, which only
    // the items with other words keep.
    let here = index.search(&parse("ere"), None);
    assert_eq!(here[0].item, 0);
    let h = &here[0].highlights;
    assert_eq!(h.len(), 3);
    assert_eq!(&texts[0][h[0].start..h[2].end], "ere");
    let said = index.search(&parse("'said"), None);
    assert_eq!(
        &texts[1][said[0].highlights[0].start..said[0].highlights[3].end],
        "said"
    );
    assert_eq!(index.unicode_items.len(), 2);
}

#[test]
fn quick_rejections_agree_with_what_they_guard() {
    assert!(has_tight_subsequence("vto", "veto", 5));
    assert!(has_tight_subsequence("abc", "xaxbxc", 5));
    assert!(!has_tight_subsequence("abc", "axxxxbc", 5));
    assert!(!has_tight_subsequence("abc", "cba", 5));
    assert!(has_tight_subsequence("", "anything", 2));
    assert!(has_tight_subsequence("éa", "xéya", 3));
    assert_eq!(letters_missing("north", "nrothern", 5), 0);
    assert_eq!(letters_missing("north", "south", 5), 2);
    assert_eq!(letters_missing("noon", "none", 4), 1);
    assert_eq!(letters_missing("café", "cafe", 4), 1);
    // A word the typo rule accepts is never rejected by the bound.
    for (term, word) in [
        ("nroth", "northern"),
        ("kestral", "kestrel"),
        ("minstre", "minister"),
    ] {
        let tn = term.chars().count();
        let prefix: String = word.chars().take(tn).collect();
        let distance = crate::text::spelling::levenshtein(&prefix, term);
        assert!(letters_missing(term, word, tn) <= distance, "{term} {word}");
    }
}
