//! What differs between the versions of one claim: numbers and amounts,
//! dates and weekdays, hedges and qualifiers, spellings of names.

use std::collections::BTreeMap;

use crate::model::{Difference, DifferenceValue, PassageId};
use crate::text::dates::find_dates;
use crate::text::tokens::{TokenKind, fold_word, tokenize};

use super::features::near_spelling;

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

/// A number as stated, with the content words around it (what it counts).
#[derive(Debug, Clone)]
struct Figure {
    key: String,
    value: f64,
    unit: Option<String>,
    /// What it counts, when the words right after it say ("signatures",
    /// "dead"), with "per:" for a rate ("a share", "per cent").
    head: Option<String>,
    surface: String,
    context: Vec<String>,
}

/// The nearest content words on each side of a number say what it counts.
const NUMBER_CONTEXT: usize = 3;

fn number_context(tokens: &[crate::text::tokens::Token], at: usize) -> Vec<String> {
    let content = |t: &&crate::text::tokens::Token| {
        !t.stop && !t.is_number() && t.folded.chars().count() >= 3
    };
    let before = tokens[..at]
        .iter()
        .rev()
        .filter(content)
        .take(NUMBER_CONTEXT);
    let after = tokens[at + 1..].iter().filter(content).take(NUMBER_CONTEXT);
    before.chain(after).map(|t| t.key.clone()).collect()
}

/// What one passage states that may differ from the others.
#[derive(Debug, Default)]
struct Facts {
    /// Unit class → values (value, unit) with their surface text.
    numbers: BTreeMap<&'static str, Vec<Figure>>,
    dates: Vec<(String, String)>,
    qualifiers: Vec<String>,
    /// Capitalised words: (folded key without diacritics, surface).
    names: Vec<(String, String)>,
}

fn facts(text: &str) -> Facts {
    let mut f = Facts::default();
    let tokens = tokenize(text);
    let dates = find_dates(text);
    // A number inside a date ("Nov. 6", "2017" in "Nov. 2, 2017") is part
    // of the date: dates are compared as dates.
    let in_date = |r: &std::ops::Range<usize>| {
        dates
            .iter()
            .any(|d| d.range.start <= r.start && r.end <= d.range.end)
    };
    for (i, t) in tokens.iter().enumerate() {
        match &t.kind {
            TokenKind::Number(_) if in_date(&t.range) => {}
            TokenKind::Number(q) => {
                let class = match q.unit.as_deref() {
                    Some("%") => "percent",
                    Some(u) if u.len() == 3 && u.chars().all(|c| c.is_ascii_uppercase()) => {
                        "amount"
                    }
                    Some(_) => "quantity",
                    None if q.value.fract() == 0.0
                        && (1800.0..2200.0).contains(&q.value)
                        && t.folded.len() == 4 =>
                    {
                        "year"
                    }
                    None => "count",
                };
                // Show the currency sign that precedes the figure ("€92 million").
                let start = text[..t.range.start]
                    .char_indices()
                    .next_back()
                    .filter(|&(_, c)| matches!(c, '$' | '€' | '£' | '¥' | '₩' | '₽' | '₹'))
                    .map_or(t.range.start, |(i, _)| i);
                f.numbers.entry(class).or_default().push(Figure {
                    key: t.key.clone(),
                    value: q.value,
                    unit: q.unit.clone(),
                    head: head_of(text, &tokens, i),
                    surface: text[start..t.range.end].to_owned(),
                    context: number_context(&tokens, i),
                });
            }
            TokenKind::Word => {
                if HEDGES.contains(&t.folded.as_str()) {
                    let mut start = i;
                    while start > 0 && INTENSIFIERS.contains(&tokens[start - 1].folded.as_str()) {
                        start -= 1;
                    }
                    let phrase: Vec<&str> = tokens[start..=i]
                        .iter()
                        .map(|t| t.folded.as_str())
                        .collect();
                    // How sure ("very likely") and who says so
                    // ("allegedly") are different things: compared apart.
                    let family = if ATTRIBUTIONS.contains(&t.folded.as_str()) {
                        "attribution"
                    } else {
                        "likelihood"
                    };
                    f.qualifiers.push(format!("{family}:{}", phrase.join(" ")));
                }
            }
        }
    }
    f.names = names(text, &tokens);
    for d in dates {
        let surface = text[d.range.clone()].to_owned();
        // Month and day: one outlet's "Nov. 2" is another's "Nov. 2, 2017".
        let key = match (d.month, d.day, d.weekday) {
            (Some(m), Some(day), _) => format!("md:{m:02}-{day:02}"),
            (_, _, Some(w)) => format!("wd:{w}"),
            _ => continue,
        };
        // With its year, a date has a weekday a bare weekday can meet.
        if let (Some(y), Some(m), Some(day)) = (d.year, d.month, d.day) {
            f.dates.push((
                format!("wk:{}", crate::text::dates::weekday_of_date(y, m, day)),
                String::new(),
            ));
        }
        f.dates.push((key, surface));
    }
    f.qualifiers.sort();
    f.qualifiers.dedup();
    f
}

