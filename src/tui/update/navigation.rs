//! Moving the cursor between passages and articles: jumps, the jump
//! history, corroborating passages, seeks within an article.

use super::*;

/// Opens an article at its first passage (recorded in the jump history).
pub fn open_source(app: &mut App, source: SourceId) {
    if let Some(s) = app.corpus.sources.get(source) {
        if s.passage_ids.is_empty() {
            app.message = Some("this article has no passage".into());
            return;
        }
        let first = s.passage_ids.start;
        jump(app, first);
        app.reader_top = 0;
    }
}

/// Moves the cursor to a passage, in any article, without history.
pub(super) fn go_to(app: &mut App, passage: PassageId) {
    let Some(p) = app.corpus.passages.get(passage) else {
        return;
    };
    if p.source != app.source {
        app.reader_top = 0;
        app.claims_cursor = 0;
    }
    app.source = p.source;
    app.passage = passage;
    if let Some(row) = app.source_rows.iter().position(|&s| s == app.source) {
        app.source_cursor = row;
    }
    keep_cursor_visible(app);
}

/// Moves the cursor to a passage and records the move in the jump history.
pub fn jump(app: &mut App, passage: PassageId) {
    if app.history.is_empty() {
        app.history.push(app.passage);
        app.history_pos = 0;
    }
    app.history.truncate(app.history_pos + 1);
    if app.history.last() != Some(&app.passage) {
        app.history.push(app.passage);
    }
    if app.history.last() != Some(&passage) {
        app.history.push(passage);
    }
    app.history_pos = app.history.len() - 1;
    go_to(app, passage);
}

pub(super) fn history_step(app: &mut App, forward: bool) {
    let target = if forward {
        app.history_pos + 1
    } else {
        app.history_pos.wrapping_sub(1)
    };
    match app.history.get(target) {
        Some(&p) => {
            app.history_pos = target;
            go_to(app, p);
        }
        None => {
            app.message = Some(
                if forward {
                    "at the newest jump"
                } else {
                    "at the oldest jump"
                }
                .into(),
            )
        }
    }
}

/// Passages of other sources that state what `p` states (claim members and
/// link partners), ordered by source, then reading order.
pub fn corroborating(app: &App, p: PassageId) -> Vec<PassageId> {
    let own = app.corpus.passages[p].source;
    let mut out: Vec<PassageId> = app.derived.claims_of[p]
        .iter()
        .flat_map(|&c| app.corpus.claims[c].passages.iter().copied())
        .chain(app.derived.partners[p].iter().copied())
        .filter(|&q| app.corpus.passages[q].source != own)
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

pub(super) fn corroboration(app: &mut App, forward: bool) {
    let list = corroborating(app, app.passage);
    if list.is_empty() {
        app.message = Some("no other source corroborates this passage".into());
        return;
    }
    let n = app.corpus.sources.len();
    let here = app.source;
    // Cyclic order of sources after the current one.
    let rank = |q: PassageId| (app.corpus.passages[q].source + n - here) % n;
    let target = if forward {
        list.iter().copied().min_by_key(|&q| (rank(q), q))
    } else {
        list.iter()
            .copied()
            .max_by_key(|&q| (rank(q), std::cmp::Reverse(q)))
    };
    if let Some(q) = target {
        jump(app, q);
    }
}

pub(super) fn seek(app: &mut App, forward: bool, wanted: fn(&App, PassageId) -> bool, none: &str) {
    let ids = app.article_passages();
    let found = if forward {
        (app.passage + 1..ids.end).find(|&p| wanted(app, p))
    } else {
        (ids.start..app.passage).rev().find(|&p| wanted(app, p))
    };
    match found {
        Some(p) => {
            app.passage = p;
            keep_cursor_visible(app);
        }
        None => app.message = Some(none.to_owned()),
    }
}
