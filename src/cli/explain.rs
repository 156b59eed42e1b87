//! `crossread explain A B`: why two passages are, or are not, linked.

use crate::model::Corpus;
use crate::xref::Engine;
use crate::xref::features::PairFeatures;
use crate::xref::model::{
    CLAUSE_THRESHOLD, CONTAINMENT_THRESHOLD, LINK_THRESHOLD, RECIPROCAL_THRESHOLD, score,
};

pub fn explain(corpus: &Corpus, a: usize, b: usize) -> Result<String, String> {
    let passage = |id: usize| {
        corpus
            .passages
            .get(id)
            .ok_or_else(|| format!("no passage {id} (the corpus has {})", corpus.passages.len()))
    };
    let (pa, pb) = (passage(a)?, passage(b)?);
    let mut out = String::new();
    for p in [pa, pb] {
        let outlet = corpus.sources[p.source].outlet.as_deref().unwrap_or("-");
        out.push_str(&format!(
            "[{}] {} ({}): {}\n",
            p.id,
            outlet,
            p.kind.as_str(),
            p.text
        ));
    }
    if pa.source == pb.source {
        out.push_str("\nNot linked: both passages are from the same source.\n");
        return Ok(out);
    }
    for p in [pa, pb] {
        if !p.is_linkable() {
            let why = if p.duplicate_of.is_some() {
                "repeats an earlier passage"
            } else {
                "is boilerplate"
            };
            out.push_str(&format!("\nNot linked: passage {} {why}.\n", p.id));
            return Ok(out);
        }
    }
    let engine = Engine::new(corpus);
    let (Some(i), Some(j)) = (engine.index(a), engine.index(b)) else {
        return Err("internal: passage not analysed".to_owned());
    };
    // The best-scoring parts: the passages whole, or a clause of one.
    let Some((ua, ub, comparison)) = engine
        .compare_units(i, j)
        .into_iter()
        .max_by(|x, y| score(&x.2.features).total_cmp(&score(&y.2.features)))
    else {
        return Err("internal: nothing compared".to_owned());
    };
    for (unit, id) in [(ua, a), (ub, b)] {
        if let Some(bytes) = engine.unit_bytes(unit) {
            let text = corpus.passages[id].text.get(bytes).unwrap_or("");
            out.push_str(&format!(
                "\nbest match through a clause of [{id}]: «{text}»\n"
            ));
        }
    }
    let s = score(&comparison.features);
    let whole = ua == i && ub == j;
    let linked = corpus
        .links
        .iter()
        .any(|l| (l.a, l.b) == (a.min(b), a.max(b)));
    let verdict = match (linked, whole && s >= LINK_THRESHOLD) {
        (true, true) => format!("LINKED: score {s:.3} ≥ {LINK_THRESHOLD}"),
        (true, false) if whole => format!(
            "LINKED: score {s:.3} < {LINK_THRESHOLD}, but the two are each other's best match \
             between their articles (score ≥ {RECIPROCAL_THRESHOLD} or containment {:.2} ≥ {CONTAINMENT_THRESHOLD})",
            comparison.features.cover_min
        ),
        (true, false) => format!(
            "LINKED: the clause and the passage are each other's best match between their \
             articles, with score {s:.3} ≥ {CLAUSE_THRESHOLD}"
        ),
        (false, true) => {
            format!("not linked: score {s:.3}, but the index did not propose the pair")
        }
        (false, false) => format!(
            "not linked: score {s:.3} < {LINK_THRESHOLD}, and not each other's best match with score ≥ \
             {RECIPROCAL_THRESHOLD} or containment ≥ {CONTAINMENT_THRESHOLD} (a clause: score ≥ {CLAUSE_THRESHOLD})"
        ),
    };
    out.push_str(&format!("\n{verdict}\n"));
    out.push_str("\nshared terms (weight; ~ spelling variant, ≈ similar meaning):");
    for &(t, w) in &comparison.shared {
        out.push_str(&format!(" {}({w:.1})", engine.stats.names[t as usize]));
    }
    for &(x, y) in &comparison.near {
        out.push_str(&format!(
            " {}~{}",
            engine.stats.names[x as usize], engine.stats.names[y as usize]
        ));
    }
    for &(x, y) in &comparison.similar {
        out.push_str(&format!(
            " {}≈{}",
            engine.stats.names[x as usize], engine.stats.names[y as usize]
        ));
    }
    out.push_str("\n\nfeatures:\n");
    for (name, value) in PairFeatures::NAMES
        .iter()
        .zip(comparison.features.as_array())
    {
        out.push_str(&format!("  {name:>16} {value:.3}\n"));
    }
    Ok(out)
}
