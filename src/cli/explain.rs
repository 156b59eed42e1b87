//! `crossread explain A B`: why two passages are, or are not, linked.

use crate::model::Corpus;
use crate::text::visible;
use crate::xref::Engine;
use crate::xref::decide::{MIN_CLAUSE_SHARED_TERMS, MIN_SHARED_CONTENT, Rejection, Rule, Verdict};
use crate::xref::features::PairFeatures;
use crate::xref::judge::judge;
use crate::xref::model::PairModel;

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
            visible(outlet),
            p.kind.as_str(),
            visible(&p.text)
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
    // The decision is re-run as the pipeline ran it (same candidates, same
    // competition), and the verdicts on this pair's unit pairs are read.
    let group = engine.sources(corpus);
    let pairs = engine.candidates(&group, &engine.stories(corpus, &group));
    let key = (i.min(j), i.max(j));
    let proposed = pairs.binary_search(&key).is_ok();
    let judged = judge(
        &engine,
        &group,
        &pairs,
        corpus.sources.len(),
        PairModel::get(),
        &|_| {},
    );
    let mine: Vec<usize> = (0..judged.scored.len())
        .filter(|&k| {
            let s = &judged.scored[k];
            let (a, b) = s.units();
            let (x, y) = (engine.passage_of(a), engine.passage_of(b));
            (x.min(y), x.max(y)) == key
        })
        .collect();
    // The unit pair that speaks for the pair: the best linked one, else the
    // best scoring one.
    let chosen = mine.iter().copied().max_by(|&x, &y| {
        let rank = |k: usize| (judged.verdict(k).is_ok(), judged.scored[k].score);
        let (rx, ry) = (rank(x), rank(y));
        rx.0.cmp(&ry.0).then(rx.1.total_cmp(&ry.1))
    });
    let (comparison, verdict) = match chosen {
        Some(k) => {
            let s = &judged.scored[k];
            let (a, b) = s.units();
            for unit in [a, b] {
                if let Some(bytes) = engine.unit_bytes(unit) {
                    let id = engine.ids[engine.passage_of(unit)];
                    let text = corpus.passages[id].text.get(bytes).unwrap_or("");
                    out.push_str(&format!(
                        "\nbest match through a clause of [{id}]: «{}»\n",
                        visible(text)
                    ));
                }
            }
            let what = if s.has(crate::xref::decide::COMPETITIVE) {
                "news model (articles with alternatives)"
            } else {
                "paraphrase model (lone passages)"
            };
            out.push_str(&format!("\nscored by the {what}: {}\n", fmt(s.score)));
            let c = engine
                .compare_pair(a, b)
                .ok_or_else(|| "internal: nothing compared".to_owned())?;
            (c, describe(&judged.verdict(k)))
        }
        None => {
            let c = engine
                .compare(a, b)
                .ok_or_else(|| "internal: nothing compared".to_owned())?;
            let why = if proposed {
                "not linked: every part of the pair scored below the level at which pairs are kept"
                    .to_owned()
            } else {
                "not linked: the candidate index did not propose the pair (too little weighted \
                 content in common)"
                    .to_owned()
            };
            (c, why)
        }
    };
    out.push_str(&format!("\n{verdict}\n"));
    out.push_str(&claims_together(corpus, a, b));
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

/// The claims that hold both passages: a claim groups the passages most of
/// whose members link, so two of them need not be linked to each other.
fn claims_together(corpus: &Corpus, a: usize, b: usize) -> String {
    let both: Vec<&crate::model::Claim> = corpus
        .claims
        .iter()
        .filter(|c| c.passages.contains(&a) && c.passages.contains(&b))
        .collect();
    if both.is_empty() {
        return "no claim holds both passages\n".to_owned();
    }
    let mut out = "claims holding both (a claim groups passages most of whose members link, \
                   not only linked pairs):\n"
        .to_owned();
    for claim in both {
        let text = visible(&claim.text);
        let shown: String = text.chars().take(100).collect();
        let more = if shown.len() < text.len() { "…" } else { "" };
        out.push_str(&format!(
            "  #{} ({} sources) «{shown}{more}»\n",
            claim.id, claim.support
        ));
    }
    out
}

/// A value compared with a threshold, with enough decimals that the
/// printed comparison holds ("0.1996 < 0.2", never "0.200 < 0.2").
fn versus(value: f64, op: &str, threshold: f64) -> String {
    let mut decimals = 3;
    while decimals < 8 && format!("{value:.decimals$}") == format!("{threshold:.decimals$}") {
        decimals += 1;
    }
    format!("{value:.decimals$} {op} {threshold}")
}

fn fmt(value: f64) -> String {
    format!("{value:.3}")
}

