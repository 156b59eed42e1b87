//! The filter prompt: queries, narrowing, results in or off the UI thread.

use super::*;

pub(super) fn start_filter(app: &mut App) {
    let scope = match app.reading.focus {
        Focus::Sources => Scope::Sources,
        Focus::Reader => Scope::Passages,
        Focus::Claims => Scope::Claims,
    };
    // A new filter screen, the generation counter carried on: a reply to
    // an earlier screen's request (of another scope, perhaps) never matches.
    app.stack.push(Screen::Filter(FilterState::new(
        scope,
        app.search_generation,
    )));
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
    app.search_generation += 1;
    let generation = app.search_generation;
    let background = app.search == SearchMode::Background;
    let Some(filter) = app.filter_mut() else {
        return;
    };
    let terms = parse(&filter.query);
    let old = parse(&filter.last_query);
    filter.generation = generation;
    let request = SearchRequest {
        generation,
        scope: filter.scope,
        query: filter.query.clone(),
        within: can_narrow(&old, &terms).then(|| filter.last_items.clone()),
    };
    if background && !terms.is_empty() {
        filter.pending = Some(request);
        return;
    }
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

/// Takes in the results of a query (dropped if a newer one was typed since,
/// or the filter screen closed).
pub fn search_done(app: &mut App, reply: SearchReply) {
    let corpus = &app.corpus;
    let Some(filter) = (match app.stack.last_mut() {
        Some(Screen::Filter(f)) if f.generation == reply.generation => Some(f),
        _ => None,
    }) else {
        return;
    };
    let mut hits = reply.hits;
    if filter.scope == Scope::Passages {
        hits.retain(|h| corpus.passages[h.item].duplicate_of.is_none());
    }
    let mut items: Vec<usize> = hits.iter().map(|h| h.item).collect();
    items.sort_unstable();
    filter.last_items = items;
    filter.last_query = reply.query;
    filter.hits = hits;
    filter.selected = 0;
    if filter.scope == Scope::Sources {
        let rows = if filter.query.trim().is_empty() {
            crate::tui::app::story_order(corpus)
        } else {
            filter.hits.iter().map(|h| h.item).collect()
        };
        app.reading.source_rows = rows;
        app.reading.source_cursor = 0;
    }
}

pub(super) fn filter(app: &mut App, action: Action) {
    let page = app.drawn.results.as_ref().map_or(10, ListDrawn::page);
    let Some(filter) = app.filter_mut() else {
        return;
    };
    match action {
        Action::Input(c) => {
            filter.query.push(c);
            refresh_filter(app);
        }
        Action::Backspace => {
            if filter.query.pop().is_none() {
                close_filter(app);
                return;
            }
            refresh_filter(app);
        }
        Action::ClearInput => {
            filter.query.clear();
            refresh_filter(app);
        }
        Action::Down | Action::Up | Action::PageDown | Action::PageUp => {
            let len = filter.hits.len();
            filter.selected = move_index(filter.selected, len, action, page);
            if filter.scope == Scope::Sources {
                app.reading.source_cursor = filter.selected;
            }
        }
        Action::Accept => accept(app),
        Action::Cancel => close_filter(app),
        Action::Quit => app.quit = true,
        _ => {}
    }
}

/// Enter: the chosen result opens; a search of the passages is kept, so
/// its matches stay highlighted and `Ctrl-n` / `Ctrl-p` step through them.
fn accept(app: &mut App) {
    let Some(Screen::Filter(filter)) = app.stack.pop() else {
        return;
    };
    let chosen = filter.hits.get(filter.selected).map(|h| h.item);
    match (filter.scope, chosen) {
        (Scope::Passages, Some(p)) => {
            let mut hits = filter.hits;
            hits.sort_by_key(|h| h.item);
            app.reading.search = Some(crate::tui::app::ArticleSearch {
                query: filter.query,
                hits,
            });
            jump(app, p);
            app.reading.focus = Focus::Reader;
        }
        (Scope::Sources, Some(s)) => {
            open_source(app, s);
            app.reading.focus = Focus::Reader;
        }
        (Scope::Claims, Some(c)) => jump_to_claim(app, c),
        (_, None) => app.message = Some("no match".into()),
    }
}

pub(super) fn close_filter(app: &mut App) {
    pop(app);
    all_sources(app);
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
