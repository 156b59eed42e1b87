//! Differences of wording: hedges ("very likely" / "highly likely") and
//! spellings of names ("Penelac" / "Penelec", "Kim Jong-un" / "Kim Jong Un").

use std::ops::Range;

use crate::text::tokens::{Token, fold_word};

use crate::text::spelling::near_spelling;

/// Words that hedge a statement, and the intensifiers that grade them:
/// general English, for telling "very likely" from "highly likely".
const HEDGES: &[&str] = &[
    "likely",
    "unlikely",
    "probable",
    "probably",
    "possible",
    "possibly",
    "certain",
    "certainly",
    "reportedly",
    "allegedly",
    "apparently",
    "presumably",
    "perhaps",
    "maybe",
    "confirmed",
    "unconfirmed",
];
/// Hedges that say who vouches for a statement, not how likely it is.
const ATTRIBUTIONS: &[&str] = &[
    "reportedly",
    "allegedly",
    "apparently",
    "confirmed",
    "unconfirmed",
];
const INTENSIFIERS: &[&str] = &[
    "very",
    "highly",
    "most",
    "more",
    "quite",
    "extremely",
    "somewhat",
    "less",
    "least",
    "fairly",
    "increasingly",
    "not",
    "all",
    "so",
];

/// A hedge as a member states it.
#[derive(Debug, Clone)]
pub(crate) struct Hedge {
    pub range: Range<usize>,
    /// "likelihood" or "attribution": how sure, or who vouches.
    pub family: &'static str,
    /// The folded phrase ("highly likely").
    pub phrase: String,
    /// Inside quotation marks: someone's words.
    pub quoted: bool,
    /// The content word it qualifies, the next one after it (stemmed).
    pub qualifies: Option<String>,
}

impl Hedge {
    /// Two hedges about one thing: both someone's quoted words, or both
    /// qualifying the same word ("most likely killed" and "likely
    /// fighting" hedge different statements).
    pub(crate) fn comparable(&self, other: &Hedge) -> bool {
        self.family == other.family
            && ((self.quoted && other.quoted) || self.qualifies == other.qualifies)
    }
}

/// The hedges of `text`, a part of `passage` starting at byte `offset`
/// (quotation marks are counted from the passage's start).
pub(crate) fn hedges(text: &str, tokens: &[Token], passage: &str, offset: usize) -> Vec<Hedge> {
    let mut out = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        if !HEDGES.contains(&t.folded) {
            continue;
        }
        let mut start = i;
        while start > 0 && INTENSIFIERS.contains(&tokens[start - 1].folded) {
            start -= 1;
        }
        let phrase: Vec<&str> = tokens[start..=i].iter().map(|t| t.folded).collect();
        let family = if ATTRIBUTIONS.contains(&t.folded) {
            "attribution"
        } else {
            "likelihood"
        };
        let qualifies = tokens[i + 1..]
            .iter()
            .take_while(|n| {
                !text[t.range.end..n.range.start].contains(['.', ',', ';', ':', '?', '!'])
            })
            .find(|n| !n.stop && !n.is_number())
            .map(|n| n.key.to_string());
        out.push(Hedge {
            range: tokens[start].range.start..t.range.end,
            family,
            phrase: phrase.join(" "),
            quoted: inside_quotes(passage, offset + tokens[start].range.start),
            qualifies,
        });
    }
    out
}

/// Whether byte `at` of `text` sits inside quotation marks (curly ones
/// open and close; straight ones alternate).
fn inside_quotes(text: &str, at: usize) -> bool {
    let mut depth = 0i32;
    let mut straight = false;
    for c in text.get(..at).unwrap_or(text).chars() {
        match c {
            '“' | '«' | '„' => depth += 1,
            '”' | '»' => depth = (depth - 1).max(0),
            '"' => straight = !straight,
            _ => {}
        }
    }
    depth > 0 || straight
}

