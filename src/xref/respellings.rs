//! Near-identical spellings among a corpus's terms ("penelac" / "penelec",
//! "shettleston" / "shettlestone"), found once per corpus. Comparisons ask
//! whether two unmatched terms are spelling variants for every pair of
//! passages compared; the same pairs of terms come up again and again, so
//! each term's variants are listed in advance and looked up.

use rayon::prelude::*;

use super::analysis::TermId;
use crate::text::spelling::near_spelling;

/// Shortest term (in characters) whose spelling variants count.
pub(crate) const MIN_CHARS: usize = 5;
/// Most characters two variants' lengths may differ by.
const MAX_LENGTH_GAP: usize = 2;

/// Each term's spelling variants, sorted by id.
#[derive(Debug, Clone, Default)]
pub(crate) struct Respellings {
    offsets: Vec<u32>,
    ids: Vec<TermId>,
}

impl Respellings {
    /// The variants among `names` (terms' names; a number's starts with
    /// '#' and has none): names of at least [`MIN_CHARS`] characters with
    /// the same first byte, lengths at most two apart, that
    /// [`near_spelling`] accepts.
    pub(crate) fn find(names: &[String]) -> Respellings {
        let chars: Vec<usize> = names.iter().map(|n| n.chars().count()).collect();
        let first = |t: usize| names[t].bytes().next().unwrap_or(0);
        // Candidates by first byte, in order of length.
        let mut buckets: Vec<Vec<(usize, TermId)>> = vec![Vec::new(); 256];
        for t in 0..names.len() {
            buckets[usize::from(first(t))].push((chars[t], t as TermId));
        }
        for b in &mut buckets {
            b.sort_unstable();
        }
        let letters: Vec<u32> = names.iter().map(|n| letter_set(n)).collect();
        let lists: Vec<Vec<TermId>> = (0..names.len())
            .into_par_iter()
            .map(|a| {
                if chars[a] < MIN_CHARS || first(a) == b'#' {
                    return Vec::new();
                }
                let bucket = &buckets[usize::from(first(a))];
                let from = bucket.partition_point(|&(c, _)| c + MAX_LENGTH_GAP < chars[a]);
                let mut out: Vec<TermId> = bucket[from..]
                    .iter()
                    .take_while(|&&(c, _)| c <= chars[a] + MAX_LENGTH_GAP)
                    .map(|&(_, b)| b)
                    .filter(|&b| {
                        // k edits change the set of letters by at most 2k
                        // (k is 2 at most): a cheap test that most pairs fail.
                        let b = b as usize;
                        b != a
                            && (letters[a] ^ letters[b]).count_ones() <= 4
                            && near_spelling(&names[a], &names[b])
                    })
                    .collect();
                out.sort_unstable();
                out
            })
            .collect();
        let mut offsets = Vec::with_capacity(names.len() + 1);
        offsets.push(0u32);
        let mut ids = Vec::new();
        for list in lists {
            ids.extend(list);
            offsets.push(ids.len() as u32);
        }
        Respellings { offsets, ids }
    }

    /// The spelling variants of `term` (none for a term out of range).
    pub(crate) fn of(&self, term: TermId) -> &[TermId] {
        let t = term as usize;
        match (self.offsets.get(t), self.offsets.get(t + 1)) {
            (Some(&from), Some(&to)) => &self.ids[from as usize..to as usize],
            _ => &[],
        }
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
        let r = Respellings::find(&names);
        assert_eq!(r.of(0), &[1]);
        assert_eq!(r.of(1), &[0]);
        assert!(r.of(2).is_empty());
        // Same first letter only: "killed" / "filled" are not variants.
        assert_eq!(r.of(3), &[6]);
        assert!(r.of(4).is_empty());
        assert!(r.of(5).is_empty());
        assert!(r.of(99).is_empty());
        // Exactly what the pairwise test says, over every pair.
        for a in 0..names.len() {
            for b in 0..names.len() {
                let eligible = a != b
                    && names[a].chars().count() >= MIN_CHARS
                    && !names[a].starts_with('#')
                    && names[a].bytes().next() == names[b].bytes().next()
                    && names[a].chars().count().abs_diff(names[b].chars().count())
                        <= MAX_LENGTH_GAP;
                let listed = r.of(a as TermId).contains(&(b as TermId));
                assert_eq!(
                    listed,
                    eligible && near_spelling(&names[a], &names[b]),
                    "{a} {b}"
                );
            }
        }
    }
}
