//! Whole-screen snapshots of every view, driven by key events through the
//! real dispatch and update functions, at 120×40 and 80×24.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;
use ratatui::style::Modifier;

use crossread::tui::app::{App, Focus, Mode};
use crossread::tui::script::press;
use crossread::tui::{update, view};

mod tui_support;
use tui_support::*;

fn help_top(app: &App) -> usize {
    match app.stack.last() {
        Some(crossread::tui::app::Screen::Help(h)) => h.top,
        _ => panic!("help is not on top"),
    }
}

macro_rules! snapshot {
    ($name:ident, $keys:expr) => {
        #[test]
        fn $name() {
            for (w, h) in [(120, 40), (80, 24), (200, 60)] {
                let mut app = demo_app(w, h, false);
                press(&mut app, $keys);
                let terminal = screen(&mut app);
                insta::assert_snapshot!(
                    format!("{}_{w}x{h}", stringify!($name)),
                    terminal.backend()
                );
            }
        }
    };
}

snapshot!(reader_at_start, &[]);
snapshot!(reader_after_moving_down, &["jjjj"]);
snapshot!(jump_to_corroborating_passage, &["jjjjjj", "n"]);
snapshot!(filter_all_passages, &["/", "valve"]);
snapshot!(filter_sources, &["Tab", "Tab", "/", "kestrel"]);
snapshot!(compare_two_articles, &["c", "Enter"]);
snapshot!(claims_matrix, &["m", "jj"]);
snapshot!(help_overlay, &["?"]);
snapshot!(compare_picker, &["c", "/", "kes"]);
snapshot!(matrix_filtered, &["m", "/", "valve", "Enter"]);
snapshot!(claims_panel_focused, &["Tab", "jj"]);

#[test]
fn too_small_screen() {
    for (w, h) in [(40, 10), (59, 24), (1, 1)] {
        let mut app = demo_app(w, h, false);
        let terminal = screen(&mut app);
        let text = format!("{}", terminal.backend());
        if w >= 20 {
            assert!(text.contains("too small"), "{w}x{h}:\n{text}");
        }
        insta::assert_snapshot!(format!("too_small_{w}x{h}"), terminal.backend());
    }
}

#[test]
fn n_cycles_through_other_sources_and_ctrl_o_comes_back() {
    let mut app = demo_app(120, 40, false);
    press(&mut app, &["jjjjjj"]);
    let start = app.reading.passage;
    assert!(
        !app.derived.claims_of[start].is_empty(),
        "the demo's 7th passage is corroborated"
    );
    let mut seen = vec![app.reading.source];
    for _ in 0..3 {
        press(&mut app, &["n"]);
        assert_ne!(
            app.corpus.passages[app.reading.passage].source,
            *seen.last().unwrap()
        );
        seen.push(app.reading.source);
    }
    press(&mut app, &["Ctrl-o", "Ctrl-o", "Ctrl-o"]);
    assert_eq!(app.reading.passage, start);
    press(&mut app, &["Ctrl-i"]);
    assert_eq!(app.reading.source, seen[1]);
    // Alt-← and Alt-→ do the same where Ctrl-i arrives as Tab.
    use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
    let alt = |code| Event::Key(KeyEvent::new(code, KeyModifiers::ALT));
    let back = crossread::tui::translate(&app, &alt(KeyCode::Left)).unwrap();
    update::update(&mut app, back);
    assert_eq!(app.reading.passage, start);
    let forward = crossread::tui::translate(&app, &alt(KeyCode::Right)).unwrap();
    update::update(&mut app, forward);
    assert_eq!(app.reading.source, seen[1]);
}

#[test]
fn the_claims_panel_says_when_a_figure_makes_the_claim() {
    // Tall enough for the panel to reach the lede's figure claims, after
    // the versions of its claim of linked statements.
    let mut app = demo_app(200, 150, false);
    // The Harbour Herald's lede gives the toll that four other outlets give
    // in sentences that say other things.
    let lede = app
        .article_passages()
        .find(|&p| {
            app.corpus.passages[p]
                .text
                .starts_with("KESTREL BAY — Five workers")
        })
        .expect("the lede");
    while app.reading.passage < lede {
        press(&mut app, &["j"]);
    }
    let terminal = screen(&mut app);
    let text: String = terminal
        .backend()
        .buffer()
        .content()
        .iter()
        .map(|c| c.symbol())
        .collect();
    assert!(text.contains("all give the figure"), "{text}");
}

#[test]
fn corroborated_and_single_source_seeks() {
    let mut app = demo_app(120, 40, false);
    press(&mut app, &["}"]);
    assert!(
        app.derived.single[app.reading.passage],
        "}} lands on a single-source passage"
    );
    press(&mut app, &["gg", "]"]);
    assert!(app.derived.corroborated(app.reading.passage));
    press(&mut app, &["G"]);
    assert_eq!(app.reading.passage, app.article_passages().end - 1);
    press(&mut app, &["gg"]);
    assert_eq!(app.reading.passage, app.article_passages().start);
}

