//! Every input format on arbitrary bytes: the first byte picks the format
//! (or detection), the rest is the file. Loading must not panic or overflow
//! the stack, and what loads must build a model whose passages lie inside
//! the text their offsets index.
#![no_main]

use crossread::load::{InputFormat, load_file_bytes};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&selector, bytes)) = data.split_first() else {
        return;
    };
    let format = match selector % 6 {
        0 => Some(InputFormat::Text),
        1 => Some(InputFormat::Html),
        2 => Some(InputFormat::Mhtml),
        3 => Some(InputFormat::Json),
        4 => Some(InputFormat::Feed),
        _ => None,
    };
    let loaded = load_file_bytes("fuzz.html", bytes, format);
    let corpus = crossread::corpus::build(&loaded.texts);
    for p in &corpus.passages {
        let source = &corpus.sources[p.source];
        let len = source.text.as_ref().map_or(bytes.len(), String::len);
        assert!(p.start <= p.end && p.end <= len);
    }
    let _ = crossread::export::to_json(&corpus);
});
