//! Stage 2: cleaning: paragraphs, boilerplate, captions, metadata.

mod classify;
mod furniture;
mod headings;
pub mod metadata;
mod paragraphs;

pub use classify::classify;
pub use furniture::mark as mark_furniture;
pub use paragraphs::{Paragraph, paragraphs};

/// The form under which two passages of one article count as the same text.
pub fn fold_for_duplicates(text: &str) -> String {
    crate::text::fold_alnum(text)
}
