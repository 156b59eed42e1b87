/// The spans as the Unicode tables give them, character by character.
fn reference(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        if c.is_alphanumeric() {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            out.push(s..i);
        }
    }
    out
}

#[test]
fn folding_keeps_lower_case_letters_and_digits_only() {
    let by_chars = |t: &str| -> String {
        t.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    for t in [
        "Five dead, 50 HURT – The Harbour Herald!",
        "",
        "...",
        "a",
        "Zoë Kovačić, 2,300",
        "x\ty\u{7f}Z9",
    ] {
        assert_eq!(super::fold_alnum(t), by_chars(t), "{t:?}");
    }
    assert_eq!(super::fold_alnum("Five dead, 50 HURT!"), "fivedead50hurt");
    // The hash is the folded text's, whichever way it was read: an
    // ASCII text and one with a dash fold alike.
    let hash = super::fold_alnum_hash;
    assert_eq!(hash("Five dead, 50 HURT!"), hash("five dead — 50 hurt"));
    assert_ne!(hash("Five dead, 50 hurt"), hash("Five dead, 51 hurt"));
    assert_eq!(hash("Äbc"), hash("äBC"));
    assert_eq!(hash(" — , "), None);
}

#[test]
fn alnum_spans_match_the_unicode_tables() {
    let pieces = [
        "word",
        " ",
        "Zoë",
        "Kovačić",
        "2,300",
        "—",
        "ß",
        "東京",
        "x²",
        "🙂",
        "\u{a0}",
        "€92",
        "l'été",
        "\t",
        "Ångström",
        "-",
        "٣",
        "ﬁne",
        "'",
        "a",
    ];
    // Every ordered pair and triple of pieces, joined.
    for a in &pieces {
        for b in &pieces {
            for c in &pieces {
                let text = format!("{a}{b}{c}");
                assert_eq!(super::alnum_spans(&text), reference(&text), "{text:?}");
            }
        }
    }
    assert!(super::alnum_spans("").is_empty());
}

#[test]
fn more_words_than_counts_as_split_whitespace_does() {
    for text in [
        "",
        "   ",
        "one",
        " one  two\tthree\u{b}four ",
        "Tuesday,\u{a0}October 08, 2024 (updated)",
        "“Quoted” words — and\u{2003}dashes",
        "a b c d e f g h i",
        "Eight by eight bytes: words cross the chunks' edges, é and all.",
        "twelve  spaced\t\twords\r\nover several lines\u{a0}of text,\u{2003}a b c d",
    ] {
        let words = text.split_whitespace().count();
        for n in 0..=words + 1 {
            assert_eq!(super::more_words_than(text, n), words > n, "{text:?} {n}");
        }
    }
    // Random texts of letters, ASCII and Unicode spaces and accents,
    // so that chunks of eight bytes start anywhere in them.
    let pieces = [
        "a", "bc", " ", "\t", "\r\n", "\u{b}", "é", "\u{a0}", "\u{2003}", "—",
    ];
    let mut rng = crate::testing::Xorshift::new(0x9e37_79b9_7f4a_7c15);
    for _ in 0..5_000 {
        let text = rng.pieces(&pieces, 40);
        let words = text.split_whitespace().count();
        for n in 0..=words + 1 {
            assert_eq!(super::more_words_than(&text, n), words > n, "{text:?} {n}");
        }
    }
}

#[test]
fn single_spaced_words_reads_eight_bytes_as_one_byte_at_a_time() {
    // The plain definition, byte by byte.
    fn reference(bytes: &[u8]) -> Option<usize> {
        let regular = !bytes.is_empty()
            && bytes[0] != b' '
            && !super::is_ascii_space(bytes[bytes.len() - 1])
            && !bytes.windows(2).any(|w| w == b"  ")
            && !bytes.iter().any(|&b| (b'\t'..=b'\r').contains(&b));
        regular.then(|| bytes.iter().filter(|&&b| b == b' ').count() + 1)
    }
    // Every byte near the tested ones, spaces often, at every offset
    // of a word.
    let alphabet = b"a  \t\n\x0b\x0c\r\x08\x0e\x1f\x20\x21\x29\x2a\x7f~Z";
    let mut rng = crate::testing::Xorshift::new(0x2545_f491_4f6c_dd1d);
    for _ in 0..20_000 {
        let state = rng.next_u64();
        let len = (state % 40) as usize;
        let text: Vec<u8> = (0..len)
            .map(|k| alphabet[((state >> (k % 60)) as usize + k * 7) % alphabet.len()])
            .collect();
        assert_eq!(
            super::single_spaced_words(&text),
            reference(&text),
            "{text:?}"
        );
    }
    for b in 0..0x80u8 {
        for at in 0..17 {
            let mut text = vec![b'w'; 17];
            text[at] = b;
            assert_eq!(
                super::single_spaced_words(&text),
                reference(&text),
                "{b} at {at}"
            );
        }
    }
}

#[test]
fn word_count_counts_as_split_whitespace() {
    let pieces = [
        "word", " ", "\u{a0}", "\u{2009}", "\u{3000}", "\u{85}", "\t", "\n", "\u{b}", "\u{1c}",
        "Zoë", "東京", "🙂", "—", "  ", "\r\n", "a",
    ];
    for a in &pieces {
        for b in &pieces {
            for c in &pieces {
                let text = format!("{a}{b}{c}");
                assert_eq!(
                    super::word_count(&text),
                    text.split_whitespace().count(),
                    "{text:?}"
                );
            }
        }
    }
    // Single-spaced text longer than one block of 255 bytes, and the
    // same with one irregularity at each place in turn.
    let long = vec!["word"; 200].join(" ");
    assert_eq!(super::word_count(&long), 200);
    for at in [0, 254, 255, 256, 510, long.len() - 1] {
        for odd in [" ", "\t", "\u{b}"] {
            let mut text = long.clone();
            text.insert_str(at, odd);
            assert_eq!(
                super::word_count(&text),
                text.split_whitespace().count(),
                "{odd:?} at {at}"
            );
        }
    }
}

#[test]
fn count_byte_counts_as_a_filter_does() {
    let pieces = ["a", " ", "  ", "é", "\u{a0}", "—", "\u{2020}", "x y"];
    let mut rng = crate::testing::Xorshift::new(0x0dd_ba11_cafe_f00d);
    for _ in 0..3_000 {
        let text = rng.pieces(&pieces, 40);
        for byte in [b' ', b'a', b'x'] {
            let expected = text.bytes().filter(|&b| b == byte).count();
            assert_eq!(
                super::count_byte(text.as_bytes(), byte),
                expected,
                "{text:?}"
            );
        }
    }
}
