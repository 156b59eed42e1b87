//! What differs between the versions of one claim: typed quantities
//! (counts, amounts, percentages, ages, distances, times of day…), dates
//! and weekdays, hedges, and spellings of names. Every value keeps its byte
//! range in its passage, so the reader underlines exactly what differs.

mod agreement;
mod clock;
mod dates;
mod direction;
mod numbers;
mod phrasing;
pub(crate) mod quantity;
mod quotes;
pub(crate) mod wording;

use std::ops::Range;

use crate::model::{Difference, DifferenceKind, DifferenceValue, PassageId, ValueSpan, ValueType};
use std::borrow::Cow;

use super::parsed::Parsed;
use crate::text::dates::{DateMention, find_dates, weekday_of_date};
use crate::text::tokens::Token;

use dates::{Dated, date_differences};
use direction::{Movement, direction_differences};
use numbers::{join, number_differences};
use phrasing::{hedge_differences, name_differences, stance_differences};
use quantity::Quantity;
use quotes::{Quotation, quote_differences};
use wording::Hedge;

/// One member of a claim: the part of a passage that joined it (all of it,
/// or a clause).
#[derive(Debug, Clone, Copy)]
pub struct Member<'a> {
    pub passage: PassageId,
    pub source: usize,
    pub text: &'a str,
    /// Where `text` starts in the passage's text.
    pub offset: usize,
    /// The whole passage's text.
    pub passage_text: &'a str,
    /// The year of the article's date, for the weekday of a date written
    /// without one.
    pub year: Option<u32>,
    /// The whole passage as the figures step read it, where it did (then
    /// it is not tokenised again).
    pub(crate) parsed: Option<&'a Parsed>,
}

/// What one member states that may differ from the others.
struct Facts<'a> {
    quantities: Cow<'a, [Quantity]>,
    /// The quantities of the rest of the passage, when the member is a
    /// clause of it (byte ranges in the passage's text).
    beyond: Vec<Quantity>,
    dates: Vec<Dated>,
    hedges: Vec<Hedge>,
    predicates: Vec<wording::Predicate>,
    movements: Vec<Movement>,
    /// (key, byte range) of capitalised runs.
    names: Vec<(String, Range<usize>)>,
    quotations: Vec<Quotation>,
}

fn facts<'a>(member: &Member<'a>) -> Facts<'a> {
    let text = member.text;
    let clause = member.offset..member.offset + text.len();
    let is_clause = text.len() < member.passage_text.len();
    // A passage the figures step read is not read again; another is read
    // here, once.
    if !is_clause {
        return match member.parsed {
            Some(parsed) => facts_of(
                member,
                &parsed.tokens,
                parsed.dates.clone(),
                Cow::Borrowed(&parsed.quantities),
                Vec::new(),
            ),
            None => {
                let Parsed {
                    tokens,
                    dates,
                    quantities,
                } = Parsed::of(text, member.year);
                facts_of(member, &tokens, dates, Cow::Owned(quantities), Vec::new())
            }
        };
    }
    let read;
    let passage = match member.parsed {
        Some(parsed) => parsed,
        None => {
            read = Parsed::of(member.passage_text, member.year);
            &read
        }
    };
    // A clause's tokens are its share of the passage's, moved to the
    // clause's offsets.
    let tokens: Vec<Token> = passage
        .tokens
        .iter()
        .filter(|t| t.range.start >= clause.start && t.range.end <= clause.end)
        .map(|t| Token {
            range: t.range.start - clause.start..t.range.end - clause.start,
            ..t.clone()
        })
        .collect();
    let mentions = find_dates(text);
    let ranges: Vec<Range<usize>> = mentions.iter().map(|d| d.range.clone()).collect();
    let quantities = quantity::quantities(text, &tokens, &ranges, member.year);
    let beyond = outside_the_clause(member, &passage.quantities);
    facts_of(member, &tokens, mentions, Cow::Owned(quantities), beyond)
}

