//! The filter prompt: queries, narrowing, results in or off the UI thread.

use super::*;

pub(super) fn start_filter(app: &mut App) {
    app.scope = match app.focus {
        Focus::Sources => Scope::Sources,
        Focus::Reader => Scope::Passages,
        Focus::Claims => Scope::Claims,
    };
    reset_filter(app);
    app.mode = Mode::Filter;
    refresh_filter(app);
}

/// Whether results of `old` may be narrowed to get those of `new`: the
/// query only grew, no negation is involved, and the last term's typo
/// allowance did not change.
pub fn can_narrow(old: &[Term], new: &[Term]) -> bool {
    if old.is_empty() || new.len() < old.len() || new.iter().chain(old).any(|t| t.negated) {
        return false;
    }
    // Only a search whose hits can only shrink may look within the last
    // hits: the same terms, more terms (all must match), or a `^prefix`
    // grown. A fuzzy term's hits do not only shrink as it grows (at three
    // letters it matches inside words, at four it allows a typo: "vallv"
    // misses "valve", "vallve" finds it again), nor do an exact word's.
    let last = old.len() - 1;
    old.iter().zip(new).enumerate().all(|(i, (o, n))| {
        o.kind == n.kind
            && o.case_sensitive == n.case_sensitive
            && (o.text == n.text
                || (i == last && o.kind == TermKind::Prefix && n.text.starts_with(&o.text)))
    })
}

pub fn refresh_filter(app: &mut App) {
    let terms = parse(&app.filter.query);
    let old = parse(&app.filter.last_query);
    app.filter.generation += 1;
    let request = SearchRequest {
        generation: app.filter.generation,
        scope: app.scope,
        query: app.filter.query.clone(),
        within: can_narrow(&old, &terms).then(|| app.filter.last_items.clone()),
    };
    match app.search {
        SearchMode::Background if !terms.is_empty() => app.filter.pending = Some(request),
        _ => {
            let hits = search::search(&app.indexes, &request);
            search_done(
                app,
                SearchReply {
                    generation: request.generation,
                    query: request.query,
                    hits,
                },
            );
        }
    }
}

/// Takes in the results of a query (dropped if a newer one was typed since).
pub fn search_done(app: &mut App, reply: SearchReply) {
    if reply.generation != app.filter.generation || app.mode != Mode::Filter {
        return;
    }
    let mut hits = reply.hits;
    if app.scope == Scope::Passages {
        hits.retain(|h| app.corpus.passages[h.item].duplicate_of.is_none());
    }
    let mut items: Vec<usize> = hits.iter().map(|h| h.item).collect();
    items.sort_unstable();
    app.filter.last_items = items;
    app.filter.last_query = reply.query;
    app.filter.hits = hits;
    app.filter.selected = 0;
    app.filter.top = 0;
    if app.scope == Scope::Sources {
        app.source_rows = if app.filter.query.trim().is_empty() {
            crate::tui::app::story_order(&app.corpus)
        } else {
            app.filter.hits.iter().map(|h| h.item).collect()
        };
        app.source_cursor = 0;
    }
}

pub(super) fn filter(app: &mut App, action: Action) {
    match action {
        Action::Input(c) => {
            app.filter.query.push(c);
            refresh_filter(app);
        }
        Action::Backspace => {
            if app.filter.query.pop().is_none() {
                close_filter(app);
                return;
            }
            refresh_filter(app);
        }
        Action::ClearInput => {
            app.filter.query.clear();
            refresh_filter(app);
        }
        Action::Down | Action::Up => {
            let len = app.filter.hits.len();
            app.filter.selected = move_index(app.filter.selected, len, action, 10);
            if app.scope == Scope::Sources {
                app.source_cursor = app.filter.selected;
            }
        }
        Action::Accept => {
            let chosen = app.filter.hits.get(app.filter.selected).map(|h| h.item);
            let scope = app.scope;
            app.mode = Mode::Normal;
            match (scope, chosen) {
                (Scope::Passages, Some(p)) => {
                    jump(app, p);
                    app.focus = Focus::Reader;
                }
                (Scope::Sources, Some(s)) => {
                    open_source(app, s);
                    app.focus = Focus::Reader;
                }
                (Scope::Claims, Some(c)) => {
                    let claim = &app.corpus.claims[c];
                    let here = claim
                        .passages
                        .iter()
                        .copied()
                        .find(|&p| app.corpus.passages[p].source == app.source);
                    jump(app, here.unwrap_or(claim.representative));
                }
                (_, None) => app.message = Some("no match".into()),
            }
            if scope != Scope::Sources {
                reset_filter(app);
            }
        }
        Action::Cancel => close_filter(app),
        Action::Quit => app.quit = true,
        _ => {}
    }
}

pub(super) fn close_filter(app: &mut App) {
    reset_filter(app);
    app.source_rows = crate::tui::app::story_order(&app.corpus);
    app.source_cursor = app.source;
    app.mode = Mode::Normal;
}

/// A new filter session, its generation counter carried on: a reply to an
/// earlier session's request (of another scope, perhaps) never matches.
fn reset_filter(app: &mut App) {
    app.filter = crate::tui::app::FilterState {
        generation: app.filter.generation,
        ..Default::default()
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn narrowing_only_when_the_query_only_grew() {
        let p = |q: &str| parse(q);
        assert!(
            !can_narrow(&p("fir"), &p("fire")),
            "typo allowance changes at 4 letters"
        );
        assert!(
            !can_narrow(&p("fire"), &p("firem")),
            "a fuzzy term's hits do not only shrink"
        );
        assert!(can_narrow(&p("^fire"), &p("^firem")));
        assert!(can_narrow(&p("fire"), &p("fire kil")));
        assert!(!can_narrow(&p("fire"), &p("firem kil")));
        assert!(!can_narrow(&p("'fire"), &p("'firem")));
        assert!(!can_narrow(&p("fire"), &p("fir")));
        assert!(!can_narrow(&p("fire !x"), &p("fire !xy")));
        assert!(!can_narrow(&p("fire"), &p("Fire")));
        assert!(!can_narrow(&p(""), &p("f")));
    }

    /// Typed key by key, the reader finds what a fresh search finds
    /// (../shared/repro/filter_narrowing_check.rs: "vto" found 0 of 2,
    /// "vallve" 0 of 20).
    #[test]
    fn typing_key_by_key_finds_what_a_fresh_search_finds() {
        use crate::tui::filter::Index;
        let corpus = crate::corpus::build(&crate::load::load_demo().texts);
        let texts: Vec<&str> = corpus.passages.iter().map(|p| p.text.as_str()).collect();
        let index = Index::new(&texts);
        let items = |q: &str, within: Option<&[usize]>| {
            let mut v: Vec<usize> = index
                .search(&parse(q), within)
                .iter()
                .map(|h| h.item)
                .collect();
            v.sort_unstable();
            v
        };
        for query in [
            "vto", "xpl", "plo", "vallve", "val3ve", "^kes", "fire kil", "'valve",
        ] {
            let mut last: Option<(String, Vec<usize>)> = None;
            for (i, c) in query.char_indices() {
                let typed = &query[..i + c.len_utf8()];
                let within = last
                    .as_ref()
                    .filter(|(q, _)| can_narrow(&parse(q), &parse(typed)))
                    .map(|(_, hits)| hits.clone());
                last = Some((typed.to_owned(), items(typed, within.as_deref())));
            }
            let fresh = items(query, None);
            assert!(!fresh.is_empty(), "{query}");
            assert_eq!(last.map(|l| l.1), Some(fresh), "{query}");
        }
    }
}
