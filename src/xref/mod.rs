//! Stage 4: cross-referencing: links between passages of different sources
//! that state the same thing, claims grouping them, and their differences.

pub mod analysis;
pub mod candidates;
pub mod cluster;
pub mod decide;
pub mod diff;
pub mod differences;
pub mod features;
pub mod model;

use rayon::prelude::*;

use crate::model::{Claim, Corpus, Link, PassageId};
use analysis::{Analysed, TermStats, analyse};
use features::{PairComparison, PairFeatures, compare};

/// Verified pairs scoring below this are forgotten (they count as 0 when
/// claims are grouped).
const KEEP_SCORE: f64 = 0.05;
/// Most evidence terms listed per link.
const MAX_EVIDENCE: usize = 8;

/// The analysed corpus, kept for explaining pair decisions.
pub struct Engine {
    /// Passage ids that take part, and their analyses, in the same order.
    pub ids: Vec<PassageId>,
    pub analysed: Vec<Analysed>,
    pub stats: TermStats,
    index_of: std::collections::HashMap<PassageId, usize>,
}

impl Engine {
    /// Analyses the linkable passages of a corpus.
    pub fn new(corpus: &Corpus) -> Self {
        let ids: Vec<PassageId> = corpus
            .passages
            .iter()
            .filter(|p| p.is_linkable())
            .map(|p| p.id)
            .collect();
        let texts: Vec<&str> = ids
            .iter()
            .map(|&id| corpus.passages[id].text.as_str())
            .collect();
        let (analysed, stats) = analyse(&texts);
        let index_of = ids.iter().enumerate().map(|(i, &id)| (id, i)).collect();
        Engine {
            ids,
            analysed,
            stats,
            index_of,
        }
    }

    /// The source of each analysed passage.
    pub fn sources(&self, corpus: &Corpus) -> Vec<usize> {
        self.ids
            .iter()
            .map(|&id| corpus.passages[id].source)
            .collect()
    }

    /// Candidate pairs (indices into `ids`) from the inverted index.
    pub fn candidates(&self, sources: &[usize]) -> Vec<(usize, usize)> {
        let eligible = vec![true; self.ids.len()];
        candidates::candidate_pairs(&self.analysed, &self.stats, sources, &eligible)
    }

    /// Compares two passages by id; `None` if either does not take part.
    pub fn compare(&self, a: PassageId, b: PassageId) -> Option<PairComparison> {
        let (&i, &j) = (self.index_of.get(&a)?, self.index_of.get(&b)?);
        Some(compare(&self.analysed[i], &self.analysed[j], &self.stats))
    }

    /// The surface words behind a comparison's shared terms, heaviest first
    /// (`text_a` is the first passage's text).
    pub fn evidence(&self, text_a: &str, comparison: &PairComparison) -> Vec<String> {
        let tokens = crate::text::tokens::tokenize(text_a);
        let mut out: Vec<String> = Vec::new();
        for &(term, _) in &comparison.shared {
            let key = &self.stats.names[term as usize];
            if let Some(t) = tokens.iter().find(|t| &t.key == key)
                && !out.contains(&t.folded)
            {
                out.push(if t.is_number() {
                    key.trim_start_matches('#').to_owned()
                } else {
                    t.folded.clone()
                });
            }
            if out.len() == MAX_EVIDENCE {
                break;
            }
        }
        for &(ta, tb) in &comparison.near {
            out.push(format!(
                "{}~{}",
                self.stats.names[ta as usize], self.stats.names[tb as usize]
            ));
        }
        out
    }
}

/// Fills `corpus.links` and `corpus.claims`.
pub fn cross_reference(corpus: &mut Corpus) {
    cross_reference_with(corpus, &|_, _| {});
}