#[test]
fn filter_enter_jumps_and_esc_clears() {
    let mut app = demo_app(120, 40, false);
    press(&mut app, &["/", "Nordbank"]);
    assert_eq!(app.mode(), Mode::Filter);
    assert!(!filter_of(&app).hits.is_empty());
    press(&mut app, &["Enter"]);
    assert_eq!(app.mode(), Mode::Normal);
    assert!(
        app.corpus.passages[app.reading.passage]
            .text
            .contains("Nordbank")
    );
    assert_eq!(
        app.corpus.sources[app.reading.source].outlet.as_deref(),
        Some("Finance Brief")
    );
    press(&mut app, &["/", "zzzzqqq"]);
    assert!(filter_of(&app).hits.is_empty());
    press(&mut app, &["Esc"]);
    assert_eq!(app.mode(), Mode::Normal);
    assert!(app.filter().is_none(), "Esc closes the filter screen");
}

#[test]
fn compare_mode_moves_between_aligned_pairs_and_leaves() {
    let mut app = demo_app(120, 40, false);
    press(&mut app, &["c", "j", "Enter"]);
    assert_eq!(app.mode(), Mode::Compare);
    let state = app.compare().unwrap();
    assert_eq!((state.left, state.right), (0, 2));
    let first = state.cursor;
    press(&mut app, &["n"]);
    assert!(app.compare().unwrap().cursor > first);
    press(&mut app, &["c"]);
    assert_eq!(app.mode(), Mode::Normal);
    assert!(app.compare().is_none());
}

#[test]
fn matrix_enter_jumps_to_the_claim() {
    let mut app = demo_app(120, 40, false);
    press(&mut app, &["m", "j", "Enter"]);
    assert_eq!(app.mode(), Mode::Normal);
    let claim = &app.corpus.claims[1];
    assert!(claim.passages.contains(&app.reading.passage));
}

#[test]
fn focus_cycles_and_sources_open_articles() {
    let mut app = demo_app(120, 40, false);
    press(&mut app, &["Tab"]);
    assert_eq!(app.reading.focus, Focus::Claims);
    press(&mut app, &["Tab"]);
    assert_eq!(app.reading.focus, Focus::Sources);
    press(&mut app, &["jj", "Enter"]);
    assert_eq!(app.reading.source, 2);
    assert_eq!(app.reading.focus, Focus::Reader);
}

#[test]
fn no_color_uses_modifiers() {
    let mut app = demo_app(120, 40, true);
    let terminal = screen(&mut app);
    let buffer = terminal.backend().buffer();
    let cells: Vec<_> = buffer.content().iter().collect();
    assert!(
        cells
            .iter()
            .all(|c| c.fg == ratatui::style::Color::Reset && c.bg == ratatui::style::Color::Reset)
    );
    assert!(
        cells
            .iter()
            .any(|c| c.modifier.contains(Modifier::REVERSED)),
        "the current passage is reversed"
    );
}

#[test]
fn resize_storm_never_panics() {
    let mut app = demo_app(120, 40, false);
    press(&mut app, &["jjjjjjjjjj"]);
    for (w, h) in [
        (1, 1),
        (200, 60),
        (60, 15),
        (0, 0),
        (59, 14),
        (300, 5),
        (80, 24),
    ] {
        update::update(&mut app, crossread::tui::action::Action::Resize(w, h));
        let mut terminal = Terminal::new(TestBackend::new(w.max(1), h.max(1))).unwrap();
        terminal
            .draw(|f| {
                view::render(&app, f);
            })
            .unwrap();
    }
}

#[test]
fn help_returns_where_it_was_opened_and_scrolls_within_its_lines() {
    let mut app = demo_app(120, 24, false);
    press(&mut app, &["c", "j", "Enter"]);
    assert_eq!(app.mode(), Mode::Compare);
    press(&mut app, &["?"]);
    assert_eq!(app.mode(), Mode::Help);
    press(&mut app, &["Esc"]);
    assert_eq!(
        app.mode(),
        Mode::Compare,
        "help over compare returns to compare"
    );
    press(&mut app, &["c", "m", "?", "q"]);
    assert_eq!(
        app.mode(),
        Mode::Matrix,
        "help over the matrix returns to it"
    );
    press(&mut app, &["Esc", "?"]);
    // G goes to the last line, and no further however far one scrolls.
    press(&mut app, &["G"]);
    let bottom = help_top(&app);
    assert!(bottom > 0);
    for _ in 0..200 {
        press(&mut app, &["j"]);
    }
    assert_eq!(help_top(&app), bottom);
    press(&mut app, &["k"]);
    assert_eq!(help_top(&app), bottom - 1, "one key up scrolls at once");
    // The last line drawn is the help's last line.
    press(&mut app, &["G"]);
    let text = format!("{}", screen(&mut app).backend());
    assert!(text.contains("Gutter: 2, 3… sources corroborate"), "{text}");
    // Keys and their description never run together.
    assert!(!text.contains("back(") && !text.contains("←back"), "{text}");
}

