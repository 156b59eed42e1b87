//! Times reading, cleaning and segmenting a folder, and then grouping its
//! stories (no cross-referencing):
//! `cargo run --release --example segment_only -- FOLDER`.

use std::time::Instant;

// The allocator of the binary, so that the times are the binary's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    // The binary's memory settings, so that the figures are the binary's.
    crossread::memory::economise();
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
    let mut corpus = crossread::corpus::segment_articles(&loaded.texts);
    let segment = t.elapsed();
    let t = Instant::now();
    crossread::corpus::group_stories(&mut corpus);
    let stories = t.elapsed();
    let mb = bytes as f64 / 1e6;
    println!(
        "{} files, {mb:.1} MB: read {:.1} ms, clean + segment {:.1} ms ({} passages): \
         {:.1} MB/s; stories {:.1} ms ({} stories)",
        loaded.texts.len(),
        read.as_secs_f64() * 1e3,
        segment.as_secs_f64() * 1e3,
        corpus.passages.len(),
        mb / (read + segment).as_secs_f64(),
        stories.as_secs_f64() * 1e3,
        corpus.stories.len(),
    );
}
