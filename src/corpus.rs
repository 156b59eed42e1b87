//! Assembling the model: loaded texts → cleaned, segmented sources and
//! passages. Cross-referencing is a later stage ([`crate::xref`]).

use rayon::prelude::*;

use crate::clean::metadata::{self, Metadata};
use crate::clean::{Hit, classify_with_hits, hits_within, paragraphs, phrase_hits};
use crate::load::LoadedText;
use crate::model::{Corpus, Passage, PassageKind, Source, TextOrigin};
use crate::segment::split_sentences;
use crate::text::fasthash::FastMap;

/// One source's passages before ids are assigned.
struct SourceDraft {
    source: Source,
    passages: Vec<PassageDraft>,
}

struct PassageDraft {
    paragraph: usize,
    kind: PassageKind,
    text: String,
    start: usize,
    end: usize,
    /// Index (within the source) of the passage this one repeats.
    duplicate_of: Option<usize>,
}

/// The whole pipeline: clean, segment, cross-reference.
pub fn build(texts: &[LoadedText]) -> Corpus {
    let mut corpus = segment_corpus(texts);
    crate::xref::cross_reference(&mut corpus);
    corpus
}

/// Cleans and segments every text into a corpus without claims or links,
/// its stories grouped.
pub fn segment_corpus(texts: &[LoadedText]) -> Corpus {
    let mut corpus = segment_articles(texts);
    group_stories(&mut corpus);
    corpus
}

/// Cleans and segments every text into sources and passages only (no
/// stories yet).
pub fn segment_articles(texts: &[LoadedText]) -> Corpus {
    let drafts: Vec<SourceDraft> = texts.par_iter().map(draft_source).collect();
    let mut corpus = Corpus::default();
    // Sized once: grown push by push, the passages were copied about
    // twice over, onto fresh pages each time.
    corpus.sources.reserve_exact(drafts.len());
    corpus
        .passages
        .reserve_exact(drafts.iter().map(|d| d.passages.len()).sum());
    for (id, draft) in drafts.into_iter().enumerate() {
        let first = corpus.passages.len();
        for p in draft.passages {
            corpus.passages.push(Passage {
                id: corpus.passages.len(),
                source: id,
                paragraph: p.paragraph,
                kind: p.kind,
                text: p.text,
                start: p.start,
                end: p.end,
                duplicate_of: p.duplicate_of.map(|d| first + d),
            });
        }
        let mut source = draft.source;
        source.id = id;
        source.passage_ids = first..corpus.passages.len();
        corpus.sources.push(source);
    }
    corpus
}

/// Groups the corpus's sources into stories (the events they report).
pub fn group_stories(corpus: &mut Corpus) {
    let started = std::time::Instant::now();
    corpus.stories = crate::stories::group(corpus);
    if std::env::var_os("CROSSREAD_TIMINGS").is_some() {
        eprintln!(
            "stories: {} stories of {} articles in {:.1} ms",
            corpus.stories.len(),
            corpus.sources.len(),
            started.elapsed().as_secs_f64() * 1e3
        );
    }
}

