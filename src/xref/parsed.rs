//! A passage read once: its tokens, dates and quantities. Finding shared
//! and disputed figures reads every passage that writes a number; the
//! differences of each claim and the evidence of each link take that
//! reading rather than tokenising the passage again (see
//! [`super::batched`]: at 1,000 generated articles the readings again
//! were ~8% of all the instructions).

use std::ops::Range;

use super::differences::quantity::{Quantity, quantities};
use crate::model::{Corpus, PassageId};
use crate::text::dates::{DateMention, find_dates};
use crate::text::fasthash::FastMap;
use crate::text::tokens::{Token, tokenize};

/// What reading a passage for its figures found.
#[derive(Debug)]
pub(crate) struct Parsed {
    pub tokens: Vec<Token>,
    pub dates: Vec<DateMention>,
    /// Every quantity of the passage (numbers inside dates left to them).
    pub quantities: Vec<Quantity>,
}

impl Parsed {
    /// Reads `text`, whose article's year is `year` (for "last year").
    pub(crate) fn of(text: &str, year: Option<u32>) -> Parsed {
        let tokens = tokenize(text);
        let dates = find_dates(text);
        let ranges: Vec<Range<usize>> = dates.iter().map(|d| d.range.clone()).collect();
        let quantities = quantities(text, &tokens, &ranges, year);
        Parsed {
            tokens,
            dates,
            quantities,
        }
    }
}

/// The year of the article of passage `p`, from its date.
pub(crate) fn year_of(corpus: &Corpus, p: PassageId) -> Option<u32> {
    let passage = &corpus.passages[p];
    corpus.sources[passage.source]
        .date
        .as_deref()
        .and_then(|d| d.get(..4)?.parse().ok())
}

/// Passages read for a batch of stories, in the engine's order (each with
/// its index in `Engine::ids`), found by passage id as well.
#[derive(Default)]
pub(crate) struct ParsedPassages {
    pub read: Vec<(usize, PassageId, Parsed)>,
    by_passage: FastMap<PassageId, usize>,
}

impl ParsedPassages {
    pub(crate) fn new(read: Vec<(usize, PassageId, Parsed)>) -> Self {
        let by_passage = read
            .iter()
            .enumerate()
            .map(|(k, (_, p, _))| (*p, k))
            .collect();
        ParsedPassages { read, by_passage }
    }

    /// What was read of passage `p`, if it was.
    pub(crate) fn get(&self, p: PassageId) -> Option<&Parsed> {
        self.by_passage.get(&p).map(|&k| &self.read[k].2)
    }
}
