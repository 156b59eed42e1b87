//! The tokenizer: words, stems, numbers with their units, byte ranges.

use super::*;

#[test]
fn overlong_words_are_not_stemmed() {
    // The Snowball prelude is quadratic on runs of "ay": kept as is.
    let word = "ay".repeat(50_000);
    let tokens = tokenize(&word);
    assert_eq!(tokens.len(), 1);
    assert_eq!(*tokens[0].key, word);
    assert_eq!(*tokenize("killings")[0].key, stem("killings"));
    assert_ne!(stem("killings"), "killings");
}

fn keys(text: &str) -> Vec<String> {
    tokenize(text)
        .into_iter()
        .filter(|t| !t.stop)
        .map(|t| t.key.to_string())
        .collect()
}

#[test]
fn a_word_read_again_reads_as_the_first_time() {
    // The second reading comes from the thread's cache of words.
    let text = "Kovačić killings: Kovačić killings, THE the";
    let first = tokenize(text);
    let again = tokenize(text);
    assert_eq!(first, again);
    let words: Vec<&str> = first.iter().map(|t| t.folded).collect();
    assert_eq!(
        words,
        ["kovacic", "killings", "kovacic", "killings", "the", "the"]
    );
    let mut moved = first[2].clone();
    moved.range = first[0].range.clone();
    assert_eq!(first[0], moved);
    assert_eq!(first[1].key, first[3].key);
    assert_ne!(first[1].key, "killings");
    assert!(first[4].stop && first[5].stop);
    assert!(first[4].capitalised && !first[5].capitalised);
}

#[test]
fn folds_diacritics_quotes_and_case() {
    assert_eq!(fold_word("Kovačić"), "kovacic");
    assert_eq!(fold_word("Åberg"), "aberg");
    assert_eq!(fold_word("L’Express"), "l'express");
}

#[test]
fn stems_words_and_splits_hyphens_and_apostrophes() {
    assert_eq!(keys("officers were killed"), ["offic", "kill"]);
    assert_eq!(keys("Kim Jong-un"), keys("Kim Jong Un"));
    assert_eq!(keys("Russia’s"), ["russia"]);
}

#[test]
fn numbers_are_values_with_units() {
    assert_eq!(keys("2,300 residents"), ["#2300", "resid"]);
    assert_eq!(keys("six officers"), ["#6", "offic"]);
    assert_eq!(keys("Six were killed"), ["#6", "kill"]);
    assert_eq!(keys("Fifty-one people"), ["#51", "peopl"]);
    assert_eq!(keys("fell 11.4% to"), ["fell", "#11.4%"]);
    assert_eq!(keys("a €92 million fund"), ["#92000000EUR", "fund"]);
    assert_eq!(keys("92 million euros"), ["#92000000EUR"]);
    assert_eq!(keys("£92 million"), ["#92000000GBP"]);
    assert_eq!(keys("$284.46"), ["#284.46USD"]);
    assert_eq!(keys("2.4 bn crowns"), ["#2400000000", "crown"]);
}

#[test]
fn a_figure_written_against_its_unit_is_read_as_a_figure() {
    assert_eq!(keys("fell 15ft into"), ["fell", "#15", "ft"]);
    assert_eq!(keys("a £5bn deal"), ["#5000000000GBP", "deal"]);
    assert_eq!(keys("at 5pm"), ["#5", "pm"]);
    // Ordinals and decades are words, not figures with a unit.
    assert_eq!(keys("the 1st and the 1990s"), ["1st", "1990s"]);
}

#[test]
fn ranges_cover_the_surface_text() {
    let text = "It cost €92 million.";
    let t = tokenize(text);
    let n = t.iter().find(|t| t.is_number()).unwrap();
    assert_eq!(&text[n.range.clone()], "92 million");
}

/// The pieces as they were found before the ASCII fast path, a character
/// at a time: the reference the fast path must equal.
fn pieces_by_chars(text: &str) -> Vec<(Range<usize>, char)> {
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    let mut previous = '\0';
    while let Some((start, c)) = chars.next() {
        if !c.is_alphanumeric() {
            previous = c;
            continue;
        }
        let (mut last, mut end) = (c, start + c.len_utf8());
        while let Some(&(at, d)) = chars.peek() {
            let joins_digits = matches!(d, '.' | ',')
                && last.is_ascii_digit()
                && text[at + 1..].starts_with(|n: char| n.is_ascii_digit());
            if !(d.is_alphanumeric() || joins_digits) {
                break;
            }
            chars.next();
            (last, end) = (d, at + d.len_utf8());
        }
        let run = &text[start..end];
        let digits = run.len()
            - run
                .trim_start_matches(|d: char| d.is_ascii_digit() || d == '.' || d == ',')
                .len();
        if digits > 0 && digits < run.len() && glued_unit(&run[digits..]) {
            let split = start + digits;
            out.push((start..split, previous));
            out.push((
                split..end,
                text[..split].chars().next_back().unwrap_or('\0'),
            ));
        } else {
            out.push((start..end, previous));
        }
        previous = last;
    }
    out
}

#[test]
fn pieces_are_found_as_a_character_at_a_time() {
    // Random texts of ASCII and other letters, digits with separators,
    // glued units, punctuation and marks of several byte widths.
    let parts = [
        "a", "Z", "é", "ß", "ø", "中", "😀", "2", "0", ".", ",", " ", "-", "’", "“", "£", "$",
        "ft", "bn", "am", "1st", "km", "\u{301}", "٣", "Ⅻ", "\n", "%",
    ];
    let mut rng = crate::testing::Xorshift::new(0x9e37_79b9_7f4a_7c15);
    for case in 0..5000 {
        let text = rng.pieces(&parts, 40);
        let fast: Vec<(Range<usize>, char)> = pieces(&text)
            .iter()
            .map(|p| {
                assert_eq!(p.text, &text[p.range.clone()]);
                assert_eq!(p.after, &text[p.range.end..]);
                (p.range.clone(), p.before)
            })
            .collect();
        assert_eq!(fast, pieces_by_chars(&text), "case {case}: {text:?}");
    }
}
