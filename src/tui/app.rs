//! The reader's state. Only `update` changes it; views only read it.

use ratatui::layout::Rect;

use crate::model::{ClaimId, Corpus, PassageId, SourceId};

use super::align::Row;
use super::derived::Derived;
use super::filter::{Hit, Index};
use super::wrap::WrapCache;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Sources,
    Reader,
    Claims,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Normal,
    Filter,
    Help,
    PickCompare,
    Compare,
    Matrix,
}

/// What a filter searches: the pane focused when `/` was pressed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Sources,
    Passages,
    Claims,
}

#[derive(Debug, Default)]
pub struct FilterState {
    pub query: String,
    pub hits: Vec<Hit>,
    pub selected: usize,
    pub top: usize,
    /// Items of the last results, sorted, to narrow when the query grows.
    pub last_items: Vec<usize>,
    pub last_query: String,
    /// Number of the newest query; results of older ones are dropped.
    pub generation: u64,
    /// A query waiting to be sent to the background worker.
    pub pending: Option<super::search::SearchRequest>,
}

#[derive(Debug)]
pub struct CompareState {
    pub left: SourceId,
    pub right: SourceId,
    pub rows: Vec<Row>,
    pub cursor: usize,
    pub top: usize,
}

/// Searchable texts of each scope.
#[derive(Debug, Clone)]
pub struct Indexes {
    pub sources: std::sync::Arc<Index>,
    pub passages: std::sync::Arc<Index>,
    pub claims: std::sync::Arc<Index>,
}

fn claims_index(corpus: &Corpus) -> Index {
    Index::new(
        &corpus
            .claims
            .iter()
            .map(|c| c.text.as_str())
            .collect::<Vec<_>>(),
    )
}

/// Where filter queries run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SearchMode {
    /// In `update` itself (small corpora, tests).
    Inline,
    /// On a worker thread; `update` only queues the query.
    Background,
}

pub struct App {
    pub corpus: Corpus,
    pub derived: Derived,
    pub indexes: std::sync::Arc<Indexes>,
    pub search: SearchMode,
    pub wraps: WrapCache,
    pub size: Rect,
    pub focus: Focus,
    pub mode: Mode,
    /// The open article and the passage under the cursor.
    pub source: SourceId,
    pub passage: PassageId,
    /// First reader line shown.
    pub reader_top: usize,
    pub source_cursor: usize,
    pub claims_cursor: usize,
    /// Passages visited by jumps, and where we are in that list.
    pub history: Vec<PassageId>,
    pub history_pos: usize,
    pub scope: Scope,
    pub filter: FilterState,
    /// Sources shown in the source list (all, or the filter's hits).
    pub source_rows: Vec<SourceId>,
    pub pick_cursor: usize,
    pub compare: Option<CompareState>,
    pub matrix_cursor: usize,
    pub matrix_top: usize,
    pub help_top: usize,
    /// The mode help was opened from, to return to.
    pub help_from: Mode,
    pub pending_g: bool,
    pub message: Option<String>,
    pub quit: bool,
    /// The session ended with Ctrl-C (exit status 130).
    pub interrupted: bool,
    pub no_color: bool,
    pub mouse: bool,
    /// The engine is still cross-referencing in the background.
    pub linking: bool,
}

