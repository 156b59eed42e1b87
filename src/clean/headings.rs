//! Subheadings and credit lines inside an article: a short line that ends
//! no sentence, standing alone between two paragraphs of sentences
//! ("Empire Building", "Parents 'conflicted' about taking kids to zoos",
//! "WLWT YouTube" under an embedded video). It names a section or credits
//! a picture; it states nothing, so it is shown but never linked, and it
//! is no single-source fact. Short lines in a run are a list (each item may
//! state something: "Dual-lens camera") and stay body.

use crate::model::PassageKind;

/// Most words of a subheading or credit line.
const MAX_HEADING_WORDS: usize = 8;

/// Marks the body paragraphs of `paragraphs` that are subheadings or
/// credit lines.
pub fn mark_headings(paragraphs: &[&str], kinds: &mut [PassageKind]) {
    let sentences = |i: usize| {
        kinds.get(i) == Some(&PassageKind::Body)
            && paragraphs
                .get(i)
                .is_some_and(|p| ends_a_sentence(p) && !at_most_heading_words(p))
    };
    let lone: Vec<usize> = (1..paragraphs.len().saturating_sub(1))
        .filter(|&i| {
            kinds[i] == PassageKind::Body
                && !ends_a_sentence(paragraphs[i])
                && at_most_heading_words(paragraphs[i])
                && sentences(i - 1)
                && sentences(i + 1)
        })
        .collect();
    for i in lone {
        kinds[i] = PassageKind::Heading;
    }
}

/// Whether `text` has no more words than a heading may: the words past
/// that many are not counted (every paragraph is asked, most are long).
fn at_most_heading_words(text: &str) -> bool {
    !crate::text::more_words_than(text, MAX_HEADING_WORDS)
}

/// Whether a paragraph ends as a sentence does: a stop, a question or an
/// exclamation mark, a colon or semicolon, an ellipsis, before any closing
/// quotation marks or brackets.
fn ends_a_sentence(text: &str) -> bool {
    text.trim_end()
        .trim_end_matches(['"', '”', '’', '\'', ')', ']', '»'])
        .ends_with(['.', '!', '?', '…', ':', ';'])
}

#[cfg(test)]
mod tests {
    use super::*;
    use PassageKind::*;

    fn kinds_of(paragraphs: &[&str]) -> Vec<PassageKind> {
        let mut kinds = vec![Body; paragraphs.len()];
        kinds[0] = Title;
        mark_headings(paragraphs, &mut kinds);
        kinds
    }

    const BEFORE: &str =
        "The port reopened on Tuesday after two days of repairs to the damaged quay.";
    const AFTER: &str =
        "Engineers said the crane would be replaced within a month, at the owner's cost.";

    #[test]
    fn a_lone_short_line_between_sentences_is_a_heading() {
        for line in [
            "Rebuilding the quay",
            "'Massive damage'",
            "Harbour TV YouTube",
        ] {
            assert_eq!(
                kinds_of(&["Headline", BEFORE, line, AFTER]),
                [Title, Body, Heading, Body],
                "{line}"
            );
        }
    }

    #[test]
    fn sentences_lists_and_lines_at_the_edges_stay_body() {
        // A sentence, however short.
        assert_eq!(
            kinds_of(&["Headline", BEFORE, "Nobody was hurt.", AFTER]),
            [Title, Body, Body, Body]
        );
        // A list: short lines in a run.
        assert_eq!(
            kinds_of(&[
                "Headline",
                BEFORE,
                "Dual-lens camera",
                "No headphone jack",
                AFTER
            ]),
            [Title, Body, Body, Body, Body]
        );
        // The last line (a sign-off or a credit is another rule's business).
        assert_eq!(
            kinds_of(&["Headline", BEFORE, AFTER, "Harbour TV YouTube"]),
            [Title, Body, Body, Body]
        );
    }
}
