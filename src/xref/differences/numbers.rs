//! Number differences: quantities that members of different sources
//! state differently about one thing. A member that joined by a clause is
//! read in that clause, and beyond it only for a figure whose phrase
//! shares two words with the other member's: the other half of a sentence
//! states another claim, but "Harambe came to Cincinnati in 2015" against
//! "…was born in Texas, and was transported to the Cincinnati Zoo in 2014"
//! is one fact told two ways.

use super::quantity::{EVIDENCE, Head, Quantity, shared_words};
use super::{Facts, Member, difference, span};
use crate::model::{Difference, DifferenceKind, ValueType};

/// Whether two figures' phrases share [`EVIDENCE`] words (as the
/// disputed figures must), for one read beyond its member's clause to be
/// set against the other, and neither is a count of one or two ("one of
/// the judges": grammar more often than a figure, as the figure claims
/// hold too).
fn same_phrase(a: &Quantity, b: &Quantity) -> bool {
    let grammar = |q: &Quantity| q.kind == ValueType::Count && q.value < 3.0;
    !grammar(a) && !grammar(b) && shared_words(&a.context, &b.context) >= EVIDENCE
}

/// Member `m`'s quantity `k`: its clause's first, then those beyond it.
fn quantity<'f>(all: &'f [Facts], m: usize, k: usize) -> &'f Quantity {
    let inside = &all[m].quantities;
    match inside.get(k) {
        Some(q) => q,
        None => &all[m].beyond[k - inside.len()],
    }
}

/// Quantities that members of different sources state differently about one
/// thing: neither agrees with any comparable value of the other. Each
/// conflict is one difference, listing every member's comparable values.
pub(super) fn number_differences(
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
            let (ni, nj) = (all[i].quantities.len(), all[j].quantities.len());
            let count = |m: usize| all[m].quantities.len() + all[m].beyond.len();
            let mut rivals: Vec<(usize, usize)> = Vec::new();
            for x in 0..count(i) {
                for y in 0..count(j) {
                    let (qx, qy) = (quantity(all, i, x), quantity(all, j, y));
                    let beyond = x >= ni || y >= nj;
                    if x >= ni && y >= nj || beyond && !same_phrase(qx, qy) {
                        // Two figures beyond their clauses are two other
                        // claims' business.
                        continue;
                    }
                    // A figure read beyond its clause is settled by
                    // anything the other passage states; any figure, by
                    // the other member giving it, now or as a former value.
                    let settled = |q: &Quantity, m: usize| {
                        let further: &[Quantity] = if beyond { &all[m].beyond } else { &[] };
                        all[m].quantities.iter().chain(further).any(|o| o.knows(q))
                    };
                    if !qx.comparable(qy)
                        || settled(qx, j)
                        || settled(qy, i)
                        || parts_of(qx, qy, members[j].source, members, all)
                        || parts_of(qy, qx, members[i].source, members, all)
                    {
                        continue;
                    }
                    rivals.push((x, y));
                }
            }
            // One member's figure is set against one of the other's, the
            // closest, and that only if it is the other's closest too:
            // "600,000 Jewish people live in about 140 settlements" against
            // "430,000 Israeli settlers live among 2.6 million
            // Palestinians" is one figure each way, not four.
            let closeness =
                |x: usize, y: usize| affinity(quantity(all, i, x), x, quantity(all, j, y), y);
            for &(x, y) in &rivals {
                let best_of_x = rivals
                    .iter()
                    .filter(|r| r.0 == x)
                    .all(|r| closeness(x, r.1) <= closeness(x, y));
                let best_of_y = rivals
                    .iter()
                    .filter(|r| r.1 == y)
                    .all(|r| closeness(r.0, y) <= closeness(x, y));
                if best_of_x && best_of_y {
                    join(&mut conflicts, (i, x), (j, y));
                }
            }
        }
    }
    conflicts
        .into_iter()
        .map(|mut group| {
            // Every other member's value about the same thing, agreeing
            // or not: the one closest to the first value.
            let (m0, k0) = group[0];
            let first = quantity(all, m0, k0);
            for (m, f) in all.iter().enumerate() {
                if group.iter().any(|g| g.0 == m) {
                    continue;
                }
                let closest = f
                    .quantities
                    .iter()
                    .enumerate()
                    .filter(|(_, q)| q.comparable(first))
                    .map(|(k, q)| (affinity(first, k0, q, k), std::cmp::Reverse(k)))
                    .max();
                if let Some((_, std::cmp::Reverse(k))) = closest {
                    group.push((m, k));
                }
            }
            let heads: Vec<&Head> = group
                .iter()
                .filter_map(|&(m, k)| quantity(all, m, k).head.as_ref())
                .collect();
            let about = match &first.head {
                Some(h) if h.rate => format!("per {}", h.word.folded),
                Some(h) => h.named_with(&heads).folded.to_string(),
                None => first.kind.label().to_owned(),
            };
            let found = group
                .iter()
                .map(|&(m, k)| {
                    let q = quantity(all, m, k);
                    let mut s = span(&members[m], &q.range, q.kind);
                    if k >= all[m].quantities.len() {
                        // Read in the whole passage: its range is the
                        // passage's already.
                        s.start -= members[m].offset;
                        s.end -= members[m].offset;
                    }
                    s.value = Some(q.value);
                    s.upper = q.upper;
                    s.against = q.against;
                    s.unit = q.unit.map(str::to_owned);
                    (m, s)
                })
                .collect();
            difference(DifferenceKind::Number, about, members, found)
        })
        .collect()
}

/// How close two figures' phrases are, for pairing one member's figures
/// with another's: heads of one stem, then of one meaning, then context
/// words in common; on a tie, figures at the same place in their
/// sentences (the first with the first) are closer.
fn affinity(
    a: &Quantity,
    at_a: usize,
    b: &Quantity,
    at_b: usize,
) -> (u8, usize, std::cmp::Reverse<usize>) {
    let heads = match (&a.head, &b.head) {
        (Some(x), Some(y)) if x.same_word(y) => 2,
        (Some(x), Some(y)) if x.same_thing(y) => 1,
        _ => 0,
    };
    (
        heads,
        shared_words(&a.context, &b.context),
        std::cmp::Reverse(at_a.abs_diff(at_b)),
    )
}

/// Puts a pair of items found in conflict into the first group holding
/// either, or into a new group.
pub(super) fn join<T: PartialEq>(groups: &mut Vec<Vec<T>>, a: T, b: T) {
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
        .flat_map(|(_, f)| f.quantities.iter())
        .filter(|q| q.kind == part.kind && q.unit == part.unit && q.former == part.former)
        .map(|q| q.value)
        .collect();
    values.iter().enumerate().any(|(k, a)| {
        values[k + 1..]
            .iter()
            .any(|b| (a + b - whole.value).abs() <= 0.01 * whole.value.abs())
    })
}
