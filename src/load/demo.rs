//! The demo corpus built into the binary: what `crossread` opens with no
//! PATH.

use super::{FileLoad, Loaded, load_file_bytes};

/// The demo corpus, embedded in the binary from `assets/demo`.
pub const DEMO: &[(&str, &[u8])] = &[
    (
        "demo/01_harbour_herald.txt",
        include_bytes!("../../assets/demo/01_harbour_herald.txt"),
    ),
    (
        "demo/02_meridian_wire.txt",
        include_bytes!("../../assets/demo/02_meridian_wire.txt"),
    ),
    (
        "demo/03_continental_post.txt",
        include_bytes!("../../assets/demo/03_continental_post.txt"),
    ),
    (
        "demo/04_nordavia_today.txt",
        include_bytes!("../../assets/demo/04_nordavia_today.txt"),
    ),
    (
        "demo/05_daily_ledger.txt",
        include_bytes!("../../assets/demo/05_daily_ledger.txt"),
    ),
    (
        "demo/06_kestrel_voice.txt",
        include_bytes!("../../assets/demo/06_kestrel_voice.txt"),
    ),
    (
        "demo/07_finance_brief.txt",
        include_bytes!("../../assets/demo/07_finance_brief.txt"),
    ),
    // A page saved from a browser and a news-please record: the demo shows
    // the formats people have, not only text files.
    (
        "demo/08_portside_gazette.html",
        include_bytes!("../../assets/demo/08_portside_gazette.html"),
    ),
    (
        "demo/09_westcoast_courier.json",
        include_bytes!("../../assets/demo/09_westcoast_courier.json"),
    ),
];

/// Loads the embedded demo corpus.
pub fn load_demo() -> Loaded {
    let mut loaded = Loaded::default();
    for (name, bytes) in DEMO {
        let FileLoad { texts, diagnostics } = load_file_bytes(name, bytes, None);
        loaded.texts.extend(texts);
        loaded.diagnostics.extend(diagnostics);
    }
    loaded
}
