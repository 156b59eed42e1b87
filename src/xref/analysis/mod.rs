//! Per-passage analysis for matching, and corpus term statistics.
//!
//! Term weights combine two sources of evidence about how common a term is:
//! corpus-independent English frequencies (wordfreq) as a prior, and the
//! corpus's own document frequencies. A term's probability of occurring in a
//! passage is estimated as `(df + m·q) / (N + m)`: `q` is the prior from
//! English frequency, `m` its strength in pseudo-passages, `df` and `N` count
//! the *other* passages of the corpus (the two passages being compared are
//! left out). With two one-sentence articles the prior alone decides; in a
//! corpus about one event, words every passage uses ("north", "korea") weigh
//! little even though English text rarely uses them. The weight is the
//! information content `-ln p`.

use super::respellings::Respellings;
use crate::text::fasthash::FastMap;
use crate::text::tokens::{Token, TokenKind, tokenize};
use crate::text::vectors;

/// Interned term id.
pub type TermId = u32;

/// How many passages' worth of evidence the English prior counts for.
pub const PRIOR_STRENGTH: f64 = 20.0;
/// Typical passage length in words, to turn a word probability into the
/// probability that a passage contains the word.
const PASSAGE_WORDS: f64 = 25.0;
/// Prior Zipf frequency of a number: specific values are about as rare as
/// mid-frequency words.
const NUMBER_ZIPF: f32 = 4.0;

/// One passage, ready for matching. A corpus keeps an analysis for every
/// passage and clause (half a million at 10,000 articles): the term lists
/// share one allocation, so that an analysis costs one header and three
/// allocations at most, not eight.
#[derive(Debug, Clone, Default)]
pub struct Analysed {
    /// The term lists one after another, in the order of [`List`].
    ids: Box<[TermId]>,
    /// Where each list ends in `ids`.
    ends: [u32; LISTS],
    numbers: Box<[f64]>,
    embedding: Box<[i8]>,
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
}
pub(crate) const LISTS: usize = 6;

impl Analysed {
    fn list(&self, list: List) -> &[TermId] {
        let k = list as usize;
        let start = if k == 0 { 0 } else { self.ends[k - 1] as usize };
        &self.ids[start..self.ends[k] as usize]
    }

    /// How many term ids each list holds, in the order of [`List`] (terms,
    /// bigrams, sequence, words, trigrams, names), and the embedding's
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

