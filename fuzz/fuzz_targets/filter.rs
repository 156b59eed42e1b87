//! The filter: any query over the demo's passages parses and searches
//! without panicking, and every hit names a passage that exists, with
//! highlights on character boundaries inside its text.
#![no_main]

use std::sync::OnceLock;

use crossread::tui::filter::{Index, parse};
use libfuzzer_sys::fuzz_target;

fn demo() -> &'static (Index, Vec<String>) {
    static DEMO: OnceLock<(Index, Vec<String>)> = OnceLock::new();
    DEMO.get_or_init(|| {
        let corpus = crossread::corpus::segment_corpus(&crossread::load::load_demo().texts);
        let texts: Vec<String> = corpus.passages.into_iter().map(|p| p.text).collect();
        (Index::new(&texts), texts)
    })
}

fuzz_target!(|data: &[u8]| {
    let query = String::from_utf8_lossy(data);
    let (index, texts) = demo();
    for hit in index.search(&parse(&query), None) {
        let text = &texts[hit.item];
        for r in &hit.highlights {
            assert!(r.start <= r.end && text.get(r.clone()).is_some(), "{query:?} {r:?}");
        }
    }
});
