//! The screens that open over the reader, each owning its state, kept on a
//! stack (as gitui's popups and yazi's layers): `update` acts on the top
//! one, `Esc` pops it, and what is under it is as it was left.

use crate::model::SourceId;

use super::action::Action;
use super::align::Row;
use super::app::Mode;
use super::filter::Hit;

/// One screen over the reader.
#[derive(Debug)]
pub enum Screen {
    Filter(FilterState),
    Help(HelpState),
    Pick(PickState),
    Compare(CompareState),
    Matrix(MatrixState),
}

impl Screen {
    /// The kind of screen, which picks its key bindings.
    pub fn mode(&self) -> Mode {
        match self {
            Screen::Filter(_) => Mode::Filter,
            Screen::Help(_) => Mode::Help,
            // Typing a filter, the picker takes the filter prompt's keys.
            Screen::Pick(p) if p.narrowing.typing => Mode::Filter,
            Screen::Pick(_) => Mode::PickCompare,
            Screen::Compare(_) => Mode::Compare,
            Screen::Matrix(m) if m.narrowing.typing => Mode::Filter,
            Screen::Matrix(_) => Mode::Matrix,
        }
    }
}

/// What a filter searches: the pane focused when `/` was pressed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Sources,
    Passages,
    Claims,
}

#[derive(Debug)]
pub struct FilterState {
    pub scope: Scope,
    pub query: String,
    pub hits: Vec<Hit>,
    pub selected: usize,
    /// Items of the last results, sorted, to narrow when the query grows.
    pub last_items: Vec<usize>,
    pub last_query: String,
    /// Number of the newest query; replies to older ones are dropped.
    pub generation: u64,
    /// A query waiting to be sent to the background worker.
    pub pending: Option<super::search::SearchRequest>,
}

impl FilterState {
    pub fn new(scope: Scope, generation: u64) -> Self {
        FilterState {
            scope,
            query: String::new(),
            hits: Vec::new(),
            selected: 0,
            last_items: Vec::new(),
            last_query: String::new(),
            generation,
            pending: None,
        }
    }
}

#[derive(Debug, Default)]
pub struct HelpState {
    /// First line shown.
    pub top: usize,
}

#[derive(Debug)]
pub struct PickState {
    /// The articles offered (the open article's story).
    pub all: Vec<SourceId>,
    /// Those the query leaves, and the chosen row among them.
    pub choices: Vec<SourceId>,
    pub cursor: usize,
    /// Words every listed article's outlet or title holds.
    pub narrowing: Narrowing,
}

#[derive(Debug)]
pub struct CompareState {
    pub left: SourceId,
    pub right: SourceId,
    pub rows: Vec<Row>,
    /// The row of each passage shown: a claim stated out of order on the
    /// other side points there.
    pub row_of: std::collections::HashMap<crate::model::PassageId, usize>,
    pub cursor: usize,
    /// First row shown (the view keeps the cursor's row drawn).
    pub top: usize,
}

/// How the matrix orders its rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum MatrixSort {
    /// Most independent sources first (the claims' own order).
    #[default]
    Support,
    /// Where the claim first appears in the open article, then the rest.
    Article,
    /// Claims whose versions differ first.
    Differences,
}

impl MatrixSort {
    pub fn next(self) -> Self {
        match self {
            MatrixSort::Support => MatrixSort::Article,
            MatrixSort::Article => MatrixSort::Differences,
            MatrixSort::Differences => MatrixSort::Support,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            MatrixSort::Support => "by support",
            MatrixSort::Article => "in article order",
            MatrixSort::Differences => "differences first",
        }
    }
}

#[derive(Debug, Default)]
pub struct MatrixState {
    pub cursor: usize,
    pub top: usize,
    /// First source column shown (columns scroll sideways).
    pub column: usize,
    pub sort: MatrixSort,
    /// Words every row's claim holds.
    pub narrowing: Narrowing,
}

/// Words typed to narrow a list (the picker's, the matrix's): `/` starts
/// typing; the list keeps the items holding every word.
#[derive(Debug, Default)]
pub struct Narrowing {
    pub query: String,
    pub typing: bool,
}

impl Narrowing {
    /// Applies a key of the query being typed; whether it was one.
    pub fn edit(&mut self, action: Action) -> bool {
        match action {
            Action::Input(c) if self.typing => self.query.push(c),
            Action::Backspace if self.typing => {
                if self.query.pop().is_none() {
                    self.typing = false;
                }
            }
            Action::ClearInput if self.typing => self.query.clear(),
            _ => return false,
        }
        true
    }

    /// Stops typing and forgets the words.
    pub fn clear(&mut self) {
        self.typing = false;
        self.query.clear();
    }

    /// Typing, or words kept.
    pub fn is_active(&self) -> bool {
        self.typing || !self.query.is_empty()
    }

    /// The prompt a view shows ("/kes█"), when active.
    pub fn prompt(&self) -> Option<String> {
        self.is_active().then(|| {
            format!(
                "/{}{}",
                crate::text::visible(&self.query),
                if self.typing { "█" } else { "" }
            )
        })
    }
}

/// Whether a text holds every word of `query`, ignoring case (the words
/// are lower-cased once, here).
pub fn holds_words(query: &str) -> impl Fn(&str) -> bool {
    let words: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
    move |text: &str| {
        if words.is_empty() {
            return true;
        }
        let text = text.to_lowercase();
        words.iter().all(|w| text.contains(w.as_str()))
    }
}