impl App {
    pub fn new(corpus: Corpus, size: Rect, no_color: bool) -> Self {
        let derived = Derived::new(&corpus);
        let indexes = std::sync::Arc::new(Indexes {
            sources: std::sync::Arc::new(Index::new(
                &corpus
                    .sources
                    .iter()
                    .map(|s| {
                        format!(
                            "{} {}",
                            s.outlet.as_deref().unwrap_or(""),
                            s.title.as_deref().unwrap_or("")
                        )
                    })
                    .collect::<Vec<_>>(),
            )),
            passages: std::sync::Arc::new(Index::new(
                &corpus
                    .passages
                    .iter()
                    .map(|p| p.text.as_str())
                    .collect::<Vec<_>>(),
            )),
            claims: std::sync::Arc::new(claims_index(&corpus)),
        });
        // The reader opens on the first article of the sources pane.
        let source_rows = story_order(&corpus);
        let source = source_rows.first().copied().unwrap_or(0);
        let first = corpus
            .sources
            .get(source)
            .map_or(0..0, |s| s.passage_ids.clone());
        App {
            passage: first.start,
            derived,
            indexes,
            search: SearchMode::Inline,
            wraps: WrapCache::default(),
            size,
            focus: Focus::Reader,
            mode: Mode::Normal,
            source,
            reader_top: 0,
            source_cursor: 0,
            claims_cursor: 0,
            history: Vec::new(),
            history_pos: 0,
            scope: Scope::Passages,
            filter: FilterState::default(),
            source_rows,
            pick_cursor: 0,
            compare: None,
            matrix_cursor: 0,
            matrix_top: 0,
            help_top: 0,
            help_from: Mode::Normal,
            pending_g: false,
            message: None,
            quit: false,
            interrupted: false,
            no_color,
            mouse: true,
            linking: false,
            corpus,
        }
    }

    /// The story of the open article, if the corpus has stories.
    pub fn story(&self) -> Option<&crate::stories::Story> {
        self.corpus
            .stories
            .iter()
            .find(|s| s.sources.contains(&self.source))
    }

    /// The sources of the open article's story (all, without stories).
    pub fn story_sources(&self) -> Vec<SourceId> {
        self.story().map_or_else(
            || (0..self.corpus.sources.len()).collect(),
            |s| s.sources.clone(),
        )
    }

    /// The claims of the open article's story, in claim order.
    pub fn story_claims(&self) -> Vec<ClaimId> {
        let story = self.story().map(|s| s.id);
        self.corpus
            .claims
            .iter()
            .filter(|c| story.is_none_or(|s| c.story == s))
            .map(|c| c.id)
            .collect()
    }

    /// Takes in the engine's results (computed in the background).
    pub fn set_cross_reference(
        &mut self,
        claims: Vec<crate::model::Claim>,
        links: Vec<crate::model::Link>,
        copies: Vec<Vec<SourceId>>,
    ) {
        self.corpus.claims = claims;
        self.corpus.links = links;
        self.corpus.copies = copies;
        self.derived = Derived::new(&self.corpus);
        let mut indexes = (*self.indexes).clone();
        indexes.claims = std::sync::Arc::new(claims_index(&self.corpus));
        self.indexes = std::sync::Arc::new(indexes);
        self.linking = false;
        self.claims_cursor = 0;
    }

    /// Claims of the open article, most corroborated first, then the
    /// article's single-source passages (as `None`).
    pub fn article_claims(&self) -> Vec<(Option<ClaimId>, PassageId)> {
        let ids = self
            .corpus
            .sources
            .get(self.source)
            .map_or(0..0, |s| s.passage_ids.clone());
        let mut claims: Vec<(ClaimId, PassageId)> = Vec::new();
        for p in ids.clone() {
            for &c in &self.derived.claims_of[p] {
                if !claims.iter().any(|(x, _)| *x == c) {
                    claims.push((c, p));
                }
            }
        }
        claims.sort_by_key(|&(c, _)| c);
        let mut rows: Vec<(Option<ClaimId>, PassageId)> =
            claims.into_iter().map(|(c, p)| (Some(c), p)).collect();
        rows.extend(ids.filter(|&p| self.derived.single[p]).map(|p| (None, p)));
        rows
    }

    /// The passages of the open article.
    pub fn article_passages(&self) -> std::ops::Range<PassageId> {
        self.corpus
            .sources
            .get(self.source)
            .map_or(0..0, |s| s.passage_ids.clone())
    }
}

/// The sources in story order: each story's articles together, largest
/// story first (the sources pane's order when no filter is set).
pub fn story_order(corpus: &Corpus) -> Vec<SourceId> {
    if corpus.stories.is_empty() {
        return (0..corpus.sources.len()).collect();
    }
    corpus
        .stories
        .iter()
        .flat_map(|s| s.sources.iter().copied())
        .collect()
}
