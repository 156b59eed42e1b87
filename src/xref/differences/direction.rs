//! Which way a thing moved: "shares rose" against "shares fell" (or "were
//! down"). A movement is read from a verb of rising or falling, or "up" /
//! "down" after a form of "be", with the content words before it in its
//! phrase as what moved; two members differ when the same thing (a word in
//! common) moved opposite ways.

use std::ops::Range;

use super::{Conflict, Facts, Member, gathered, span};
use crate::model::{Difference, DifferenceKind, ValueType};
use crate::text::tokens::Token;

const RISING: &[&str] = &[
    "rose",
    "risen",
    "rise",
    "rises",
    "rising",
    "gained",
    "gains",
    "climbed",
    "climbs",
    "jumped",
    "jumps",
    "surged",
    "surges",
    "soared",
    "soars",
    "increased",
    "increases",
    "advanced",
    "rallied",
];
const FALLING: &[&str] = &[
    "fell",
    "fallen",
    "falls",
    "falling",
    "dropped",
    "drops",
    "declined",
    "declines",
    "slid",
    "slipped",
    "slips",
    "tumbled",
    "plunged",
    "plummeted",
    "sank",
    "decreased",
    "decreases",
    "dipped",
    "slumped",
];
const BE: &[&str] = &["is", "was", "are", "were", "been", "be"];

/// Content words read before the movement, within its phrase.
const SUBJECT_WORDS: usize = 6;

/// A movement one member states.
pub(super) struct Movement {
    range: Range<usize>,
    rising: bool,
    /// Stems of the content words before it in its phrase: what moved.
    subject: Vec<String>,
}

impl Movement {
    fn same_thing(&self, other: &Movement) -> bool {
        self.subject.iter().any(|w| other.subject.contains(w))
    }
}

/// The movements `text` states, given its tokens.
pub(super) fn movements(text: &str, tokens: &[Token]) -> Vec<Movement> {
    let mut out = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        let word = t.folded;
        let after_be = i > 0 && BE.contains(&tokens[i - 1].folded);
        let rising = if RISING.contains(&word) || (word == "up" && after_be) {
            true
        } else if FALLING.contains(&word) || (word == "down" && after_be) {
            false
        } else {
            continue;
        };
        let mut subject = Vec::new();
        let mut k = i;
        while k > 0 && subject.len() < SUBJECT_WORDS {
            let gap = &text[tokens[k - 1].range.end..tokens[k].range.start];
            // No '.': a member is one sentence, a full stop inside it ends
            // an abbreviation ("Goldman Sachs Group Inc. rose").
            if gap.contains([',', ';', ':', '(', ')', '—', '–', '"', '“', '”'])
                || matches!(tokens[k - 1].folded, "and" | "or" | "but" | "while")
            {
                break;
            }
            k -= 1;
            let w = &tokens[k];
            if !w.stop && !w.is_number() && w.folded.chars().count() >= 3 {
                subject.push(w.key.to_string());
            }
        }
        if !subject.is_empty() {
            out.push(Movement {
                range: t.range.clone(),
                rising,
                subject,
            });
        }
    }
    out
}

/// One thing said to rise by one member and to fall by another.
pub(super) fn direction_differences(
    members: &[Member],
    all: &[Facts],
    cross: &dyn Fn(usize, usize) -> bool,
) -> Vec<Difference> {
    let rule = Conflict {
        items: |f| &f.movements,
        conflict: &|a: &Movement, b: &Movement| a.rising != b.rising && a.same_thing(b),
        agree: &|a, b| a.rising == b.rising && a.same_thing(b),
    };
    let span_of = |m: &Member, mv: &Movement| span(m, &mv.range, ValueType::Qualifier);
    gathered(
        members,
        all,
        cross,
        DifferenceKind::Qualifier,
        "direction",
        rule,
        &span_of,
    )
    .into_iter()
    .collect()
}
