//! Text utilities shared by every stage: stop words, word frequencies,
//! normalisation, tokens.

pub mod dates;
mod stopwords;
pub mod tokens;
pub mod vectors;
pub mod wordfreq;

pub use stopwords::is_stop_word;
