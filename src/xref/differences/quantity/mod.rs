//! Typed quantities: every number a member states, with what it counts, its
//! type (a count, an amount of money, a percentage, an age, a distance, a
//! time of day…), how exactly it is stated ("more than 50", "about 2,300",
//! "10 to 12") and its byte range. Differences are only ever between
//! quantities of one type about one thing.

use std::ops::Range;

use super::clock::{meridiem, relative_date, time_of_day, time_word};
use crate::model::ValueType;
use crate::text::tokens::{Token, TokenKind};

mod order;
mod phrase;

pub(crate) use phrase::{EVIDENCE, Head, Word, shared_words};
use phrase::{abbreviation_stop, context, head};

/// How a figure is stated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Bound {
    Exact,
    /// "about", "around", "some", "roughly", "an estimated".
    About,
    /// "more than", "over", "at least".
    AtLeast,
    /// "nearly", "almost", "up to", "under", "less than".
    AtMost,
}

/// One quantity as a member states it.
#[derive(Debug, Clone)]
pub(crate) struct Quantity {
    /// Byte range in the member's text, currency sign and unit included.
    pub range: Range<usize>,
    pub kind: ValueType,
    pub value: f64,
    /// The top of a range ("10 to 12 feet").
    pub upper: Option<f64>,
    /// A score's or tally's second figure ("10-0": 0).
    pub against: Option<f64>,
    /// A currency code, "%", or the unit of a measure ("mile", "lb", "year").
    pub unit: Option<&'static str>,
    pub bound: Bound,
    /// What it counts, when the words right after it say ("dead",
    /// "signatures"; "share" in "$82 a share", a rate).
    pub head: Option<Head>,
    /// The content words of its phrase ([`context`]).
    pub context: Vec<Word>,
    /// A time of day written without "a.m." or "p.m." ("06:00", "10:45"):
    /// it may be either.
    pub twelve_hour: bool,
    /// A value the text says was superseded ("up from $70 a share", "its
    /// initial offer of $70"): one article's own update, set only against
    /// other former values.
    pub former: bool,
}

/// The unit a word names, when it is a measure's word ("pounds": "lb",
/// "feet": "ft", "miles": "mile").
pub(crate) fn unit_of_word(word: &str) -> Option<&'static str> {
    match word {
        "pound" | "pounds" => Some("lb"),
        _ => measure(word).map(|(_, unit)| unit),
    }
}

impl Quantity {
    /// A value stated exactly, with nothing yet said of what it is about.
    pub(crate) fn bare(kind: ValueType, range: Range<usize>, value: f64) -> Quantity {
        Quantity {
            range,
            kind,
            value,
            upper: None,
            against: None,
            unit: None,
            bound: Bound::Exact,
            head: None,
            context: Vec::new(),
            twelve_hour: false,
            former: false,
        }
    }
}

/// Measures by the word that follows the number: the type and the unit
/// (general English units).
fn measure(word: &str) -> Option<(ValueType, &'static str)> {
    Some(match word {
        "mile" | "miles" => (ValueType::Distance, "mile"),
        "km" | "kilometre" | "kilometres" | "kilometer" | "kilometers" => {
            (ValueType::Distance, "km")
        }
        "metre" | "metres" | "meter" | "meters" | "m" => (ValueType::Distance, "m"),
        "foot" | "feet" | "ft" => (ValueType::Distance, "ft"),
        "yard" | "yards" => (ValueType::Distance, "yd"),
        "inch" | "inches" => (ValueType::Distance, "in"),
        "lb" | "lbs" => (ValueType::Weight, "lb"),
        "kg" | "kilogram" | "kilograms" | "kilo" | "kilos" => (ValueType::Weight, "kg"),
        "ton" | "tons" | "tonne" | "tonnes" => (ValueType::Weight, "t"),
        "ounce" | "ounces" | "oz" => (ValueType::Weight, "oz"),
        "mph" => (ValueType::Speed, "mph"),
        "kph" | "kmh" => (ValueType::Speed, "km/h"),
        "knot" | "knots" => (ValueType::Speed, "kn"),
        "second" | "seconds" => (ValueType::Duration, "second"),
        "minute" | "minutes" => (ValueType::Duration, "minute"),
        "hour" | "hours" => (ValueType::Duration, "hour"),
        "day" | "days" => (ValueType::Duration, "day"),
        "week" | "weeks" => (ValueType::Duration, "week"),
        "month" | "months" => (ValueType::Duration, "month"),
        "year" | "years" => (ValueType::Duration, "year"),
        "decade" | "decades" => (ValueType::Duration, "decade"),
        _ => return None,
    })
}

