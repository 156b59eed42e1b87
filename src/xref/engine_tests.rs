//! Tests of the engine: units, clause depth, evidence, early drops.

use super::*;

impl Engine {
    /// [`Engine::score_units_each`]'s unit pairs as a list.
    fn score_units(
        &self,
        i: usize,
        j: usize,
        hopeless: &dyn Fn(&FeatureBounds) -> bool,
        depth: &dyn Fn(&PairFeatures) -> ClauseDepth,
    ) -> Vec<(usize, usize, PairFeatures, SharedCount)> {
        let mut out = Vec::new();
        self.score_units_each(i, j, hopeless, depth, &mut |scored| out.push(scored));
        out
    }
}

/// Two articles of one sentence of two clauses each: the engine's
/// passage indices of the two sentences.
fn engine() -> (Engine, Corpus, usize, usize) {
    let corpus = crate::corpus::build(&crate::load::texts_for_test(&[
        "Harbour blast\n\nFour dockworkers died when a fuel tank exploded at the northern pier, \
         and the ferries to the islands stay suspended until the inspectors finish.\n",
        "Port explosion\n\nInvestigators arrived at the burned warehouse with sniffer dogs, \
         while the ferries to the islands stay suspended until the inspectors finish.\n",
    ]));
    let engine = Engine::new(&corpus);
    let sentence = |start: &str| {
        let id = corpus
            .passages
            .iter()
            .position(|p| p.text.starts_with(start))
            .expect("the sentence is a passage");
        engine.index(id).expect("the sentence is analysed")
    };
    let (a, b) = (sentence("Four dockworkers"), sentence("Investigators"));
    (engine, corpus, a, b)
}

/// [`engine`]'s articles drafted, every passage analysed in full, and the
/// indices of all of them.
fn analysed_in_full() -> (Engine, Corpus, usize, usize, Vec<usize>) {
    let (_, corpus, a, b) = engine();
    let mut engine = Engine::drafted(&corpus);
    let all: Vec<usize> = (0..engine.ids.len()).collect();
    engine.analyse_fully(&all);
    (engine, corpus, a, b, all)
}

#[test]
fn links_read_the_same_evidence_from_the_figures_reading_as_from_their_text() {
    let (engine, corpus, a, b, all) = analysed_in_full();
    let units: Vec<(usize, u32, u32)> = engine
        .score_units(a, b, &|_| false, &|_| ClauseDepth::Both)
        .into_iter()
        .enumerate()
        .map(|(n, (x, y, _, _))| (n, x as u32, y as u32))
        .collect();
    let read = crate::xref::figures::read(&engine, &corpus, &all);
    // The first sentence writes a number: the figures step read it.
    assert!(read.get(engine.ids[a]).is_some());
    let from_text = crate::xref::evidence::of_links(&engine, &corpus, &units, &Default::default());
    assert!(
        from_text.iter().any(|(_, e)| !e.is_empty()),
        "{from_text:?}"
    );
    let from_read = crate::xref::evidence::of_links(&engine, &corpus, &units, &read);
    let in_order = |mut found: Vec<(usize, crate::model::Evidence)>| {
        found.sort_by_key(|(n, _)| *n);
        found
    };
    assert_eq!(in_order(from_read), in_order(from_text));
}

