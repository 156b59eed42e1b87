//! What a passage's analyses are built from: each token's term and kind,
//! without the tokens. The corpus is tokenised once, for its statistics;
//! the term lists of a story's passages are built from their drafts when
//! the story's pairs are scored, and dropped after (at 10,000 articles the
//! lists of every passage at once were ~260 MB); every unit's terms and
//! numbers are kept apart, in a [`super::UnitTerms`].

use std::ops::Range;

use super::{Analysed, LISTS, TermId, TermStats, embed};
use crate::text::tokens::{Token, TokenKind};

const STOP: u8 = 1;
const CAPITALISED: u8 = 2;
const NUMBER: u8 = 4;

/// The lists a draft is made of: for one passage as it is drafted, or for
/// every passage one after another (see [`Drafts`]).
#[derive(Debug, Default)]
pub(super) struct DraftLists {
    /// Each token's term, in text order.
    ids: Vec<TermId>,
    /// Each token's kind: stop word, capitalised, number (bits).
    flags: Vec<u8>,
    /// The value of each number token, in order.
    values: Vec<f64>,
    /// The tokens of each clause worth comparing on its own.
    clauses: Vec<Range<u32>>,
}

impl DraftLists {
    /// The draft of a passage's `tokens` (`ids`: their terms), with the
    /// token ranges of its clauses.
    pub(super) fn new(tokens: &[Token], ids: Vec<TermId>, clauses: &[Range<usize>]) -> Self {
        let mut values = Vec::new();
        let flags = tokens
            .iter()
            .map(|t| {
                let mut f = 0;
                if t.stop {
                    f |= STOP;
                }
                if t.capitalised {
                    f |= CAPITALISED;
                }
                if let TokenKind::Number(q) = &t.kind {
                    values.push(q.value);
                    f |= NUMBER;
                }
                f
            })
            .collect();
        DraftLists {
            ids,
            flags,
            values,
            // (A passage of four billion tokens would not have been read.)
            clauses: clauses
                .iter()
                .map(|r| r.start as u32..r.end as u32)
                .collect(),
        }
    }

    /// The passage's draft.
    pub(super) fn draft(&self) -> Draft<'_> {
        Draft {
            ids: &self.ids,
            flags: &self.flags,
            values: &self.values,
            clauses: &self.clauses,
        }
    }
}

/// The drafts of many passages in four flat lists (at 10,000 articles,
/// a quarter of a million passages: four allocations and a 64-byte
/// header each cost more than their tokens).
#[derive(Debug, Default)]
pub struct Drafts {
    lists: DraftLists,
    /// Where each passage's tokens, values and clauses end in the lists.
    ends: Vec<[u32; 3]>,
}

impl Drafts {
    /// Adds a passage's draft.
    pub(super) fn push(&mut self, draft: Draft) {
        let lists = &mut self.lists;
        lists.ids.extend_from_slice(draft.ids);
        lists.flags.extend_from_slice(draft.flags);
        lists.values.extend_from_slice(draft.values);
        lists.clauses.extend_from_slice(draft.clauses);
        // (Four billion tokens would not have been read.)
        self.ends.push([
            lists.ids.len() as u32,
            lists.values.len() as u32,
            lists.clauses.len() as u32,
        ]);
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Passage `i`'s draft.
    pub fn get(&self, i: usize) -> Draft<'_> {
        let start = i.checked_sub(1).map_or([0; 3], |before| self.ends[before]);
        let [tokens, values, clauses] = start.map(|k| k as usize);
        let [tokens_end, values_end, clauses_end] = self.ends[i].map(|k| k as usize);
        Draft {
            ids: &self.lists.ids[tokens..tokens_end],
            flags: &self.lists.flags[tokens..tokens_end],
            values: &self.lists.values[values..values_end],
            clauses: &self.lists.clauses[clauses..clauses_end],
        }
    }

    /// How many tokens all the drafts hold.
    pub fn tokens(&self) -> usize {
        self.lists.ids.len()
    }

    /// Frees the room the lists grew into beyond their length.
    pub(super) fn shrink_to_fit(&mut self) {
        let lists = &mut self.lists;
        lists.ids.shrink_to_fit();
        lists.flags.shrink_to_fit();
        lists.values.shrink_to_fit();
        lists.clauses.shrink_to_fit();
        self.ends.shrink_to_fit();
    }
}

/// A passage's tokens as the analysis reads them.
#[derive(Debug, Clone, Copy)]
pub struct Draft<'a> {
    ids: &'a [TermId],
    flags: &'a [u8],
    values: &'a [f64],
    clauses: &'a [Range<u32>],
}

impl<'a> Draft<'a> {
    /// How many tokens the passage has.
    pub(crate) fn tokens(&self) -> usize {
        self.ids.len()
    }

