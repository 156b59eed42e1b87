//! The screens of the reader through the real dispatch: what `n` walks,
//! the kept search, compare's cursor, the matrix's columns.

use ratatui::layout::Rect;

use crossread::tui::app::{App, Mode, Screen};
use crossread::tui::script::{press, redraw};
use crossread::tui::update;

fn demo_app(w: u16, h: u16) -> App {
    let corpus = crossread::corpus::build(&crossread::load::load_demo().texts);
    let mut app = App::new(corpus, Rect::new(0, 0, w, h), false);
    redraw(&mut app);
    app
}

fn text(app: &mut App) -> String {
    format!("{}", redraw(app).backend())
}

/// `n` pressed as many times as the claim has members visits each member
/// once, stays in the claim, and comes back where it started, even where
/// a member's own first claim is another one (it drifted there before).
#[test]
fn n_walks_the_members_of_one_claim_and_comes_back() {
    let mut app = demo_app(120, 40);
    let claims_of = app.derived.claims_of.clone();
    // A claim with a member whose first claim is another: the drift case.
    let (claim, start) = app
        .corpus
        .claims
        .iter()
        .find_map(|c| {
            let start = c
                .passages
                .iter()
                .copied()
                .find(|&p| claims_of[p][0] == c.id)?;
            c.passages
                .iter()
                .any(|&m| claims_of[m][0] != c.id)
                .then_some((c.id, start))
        })
        .expect("the demo has a passage stating two claims");
    update::jump(&mut app, start);
    redraw(&mut app);
    let members = app.corpus.claims[claim].passages.clone();
    let mut visited = Vec::new();
    for _ in 0..members.len() {
        press(&mut app, &["n"]);
        assert!(
            members.contains(&app.reading.passage),
            "n left claim {claim} for passage {}",
            app.reading.passage
        );
        visited.push(app.reading.passage);
    }
    assert_eq!(visited.last(), Some(&start), "n comes back round");
    visited.sort_unstable();
    visited.dedup();
    assert_eq!(visited.len(), members.len(), "each member once");
    // N walks back the same way.
    press(&mut app, &["N"]);
    assert!(members.contains(&app.reading.passage));
    assert_ne!(app.reading.passage, start);
}

/// The issue's case on the seeds: from L'Express's "six North Korean
/// officers" passage, `n` passes 002's "highly likely" sentence (a member
/// of this claim and of the hedge's) without leaving the claim, reaches
/// 003's and 004's versions, and comes back (it drifted to the hedge's
/// claim before).
#[test]
#[ignore = "needs ../shared/seeds; .ci/run runs it"]
fn n_stays_on_the_claim_on_the_seeds() {
    let dir = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    assert!(
        dir.is_dir(),
        "the seed articles must be at {}",
        dir.display()
    );
    let loaded = crossread::load::load_paths(&[dir], Default::default());
    let corpus = crossread::corpus::build(&loaded.texts);
    let mut app = App::new(corpus, Rect::new(0, 0, 120, 40), false);
    redraw(&mut app);
    let start = app
        .corpus
        .passages
        .iter()
        .position(|p| p.source == 0 && p.text.contains("six North Korean officers died"))
        .expect("L'Express's passage");
    update::jump(&mut app, start);
    let claim = app.derived.claims_of[start][0];
    let members = app.corpus.claims[claim].passages.clone();
    let sources: Vec<usize> = members
        .iter()
        .map(|&p| app.corpus.passages[p].source)
        .collect();
    for s in [1, 2, 3, 4] {
        assert!(
            sources.contains(&s),
            "source {s} states the claim: {members:?}"
        );
    }
    let mut walked = Vec::new();
    for _ in 0..members.len() {
        press(&mut app, &["n"]);
        assert!(members.contains(&app.reading.passage));
        walked.push(app.corpus.passages[app.reading.passage].source);
    }
    assert_eq!(walked, vec![1, 2, 3, 4, 0], "source by source, and back");
}

/// Enter on a row of the claims panel chooses the claim `n` walks.
#[test]
fn the_claims_panel_chooses_the_claim_n_walks() {
    let mut app = demo_app(120, 40);
    let rows = app.article_claims();
    let (row, claim) = rows
        .iter()
        .enumerate()
        .find_map(|(i, (c, _))| c.map(|c| (i, c)))
        .expect("the first article has claims");
    press(&mut app, &["Tab"]);
    for _ in 0..row {
        press(&mut app, &["j"]);
    }
    press(&mut app, &["Enter"]);
    assert_eq!(app.reading.claim, Some(claim));
    press(&mut app, &["n"]);
    assert!(
        app.corpus.claims[claim]
            .passages
            .contains(&app.reading.passage)
    );
}