/// Whether a word may say how exact a figure is ("at least", "nearly",
/// "some"): part of how the figure is stated, not of what it is about.
fn bound_word(word: &str) -> bool {
    matches!(
        word,
        "more"
            | "than"
            | "least"
            | "over"
            | "upwards"
            | "nearly"
            | "almost"
            | "under"
            | "less"
            | "fewer"
            | "close"
            | "about"
            | "around"
            | "some"
            | "roughly"
            | "approximately"
            | "estimated"
            | "exactly"
    )
}

/// Words before a figure that say how exact it is.
fn bound_before(words: &[&str]) -> Bound {
    match words {
        [.., "more", "than"] | [.., "at", "least"] | [.., "over"] | [.., "upwards", "of"] => {
            Bound::AtLeast
        }
        [.., "nearly"]
        | [.., "almost"]
        | [.., "up", "to"]
        | [.., "under"]
        | [.., "less", "than"]
        | [.., "fewer", "than"]
        | [.., "close", "to"] => Bound::AtMost,
        [.., "about"]
        | [.., "around"]
        | [.., "some"]
        | [.., "roughly"]
        | [.., "approximately"]
        | [.., "estimated"]
        | [.., "almost", "exactly"] => Bound::About,
        _ => Bound::Exact,
    }
}

