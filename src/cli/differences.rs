//! `crossread differences`: where the outlets disagree, most important
//! first, each with who says what.

use serde::Serialize;

use std::collections::BTreeSet;

use super::names::SourceNames;
use crate::model::{Claim, Corpus, Difference, SourceId, ValueSpan};
use crate::text::fasthash::FastMap;
use crate::text::visible;
use crate::xref::differences::importance;

/// Every claim's differences, most important first (counts, amounts, other
/// quantities, dates and times, names, wording), then by the claim's
/// independent support.
fn ranked(corpus: &Corpus) -> Vec<(&Claim, &Difference)> {
    let mut all: Vec<(&Claim, &Difference)> = corpus
        .claims
        .iter()
        .flat_map(|c| c.differences.iter().map(move |d| (c, d)))
        .collect();
    all.sort_by_key(|(c, d)| (importance(d), std::cmp::Reverse(c.independent), c.id));
    all
}

fn outlet(corpus: &Corpus, passage: usize) -> String {
    let source = corpus.passages[passage].source;
    visible(corpus.sources[source].outlet_name()).into_owned()
}

/// "5 (BBC, The Guardian) / 7 (USA Today)".
fn said(names: &SourceNames, values: &[(&str, Vec<SourceId>)]) -> String {
    values
        .iter()
        .map(|(text, sources)| {
            let outlets: Vec<&str> = sources.iter().map(|&s| names.of(s)).collect();
            format!("{} ({})", visible(text), outlets.join(", "))
        })
        .collect::<Vec<_>>()
        .join(" / ")
}

/// "5 (BBC, The Guardian) / 7 (USA Today)", for one claim's difference.
pub(super) fn who_says_what(names: &SourceNames, d: &Difference, corpus: &Corpus) -> String {
    said(names, &d.who_says_what(&corpus.passages))
}

/// One disagreement as the list shows it: the claims it was found in
/// (two claims may hold the same pair of versions: "a four-year-old boy"
/// / "a 3-year-old boy" in the lede and again in the account of the
/// fall), and each value with every source that gives it.
struct Entry<'c> {
    difference: &'c Difference,
    claims: Vec<&'c Claim>,
    values: Vec<(&'c str, Vec<SourceId>)>,
}

impl Entry<'_> {
    /// The same disagreement: same kind and subject, the same values.
    fn key(&self) -> (&'static str, String, Vec<String>) {
        let mut values: Vec<String> = self
            .values
            .iter()
            .map(|(text, _)| text.to_lowercase())
            .collect();
        values.sort();
        (
            self.difference.kind.as_str(),
            self.difference.about.to_lowercase(),
            values,
        )
    }
}

/// The ranked differences, each disagreement once: a later claim with the
/// same values adds its claim and its sources to the first entry.
fn entries(corpus: &Corpus) -> Vec<Entry<'_>> {
    let mut out: Vec<Entry> = Vec::new();
    let mut at: FastMap<(&'static str, String, Vec<String>), usize> = FastMap::default();
    for (claim, d) in ranked(corpus) {
        let entry = Entry {
            difference: d,
            claims: vec![claim],
            values: d.who_says_what(&corpus.passages),
        };
        let key = entry.key();
        let Some(&first) = at.get(&key) else {
            at.insert(key, out.len());
            out.push(entry);
            continue;
        };
        let kept = &mut out[first];
        kept.claims.push(claim);
        for (text, sources) in entry.values {
            let folded = text.to_lowercase();
            if let Some((_, have)) = kept
                .values
                .iter_mut()
                .find(|(t, _)| t.to_lowercase() == folded)
            {
                for s in sources {
                    if !have.contains(&s) {
                        have.push(s);
                    }
                }
                have.sort_unstable();
            }
        }
    }
    out
}

pub fn differences_text(corpus: &Corpus) -> String {
    let all = entries(corpus);
    if all.is_empty() {
        return "No difference found between the versions of any claim.\n".to_owned();
    }
    let names = SourceNames::new(corpus);
    let mut out = String::new();
    for entry in all {
        let d = entry.difference;
        let first = entry.claims[0];
        let mut text: String = visible(&first.text).chars().take(100).collect();
        if first.text.chars().count() > 100 {
            text.push('…');
        }
        // The sources of its claims, as a claim's support counts them.
        let sources: BTreeSet<SourceId> = entry
            .claims
            .iter()
            .flat_map(|c| c.sources.iter().copied())
            .collect();
        let claims: Vec<String> = entry
            .claims
            .iter()
            .map(|c| format!("#{}", c.id + 1))
            .collect();
        let word = if entry.claims.len() == 1 {
            "claim"
        } else {
            "claims"
        };
        out.push_str(&format!(
            "≠ {} ({}): {}\n   {word} {} ({} sources): {}\n",
            visible(&d.about),
            d.kind.as_str(),
            said(&names, &entry.values),
            claims.join(", "),
            sources.len(),
            text
        ));
    }
    out
}

#[derive(Serialize)]
struct DifferenceRow<'a> {
    claim: usize,
    kind: &'static str,
    about: &'a str,
    values: Vec<ValueRow<'a>>,
}

#[derive(Serialize)]
struct ValueRow<'a> {
    passage: usize,
    source: usize,
    outlet: String,
    text: &'a str,
    spans: &'a [ValueSpan],
}

pub fn differences_json(corpus: &Corpus) -> String {
    let rows: Vec<DifferenceRow> = ranked(corpus)
        .into_iter()
        .map(|(claim, d)| DifferenceRow {
            claim: claim.id,
            kind: d.kind.as_str(),
            about: &d.about,
            values: d
                .values
                .iter()
                .map(|v| ValueRow {
                    passage: v.passage,
                    source: corpus.passages[v.passage].source,
                    outlet: outlet(corpus, v.passage),
                    text: &v.text,
                    spans: &v.spans,
                })
                .collect(),
        })
        .collect();
    serde_json::to_string_pretty(&rows).unwrap_or_else(|_| "[]".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_disagreement_found_in_two_claims_is_listed_once() {
        let corpus = crate::corpus::build(&crate::load::texts_for_test(&[
            "Gorilla shot at Cincinnati Zoo\n\n\
             A four-year-old boy fell into the gorilla enclosure at the Cincinnati Zoo on Saturday.\n\n\
             Keepers shot the western lowland gorilla after it dragged the four-year-old boy through the moat.\n",
            "Cincinnati Zoo kills gorilla to save boy\n\n\
             A 3-year-old boy fell into the gorilla enclosure at the Cincinnati Zoo on Saturday.\n\n\
             Keepers shot the western lowland gorilla after it dragged the 3-year-old boy through the moat.\n",
        ]));
        // Two claims, each with the ages as its difference.
        let with_ages = corpus
            .claims
            .iter()
            .filter(|c| c.differences.iter().any(|d| d.kind.as_str() == "number"))
            .count();
        assert_eq!(with_ages, 2, "{:#?}", corpus.claims);
        let text = differences_text(&corpus);
        let ages: Vec<&str> = text.lines().filter(|l| l.contains("year-old (")).collect();
        assert_eq!(ages.len(), 1, "{text}");
        // Both claims named, with the sources of the two together.
        assert!(text.contains("   claims #"), "{text}");
        assert!(text.contains(" (2 sources): "), "{text}");
    }
}
