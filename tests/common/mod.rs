//! Helpers shared by the integration tests.

use crossread::model::Corpus;

/// White space folded as in passage texts.
pub fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Every passage's byte range holds its text in the original file, and the
/// passages of one source are ordered and do not overlap.
pub fn assert_passages_map_back(corpus: &Corpus, originals: &[Vec<u8>]) {
    for p in &corpus.passages {
        let bytes = &originals[p.source];
        assert!(
            p.start <= p.end && p.end <= bytes.len(),
            "passage {} range {}..{} of {}",
            p.id,
            p.start,
            p.end,
            bytes.len()
        );
        let slice = String::from_utf8_lossy(&bytes[p.start..p.end]);
        assert_eq!(
            collapse(&slice),
            p.text,
            "passage {} of {}",
            p.id,
            corpus.sources[p.source].path
        );
    }
    for pair in corpus.passages.windows(2) {
        if pair[0].source == pair[1].source {
            assert!(
                pair[0].end <= pair[1].start,
                "passages {} and {} overlap",
                pair[0].id,
                pair[1].id
            );
        }
    }
}
