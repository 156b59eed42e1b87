//! Places in an order and results: ordinals ("its third offer", "5th
//! Avenue"), ranks ("the world's second-largest chipmaker", "ranked No.
//! 3") and scores or tallies ("a 10-0 lead", "a 5-4 ruling"). Each is a
//! value of its own type, set only against values of that type.

use super::Quantity;
use super::phrase::{context, head};
use crate::model::ValueType;
use crate::text::tokens::{Token, TokenKind};

/// The place an ordinal names: "1st", "22nd", "third" (up to twentieth:
/// larger ones are written in digits).
pub(super) fn ordinal_value(folded: &str) -> Option<f64> {
    if let Some(digits) = folded
        .strip_suffix("st")
        .or_else(|| folded.strip_suffix("nd"))
        .or_else(|| folded.strip_suffix("rd"))
        .or_else(|| folded.strip_suffix("th"))
        .filter(|d| !d.is_empty() && d.len() <= 4 && d.bytes().all(|b| b.is_ascii_digit()))
    {
        return digits.parse::<u32>().ok().map(f64::from);
    }
    let v = match folded {
        "first" => 1,
        "second" => 2,
        "third" => 3,
        "fourth" => 4,
        "fifth" => 5,
        "sixth" => 6,
        "seventh" => 7,
        "eighth" => 8,
        "ninth" => 9,
        "tenth" => 10,
        "eleventh" => 11,
        "twelfth" => 12,
        "thirteenth" => 13,
        "fourteenth" => 14,
        "fifteenth" => 15,
        "sixteenth" => 16,
        "seventeenth" => 17,
        "eighteenth" => 18,
        "nineteenth" => 19,
        "twentieth" => 20,
        _ => return None,
    };
    Some(f64::from(v))
}

/// Words that make what follows a place in a ranking.
fn ranking_word(folded: &str) -> bool {
    matches!(folded, "ranked" | "ranks" | "rank" | "ranking" | "placed")
}

/// A superlative or "ranked" joined to an ordinal ("second-largest",
/// "third-biggest", "fifth-ranked", "second-most"): the ordinal is a rank.
/// A word ending in "-est" is taken for a superlative only when hyphened
/// to the ordinal: spaced, it is as often a noun ("the first protest").
fn ranks_by(word: &str, hyphened: bool) -> bool {
    ranking_word(word)
        || matches!(word, "most" | "least")
        || hyphened && word.len() > 4 && word.ends_with("est")
}

/// Words after which a spelled ordinal names a place ("the third attack",
/// "its second offer") rather than a sequence in time ("first reported").
fn determiner(folded: &str) -> bool {
    matches!(
        folded,
        "the" | "its" | "his" | "her" | "their" | "our" | "my" | "your"
    )
}

/// The ordinal or rank a word token at `at` states, with the tokens it
/// used: a rank when a superlative or "ranked" is joined to it or
/// "ranked" comes before it, an ordinal when written in digits or after
/// a determiner, and what it places (its head) said in either case.
pub(super) fn ordinal(text: &str, tokens: &[Token], at: usize) -> Option<(Quantity, usize)> {
    let t = &tokens[at];
    let value = ordinal_value(t.folded)?;
    let digits = t.folded.starts_with(|c: char| c.is_ascii_digit());
    let before = at.checked_sub(1).map(|k| tokens[k].folded);
    let joined = tokens
        .get(at + 1)
        .filter(|n| match text.get(t.range.end..n.range.start) {
            Some("-") => ranks_by(n.folded, true),
            Some(" ") => ranks_by(n.folded, false),
            _ => false,
        });
    let ranked_before = before.is_some_and(ranking_word);
    let (kind, last) = match joined {
        Some(_) => (ValueType::Rank, at + 1),
        None if ranked_before => (ValueType::Rank, at),
        None if digits || before.is_some_and(determiner) => (ValueType::Ordinal, at),
        None => return None,
    };
    let mut q = Quantity::bare(kind, t.range.start..tokens[last].range.end, value);
    q.head = head(text, tokens, last);
    if q.head.is_none() && kind == ValueType::Ordinal {
        // "the first of three", "came second": nothing placed.
        return None;
    }
    q.context = context(text, tokens, at);
    Some((q, last + 1 - at))
}

/// A number placed by "No." or "ranked" ("No. 1", "ranked 3", "ranked
/// No. 3"), as a rank.
pub(super) fn numbered_rank(text: &str, tokens: &[Token], at: usize) -> Option<Quantity> {
    let TokenKind::Number(n) = &tokens[at].kind else {
        return None;
    };
    if n.unit.is_some() || n.value.fract() != 0.0 {
        return None;
    }
    let prev = at.checked_sub(1).map(|k| &tokens[k]);
    let number_sign = prev.filter(|p| {
        p.folded == "no"
            && p.capitalised
            && text
                .get(p.range.end..tokens[at].range.start)
                .is_some_and(|gap| matches!(gap, ". " | " " | "."))
    });
    let ranked = |k: Option<usize>| k.is_some_and(|k| ranking_word(tokens[k].folded));
    let is_rank = match number_sign {
        Some(_) => true,
        None => ranked(at.checked_sub(1)),
    };
    if !is_rank {
        return None;
    }
    let start = number_sign.map_or(tokens[at].range.start, |p| p.range.start);
    let mut q = Quantity::bare(ValueType::Rank, start..tokens[at].range.end, n.value);
    q.head = head(text, tokens, at);
    q.context = context(text, tokens, at);
    Some(q)
}

/// Whole numbers joined by dashes: two, the first not the smaller ("10-0",
/// "5–4", "3-3"), are a score or a vote's tally (a smaller first is a
/// range, "10-12"); three are a record of wins, losses and ties
/// ("50-32-1", "7-8-1"; its span covers the ties, compared by the first
/// two). With the index of its last figure.
pub(super) fn score(text: &str, tokens: &[Token], at: usize) -> Option<(Quantity, usize)> {
    let figure = |k: usize| -> Option<f64> {
        let t = tokens.get(k)?;
        let TokenKind::Number(n) = &t.kind else {
            return None;
        };
        let whole = n.value.fract() == 0.0 && (0.0..1000.0).contains(&n.value);
        let joined = k == at
            || text
                .get(tokens[k - 1].range.end..t.range.start)
                .is_some_and(|gap| matches!(gap, "-" | "–" | "—"));
        (n.unit.is_none() && whole && joined).then_some(n.value)
    };
    let (a, b) = (figure(at)?, figure(at + 1)?);
    let last = if figure(at + 2).is_some() {
        at + 2
    } else if b <= a {
        at + 1
    } else {
        return None;
    };
    let mut q = Quantity::bare(
        ValueType::Score,
        tokens[at].range.start..tokens[last].range.end,
        a,
    );
    q.against = Some(b);
    q.head = head(text, tokens, last);
    // The words on both sides (an en dash ends a phrase for `context`).
    q.context = context(text, tokens, at);
    for w in context(text, tokens, last) {
        if !q.context.iter().any(|c| c.same_word(&w)) {
            q.context.push(w);
        }
    }
    Some((q, last))
}
