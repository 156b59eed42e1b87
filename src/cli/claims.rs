//! `crossread claims`: what the outlets corroborate, what only one reports.

use serde::Serialize;

use crate::model::{Claim, Corpus};
use crate::text::visible;
use crate::xref::single_source;

use super::names::SourceNames;

/// "2 independent; copies of one story: A, B, C", when copies are among
/// the claim's sources.
fn independence(corpus: &Corpus, names: &SourceNames, claim: &Claim) -> String {
    if claim.independent == claim.support {
        return String::new();
    }
    let copies: Vec<String> = corpus
        .copies
        .iter()
        .map(|g| {
            g.iter()
                .filter(|s| claim.sources.contains(s))
                .map(|&s| names.of(s).to_owned())
                .collect::<Vec<_>>()
        })
        .filter(|names| names.len() >= 2)
        .map(|names| names.join(", "))
        .collect();
    format!(
        "   {} independent; copies of one story: {}\n",
        claim.independent,
        copies.join("; ")
    )
}

/// Claims, most corroborated first, with their versions and differences.
pub fn claims_text(corpus: &Corpus) -> String {
    let names = SourceNames::new(corpus);
    // Support is out of the sources of the claim's story.
    let total = |claim: &Claim| {
        corpus
            .stories
            .get(claim.story)
            .map_or(corpus.sources.len(), |s| s.sources.len())
    };
    let mut out = String::new();
    if corpus.claims.is_empty() {
        out.push_str("No claim is made by more than one source.\n");
    }
    for claim in &corpus.claims {
        out.push_str(&format!(
            "#{} reported by {} of {} sources: {}\n",
            claim.id + 1,
            claim.support,
            total(claim),
            claim
                .sources
                .iter()
                .map(|&s| names.of(s))
                .collect::<Vec<_>>()
                .join(", ")
        ));
        out.push_str(&independence(corpus, &names, claim));
        if let Some(anchor) = &claim.anchor {
            out.push_str(&format!("   {}\n", visible(&anchor.describe())));
        }
        out.push_str(&format!("   {}\n", visible(&claim.text)));
        for d in &claim.differences {
            out.push_str(&format!(
                "   ≠ {} ({}): {}\n",
                visible(&d.about),
                d.kind.as_str(),
                super::differences::who_says_what(&names, d, corpus)
            ));
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
                names.of(passage.source),
                visible(&passage.text)
            ));
        }
        out.push('\n');
    }
    out
}

/// The single-source passages, of the sources in `only` if given.
fn singles(corpus: &Corpus, only: Option<&[usize]>) -> Vec<usize> {
    single_source(corpus)
        .into_iter()
        .filter(|&p| only.is_none_or(|o| o.contains(&corpus.passages[p].source)))
        .collect()
}

/// What only one outlet reports (relative to its story), grouped by source.
pub fn single_source_text(corpus: &Corpus, only: Option<&[usize]>) -> String {
    let singles = singles(corpus, only);
    let names = SourceNames::new(corpus);
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
            names.of(source.id),
            mine.len()
        ));
        for p in mine {
            out.push_str(&format!(
                "   [{}] {}\n",
                p,
                visible(&corpus.passages[p].text)
            ));
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

pub fn single_source_json(corpus: &Corpus, only: Option<&[usize]>) -> String {
    let list: Vec<SinglePassage> = singles(corpus, only)
        .into_iter()
        .map(|p| {
            let passage = &corpus.passages[p];
            SinglePassage {
                id: p,
                source: passage.source,
                // JSON stays exact.
                outlet: corpus.sources[passage.source]
                    .outlet
                    .as_deref()
                    .unwrap_or("?"),
                text: &passage.text,
            }
        })
        .collect();
    serde_json::to_string_pretty(&serde_json::json!({ "single_source": list })).unwrap_or_default()
}
