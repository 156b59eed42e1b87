//! Per-passage analysis for matching: each passage's (and clause's) term
//! lists, numbers and embedding, with the corpus term statistics
//! (`stats`) they are counted into.

mod draft;
mod stats;
mod terms;

use crate::text::tokens::{Token, TokenKind, tokenize};
use crate::text::vectors;
pub use draft::{Draft, Drafts};
pub use stats::{PRIOR_STRENGTH, TermStats};
use std::ops::Range;
pub use terms::UnitTerms;

/// Interned term id.
pub type TermId = u32;

/// Prior Zipf frequency of a number: specific values are about as rare as
/// mid-frequency words.
const NUMBER_ZIPF: f32 = 4.0;

/// One passage or clause, ready for matching (the units of a batch of
/// stories while their pairs are scored): the term lists share one
/// allocation, so that an analysis costs one header and three allocations
/// at most, not nine.
#[derive(Debug, Clone, Default)]
pub struct Analysed {
    /// The term lists one after another, in the order of [`List`].
    ids: Box<[TermId]>,
    /// Where each list ends in `ids`.
    ends: [u32; LISTS],
    numbers: Box<[f64]>,
    embedding: Box<[i8]>,
    /// The corpus discounts of the sequence's, the words' and the terms'
    /// terms (see [`Analysed::sequence_discount`]): summed over the terms
    /// that have their own, and how many are function words.
    discount_sums: [(f64, u32); 3],
    /// The terms' weights (see [`Analysed::terms_weight`]).
    terms_weight: f64,
}

/// The term lists of an analysis, in their order in [`Analysed::ids`].
#[derive(Clone, Copy)]
enum List {
    Terms,
    Bigrams,
    Sequence,
    Words,
    Trigrams,
    Names,
    ByWeight,
}
pub(crate) const LISTS: usize = 7;

impl Analysed {
    fn list(&self, list: List) -> &[TermId] {
        let k = list as usize;
        let start = if k == 0 { 0 } else { self.ends[k - 1] as usize };
        &self.ids[start..self.ends[k] as usize]
    }

    /// How many term ids each list holds, in the order of [`List`] (terms,
    /// bigrams, sequence, words, trigrams, names, by weight), and the embedding's
    /// bytes: what the analysis costs in memory, for CROSSREAD_TIMINGS.
    pub(crate) fn sizes(&self) -> [usize; LISTS + 1] {
        let mut out = [0; LISTS + 1];
        let mut start = 0;
        for (k, &end) in self.ends.iter().enumerate() {
            out[k] = end as usize - start;
            start = end as usize;
        }
        out[LISTS] = self.embedding.len();
        out
    }

    /// Distinct content terms (no stop words), sorted.
    pub fn terms(&self) -> &[TermId] {
        self.list(List::Terms)
    }

    /// Distinct pairs of consecutive content terms, sorted.
    pub fn bigrams(&self) -> &[[TermId; 2]] {
        self.list(List::Bigrams).as_chunks().0
    }

    /// Content terms in text order (for order-aware features).
    pub fn sequence(&self) -> &[TermId] {
        self.list(List::Sequence)
    }

    /// Every token's term (function words too), sorted, with repeats.
    pub fn words(&self) -> &[TermId] {
        self.list(List::Words)
    }

    /// Consecutive word triples (function words too), sorted.
    pub fn trigrams(&self) -> &[[TermId; 3]] {
        self.list(List::Trigrams).as_chunks().0
    }

    /// Capitalised content words after the first (names, mostly), distinct.
    pub fn names(&self) -> &[TermId] {
        self.list(List::Names)
    }

    /// The content terms with a word vector, heaviest first (then by id):
    /// each comparison matches the heaviest of them left unmatched by
    /// meaning, and finds them in this order without sorting.
    pub fn by_weight(&self) -> &[TermId] {
        self.list(List::ByWeight)
    }