    /// How many clauses of the passage are worth comparing on their own.
    pub(crate) fn clauses(&self) -> usize {
        self.clauses.len()
    }

    /// The token ranges of the passage whole, then of each clause.
    fn spans(&self) -> impl Iterator<Item = Range<usize>> + 'a {
        std::iter::once(0..self.tokens()).chain(
            self.clauses
                .iter()
                .map(|r| r.start as usize..r.end as usize),
        )
    }

    /// Each token's term, in text order (what document frequencies count).
    pub(super) fn words(&self) -> &'a [TermId] {
        self.ids
    }

    /// The distinct content terms, sorted, of the whole and of each clause.
    pub(super) fn unit_terms(&self) -> Vec<Vec<TermId>> {
        self.spans()
            .map(|span| {
                let mut terms: Vec<TermId> = span
                    .filter(|&i| self.flags[i] & STOP == 0)
                    .map(|i| self.ids[i])
                    .collect();
                terms.sort_unstable();
                terms.dedup();
                terms
            })
            .collect()
    }

    /// The values of the numbers of the whole and of each clause.
    pub(super) fn unit_numbers(&self) -> impl Iterator<Item = &'a [f64]> + '_ {
        self.spans().map(|span| self.values_in(span))
    }

    /// The full analyses of the whole and of each clause, `terms` their
    /// distinct content terms as drafted (`stats`: the corpus's, final).
    pub(crate) fn analyse<'t>(
        &self,
        stats: &TermStats,
        terms: impl Iterator<Item = &'t [TermId]>,
    ) -> Vec<Analysed> {
        self.spans()
            .zip(terms)
            .map(|(span, terms)| {
                let mut full = self.build(span, terms, stats);
                full.embedding = embed(full.terms(), stats);
                full
            })
            .collect()
    }

    /// Values of the numbers among the tokens `span`.
    fn values_in(&self, span: Range<usize>) -> &'a [f64] {
        let count = |r: Range<usize>| self.flags[r].iter().filter(|&&f| f & NUMBER != 0).count();
        let first = count(0..span.start);
        &self.values[first..first + count(span)]
    }

    /// The term lists of the tokens `span` (no embedding), `terms` their
    /// distinct content terms, sorted (as drafted).
    fn build(&self, span: Range<usize>, terms: &[TermId], stats: &TermStats) -> Analysed {
        let mut sequence = Vec::new();
        let mut words = Vec::with_capacity(span.len());
        let mut names = Vec::new();
        for i in span.clone() {
            let (flags, id) = (self.flags[i], self.ids[i]);
            let stop = flags & STOP != 0;
            // The first word of a passage is capitalised whatever it is.
            if i > 0 && flags & CAPITALISED != 0 && !stop && flags & NUMBER == 0 {
                names.push(id);
            }
            words.push(id);
            if !stop {
                sequence.push(id);
            }
        }
        let mut trigrams: Vec<[TermId; 3]> = words.windows(3).map(|w| [w[0], w[1], w[2]]).collect();
        trigrams.sort_unstable();
        words.sort_unstable();
        names.sort_unstable();
        names.dedup();
        let mut bigrams: Vec<[TermId; 2]> = sequence.windows(2).map(|w| [w[0], w[1]]).collect();
        bigrams.sort_unstable();
        bigrams.dedup();
        let mut by_weight: Vec<TermId> = terms
            .iter()
            .copied()
            .filter(|&t| stats.vector[t as usize].is_some())
            .collect();
        stats.sort_heavier_first(&mut by_weight);
        let lists: [&[TermId]; LISTS] = [
            terms,
            bigrams.as_flattened(),
            &sequence,
            &words,
            trigrams.as_flattened(),
            &names,
            &by_weight,
        ];
        let mut all = Vec::with_capacity(lists.iter().map(|l| l.len()).sum());
        let mut ends = [0u32; LISTS];
        for (end, list) in ends.iter_mut().zip(lists) {
            all.extend_from_slice(list);
            // (A passage of four billion words would not have been read.)
            *end = all.len() as u32;
        }
        let sum = |list: &[TermId]| {
            list.iter()
                .fold((0.0, 0u32), |(f, n), &t| match stats.pair_discount(t) {
                    Some(d) => (f + d, n),
                    None => (f, n + 1),
                })
        };
        Analysed {
            discount_sums: [sum(&sequence), sum(&words), sum(terms)],
            terms_weight: terms.iter().map(|&t| stats.weight(t, 1)).sum(),
            ids: all.into_boxed_slice(),
            ends,
            numbers: self.values_in(span).into(),
            embedding: Box::default(),
        }
    }
}
