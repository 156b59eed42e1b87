//! Regenerates `assets/word_neighbours.bin`: for every word of the word
//! vector table, the other words whose similarity reaches
//! `crossread::text::vectors::NEIGHBOUR_MIN` (the level from which the pair
//! model counts two words as a partial match). Comparisons then look a
//! word's neighbours up instead of computing dot products for every pair
//! of unmatched words, hundreds of thousands of times.
//!
//! usage: cargo run --release --example gen_neighbours > assets/word_neighbours.bin
//!
//! Format (little endian): b"CRNB", u32 words, u32 offsets[words + 1] into
//! the list that follows, then u16 neighbour ids (the table has fewer than
//! 65,536 words), each word's sorted.

use std::io::Write;

use crossread::text::vectors::{NEIGHBOUR_MIN, similarity, words};
use rayon::prelude::*;

fn main() {
    let n = words() as u32;
    if n == 0 || n > u32::from(u16::MAX) {
        eprintln!("the word vector table is missing or too large ({n} words)");
        std::process::exit(1);
    }
    let lists: Vec<Vec<u32>> = (0..n)
        .into_par_iter()
        .map(|a| {
            (0..n)
                .filter(|&b| b != a && similarity(a, b) >= NEIGHBOUR_MIN)
                .collect()
        })
        .collect();
    let mut out = Vec::new();
    out.extend_from_slice(b"CRNB");
    out.extend_from_slice(&n.to_le_bytes());
    let mut offset = 0u32;
    out.extend_from_slice(&offset.to_le_bytes());
    for list in &lists {
        offset += list.len() as u32;
        out.extend_from_slice(&offset.to_le_bytes());
    }
    for list in &lists {
        for &id in list {
            out.extend_from_slice(&(id as u16).to_le_bytes());
        }
    }
    let with = lists.iter().filter(|l| !l.is_empty()).count();
    eprintln!("{n} words, {with} with neighbours, {offset} neighbour entries");
    if let Err(e) = std::io::stdout().write_all(&out) {
        eprintln!("cannot write: {e}");
        std::process::exit(1);
    }
}
