//! Writes a synthetic corpus (src/synth.rs) to a folder, for trying
//! crossread at scale: `cargo run --release --example synth_corpus -- 1000 /tmp/corpus`.
//! Beside the folder, `FOLDER.truth.tsv` lists the fact each sentence
//! renders (file, fact, sentence): `scripts/synth_links.py` scores links
//! with it.

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(n), Some(dir)) = (args.get(1).and_then(|a| a.parse().ok()), args.get(2)) else {
        eprintln!("usage: synth_corpus ARTICLES FOLDER [SEED]");
        std::process::exit(2);
    };
    let seed = args.get(3).and_then(|a| a.parse().ok()).unwrap_or(42);
    if let Err(e) = std::fs::create_dir_all(dir) {
        eprintln!("cannot create {dir}: {e}");
        std::process::exit(2);
    }
    let mut truth = String::from("file\tfact\tsentence\n");
    for a in crossread::synth::corpus(n, seed) {
        for (fact, sentence) in &a.facts {
            truth.push_str(&format!("{}\t{fact}\t{sentence}\n", a.name));
        }
        if let Err(e) = std::fs::write(format!("{dir}/{}", a.name), a.text) {
            eprintln!("cannot write {}: {e}", a.name);
            std::process::exit(1);
        }
    }
    let path = format!("{}.truth.tsv", dir.trim_end_matches('/'));
    if let Err(e) = std::fs::write(&path, truth) {
        eprintln!("cannot write {path}: {e}");
        std::process::exit(1);
    }
}
