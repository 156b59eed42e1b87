//! `crossread claims`: what the outlets corroborate, what only one reports.

use serde::Serialize;

use crate::model::{Claim, Corpus};
use crate::xref::single_source;

fn outlet(corpus: &Corpus, source: usize) -> &str {
    corpus.sources[source].outlet.as_deref().unwrap_or("?")
}

/// Claims, most corroborated first, with their versions and differences.
pub fn claims_text(corpus: &Corpus) -> String {
    let total = corpus.sources.len();
    let mut out = String::new();
    if corpus.claims.is_empty() {
        out.push_str("No claim is made by more than one source.\n");
    }
    for claim in &corpus.claims {
        out.push_str(&format!(
            "#{} reported by {} of {} sources: {}\n",
            claim.id + 1,
            claim.support,
            total,
            claim
                .sources
                .iter()
                .map(|&s| outlet(corpus, s))
                .collect::<Vec<_>>()
                .join(", ")
        ));
        out.push_str(&format!("   {}\n", claim.text));
        for d in &claim.differences {
            let values: Vec<String> = d
                .values
                .iter()
                .map(|v| {
                    format!(
                        "{} ({})",
                        v.text,
                        outlet(corpus, corpus.passages[v.passage].source)
                    )
                })
                .collect();
            out.push_str(&format!("   ≠ {}: {}\n", d.kind, values.join(" / ")));
        }
        for &p in claim
            .passages
            .iter()
            .filter(|&&p| p != claim.representative)
        {
            let passage = &corpus.passages[p];
            out.push_str(&format!(
                "   [{}] {}: {}\n",
                p,
                outlet(corpus, passage.source),
                passage.text
            ));
        }
        out.push('\n');
    }
    out
}

/// What only one outlet reports, grouped by source.
pub fn single_source_text(corpus: &Corpus) -> String {
    let singles = single_source(corpus);
    let mut out = String::new();
    for source in &corpus.sources {
        let mine: Vec<usize> = singles
            .iter()
            .copied()
            .filter(|&p| corpus.passages[p].source == source.id)
            .collect();
        if mine.is_empty() {
            continue;
        }
        out.push_str(&format!(
            "Only in {} ({}):\n",
            outlet(corpus, source.id),
            mine.len()
        ));
        for p in mine {
            out.push_str(&format!("   [{}] {}\n", p, corpus.passages[p].text));
        }
        out.push('\n');
    }
    if out.is_empty() {
        out.push_str("Every substantive passage is corroborated by another source.\n");
    }
    out
}

#[derive(Serialize)]
struct SinglePassage<'a> {
    id: usize,
    source: usize,
    outlet: &'a str,
    text: &'a str,
}

pub fn claims_json(corpus: &Corpus) -> String {
    #[derive(Serialize)]
    struct Out<'a> {
        claims: &'a [Claim],
    }
    serde_json::to_string_pretty(&Out {
        claims: &corpus.claims,
    })
    .unwrap_or_default()
}

pub fn single_source_json(corpus: &Corpus) -> String {
    let list: Vec<SinglePassage> = single_source(corpus)
        .into_iter()
        .map(|p| {
            let passage = &corpus.passages[p];
            SinglePassage {
                id: p,
                source: passage.source,
                outlet: outlet(corpus, passage.source),
                text: &passage.text,
            }
        })
        .collect();
    serde_json::to_string_pretty(&serde_json::json!({ "single_source": list })).unwrap_or_default()
}