fn draft_source(loaded: &LoadedText) -> SourceDraft {
    let text = &loaded.decoded.text;
    let offsets = &loaded.decoded.offsets;
    let paras = paragraphs(text);
    let para_texts: Vec<&str> = paras.iter().map(|p| p.text.as_ref()).collect();
    let para_words: Vec<usize> = paras.iter().map(|p| p.words).collect();
    // Each paragraph is searched once for the fixed phrases of cleaning:
    // its own kind and its sentences' read the hits.
    let para_hits: Vec<Vec<Hit>> = para_texts.iter().map(|p| phrase_hits(p)).collect();
    let mut kinds = classify_with_hits(&para_texts, &para_words, &para_hits);
    let given = &loaded.given;
    // A headline the file states is the first paragraph extraction wrote.
    if let (Some(title), Some(first)) = (&given.title, para_texts.first())
        && first == title
    {
        kinds[0] = PassageKind::Title;
    }
    // What the file states wins over what is read off its text.
    let Metadata {
        title,
        outlet,
        byline,
        date,
        url,
    } = given
        .clone()
        .or(metadata::extract(&loaded.path, &para_texts, &kinds));

    let mut passages = Vec::new();
    let mut sentence_hits: Vec<Vec<Hit>> = Vec::new();
    let mut sentence_words: Vec<usize> = Vec::new();
    let mut seen: FastMap<u64, usize> = FastMap::default();
    let mut first_title = None;
    for (index, (para, &kind)) in paras.iter().zip(&kinds).enumerate() {
        // A headline is one passage even if it holds a full stop, and
        // holds the headline only: an outlet name or a date stamp the
        // metadata read off its end ("… chemical plant – The Harbour
        // Herald") is no part of what the article states, and would make
        // two outlets' headlines look less alike than they read.
        let ranges = if kind == PassageKind::Title {
            let end = title
                .as_deref()
                .filter(|t| index == 0 && !t.is_empty() && para.text.starts_with(t))
                .map_or(para.text.len(), str::len);
            std::iter::once(0..end).collect()
        } else {
            split_sentences(&para.text)
        };
        for range in ranges {
            let decoded = para.source_range(range.clone());
            let sentence = &para.text[range.clone()];
            // The same folded text as an earlier sentence (its hash
            // first; equal hashes compared as text).
            let key = crate::text::fold_alnum_hash(sentence);
            let same = |&earlier: &usize| {
                let earlier: &PassageDraft = &passages[earlier];
                crate::clean::fold_for_duplicates(&earlier.text)
                    == crate::clean::fold_for_duplicates(sentence)
            };
            let mut duplicate_of = key.and_then(|k| seen.get(&k).copied().filter(same));
            if kind == PassageKind::Title {
                duplicate_of = duplicate_of.or(first_title);
                first_title.get_or_insert(passages.len());
            }
            if let Some(k) = key.filter(|_| duplicate_of.is_none()) {
                seen.entry(k).or_insert(passages.len());
            }
            sentence_hits.push(hits_within(&para_hits[index], &range));
            // A paragraph's words are joined by single spaces, so a
            // sentence's words are its spaces and one (a headline cut
            // where the file's title ends may end on a space).
            let words = if kind == PassageKind::Title {
                crate::text::word_count(sentence)
            } else {
                crate::text::count_byte(sentence.as_bytes(), b' ') + 1
            };
            debug_assert_eq!(words, crate::text::word_count(sentence), "{sentence:?}");
            sentence_words.push(words);
            passages.push(PassageDraft {
                paragraph: index,
                kind,
                text: sentence.to_owned(),
                start: offsets.to_original(decoded.start),
                end: offsets.to_original(decoded.end),
                duplicate_of,
            });
        }
    }
    let sentences: Vec<(usize, &str)> = passages
        .iter()
        .map(|p| (p.paragraph, p.text.as_str()))
        .collect();
    let mut sentence_kinds: Vec<PassageKind> = passages.iter().map(|p| p.kind).collect();
    crate::clean::mark_furniture(
        &sentences,
        &sentence_words,
        &sentence_hits,
        &mut sentence_kinds,
    );
    for (p, kind) in passages.iter_mut().zip(sentence_kinds) {
        p.kind = kind;
    }
    SourceDraft {
        source: Source {
            id: 0,
            path: loaded.path.clone(),
            title,
            outlet,
            byline,
            date,
            url,
            warnings: loaded.warnings.clone(),
            text_origin: loaded.origin,
            encoding: loaded.decoded.encoding.map(|(name, _)| name.to_owned()),
            text: (loaded.origin == TextOrigin::Extracted).then(|| text.clone()),
            passage_ids: 0..0,
        },
        passages,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::texts_for_test;

    #[test]
    fn a_quoted_post_is_body_and_its_link_and_tags_furniture() {
        let article = "Zoo mourns gorilla\n\n\
                       The zoo had marked the gorilla's birthday on Friday.\n\n\
                       Happy 17th birthday to silverback gorilla Harambe! https://t.co/FeITuw0h \
                       — Cincinnati Zoo (@CincinnatiZoo) May 27, 2016\n\n\
                       Details on sad incident at the zoo today: https://t.co/s9bYF pic.twitter.com/7gBq\n\n\
                       Smoke over the quay. #KestrelBay #explosion";
        let corpus = segment_articles(&texts_for_test(&[article]));
        let kinds: Vec<(&str, PassageKind)> = corpus
            .passages
            .iter()
            .map(|p| (p.text.as_str(), p.kind))
            .collect();
        use PassageKind::{Body, Boilerplate, Title};
        assert_eq!(
            kinds,
            [
                ("Zoo mourns gorilla", Title),
                ("The zoo had marked the gorilla's birthday on Friday.", Body),
                ("Happy 17th birthday to silverback gorilla Harambe!", Body),
                (
                    "https://t.co/FeITuw0h — Cincinnati Zoo (@CincinnatiZoo) May 27, 2016",
                    Boilerplate
                ),
                // No sentence before the link: a teaser, furniture whole.
                (
                    "Details on sad incident at the zoo today: https://t.co/s9bYF pic.twitter.com/7gBq",
                    Boilerplate
                ),
                ("Smoke over the quay.", Body),
                ("#KestrelBay #explosion", Boilerplate),
            ]
        );
    }

    #[test]
    fn a_headline_passage_holds_the_headline_without_the_outlet_name() {
        let article = "Five dead as blast rips through plant – The Harbour Herald\n\n\
                       © 2025 The Harbour Herald. All rights reserved.\n\n\
                       Five workers were killed in the blast on Monday.";
        let corpus = segment_articles(&texts_for_test(&[article]));
        let headline = &corpus.passages[0];
        assert_eq!(headline.kind, PassageKind::Title);
        assert_eq!(headline.text, "Five dead as blast rips through plant");
        assert_eq!(
            corpus.sources[0].outlet.as_deref(),
            Some("The Harbour Herald")
        );
        // A headline with nothing read off its end stays whole.
        let plain = "Five dead as blast rips through plant\n\nFive workers were killed.";
        let corpus = segment_articles(&texts_for_test(&[plain]));
        assert_eq!(
            corpus.passages[0].text,
            "Five dead as blast rips through plant"
        );
    }
}