/// Which score a mutual-best rule compared.
fn numbers_note(counted: bool) -> &'static str {
    if counted {
        "(with the clause's clashing numbers counted)"
    } else {
        "(disagreeing numbers set aside)"
    }
}

/// The rule that decided, with the values it compared.
fn describe(verdict: &Verdict) -> String {
    match *verdict {
        Ok(Rule::Paraphrase { score, threshold }) => {
            format!("LINKED: paraphrase score {}", versus(score, "≥", threshold))
        }
        Ok(Rule::Confident { score, threshold }) => {
            format!("LINKED: score {}", versus(score, "≥", threshold))
        }
        Ok(Rule::MutualBest {
            score,
            floor,
            clause,
            numbers_counted,
        }) => format!(
            "LINKED: the {} are each other's best match between their articles, with score \
             {} {}",
            if clause {
                "clause and the passage"
            } else {
                "two passages"
            },
            numbers_note(numbers_counted),
            versus(score, "≥", floor)
        ),
        Ok(Rule::Containment { cover, threshold }) => format!(
            "LINKED: the two are each other's best match between their articles and one \
             states {} of the other's weighted content",
            versus(cover, "≥", threshold)
        ),
        Ok(Rule::Contained {
            cover,
            threshold,
            score,
            floor,
        }) => format!(
            "LINKED: the shorter passage's best match in the other article is the longer, \
             which states {} of its weighted content, with score {}",
            versus(cover, "≥", threshold),
            versus(score, "≥", floor)
        ),
        Err(Rejection::Paraphrase { score, threshold }) => {
            format!(
                "not linked: paraphrase score {}",
                versus(score, "<", threshold)
            )
        }
        Err(Rejection::NotMutual { score, better }) => match better {
            Some((_, best)) => format!(
                "not linked: not each other's best match (score {}, a better partner scores {})",
                fmt(score),
                fmt(best)
            ),
            None => "not linked: not each other's best match".to_owned(),
        },
        Err(Rejection::FewSharedTerms { shared, min }) if min <= MIN_SHARED_CONTENT => format!(
            "not linked: {shared} shared content terms < {min} (function words alone state no common claim)"
        ),
        Err(Rejection::FewWordsInCommon {
            words,
            cover,
            threshold,
        }) => format!(
            "not linked: {words} content {} in common (exactly or by spelling; a neighbour in \
             meaning is no word in common), not all the lighter passage states (it covers {} \
             of its weighted content): one common word is no evidence of one claim",
            if words == 1 { "word" } else { "words" },
            versus(cover, "<", threshold)
        ),
        Err(Rejection::FewSharedTerms { shared, min }) => format!(
            "not linked: each other's best match, but {shared} content words in common (exactly or by spelling) < {min}{}",
            if min == MIN_CLAUSE_SHARED_TERMS {
                " (a clause needs a word more than whole passages: two are what stock phrases share)"
            } else {
                ""
            }
        ),
        Err(Rejection::Weak {
            score,
            floor,
            numbers_counted,
            cover,
            containment,
        }) => format!(
            "not linked: each other's best match, but score {} {} and containment {}",
            numbers_note(numbers_counted),
            versus(score, "<", floor),
            versus(cover, "<", containment)
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn explain_says_which_claims_hold_both_passages() {
        let mut corpus = crate::testing::harbour_blast();
        let find = |start: &str| crate::testing::passage_starting(&corpus, start);
        let (died, killed) = (find("Four dockworkers died"), find("Four dockworkers were"));
        let claim = corpus
            .claims
            .iter()
            .find(|c| c.passages.contains(&died) && c.passages.contains(&killed))
            .expect("one claim of the deaths")
            .id;
        let told = explain(&corpus, died, killed).expect("explained");
        assert!(told.contains(&format!("\n  #{claim} (")), "{told}");
        let closed = find("The port will stay");
        let told = explain(&corpus, closed, killed).expect("explained");
        assert!(told.contains("no claim holds both passages"), "{told}");
        corpus.claims.clear();
        let told = explain(&corpus, died, killed).expect("explained");
        assert!(told.contains("no claim holds both passages"), "{told}");
    }

    #[test]
    fn a_clause_with_too_few_words_in_common_is_told_why() {
        let few = |min| {
            describe(&Err(Rejection::FewSharedTerms {
                shared: MIN_CLAUSE_SHARED_TERMS - 1,
                min,
            }))
        };
        let clause = few(MIN_CLAUSE_SHARED_TERMS);
        assert!(clause.contains("a clause needs a word more"), "{clause}");
        assert!(
            clause.contains(&format!("< {MIN_CLAUSE_SHARED_TERMS}")),
            "{clause}"
        );
        let whole = few(MIN_CLAUSE_SHARED_TERMS - 1);
        assert!(!whole.contains("clause"), "{whole}");
    }
}
