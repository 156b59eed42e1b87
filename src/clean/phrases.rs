//! The fixed phrases cleaning looks for (interface prompts, notices,
//! caption words, embed links), found in one search of each paragraph:
//! every paragraph and sentence of every article is searched, and three
//! automata had read the text three times (12% of cleaning's
//! instructions).

use std::ops::Range;
use std::sync::OnceLock;

use aho_corasick::AhoCorasick;

/// Which list a phrase comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum List {
    /// An interface prompt (see `furniture`).
    Prompt,
    /// A prompt's words that real sentences use too.
    ShortPrompt,
    /// A link that ends an embedded post.
    EmbedLink,
    /// A notice's phrase (see `classify`).
    Notice,
    /// A photo caption's or credit's phrase.
    Caption,
}

/// One phrase found: its list and its byte range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Hit {
    pub list: List,
    pub range: Range<usize>,
}

/// The lists, in the order their phrases are numbered.
fn lists() -> [(List, &'static [&'static str]); 5] {
    [
        (List::Prompt, super::furniture::PROMPT_PHRASES),
        (List::ShortPrompt, super::furniture::SHORT_PROMPT_PHRASES),
        (List::EmbedLink, super::furniture::EMBED_LINKS),
        (List::Notice, super::classify::BOILERPLATE_PHRASES),
        (List::Caption, super::classify::CAPTION_PHRASES),
    ]
}

/// The list of each phrase, by its number in the automaton.
fn list_of() -> &'static [List] {
    static LISTS: OnceLock<Vec<List>> = OnceLock::new();
    LISTS.get_or_init(|| {
        lists()
            .into_iter()
            .flat_map(|(list, phrases)| std::iter::repeat_n(list, phrases.len()))
            .collect()
    })
}

/// One automaton over every list, ASCII case-insensitive (a phrase in two
/// lists is two patterns: each is reported).
fn automaton() -> &'static AhoCorasick {
    static MATCHER: OnceLock<AhoCorasick> = OnceLock::new();
    MATCHER.get_or_init(|| {
        let all = lists().into_iter().flat_map(|(_, phrases)| phrases.iter());
        AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .build(all)
            .expect("fixed phrases form an automaton")
    })
}

/// Every phrase of every list in `text`, overlapping ones too, in order
/// of their ends. Most texts hold none: one quick search says so first.
pub(crate) fn hits(text: &str) -> Vec<Hit> {
    let matcher = automaton();
    if !matcher.is_match(text) {
        return Vec::new();
    }
    let lists = list_of();
    matcher
        .find_overlapping_iter(text)
        .map(|m| Hit {
            list: lists[m.pattern().as_usize()],
            range: m.start()..m.end(),
        })
        .collect()
}

/// The hits inside `part` of the text they were found in, with ranges
/// from the part's start.
pub(crate) fn within(hits: &[Hit], part: &Range<usize>) -> Vec<Hit> {
    hits.iter()
        .filter(|h| part.start <= h.range.start && h.range.end <= part.end)
        .map(|h| Hit {
            list: h.list,
            range: h.range.start - part.start..h.range.end - part.start,
        })
        .collect()
}

/// Whether any hit is of `list`.
pub(crate) fn any(hits: &[Hit], list: List) -> bool {
    hits.iter().any(|h| h.list == list)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_phrase_of_two_lists_is_found_for_each() {
        // "all rights reserved" is a prompt and a notice; "newsletter" a
        // short prompt and a notice.
        let found = hits("© 2024 Example. All Rights Reserved. Our Newsletter");
        let lists: Vec<List> = found.iter().map(|h| h.list).collect();
        for list in [List::Prompt, List::Notice, List::ShortPrompt] {
            assert!(lists.contains(&list), "{list:?}: {found:?}");
        }
        assert!(hits("The plant reopened on Monday.").is_empty());
    }

    #[test]
    fn hits_of_a_sentence_are_counted_from_its_start() {
        let text = "The blast shook the town. Image copyright AFP";
        let found = hits(text);
        let sentence = 26..text.len();
        let inside = within(&found, &sentence);
        assert_eq!(inside.len(), 1, "{inside:?}");
        assert_eq!(&text[sentence][inside[0].range.clone()], "Image copyright");
        assert!(within(&found, &(0..25)).is_empty());
    }
}
