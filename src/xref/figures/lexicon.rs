//! The words of one group of figure phrases, each numbered once, with
//! whether two of them name one thing ([`Word::same_thing`]) decided once
//! a pair. Finding a story's disputed figures compares every pair of
//! phrases of one type and unit, again and again the same few words:
//! at 1,000 generated articles those comparisons were 3.6% of all the
//! instructions, two thirds of them word vectors' dot products. Deciding
//! each pair of words once took 1.2% off the whole (callgrind, one
//! thread: 10.607 G -> 10.475 G); the rest is the phrases' many pairs.

use std::cell::Cell;

use crate::text::fasthash::FastMap;
use crate::xref::differences::quantity::Word;

/// Above this many distinct words the pairs are not kept (the table
/// would pass 16 MB): each is decided when asked, as before.
const MAX_KEPT: usize = 4096;

const UNKNOWN: u8 = 0;
const DIFFERENT: u8 = 1;
const SAME: u8 = 2;

pub(super) struct Lexicon<'w> {
    words: Vec<&'w Word>,
    /// `words.len()` squared decisions (row-major), or none when too many.
    decided: Option<Vec<Cell<u8>>>,
}

impl<'w> Lexicon<'w> {
    /// Numbers the words of `phrases` (by their written form, which
    /// gives their stem and vector) and returns each phrase as numbers.
    pub(super) fn new(phrases: &[Vec<&'w Word>]) -> (Lexicon<'w>, Vec<Vec<u32>>) {
        let mut words: Vec<&'w Word> = Vec::new();
        let mut number: FastMap<&'w str, u32> = FastMap::default();
        let numbered = phrases
            .iter()
            .map(|phrase| {
                phrase
                    .iter()
                    .map(|&w| {
                        *number.entry(w.folded).or_insert_with(|| {
                            words.push(w);
                            words.len() as u32 - 1
                        })
                    })
                    .collect()
            })
            .collect();
        let n = words.len();
        let decided = (n <= MAX_KEPT).then(|| vec![Cell::new(UNKNOWN); n * n]);
        (Lexicon { words, decided }, numbered)
    }

    /// The word numbered `id`.
    pub(super) fn word(&self, id: u32) -> &'w Word {
        self.words[id as usize]
    }

    fn same_thing(&self, a: u32, b: u32) -> bool {
        if a == b {
            return true;
        }
        let (x, y) = (self.words[a as usize], self.words[b as usize]);
        let Some(decided) = &self.decided else {
            return x.same_thing(y);
        };
        let cell = &decided[a as usize * self.words.len() + b as usize];
        match cell.get() {
            SAME => true,
            DIFFERENT => false,
            _ => {
                let same = x.same_thing(y);
                cell.set(if same { SAME } else { DIFFERENT });
                same
            }
        }
    }

    /// [`shared_words`](crate::xref::differences::quantity::shared_words)
    /// of two numbered phrases: how many words of `x` a word of `y`
    /// matches.
    pub(super) fn shared(&self, x: &[u32], y: &[u32]) -> usize {
        x.iter()
            .filter(|&&a| y.iter().any(|&b| self.same_thing(a, b)))
            .count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::xref::differences::quantity::shared_words;

    fn words(text: &str) -> Vec<Word> {
        crate::text::tokens::tokenize(text)
            .iter()
            .map(Word::of)
            .collect()
    }

    #[test]
    fn numbered_phrases_share_what_their_words_share() {
        let a = words("killed people injured hospital killed");
        let b = words("died victims hurt hospital");
        let c = words("shares fell percent");
        let phrases: Vec<Vec<&Word>> = [&a, &b, &c].iter().map(|p| p.iter().collect()).collect();
        let (lexicon, numbered) = Lexicon::new(&phrases);
        // One number a word: "killed" twice in one phrase, "hospital" in two.
        assert_eq!(numbered[0][0], numbered[0][4]);
        assert_eq!(numbered[0][3], numbered[1][3]);
        for (i, x) in phrases.iter().enumerate() {
            for (j, y) in phrases.iter().enumerate() {
                let direct = shared_words(x.iter().copied(), y.iter().copied());
                // Asked twice: the second answer comes from the table.
                for _ in 0..2 {
                    assert_eq!(
                        lexicon.shared(&numbered[i], &numbered[j]),
                        direct,
                        "{i} {j}"
                    );
                }
            }
        }
        assert!(lexicon.shared(&numbered[0], &numbered[1]) >= 2);
        assert_eq!(lexicon.shared(&numbered[0], &numbered[2]), 0);
    }
}
