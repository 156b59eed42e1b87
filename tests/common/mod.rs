//! Helpers shared by the integration tests.

use crossread::model::Corpus;

/// White space folded as in passage texts.
pub fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Every passage's byte range holds its text in the original file (read in
/// the source's encoding) or, for extracted formats, in the extracted text
/// the export carries; the passages of one source are ordered and do not
/// overlap.
pub fn assert_passages_map_back(corpus: &Corpus, originals: &[Vec<u8>]) {
    for p in &corpus.passages {
        let source = &corpus.sources[p.source];
        let bytes = match (&source.text_origin, &source.text) {
            (crossread::model::TextOrigin::Extracted, Some(text)) => text.as_bytes(),
            _ => &originals[p.source],
        };
        assert!(
            p.start <= p.end && p.end <= bytes.len(),
            "passage {} range {}..{} of {}",
            p.id,
            p.start,
            p.end,
            bytes.len()
        );
        let slice = match source.encoding.as_deref() {
            Some(label) if source.text_origin == crossread::model::TextOrigin::File => {
                let enc = encoding_rs::Encoding::for_label(label.as_bytes());
                assert!(enc.is_some() || label.starts_with("UTF-32"), "{label}");
                match enc {
                    Some(enc) => enc.decode_without_bom_handling(&bytes[p.start..p.end]).0,
                    None => continue, // UTF-32: decoded by crossread alone
                }
            }
            _ => String::from_utf8_lossy(&bytes[p.start..p.end]),
        };
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

/// Claims span two sources or more, name their sources and support right,
/// hold their representative and only linkable passages, and their
/// differences refer to members; links join passages of different sources
/// of one story with a score in [0, 1]; every source is in exactly one
/// story, and a claim's sources in its story.
pub fn assert_claims_consistent(corpus: &Corpus) {
    let mut story_of = vec![None; corpus.sources.len()];
    for story in &corpus.stories {
        for &s in &story.sources {
            assert!(story_of[s].is_none(), "source {s} in two stories");
            story_of[s] = Some(story.id);
        }
    }
    assert!(
        corpus.sources.is_empty() || story_of.iter().all(Option::is_some),
        "a source in no story"
    );
    for claim in &corpus.claims {
        assert!(
            claim
                .sources
                .iter()
                .all(|&s| story_of[s] == Some(claim.story)),
            "claim {} outside its story",
            claim.id
        );
        let mut sources: Vec<usize> = claim
            .passages
            .iter()
            .map(|&p| corpus.passages[p].source)
            .collect();
        sources.sort_unstable();
        sources.dedup();
        assert!(sources.len() >= 2, "claim {} has one source", claim.id);
        assert_eq!(sources, claim.sources);
        assert_eq!(claim.support, sources.len());
        assert!(claim.passages.contains(&claim.representative));
        assert!(
            claim
                .passages
                .iter()
                .all(|&p| corpus.passages[p].is_linkable())
        );
        for d in &claim.differences {
            assert!(d.values.iter().all(|v| claim.passages.contains(&v.passage)));
        }
    }
    for link in &corpus.links {
        assert!(link.a < corpus.passages.len() && link.b < corpus.passages.len());
        let (sa, sb) = (
            corpus.passages[link.a].source,
            corpus.passages[link.b].source,
        );
        assert_ne!(sa, sb);
        assert_eq!(story_of[sa], story_of[sb], "a link across stories");
        assert!((0.0..=1.0).contains(&link.score));
    }
}
