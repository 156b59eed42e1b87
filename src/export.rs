//! The JSON export: the whole model, in the schema documented in README.md.

use serde::Serialize;

use crate::model::{Claim, Corpus, Link, Passage, Source};

/// Bumped when a field changes meaning or disappears (additions keep it).
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Serialize)]
struct Export<'a> {
    version: u32,
    sources: &'a [Source],
    passages: &'a [Passage],
    claims: &'a [Claim],
    links: &'a [Link],
    copies: &'a [Vec<crate::model::SourceId>],
    stories: &'a [crate::stories::Story],
}

/// The model as pretty-printed JSON.
pub fn to_json(corpus: &Corpus) -> String {
    let export = Export {
        version: SCHEMA_VERSION,
        sources: &corpus.sources,
        passages: &corpus.passages,
        claims: &corpus.claims,
        links: &corpus.links,
        copies: &corpus.copies,
        stories: &corpus.stories,
    };
    // Serialising plain structs of strings and numbers cannot fail; NaN
    // scores are never produced (they are clamped in xref).
    serde_json::to_string_pretty(&export).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}
