//! The reader's background work through the real dispatch: searches of
//! large corpora answered on a worker while typing goes on, replies to an
//! earlier search dropped, and claims filled in once the engine finishes.

mod tui_support;
use tui_support::*;

use ratatui::layout::Rect;

use crossread::load::load_demo;
use crossread::tui::app::App;
use crossread::tui::script::press;
use crossread::tui::update;

#[test]
fn background_search_keeps_typing_free_and_drops_stale_results() {
    use crossread::tui::app::SearchMode;
    use crossread::tui::search;
    let mut app = demo_app(120, 40, false);
    app.search = SearchMode::Background;
    let (requests, replies) = search::spawn(app.indexes.clone());
    press(&mut app, &["/", "val"]);
    // Typing only queued the query; nothing was searched on this thread.
    assert!(filter_of(&app).hits.is_empty());
    let stale = app
        .filter_mut()
        .unwrap()
        .pending
        .take()
        .expect("a queued query");
    press(&mut app, &["ve"]);
    let newest = app
        .filter_mut()
        .unwrap()
        .pending
        .take()
        .expect("a newer query");
    requests.send(stale).unwrap();
    requests.send(newest).unwrap();
    let mut got = 0;
    while got < 2 {
        match replies.recv_timeout(std::time::Duration::from_secs(5)) {
            Ok(reply) => {
                update::search_done(&mut app, reply);
                got += 1;
                if !filter_of(&app).hits.is_empty() {
                    break;
                }
            }
            Err(_) => break,
        }
    }
    assert_eq!(
        filter_of(&app).last_query,
        "valve",
        "only the newest query's results are shown"
    );
    assert!(!filter_of(&app).hits.is_empty());
}

#[test]
fn a_reply_to_an_earlier_filter_session_is_dropped() {
    // ../shared/repro/stale_reply_example.rs: a passages search answered
    // after the user left and filtered the sources must not become the
    // sources' rows (it indexed past the sources and panicked).
    use crossread::tui::app::{Scope, SearchMode};
    use crossread::tui::search::{self, SearchReply};
    let mut app = demo_app(120, 40, false);
    app.search = SearchMode::Background;
    press(&mut app, &["/", "e"]);
    let sent = app.filter_mut().unwrap().pending.take().expect("queued");
    press(&mut app, &["Esc", "Shift-Tab", "/", "e"]);
    let _newer = app.filter_mut().unwrap().pending.take();
    assert_eq!(filter_of(&app).scope, Scope::Sources);
    let hits = search::search(&app.indexes, &sent);
    assert!(
        hits.iter().any(|h| h.item >= app.corpus.sources.len()),
        "the stale reply holds passage ids"
    );
    update::search_done(
        &mut app,
        SearchReply {
            generation: sent.generation,
            query: sent.query,
            hits,
        },
    );
    assert!(
        app.reading
            .source_rows
            .iter()
            .all(|&s| s < app.corpus.sources.len()),
        "{:?}",
        app.reading.source_rows
    );
    let text = format!("{}", screen(&mut app).backend());
    assert!(text.contains("Sources"), "{text}");
}

#[test]
fn claims_fill_in_when_the_engine_finishes() {
    let texts = load_demo().texts;
    let segmented = crossread::corpus::segment_corpus(&texts);
    let mut linked = segmented.clone();
    crossread::xref::cross_reference(&mut linked);
    let mut app = App::new(segmented, Rect::new(0, 0, 120, 40), false);
    app.linking = true;
    assert!(app.corpus.claims.is_empty());
    let before = format!("{}", screen(&mut app).backend());
    assert!(before.contains("cross-referencing"), "{before}");
    // Pending, not absent: no single-source mark, count or "only here".
    assert!(
        !before.contains('◆') && !before.contains("only here") && !before.contains("Only in"),
        "{before}"
    );
    assert!(
        before.contains("In this article: cross-referencing"),
        "{before}"
    );
    press(&mut app, &["jjjjjj"]);
    app.set_cross_reference(
        linked.claims.clone(),
        linked.links.clone(),
        linked.copies.clone(),
    );
    assert!(!app.linking);
    assert!(!app.derived.claims_of[app.reading.passage].is_empty());
    let after = format!("{}", screen(&mut app).backend());
    assert!(
        after.contains("reported by") && !after.contains("cross-referencing"),
        "{after}"
    );
}
