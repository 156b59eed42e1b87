//! load → clean → segment → stories → cross-reference on arbitrary bytes,
//! split into up to four articles at 0xFF bytes; the model's invariants
//! must hold (the property test's big brother).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let texts: Vec<_> = data
        .split(|&b| b == 0xFF)
        .take(4)
        .enumerate()
        .filter_map(|(i, bytes)| crossread::load::load_bytes(&format!("{i}.txt"), bytes).ok())
        .collect();
    let corpus = crossread::corpus::build(&texts);
    for p in &corpus.passages {
        let source = &corpus.sources[p.source];
        assert!(source.passage_ids.contains(&p.id));
        assert!(p.start <= p.end);
    }
    for claim in &corpus.claims {
        assert!(claim.sources.len() >= 2);
        assert!(claim.passages.contains(&claim.representative));
    }
    for link in &corpus.links {
        assert_ne!(
            corpus.passages[link.a].source,
            corpus.passages[link.b].source
        );
        assert!((0.0..=1.0).contains(&link.score));
    }
    let _ = crossread::export::to_json(&corpus);
});