#[test]
fn the_compare_picker_scrolls_to_its_cursor() {
    // Thirty articles on one event: more than the picker can show at 80×15.
    let dir = std::env::temp_dir().join(format!("crossread-picker-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for i in 0..30 {
        std::fs::write(
            dir.join(format!("outlet{i:02}.txt")),
            "Harbour fire\n\nA fire at the Kestrel Bay harbour warehouse destroyed \
             forty boats on Monday night, harbour officials said. The fire brigade fought \
             the flames for six hours before the warehouse roof collapsed.\n",
        )
        .unwrap();
    }
    let loaded = crossread::load::load_paths(std::slice::from_ref(&dir), Default::default());
    let _ = std::fs::remove_dir_all(&dir);
    let corpus = crossread::corpus::build(&loaded.texts);
    assert_eq!(corpus.stories.len(), 1, "one event, one story");
    let mut app = App::new(corpus, Rect::new(0, 0, 80, 15), false);
    update::keep_cursor_visible(&mut app);
    press(&mut app, &["c", "G"]);
    assert_eq!(app.mode(), Mode::PickCompare);
    let last = *app.story_sources().last().unwrap();
    let outlet = |s: usize| app.corpus.sources[s].outlet.clone().unwrap();
    let (last, first) = (outlet(last), outlet(app.story_sources()[0]));
    let text = format!("{}", screen(&mut app).backend());
    assert!(
        text.contains(&format!("{last} —")),
        "the cursor's row is drawn:\n{text}"
    );
    assert!(!text.contains(&format!("{first} —")), "{text}");
    press(&mut app, &["g", "g"]);
    let text = format!("{}", screen(&mut app).backend());
    assert!(text.contains(&first), "{text}");
}

/// Two events: the sources pane groups articles by story and says so, and
/// the matrix shows the open article's story only.
#[test]
fn stories_group_the_sources_and_scope_the_matrix() {
    let articles = [
        (
            "zoo1.txt",
            "Zoo gorilla shot\n\nA gorilla named Harambe was shot dead at the Cincinnati Zoo on Saturday after a boy fell into its enclosure. Zoo director Thane Maynard said the boy was safe. The gorilla dragged the boy through the moat for ten minutes.\n",
        ),
        (
            "bid1.txt",
            "Broadcom raises Qualcomm bid\n\nBroadcom raised its offer for Qualcomm to $121 billion on Monday, calling it best and final. The chipmaker offered $82 a share in cash and stock. Qualcomm said its board would review the proposal.\n",
        ),
        (
            "zoo2.txt",
            "Boy falls into gorilla enclosure\n\nCincinnati Zoo staff shot Harambe, a western lowland gorilla, on Saturday when a four-year-old boy climbed into the enclosure. Director Thane Maynard said the boy was safe. The gorilla dragged the boy through the moat.\n",
        ),
        (
            "bid2.txt",
            "Qualcomm weighs new offer\n\nQualcomm's board will review the raised Broadcom bid of $82 a share, worth $121 billion, the chipmaker said on Monday. Broadcom called the offer best and final. Shares of Qualcomm fell.\n",
        ),
    ];
    let texts: Vec<_> = articles
        .iter()
        .map(|(n, t)| crossread::load::load_bytes(n, t.as_bytes()).unwrap())
        .collect();
    let corpus = crossread::corpus::build(&texts);
    assert_eq!(corpus.stories.len(), 2);
    let mut app = App::new(corpus, Rect::new(0, 0, 100, 30), true);
    update::keep_cursor_visible(&mut app);
    // Story order: each story's articles together.
    let stories: Vec<usize> = app
        .reading
        .source_rows
        .iter()
        .map(|&s| {
            app.corpus
                .stories
                .iter()
                .position(|st| st.sources.contains(&s))
                .unwrap()
        })
        .collect();
    assert!(stories.windows(2).all(|w| w[0] <= w[1]), "{stories:?}");
    let text = format!("{}", screen(&mut app).backend());
    assert!(text.contains("4 in 2 stories"), "{text}");
    // A header line names each story above its articles: number, size,
    // title; the first sits on the pane's first line.
    let lines: Vec<&str> = text.lines().collect();
    for story in &app.corpus.stories {
        let header = format!("S{} (2)", story.id + 1);
        let at = lines
            .iter()
            .position(|l| l.contains(&header))
            .unwrap_or_else(|| panic!("no {header} header\n{text}"));
        let first = app
            .reading
            .source_rows
            .iter()
            .position(|s| story.sources.contains(s))
            .unwrap();
        // Rows of two lines, one header line before each story's rows.
        assert_eq!(at, 1 + first * 2 + story.id.min(1), "{text}");
    }
    // Support is out of the story's two sources, not all four.
    press(&mut app, &["]"]);
    let text = format!("{}", screen(&mut app).backend());
    assert!(text.contains("reported by 2 of 2 sources"), "{text}");
    assert!(text.contains("S1 ") && text.contains("S2 "), "{text}");
    press(&mut app, &["m"]);
    assert_eq!(app.mode(), Mode::Matrix);
    let text = format!("{}", screen(&mut app).backend());
    let open_story = app.story().unwrap().id;
    let claims = app
        .corpus
        .claims
        .iter()
        .filter(|c| c.story == open_story)
        .count();
    assert!(claims > 0);
    assert!(
        text.contains(&format!("{claims} claims × 2 sources")),
        "{text}"
    );
    // Compare offers the story's other article, and only it.
    press(&mut app, &["Esc", "c", "j", "j", "Enter"]);
    let compare = app.compare().expect("compare mode");
    let story = &app.corpus.stories[open_story].sources;
    assert!(story.contains(&compare.left) && story.contains(&compare.right));
    assert_ne!(compare.left, compare.right);
}

/// Ctrl-C quits from every screen (help, the compare picker, the filter,
/// compare, the matrix), marked as interrupted; `q` in help only closes it.
#[test]
fn ctrl_c_quits_from_every_screen() {
    for keys in [&["?"][..], &["c"], &["/"], &["c", "Enter"], &["m"], &[]] {
        let mut app = demo_app(100, 30, true);
        press(&mut app, keys);
        assert!(!app.quit, "{keys:?}");
        press(&mut app, &["Ctrl-c"]);
        assert!(app.quit && app.interrupted, "{keys:?}");
    }
    let mut app = demo_app(100, 30, true);
    press(&mut app, &["?", "q"]);
    assert!(!app.quit && !app.interrupted);
}

/// Articles that print one story are marked as copies in the sources pane.
#[test]
fn copies_are_marked_in_the_sources_pane() {
    let wire = "Harbour blast\n\nFour dockworkers died when a fuel tank exploded at the northern pier on Monday. \
         The interior minister said sabotage was very unlikely. \
         The port will stay closed until Friday while investigators search the site. \
         Ferries were sent to the southern terminal for the rest of the week. \
         The harbour authority said the tank had been inspected in March.\n";
    let copy = wire.replace("Four dockworkers", "HARBOUR CITY — Four dockworkers");
    let other = "Pier fire\n\nFour dock workers were killed when a fuel tank blew up at the northern pier on Monday. \
         Residents heard the explosion miles away. Schools in the district closed early.\n";
    let texts: Vec<_> = [wire, copy.as_str(), other]
        .iter()
        .enumerate()
        .map(|(i, t)| crossread::load::load_bytes(&format!("{i}.txt"), t.as_bytes()).unwrap())
        .collect();
    let corpus = crossread::corpus::build(&texts);
    assert_eq!(corpus.copies, vec![vec![0, 1]]);
    let mut app = App::new(corpus, Rect::new(0, 0, 100, 30), true);
    let text = format!("{}", screen(&mut app).backend());
    assert_eq!(text.matches(" copy ").count(), 2, "{text}");
}

/// An article saved without its headline is listed by its opening
/// sentence, quoted so that it does not pass for a headline.
#[test]
fn an_untitled_article_is_listed_by_its_opening_in_quotes() {
    let titled = "Harbour blast closes port\n\nFour dockworkers died when a fuel tank exploded at the northern pier on Monday.\n\nThe port will stay closed until Friday.\n";
    let lede = "Four dock workers were killed on Monday when a fuel tank blew up at the northern pier of the harbour, officials said.\n\nResidents heard the explosion miles away.\n";
    let texts: Vec<_> = [titled, lede]
        .iter()
        .enumerate()
        .map(|(i, t)| crossread::load::load_bytes(&format!("{i}.txt"), t.as_bytes()).unwrap())
        .collect();
    let corpus = crossread::corpus::build(&texts);
    assert_eq!(
        corpus.sources[0].title.as_deref(),
        Some("Harbour blast closes port")
    );
    assert_eq!(corpus.sources[1].title, None);
    let mut app = App::new(corpus, Rect::new(0, 0, 120, 30), true);
    let text = format!("{}", screen(&mut app).backend());
    // (The pane is narrow: rows are cut.)
    assert!(text.contains("│ Harbour blast closes"), "{text}");
    assert!(text.contains("│ “Four dock workers"), "{text}");
    assert!(!text.contains("“Harbour blast"), "{text}");
}
