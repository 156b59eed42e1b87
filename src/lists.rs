//! Many short lists in one vector. A large corpus has hundreds of
//! thousands of passages, each with a few terms, claims or words: a vector
//! apiece costs a 24-byte header and an allocation for a few items, more
//! than the items. These lists lie one after another, with where each
//! ends.

/// Lists numbered from 0, in the order pushed.
#[derive(Debug, Clone)]
pub struct Lists<T> {
    items: Vec<T>,
    /// Where each list ends in `items`. (Four billion items would take
    /// more memory than any corpus this reads.)
    ends: Vec<u32>,
}

impl<T> Default for Lists<T> {
    fn default() -> Self {
        Lists {
            items: Vec::new(),
            ends: Vec::new(),
        }
    }
}

impl<T> Lists<T> {
    /// Adds a list.
    pub fn push(&mut self, list: impl IntoIterator<Item = T>) {
        self.items.extend(list);
        self.ends.push(self.items.len() as u32);
    }

    /// The lists of `n` (lists `0..n`) from (list, item) pairs, each list in
    /// the order of its pairs; pairs of lists past `n` are left out.
    pub fn from_pairs(n: usize, mut pairs: Vec<(usize, T)>) -> Self {
        pairs.sort_by_key(|(list, _)| *list);
        let mut ends = Vec::with_capacity(n);
        let mut k = 0;
        for list in 0..n {
            while k < pairs.len() && pairs[k].0 == list {
                k += 1;
            }
            ends.push(k as u32);
        }
        pairs.truncate(k);
        Lists {
            items: pairs.into_iter().map(|(_, item)| item).collect(),
            ends,
        }
    }

    /// How many lists there are.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// List `i`, if there is one.
    pub fn get(&self, i: usize) -> Option<&[T]> {
        let start = match i.checked_sub(1) {
            Some(before) => *self.ends.get(before)? as usize,
            None => 0,
        };
        self.items.get(start..*self.ends.get(i)? as usize)
    }

    /// How many items all the lists hold.
    pub fn items(&self) -> usize {
        self.items.len()
    }

    /// Frees the room the lists grew into beyond their length.
    pub fn shrink_to_fit(&mut self) {
        self.items.shrink_to_fit();
        self.ends.shrink_to_fit();
    }
}

impl<T> std::ops::Index<usize> for Lists<T> {
    type Output = [T];

    /// List `i` (empty when there is no such list).
    fn index(&self, i: usize) -> &[T] {
        self.get(i).unwrap_or(&[])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_list_reads_back_as_pushed() {
        let mut lists = Lists::default();
        assert!(lists.is_empty());
        lists.push([3, 5, 9]);
        lists.push([]);
        lists.push([1]);
        assert_eq!(lists.len(), 3);
        assert_eq!(lists[0], [3, 5, 9]);
        assert!(lists[1].is_empty());
        assert_eq!(lists[2], [1]);
        assert!(lists.get(3).is_none());
        assert_eq!(lists.items(), 4);
    }

    #[test]
    fn lists_from_pairs_keep_each_list_in_the_order_given() {
        let lists = Lists::from_pairs(4, vec![(2, 'a'), (0, 'b'), (2, 'c'), (9, 'x'), (0, 'd')]);
        assert_eq!(lists[0], ['b', 'd']);
        assert!(lists[1].is_empty());
        assert_eq!(lists[2], ['a', 'c']);
        assert!(lists[3].is_empty());
        assert!(lists.get(4).is_none(), "no such list");
        assert!(lists[9].is_empty(), "an item of no list is left out");
        assert_eq!(lists.items(), 4);
    }
}
