//! Near-identical spellings among a corpus's terms ("penelac" / "penelec",
//! "shettleston" / "shettlestone"). Comparisons ask whether two unmatched
//! terms are spelling variants for every pair of passages compared; the
//! same terms come up again and again, so each term's variants are listed
//! the first time it is asked about, and looked up after that. Lazily: a
//! corpus may hold tens of thousands of near-identical terms ("word1",
//! "word2"…) that no comparison ever asks about.

use std::sync::OnceLock;

use super::analysis::TermId;
use crate::text::spelling::{allowed_edits, near_spelling};

/// Shortest term (in characters) whose spelling variants count.
const MIN_CHARS: usize = 5;

/// Each term's spelling variants, sorted by id, found when first asked.
#[derive(Debug, Clone, Default)]
pub(crate) struct Respellings {
    /// Terms by first byte, in order of length: (characters, term).
    buckets: Vec<Vec<(u32, TermId)>>,
    chars: Vec<u32>,
    letters: Vec<u32>,
    lists: Vec<OnceLock<Box<[TermId]>>>,
}

impl Respellings {
    /// The index of `names` (terms' names; a number's starts with '#' and
    /// has no variants).
    pub(crate) fn new(names: &[String]) -> Respellings {
        let chars: Vec<u32> = names.iter().map(|n| n.chars().count() as u32).collect();
        let mut buckets: Vec<Vec<(u32, TermId)>> = vec![Vec::new(); 256];
        for (t, name) in names.iter().enumerate() {
            let first = name.bytes().next().unwrap_or(0);
            buckets[usize::from(first)].push((chars[t], t as TermId));
        }
        for b in &mut buckets {
            b.sort_unstable();
        }
        Respellings {
            buckets,
            chars,
            letters: names.iter().map(|n| letter_set(n)).collect(),
            lists: (0..names.len()).map(|_| OnceLock::new()).collect(),
        }
    }

    /// The spelling variants of `term` among `names` (the names the index
    /// was made from): names of at least [`MIN_CHARS`] characters with the
    /// same first byte, lengths at most two apart, that [`near_spelling`]
    /// accepts. None for a term out of range.
    pub(crate) fn of<'s>(&'s self, term: TermId, names: &[String]) -> &'s [TermId] {
        let a = term as usize;
        let Some(slot) = self.lists.get(a) else {
            return &[];
        };
        slot.get_or_init(|| {
            let name = &names[a];
            let first = name.bytes().next().unwrap_or(0);
            let chars = self.chars[a];
            if (chars as usize) < MIN_CHARS || first == b'#' {
                return Box::default();
            }
            // The shorter word decides the edits allowed, so no pair takes
            // more than this term's own length allows.
            let gap = allowed_edits(chars as usize) as u32;
            let bucket = &self.buckets[usize::from(first)];
            let from = bucket.partition_point(|&(c, _)| c + gap < chars);
            let mut out: Vec<TermId> = bucket[from..]
                .iter()
                .take_while(|&&(c, _)| c <= chars + gap)
                .filter(|&&(c, b)| {
                    // Cheap tests that most pairs fail, each implied by
                    // `near_spelling` (so the list is the same): the edits
                    // it allows for the two lengths (k = 1 below eight
                    // characters, 2 from eight) bound the length gap, and
                    // k edits change the set of letters by at most 2k.
                    let b = b as usize;
                    let edits = allowed_edits(chars.min(c) as usize) as u32;
                    b != a
                        && chars.abs_diff(c) <= edits
                        && (self.letters[a] ^ self.letters[b]).count_ones() <= 2 * edits
                        && near_spelling(name, &names[b])
                })
                .map(|&(_, b)| b)
                .collect();
            out.sort_unstable();
            out.into_boxed_slice()
        })
    }
}

/// The letters a word uses, as bits (a-z; other characters share six
/// bits, which only makes the set smaller).
fn letter_set(word: &str) -> u32 {
    word.chars().fold(0u32, |set, c| {
        let bit = match c {
            'a'..='z' => c as u32 - 'a' as u32,
            _ => 26 + c as u32 % 6,
        };
        set | 1 << bit
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variants_are_listed_both_ways_and_nothing_else() {
        let names: Vec<String> = [
            "penelec",
            "penelac",
            "pennsylvania",
            "killed",
            "filled",
            "#5",
            "kille",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let index = Respellings::new(&names);
        let of = |t: usize| index.of(t as TermId, &names);
        assert_eq!(of(0), &[1]);
        assert_eq!(of(1), &[0]);
        assert!(of(2).is_empty());
        // Same first letter only: "killed" / "filled" are not variants.
        assert_eq!(of(3), &[6]);
        assert!(of(4).is_empty());
        assert!(of(5).is_empty());
        assert!(of(99).is_empty());
        // Exactly what the pairwise test says, over every pair.
        for a in 0..names.len() {
            for b in 0..names.len() {
                let eligible = a != b
                    && names[a].chars().count() >= MIN_CHARS
                    && !names[a].starts_with('#')
                    && names[a].bytes().next() == names[b].bytes().next();
                let listed = of(a).contains(&(b as TermId));
                assert_eq!(
                    listed,
                    eligible && near_spelling(&names[a], &names[b]),
                    "{a} {b}"
                );
            }
        }
    }

    /// The cheap tests before `near_spelling` drop no variant: over many
    /// words of a small alphabet (so that near spellings abound), of every
    /// length around the limits of one and two edits, the lists are exactly
    /// the pairs `near_spelling` accepts.
    #[test]
    fn the_filters_keep_every_variant_near_spelling_accepts() {
        let mut rng = crate::testing::Xorshift::new(0x2545_f491_4f6c_dd1d);
        let mut next = |n: u64| rng.below(n);
        let mut names: Vec<String> = (0..600)
            .map(|_| {
                let len = 4 + next(8) as usize;
                let mut w = String::from("s");
                w.extend((1..len).map(|_| ['a', 'e', 't', 'n', 'é'][next(5) as usize]));
                w
            })
            .collect();
        names.sort();
        names.dedup();
        let index = Respellings::new(&names);
        let mut found = 0;
        for a in 0..names.len() {
            let listed = index.of(a as TermId, &names);
            for b in 0..names.len() {
                let expected = a != b
                    && names[a].chars().count() >= MIN_CHARS
                    && near_spelling(&names[a], &names[b]);
                assert_eq!(
                    listed.contains(&(b as TermId)),
                    expected,
                    "{} {}",
                    names[a],
                    names[b]
                );
                found += usize::from(expected);
            }
        }
        assert!(found > 100, "the words hold variants to find ({found})");
    }
}