/// The facts of a member from its tokens, dates and quantities (and those
/// of the rest of its passage, when it is a clause).
fn facts_of<'a>(
    member: &Member<'a>,
    tokens: &[Token],
    mentions: Vec<DateMention>,
    quantities: Cow<'a, [Quantity]>,
    beyond: Vec<Quantity>,
) -> Facts<'a> {
    let text = member.text;
    let dates = mentions
        .into_iter()
        .map(|m| {
            // Tokens are in text order: found by bisection, not a scan per
            // date (a text of many dates would be quadratic).
            let at = tokens.partition_point(|t| t.range.start < m.range.start);
            let context = tokens[..at]
                .iter()
                .rev()
                .chain(tokens.iter().filter(|t| t.range.start >= m.range.end))
                .filter(|t| !t.stop && !t.is_number() && t.folded.chars().count() >= 3)
                .take(6)
                .map(|t| t.key.to_string())
                .collect();
            let weekday = match (m.year.or(member.year), m.month, m.day) {
                (Some(y), Some(mo), Some(d)) => Some(weekday_of_date(y, mo, d)),
                _ => m.weekday,
            };
            let dates_noun = attributive_noun(text, tokens, &m.range);
            Dated {
                mention: m,
                weekday,
                context,
                dates_noun,
            }
        })
        .collect();
    Facts {
        quantities,
        beyond,
        dates,
        hedges: wording::hedges(text, tokens, member.passage_text, member.offset),
        predicates: wording::predicates(text, tokens),
        movements: direction::movements(text, tokens),
        names: wording::names(text, tokens),
        quotations: quotes::quotations(text, tokens),
    }
}

/// The quantities a passage states outside the clause that is `member`
/// (`whole`: the passage's, with ranges in its text).
fn outside_the_clause(member: &Member, whole: &[Quantity]) -> Vec<Quantity> {
    let clause = member.offset..member.offset + member.text.len();
    whole
        .iter()
        .filter(|q| q.range.end <= clause.start || q.range.start >= clause.end)
        .cloned()
        .collect()
}

/// The noun a date modifies when it stands between a determiner or a
/// possessive and a lower-case content word ("its Nov. 6 proposal",
/// "Broadcom's Nov. 6 proposal"). Without the determiner, the word after a
/// date may begin the clause ("On Oct. 3 police arrested…"), so it is not
/// taken.
fn attributive_noun(text: &str, tokens: &[Token], range: &Range<usize>) -> Option<String> {
    const DETERMINERS: &[&str] = &[
        "the", "a", "an", "its", "his", "her", "their", "our", "this", "that",
    ];
    let before = text[..range.start].trim_end();
    let determined = before.ends_with("'s")
        || before.ends_with("\u{2019}s")
        || tokens[..tokens.partition_point(|t| t.range.end <= range.start)]
            .last()
            .is_some_and(|t| {
                DETERMINERS.contains(&t.folded) && text[t.range.end..range.start].trim().is_empty()
            });
    if !determined {
        return None;
    }
    let next = tokens.get(tokens.partition_point(|t| t.range.start < range.end))?;
    let adjacent = text[range.end..next.range.start].chars().all(|c| c == ' ');
    (adjacent && !next.stop && !next.capitalised && !next.is_number()).then(|| next.key.to_string())
}

/// A value found in conflict: (member index, its span).
type Found = (usize, ValueSpan);

/// The differences among a claim's members, each listing every member's
/// value, in order of importance: counts, amounts and other quantities,
/// then dates and times, names, wording.
pub fn differences(members: &[Member]) -> Vec<Difference> {
    let all: Vec<Facts> = members.iter().map(facts).collect();
    let cross = |i: usize, j: usize| members[i].source != members[j].source;
    let mut out = Vec::new();
    out.extend(number_differences(members, &all, &cross));
    out.extend(date_differences(members, &all, &cross));
    out.extend(name_differences(members, &all, &cross));
    out.extend(hedge_differences(members, &all, &cross));
    out.extend(stance_differences(members, &all, &cross));
    out.extend(direction_differences(members, &all, &cross));
    // A quotation's other wording, unless a rule above already names what
    // differs there (a hedge, a name inside the quotation).
    let flagged = |v: &DifferenceValue| {
        out.iter().flat_map(|d| &d.values).any(|w| {
            w.passage == v.passage
                && w.spans
                    .iter()
                    .any(|x| v.spans.iter().any(|y| x.start < y.end && y.start < x.end))
        })
    };
    let quoted: Vec<Difference> = quote_differences(members, &all, &cross)
        .into_iter()
        .filter(|d| !d.values.iter().any(flagged))
        .collect();
    out.extend(quoted);
    out.sort_by_key(importance);
    out
}

