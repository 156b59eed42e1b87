#![allow(dead_code)]
//! A pseudo-terminal session of the real binary, with a vt100 screen
//! parser, for the end-to-end tests. A session kills what it started when
//! dropped.

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

pub const ROWS: u16 = 30;
pub const COLS: u16 = 110;

/// Records what the program asks of the terminal besides drawing.
#[derive(Default)]
pub struct Recorder {
    pub titles: Vec<Vec<u8>>,
}

impl vt100::Callbacks for Recorder {
    fn set_window_title(&mut self, _: &mut vt100::Screen, title: &[u8]) {
        self.titles.push(title.to_vec());
    }
    fn set_window_icon_name(&mut self, _: &mut vt100::Screen, name: &[u8]) {
        self.titles.push(name.to_vec());
    }
}

pub struct Session {
    pub parser: Arc<Mutex<vt100::Parser<Recorder>>>,
    pub raw: Arc<Mutex<Vec<u8>>>,
    pub writer: Box<dyn Write + Send>,
    pub child: Box<dyn portable_pty::Child + Send + Sync>,
    pub master: Box<dyn portable_pty::MasterPty + Send>,
}

impl Session {
    /// Runs `crossread ARGS`, then `stty -a` in the same terminal, so the
    /// terminal's mode after crossread exits can be read.
    pub fn start(args: &str, env: &[(&str, &str)]) -> Session {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows: ROWS,
                cols: COLS,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pseudo-terminal");
        let bin = env!("CARGO_BIN_EXE_crossread");
        let mut cmd = CommandBuilder::new("sh");
        cmd.arg("-c");
        cmd.arg(format!("'{bin}' {args}; echo \"EXIT=$?\"; stty -a"));
        cmd.cwd(env!("CARGO_MANIFEST_DIR"));
        cmd.env("TERM", "xterm-256color");
        // The user's own config never changes what a test sees.
        cmd.env("XDG_CONFIG_HOME", "/nonexistent/crossread-tests");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pty.slave.spawn_command(cmd).expect("spawn crossread");
        drop(pty.slave);
        let mut reader = pty.master.try_clone_reader().unwrap();
        let writer = pty.master.take_writer().unwrap();
        let rows = NonZeroU16::new(ROWS).unwrap();
        let cols = NonZeroU16::new(COLS).unwrap();
        let parser = Arc::new(Mutex::new(vt100::Parser::new_with_callbacks(
            rows,
            cols,
            0,
            Recorder::default(),
        )));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let (p, r) = (parser.clone(), raw.clone());
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                p.lock().unwrap().process(&buf[..n]);
                r.lock().unwrap().extend_from_slice(&buf[..n]);
            }
        });
        Session {
            parser,
            raw,
            writer,
            child,
            master: pty.master,
        }
    }

    /// Resizes the terminal (the program gets SIGWINCH).
    pub fn resize(&self, rows: u16, cols: u16) {
        self.master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("resize");
        if let (Some(r), Some(c)) = (NonZeroU16::new(rows), NonZeroU16::new(cols)) {
            self.parser.lock().unwrap().screen_mut().set_size(r, c);
        }
    }

    pub fn screen(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    pub fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    pub fn wait_for(&self, what: &str) {
        let deadline = Instant::now() + Duration::from_secs(20);
        while Instant::now() < deadline {
            if self.screen().contains(what) {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("timed out waiting for {what:?}; screen:\n{}", self.screen());
    }

    pub fn raw_text(&self) -> String {
        String::from_utf8_lossy(&self.raw.lock().unwrap()).into_owned()
    }

    /// Kills the shell and crossread, if still running.
    pub fn kill(&mut self) {
        if let Some(pid) = self.child.process_id().and_then(crossread_pid) {
            // SAFETY: sending a signal to a pid.
            unsafe { libc::kill(pid, libc::SIGKILL) };
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// Waits for the shell to finish and returns crossread's exit status.
    pub fn finish(mut self) -> (i32, Self) {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            if let Ok(Some(_)) = self.child.try_wait() {
                break;
            }
            assert!(
                Instant::now() < deadline,
                "crossread did not exit; screen:\n{}",
                self.screen()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
        // Let the reader thread drain the last output.
        std::thread::sleep(Duration::from_millis(200));
        let text = self.raw_text();
        let code = text
            .rsplit("EXIT=")
            .next()
            .and_then(|rest| rest.split_whitespace().next())
            .and_then(|n| n.parse().ok())
            .unwrap_or(-1);
        (code, self)
    }

    /// The terminal is back as it was: cooked mode with echo, main screen,
    /// cursor shown, mouse reporting off.
    pub fn assert_restored(&self) {
        let text = self.raw_text();
        let stty = text.rsplit("EXIT=").next().unwrap_or("");
        assert!(
            stty.contains(" icanon") && !stty.contains("-icanon"),
            "not in cooked mode:\n{stty}"
        );
        assert!(
            stty.contains(" echo ") && !stty.contains("-echo "),
            "echo is off:\n{stty}"
        );
        let parser = self.parser.lock().unwrap();
        let screen = parser.screen();
        assert!(!screen.alternate_screen(), "still on the alternate screen");
        assert!(!screen.hide_cursor(), "cursor hidden");
        assert_eq!(
            screen.mouse_protocol_mode(),
            vt100::MouseProtocolMode::None,
            "mouse capture left on"
        );
    }
}

/// A test that fails or times out leaves no process behind.
impl Drop for Session {
    fn drop(&mut self) {
        self.kill();
    }
}

/// The pid of crossread started by the session's shell.
pub fn crossread_pid(shell: u32) -> Option<i32> {
    for entry in std::fs::read_dir("/proc").ok()?.flatten() {
        let stat = std::fs::read_to_string(entry.path().join("stat")).unwrap_or_default();
        // pid (comm) state ppid ...
        let after = stat.rsplit(')').next().unwrap_or("");
        let ppid: u32 = after
            .split_whitespace()
            .nth(1)
            .and_then(|p| p.parse().ok())
            .unwrap_or(0);
        if ppid == shell && stat.contains("(crossread)") {
            return stat.split_whitespace().next()?.parse().ok();
        }
    }
    None
}
