//! Corpus term statistics: the vocabulary (terms interned to ids), each
//! term's document frequency, English prior, weight and discount.
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

use super::{Lookup, TermId};
use crate::text::fasthash::FastMap;
use crate::text::tokens::Token;
use crate::xref::respellings::Respellings;

/// How many passages' worth of evidence the English prior counts for.
pub const PRIOR_STRENGTH: f64 = 20.0;
/// Typical passage length in words, to turn a word probability into the
/// probability that a passage contains the word.
const PASSAGE_WORDS: f64 = 25.0;

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
    /// Each term's place among all terms by weight (one passage left
    /// out), heaviest first, ties by term: every unit lists its terms in
    /// that order, and sorting them by this key is cheaper than by
    /// weights.
    weight_rank: Vec<u32>,
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
    pub(super) fn intern_block(&mut self, tokenised: &[Vec<Token>]) -> Vec<Vec<TermId>> {
        // (A token's key is interned, see `text::intern`: its address
        // stands for one key for the life of the process. The map is kept
        // a block at a time only to stay small.)
        let mut seen = FastMap::default();
        tokenised
            .iter()
            .map(|tokens| {
                tokens
                    .iter()
                    .map(|t| self.intern_token(t, &Lookup::of(t), &mut seen))
                    .collect()
            })
            .collect()
    }

    /// The term of a token, interned with its English prior and (from
    /// its first lower-case occurrence) its word vector. `seen` maps the
    /// keys of the tokens of one block by address: every token of a word
    /// shares one interned key, so most tokens are found by their key's
    /// address, without hashing and comparing its text.
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
                let id = self.intern(t.key, lookup.zipf);
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
    pub(super) fn finish(&mut self) {
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
        let mut by_weight: Vec<TermId> = (0..self.names.len() as TermId).collect();
        by_weight.sort_unstable_by(|&x, &y| self.heavier_first(x, y));
        self.weight_rank = vec![0; by_weight.len()];
        for (rank, &t) in by_weight.iter().enumerate() {
            // (Terms number far fewer than four billion.)
            self.weight_rank[t as usize] = rank as u32;
        }
    }

    /// Heaviest first (weights with one passage left out), ties by term.
    fn heavier_first(&self, x: TermId, y: TermId) -> std::cmp::Ordering {
        self.weight(y, 1)
            .total_cmp(&self.weight(x, 1))
            .then(x.cmp(&y))
    }

    /// Sorts `terms` by [`TermStats::heavier_first`]. (A term counted
    /// after `finish`, which none is in a corpus's analysis, has neither
    /// weight nor rank: it goes last.)
    pub(crate) fn sort_heavier_first(&self, terms: &mut [TermId]) {
        let rank = |t: TermId| self.weight_rank.get(t as usize).copied();
        terms.sort_unstable_by_key(|&t| (rank(t).unwrap_or(u32::MAX), t));
    }

    /// [`TermStats::discount`] with two passages left out, `None` for a
    /// function word (see [`TermStats::is_function_word`]).
    /// (Read from the table inline: the comparison kernel asks it of
    /// every word.)
    #[inline]
    pub(crate) fn pair_discount(&self, term: TermId) -> Option<f64> {
        match self.pair_discounts.get(term as usize) {
            Some(d) if d.is_nan() => None,
            Some(&d) => Some(d),
            None => self.uncounted_pair_discount(term),
        }
    }

    /// [`TermStats::pair_discount`] of a term counted after `finish`
    /// (none is, in a corpus's analysis).
    #[cold]
    fn uncounted_pair_discount(&self, term: TermId) -> Option<f64> {
        (!self.is_function_word(term)).then(|| self.discount(term, 2))
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
