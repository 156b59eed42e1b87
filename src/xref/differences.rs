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
    for (i, t) in tokens.iter().enumerate() {
        match &t.kind {
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
                    f.qualifiers.push(phrase.join(" "));
                }
            }
        }
    }
    f.names = names(text, &tokens);
    for d in find_dates(text) {
        let surface = text[d.range.clone()].to_owned();
        let key = d
            .iso()
            .unwrap_or_else(|| format!("weekday{}", d.weekday.unwrap_or(9)));
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
                        !b.iter().any(|f| f.key == fx.key) && !a.iter().any(|f| f.key == fy.key);
                    let same_subject = fx.context.iter().any(|w| fy.context.contains(w));
                    if unmatched && same_subject {
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
                f.dates.iter().map(|d| d.1.clone()).collect(),
            )
        })
        .collect();
    push_if_conflicting(&mut out, "date", &dated);

    let hedged: Vec<(PassageId, Vec<String>, Vec<String>)> = all
        .iter()
        .filter(|(_, f)| !f.qualifiers.is_empty())
        .map(|(id, f)| (*id, f.qualifiers.clone(), f.qualifiers.clone()))
        .collect();
    push_if_conflicting(&mut out, "qualifier", &hedged);

    out.extend(name_variants(&all, &source_of));
    out
}

fn push_if_conflicting(
    out: &mut Vec<Difference>,
    kind: &str,
    keyed: &[(PassageId, Vec<String>, Vec<String>)],
) {
    let conflicting = keyed
        .iter()
        .enumerate()
        .any(|(i, a)| keyed[i + 1..].iter().any(|b| conflict(&a.1, &b.1)));
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
        let d = kinds(&[
            "killed in an attack on Oct. 3",
            "killed in an attack on Thursday",
        ]);
        assert_eq!(
            d,
            vec![(
                "date".to_owned(),
                vec!["Oct. 3".to_owned(), "Thursday".to_owned()]
            )]
        );
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
