//! The kept unit pairs of a corpus, in the pieces scoring made them in.
//! Joining the pieces into one vector needs room for both while it copies
//! (at 10,000 articles 1.8 million pairs, 86 MB twice, when memory peaks):
//! the pieces stay as they are, and a pair is found by its index.

use std::ops::Index;

use rayon::prelude::*;

use super::decide::Scored;

#[derive(Debug, Default)]
pub struct KeptPairs {
    pieces: Vec<Vec<Scored>>,
    /// Index of each piece's first pair.
    starts: Vec<usize>,
    /// The piece holding pair `b << BLOCK_BITS`, for each block `b` of
    /// pairs: a pair is found from there in a step or two, not by a
    /// search (decisions look pairs up millions of times).
    block_piece: Vec<u32>,
    len: usize,
    /// Where the pairs were scored out of order (story by story), the
    /// index in `pieces` of each pair in order.
    order: Option<Vec<u32>>,
}

const BLOCK_BITS: u32 = 10;

impl KeptPairs {
    /// The pairs of `pieces`, in order (empty pieces are left out).
    pub fn from_pieces(pieces: Vec<Vec<Scored>>) -> Self {
        let pieces: Vec<Vec<Scored>> = pieces.into_iter().filter(|p| !p.is_empty()).collect();
        let mut starts = Vec::with_capacity(pieces.len());
        let mut len = 0;
        for piece in &pieces {
            starts.push(len);
            len += piece.len();
        }
        let mut block_piece = Vec::with_capacity((len >> BLOCK_BITS) + 1);
        let mut piece = 0;
        for block in 0..len.div_ceil(1 << BLOCK_BITS) {
            let first = block << BLOCK_BITS;
            while piece + 1 < starts.len() && starts[piece + 1] <= first {
                piece += 1;
            }
            // (Pieces number far fewer than four billion.)
            block_piece.push(piece as u32);
        }
        KeptPairs {
            pieces,
            starts,
            block_piece,
            len,
            order: None,
        }
    }

    /// The pairs of `pieces` in the order of `place` (pairs of one place
    /// in their order in `pieces`): pairs scored story by story, put back
    /// in the order of their passages, as one pass over all the candidates
    /// would have made them. The pairs stay where they are; only their
    /// order is kept (4 bytes a pair, not a copy of 48). The sort is
    /// stable and merges runs already in order, as each batch's pairs are:
    /// places are computed as they are compared, not stored (at 10,000
    /// articles, 26 MB when memory peaks).
    pub fn from_pieces_in_order(
        pieces: Vec<Vec<Scored>>,
        place: impl Fn(&Scored) -> u64 + Sync,
    ) -> Self {
        let mut kept = KeptPairs::from_pieces(pieces);
        // (Pairs number far fewer than four billion: see `Scored`.)
        let mut order: Vec<u32> = (0..kept.len as u32).collect();
        // (Stable too in parallel: 14-15 ms against 42-44 ms on one thread
        // for 1.6 M pairs at 10,000 articles.)
        order.par_sort_by_key(|&k| place(kept.stored(k as usize)));
        if order.iter().enumerate().any(|(k, &o)| k as u32 != o) {
            kept.order = Some(order);
        }
        kept
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The pairs in order.
    pub fn iter(&self) -> impl Iterator<Item = &Scored> {
        let (in_place, reordered) = match &self.order {
            None => (Some(self.pieces.iter().flatten()), None),
            Some(order) => (None, Some(order.iter().map(|&k| self.stored(k as usize)))),
        };
        in_place
            .into_iter()
            .flatten()
            .chain(reordered.into_iter().flatten())
    }

    /// The pair stored `k`-th in `pieces`.
    fn stored(&self, k: usize) -> &Scored {
        // The last piece starting at or before `k`, from its block's first.
        let mut piece = self.block_piece[k >> BLOCK_BITS] as usize;
        while piece + 1 < self.starts.len() && self.starts[piece + 1] <= k {
            piece += 1;
        }
        &self.pieces[piece][k - self.starts[piece]]
    }
}

impl Index<usize> for KeptPairs {
    type Output = Scored;

    fn index(&self, k: usize) -> &Scored {
        match &self.order {
            None => self.stored(k),
            Some(order) => self.stored(order[k] as usize),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pair(a: u32) -> Scored {
        Scored {
            a,
            b: a + 1,
            score: 0.5,
            score_without_numbers: 0.5,
            cover: 0.5,
            shared_terms: 2,
            shared_words: 2,
            traits: 0,
        }
    }

    #[test]
    fn pairs_are_found_by_index_across_pieces_in_order() {
        let pieces = vec![
            vec![pair(0), pair(1)],
            vec![],
            vec![pair(2)],
            vec![pair(3), pair(4), pair(5)],
        ];
        let kept = KeptPairs::from_pieces(pieces);
        assert_eq!(kept.len(), 6);
        for k in 0..6 {
            assert_eq!(kept[k].a, k as u32, "pair {k}");
        }
        let order: Vec<u32> = kept.iter().map(|s| s.a).collect();
        assert_eq!(order, [0, 1, 2, 3, 4, 5]);
        assert!(KeptPairs::from_pieces(vec![vec![], vec![]]).is_empty());
    }

    #[test]
    fn pairs_scored_out_of_order_are_found_in_the_order_of_their_place() {
        // Two batches of pairs whose places interleave; pairs 10 and 11
        // share a place and keep their order.
        let place = |s: &Scored| u64::from(s.a / 2);
        let pieces = vec![
            vec![pair(4), pair(10), pair(11)],
            vec![pair(0), pair(6)],
            vec![pair(2), pair(8)],
        ];
        let kept = KeptPairs::from_pieces_in_order(pieces, place);
        let order: Vec<u32> = kept.iter().map(|s| s.a).collect();
        assert_eq!(order, [0, 2, 4, 6, 8, 10, 11]);
        for (k, a) in order.iter().enumerate() {
            assert_eq!(kept[k].a, *a);
        }
        // Pairs already in order are left as they are.
        let kept = KeptPairs::from_pieces_in_order(vec![vec![pair(0), pair(2)]], place);
        assert!(kept.order.is_none());
        assert_eq!(kept[1].a, 2);
    }

    #[test]
    fn pairs_are_found_across_blocks_and_pieces_of_any_size() {
        // Pieces of 0 to 2,999 pairs: blocks of 1,024 pairs start inside
        // pieces, at their starts, and span several small ones.
        let mut seed = 7u64;
        let mut next = 0u32;
        let pieces: Vec<Vec<Scored>> = (0..60)
            .map(|_| {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                let size = match (seed >> 33) % 4 {
                    0 => 0,
                    1 => (seed >> 40) % 5,
                    _ => (seed >> 40) % 3000,
                };
                (0..size)
                    .map(|_| {
                        next += 1;
                        pair(next - 1)
                    })
                    .collect()
            })
            .collect();
        let kept = KeptPairs::from_pieces(pieces);
        assert_eq!(kept.len(), next as usize);
        assert!(
            kept.len() > 3 << BLOCK_BITS,
            "the test spans several blocks"
        );
        for k in 0..kept.len() {
            assert_eq!(kept[k].a, k as u32, "pair {k}");
        }
    }
}
