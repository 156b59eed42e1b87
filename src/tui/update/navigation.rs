//! Moving the cursor between passages and articles: jumps, the jump
//! history, corroborating passages, seeks within an article.

use super::*;
use crate::model::ClaimId;

/// Opens an article at its first passage (recorded in the jump history).
pub fn open_source(app: &mut App, source: SourceId) {
    if let Some(s) = app.corpus.sources.get(source) {
        if s.passage_ids.is_empty() {
            app.message = Some("this article has no passage".into());
            return;
        }
        let first = s.passage_ids.start;
        jump(app, first);
        app.reading.reader_top = 0;
    }
}

/// Moves the cursor to a passage, in any article, without history.
pub(super) fn go_to(app: &mut App, passage: PassageId) {
    let Some(p) = app.corpus.passages.get(passage) else {
        return;
    };
    if p.source != app.reading.source {
        app.reading.reader_top = 0;
        app.reading.claims_cursor = 0;
    }
    app.reading.source = p.source;
    app.reading.passage = passage;
    if let Some(row) = app
        .reading
        .source_rows
        .iter()
        .position(|&s| s == app.reading.source)
    {
        app.reading.source_cursor = row;
    }
    keep_cursor_visible(app);
}

/// Moves the cursor to a passage and records the move in the jump history.
pub fn jump(app: &mut App, passage: PassageId) {
    if app.reading.history.is_empty() {
        app.reading.history.push(app.reading.passage);
        app.reading.history_pos = 0;
    }
    app.reading.history.truncate(app.reading.history_pos + 1);
    if app.reading.history.last() != Some(&app.reading.passage) {
        app.reading.history.push(app.reading.passage);
    }
    if app.reading.history.last() != Some(&passage) {
        app.reading.history.push(passage);
    }
    app.reading.history_pos = app.reading.history.len() - 1;
    go_to(app, passage);
}

pub(super) fn history_step(app: &mut App, forward: bool) {
    let target = if forward {
        app.reading.history_pos + 1
    } else {
        app.reading.history_pos.wrapping_sub(1)
    };
    match app.reading.history.get(target) {
        Some(&p) => {
            app.reading.history_pos = target;
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

/// The claim `n` and `N` walk from a passage: the one chosen last if the
/// passage is one of its members, else the passage's first claim (the one
/// the claims panel shows first).
pub fn active_claim(app: &App, p: PassageId) -> Option<ClaimId> {
    let claims = app.derived.claims_of.get(p)?;
    app.reading
        .claim
        .filter(|c| claims.contains(c))
        .or_else(|| claims.first().copied())
}

/// `n` / `N`: the next (previous) member of the passage's claim, source by
/// source in the sources pane's order, coming back round to where it
/// started. A passage in no claim follows its links instead.
pub(super) fn corroboration(app: &mut App, forward: bool) {
    let here = app.reading.passage;
    let claim = active_claim(app, here);
    let mut members: Vec<PassageId> = match claim {
        Some(c) => app.corpus.claims[c].passages.clone(),
        None => {
            let mut v = corroborating(app, here);
            v.push(here);
            v
        }
    };
    if members.len() < 2 {
        app.message = Some("no other source corroborates this passage".into());
        return;
    }
    // Source by source as the sources pane lists them, then reading order.
    let order = crate::tui::app::story_order(&app.corpus);
    let rank = |p: PassageId| {
        let s = app.corpus.passages[p].source;
        (order.iter().position(|&x| x == s).unwrap_or(usize::MAX), p)
    };
    members.sort_by_key(|&p| rank(p));
    members.dedup();
    let at = members.iter().position(|&p| p == here);
    let n = members.len();
    let next = match (at, forward) {
        (Some(i), true) => members[(i + 1) % n],
        (Some(i), false) => members[(i + n - 1) % n],
        // Not a member itself (it joined by a link): start at the first.
        (None, true) => members[0],
        (None, false) => members[n - 1],
    };
    jump(app, next);
    app.reading.claim = claim;
    if let Some(i) = members.iter().position(|&p| p == next) {
        let source = &app.corpus.sources[app.corpus.passages[next].source];
        app.message = Some(format!("version {}/{n} · {}", i + 1, source.outlet_name()));
    }
}

/// Jumps to a claim: its member in the open article, else the member its
/// text is from; `n` and `N` then walk this claim.
pub fn jump_to_claim(app: &mut App, claim: ClaimId) {
    let Some(c) = app.corpus.claims.get(claim) else {
        return;
    };
    let here = c
        .passages
        .iter()
        .copied()
        .find(|&p| app.corpus.passages[p].source == app.reading.source);
    let target = here.unwrap_or(c.representative);
    jump(app, target);
    app.reading.claim = Some(claim);
}

/// `Ctrl-n` / `Ctrl-p`: the next (previous) match of the kept search, in
/// any article, coming back round.
pub(super) fn step_match(app: &mut App, forward: bool) {
    let Some(search) = &app.reading.search else {
        app.message = Some("no search: / then Enter keeps one".into());
        return;
    };
    let hits: Vec<PassageId> = search.hits.iter().map(|h| h.item).collect();
    if hits.is_empty() {
        app.message = Some(format!("no match for {}", search.query));
        return;
    }
    let here = app.reading.passage;
    let n = hits.len();
    let i = if forward {
        hits.iter().position(|&p| p > here).unwrap_or(0)
    } else {
        hits.iter().rposition(|&p| p < here).unwrap_or(n - 1)
    };
    let wrapped = (forward && hits[i] <= here) || (!forward && hits[i] >= here);
    let query = search.query.clone();
    jump(app, hits[i]);
    app.message = Some(format!(
        "match {}/{n} for {query}{}",
        i + 1,
        if wrapped { " (wrapped)" } else { "" }
    ));
}

pub(super) fn seek(app: &mut App, forward: bool, wanted: fn(&App, PassageId) -> bool, none: &str) {
    let ids = app.article_passages();
    let found = if forward {
        (app.reading.passage + 1..ids.end).find(|&p| wanted(app, p))
    } else {
        (ids.start..app.reading.passage)
            .rev()
            .find(|&p| wanted(app, p))
    };
    match found {
        Some(p) => {
            app.reading.passage = p;
            keep_cursor_visible(app);
        }
        None => app.message = Some(none.to_owned()),
    }
}
