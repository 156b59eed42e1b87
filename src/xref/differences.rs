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
mod tests {
    use super::*;

    fn kinds(texts: &[&str]) -> Vec<(String, Vec<String>)> {
        let members: Vec<(PassageId, usize, &str)> =
            texts.iter().enumerate().map(|(i, t)| (i, i, *t)).collect();
        differences(&members)
            .into_iter()
            .map(|d| (d.kind, d.values.into_iter().map(|v| v.text).collect()))
            .collect()
    }

    #[test]
    fn death_tolls_that_disagree() {
        let d = kinds(&[
            "Five workers were killed.",
            "Seven workers have been killed.",
        ]);
        assert_eq!(
            d,
            vec![(
                "number".to_owned(),
                vec!["Five".to_owned(), "Seven".to_owned()]
            )]
        );
    }

    #[test]
    fn tolls_in_headlines_and_sentences() {
        let d = kinds(&[
            "Blast kills five, minister points to valve",
            "Seven workers have been killed in a huge explosion",
        ]);
        assert_eq!(
            d,
            vec![(
                "number".to_owned(),
                vec!["five".to_owned(), "Seven".to_owned()]
            )]
        );
    }

    #[test]
    fn unrelated_numbers_are_no_difference() {
        assert!(
            kinds(&[
                "windows shattered up to 2 km away at 6 p.m.",
                "it hit at 6 p.m. (1700 GMT), officials said"
            ])
            .is_empty()
        );
    }

    #[test]
    fn one_member_saying_less_is_no_difference() {
        assert!(kinds(&["Five were killed and 50 injured.", "Five people died."]).is_empty());
    }

    #[test]
    fn amounts_in_different_currencies_and_values() {
        let d = kinds(&[
            "a €92 million fund",
            "a fund of 92 million euros",
            "a £92 million fund",
        ]);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].0, "number");
        assert_eq!(
            d[0].1,
            vec![
                "€92 million".to_owned(),
                "92 million euros".to_owned(),
                "£92 million".to_owned()
            ]
        );
    }

    #[test]
    fn injured_counts_written_in_words() {
        let d = kinds(&["Fifty-one people were injured.", "50 others injured"]);
        assert_eq!(d[0].1, vec!["Fifty-one".to_owned(), "50".to_owned()]);
    }

    #[test]
    fn dates_and_weekdays() {
        // Without a year, a weekday cannot contradict a date.
        assert!(
            kinds(&[
                "killed in an attack on Oct. 3",
                "killed in an attack on Thursday"
            ])
            .is_empty()
        );
        // 3 October 2024 was a Thursday: agreement, not a difference.
        assert!(
            kinds(&[
                "killed in an attack on Oct. 3, 2024",
                "killed in an attack on Thursday"
            ])
            .is_empty()
        );
        // ...and not a Friday.
        assert_eq!(
            kinds(&[
                "killed in an attack on Oct. 3, 2024",
                "killed in an attack on Friday"
            ]),
            vec![(
                "date".to_owned(),
                vec!["Oct. 3, 2024".to_owned(), "Friday".to_owned()]
            )]
        );
        // The same day with and without its year.
        assert!(
            kinds(&[
                "the price on Nov. 2, before the bid",
                "the price on Nov. 2, 2017"
            ])
            .is_empty()
        );
        // Two dates: a difference, and the day inside a date is no number.
        assert_eq!(
            kinds(&["invaded on February 24, 2022", "invaded on March 3, 2022"]),
            vec![(
                "date".to_owned(),
                vec!["February 24, 2022".to_owned(), "March 3, 2022".to_owned()]
            )]
        );
        assert_eq!(
            kinds(&["filed on Thursday", "filed on Friday"]),
            vec![(
                "date".to_owned(),
                vec!["Thursday".to_owned(), "Friday".to_owned()]
            )]
        );
    }

    #[test]
    fn rounding_and_far_apart_values_are_no_difference() {
        assert!(kinds(&["a $5 billion charge", "a $4.98 billion charge"]).is_empty());
        assert!(!kinds(&["51 people were injured", "50 people were injured"]).is_empty());
        // A price per share and a deal's value are different things, and
        // so are the trapped and the dead.
        assert!(kinds(&["the offer of $82 a share", "the offer of $121 billion"]).is_empty());
        assert!(kinds(&["five trapped in the tram", "seven dead in the tram"]).is_empty());
        assert!(
            !kinds(&[
                "2,000 signatures on the petition",
                "300,000 signatures on the petition"
            ])
            .is_empty()
        );
    }

    #[test]
    fn hedges_of_different_kinds_are_no_difference() {
        assert!(
            kinds(&[
                "the outcome would be unlikely",
                "she allegedly slapped a soldier"
            ])
            .is_empty()
        );
        assert!(!kinds(&["it was very likely", "it was highly likely"]).is_empty());
    }

    #[test]
    fn hedges_inside_quotes() {
        let d = kinds(&[
            "it was “very likely” true",
            "it was \"highly likely\" true",
            "this is also likely true",
        ]);
        assert_eq!(d[0].0, "qualifier");
        assert_eq!(
            d[0].1,
            vec![
                "very likely".to_owned(),
                "highly likely".to_owned(),
                "likely".to_owned()
            ]
        );
    }

    #[test]
    fn name_spellings() {
        let d = kinds(&["leader Kim Jong-un said", "leader Kim Jong Un said"]);
        assert_eq!(
            d,
            vec![(
                "name".to_owned(),
                vec!["Kim Jong-un".to_owned(), "Kim Jong Un".to_owned()]
            )]
        );
        let d = kinds(&["Mayor Zoë Kovačić spoke", "Mayor Zoe Kovacic spoke"]);
        assert_eq!(
            d,
            vec![(
                "name".to_owned(),
                vec![
                    "Mayor Zoë Kovačić".to_owned(),
                    "Mayor Zoe Kovacic".to_owned()
                ]
            )]
        );
        assert!(kinds(&["Minister Kim Yong-hyun said", "Minister Kim Yong-hyun told"]).is_empty());
        assert!(kinds(&["the North Korean army", "the North Korea army"]).is_empty());
        assert!(kinds(&["a U.N. team", "a UN team"]).is_empty());
        assert!(kinds(&["in Ukraine – Seoul said", "in Ukraine, Seoul said"]).is_empty());
        let d = kinds(&["crews from Penelac worked", "crews from Penelec worked"]);
        assert_eq!(
            d,
            vec![(
                "name".to_owned(),
                vec!["Penelac".to_owned(), "Penelec".to_owned()]
            )]
        );
    }
}