/// [`cross_reference`], telling `progress` each step done (its name and
/// what it found). CROSSREAD_TIMINGS=1 also prints each step's time.
pub fn cross_reference_with(corpus: &mut Corpus, progress: &dyn Fn(&str, &str)) {
    let timings = std::env::var_os("CROSSREAD_TIMINGS").is_some();
    let started = std::time::Instant::now();
    let step = |name: &str, detail: String| {
        if timings {
            eprintln!(
                "xref: {name:<12} {:>8.1} ms  {detail}",
                started.elapsed().as_secs_f64() * 1e3
            );
        }
        progress(name, &detail);
    };
    let engine = Engine::new(corpus);
    step(
        "analysis",
        format!(
            "{} passages, {} terms",
            engine.ids.len(),
            engine.stats.names.len()
        ),
    );
    let group = engine.sources(corpus);
    let pairs = engine.candidates(&group);
    step("candidates", format!("{} pairs", pairs.len()));

    let verified: Vec<(usize, usize, PairComparison, f64)> = pairs
        .par_iter()
        .map(|&(i, j)| {
            let c = compare(&engine.analysed[i], &engine.analysed[j], &engine.stats);
            let s = model::score(&c.features);
            (i, j, c, s)
        })
        .filter(|v| v.3 >= KEEP_SCORE)
        .collect();

    step("verified", format!("{} kept", verified.len()));
    let scored: Vec<decide::Scored> = verified
        .iter()
        .map(|(i, j, comparison, score)| decide::Scored {
            a: engine.ids[*i],
            b: engine.ids[*j],
            source_a: group[*i],
            source_b: group[*j],
            score: *score,
            score_without_numbers: model::score(&PairFeatures {
                number_conflict: 0.0,
                ..comparison.features
            }),
            cover: comparison.features.cover_min,
            shared_terms: comparison.shared.len()
                + comparison.near.len()
                + comparison.similar.len(),
        })
        .collect();
    let mut linkable_in_source = vec![0usize; corpus.sources.len()];
    for &g in &group {
        linkable_in_source[g] += 1;
    }
    let accepted = decide::decide(&scored, &|s| linkable_in_source[s]);
    let mut links: Vec<Link> = accepted
        .iter()
        .map(|&k| {
            let s = &scored[k];
            Link {
                a: s.a,
                b: s.b,
                score: (s.score * 1000.0).round() / 1000.0,
                evidence: engine.evidence(&corpus.passages[s.a].text, &verified[k].2),
            }
        })
        .collect();
    let ranked: Vec<(PassageId, PassageId, f64)> = accepted
        .iter()
        .map(|&k| (scored[k].a, scored[k].b, scored[k].score))
        .collect();
    let scores: PairScores = scored.iter().map(|s| ((s.a, s.b), s.score)).collect();
    let source_of = |p: PassageId| corpus.passages[p].source;
    let groups = cluster::cluster(&ranked, &source_of);
    step(
        "clustered",
        format!("{} links, {} groups", links.len(), groups.len()),
    );

    corpus.claims = groups
        .into_iter()
        .enumerate()
        .map(|(id, members)| make_claim(id, members, &scores, corpus))
        .collect();
    corpus
        .claims
        .sort_by(|x, y| y.support.cmp(&x.support).then(x.passages.cmp(&y.passages)));
    for (id, claim) in corpus.claims.iter_mut().enumerate() {
        claim.id = id;
    }
    step("claims", format!("{} claims", corpus.claims.len()));
    links.sort_by_key(|l| (l.a, l.b));
    corpus.links = links;
}

/// Scores of verified pairs, keyed `(min, max)`.
type PairScores = std::collections::HashMap<(PassageId, PassageId), f64>;

fn make_claim(id: usize, members: Vec<PassageId>, scores: &PairScores, corpus: &Corpus) -> Claim {
    let score =
        |a: PassageId, b: PassageId| scores.get(&(a.min(b), a.max(b))).copied().unwrap_or(0.0);
    // The most central member: highest total score to the others.
    let representative = members
        .iter()
        .copied()
        .max_by(|&x, &y| {
            let sx: f64 = members.iter().map(|&m| score(x, m)).sum();
            let sy: f64 = members.iter().map(|&m| score(y, m)).sum();
            sx.total_cmp(&sy).then(y.cmp(&x))
        })
        .unwrap_or(members[0]);
    let mut sources: Vec<usize> = members.iter().map(|&p| corpus.passages[p].source).collect();
    sources.sort_unstable();
    sources.dedup();
    let texts: Vec<(PassageId, usize, &str)> = members
        .iter()
        .map(|&p| {
            (
                p,
                corpus.passages[p].source,
                corpus.passages[p].text.as_str(),
            )
        })
        .collect();
    Claim {
        id,
        support: sources.len(),
        sources,
        text: corpus.passages[representative].text.clone(),
        representative,
        differences: differences::differences(&texts),
        passages: members,
    }
}

/// Fewest words for a passage to count as a claim of its own.
const MIN_CLAIM_WORDS: usize = 6;

/// Substantive body passages that no other source corroborates, in reading
/// order: what only one outlet reports.
pub fn single_source(corpus: &Corpus) -> Vec<PassageId> {
    let mut in_claim = vec![false; corpus.passages.len()];
    for claim in &corpus.claims {
        for &p in &claim.passages {
            in_claim[p] = true;
        }
    }
    corpus
        .passages
        .iter()
        .filter(|p| {
            p.kind == crate::model::PassageKind::Body
                && p.is_linkable()
                && !in_claim[p.id]
                && p.text.split_whitespace().count() >= MIN_CLAIM_WORDS
                && !p
                    .text
                    .trim_end_matches(['"', '”', '’', '\''])
                    .ends_with('?')
        })
        .map(|p| p.id)
        .collect()
}
