//! Stage 4: cross-referencing: links between passages of different sources
//! that state the same thing, claims grouping them, and their differences.

pub mod analysis;
mod anchors;
mod batched;
mod batches;
pub mod candidates;
mod claims;
pub mod clauses;
pub mod cluster;
pub mod copies;
pub mod decide;
pub mod diff;
pub mod differences;
mod engine;
mod evidence;
pub mod features;
mod figures;
mod joins;
pub mod judge;
mod kept;
mod linking;
pub mod model;
mod name_variants;
mod parsed;
mod respellings;
mod subsumed;

use crate::model::Corpus;
use claims::distinct_wordings;
pub use claims::single_source;
pub use engine::Engine;

/// Fills `corpus.links` and `corpus.claims`.
pub fn cross_reference(corpus: &mut Corpus) {
    cross_reference_with(corpus, &|_, _| {});
}

/// [`cross_reference`], telling `progress` each step done (its name and
/// what it found). CROSSREAD_TIMINGS=1 also prints each step's time.
pub fn cross_reference_with(corpus: &mut Corpus, progress: &dyn Fn(&str, &str)) {
    let timings = std::env::var_os("CROSSREAD_TIMINGS").is_some();
    let started = std::time::Instant::now();
    let cpu_at_start = cpu_ms();
    // Time since the start, processor time since the start (all threads:
    // beside the time, it shows how much of a step ran in parallel) and
    // resident memory, for CROSSREAD_TIMINGS.
    let now = || {
        format!(
            "{:>8.1} ms {:>8} ms cpu {:>7} MB resident",
            started.elapsed().as_secs_f64() * 1e3,
            cpu_ms()
                .zip(cpu_at_start)
                .map_or("?".to_owned(), |(now, start)| format!("{:.0}", now - start)),
            resident_mb().map_or("?".to_owned(), |m| m.to_string())
        )
    };
    let step = |name: &str, detail: String| {
        if timings {
            eprintln!("xref: {name:<12} {}  {detail}", now());
        }
        progress(name, &detail);
    };
    // Finer steps, for CROSSREAD_TIMINGS only.
    let mark = |name: &str| {
        if timings {
            eprintln!("xref:   {name:<10} {}", now());
        }
    };
    step("start", format!("{} passages", corpus.passages.len()));
    let mut engine = Engine::drafted(corpus);
    step(
        "analysis",
        format!(
            "{} passages, {} terms",
            engine.ids.len(),
            engine.stats.names.len()
        ),
    );
    if timings {
        eprintln!("xref:   sizes      {}", engine.analysis_sizes());
    }
    let linked = linking::link(&mut engine, corpus, &step, &mark);
    let story_of = crate::stories::story_of_source(&corpus.stories, corpus.sources.len());
    let batched::Made {
        mut claims,
        links,
        summary,
    } = batched::make_claims(
        &engine,
        corpus,
        linked,
        &story_of,
        &mark,
        batches::CLAIM_BATCH_PASSAGES,
    );
    // Copies read the passages' text: the engine (its terms alone by now,
    // see `linking::link`) ends here.
    drop(engine);
    step(
        "clustered",
        format!("{} links, {} claims ({summary})", links.len(), claims.len()),
    );
    corpus.links = links;
    corpus.copies = copies::copy_groups(corpus);
    mark("copies");
    for (claim, _) in &mut claims {
        claim.independent = copies::independent(&claim.sources, &corpus.copies);
    }
    // Most independent reports first; copies add to support after that.
    claims.sort_by(|(x, _), (y, _)| {
        (y.independent, y.support)
            .cmp(&(x.independent, x.support))
            .then(x.passages.cmp(&y.passages))
    });
    claims::flag_once(claims.iter_mut().map(|(claim, _)| claim));
    corpus.claims = distinct_wordings(claims, &corpus.passages);
    for (id, claim) in corpus.claims.iter_mut().enumerate() {
        claim.id = id;
    }
    step("claims", format!("{} claims", corpus.claims.len()));
}

/// The processor time the process has used (user and system, every
/// thread) in milliseconds, where the system tells, for CROSSREAD_TIMINGS.
fn cpu_ms() -> Option<f64> {
    let mut usage = std::mem::MaybeUninit::<libc::rusage>::zeroed();
    // SAFETY: getrusage writes one rusage into the memory given, which is
    // sized for it; on failure it writes nothing and returns -1.
    let usage = unsafe {
        if libc::getrusage(libc::RUSAGE_SELF, usage.as_mut_ptr()) != 0 {
            return None;
        }
        usage.assume_init()
    };
    let ms = |t: libc::timeval| t.tv_sec as f64 * 1e3 + t.tv_usec as f64 / 1e3;
    Some(ms(usage.ru_utime) + ms(usage.ru_stime))
}

/// The process's resident memory in MB, where the system tells
/// (/proc on Linux), for CROSSREAD_TIMINGS.
fn resident_mb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024)
}

#[cfg(test)]
mod tests {
    use crate::testing::{corpus_of as corpus, passage_starting as passage};