    /// Keeps the terms alone (see [`super::Engine::keep_terms_only`]).
    pub(crate) fn keep_terms_only(&mut self) {
        let terms: Box<[TermId]> = self.terms().into();
        *self = Analysed {
            ends: [terms.len() as u32; LISTS],
            ids: terms,
            // Which passages write a number: the figures' claims
            // tokenise only those.
            numbers: std::mem::take(&mut self.numbers),
            ..Analysed::default()
        };
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

/// The corpus vocabulary with document frequencies and priors.
#[derive(Debug, Clone, Default)]
pub struct TermStats {
    ids: FastMap<String, TermId>,
    pub names: Vec<String>,
    pub df: Vec<u32>,
    /// Prior probability that a passage contains the term.
    pub prior: Vec<f64>,
    /// Highest English Zipf frequency of the words behind each term.
    zipf: Vec<f32>,
    /// Number of analysed passages.
    pub passages: u32,
    /// Values precomputed by `finish` (weights with 1 or 2 passages left out).
    cached: Vec<Cached>,
    /// Each term's discount with two passages left out, NaN for a function
    /// word: what every comparison asks of every word, in one flat list.
    pair_discounts: Vec<f64>,
    /// Word vector of each term, from its first lower-case occurrence
    /// (names and other capitalised-only words get none).
    pub vector: Vec<Option<u32>>,
    /// Each term's near-identical spellings (see [`Respellings`]).
    respellings: Respellings,
}

impl TermStats {
    fn intern(&mut self, key: &str, zipf: f32) -> TermId {
        if let Some(&id) = self.ids.get(key) {
            // A stem stands for several words: keep the most frequent's
            // frequency (the prior is computed from it by `finish`).
            let z = &mut self.zipf[id as usize];
            *z = z.max(zipf);
            return id;
        }
        let id = self.names.len() as TermId;
        self.ids.insert(key.to_owned(), id);
        self.names.push(key.to_owned());
        self.df.push(0);
        self.zipf.push(zipf);
        self.vector.push(None);
        id
    }

    /// The terms of a block's tokens, passage by passage.
    fn intern_block(&mut self, looked_up: &[(Vec<Token>, Vec<Lookup>)]) -> Vec<Vec<TermId>> {
        // (Every token of the block is alive until the block is analysed:
        // an address stands for one key all that time.)
        let mut seen = FastMap::default();
        looked_up
            .iter()
            .map(|(tokens, lookups)| {
                tokens
                    .iter()
                    .zip(lookups)
                    .map(|(t, l)| self.intern_token(t, l, &mut seen))
                    .collect()
            })
            .collect()
    }

    /// The term of a token, interned with its English prior and (from
    /// its first lower-case occurrence) its word vector. `seen` maps the
    /// keys of the tokens of one block (alive while it is interned) by
    /// address: the tokens of a word a thread has read share one key, so
    /// most tokens are found by their key's address, without hashing and
    /// comparing its text.
    fn intern_token(
        &mut self,
        t: &Token,
        lookup: &Lookup,
        seen: &mut FastMap<usize, TermId>,
    ) -> TermId {
        let address = t.key.as_ptr() as usize;
        let id = match seen.get(&address) {
            Some(&id) => {
                let z = &mut self.zipf[id as usize];
                *z = z.max(lookup.zipf);
                id
            }
            None => {
                let id = self.intern(&t.key, lookup.zipf);
                seen.insert(address, id);
                id
            }
        };
        if self.vector[id as usize].is_none() {
            self.vector[id as usize] = lookup.vector;
        }
        id
    }

    pub fn id(&self, key: &str) -> Option<TermId> {
        self.ids.get(key).copied()
    }

    /// Weight of a term, leaving `excluded` passages (those being compared,
    /// which contain it) out of the counts. Precomputed for 1 and 2.
    #[inline]
    pub fn weight(&self, term: TermId, excluded: u32) -> f64 {
        match (excluded, self.cached.get(term as usize)) {
            (1, Some(c)) => c.weight[0],
            (2, Some(c)) => c.weight[1],
            _ => self.compute_weight(term, excluded),
        }
    }

    // Cold: comparisons, which ask for weights millions of times, find
    // them precomputed (this runs twice a term, in `finish`); marked so,
    // `weight` is inlined into the comparison kernel.
    #[cold]
    fn compute_weight(&self, term: TermId, excluded: u32) -> f64 {
        let t = term as usize;
        let df = self.df[t].saturating_sub(excluded) as f64;
        let n = self.passages.saturating_sub(2) as f64;
        let q = self.prior[t];
        // The corpus can show that a term is more common here than in
        // English at large, not that it is rarer: a word absent from the rest
        // of a small corpus keeps its English weight.
        let p = ((df + PRIOR_STRENGTH * q) / (n + PRIOR_STRENGTH)).max(q);
        (-p.clamp(1e-12, 1.0).ln()).max(0.0)
    }
}

impl TermStats {
    /// How much of a term's English weight the corpus leaves it, in [0, 1]:
    /// 1 where the corpus says nothing new (always, for two one-passage
    /// articles), near 0 for a word most passages of the corpus use. Counts
    /// and overlaps that are not weighted are discounted by it, so that the
    /// topic words of a corpus do not make every pair look alike.
    pub fn discount(&self, term: TermId, excluded: u32) -> f64 {
        match (excluded, self.cached.get(term as usize)) {
            (1, Some(c)) => c.discount[0],
            (2, Some(c)) => c.discount[1],
            _ => self.compute_discount(term, excluded),
        }
    }

    fn compute_discount(&self, term: TermId, excluded: u32) -> f64 {
        if self.is_function_word(term) {
            return 1.0;
        }
        let english = -self.prior[term as usize].clamp(1e-12, 1.0).ln();
        (self.compute_weight(term, excluded) / english).clamp(0.0, 1.0)
    }

    /// Computes the per-term values comparisons use over and over.
    fn finish(&mut self) {
        self.prior = self.zipf.iter().map(|&z| passage_prior(z)).collect();
        self.cached = (0..self.names.len() as TermId)
            .map(|t| Cached {
                weight: [self.compute_weight(t, 1), self.compute_weight(t, 2)],
                discount: [self.compute_discount(t, 1), self.compute_discount(t, 2)],
                function_word: -self.prior[t as usize].clamp(1e-12, 1.0).ln()
                    < MIN_DISCOUNTED_WEIGHT,
            })
            .collect();
        self.pair_discounts = self
            .cached
            .iter()
            .map(|c| {
                if c.function_word {
                    f64::NAN
                } else {
                    c.discount[1]
                }
            })
            .collect();
        self.respellings = Respellings::new(&self.names);
    }

    /// [`TermStats::discount`] with two passages left out, `None` for a
    /// function word (see [`TermStats::is_function_word`]).
    #[inline]
    pub(crate) fn pair_discount(&self, term: TermId) -> Option<f64> {
        match self.pair_discounts.get(term as usize) {
            Some(d) if d.is_nan() => None,
            Some(&d) => Some(d),
            None => (!self.is_function_word(term)).then(|| self.discount(term, 2)),
        }
    }

    /// [`TermStats::pair_discount`] of every term counted, NaN for a
    /// function word (the comparison kernel reads it for every word).
    #[inline]
    pub(crate) fn pair_discounts(&self) -> &[f64] {
        &self.pair_discounts
    }

    /// The near-identical spellings of a term, sorted by id.
    pub(crate) fn respellings(&self, term: TermId) -> &[TermId] {
        self.respellings.of(term, &self.names)
    }
}

/// Per-term values computed once the corpus is counted.
#[derive(Debug, Clone, Copy, Default)]
pub struct Cached {
    weight: [f64; 2],
    discount: [f64; 2],
    function_word: bool,
}

impl TermStats {
    /// Words so common in English that they carry no content ("the", "to").
    pub fn is_function_word(&self, term: TermId) -> bool {
        if let Some(c) = self.cached.get(term as usize) {
            return c.function_word;
        }
        -self.prior[term as usize].clamp(1e-12, 1.0).ln() < MIN_DISCOUNTED_WEIGHT
    }
}

/// Function words have almost no English weight: they are never discounted.
const MIN_DISCOUNTED_WEIGHT: f64 = 0.5;

fn passage_prior(zipf: f32) -> f64 {
    let per_word = 10f64.powf(zipf as f64 - 9.0);
    1.0 - (-PASSAGE_WORDS * per_word).exp()
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

/// A clause of a passage (see [`super::clauses`]), analysed like a passage.
#[derive(Debug, Clone, Default)]
pub struct Clause {
    /// Byte range in the passage text.
    pub bytes: std::ops::Range<usize>,
    pub analysed: Analysed,
}

/// Analyses passages (in parallel) and counts document frequencies.
pub fn analyse(texts: &[&str]) -> (Vec<Analysed>, TermStats) {
    let (analysed, _, stats) = analyse_with_clauses(texts);
    (analysed, stats)
}

/// [`analyse`], with the clauses of each passage analysed too (they share
/// the passages' statistics: a clause is not a document of its own).
pub fn analyse_with_clauses(texts: &[&str]) -> (Vec<Analysed>, Vec<Vec<Clause>>, TermStats) {
    use rayon::prelude::*;
    // Tokens take far more memory than analyses: a block at a time is
    // tokenised (in parallel), interned (in order, so ids do not depend on
    // threads), analysed and dropped.
    const BLOCK: usize = 4096;
    let mut stats = TermStats::default();
    let mut analysed = Vec::with_capacity(texts.len());
    let mut clauses = Vec::with_capacity(texts.len());
    // Interning runs on one thread: the next block is tokenised meanwhile.
    let tokenise = |block: &[&str]| -> Vec<(Vec<Token>, Vec<Lookup>)> {
        // Table lookups are done in parallel too: interning only counts.
        block
            .par_iter()
            .map(|text| {
                let tokens = tokenize(text);
                let lookups = tokens.iter().map(Lookup::of).collect();
                (tokens, lookups)
            })
            .collect()
    };
    let blocks: Vec<&[&str]> = texts.chunks(BLOCK).collect();
    let mut next = blocks.first().map(|block| tokenise(block));
    for (k, block) in blocks.iter().enumerate() {
        let looked_up = next.take().unwrap_or_default();
        let (ids, following) = rayon::join(
            || stats.intern_block(&looked_up),
            || blocks.get(k + 1).map(|block| tokenise(block)),
        );
        next = following;
        // Each passage's tokens are dropped where it is analysed, in
        // parallel: freeing millions of words one thread at a time was a
        // tenth of the analysis at 10,000 articles.
        let built: Vec<(Analysed, Vec<Clause>)> = looked_up
            .into_par_iter()
            .zip(block.par_iter())
            .zip(ids.par_iter())
            .map(|(((tokens, _), text), ids)| {
                let whole = build(&tokens, ids, 0..tokens.len());
                let parts = super::clauses::clause_spans(text, &tokens)
                    .into_iter()
                    .map(|r| Clause {
                        bytes: super::clauses::clause_bytes(text, &tokens, r.clone()),
                        analysed: build(&tokens, ids, r),
                    })
                    .collect();
                (whole, parts)
            })
            .collect();
        for (whole, parts) in built {
            // `words` is sorted: each distinct word once.
            let mut previous = None;
            for &t in whole.words() {
                if previous != Some(t) {
                    stats.df[t as usize] += 1;
                }
                previous = Some(t);
            }
            analysed.push(whole);
            clauses.push(parts);
        }
    }
    stats.passages = analysed.len() as u32;
    stats.finish();
    analysed
        .par_iter_mut()
        .for_each(|a| a.embedding = embed(a.terms(), &stats));
    clauses.par_iter_mut().for_each(|list: &mut Vec<Clause>| {
        for c in list {
            c.analysed.embedding = embed(c.analysed.terms(), &stats);
        }
    });
    (analysed, clauses, stats)
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

/// The analysis of the tokens `span` of a passage (`ids` are the tokens'
/// terms).
fn build(tokens: &[Token], ids: &[TermId], span: std::ops::Range<usize>) -> Analysed {
    let mut sequence = Vec::new();
    let mut words = Vec::with_capacity(span.len());
    let mut numbers = Vec::new();
    let mut names = Vec::new();
    for i in span {
        let (t, id) = (&tokens[i], ids[i]);
        if let TokenKind::Number(q) = &t.kind {
            numbers.push(q.value);
        }
        // The first word of a passage is capitalised whatever it is.
        if i > 0 && t.capitalised && !t.stop && !t.is_number() {
            names.push(id);
        }
        words.push(id);
        if !t.stop {
            sequence.push(id);
        }
    }
    let mut terms = sequence.clone();
    terms.sort_unstable();
    terms.dedup();
    let mut trigrams: Vec<[TermId; 3]> = words.windows(3).map(|w| [w[0], w[1], w[2]]).collect();
    trigrams.sort_unstable();
    words.sort_unstable();
    names.sort_unstable();
    names.dedup();
    let mut bigrams: Vec<[TermId; 2]> = sequence.windows(2).map(|w| [w[0], w[1]]).collect();
    bigrams.sort_unstable();
    bigrams.dedup();
    let lists: [&[TermId]; LISTS] = [
        &terms,
        bigrams.as_flattened(),
        &sequence,
        &words,
        trigrams.as_flattened(),
        &names,
    ];
    let mut all = Vec::with_capacity(lists.iter().map(|l| l.len()).sum());
    let mut ends = [0u32; LISTS];
    for (end, list) in ends.iter_mut().zip(lists) {
        all.extend_from_slice(list);
        // (A passage of four billion words would not have been read.)
        *end = all.len() as u32;
    }
    Analysed {
        ids: all.into_boxed_slice(),
        ends,
        numbers: numbers.into_boxed_slice(),
        embedding: Box::default(),
    }
}

#[cfg(test)]
mod tests;
