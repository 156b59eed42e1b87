//! What differs between the versions of one claim: typed quantities
//! (counts, amounts, percentages, ages, distances, times of day…), dates
//! and weekdays, hedges, and spellings of names. Every value keeps its byte
//! range in its passage, so the reader underlines exactly what differs.

mod agreement;
mod clock;
mod dates;
mod direction;
mod phrasing;
pub(crate) mod quantity;
mod quotes;
pub(crate) mod wording;

use std::ops::Range;

use crate::model::{Difference, DifferenceKind, DifferenceValue, PassageId, ValueSpan, ValueType};
use crate::text::dates::{find_dates, weekday_of_date};
use crate::text::tokens::{Token, tokenize};

use dates::{Dated, date_differences};
use direction::{Movement, direction_differences};
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
}

/// What one member states that may differ from the others.
struct Facts {
    quantities: Vec<Quantity>,
    dates: Vec<Dated>,
    hedges: Vec<Hedge>,
    predicates: Vec<wording::Predicate>,
    movements: Vec<Movement>,
    /// (key, byte range) of capitalised runs.
    names: Vec<(String, Range<usize>)>,
    quotations: Vec<Quotation>,
}

fn facts(member: &Member) -> Facts {
    let text = member.text;
    let tokens = tokenize(text);
    let mentions = find_dates(text);
    let ranges: Vec<Range<usize>> = mentions.iter().map(|d| d.range.clone()).collect();
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
            let dates_noun = attributive_noun(text, &tokens, &m.range);
            Dated {
                mention: m,
                weekday,
                context,
                dates_noun,
            }
        })
        .collect();
    Facts {
        quantities: quantity::quantities(text, &tokens, &ranges, member.year),
        dates,
        hedges: wording::hedges(text, &tokens, member.passage_text, member.offset),
        predicates: wording::predicates(text, &tokens),
        movements: direction::movements(text, &tokens),
        names: wording::names(text, &tokens),
        quotations: quotes::quotations(text, &tokens),
    }
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
                DETERMINERS.contains(&t.folded.as_ref())
                    && text[t.range.end..range.start].trim().is_empty()
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
        let written = member.text[s.start - member.offset..s.end - member.offset].to_owned();
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

/// Quantities that members of different sources state differently about one
/// thing: neither agrees with any comparable value of the other. Each
/// conflict is one difference, listing every member's comparable values.
fn number_differences(
    members: &[Member],
    all: &[Facts],
    cross: &dyn Fn(usize, usize) -> bool,
) -> Vec<Difference> {
    let mut conflicts: Vec<Vec<(usize, usize)>> = Vec::new();
    for i in 0..all.len() {
        for j in i + 1..all.len() {
            if !cross(i, j) {
                continue;
            }
            for (x, qx) in all[i].quantities.iter().enumerate() {
                for (y, qy) in all[j].quantities.iter().enumerate() {
                    let settled =
                        |q: &Quantity, others: &[Quantity]| others.iter().any(|o| o.restates(q));
                    if !qx.comparable(qy)
                        || settled(qx, &all[j].quantities)
                        || settled(qy, &all[i].quantities)
                        || parts_of(qx, qy, members[j].source, members, all)
                        || parts_of(qy, qx, members[i].source, members, all)
                    {
                        continue;
                    }
                    join(&mut conflicts, (i, x), (j, y));
                }
            }
        }
    }
    conflicts
        .into_iter()
        .map(|mut group| {
            // Every member's value about the same thing, agreeing or not.
            let first = &all[group[0].0].quantities[group[0].1];
            for (m, f) in all.iter().enumerate() {
                for (k, q) in f.quantities.iter().enumerate() {
                    if !group.contains(&(m, k)) && q.comparable(first) {
                        group.push((m, k));
                    }
                }
            }
            let about = match &first.head {
                Some(h) if h.rate => format!("per {}", h.word.folded),
                Some(h) => h.word.folded.to_string(),
                None => first.kind.label().to_owned(),
            };
            let found = group
                .iter()
                .map(|&(m, k)| {
                    let q = &all[m].quantities[k];
                    let mut s = span(&members[m], &q.range, q.kind);
                    s.value = Some(q.value);
                    s.upper = q.upper;
                    s.against = q.against;
                    s.unit = q.unit.clone();
                    (m, s)
                })
                .collect();
            difference(DifferenceKind::Number, about, members, found)
        })
        .collect()
}

/// Puts a pair of items found in conflict into the first group holding
/// either, or into a new group.
fn join<T: PartialEq>(groups: &mut Vec<Vec<T>>, a: T, b: T) {
    match groups.iter_mut().find(|g| g.contains(&a) || g.contains(&b)) {
        Some(g) => g.extend([a, b]),
        None => groups.push(vec![a, b]),
    }
}

/// Whether `whole` is the sum of two values of one kind that `source`
/// states beside `part` (in any of its members): "$82 a share" against
/// "$60 in cash" and "$22 in stock" is a whole and its parts, not a
/// disagreement.
fn parts_of(
    whole: &Quantity,
    part: &Quantity,
    source: usize,
    members: &[Member],
    all: &[Facts],
) -> bool {
    let values: Vec<f64> = members
        .iter()
        .zip(all)
        .filter(|(m, _)| m.source == source)
        .flat_map(|(_, f)| &f.quantities)
        .filter(|q| q.kind == part.kind && q.unit == part.unit && q.former == part.former)
        .map(|q| q.value)
        .collect();
    values.iter().enumerate().any(|(k, a)| {
        values[k + 1..]
            .iter()
            .any(|b| (a + b - whole.value).abs() <= 0.01 * whole.value.abs())
    })
}

/// What puts two items of one type in conflict (see [`conflicting`]).
struct Conflict<'r, T> {
    items: fn(&Facts) -> &[T],
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
    items: fn(&Facts) -> &[T],
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