/// How much a difference matters to a reader, lower first: counts (of the
/// dead, the injured, people), amounts of money, other quantities, dates
/// and times, names, wording.
pub fn importance(d: &Difference) -> u8 {
    let first = d.values.first().and_then(|v| v.spans.first());
    match first.map(|s| s.value_type) {
        Some(ValueType::Count) => 0,
        Some(ValueType::Amount) => 1,
        Some(
            ValueType::Date
            | ValueType::Weekday
            | ValueType::TimeOfDay
            | ValueType::Year
            | ValueType::RelativeDate,
        ) => 3,
        Some(ValueType::Name) => 4,
        Some(ValueType::Qualifier) | None => 5,
        Some(_) => 2,
    }
}

fn span(member: &Member, range: &Range<usize>, value_type: ValueType) -> ValueSpan {
    ValueSpan {
        start: member.offset + range.start,
        end: member.offset + range.end,
        value_type,
        value: None,
        upper: None,
        against: None,
        unit: None,
        date: None,
    }
}

/// Gathers found values into one difference, a value entry per member in
/// member order, each value once.
fn difference(
    kind: DifferenceKind,
    about: String,
    members: &[Member],
    mut found: Vec<Found>,
) -> Difference {
    found.sort_by_key(|(m, s)| (*m, s.start));
    found.dedup_by_key(|(m, s)| (*m, s.start));
    let mut values: Vec<DifferenceValue> = Vec::new();
    for (m, s) in found {
        let member = &members[m];
        let written = member.passage_text[s.start..s.end].to_owned();
        match values.last_mut() {
            Some(v) if v.passage == member.passage => {
                v.text.push_str(", ");
                v.text.push_str(&written);
                v.spans.push(s);
            }
            _ => values.push(DifferenceValue {
                passage: member.passage,
                text: written,
                spans: vec![s],
            }),
        }
    }
    Difference {
        kind,
        about,
        values,
    }
}

/// What puts two items of one type in conflict (see [`conflicting`]).
struct Conflict<'r, T> {
    items: for<'f> fn(&'f Facts<'f>) -> &'f [T],
    conflict: &'r dyn Fn(&T, &T) -> bool,
    agree: &'r dyn Fn(&T, &T) -> bool,
}

/// The items in conflict under `rule`, gathered into one difference of
/// `kind` about `about`, each value's span made by `span_of`; `None` when
/// nothing conflicts.
fn gathered<T>(
    members: &[Member],
    all: &[Facts],
    cross: &dyn Fn(usize, usize) -> bool,
    kind: DifferenceKind,
    about: &str,
    rule: Conflict<T>,
    span_of: &dyn Fn(&Member, &T) -> ValueSpan,
) -> Option<Difference> {
    let found: Vec<Found> = conflicting(all, cross, rule.items, rule.conflict, rule.agree)
        .into_iter()
        .map(|(m, item)| (m, span_of(&members[m], item)))
        .collect();
    (!found.is_empty()).then(|| difference(kind, about.to_owned(), members, found))
}

/// The items of members of different sources in conflict (`conflict(a,
/// b)` for `a` of one member and `b` of the other), unless either agrees
/// with an item the other member states (`agree`): one member saying more
/// is no conflict. Each with its member's index, possibly more than once.
fn conflicting<'a, T>(
    all: &'a [Facts],
    cross: &dyn Fn(usize, usize) -> bool,
    items: for<'f> fn(&'f Facts<'f>) -> &'f [T],
    conflict: &dyn Fn(&T, &T) -> bool,
    agree: &dyn Fn(&T, &T) -> bool,
) -> Vec<(usize, &'a T)> {
    let mut out = Vec::new();
    for i in 0..all.len() {
        for j in 0..all.len() {
            if i == j || !cross(i, j) {
                continue;
            }
            let (mine, theirs) = (items(&all[i]), items(&all[j]));
            for a in mine {
                for b in theirs {
                    let settled = |x: &T, others: &[T]| others.iter().any(|o| agree(o, x));
                    if conflict(a, b) && !settled(a, theirs) && !settled(b, mine) {
                        out.push((i, a));
                        out.push((j, b));
                    }
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests;
