//! Differences of phrasing between a claim's members: names spelt two
//! ways, hedges graded differently, a predicate negated or hedged by one
//! and stated plainly by another.

use super::wording::{Hedge, Predicate, Stance, respelt};
use super::{Conflict, Facts, Member, difference, gathered, span};
use crate::model::{Difference, DifferenceKind, ValueType};

/// Names spelt differently by members of different sources.
pub(super) fn name_differences(
    members: &[Member],
    all: &[Facts],
    cross: &dyn Fn(usize, usize) -> bool,
) -> Vec<Difference> {
    let mut out: Vec<Difference> = Vec::new();
    let mut reported: Vec<String> = Vec::new();
    for i in 0..all.len() {
        for j in i + 1..all.len() {
            if !cross(i, j) {
                continue;
            }
            for (ka, ra) in &all[i].names {
                for (kb, rb) in &all[j].names {
                    let (a, b) = (&members[i].text[ra.clone()], &members[j].text[rb.clone()]);
                    if reported.contains(ka) || reported.contains(kb) || !respelt(ka, a, kb, b) {
                        continue;
                    }
                    reported.extend([ka.clone(), kb.clone()]);
                    let found = vec![
                        (i, span(&members[i], ra, ValueType::Name)),
                        (j, span(&members[j], rb, ValueType::Name)),
                    ];
                    out.push(difference(
                        DifferenceKind::Name,
                        "name".to_owned(),
                        members,
                        found,
                    ));
                }
            }
        }
    }
    out
}

/// Hedges of one family about one thing, graded differently.
pub(super) fn hedge_differences(
    members: &[Member],
    all: &[Facts],
    cross: &dyn Fn(usize, usize) -> bool,
) -> Vec<Difference> {
    let span_of = |m: &Member, h: &Hedge| span(m, &h.range, ValueType::Qualifier);
    ["likelihood", "attribution"]
        .into_iter()
        .filter_map(|family| {
            let rule = Conflict {
                items: |f| &f.hedges,
                conflict: &|a: &Hedge, b: &Hedge| {
                    a.family == family && a.comparable(b) && a.phrase != b.phrase
                },
                agree: &|a, b| a.comparable(b) && a.phrase == b.phrase,
            };
            gathered(
                members,
                all,
                cross,
                DifferenceKind::Qualifier,
                family,
                rule,
                &span_of,
            )
        })
        .collect()
}

/// One predicate stated plainly by one member and negated or hedged by a
/// modal in another ("was faulty" / "might be faulty", "was arrested" /
/// "was not arrested").
pub(super) fn stance_differences(
    members: &[Member],
    all: &[Facts],
    cross: &dyn Fn(usize, usize) -> bool,
) -> Vec<Difference> {
    let span_of = |m: &Member, p: &Predicate| span(m, &p.range, ValueType::Qualifier);
    [("negation", Stance::Negated), ("certainty", Stance::Modal)]
        .into_iter()
        .filter_map(|(about, stance)| {
            let rule = Conflict {
                items: |f| &f.predicates,
                conflict: &|a: &Predicate, b: &Predicate| {
                    a.stance == stance && b.stance == Stance::Plain && a.key == b.key
                },
                agree: &|a, b| a.key == b.key && a.stance == b.stance,
            };
            gathered(
                members,
                all,
                cross,
                DifferenceKind::Qualifier,
                about,
                rule,
                &span_of,
            )
        })
        .collect()
}
