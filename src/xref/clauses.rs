//! Clauses of long passages. One sentence may state two things ("Kim told
//! lawmakers it was 'highly likely' six officers were killed in a strike"),
//! each corroborated by a different sentence elsewhere; compared whole, it
//! matches neither well. Its clauses are compared too, so that each part
//! can join its own claim.
//!
//! Boundaries are punctuation between words: commas, semicolons, colons,
//! brackets, dashes and quotation marks. A chunk with too little content of
//! its own ("Kim said", "2022") is attached to the chunk before it (the first
//! chunk to the one after), so attributions stay with what they attribute.

use std::ops::Range;

use crate::text::dateline::dateline_end;
use crate::text::tokens::Token;

/// Fewest content words (not stop words) of a clause of its own.
pub const MIN_CLAUSE_TERMS: usize = 3;
/// Most clauses a passage is split into; lighter neighbours merge first.
pub const MAX_CLAUSES: usize = 3;

/// Token-index ranges of the parts of a passage worth comparing on their
/// own: each clause and, with three clauses, each two neighbours together.
/// Empty when the passage has fewer than two clauses.
pub fn clause_spans(text: &str, tokens: &[Token]) -> Vec<Range<usize>> {
    let clauses = clauses(text, tokens);
    if clauses.len() < 2 {
        return Vec::new();
    }
    let mut spans = clauses.clone();
    if clauses.len() > 2 {
        spans.extend(clauses.windows(2).map(|w| w[0].start..w[1].end));
    }
    spans
}

/// The bytes of the clause of `tokens[span]`: from its first word to its
/// last, and over a quotation mark next to it that closes (or opens) a
/// quotation the clause opens (or closes), so that a clause shown alone
/// reads "offer a “ticking fee”", not "offer a “ticking fee".
pub fn clause_bytes(text: &str, tokens: &[Token], span: Range<usize>) -> Range<usize> {
    let (mut start, mut end) = (
        tokens[span.start].range.start,
        tokens[span.end - 1].range.end,
    );
    let (opens, closes, straight) = quotation_marks(&text[start..end]);
    let odd_straight = straight % 2 == 1;
    if (opens > closes || odd_straight)
        && let Some(c) = text[end..]
            .chars()
            .next()
            .filter(|c| matches!(c, '”' | '»' | '"'))
    {
        end += c.len_utf8();
    }
    if (closes > opens || (odd_straight && !text[start..end].ends_with('"')))
        && let Some(c) = text[..start]
            .chars()
            .next_back()
            .filter(|c| matches!(c, '“' | '«' | '"'))
    {
        start -= c.len_utf8();
    }
    start..end
}

/// How many opening (“ «), closing (” ») and straight (") quotation marks
/// `text` has. One pass over the bytes: every clause of the corpus is
/// counted (three passes over its characters were 2% of a model's build).
fn quotation_marks(text: &str) -> (usize, usize, usize) {
    let bytes = text.as_bytes();
    let (mut opens, mut closes, mut straight) = (0, 0, 0);
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b'"' => straight += 1,
            // « and » are C2 AB and C2 BB in UTF-8.
            0xC2 => match bytes.get(i + 1) {
                Some(0xAB) => opens += 1,
                Some(0xBB) => closes += 1,
                _ => {}
            },
            // “ and ” are E2 80 9C and E2 80 9D.
            0xE2 if bytes.get(i + 1) == Some(&0x80) => match bytes.get(i + 2) {
                Some(0x9C) => opens += 1,
                Some(0x9D) => closes += 1,
                _ => {}
            },
            _ => {}
        }
    }
    (opens, closes, straight)
}

/// The clauses of a passage as token-index ranges covering all tokens
/// after a dateline (`dateline_end`).
pub fn clauses(text: &str, tokens: &[Token]) -> Vec<Range<usize>> {
    // Content words before each token: a range's count in constant time.
    let mut before = Vec::with_capacity(tokens.len() + 1);
    before.push(0usize);
    for t in tokens {
        before.push(before.last().copied().unwrap_or(0) + usize::from(!t.stop));
    }
    let content = |r: &Range<usize>| before[r.end] - before[r.start];
    let mut chunks: Vec<Range<usize>> = Vec::new();
    let mut start = 0;
    for i in 1..tokens.len() {
        let gap = text
            .get(tokens[i - 1].range.end..tokens[i].range.start)
            .unwrap_or("");
        if is_boundary(gap) {
            chunks.push(start..i);
            start = i;
        }
    }
    if start < tokens.len() {
        chunks.push(start..tokens.len());
    }
    if let Some(body) = dateline_end(text, tokens) {
        // A dateline states nothing: no clause holds it. As a clause of
        // its own it joined every lede from that place into a claim
        // ("RAMALLAH, West Bank"); held by the first clause, it diluted
        // that clause's match with sentences that do not repeat it.
        chunks.retain(|c| c.end > body);
        if let Some(first) = chunks.first_mut() {
            first.start = first.start.max(body);
        }
    }
    // A relative clause ("…, who has lived on the quay since 1981") says
    // something of a subject outside it: it stays with what it qualifies.
    // Alone, it matched another resident's "who has lived on the quay for
    // forty years".
    let relative =
        |r: &Range<usize>| matches!(tokens[r.start].folded, "who" | "whom" | "whose" | "which");
    let mut merged: Vec<Range<usize>> = Vec::new();
    for chunk in chunks {
        match merged.last_mut() {
            Some(last)
                if content(&chunk) < MIN_CLAUSE_TERMS
                    || content(last) < MIN_CLAUSE_TERMS
                    || relative(&chunk) =>
            {
                last.end = chunk.end;
            }
            _ => merged.push(chunk),
        }
    }
    if merged.len() > MAX_EXACT_CHUNKS {
        // Not a sentence but a list (thousands of commas): cut it into
        // MAX_CLAUSES parts of equal content in one pass, rather than merge
        // pairs one at a time (quadratic: 800 KB took 25 s).
        return equal_parts(&merged, &content);
    }
    while merged.len() > MAX_CLAUSES {
        // Merge the lightest pair of neighbours.
        let k = (0..merged.len() - 1)
            .min_by_key(|&k| content(&merged[k]) + content(&merged[k + 1]))
            .unwrap_or(0);
        merged[k].end = merged[k + 1].end;
        merged.remove(k + 1);
    }
    merged
}