/// Runs of capitalised words, hyphenated parts included ("Kim Jong-un",
/// "Zoë Kovačić"): (key of letters without diacritics, case, spaces or
/// hyphens; byte range). A lone capitalised word opening the text is left
/// out.
pub(crate) fn names(text: &str, tokens: &[Token]) -> Vec<(String, Range<usize>)> {
    name_runs(
        text,
        tokens
            .iter()
            .map(|t| (t.range.clone(), t.capitalised && !t.stop && !t.is_number())),
    )
}

/// [`names`] of a text not tokenised: its words judged by their letters
/// alone (a capital first, not a stop word or a number), for scanning
/// every passage of a corpus at a fraction of the tokenizer's cost.
pub(crate) fn names_in(text: &str) -> Vec<(String, Range<usize>)> {
    name_runs(
        text,
        crate::text::alnum_spans(text).into_iter().map(|r| {
            let word = &text[r.clone()];
            let capitalised = word.starts_with(char::is_uppercase);
            let name_word = capitalised && {
                let folded = fold_word(word);
                !crate::text::is_stop_word(&folded)
                    && !word.starts_with(|c: char| c.is_ascii_digit())
                    && crate::text::tokens::number_word_value(&folded).is_none()
            };
            (r, name_word)
        }),
    )
}

/// The runs of name words (each word's byte range, and whether it may be
/// part of a name) joined by spaces or hyphens.
fn name_runs(
    text: &str,
    words: impl Iterator<Item = (Range<usize>, bool)>,
) -> Vec<(String, Range<usize>)> {
    let mut out = Vec::new();
    let mut run: Option<(usize, usize, usize)> = None; // (first token, start, end)
    let mut flush = |run: Option<(usize, usize, usize)>, last: usize| {
        if let Some((first, start, end)) = run
            && (first > 0 || last > first)
        {
            let key: String = fold_word(&text[start..end])
                .chars()
                .filter(|c| c.is_alphanumeric())
                .collect();
            out.push((key, start..end));
        }
    };
    let mut last = 0;
    for (i, (range, name_word)) in words.enumerate() {
        let gap = run.map_or("", |(_, _, end)| &text[end..range.start]);
        let hyphen_joined = gap == "-";
        let spaced = !gap.is_empty() && gap.chars().all(char::is_whitespace);
        match run {
            Some((first, start, _)) if (name_word && spaced) || hyphen_joined => {
                run = Some((first, start, range.end));
                last = i;
            }
            _ => {
                flush(run.take(), last);
                if name_word {
                    run = Some((i, range.start, range.end));
                    last = i;
                }
            }
        }
    }
    flush(run, last);
    out
}

/// Two spellings of one name: the same letters written with other hyphens
/// or spaces ("Jong-un" / "Jong Un"), or one letter changed ("Penelac" /
/// "Penelec") or dropped inside ("Harambe" / "Harabe"), not added at an
/// end ("Korea" / "Korean") or changed last ("Korean" / "Koreas"), and
/// never a digit ("Galaxy S8" / "Galaxy S9" are two phones). Case, dots and
/// diacritics alone ("U.N." / "UN", "Novák" / "Novak": a keyboard's, not an
/// outlet's, choice) and datelines in capitals are no difference.
pub(crate) fn respelt(key_a: &str, a: &str, key_b: &str, b: &str) -> bool {
    // A letter added or dropped at an end is a word's ending ("Korea" /
    // "Korean", "Israel" / "Israeli"); inside, a misspelling ("Harambe" /
    // "Harabe").
    let at_an_end = |long: &str, short: &str| long.starts_with(short) || long.ends_with(short);
    // (Most pairs asked are one name twice: its letters are not compared.)
    if key_a != key_b {
        let inner = match key_a.chars().count().cmp(&key_b.chars().count()) {
            std::cmp::Ordering::Equal => true,
            std::cmp::Ordering::Greater => !at_an_end(key_a, key_b),
            std::cmp::Ordering::Less => !at_an_end(key_b, key_a),
        };
        let respelt = inner
            && within_one_letter(key_a, key_b)
            && near_spelling(key_a, key_b)
            && misspelt_letter(key_a, key_b);
        if !respelt {
            return false;
        }
    }
    // One name written alike (most pairs of a claim): nothing to fold.
    if a == b {
        return false;
    }
    let typographic = |s: &str| -> String { fold_word(s).chars().filter(|&c| c != '.').collect() };
    let shouting = |s: &str| !s.chars().any(char::is_lowercase);
    typographic(a) != typographic(b) && !shouting(a) && !shouting(b)
}

