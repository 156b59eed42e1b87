//! Times of day and relative dates as values: "10:45 p.m.", "5am", "last
//! month", "yesterday".

use std::ops::Range;

use super::quantity::Quantity;
use crate::model::ValueType;
use crate::text::tokens::Token;

pub(super) fn time_of_day(range: Range<usize>, minutes: f64) -> Quantity {
    Quantity::bare(ValueType::TimeOfDay, range, minutes)
}

/// "last month", "this week", "yesterday": a day, week, month or year
/// counted from the article's ("last year" in a 2018 article is 2017, a
/// year like any other). With the tokens it used. "Earlier this month"
/// is this month: it contradicts no date, only "last month".
pub(super) fn relative_date(
    tokens: &[Token],
    at: usize,
    year: Option<u32>,
) -> Option<(Quantity, usize)> {
    let t = &tokens[at];
    let (offset, unit, used) = match t.folded {
        "yesterday" => (-1.0, "day", 1),
        "today" => (0.0, "day", 1),
        "tomorrow" => (1.0, "day", 1),
        "last" | "this" | "next" => {
            let unit = match tokens.get(at + 1)?.folded {
                "week" => "week",
                "month" => "month",
                "year" => "year",
                _ => return None,
            };
            let offset = match t.folded {
                "last" => -1.0,
                "this" => 0.0,
                _ => 1.0,
            };
            (offset, unit, 2)
        }
        _ => return None,
    };
    let range = t.range.start..tokens[at + used - 1].range.end;
    let mut q = time_of_day(range, offset);
    q.kind = ValueType::RelativeDate;
    q.unit = Some(unit);
    if let (Some(y), "year") = (year, unit) {
        q.kind = ValueType::Year;
        q.unit = None;
        q.value = f64::from(y) + offset;
    }
    Some((q, used))
}

/// "5am", "10pm", "11.30pm" written as one word.
pub(super) fn time_word(t: &Token) -> Option<Quantity> {
    if t.is_number() {
        return None;
    }
    let w = &t.folded;
    let (digits, pm) = if let Some(d) = w.strip_suffix("am") {
        (d, false)
    } else {
        (w.strip_suffix("pm")?, true)
    };
    let (h, m) = match digits.split_once(['.', ':']) {
        Some((h, m)) => (h.parse::<f64>().ok()?, m.parse::<f64>().ok()?),
        None => (digits.parse::<f64>().ok()?, 0.0),
    };
    if !(1.0..=12.0).contains(&h) || m >= 60.0 {
        return None;
    }
    Some(time_of_day(
        t.range.clone(),
        (h % 12.0 + if pm { 12.0 } else { 0.0 }) * 60.0 + m,
    ))
}

/// "a.m." / "pm" right after a time, with where it ends.
pub(super) fn meridiem(text: &str, at: usize) -> Option<(bool, usize)> {
    let rest = text.get(at..)?;
    let trimmed = rest.trim_start();
    let skipped = rest.len() - trimmed.len();
    for (form, pm) in [
        ("a.m.", false),
        ("p.m.", true),
        ("am", false),
        ("pm", true),
        ("a.m", false),
        ("p.m", true),
    ] {
        if let (Some(head), Some(tail)) = (trimmed.get(..form.len()), trimmed.get(form.len()..))
            && head.eq_ignore_ascii_case(form)
            && !tail.starts_with(char::is_alphanumeric)
        {
            return Some((pm, at + skipped + form.len()));
        }
    }
    None
}
