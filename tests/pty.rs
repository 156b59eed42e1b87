//! End-to-end tests of the real binary in a pseudo-terminal, with a vt100
//! screen parser: open the demo, filter, jump, compare, quit; the terminal
//! is restored afterwards (cooked mode, main screen, cursor, mouse), also
//! after a panic; article text cannot take over the terminal.

#![cfg(unix)]

use std::io::Read;
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

#[path = "pty/session.rs"]
mod session;
use session::{COLS, ROWS, Session, crossread_pid};

#[test]
fn open_filter_jump_compare_and_quit() {
    let mut s = Session::start("", &[]);
    s.wait_for("Sources 9");
    s.wait_for("The Harbour Herald");
    s.send("/");
    s.wait_for("FILTER");
    s.send("valve");
    s.wait_for("19 matches");
    s.send("\r");
    s.wait_for("READ");
    // Move to a corroborated passage, then jump to another source.
    s.send("}");
    s.send("]");
    let before = s.screen();
    s.send("n");
    let deadline = Instant::now() + Duration::from_secs(10);
    while s.screen() == before && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
    }
    assert_ne!(s.screen(), before, "n changed nothing");
    s.send("c");
    s.wait_for("Compare the open article with");
    s.send("\r");
    s.wait_for("COMPARE");
    s.send("c");
    s.wait_for("READ");
    s.send("q");
    let (code, s) = s.finish();
    assert_eq!(code, 0, "{}", s.raw_text());
    s.assert_restored();
}

/// After the terminal grew, quitting leaves nothing of the last frame on
/// the main screen: the alternate screen is cleared before it is left.
#[test]
fn a_resize_before_quit_leaves_the_main_screen_clean() {
    let mut s = Session::start("", &[]);
    s.wait_for("Sources 9");
    s.resize(50, 160);
    s.wait_for("Kestrel Voice");
    s.send("q");
    let (code, s) = s.finish();
    assert_eq!(code, 0, "{}", s.raw_text());
    s.assert_restored();
    let raw = s.raw_text();
    let leave = raw.rfind("\x1b[?1049l").expect("left the alternate screen");
    let clear = raw[..leave]
        .rfind("\x1b[2J")
        .expect("a clear before leaving");
    assert!(
        !raw[clear..leave].contains("Sources"),
        "nothing is drawn between the clear and leaving"
    );
    let main = s.screen();
    assert!(
        !main.contains("Sources") && !main.contains("Claims"),
        "the frame leaked onto the main screen:\n{main}"
    );
}

#[test]
fn a_panic_restores_the_terminal_before_printing() {
    let s = Session::start("", &[("CROSSREAD_TEST_PANIC", "1")]);
    let (code, s) = s.finish();
    assert_eq!(code, 101, "a panic exits with status 101");
    assert!(
        s.raw_text().contains("test panic requested"),
        "{}",
        s.raw_text()
    );
    s.assert_restored();
}

#[test]
fn ctrl_c_quits_and_restores() {
    let mut s = Session::start("", &[]);
    s.wait_for("Sources 9");
    s.send("\u{3}");
    let (code, s) = s.finish();
    assert_eq!(code, 130, "Ctrl-C ends with 128 + SIGINT");
    s.assert_restored();
}

#[test]
fn article_text_cannot_drive_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let evil = "Evil headline\n\nThis passage sets the title \u{1b}]0;PWNED\u{7} and clears \u{1b}[2J the screen \u{1b}[?1049l and \
                turns \u{1b}[31mred, with a \u{202e}bidi override and a zero\u{200b}width space.\n";
    std::fs::write(dir.path().join("evil.txt"), evil).unwrap();
    std::fs::write(
        dir.path().join("good.txt"),
        "Good headline\n\nA normal passage about the same title.\n",
    )
    .unwrap();
    let mut s = Session::start(&format!("'{}'", dir.path().display()), &[]);
    s.wait_for("Evil headline");
    s.wait_for("\u{241b}]0;PWNED");
    assert!(
        s.parser.lock().unwrap().callbacks().titles.is_empty(),
        "the window title was changed"
    );
    assert!(
        s.parser.lock().unwrap().screen().alternate_screen(),
        "the article left the alternate screen"
    );
    s.send("q");
    let (code, s) = s.finish();
    assert_eq!(code, 0);
    s.assert_restored();
}

