//! Text utilities shared by every stage: stop words, normalisation, tokens.

mod stopwords;

pub use stopwords::is_stop_word;
