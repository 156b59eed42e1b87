//! Spelling distance between words: near-identical spellings of one name
//! ("Penelac" / "Penelec"), typed filter words ("kovacic" for "Kovačić").

/// Levenshtein distance ≤ 1 for words of 5–7 letters, ≤ 2 from 8 letters,
/// same first letter.
pub fn near_spelling(a: &str, b: &str) -> bool {
    let (la, lb) = (a.chars().count(), b.chars().count());
    let allowed = allowed_edits(la.min(lb));
    if la.min(lb) < 5 || la.abs_diff(lb) > allowed || a.chars().next() != b.chars().next() {
        return false;
    }
    within_edits(a, b, allowed)
}

/// The edits [`near_spelling`] allows two words the shorter of which has
/// `shorter` characters.
pub fn allowed_edits(shorter: usize) -> usize {
    if shorter >= 8 { 2 } else { 1 }
}

/// Whether the Levenshtein distance of `a` and `b` is at most `k`. Runs for
/// many pairs of terms of every pair of passages compared: short ASCII words
/// (most) go without allocation; every pair fills only the cells within `k`
/// of the diagonal (an alignment of cost `k` never leaves that band) and
/// stops as soon as a row exceeds `k`, so that two long runs of text (a
/// 70 KB "name" of capitalised words took 11 s in full) cost their length
/// times `2k + 1`.
pub fn within_edits(a: &str, b: &str, k: usize) -> bool {
    const MAX: usize = 48;
    if a.is_ascii() && b.is_ascii() && b.len() < MAX {
        // (Most pairs asked differ in length: told before the rows are
        // laid out.)
        if a.len().abs_diff(b.len()) > k {
            return false;
        }
        let (mut prev, mut cur) = ([0; MAX], [0; MAX]);
        return banded(a.as_bytes(), b.as_bytes(), k, &mut prev, &mut cur);
    }
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let (mut prev, mut cur) = (vec![0; b.len() + 1], vec![0; b.len() + 1]);
    banded(&a, &b, k, &mut prev, &mut cur)
}

/// The banded distance test of [`within_edits`] over two rows of at least
/// `b.len() + 1` cells.
fn banded<T: PartialEq>(a: &[T], b: &[T], k: usize, prev: &mut [usize], cur: &mut [usize]) -> bool {
    if a.len().abs_diff(b.len()) > k {
        return false;
    }
    // Cells outside the band count as `k + 1`: over the limit, whatever
    // their true distance.
    let over = k + 1;
    for (j, p) in prev.iter_mut().enumerate().take(b.len() + 1) {
        *p = if j <= k { j } else { over };
    }
    cur[..=b.len()].fill(over);
    let (mut prev, mut cur) = (prev, cur);
    for i in 1..=a.len() {
        let (lo, hi) = (i.saturating_sub(k).max(1), (i + k).min(b.len()));
        cur[lo - 1] = if lo == 1 { i.min(over) } else { over };
        let mut row_min = cur[lo - 1];
        for j in lo..=hi {
            let v = (prev[j - 1] + usize::from(a[i - 1] != b[j - 1]))
                .min(prev[j] + 1)
                .min(cur[j - 1] + 1)
                .min(over);
            cur[j] = v;
            row_min = row_min.min(v);
        }
        if hi < b.len() {
            cur[hi + 1] = over;
        }
        // Distances along a row never fall in later rows.
        if row_min > k {
            return false;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()] <= k
}

pub fn levenshtein(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        cur[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levenshtein_distances() {
        assert_eq!(levenshtein("penelac", "penelec"), 1);
        assert_eq!(levenshtein("kitten", "sitting"), 3);
        for (a, b) in [
            ("penelac", "penelec"),
            ("kitten", "sitting"),
            ("abc", "abc"),
            ("", "ab"),
            ("flaw", "lawn"),
            ("kovacic", "kovačić"),
        ] {
            let d = levenshtein(a, b);
            for k in 0..4 {
                assert_eq!(within_edits(a, b, k), d <= k, "{a} {b} {k}");
            }
        }
        assert!(near_spelling("penelac", "penelec"));
        // The band is exact: random words over a small alphabet (many
        // near misses) against the full distance.
        let mut rng = crate::testing::Xorshift::new(0x9e37_79b9_7f4a_7c15);
        let mut next = |n: u64| rng.below(n);
        for _ in 0..5000 {
            let word = |next: &mut dyn FnMut(u64) -> u64| -> String {
                let len = next(12);
                (0..len).map(|_| (b'a' + next(3) as u8) as char).collect()
            };
            let (a, b) = (word(&mut next), word(&mut next));
            let d = levenshtein(&a, &b);
            for k in 0..4 {
                assert_eq!(within_edits(&a, &b, k), d <= k, "{a} {b} {k}");
            }
        }
        assert!(!near_spelling("killed", "filled"));
        // Past the short ASCII path (accents; 48 bytes and more): the same
        // answers as the full distance.
        for (a, b) in [
            ("kovačić kovačić kovačić", "kovacic kovačić kovačić"),
            (
                "a name of many words written out at length to pass the limit",
                "a name of many words written out at length to pass the limlt",
            ),
            (
                "a name of many words written out at length to pass the limit",
                "a name of many wordz written out at length to pass thе limit",
            ),
        ] {
            let d = levenshtein(a, b);
            for k in 0..4 {
                assert_eq!(within_edits(a, b, k), d <= k, "{a} {b} {k}");
            }
        }
    }
}
