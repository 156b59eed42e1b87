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

fn export(corpus: &Corpus) -> Export<'_> {
    Export {
        version: SCHEMA_VERSION,
        sources: &corpus.sources,
        passages: &corpus.passages,
        claims: &corpus.claims,
        links: &corpus.links,
        copies: &corpus.copies,
        stories: &corpus.stories,
    }
}

/// The model as pretty-printed JSON.
pub fn to_json(corpus: &Corpus) -> String {
    // Serialising plain structs of strings and numbers cannot fail; NaN
    // scores are never produced (they are clamped in xref).
    serde_json::to_string_pretty(&export(corpus))
        .unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}

/// [`to_json`] written to `out` as it is made, with a final line break:
/// the export of 10,000 articles is ~200 MB, which a string would hold
/// beside the model (twice, while it grows).
pub fn write_json(corpus: &Corpus, mut out: impl std::io::Write) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut out, &export(corpus))?;
    out.write_all(b"\n")?;
    out.flush()
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_streamed_export_is_the_string_export_with_a_line_break() {
        let corpus = crate::corpus::build(&crate::load::texts_for_test(&[
            "Harbour blast\n\nFour dockworkers died when a fuel tank exploded at the northern pier.\n",
            "Port explosion\n\nFour dockworkers were killed when a fuel tank blew up at the northern pier.\n",
        ]));
        assert!(!corpus.links.is_empty(), "the export has links to write");
        let mut streamed = Vec::new();
        super::write_json(&corpus, &mut streamed).expect("writing to memory");
        assert_eq!(
            String::from_utf8(streamed).expect("UTF-8"),
            super::to_json(&corpus) + "\n"
        );
    }
}
