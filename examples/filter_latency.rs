//! Times the passage filter alone, keystroke by keystroke, over a folder:
//! `cargo run --release --example filter_latency -- FOLDER` (the benchmark
//! measures the same inside the reader, after the engine has run).

use std::time::Instant;

use crossread::tui::filter::{Index, parse};

fn main() {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: filter_latency FOLDER");
        std::process::exit(2);
    };
    let loaded =
        crossread::load::load_paths(&[dir.into()], crossread::load::LoadOptions::default());
    let corpus = crossread::corpus::segment_corpus(&loaded.texts);
    let texts: Vec<&str> = corpus.passages.iter().map(|p| p.text.as_str()).collect();
    let t = Instant::now();
    let index = Index::new(&texts);
    println!(
        "{} passages, {} words: index built in {:.1} ms",
        index.len(),
        index.vocabulary(),
        t.elapsed().as_secs_f64() * 1e3
    );
    for round in 0..2 {
        let mut previous: Option<Vec<usize>> = None;
        let mut last = String::new();
        for query in crossread::synth::TYPING {
            // Narrow within the previous hits when the query only grew, as
            // the reader does.
            let within = previous
                .as_deref()
                .filter(|_| query.starts_with(last.as_str()));
            let t = Instant::now();
            let hits = index.search(&parse(query), within);
            let took = t.elapsed();
            if round == 1 {
                println!(
                    "{query:>12}: {:>7} hits in {:>6.1} ms",
                    hits.len(),
                    took.as_secs_f64() * 1e3
                );
            }
            let mut items: Vec<usize> = hits.iter().map(|h| h.item).collect();
            items.sort_unstable();
            previous = Some(items);
            last = (*query).to_owned();
        }
    }
}