/// How a member states a predicate: plainly, negated, or hedged by a modal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Stance {
    Plain,
    Modal,
    Negated,
}

/// A predicate word with how it is stated ("was faulty", "might be
/// faulty", "was not arrested"), read only where an auxiliary, a negation
/// or a modal stands right before it, so that the word is what the clause
/// asserts.
#[derive(Debug, Clone)]
pub(crate) struct Predicate {
    /// Byte range from the first auxiliary, negation or modal to the word.
    pub range: Range<usize>,
    /// The word's stem.
    pub key: String,
    pub stance: Stance,
}

const AUXILIARIES: &[&str] = &[
    "is", "was", "are", "were", "be", "been", "being", "has", "have", "had", "do", "does", "did",
];
const NEGATIONS: &[&str] = &["not", "never", "no", "t"];
const MODALS: &[&str] = &[
    "may", "might", "could", "appears", "appear", "seems", "seem",
];

pub(crate) fn predicates(text: &str, tokens: &[Token]) -> Vec<Predicate> {
    let mut out = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        if t.stop || t.is_number() {
            continue;
        }
        // Walk back over the words that frame the predicate: auxiliaries,
        // negations ("not", "never", "n't") and modals ("might", "appears
        // to"), within one phrase.
        let mut start = i;
        let mut stance = None;
        while start > 0 && i - start < 4 {
            let prev = &tokens[start - 1];
            let gap = &text[prev.range.end..tokens[start].range.start];
            // "didn't": the "t" after an apostrophe is the negation.
            let word = prev.folded;
            let negation = NEGATIONS.contains(&word)
                && (word != "t" || text[..prev.range.start].ends_with(['\'', '’']));
            if gap.contains([',', ';', ':', '.', '"', '“', '”']) {
                break;
            }
            let contracted = word.ends_with('n') && tokens[start].folded == "t";
            let framing = if negation {
                Stance::Negated
            } else if MODALS.contains(&word) {
                Stance::Modal
            } else if AUXILIARIES.contains(&word) || contracted {
                Stance::Plain
            } else if word == "to" && start >= 2 && MODALS.contains(&tokens[start - 2].folded) {
                // "appears to be faulty": the modal comes next.
                Stance::Plain
            } else {
                break;
            };
            // A negation outweighs a modal, a modal a plain auxiliary.
            stance = stance.max(Some(framing));
            start -= 1;
        }
        // "declined to say whether the child had been released" asserts
        // nothing: a predicate under "whether" or "if" is not stated.
        let open_question = tokens[start.saturating_sub(3)..start]
            .iter()
            .any(|w| w.folded == "whether" || w.folded == "if");
        if let Some(stance) = stance.filter(|_| !open_question) {
            out.push(Predicate {
                range: tokens[start].range.start..t.range.end,
                key: t.key.to_string(),
                stance,
            });
        }
    }
    out
}

/// Whether the character where two keys one edit apart part ways is a
/// letter, not a digit (a model or series number), and, when changed, not
/// the last (a word's ending: "Korean" / "Koreas").
fn misspelt_letter(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let Some(at) = (0..a.len().max(b.len())).find(|&i| a.get(i) != b.get(i)) else {
        return true;
    };
    let changed = [a.get(at), b.get(at)];
    let last_changed = a.len() == b.len() && at + 1 == a.len();
    !last_changed && changed.iter().flatten().all(|c| !c.is_ascii_digit())
}

/// Whether two keys are at most one letter apart (changed, added or
/// dropped).
fn within_one_letter(a: &str, b: &str) -> bool {
    crate::text::spelling::within_edits(a, b, 1)
}