    /// The total corpus discount of [`Analysed::sequence`]'s terms in a
    /// comparison where a function word counts `function_word` (what the
    /// pair's content similarity gives it, see
    /// `TermStats::pair_discount`). Every comparison needs it: summed
    /// once per unit, not term by term per pair.
    pub fn sequence_discount(&self, function_word: f64) -> f64 {
        self.discount(0, function_word)
    }

    /// [`Analysed::sequence_discount`] of [`Analysed::words`].
    pub fn words_discount(&self, function_word: f64) -> f64 {
        self.discount(1, function_word)
    }

    /// [`Analysed::sequence_discount`] of [`Analysed::terms`].
    pub fn terms_discount(&self, function_word: f64) -> f64 {
        self.discount(2, function_word)
    }

    fn discount(&self, list: usize, function_word: f64) -> f64 {
        let (own, function_words) = self.discount_sums[list];
        own + f64::from(function_words) * function_word
    }

    /// The terms' weights summed ([`TermStats::weight`], the unit counted
    /// out): a comparison takes the shared terms' off, rather than summing
    /// the others'.
    pub fn terms_weight(&self) -> f64 {
        self.terms_weight
    }

    /// Values of the numbers stated.
    pub fn numbers(&self) -> &[f64] {
        &self.numbers
    }

    /// Meaning of the whole: the content words' vectors averaged, each
    /// weighted by its information content (unit length, i8; empty if no
    /// word has a vector).
    pub fn embedding(&self) -> &[i8] {
        &self.embedding
    }
}

/// What the word tables say about a token.
struct Lookup {
    zipf: f32,
    vector: Option<u32>,
}

impl Lookup {
    fn of(t: &Token) -> Self {
        let zipf = match &t.kind {
            TokenKind::Number(_) => NUMBER_ZIPF,
            TokenKind::Word => t.english.zipf,
        };
        // Names and other capitalised words get no vector: "Bush" is not
        // a shrub.
        let vector = if !t.capitalised && !t.stop && !t.is_number() {
            t.english.vector
        } else {
            None
        };
        Lookup { zipf, vector }
    }
}

/// Analyses passages (in parallel) and counts document frequencies: each
/// passage whole, every list (for tests and studies of pairs).
pub fn analyse(texts: &[&str]) -> (Vec<Analysed>, TermStats) {
    use rayon::prelude::*;
    let Drafted {
        wholes,
        drafts,
        stats,
        ..
    } = draft(texts);
    let analysed = (0..drafts.len())
        .into_par_iter()
        .map(|i| {
            let whole = std::iter::once(wholes.terms(i));
            drafts.get(i).analyse(&stats, whole).swap_remove(0)
        })
        .collect();
    (analysed, stats)
}

/// The passages drafted: each passage's and each clause's terms and
/// numbers, the clauses' byte ranges, the drafts to build full analyses
/// from (see [`Draft`]), and the corpus statistics, final. Clauses are
/// listed passage by passage, as many for each as its draft has.
pub struct Drafted {
    pub wholes: UnitTerms,
    pub clauses: UnitTerms,
    /// Each clause's byte range in its passage's text.
    pub clause_bytes: Vec<Range<u32>>,
    pub drafts: Drafts,
    pub stats: TermStats,
}

/// One passage drafted: its draft, its units' terms (whole, then each
/// clause) and its clauses' byte ranges.
struct DraftedPassage {
    draft: draft::DraftLists,
    terms: Vec<Vec<TermId>>,
    clause_bytes: Vec<Range<usize>>,
}

