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
