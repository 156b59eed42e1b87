//! Times reading, cleaning and segmenting a folder (no cross-referencing):
//! `cargo run --release --example segment_only -- FOLDER`.

use std::time::Instant;

fn main() {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: segment_only FOLDER");
        std::process::exit(2);
    };
    let t = Instant::now();
    let loaded =
        crossread::load::load_paths(&[dir.into()], crossread::load::LoadOptions::default());
    let read = t.elapsed();
    let bytes: usize = loaded.texts.iter().map(|t| t.decoded.text.len()).sum();
    let t = Instant::now();
    let corpus = crossread::corpus::segment_corpus(&loaded.texts);
    let segment = t.elapsed();
    println!(
        "{} files, {:.1} MB: read {:.1} ms, clean + segment {:.1} ms ({} passages), {:.1} MB/s overall",
        loaded.texts.len(),
        bytes as f64 / 1e6,
        read.as_secs_f64() * 1e3,
        segment.as_secs_f64() * 1e3,
        corpus.passages.len(),
        bytes as f64 / 1e6 / (read + segment).as_secs_f64()
    );
}