/// Runs of capitalised words, hyphenated parts included ("Kim Jong-un",
/// "Zoë Kovačić"), keyed by their letters without diacritics, case, spaces
/// or hyphens. A lone capitalised word opening the passage is left out.
fn names(text: &str, tokens: &[crate::text::tokens::Token]) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut run: Option<(usize, usize, usize)> = None; // (first token, start, end)
    let mut flush = |run: Option<(usize, usize, usize)>, last: usize| {
        if let Some((first, start, end)) = run
            && (first > 0 || last > first)
        {
            let surface = &text[start..end];
            let key: String = fold_word(surface)
                .chars()
                .filter(|c| c.is_alphanumeric())
                .collect();
            out.push((key, surface.to_owned()));
        }
    };
    let mut last = 0;
    for (i, t) in tokens.iter().enumerate() {
        let name_word = t.capitalised && !t.stop && !t.is_number();
        let gap = run.map_or("", |(_, _, end)| &text[end..t.range.start]);
        let hyphen_joined = gap == "-";
        let spaced = !gap.is_empty() && gap.chars().all(char::is_whitespace);
        match run {
            Some((first, start, _)) if (name_word && spaced) || hyphen_joined => {
                run = Some((first, start, t.range.end));
                last = i;
            }
            _ => {
                flush(run.take(), last);
                if name_word {
                    run = Some((i, t.range.start, t.range.end));
                    last = i;
                }
            }
        }
    }
    flush(run, last);
    out
}

/// Numbers of one class that members state differently: a value one states
/// and the other does not, about the same thing (their context words meet).
/// Lists, per member, the numbers in conflict.
fn number_difference(figures: &[(PassageId, &Vec<Figure>)]) -> Option<Difference> {
    let mut involved: Vec<Vec<usize>> = vec![Vec::new(); figures.len()];
    for (i, (_, a)) in figures.iter().enumerate() {
        for (j, (_, b)) in figures.iter().enumerate().skip(i + 1) {
            for (x, fx) in a.iter().enumerate() {
                for (y, fy) in b.iter().enumerate() {
                    let unmatched =
                        !b.iter().any(|f| agree(f, fx)) && !a.iter().any(|f| agree(f, fy));
                    let same_subject = fx.context.iter().any(|w| fy.context.contains(w));
                    if unmatched && same_subject && comparable(fx, fy) {
                        involved[i].push(x);
                        involved[j].push(y);
                    }
                }
            }
        }
    }
    if involved.iter().all(Vec::is_empty) {
        return None;
    }
    let values = figures
        .iter()
        .zip(&mut involved)
        .filter(|(_, inv)| !inv.is_empty())
        .map(|((id, figs), inv)| {
            inv.sort_unstable();
            inv.dedup();
            DifferenceValue {
                passage: *id,
                text: inv
                    .iter()
                    .map(|&k| figs[k].surface.clone())
                    .collect::<Vec<_>>()
                    .join(", "),
            }
        })
        .collect();
    Some(Difference {
        kind: "number".to_owned(),
        values,
    })
}

/// Two figures that state one value: the same, or, in the same unit, one a
/// round number within 1% of the other ("$5 billion" / "$4.98 billion";
/// not 50 / 51).
fn agree(a: &Figure, b: &Figure) -> bool {
    const ROUNDING: f64 = 0.01;
    let close = (a.value - b.value).abs() <= ROUNDING * a.value.abs().max(b.value.abs());
    a.key == b.key || (a.unit == b.unit && close && (is_round(a.value) || is_round(b.value)))
}