    #[test]
    fn a_question_corroborates_nothing() {
        let c = corpus(&[
            "Harbour blast\n\nFour dockworkers died when a fuel tank exploded at the northern pier.\n\n\
             Sabotage at the northern pier fuel tank?\n\nThe port will stay closed until Friday.\n",
            "Port explosion\n\nFour dockworkers were killed when a fuel tank blew up at the northern pier.\n\n\
             Police ruled out sabotage at the northern pier fuel tank.\n\nFerries were sent south.\n",
        ]);
        let question = passage(&c, "Sabotage at");
        assert!(
            c.claims.iter().all(|cl| !cl.passages.contains(&question)),
            "{:#?}",
            c.claims
        );
        assert!(!crate::xref::single_source(&c).contains(&question));
        let deaths = passage(&c, "Four dockworkers died");
        assert!(c.claims.iter().any(|cl| cl.passages.contains(&deaths)));
    }

    #[test]
    fn a_sentence_stating_two_things_joins_both_claims() {
        // The second article's sentence states what two separate sentences
        // of the first and third articles state.
        let c = corpus(&[
            "Harbour blast\n\nThe interior minister told reporters on Monday that sabotage was very unlikely. \
             Four dockworkers died when a fuel tank exploded at the northern pier. \
             The port will stay closed until Friday. Ferries were sent to the southern terminal.\n",
            "Port explosion\n\nThe minister told parliament on Monday it was \"highly unlikely\" four dockworkers \
             died because of sabotage at the northern pier fuel tank. \
             Shipping companies counted their losses. A memorial service is planned for Sunday.\n",
            "Pier fire\n\nThe interior minister said on Monday that sabotage was unlikely. \
             Four dockworkers were killed when a fuel tank blew up at the northern pier. \
             Investigators have sealed off the area. Residents heard the explosion miles away.\n",
        ]);
        let both = passage(&c, "The minister told parliament");
        let with_both: Vec<_> = c
            .claims
            .iter()
            .filter(|claim| claim.passages.contains(&both))
            .collect();
        assert_eq!(with_both.len(), 2, "{:#?}", c.claims);
        let minister = passage(&c, "The interior minister told");
        let deaths = passage(&c, "Four dockworkers died");
        assert!(
            with_both.iter().any(|cl| cl.passages.contains(&minister)),
            "{with_both:#?}"
        );
        assert!(
            with_both.iter().any(|cl| cl.passages.contains(&deaths)),
            "{with_both:#?}"
        );
        assert!(
            !with_both
                .iter()
                .any(|cl| cl.passages.contains(&minister) && cl.passages.contains(&deaths)),
            "the two statements of the first article stay in separate claims"
        );
        // Differences compare the part that joined: the deaths claim does
        // not see the minister's "highly unlikely".
        let deaths_claim = with_both
            .iter()
            .find(|cl| cl.passages.contains(&deaths))
            .unwrap();
        assert!(
            deaths_claim
                .differences
                .iter()
                .all(|d| d.kind != crate::model::DifferenceKind::Qualifier),
            "{:#?}",
            deaths_claim.differences
        );
        let minister_claim = with_both
            .iter()
            .find(|cl| cl.passages.contains(&minister))
            .unwrap();
        assert!(
            minister_claim
                .differences
                .iter()
                .any(|d| d.kind == crate::model::DifferenceKind::Qualifier),
            "{:#?}",
            minister_claim.differences
        );
    }

    #[test]
    fn no_two_claims_read_the_same() {
        // The demo has passages that state two claims; each claim shows
        // its own wording (it showed one passage's text twice before).
        let c = crate::corpus::build(&crate::load::load_demo().texts);
        let mut texts: Vec<&str> = c.claims.iter().map(|cl| cl.text.as_str()).collect();
        let all = texts.len();
        texts.sort_unstable();
        texts.dedup();
        assert_eq!(texts.len(), all);
        for claim in &c.claims {
            let rep = &c.passages[claim.representative];
            assert!(claim.passages.contains(&claim.representative));
            assert!(rep.text.contains(&claim.text), "{claim:#?}");
            // A clause cut mid-sentence ("said employees had…") is shown
            // only when no member's wording reads as a sentence.
            assert!(
                !claim.text.starts_with(char::is_lowercase),
                "{}",
                claim.text
            );
        }
    }

    #[test]
    fn a_wire_story_printed_twice_counts_once() {
        let wire = "Harbour blast\n\nFour dockworkers died when a fuel tank exploded at the northern pier on Monday. \
             The interior minister said sabotage was very unlikely. \
             The port will stay closed until Friday while investigators search the site. \
             Ferries were sent to the southern terminal for the rest of the week. \
             The harbour authority said the tank had been inspected in March.\n";
        let c = corpus(&[
            wire,
            &wire.replace("Four dockworkers", "HARBOUR CITY — Four dockworkers"),
            "Pier fire\n\nFour dock workers were killed when a fuel tank blew up at the northern pier on Monday. \
             Residents heard the explosion miles away. Schools in the district closed early.\n",
        ]);
        assert_eq!(c.copies, vec![vec![0, 1]]);
        let deaths = c
            .claims
            .iter()
            .find(|cl| cl.sources == vec![0, 1, 2])
            .unwrap_or_else(|| panic!("{:#?}", c.claims));
        assert_eq!((deaths.support, deaths.independent), (3, 2));
        let closed = c
            .claims
            .iter()
            .find(|cl| cl.text.contains("closed until Friday"))
            .unwrap_or_else(|| panic!("{:#?}", c.claims));
        assert_eq!((closed.support, closed.independent), (2, 1));
    }
}