/// Tokenises and interns the passages (in parallel) and counts document
/// frequencies; see [`Drafted`].
pub fn draft(texts: &[&str]) -> Drafted {
    use rayon::prelude::*;
    // Tokens take far more memory than drafts: a block at a time is
    // tokenised (in parallel), interned (in order, so ids do not depend on
    // threads), drafted and dropped.
    const BLOCK: usize = 4096;
    let mut stats = TermStats::default();
    let mut drafted = Drafted {
        wholes: UnitTerms::default(),
        clauses: UnitTerms::default(),
        clause_bytes: Vec::new(),
        drafts: Drafts::default(),
        stats: TermStats::default(),
    };
    let mut counted: Vec<u32> = Vec::new();
    // Interning runs on one thread: the next block is tokenised meanwhile.
    // (The tokeniser looks each word up in the word tables: interning
    // only counts.) The block before is added to the lists on that thread
    // too, after interning: alone, one thread adding while the other
    // waited, it was a fifth of the analysis at 10,000 articles.
    let tokenise = |block: &[&str]| -> Vec<Vec<Token>> {
        block.par_iter().map(|text| tokenize(text)).collect()
    };
    let blocks: Vec<&[&str]> = texts.chunks(BLOCK).collect();
    let mut next = blocks.first().map(|block| tokenise(block));
    let mut pending: Option<Vec<DraftedPassage>> = None;
    for (k, block) in blocks.iter().enumerate() {
        let tokenised = next.take().unwrap_or_default();
        let (ids, following) = rayon::join(
            || {
                let ids = stats.intern_block(&tokenised);
                if let Some(built) = pending.take() {
                    add_block(built, &mut stats, &mut drafted, &mut counted);
                }
                ids
            },
            || blocks.get(k + 1).map(|block| tokenise(block)),
        );
        next = following;
        // Each passage's tokens are dropped where it is drafted, in
        // parallel: freeing millions of words one thread at a time was a
        // tenth of the analysis at 10,000 articles.
        let built: Vec<DraftedPassage> = tokenised
            .into_par_iter()
            .zip(block.par_iter())
            .zip(ids.into_par_iter())
            .map(|((tokens, text), ids)| {
                let spans = super::clauses::clause_spans(text, &tokens);
                let clause_bytes = spans
                    .iter()
                    .map(|r| super::clauses::clause_bytes(text, &tokens, r.clone()))
                    .collect();
                let draft = draft::DraftLists::new(&tokens, ids, &spans);
                DraftedPassage {
                    terms: draft.draft().unit_terms(),
                    clause_bytes,
                    draft,
                }
            })
            .collect();
        pending = Some(built);
    }
    if let Some(built) = pending {
        add_block(built, &mut stats, &mut drafted, &mut counted);
    }
    stats.passages = drafted.drafts.len() as u32;
    stats.finish();
    drafted.stats = stats;
    drafted.wholes.shrink_to_fit();
    drafted.clauses.shrink_to_fit();
    drafted.clause_bytes.shrink_to_fit();
    drafted.drafts.shrink_to_fit();
    drafted
}

/// Adds a block's drafted passages, in order, to the lists and their
/// words to the document frequencies (`counted`: the last passage that
/// counted each term, 1 + its index, so that a passage counts a word once).
fn add_block(
    built: Vec<DraftedPassage>,
    stats: &mut TermStats,
    drafted: &mut Drafted,
    counted: &mut Vec<u32>,
) {
    for passage in built {
        let draft = passage.draft.draft();
        counted.resize(stats.df.len(), 0);
        let index = drafted.drafts.len() as u32 + 1;
        for &t in draft.words() {
            if counted[t as usize] != index {
                counted[t as usize] = index;
                stats.df[t as usize] += 1;
            }
        }
        for (u, (terms, numbers)) in passage.terms.iter().zip(draft.unit_numbers()).enumerate() {
            let units = if u == 0 {
                &mut drafted.wholes
            } else {
                &mut drafted.clauses
            };
            units.push(terms, numbers);
        }
        // (A passage of four billion bytes would not have been read.)
        drafted.clause_bytes.extend(
            passage
                .clause_bytes
                .into_iter()
                .map(|r| r.start as u32..r.end as u32),
        );
        drafted.drafts.push(draft);
    }
}

/// The weighted average of the terms' word vectors (see
/// [`Analysed::embedding`]).
fn embed(terms: &[TermId], stats: &TermStats) -> Box<[i8]> {
    let mut sum = vec![0f32; vectors::dims()];
    for &t in terms {
        if let Some(v) = stats.vector[t as usize] {
            vectors::add_scaled(&mut sum, v, stats.weight(t, 1) as f32);
        }
    }
    vectors::quantize(&sum).into_boxed_slice()
}

#[cfg(test)]
mod tests;
