//! Stories taken a batch at a time. Candidates and claims never cross
//! stories, so the steps that hold much per passage (full analyses while
//! pairs are scored, the figures read from passages while claims are made)
//! work on a batch of stories, then drop what they held: a large corpus
//! never holds it for every passage at once.

/// Passages a batch of scoring holds (about 1 KB of full analyses each),
/// a batch closed once it reaches this: enough for every thread to have
/// work, a small part of a large corpus.
pub(crate) const BATCH_PASSAGES: usize = 16_384;

/// Passages a batch of claims holds: those that write a number are read
/// for their figures (tokens, dates and quantities, ~1.5 KB a passage at
/// 1,000 generated articles), and what was read is kept until the batch's
/// claims are made. Batches of 16,384 passages took the peak memory of
/// 1,000 generated articles from 78 to 98 MB; of 4,096 it stays.
pub(crate) const CLAIM_BATCH_PASSAGES: usize = 4_096;

/// Stories grouped into batches, in story order.
pub(crate) struct StoryBatches {
    /// The batch of each story.
    batch_of: Vec<usize>,
    pub count: usize,
}

impl StoryBatches {
    /// Batches of the stories of `passages` (each passage's story), each
    /// closed once it holds `limit` passages or more.
    pub(crate) fn of(passages: impl Iterator<Item = usize>, limit: usize) -> Self {
        let mut size: Vec<usize> = Vec::new();
        for story in passages {
            if story >= size.len() {
                size.resize(story + 1, 0);
            }
            size[story] += 1;
        }
        StoryBatches::new(&size, limit)
    }

    /// Batches of the stories whose sizes (passages) are `size`, each
    /// closed once it holds `limit` passages or more. Stories of no
    /// passage are in none that matters.
    fn new(size: &[usize], limit: usize) -> Self {
        let mut batch_of = vec![0usize; size.len()];
        let (mut batch, mut filled) = (0, 0);
        for (s, &count) in size.iter().enumerate().filter(|(_, c)| **c > 0) {
            if filled >= limit {
                batch += 1;
                filled = 0;
            }
            batch_of[s] = batch;
            filled += count;
        }
        StoryBatches {
            batch_of,
            count: batch + 1,
        }
    }

    /// The batch of `story` (the first for a story of no passage).
    pub(crate) fn batch_of(&self, story: usize) -> usize {
        self.batch_of.get(story).copied().unwrap_or(0)
    }

    /// `items` split by batch, each batch's in their order (`story`: an
    /// item's story).
    pub(crate) fn split<T>(
        &self,
        items: impl IntoIterator<Item = T>,
        story: impl Fn(&T) -> usize,
    ) -> Vec<Vec<T>> {
        let mut of_batch: Vec<Vec<T>> = (0..self.count).map(|_| Vec::new()).collect();
        for item in items {
            of_batch[self.batch_of(story(&item))].push(item);
        }
        of_batch
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn batches_close_once_full_and_keep_story_order() {
        // Stories of 5, 0, 3, 9, 2 and 4 passages, batches closed at 8.
        let b = StoryBatches::new(&[5, 0, 3, 9, 2, 4], 8);
        assert_eq!(b.count, 3);
        let batches = |b: &StoryBatches, stories: &[usize]| -> Vec<usize> {
            stories.iter().map(|&s| b.batch_of(s)).collect()
        };
        assert_eq!(batches(&b, &[0, 2, 3, 4, 5]), [0, 0, 1, 2, 2]);
        // One batch when everything fits, and for no story at all.
        assert_eq!(StoryBatches::new(&[5, 3], usize::MAX).count, 1);
        assert_eq!(StoryBatches::new(&[], 8).count, 1);
        // A story larger than the limit closes its batch.
        let b = StoryBatches::new(&[20, 30, 1], 8);
        assert_eq!(b.count, 3);
        assert_eq!(batches(&b, &[0, 1, 2]), [0, 1, 2]);
        // From each passage's story: the sizes counted.
        let stories = [0, 0, 2, 0, 2, 2, 1];
        let b = StoryBatches::of(stories.into_iter(), 3);
        assert_eq!(b.count, 2);
        assert_eq!(batches(&b, &[0, 1, 2]), [0, 1, 1]);
        // Items split by their stories' batches, each batch's in order.
        assert_eq!(
            b.split(0..stories.len(), |&i| stories[i]),
            vec![vec![0, 1, 3], vec![2, 4, 5, 6]]
        );
    }
}
