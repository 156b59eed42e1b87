//! Dumps the features of every candidate pair of a corpus as TSV, for
//! studying the pair model: `a b score features...`.
//!
//! usage: cargo run --release --example dump_pairs -- PATH... > pairs.tsv

use std::path::PathBuf;

use crossread::load::{LoadOptions, load_paths};
use crossread::xref::features::PairFeatures;
use crossread::xref::{Engine, model};

fn main() {
    let paths: Vec<PathBuf> = std::env::args().skip(1).map(PathBuf::from).collect();
    let loaded = load_paths(&paths, LoadOptions::default());
    let corpus = crossread::corpus::segment_corpus(&loaded.texts);
    let engine = Engine::new(&corpus);
    let pairs = engine.candidates(&engine.sources(&corpus));
    println!("a\tb\tscore\t{}", PairFeatures::NAMES.join("\t"));
    for (i, j) in pairs {
        let (a, b) = (engine.ids[i], engine.ids[j]);
        let Some(c) = engine.compare(a, b) else {
            continue;
        };
        let values: Vec<String> = c
            .features
            .as_array()
            .iter()
            .map(|v| format!("{v:.4}"))
            .collect();
        println!(
            "{a}\t{b}\t{:.4}\t{}",
            model::score(&c.features),
            values.join("\t")
        );
    }
}
