//! `crossread differences`: where the outlets disagree, most important
//! first, each with who says what.

use serde::Serialize;

use crate::model::{Claim, Corpus, Difference, ValueSpan};
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
    visible(corpus.sources[source].outlet.as_deref().unwrap_or("?")).into_owned()
}

/// "5 (BBC, The Guardian) / 7 (USA Today)".
pub(super) fn who_says_what(corpus: &Corpus, d: &Difference) -> String {
    d.who_says_what(&corpus.passages)
        .into_iter()
        .map(|(text, sources)| {
            let outlets: Vec<String> = sources
                .iter()
                .map(|&s| visible(corpus.sources[s].outlet.as_deref().unwrap_or("?")).into_owned())
                .collect();
            format!("{} ({})", visible(text), outlets.join(", "))
        })
        .collect::<Vec<_>>()
        .join(" / ")
}

pub fn differences_text(corpus: &Corpus) -> String {
    let all = ranked(corpus);
    if all.is_empty() {
        return "No difference found between the versions of any claim.\n".to_owned();
    }
    let mut out = String::new();
    for (claim, d) in all {
        let mut text: String = visible(&claim.text).chars().take(100).collect();
        if claim.text.chars().count() > 100 {
            text.push('…');
        }
        out.push_str(&format!(
            "≠ {} ({}): {}\n   claim #{} ({} sources): {}\n",
            visible(&d.about),
            d.kind.as_str(),
            who_says_what(corpus, d),
            claim.id + 1,
            claim.support,
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