/// The pid of crossread, the shell's child.
fn signal_restores(signal: &str, expected: i32) {
    let s = Session::start("", &[]);
    s.wait_for("Sources 9");
    let shell = s.child.process_id().expect("shell pid");
    let pid = crossread_pid(shell).expect("crossread pid");
    let status = std::process::Command::new("kill")
        .args([&format!("-{signal}"), &pid.to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let (code, s) = s.finish();
    assert_eq!(code, expected, "{signal}: {}", s.raw_text());
    s.assert_restored();
}

#[test]
fn sigterm_restores_the_terminal() {
    signal_restores("TERM", 128 + 15);
}

#[test]
fn sighup_restores_the_terminal() {
    signal_restores("HUP", 128 + 1);
}

#[test]
fn sigint_restores_the_terminal() {
    signal_restores("INT", 128 + 2);
}

#[test]
fn an_error_while_drawing_restores_the_terminal() {
    let s = Session::start("", &[("CROSSREAD_TEST_DRAW_ERROR", "1")]);
    let (code, s) = s.finish();
    assert_eq!(code, 1);
    assert!(
        s.raw_text().contains("test drawing error requested"),
        "{}",
        s.raw_text()
    );
    s.assert_restored();
}

/// CPU time (user + system) of a process so far, in seconds.
fn cpu_seconds(pid: i32) -> Option<f64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let fields: Vec<&str> = stat.rsplit(')').next()?.split_whitespace().collect();
    // After "(comm)": state is field 0; utime and stime are fields 11, 12.
    let ticks: f64 = fields.get(11)?.parse::<f64>().ok()? + fields.get(12)?.parse::<f64>().ok()?;
    // SAFETY: sysconf has no preconditions.
    let per_second = unsafe { libc::sysconf(libc::_SC_CLK_TCK) } as f64;
    Some(ticks / per_second)
}

/// The terminal vanishes (its master side closes, as when a window or an
/// ssh session is closed): the reader exits within a second and does not
/// spin meanwhile.
#[test]
fn a_vanished_terminal_ends_the_reader_without_spinning() {
    let pty = native_pty_system()
        .openpty(PtySize {
            rows: ROWS,
            cols: COLS,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("open a pseudo-terminal");
    // As in a terminal window: a shell leads the session, crossread runs
    // in it (a session leader would get EIO and exit on its own).
    let mut cmd = CommandBuilder::new("sh");
    cmd.arg("-c");
    cmd.arg(format!("'{}'; sleep 30", env!("CARGO_BIN_EXE_crossread")));
    cmd.cwd(env!("CARGO_MANIFEST_DIR"));
    cmd.env("TERM", "xterm-256color");
    let shell = pty.slave.spawn_command(cmd).expect("spawn crossread");
    drop(pty.slave);
    // Whatever happens below, the shell and crossread end with the test.
    struct Reap(Box<dyn portable_pty::Child + Send + Sync>, Option<i32>);
    impl Drop for Reap {
        fn drop(&mut self) {
            if let Some(pid) = self.1 {
                // SAFETY: a signal to a pid this test started.
                unsafe { libc::kill(pid, libc::SIGKILL) };
            }
            let _ = self.0.kill();
            let _ = self.0.wait();
        }
    }
    let mut shell = Reap(shell, None);
    let mut reader = pty.master.try_clone_reader().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut seen = Vec::new();
        let mut buf = [0u8; 8192];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            seen.extend_from_slice(&buf[..n]);
            if String::from_utf8_lossy(&seen).contains("Sources") {
                // Stop reading: this clone holds the master side open too.
                let _ = tx.send(());
                break;
            }
        }
    });
    rx.recv_timeout(Duration::from_secs(20))
        .expect("the reader drew its first frame");
    std::thread::sleep(Duration::from_millis(100));
    let pid = crossread_pid(shell.0.process_id().expect("shell pid")).expect("crossread pid");
    shell.1 = Some(pid);
    let before = cpu_seconds(pid).expect("cpu time");
    let closed = Instant::now();
    drop(pty.master);
    let mut last = before;
    let outcome = loop {
        match cpu_seconds(pid) {
            Some(cpu) => last = cpu,
            None => break Ok(closed.elapsed()),
        }
        // A zombie has exited too.
        let state = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
        if state
            .rsplit(')')
            .next()
            .is_some_and(|r| r.trim_start().starts_with('Z'))
        {
            break Ok(closed.elapsed());
        }
        if closed.elapsed() > Duration::from_secs(5) {
            break Err(());
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    drop(shell);
    let waited = outcome.unwrap_or_else(|()| {
        panic!(
            "crossread still running 5 s after its terminal closed ({:.2} s of CPU)",
            last - before
        )
    });
    assert!(waited < Duration::from_millis(1500), "took {waited:?}");
    assert!(
        last - before < 0.2,
        "used {:.2} s of CPU meanwhile",
        last - before
    );
}

/// A small deterministic generator for the monkey test.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
}

/// Random keys and resizes (fixed seed) through the real binary: it never
/// dies, answers at the end, quits with `q` and restores the terminal.
#[test]
fn monkey_keys_and_resizes() {
    const KEYS: &[&str] = &[
        "j",
        "k",
        "J",
        "K",
        "G",
        "gg",
        "n",
        "N",
        "]",
        "[",
        "}",
        "{",
        "\t",
        "\x1b[Z",
        " ",
        "\x04",
        "\x15",
        "\x1b[A",
        "\x1b[B",
        "\x1b[5~",
        "\x1b[6~",
        "/",
        "va",
        "x",
        "\x7f",
        "\r",
        "\x1b",
        "c",
        "m",
        "?",
        "\x0f",
        "\x1b[1;3D",
        "\x1b[1;3C",
    ];
    let mut s = Session::start("", &[]);
    s.wait_for("Sources 9");
    let mut rng = Lcg(0x5EED);
    for _ in 0..400 {
        if rng.next().is_multiple_of(25) {
            let rows = 10 + (rng.next() % 50) as u16;
            let cols = 30 + (rng.next() % 170) as u16;
            s.resize(rows, cols);
        } else {
            let key = KEYS[(rng.next() % KEYS.len() as u64) as usize];
            s.send(key);
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    assert!(
        matches!(s.child.try_wait(), Ok(None)),
        "crossread ended during the monkey test:\n{}",
        s.raw_text()
    );
    s.resize(ROWS, COLS);
    // Back to the reader from wherever the keys left it, then quit.
    s.send("\x1b\x1b\x1b");
    std::thread::sleep(Duration::from_millis(300));
    s.send("\x1b");
    s.wait_for("READ");
    // Apart from the Esc, or the two read as Alt-q.
    std::thread::sleep(Duration::from_millis(300));
    s.send("q");
    let (code, s) = s.finish();
    assert_eq!(code, 0, "{}", s.raw_text());
    s.assert_restored();
}

/// The command line in a terminal: titles, passages and file names with
/// escape sequences do not act on it (the window title stays).
#[test]
fn command_line_output_cannot_drive_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let evil = "Evil \u{1b}]0;PWNED\u{7}headline\n\nFive workers \u{1b}]2;OWNED\u{7}were killed in the blast at the plant on Monday, officials said.\n";
    std::fs::write(dir.path().join("a\u{1b}]0;NAME\u{7}.txt"), evil).unwrap();
    std::fs::write(
        dir.path().join("b.txt"),
        "Plant blast\n\nFive workers were killed in the blast at the plant on Monday, officials said.\n",
    )
    .unwrap();
    for command in ["sources", "claims", "claims --single-source", "explain 1 3"] {
        let s = Session::start(&format!("{command} '{}'", dir.path().display()), &[]);
        let (_, s) = s.finish();
        assert!(
            s.parser.lock().unwrap().callbacks().titles.is_empty(),
            "{command} changed the window title: {}",
            s.raw_text()
        );
        assert!(
            !s.raw_text().contains("\u{1b}]"),
            "{command}: {}",
            s.raw_text()
        );
    }
}
