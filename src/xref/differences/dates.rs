//! Dates and weekdays that differ between the versions of one claim.

use super::{Conflict, Facts, Member, gathered, span};
use crate::model::{Difference, DifferenceKind, ValueSpan, ValueType};
use crate::text::dates::DateMention;

/// A date or weekday, with the content words around it (what it dates).
pub(super) struct Dated {
    pub(super) mention: DateMention,
    /// The weekday it fell on, when the year is known (from the text or the
    /// article's date).
    pub(super) weekday: Option<u32>,
    pub(super) context: Vec<String>,
    /// The noun a date stands before inside a noun phrase ("Broadcom's
    /// Nov. 6 proposal", "the Oct. 3 attack"): it dates that thing only.
    pub(super) dates_noun: Option<String>,
}

/// Dates about one thing (context words in common) that name different
/// days: month and day against month and day (a missing year is no
/// conflict), weekday against weekday, and a bare weekday against the
/// weekday a date fell on when its year is known. "Thursday" and "Oct. 3"
/// agree when 3 October was a Thursday.
pub(super) fn date_differences(
    members: &[Member],
    all: &[Facts],
    cross: &dyn Fn(usize, usize) -> bool,
) -> Vec<Difference> {
    // Whether two mentions name one day; `None` when that cannot be told.
    let same_day = |a: &Dated, b: &Dated| -> Option<bool> {
        let (x, y) = (&a.mention, &b.mention);
        match ((x.month, x.day), (y.month, y.day)) {
            ((Some(mx), Some(dx)), (Some(my), Some(dy))) => {
                let years_meet = x.year.is_none() || y.year.is_none() || x.year == y.year;
                Some(years_meet && (mx, dx) == (my, dy))
            }
            _ => Some(a.weekday? == b.weekday?),
        }
    };
    let conflict = |a: &Dated, b: &Dated| {
        // A date that dates a thing ("its Nov. 6 proposal") is only set
        // against a date of that thing.
        let dates_same_thing = |x: &Dated, y: &Dated| {
            x.dates_noun
                .as_ref()
                .is_none_or(|n| y.context.contains(n) || y.dates_noun.as_ref() == Some(n))
        };
        a.context.iter().any(|w| b.context.contains(w))
            && dates_same_thing(a, b)
            && dates_same_thing(b, a)
            && same_day(a, b) == Some(false)
    };
    let rule = Conflict {
        items: |f| &f.dates,
        conflict: &conflict,
        agree: &|a, b| same_day(a, b) == Some(true),
    };
    gathered(
        members,
        all,
        cross,
        DifferenceKind::Date,
        "date",
        rule,
        &date_span,
    )
    .into_iter()
    .collect()
}

fn date_span(member: &Member, d: &Dated) -> ValueSpan {
    let kind = if d.mention.month.is_some() {
        ValueType::Date
    } else {
        ValueType::Weekday
    };
    let mut s = span(member, &d.mention.range, kind);
    s.date = d.mention.iso();
    s
}
