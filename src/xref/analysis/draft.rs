//! What a passage's analyses are built from: each token's term and kind,
//! without the tokens. The corpus is tokenised once, for its statistics;
//! the term lists of a story's passages are built from their drafts when
//! the story's pairs are scored, and dropped to terms after (at 10,000
//! articles the lists of every passage at once were ~260 MB).

use std::ops::Range;

use super::{Analysed, LISTS, TermId, TermStats, embed};
use crate::text::tokens::{Token, TokenKind};

const STOP: u8 = 1;
const CAPITALISED: u8 = 2;
const NUMBER: u8 = 4;

/// A passage's tokens as the analysis reads them.
#[derive(Debug, Default)]
pub struct Draft {
    /// Each token's term, in text order.
    ids: Box<[TermId]>,
    /// Each token's kind: stop word, capitalised, number (bits).
    flags: Box<[u8]>,
    /// The value of each number token, in order.
    values: Box<[f64]>,
    /// The tokens of each clause worth comparing on its own.
    clauses: Box<[Range<u32>]>,
}

impl Draft {
    /// The draft of a passage's `tokens` (`ids`: their terms), with the
    /// token ranges of its clauses.
    pub(super) fn new(tokens: &[Token], ids: Vec<TermId>, clauses: &[Range<usize>]) -> Draft {
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
        Draft {
            ids: ids.into_boxed_slice(),
            flags,
            values: values.into(),
            // (A passage of four billion tokens would not have been read.)
            clauses: clauses
                .iter()
                .map(|r| r.start as u32..r.end as u32)
                .collect(),
        }
    }

    /// How many tokens the passage has.
    pub(crate) fn tokens(&self) -> usize {
        self.ids.len()
    }

    /// The token ranges of the passage whole, then of each clause.
    fn spans(&self) -> impl Iterator<Item = Range<usize>> + '_ {
        std::iter::once(0..self.tokens()).chain(
            self.clauses
                .iter()
                .map(|r| r.start as usize..r.end as usize),
        )
    }

    /// Each token's term, in text order (what document frequencies count).
    pub(super) fn words(&self) -> &[TermId] {
        &self.ids
    }

    /// The analyses of the whole and of each clause with their terms and
    /// numbers alone (see [`Analysed::keep_terms_only`]).
    pub(super) fn terms_only(&self) -> Vec<Analysed> {
        self.spans()
            .map(|span| {
                let mut terms: Vec<TermId> = span
                    .clone()
                    .filter(|&i| self.flags[i] & STOP == 0)
                    .map(|i| self.ids[i])
                    .collect();
                terms.sort_unstable();
                terms.dedup();
                Analysed::of_terms(terms.into(), self.values_in(span).into())
            })
            .collect()
    }

    /// Completes the analyses of the whole and of each clause (`whole`,
    /// `clauses`: as [`Draft::terms_only`] made them) with every list and
    /// the embedding (`stats`: the corpus's, final).
    pub(crate) fn complete<'a>(
        &self,
        stats: &TermStats,
        units: impl Iterator<Item = &'a mut Analysed>,
    ) {
        for (span, unit) in self.spans().zip(units) {
            let mut full = self.build(span, unit.terms());
            full.embedding = embed(full.terms(), stats);
            *unit = full;
        }
    }

    /// Values of the numbers among the tokens `span`.
    fn values_in(&self, span: Range<usize>) -> &[f64] {
        let count = |r: Range<usize>| self.flags[r].iter().filter(|&&f| f & NUMBER != 0).count();
        let first = count(0..span.start);
        &self.values[first..first + count(span)]
    }

    /// The term lists of the tokens `span` (no embedding), `terms` their
    /// distinct content terms, sorted (as drafted).
    fn build(&self, span: Range<usize>, terms: &[TermId]) -> Analysed {
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
        let lists: [&[TermId]; LISTS] = [
            terms,
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
            numbers: self.values_in(span).into(),
            embedding: Box::default(),
        }
    }
}