/// The word a number qualifies, when it follows right after it ("seven
/// dead", "2,000 signatures"), marked "per:" after "a" or "per" ("$82 a
/// share"). Words for people in general ("people", "others") say nothing
/// of what is counted: no head.
fn head_of(text: &str, tokens: &[crate::text::tokens::Token], at: usize) -> Option<String> {
    const ANYONE: &[&str] = &[
        "people",
        "person",
        "persons",
        "others",
        "individuals",
        "more",
    ];
    let adjacent = |i: usize| {
        tokens.get(i).filter(|t| {
            text.get(tokens[i - 1].range.end..t.range.start)
                .is_some_and(|gap| gap.chars().all(char::is_whitespace))
        })
    };
    let next = adjacent(at + 1)?;
    if matches!(next.folded.as_str(), "a" | "an" | "per" | "each") {
        let noun = adjacent(at + 2).filter(|t| !t.stop && !t.is_number())?;
        return Some(format!("per:{}", noun.key));
    }
    (!next.stop && !next.is_number() && !ANYONE.contains(&next.folded.as_str()))
        .then(|| next.key.clone())
}

/// At most two significant digits (5 billion, 120, 2,300).
fn is_round(v: f64) -> bool {
    let v = v.abs();
    if v < 1.0 || v.fract() != 0.0 {
        return false;
    }
    let scale = 10f64.powi((v.log10().floor() as i32 - 1).max(0));
    (v / scale).fract() == 0.0
}

/// Figures that say what they count must count the same thing ("five
/// trapped" is not "seven dead"), and a rate ("$82 a share") is never set
/// against a total ("$121 billion").
fn comparable(a: &Figure, b: &Figure) -> bool {
    let rate = |f: &Figure| f.head.as_deref().is_some_and(|h| h.starts_with("per:"));
    if rate(a) != rate(b) {
        return false;
    }
    match (&a.head, &b.head) {
        (Some(x), Some(y)) => x == y,
        _ => true,
    }
}

/// Whether two sets of keys conflict: each states something the other does
/// not (one merely saying less is no conflict).
fn conflict(a: &[String], b: &[String]) -> bool {
    !a.is_empty()
        && !b.is_empty()
        && a.iter().any(|x| !b.contains(x))
        && b.iter().any(|y| !a.contains(y))
}

/// The differences among a claim's members, each listing every member's value.
/// `members` are (passage, source, text); names are compared across sources.
pub fn differences(members: &[(PassageId, usize, &str)]) -> Vec<Difference> {
    let all: Vec<(PassageId, Facts)> = members
        .iter()
        .map(|&(id, _, text)| (id, facts(text)))
        .collect();
    let source_of = |id: PassageId| {
        members
            .iter()
            .find(|m| m.0 == id)
            .map_or(usize::MAX, |m| m.1)
    };
    let mut out = Vec::new();

    let mut classes: Vec<&'static str> = all
        .iter()
        .flat_map(|(_, f)| f.numbers.keys().copied())
        .collect();
    classes.sort_unstable();
    classes.dedup();
    for class in classes {
        let figures: Vec<(PassageId, &Vec<Figure>)> = all
            .iter()
            .filter_map(|(id, f)| Some((*id, f.numbers.get(class)?)))
            .collect();
        if let Some(d) = number_difference(&figures) {
            out.push(d);
        }
    }

    let dated: Vec<(PassageId, Vec<String>, Vec<String>)> = all
        .iter()
        .filter(|(_, f)| !f.dates.is_empty())
        .map(|(id, f)| {
            (
                *id,
                f.dates.iter().map(|d| d.0.clone()).collect(),
                f.dates
                    .iter()
                    .filter(|d| !d.1.is_empty())
                    .map(|d| d.1.clone())
                    .collect(),
            )
        })
        .collect();
    // Dates against dates (month and day: a missing year is no conflict);
    // weekdays against weekdays where neither states a date; a bare weekday
    // against the weekday of a date whose year is stated.
    push_if_conflicting(&mut out, "date", &dated, &|a, b| {
        let of = |k: &[String], kind: &str| -> Vec<String> {
            k.iter()
                .filter_map(|x| x.strip_prefix(kind).map(str::to_owned))
                .collect()
        };
        let (ma, mb) = (of(a, "md:"), of(b, "md:"));
        let (wa, wb) = (of(a, "wd:"), of(b, "wd:"));
        let (ka, kb) = (of(a, "wk:"), of(b, "wk:"));
        if !ma.is_empty() && !mb.is_empty() {
            return conflict(&ma, &mb);
        }
        if ma.is_empty() && mb.is_empty() {
            return conflict(&wa, &wb);
        }
        // One states a date, the other only a weekday.
        let (dated_weekdays, weekdays) = if ma.is_empty() {
            (&kb, &wa)
        } else {
            (&ka, &wb)
        };
        !dated_weekdays.is_empty() && !weekdays.is_empty() && conflict(dated_weekdays, weekdays)
    });

    let hedged: Vec<(PassageId, Vec<String>, Vec<String>)> = all
        .iter()
        .filter(|(_, f)| !f.qualifiers.is_empty())
        .map(|(id, f)| {
            let shown = f
                .qualifiers
                .iter()
                .map(|q| q.split_once(':').map_or(q.as_str(), |x| x.1).to_owned())
                .collect();
            (*id, f.qualifiers.clone(), shown)
        })
        .collect();
    push_if_conflicting(&mut out, "qualifier", &hedged, &|a, b| {
        ["likelihood:", "attribution:"].iter().any(|family| {
            let of = |k: &[String]| -> Vec<String> {
                k.iter()
                    .filter(|x| x.starts_with(family))
                    .cloned()
                    .collect()
            };
            conflict(&of(a), &of(b))
        })
    });

    out.extend(name_variants(&all, &source_of));
    out
}

