//! Article text never reaches the terminal as control sequences: control
//! characters (C0, C1, DEL), bidi overrides and zero-width characters are
//! shown as visible replacement glyphs.

/// The text with every control or invisible formatting character replaced.
pub fn visible(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(needs_replacing) {
        return std::borrow::Cow::Borrowed(text);
    }
    std::borrow::Cow::Owned(text.chars().map(replacement).collect())
}

fn needs_replacing(c: char) -> bool {
    c.is_control() || is_invisible_format(c)
}

fn is_invisible_format(c: char) -> bool {
    matches!(c,
        '\u{200B}'..='\u{200F}' // zero-width space/joiners, LRM, RLM
        | '\u{202A}'..='\u{202E}' // bidi embeddings and overrides
        | '\u{2060}'..='\u{2064}' // word joiner, invisible operators
        | '\u{2066}'..='\u{2069}' // bidi isolates
        | '\u{FEFF}' // zero-width no-break space
        | '\u{061C}' // Arabic letter mark
    )
}

fn replacement(c: char) -> char {
    match c {
        // Control pictures for C0 (U+2400 + code) and DEL.
        '\u{0}'..='\u{1F}' => char::from_u32(0x2400 + c as u32).unwrap_or('\u{FFFD}'),
        '\u{7F}' => '\u{2421}',
        _ if needs_replacing(c) => '\u{FFFD}',
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_become_visible() {
        assert_eq!(visible("a\u{1b}[2Jb"), "a\u{241B}[2Jb");
        assert_eq!(visible("\u{9b}31m"), "\u{FFFD}31m");
        assert_eq!(visible("x\u{202E}y\u{200B}z"), "x\u{FFFD}y\u{FFFD}z");
        assert_eq!(visible("tab\there"), "tab\u{2409}here");
        assert!(matches!(
            visible("plain text"),
            std::borrow::Cow::Borrowed(_)
        ));
    }
}