#[test]
fn a_search_kept_after_enter_steps_with_ctrl_n_and_esc_clears_it() {
    let mut app = demo_app(120, 40);
    press(&mut app, &["/", "valve", "Enter"]);
    let kept = app.reading.search.clone().expect("the search is kept");
    assert!(kept.hits.len() >= 3, "{}", kept.hits.len());
    let mut seen = vec![app.reading.passage];
    for _ in 1..kept.hits.len() {
        press(&mut app, &["Ctrl-n"]);
        assert!(
            app.corpus.passages[app.reading.passage]
                .text
                .to_lowercase()
                .contains("valve")
        );
        seen.push(app.reading.passage);
    }
    seen.sort_unstable();
    seen.dedup();
    assert_eq!(seen.len(), kept.hits.len(), "every match once");
    let screen = text(&mut app);
    assert!(
        screen.contains("/valve"),
        "the status bar shows the kept search\n{screen}"
    );
    press(&mut app, &["Ctrl-p"]);
    assert!(
        app.corpus.passages[app.reading.passage]
            .text
            .contains("valve")
    );
    press(&mut app, &["Esc"]);
    assert!(app.reading.search.is_none());
    press(&mut app, &["Ctrl-n"]);
    assert!(text(&mut app).contains("no search"));
}

fn compare_cursor(app: &App) -> (usize, usize) {
    match app.stack.last() {
        Some(Screen::Compare(c)) => (c.cursor, c.rows.len()),
        _ => panic!("not comparing"),
    }
}

/// At 80×24 compare's cursor is drawn on every row down to the last, and
/// Space moves by the rows drawn with the cursor still drawn (it assumed
/// three lines a row and lost the cursor from row 5).
#[test]
fn compare_keeps_its_cursor_drawn_on_every_row() {
    let mut app = demo_app(80, 24);
    press(&mut app, &["c", "Enter"]);
    assert_eq!(app.mode(), Mode::Compare);
    let (_, rows) = compare_cursor(&app);
    press(&mut app, &["gg"]);
    for _ in 0..rows {
        let screen = text(&mut app);
        let (cursor, _) = compare_cursor(&app);
        assert!(
            screen.contains('▶'),
            "row {} of {rows}: no cursor drawn\n{screen}",
            cursor + 1
        );
        assert!(screen.contains(&format!("row {}/{rows}", cursor + 1)));
        press(&mut app, &["j"]);
    }
    assert_eq!(compare_cursor(&app).0, rows - 1);
    press(&mut app, &["gg", " "]);
    let page = app.drawn.compare.as_ref().unwrap().rows.len();
    assert!(text(&mut app).contains('▶'));
    assert!(compare_cursor(&app).0 > 0 && compare_cursor(&app).0 <= page);
}

/// A compare row whose claim the other side states out of order points
/// to where it is stated, rather than showing a gap.
#[test]
fn compare_points_to_a_claim_stated_out_of_order() {
    let mut app = demo_app(200, 60);
    // Every pair of articles: somewhere one is out of order (the demo's
    // wire copy and its rewrites reorder their paragraphs).
    let sources = app.corpus.sources.len();
    let mut found = false;
    for left in 0..sources {
        for right in 0..sources {
            if left == right || found {
                continue;
            }
            update::start_compare(&mut app, left, right);
            if let Some(Screen::Compare(c)) = app.stack.last() {
                found = c.rows.iter().enumerate().any(|(i, row)| {
                    let p = match row {
                        crossread::tui::align::Row::Left(p) => *p,
                        _ => return false,
                    };
                    app.derived.claims_of[p].iter().any(|&cl| {
                        app.corpus.claims[cl]
                            .passages
                            .iter()
                            .any(|q| c.row_of.get(q).is_some_and(|&r| r != i))
                    })
                });
                if found {
                    let row = c
                        .rows
                        .iter()
                        .position(|row| matches!(row, crossread::tui::align::Row::Left(p) if !app.derived.claims_of[*p].is_empty()))
                        .unwrap();
                    if let Some(Screen::Compare(c)) = app.stack.last_mut() {
                        c.cursor = row;
                    }
                    let screen = text(&mut app);
                    assert!(screen.contains("stated"), "{screen}");
                }
            }
            app.stack.clear();
        }
    }
    assert!(
        found,
        "no pair of demo articles states a claim out of order"
    );
}

/// With more sources than fit, the matrix's columns scroll sideways and
/// every column label is unique and explained in the legend.
#[test]
fn matrix_columns_scroll_sideways_and_the_legend_is_whole() {
    let mut app = demo_app(60, 24);
    press(&mut app, &["m"]);
    assert_eq!(app.mode(), Mode::Matrix);
    let (first, shown) = app.drawn.matrix_columns.unwrap();
    let total = app.story_sources().len();
    assert_eq!(first, 0);
    assert!(shown < total, "60 columns fit {shown} of {total} sources");
    let before = text(&mut app);
    assert!(before.contains('›'), "{before}");
    press(&mut app, &["l", "l"]);
    assert_eq!(app.drawn.matrix_columns.unwrap().0, 2);
    assert!(text(&mut app).contains('‹'));
    for _ in 0..total {
        press(&mut app, &["l"]);
    }
    let (first, shown) = app.drawn.matrix_columns.unwrap();
    assert_eq!(
        first + shown,
        total,
        "the last column is reachable, no further"
    );
    press(&mut app, &["h"]);
    assert_eq!(app.drawn.matrix_columns.unwrap().0, first - 1);
    // The legend names every outlet (at 120 columns it fits whole).
    let mut app = demo_app(120, 40);
    press(&mut app, &["m"]);
    let screen = text(&mut app);
    for s in &app.corpus.sources {
        let outlet = s.outlet.as_deref().unwrap();
        assert!(screen.contains(outlet), "legend lacks {outlet}\n{screen}");
    }
}

