//! What counts as a difference, and what does not.

use super::*;

mod dates;
mod numbers;
mod order;
mod phrasing;
mod rivals;
mod scope;

/// Each difference's kind and its values as written, one member a source.
fn kinds(texts: &[&str]) -> Vec<(String, Vec<String>)> {
    run(texts, None)
        .into_iter()
        .map(|d| {
            (
                d.kind.as_str().to_owned(),
                d.values.into_iter().map(|v| v.text).collect(),
            )
        })
        .collect()
}

/// The one difference between two one-passage members of different
/// sources (fails when there is none or more).
fn one_difference(a: &str, b: &str) -> Difference {
    let mut d = run(&[a, b], None);
    assert_eq!(d.len(), 1, "{d:?}");
    d.remove(0)
}

/// The differences of one-passage members, one a source, in articles of
/// `year` (see [`checked`]).
fn run(texts: &[&str], year: Option<u32>) -> Vec<Difference> {
    let members: Vec<Member> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| Member {
            passage: i,
            source: i,
            text: t,
            offset: 0,
            passage_text: t,
            year,
            parsed: None,
        })
        .collect();
    checked(&members)
}

/// The differences of `members`, found twice: from their text and from
/// their passages as the figures step reads them, which must agree.
fn checked(members: &[Member]) -> Vec<Difference> {
    let read: Vec<Parsed> = members
        .iter()
        .map(|m| Parsed::of(m.passage_text, m.year))
        .collect();
    let again: Vec<Member> = members
        .iter()
        .zip(&read)
        .map(|(m, r)| Member {
            parsed: Some(r),
            ..*m
        })
        .collect();
    let from_text = differences(members);
    assert_eq!(differences(&again), from_text, "read once and read again");
    from_text
}

/// The one difference of `kind` whose values are `values`, as [`kinds`]
/// lists differences.
fn only(kind: &str, values: &[&str]) -> Vec<(String, Vec<String>)> {
    vec![(
        kind.to_owned(),
        values.iter().map(|v| (*v).to_owned()).collect(),
    )]
}