/// Above this many chunks, clauses are cut by content, not merged pairwise.
const MAX_EXACT_CHUNKS: usize = 64;

/// `chunks` (consecutive, covering all tokens) grouped into MAX_CLAUSES
/// runs of about equal content.
fn equal_parts(
    chunks: &[Range<usize>],
    content: &dyn Fn(&Range<usize>) -> usize,
) -> Vec<Range<usize>> {
    let total: usize = chunks.iter().map(content).sum();
    let mut parts: Vec<Range<usize>> = Vec::with_capacity(MAX_CLAUSES);
    let mut acc = 0;
    for chunk in chunks {
        // The part this chunk's content starts in.
        let part = (acc * MAX_CLAUSES / total.max(1)).min(MAX_CLAUSES - 1);
        let open = parts.len();
        match parts.last_mut() {
            Some(last) if part < open => last.end = chunk.end,
            _ => parts.push(chunk.clone()),
        }
        acc += content(chunk);
    }
    parts
}

/// Whether the text between two words separates clauses. A colon or comma
/// glued to both words ("9:34 a.m.", "3,5") is inside a value, not between
/// clauses.
fn is_boundary(gap: &str) -> bool {
    if matches!(gap, ":" | "," | ".") {
        return false;
    }
    gap.chars().any(|c| {
        matches!(
            c,
            ',' | ';' | ':' | '(' | ')' | '[' | ']' | '"' | '“' | '”' | '«' | '»' | '—' | '–'
        )
    }) || (gap.contains('-') && gap.contains(char::is_whitespace))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokens::tokenize;

    #[test]
    fn quotation_marks_are_counted_as_characters_are() {
        let by_chars = |text: &str| {
            let count = |set: &[char]| text.chars().filter(|c| set.contains(c)).count();
            (count(&['“', '«']), count(&['”', '»']), count(&['"']))
        };
        // Marks, letters sharing their lead bytes (Â, ‘, ’, €, ©), others.
        let alphabet = [
            '“', '”', '«', '»', '"', 'Â', '‘', '’', '€', '©', 'a', ' ', 'é', '😀',
        ];
        let mut rng = crate::testing::Xorshift::new(0x9e37_79b9_7f4a_7c15);
        for _ in 0..2000 {
            let mut text = String::new();
            for _ in 0..rng.below(12) {
                text.push(alphabet[rng.below(alphabet.len() as u64) as usize]);
            }
            assert_eq!(quotation_marks(&text), by_chars(&text), "{text:?}");
        }
    }

    fn parts(text: &str) -> Vec<String> {
        let tokens = tokenize(text);
        clauses(text, &tokens)
            .into_iter()
            .map(|r| text[tokens[r.start].range.start..tokens[r.end - 1].range.end].to_owned())
            .collect()
    }

    #[test]
    fn a_list_of_thousands_of_items_is_cut_into_equal_parts_covering_all() {
        let text: String = (0..5000)
            .map(|i| format!("word{i} thing{i} stuff"))
            .collect::<Vec<_>>()
            .join(", ");
        let tokens = tokenize(&text);
        let got = clauses(&text, &tokens);
        assert_eq!(got.len(), MAX_CLAUSES);
        assert_eq!(got.first().map(|r| r.start), Some(0));
        assert_eq!(got.last().map(|r| r.end), Some(tokens.len()));
        assert!(got.windows(2).all(|w| w[0].end == w[1].start));
        // About equal: each part holds between a fifth and a half.
        for r in &got {
            let share = r.len() as f64 / tokens.len() as f64;
            assert!((0.2..0.5).contains(&share), "{got:?}");
        }
    }

    #[test]
    fn a_clause_keeps_the_quotation_marks_of_the_quotation_it_holds() {
        let shown = |text: &str| -> Vec<String> {
            let tokens = tokenize(text);
            clauses(text, &tokens)
                .into_iter()
                .map(|r| text[clause_bytes(text, &tokens, r)].to_owned())
                .collect()
        };
        let text = "It also said it would offer a “ticking fee” giving Qualcomm shareholders extra cash if the deal is not consummated within a year.";
        assert_eq!(
            shown(text),
            [
                "It also said it would offer a “ticking fee”",
                "giving Qualcomm shareholders extra cash if the deal is not consummated within a year"
            ]
        );
        // Balanced quotations and unquoted clauses are cut at their words.
        let text = "Kim told lawmakers on Tuesday it was \"highly likely\" six officers were killed in a missile strike.";
        assert_eq!(
            shown(text),
            [
                "Kim told lawmakers on Tuesday it was \"highly likely\"",
                "six officers were killed in a missile strike"
            ]
        );
    }

    #[test]
    fn a_clock_time_is_not_cut_at_its_colon() {
        assert_eq!(
            parts(
                "Qualcomm shares fell 1.5 percent to $65.09 at 9:34 a.m. New York, after Broadcom said it would withdraw the offer unless the board agreed to talks."
            ),
            [
                "Qualcomm shares fell 1.5 percent to $65.09 at 9:34 a.m. New York",
                "after Broadcom said it would withdraw the offer unless the board agreed to talks"
            ]
        );
    }

    #[test]
    fn a_sentence_stating_two_things_splits_at_the_quote() {
        assert_eq!(
            parts(
                "Kim told lawmakers on Tuesday it was \"highly likely\" six officers were killed in a missile strike."
            ),
            [
                "Kim told lawmakers on Tuesday it was \"highly likely",
                "six officers were killed in a missile strike"
            ]
        );
    }

    #[test]
    fn attributions_stay_with_what_they_attribute() {
        let p = parts(
            "\"Casualties among the crew are very likely, given the damage,\" the minister said, adding that the port would reopen on Friday.",
        );
        assert_eq!(p.len(), 2, "{p:?}");
        assert!(p[0].ends_with("minister said"), "{p:?}");
        assert!(p[1].starts_with("adding"), "{p:?}");
    }

    #[test]
    fn a_relative_clause_stays_with_what_it_qualifies() {
        // Alone, "who has lived on the quay since 1981" matched another
        // resident's "who has lived on the quay for forty years".
        let p = parts(
            "The tanks should have been moved years ago, said Agnes Szabo of the residents' \
             association, who has lived on the quay since 1981.",
        );
        assert_eq!(p.len(), 2, "{p:?}");
        assert!(p[1].ends_with("since 1981"), "{p:?}");
        assert!(p[1].contains("Szabo"), "{p:?}");
        // Control: the same chunk without its pronoun is a clause.
        let p = parts(
            "The tanks should have been moved years ago, said Agnes Szabo of the residents' \
             association, living on the quay since 1981.",
        );
        assert_eq!(p.len(), 3, "{p:?}");
        assert!(p[2].starts_with("living"), "{p:?}");
    }

    #[test]
    fn short_sentences_and_dates_do_not_split() {
        let text = "The plant reopened on February 24, 2022, officials said.";
        assert_eq!(parts(text).len(), 1);
        assert!(clause_spans(text, &tokenize(text)).is_empty());
        assert!(clause_spans("", &[]).is_empty());
    }

    #[test]
    fn a_dateline_is_no_clause_of_its_own() {
        assert_eq!(
            parts(
                "RAMALLAH, West Bank — An Israeli military court on Monday indicted a \
                 teenage Palestinian girl, filmed last month slapping soldiers."
            ),
            [
                "An Israeli military court on Monday indicted a teenage Palestinian girl",
                "filmed last month slapping soldiers"
            ]
        );
        assert_eq!(
            parts(
                "OFER PRISON, West Bank, Jan 1 (Reuters) - Israel indicted a Palestinian \
                 girl on Monday on charges including assault."
            )
            .len(),
            1
        );
        // A lead-in in capitals that goes on in lower case is no dateline.
        assert_eq!(
            parts("NEW YORK landlords raised rents — the city's housing agency said on Monday."),
            [
                "NEW YORK landlords raised rents",
                "the city's housing agency said on Monday"
            ]
        );
    }

    #[test]
    fn hyphenated_words_are_not_boundaries() {
        assert_eq!(
            parts("Defence minister Kim Yong-hyun praised the well-trained rescue crews").len(),
            1
        );
    }

    #[test]
    fn three_clauses_give_each_and_each_pair_of_neighbours() {
        let text = "Firefighters contained the blaze near the harbour; police closed three roads nearby; engineers inspected the old bridge overnight.";
        let tokens = tokenize(text);
        assert_eq!(clauses(text, &tokens).len(), 3);
        assert_eq!(clause_spans(text, &tokens).len(), 5);
    }
}