fn push_if_conflicting(
    out: &mut Vec<Difference>,
    kind: &str,
    keyed: &[(PassageId, Vec<String>, Vec<String>)],
    conflicts: &dyn Fn(&[String], &[String]) -> bool,
) {
    let conflicting = keyed
        .iter()
        .enumerate()
        .any(|(i, a)| keyed[i + 1..].iter().any(|b| conflicts(&a.1, &b.1)));
    if conflicting {
        out.push(Difference {
            kind: kind.to_owned(),
            values: keyed
                .iter()
                .map(|(id, _, surfaces)| DifferenceValue {
                    passage: *id,
                    text: surfaces.join(", "),
                })
                .collect(),
        });
    }
}

/// Names spelt differently by different members: same letters once
/// diacritics, hyphens and case are folded ("Kovačić"/"Kovacic",
/// "Jong-un"/"Jong Un"), or one letter apart ("Penelac"/"Penelec").
fn name_variants(
    all: &[(PassageId, Facts)],
    source_of: &dyn Fn(PassageId) -> usize,
) -> Vec<Difference> {
    let mut out: Vec<Difference> = Vec::new();
    let mut reported: Vec<String> = Vec::new();
    for (i, (id_a, fa)) in all.iter().enumerate() {
        for (id_b, fb) in &all[i + 1..] {
            if source_of(*id_a) == source_of(*id_b) {
                continue;
            }
            for (ka, sa) in &fa.names {
                for (kb, sb) in &fb.names {
                    // A letter changed, not added: "Penelac"/"Penelec" but not
                    // "Korea"/"Korean".
                    let respelt = ka.chars().count() == kb.chars().count() && near_spelling(ka, kb);
                    let same_name = ka == kb || respelt;
                    // "U.N." and "UN" are one spelling.
                    let undotted = |s: &str| s.replace('.', "");
                    // A dateline in capitals ("KESTREL BAY —") is a style, not a spelling.
                    let shouting = |s: &str| !s.chars().any(char::is_lowercase);
                    if !same_name
                        || undotted(sa) == undotted(sb)
                        || shouting(sa)
                        || shouting(sb)
                        || reported.contains(ka)
                        || reported.contains(kb)
                    {
                        continue;
                    }
                    reported.push(ka.clone());
                    reported.push(kb.clone());
                    out.push(Difference {
                        kind: "name".to_owned(),
                        values: vec![
                            DifferenceValue {
                                passage: *id_a,
                                text: sa.clone(),
                            },
                            DifferenceValue {
                                passage: *id_b,
                                text: sb.clone(),
                            },
                        ],
                    });
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests;