#[test]
fn matrix_sort_keeps_the_claim_under_the_cursor() {
    let mut app = demo_app(120, 40);
    press(&mut app, &["m", "j", "j", "j"]);
    let rows = |app: &App| match app.stack.last() {
        Some(Screen::Matrix(m)) => (
            update::matrix_rows(app, m.sort, &m.narrowing.query),
            m.cursor,
        ),
        _ => panic!("matrix"),
    };
    let (before, cursor) = rows(&app);
    let claim = before[cursor];
    press(&mut app, &["s"]);
    let (after, cursor) = rows(&app);
    assert_ne!(
        before, after,
        "the article order differs from support order"
    );
    assert_eq!(after[cursor], claim);
    assert!(text(&mut app).contains("in article order"));
}

/// Esc pops one screen at a time: help over the matrix closes to it.
#[test]
fn screens_stack_and_pop_one_at_a_time() {
    let mut app = demo_app(120, 40);
    press(&mut app, &["m", "?"]);
    assert_eq!(app.stack.len(), 2);
    press(&mut app, &["Esc"]);
    assert_eq!(app.mode(), Mode::Matrix);
    press(&mut app, &["Esc"]);
    assert_eq!(app.mode(), Mode::Normal);
    assert!(app.stack.is_empty());
    press(&mut app, &["c", "Esc"]);
    assert!(app.stack.is_empty(), "Esc closes the picker");
}

/// In the compare picker, `/` and words narrow the list; Enter compares
/// with the chosen match; Esc stops typing, then closes.
#[test]
fn the_compare_picker_narrows_by_typed_words() {
    let mut app = demo_app(120, 40);
    press(&mut app, &["c", "/", "kestrel voice"]);
    let Some(Screen::Pick(p)) = app.stack.last() else {
        panic!("picker");
    };
    assert_eq!(p.choices.len(), 1, "{:?}", p.choices);
    let chosen = p.choices[0];
    assert_eq!(
        app.corpus.sources[chosen].outlet.as_deref(),
        Some("Kestrel Voice")
    );
    assert!(text(&mut app).contains("(1 of 9)"));
    press(&mut app, &["Enter"]);
    assert_eq!(app.mode(), Mode::Compare);
    assert_eq!(app.compare().unwrap().right, chosen);
    press(&mut app, &["Esc", "c", "/", "zzz", "Enter"]);
    assert!(text(&mut app).contains("no article matches"));
    press(&mut app, &["Esc"]);
    assert_eq!(app.mode(), Mode::PickCompare, "Esc stops typing first");
    press(&mut app, &["Esc"]);
    assert!(app.stack.is_empty());
}

/// `/` in the matrix narrows its rows to the claims holding the typed
/// words; Enter keeps the filter, Esc clears it, a second Esc closes.
#[test]
fn the_matrix_filters_its_rows_by_typed_words() {
    let mut app = demo_app(120, 40);
    press(&mut app, &["m"]);
    let all = update::matrix_rows(&app, Default::default(), "").len();
    press(&mut app, &["/", "valve"]);
    let Some(Screen::Matrix(m)) = app.stack.last() else {
        panic!("matrix");
    };
    let rows = update::matrix_rows(&app, m.sort, &m.narrowing.query);
    assert!(
        !rows.is_empty() && rows.len() < all,
        "{} of {all}",
        rows.len()
    );
    for &c in &rows {
        assert!(app.corpus.claims[c].text.to_lowercase().contains("valve"));
    }
    let screen = text(&mut app);
    assert!(
        screen.contains(&format!("{} claims", rows.len())),
        "{screen}"
    );
    press(&mut app, &["Enter", "j"]);
    assert_eq!(app.mode(), Mode::Matrix, "Enter keeps the filter");
    press(&mut app, &["Esc"]);
    assert!(text(&mut app).contains(&format!("{all} claims")));
    press(&mut app, &["Esc"]);
    assert!(app.stack.is_empty());
}

/// `q` over the reader closes the screen it is on (as in less and gitui);
/// on the reader it quits.
#[test]
fn q_closes_screens_and_quits_only_the_reader() {
    for keys in [&["c", "Enter"][..], &["m"], &["?"], &["c"], &["m", "?"]] {
        let mut app = demo_app(100, 30);
        press(&mut app, keys);
        let depth = app.stack.len();
        assert!(depth > 0, "{keys:?}");
        press(&mut app, &["q"]);
        assert!(!app.quit, "{keys:?}: q quit from a screen");
        assert_eq!(app.stack.len(), depth - 1, "{keys:?}");
    }
    let mut app = demo_app(100, 30);
    press(&mut app, &["q"]);
    assert!(app.quit && !app.interrupted);
}
