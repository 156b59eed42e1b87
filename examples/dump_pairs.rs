//! Dumps the features of every cross-source pair of units (passages and
//! their clauses) of a corpus, for fitting and studying the pair model
//! (`scripts/fit_dev.py` reads it).
//!
//! usage: cargo run --release --example dump_pairs -- OUT_PREFIX PATH...
//!
//! Writes OUT_PREFIX.passages.json (each linkable passage: id, file, kind,
//! text, and its clauses' byte ranges) and OUT_PREFIX.pairs.tsv (passage a,
//! passage b, unit a, unit b, whole, then the features).

use std::fmt::Write as _;
use std::path::PathBuf;

use crossread::load::{LoadOptions, load_paths};
use crossread::xref::Engine;
use crossread::xref::features::PairFeatures;

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(prefix) = args.next() else {
        eprintln!("usage: dump_pairs OUT_PREFIX PATH...");
        std::process::exit(2);
    };
    let paths: Vec<PathBuf> = args.map(PathBuf::from).collect();
    let loaded = load_paths(&paths, LoadOptions::default());
    let corpus = crossread::corpus::segment_corpus(&loaded.texts);
    let engine = Engine::new(&corpus);
    let sources = engine.sources(&corpus);

    let passages: Vec<serde_json::Value> = engine
        .ids
        .iter()
        .enumerate()
        .map(|(i, &id)| {
            let p = &corpus.passages[id];
            let file = std::path::Path::new(&corpus.sources[p.source].path)
                .file_name()
                .map(|f| f.to_string_lossy().into_owned())
                .unwrap_or_default();
            let units: Vec<serde_json::Value> = engine
                .units_of(i)
                .map(|u| {
                    let bytes = engine.unit_bytes(u).unwrap_or(0..p.text.len());
                    serde_json::json!([u, bytes.start, bytes.end])
                })
                .collect();
            serde_json::json!({
                "id": id, "index": i, "source": p.source, "file": file,
                "kind": p.kind.as_str(), "text": p.text, "units": units,
            })
        })
        .collect();
    let json = serde_json::to_string(&passages).expect("passages serialise");
    if let Err(e) = std::fs::write(format!("{prefix}.passages.json"), json) {
        eprintln!("cannot write {prefix}.passages.json: {e}");
        std::process::exit(1);
    }

    let mut out = format!("a\tb\tua\tub\twhole\t{}\n", PairFeatures::NAMES.join("\t"));
    let n = engine.ids.len();
    for i in 0..n {
        for j in i + 1..n {
            if sources[i] == sources[j] {
                continue;
            }
            for (ua, ub, c) in engine.compare_units(i, j) {
                let _ = write!(
                    out,
                    "{}\t{}\t{ua}\t{ub}\t{}",
                    engine.ids[i],
                    engine.ids[j],
                    u8::from(ua < n && ub < n)
                );
                for v in c.features.as_array() {
                    let _ = write!(out, "\t{v:.5}");
                }
                out.push('\n');
            }
        }
    }
    if let Err(e) = std::fs::write(format!("{prefix}.pairs.tsv"), out) {
        eprintln!("cannot write {prefix}.pairs.tsv: {e}");
        std::process::exit(1);
    }
}