#[test]
fn links_read_the_same_evidence_once_full_analyses_are_dropped() {
    let (mut engine, corpus, a, b, _) = analysed_in_full();
    let units: Vec<(usize, usize)> = engine
        .score_units(a, b, &|_| false, &|_| ClauseDepth::Both)
        .into_iter()
        .map(|(x, y, _, _)| (x, y))
        .collect();
    assert!(units.len() > 1, "clauses are compared");
    let tokens = crate::text::tokens::tokenize(&corpus.passages[engine.ids[a]].text);
    let evidence = |engine: &Engine| -> Vec<_> {
        units
            .iter()
            .map(|&(x, y)| engine.link_evidence(&tokens, x, y))
            .collect()
    };
    let before = evidence(&engine);
    assert!(before.iter().any(|e| !e.is_empty()), "{before:?}");
    let full_terms = engine.unit(a).map(|u| u.terms().to_vec());
    assert_eq!(full_terms.as_deref(), Some(engine.terms(a)));
    engine.drop_full_analyses();
    assert_eq!(evidence(&engine), before);
    assert!(engine.unit(a).is_none(), "no full analysis is left");
    assert!(
        engine
            .score_units(a, b, &|_| false, &|_| ClauseDepth::Both)
            .is_empty(),
        "nothing is compared without full analyses"
    );
    // Built again from the drafts, they compare as before.
    engine.analyse_fully(&[a, b]);
    assert_eq!(
        engine
            .score_units(a, b, &|_| false, &|_| ClauseDepth::Both)
            .len(),
        units.len()
    );
}

#[test]
fn clauses_are_compared_as_deep_as_asked() {
    let (engine, _, a, b) = engine();
    let clauses = |i: usize| engine.units_of(i).count() - 1;
    assert!(clauses(a) >= 2 && clauses(b) >= 2);
    let n = engine.ids.len();
    let pairs = |depth: ClauseDepth| {
        let units = engine.score_units(a, b, &|_| false, &|_| depth);
        assert_eq!(
            (units[0].0, units[0].1),
            (a, b),
            "the whole pair comes first"
        );
        let with_whole = units[1..].iter().filter(|u| (u.0 < n) != (u.1 < n)).count();
        let clause_clause = units[1..].iter().filter(|u| u.0 >= n && u.1 >= n).count();
        (units.len(), with_whole, clause_clause)
    };
    assert_eq!(pairs(ClauseDepth::None), (1, 0, 0));
    let with_whole = clauses(a) + clauses(b);
    assert_eq!(
        pairs(ClauseDepth::WithWhole),
        (1 + with_whole, with_whole, 0)
    );
    let both = clauses(a) * clauses(b);
    assert_eq!(
        pairs(ClauseDepth::Both),
        (1 + with_whole + both, with_whole, both)
    );
    // `compare_units` (the pair dumps the fitting reads) compares them all.
    assert_eq!(engine.compare_units(a, b).len(), 1 + with_whole + both);
}

#[test]
fn the_clauses_that_say_one_thing_score_highest() {
    let (engine, corpus, a, b) = engine();
    let n = engine.ids.len();
    let model = crate::xref::model::PairModel::get();
    let best = engine
        .score_units(a, b, &|_| false, &|_| ClauseDepth::Both)
        .into_iter()
        .max_by(|x, y| model.news.score(&x.2).total_cmp(&model.news.score(&y.2)))
        .expect("units were compared");
    // The ferries clause of each, not a clause against a whole sentence.
    assert!(best.0 >= n && best.1 >= n, "{best:?}");
    let text = |u: usize| {
        let passage = &corpus.passages[engine.ids[engine.passage_of(u)]].text;
        let bytes = engine.unit_bytes(u).expect("a clause has its bytes");
        passage[bytes].to_owned()
    };
    for u in [best.0, best.1] {
        assert!(
            text(u).contains("the ferries to the islands stay suspended"),
            "{}",
            text(u)
        );
        assert!(
            !text(u).contains("dockworkers") && !text(u).contains("sniffer"),
            "{}",
            text(u)
        );
    }
}

