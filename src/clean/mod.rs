//! Stage 2: cleaning: paragraphs, boilerplate, captions, metadata.

mod classify;
mod furniture;
mod headings;
pub mod metadata;
mod paragraphs;
mod phrases;
mod stamps;

#[cfg(test)]
pub use classify::classify;
pub(crate) use classify::classify_with_hits;
pub(crate) use furniture::EMBED_LINKS;
pub(crate) use furniture::mark as mark_furniture;
pub use paragraphs::{Paragraph, paragraphs};
pub(crate) use phrases::{Hit, hits as phrase_hits, within as hits_within};

/// The form under which two passages of one article count as the same text.
pub fn fold_for_duplicates(text: &str) -> String {
    crate::text::fold_alnum(text)
}
