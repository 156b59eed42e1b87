//! Disjoint sets of the numbers `0..n`, joined pair by pair: connected
//! parts of links, groups of copies, stories, merged claims. Each set is
//! named by its lowest member, so that the names do not depend on the
//! order the pairs were joined in.

pub(crate) struct Sets {
    parent: Vec<usize>,
}

impl Sets {
    /// `n` sets of one member each.
    pub(crate) fn new(n: usize) -> Self {
        Sets {
            parent: (0..n).collect(),
        }
    }

    /// The lowest member of `x`'s set (halving the path on the way).
    pub(crate) fn root(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }

    /// Makes one set of `a`'s and `b`'s.
    pub(crate) fn join(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.root(a), self.root(b));
        self.parent[ra.max(rb)] = ra.min(rb);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_set_is_named_by_its_lowest_member_whatever_the_order_of_joins() {
        let mut sets = Sets::new(7);
        sets.join(5, 3);
        sets.join(6, 5);
        sets.join(4, 2);
        sets.join(6, 4);
        assert!([2, 3, 4, 5, 6].iter().all(|&x| sets.root(x) == 2));
        assert_eq!(sets.root(0), 0);
        assert_eq!(sets.root(1), 1);
    }
}