/// The quantities of `text` (a member: a passage or one of its clauses),
/// given its tokens; numbers inside `dates` belong to the dates.
/// `year` is the article's, for "last year".
pub(crate) fn quantities(
    text: &str,
    tokens: &[Token],
    dates: &[Range<usize>],
    year: Option<u32>,
) -> Vec<Quantity> {
    let in_date = |r: &Range<usize>| dates.iter().any(|d| d.start <= r.start && r.end <= d.end);
    let gap = |a: usize, b: usize| -> &str {
        text.get(tokens[a].range.end..tokens[b].range.start)
            .unwrap_or("")
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        if let Some(q) = time_word(t) {
            out.push(q);
            i += 1;
            continue;
        }
        if let Some((mut q, used)) = relative_date(tokens, i, year) {
            q.context = context(text, tokens, i + used - 1);
            out.push(q);
            i += used;
            continue;
        }
        let TokenKind::Number(n) = &t.kind else {
            match order::ordinal(text, tokens, i) {
                Some((q, used)) => {
                    out.push(q);
                    i += used;
                }
                None => i += 1,
            }
            continue;
        };
        if in_date(&t.range) {
            i += 1;
            continue;
        }
        // "10:45 p.m.", "06:00": a time of day, not two numbers.
        if let Some(next) = tokens.get(i + 1)
            && gap(i, i + 1) == ":"
            && next.is_number()
            && text[next.range.clone()].len() == 2
        {
            let mut end = next.range.end;
            let minutes = match &next.kind {
                TokenKind::Number(m) => m.value,
                TokenKind::Word => 0.0,
            };
            let mut hour = n.value;
            let mut consumed = 2;
            if let Some((pm, meridiem_end)) = meridiem(text, end) {
                hour = hour % 12.0 + if pm { 12.0 } else { 0.0 };
                end = meridiem_end;
                while tokens
                    .get(i + consumed)
                    .is_some_and(|x| x.range.start < end)
                {
                    consumed += 1;
                }
            }
            let mut q = time_of_day(t.range.start..end, hour * 60.0 + minutes);
            q.twelve_hour = end == next.range.end && hour <= 12.0;
            out.push(q);
            i += consumed;
            continue;
        }
        if n.value.fract() == 0.0
            && (1.0..=12.0).contains(&n.value)
            && let Some((pm, end)) = meridiem(text, t.range.end)
        {
            let hour = n.value % 12.0 + if pm { 12.0 } else { 0.0 };
            out.push(time_of_day(t.range.start..end, hour * 60.0));
            i += 1;
            while tokens.get(i).is_some_and(|x| x.range.start < end) {
                i += 1;
            }
            continue;
        }
        if let Some((q, last)) = order::score(text, tokens, i) {
            out.push(q);
            i = last + 1;
            continue;
        }
        if let Some(q) = order::numbered_rank(text, tokens, i) {
            out.push(q);
            i += 1;
            continue;
        }
        let start = text[..t.range.start]
            .char_indices()
            .next_back()
            .filter(|&(_, c)| matches!(c, '$' | '€' | '£' | '¥' | '₩' | '₽' | '₹'))
            .map_or(t.range.start, |(k, _)| k);
        let mut q = Quantity::bare(ValueType::Count, start..t.range.end, n.value);
        q.unit = n.unit;
        q.context = context(text, tokens, i);
        let before: Vec<&str> = tokens[i.saturating_sub(3)..i]
            .iter()
            .map(|t| t.folded)
            .collect();
        q.bound = bound_before(&before);
        let superseded = |w: &str| {
            matches!(
                w,
                "initial" | "first" | "previous" | "original" | "earlier" | "former" | "prior"
            )
        };
        // The phrase the figure belongs to may be set off by a comma ("its
        // first offer, of $70 a share"): up to five words back, within the
        // sentence.
        let phrase_before = (i.saturating_sub(5)..i)
            .rev()
            .take_while(|&k| {
                let gap = &text[tokens[k].range.end..tokens[k + 1].range.start];
                !gap.contains(['.', ';', ':']) || abbreviation_stop(text, &tokens[k], gap)
            })
            .map(|k| tokens[k].folded);
        q.former = before.iter().rev().take(2).any(|w| *w == "from")
            || q.context.iter().any(|w| superseded(w.folded))
            || phrase_before.into_iter().any(superseded);
        let mut last = i;
        // "10 to 12", "10-12": a range of one kind.
        if let Some(to) = tokens.get(i + 1)
            && let Some(hi) = tokens.get(i + 2)
            && let (TokenKind::Number(h), true) =
                (&hi.kind, to.folded == "to" || to.folded == "and")
            && h.unit == n.unit
            && h.value > n.value
        {
            q.upper = Some(h.value);
            q.range.end = hi.range.end;
            last = i + 2;
        } else if let Some(hi) = tokens.get(i + 1)
            && matches!(gap(i, i + 1), "-" | "–" | "—")
            && let TokenKind::Number(h) = &hi.kind
            && h.value > n.value
            && h.unit == n.unit
        {
            q.upper = Some(h.value);
            q.range.end = hi.range.end;
            last = i + 1;
        }
        let following: Vec<&Token> = tokens[last + 1..].iter().take(4).collect();
        let next_word = following.first().map(|t| t.folded);
        q.kind = match q.unit {
            Some("%") => ValueType::Percent,
            Some("GBP") if !text[q.range.clone()].contains('£') => {
                // "450 pounds" is a weight more often than money in news
                // written with "£" for money.
                q.unit = Some("lb");
                ValueType::Weight
            }
            Some(_) => ValueType::Amount,
            None => ValueType::Count,
        };
        if q.kind == ValueType::Count {
            let age_after = matches!(next_word, Some("year") | Some("years"))
                && following.get(1).is_some_and(|t| t.folded == "old");
            let aged = before.last().is_some_and(|w| *w == "aged" || *w == "age");
            // "Jane Doe, 42, said": a number between commas after a name.
            let apposition = i > 0
                && tokens[i - 1].capitalised
                && text[..t.range.start].trim_end().ends_with(',')
                && text[t.range.end..].trim_start().starts_with([',', ')'])
                && q.value.fract() == 0.0
                && (1.0..120.0).contains(&q.value);
            if age_after || aged || apposition {
                q.kind = ValueType::Age;
                if apposition {
                    // Whose age: the name before the comma.
                    q.context.push(Word::of(&tokens[i - 1]));
                }
                q.unit = Some("year");
                if age_after {
                    q.range.end = following[1].range.end;
                    // Whose age: "17-year-old gorilla", "4-year-old boy".
                    let old = last
                        + 1
                        + following
                            .iter()
                            .position(|t| t.folded == "old")
                            .unwrap_or(1);
                    q.head = head(text, tokens, old);
                }
            } else if let Some((kind, unit)) = next_word.and_then(measure) {
                q.kind = kind;
                q.unit = Some(unit);
                q.range.end = following[0].range.end;
            } else if matches!(next_word, Some("pound" | "pounds")) && gap(last, last + 1) == "-" {
                // "a 400-pound gorilla": a weight, as "400 pounds" is (the
                // tokenizer reads a currency only after a space).
                q.kind = ValueType::Weight;
                q.unit = Some("lb");
                q.range.end = following[0].range.end;
            } else if q.value.fract() == 0.0
                && (1800.0..2200.0).contains(&q.value)
                && t.folded.len() == 4
            {
                q.kind = ValueType::Year;
            }
        }
        if matches!(q.kind, ValueType::Count | ValueType::Amount) {
            q.head = head(text, tokens, last);
        }
        // "since 1976", "until 2020": a bound in time, not when anything
        // happened. "Pixel 2", "Android 8.1", "Apollo 11": a number that
        // goes with the name before it is part of the name.
        let bound_in_time = q.kind == ValueType::Year
            && before
                .last()
                .is_some_and(|w| matches!(*w, "since" | "until" | "till" | "before" | "after"));
        let name_part = q.kind == ValueType::Count && i >= 2 && {
            let name = &tokens[i - 1];
            name.capitalised
                && !name.stop
                && !name.is_number()
                && !in_date(&name.range)
                && gap(i - 1, i) == " "
        };
        if !bound_in_time && !name_part {
            out.push(q);
        }
        i = last + 1;
    }
    out
}