#[test]
fn pairs_dropped_early_are_those_that_score_under_the_floor() {
    // Every cross-source pair of the demo's passages, scored in full and
    // with the pairs whose bounds cannot reach a floor dropped early: the
    // early drop keeps every unit pair that reaches it, with the same
    // features, and drops some.
    let corpus = crate::corpus::build(&crate::load::load_demo().texts);
    let engine = Engine::new(&corpus);
    let model = crate::xref::model::PairModel::get();
    let floor = 0.3;
    let depth = |whole: &PairFeatures| {
        if model.news.score(whole) >= floor {
            ClauseDepth::Both
        } else {
            ClauseDepth::None
        }
    };
    let hopeless = |bounds: &FeatureBounds| model.news.upper_bound(bounds) < floor;
    let sources = engine.sources(&corpus);
    let (mut kept, mut dropped) = (0, 0);
    for i in 0..engine.ids.len() {
        for j in i + 1..engine.ids.len() {
            if sources[i] == sources[j] {
                continue;
            }
            let full = engine.score_units(i, j, &|_| false, &depth);
            let early = engine.score_units(i, j, &hopeless, &depth);
            for unit in &early {
                assert!(full.contains(unit), "{unit:?} is not as computed in full");
            }
            for unit in &full {
                if model.news.score(&unit.2) >= floor {
                    assert!(early.contains(unit), "{unit:?} was dropped");
                    kept += 1;
                }
            }
            dropped += full.len() - early.len();
        }
    }
    assert!(kept > 10 && dropped > 100, "kept {kept}, dropped {dropped}");
}

/// A generated corpus of several stories (events mixed, clauses in about
/// two passages of five), cross-referenced up to its stories.
fn stories_corpus() -> Corpus {
    let articles = crate::synth::corpus(40, 11);
    let texts: Vec<&str> = articles.iter().map(|a| a.text.as_str()).collect();
    let mut corpus = crate::corpus::segment_corpus(&crate::load::texts_for_test(&texts));
    crate::corpus::group_stories(&mut corpus);
    corpus
}

#[test]
fn a_drafted_engine_holds_the_terms_and_numbers_a_full_one_keeps() {
    let corpus = stories_corpus();
    let full = Engine::new(&corpus);
    let drafted = Engine::drafted(&corpus);
    assert_eq!(full.ids, drafted.ids);
    let units = full.full_slot.len();
    assert!(units > full.ids.len(), "some passages have clauses");
    for u in 0..units {
        let analysis = full.unit(u).expect("analysed in full");
        assert_eq!(analysis.terms(), drafted.terms(u), "unit {u}");
        assert_eq!(analysis.numbers(), drafted.numbers(u), "unit {u}");
        assert_eq!(full.terms(u), drafted.terms(u), "unit {u}");
        assert_eq!(full.unit_bytes(u), drafted.unit_bytes(u), "unit {u}");
        assert!(drafted.unit(u).is_none(), "unit {u} is a draft");
    }
}

#[test]
fn scoring_story_by_story_keeps_the_pairs_of_one_pass_in_its_order() {
    let corpus = stories_corpus();
    assert!(corpus.stories.len() > 3, "{} stories", corpus.stories.len());
    let model = crate::xref::model::PairModel::get();
    let full = Engine::new(&corpus);
    let group = full.sources(&corpus);
    let story = full.stories(&corpus, &group);
    let pairs = full.candidates(&group, &story);
    let sources = corpus.sources.len();
    let once = crate::xref::judge::score(&full, &group, &pairs, sources, model);
    let row = |s: &crate::xref::decide::Scored| (s.a, s.b, s.score.to_bits(), s.cover.to_bits());
    // Batches of one story each (the smallest), and of all at once.
    for batch in [1, usize::MAX] {
        let mut drafted = Engine::drafted(&corpus);
        let kept = crate::xref::judge::score_by_story(
            &mut drafted,
            &group,
            &story,
            &pairs,
            sources,
            model,
            batch,
        );
        assert_eq!(kept.len(), once.len());
        assert!(!kept.is_empty());
        let a: Vec<_> = kept.iter().map(row).collect();
        let b: Vec<_> = once.iter().map(row).collect();
        assert_eq!(a, b, "batches of {batch}");
        assert!((0..kept.len()).all(|k| row(&kept[k]) == b[k]));
        // No full analysis is left, and the drafts are gone.
        assert!((0..drafted.ids.len()).all(|i| drafted.unit(i).is_none()));
        assert!(drafted.drafts.is_empty());
    }
}
