//! The reader's state. Only `update` changes it; views only read it.

use ratatui::layout::Rect;

use crate::model::{ClaimId, Corpus, PassageId, SourceId};

use super::derived::Derived;
use super::filter::{Hit, Index};
use super::wrap::WrapCache;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Sources,
    Reader,
    Claims,
}

/// The kind of the screen on top: it picks the key bindings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Normal,
    Filter,
    Help,
    PickCompare,
    Compare,
    Matrix,
}

pub use super::screens::{
    CompareState, FilterState, HelpState, MatrixSort, MatrixState, Narrowing, PickState, Scope,
    Screen,
};

/// The reader itself: the bottom screen, never popped.
#[derive(Debug)]
pub struct Reading {
    pub focus: Focus,
    /// The open article and the passage under the cursor.
    pub source: SourceId,
    pub passage: PassageId,
    /// First reader line shown (the view keeps the cursor's lines drawn).
    pub reader_top: usize,
    pub source_cursor: usize,
    /// First row of the sources pane shown.
    pub sources_top: usize,
    pub claims_cursor: usize,
    /// The claim `n` and `N` walk: the first claim of the passage, or the
    /// one chosen in the claims panel.
    pub claim: Option<ClaimId>,
    /// Passages visited by jumps, and where we are in that list.
    pub history: Vec<PassageId>,
    pub history_pos: usize,
    /// Sources shown in the source list (all, or the filter's hits).
    pub source_rows: Vec<SourceId>,
    /// The last search of the articles, kept after Enter: its matches stay
    /// highlighted and `Ctrl-n` / `Ctrl-p` step through them.
    pub search: Option<ArticleSearch>,
}

/// A search of every passage, kept after the prompt closed.
#[derive(Debug, Clone)]
pub struct ArticleSearch {
    pub query: String,
    /// Matching passages in reading order, with the matched byte ranges.
    pub hits: Vec<Hit>,
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
    pub reading: Reading,
    /// Screens over the reader, the top one last.
    pub stack: Vec<Screen>,
    /// Number of the newest filter query of the session: it survives
    /// filter screens, so a late reply never matches a new one.
    pub search_generation: u64,
    /// What the last frame drew, for scrolling and clicks.
    pub drawn: super::drawn::Drawn,
    pub pending_g: bool,
    pub message: Option<String>,
    pub quit: bool,
    /// The session ended with Ctrl-C (exit status 130).
    pub interrupted: bool,
    pub no_color: bool,
    pub mouse: bool,
    /// Keys, colours and pane widths (defaults, or the config file's).
    pub config: super::config::Config,
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
            derived,
            indexes,
            search: SearchMode::Inline,
            wraps: WrapCache::default(),
            size,
            reading: Reading {
                focus: Focus::Reader,
                source,
                passage: first.start,
                reader_top: 0,
                source_cursor: 0,
                sources_top: 0,
                claims_cursor: 0,
                claim: None,
                history: Vec::new(),
                history_pos: 0,
                source_rows,
                search: None,
            },
            stack: Vec::new(),
            search_generation: 0,
            drawn: Default::default(),
            pending_g: false,
            message: None,
            quit: false,
            interrupted: false,
            no_color,
            mouse: true,
            config: Default::default(),
            linking: false,
            corpus,
        }
    }

    /// Where the panes go at the current size.
    pub fn panes(&self) -> super::layout::Panes {
        super::layout::panes_with(self.size, self.config.widths)
    }

    /// The kind of the top screen.
    pub fn mode(&self) -> Mode {
        self.stack.last().map_or(Mode::Normal, Screen::mode)
    }

    /// The filter screen, when it is on top.
    pub fn filter(&self) -> Option<&FilterState> {
        match self.stack.last() {
            Some(Screen::Filter(f)) => Some(f),
            _ => None,
        }
    }

    pub fn filter_mut(&mut self) -> Option<&mut FilterState> {
        match self.stack.last_mut() {
            Some(Screen::Filter(f)) => Some(f),
            _ => None,
        }
    }

    /// The compare screen, wherever it is on the stack (help may cover it).
    pub fn compare(&self) -> Option<&CompareState> {
        self.stack.iter().rev().find_map(|s| match s {
            Screen::Compare(c) => Some(c),
            _ => None,
        })
    }

    /// The matrix screen, wherever it is on the stack.
    pub fn matrix(&self) -> Option<&MatrixState> {
        self.stack.iter().rev().find_map(|s| match s {
            Screen::Matrix(m) => Some(m),
            _ => None,
        })
    }

    /// The story of the open article, if the corpus has stories.
    pub fn story(&self) -> Option<&crate::stories::Story> {
        self.corpus
            .stories
            .iter()
            .find(|s| s.sources.contains(&self.reading.source))
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
        self.reading.claims_cursor = 0;
    }

    /// Claims of the open article, most corroborated first, then the
    /// article's single-source passages (as `None`).
    pub fn article_claims(&self) -> Vec<(Option<ClaimId>, PassageId)> {
        let ids = self
            .corpus
            .sources
            .get(self.reading.source)
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
            .get(self.reading.source)
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
