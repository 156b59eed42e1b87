//! Stage 2: cleaning: paragraphs, boilerplate, captions, metadata.

mod paragraphs;

pub use paragraphs::{Paragraph, paragraphs};
