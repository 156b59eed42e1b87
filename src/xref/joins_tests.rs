//! Merging groups that hold mostly the same passages.

use super::*;

fn whole(passages: &[PassageId]) -> Members {
    passages.iter().map(|&p| (p, None)).collect()
}

#[test]
fn groups_sharing_most_passages_merge_into_the_first() {
    // Three of four in common; the third group shares only two with
    // either (a sentence and its copy stating two things) and stays.
    let groups = vec![
        whole(&[1, 10, 20, 30]),
        whole(&[5, 10, 20, 30]),
        whole(&[10, 20, 40]),
    ];
    let merged = merge_overlapping(groups, &|_, _| true);
    assert_eq!(
        merged,
        vec![whole(&[1, 5, 10, 20, 30]), whole(&[10, 20, 40])]
    );
}

#[test]
fn half_of_the_smaller_group_is_not_enough() {
    let groups = vec![whole(&[1, 2, 3, 4, 5, 6]), whole(&[4, 5, 6, 7, 8, 9])];
    assert_eq!(merge_overlapping(groups.clone(), &|_, _| true), groups);
}

#[test]
fn a_passage_in_both_keeps_the_longer_part() {
    let groups = vec![
        vec![(1, Some(0..40)), (10, None), (20, None)],
        vec![(1, Some(5..12)), (10, None), (20, None), (30, None)],
    ];
    let merged = merge_overlapping(groups, &|_, _| true);
    assert_eq!(
        merged,
        vec![vec![(1, Some(0..40)), (10, None), (20, None), (30, None)]]
    );
}
