//! The reader's config file through the real binary in a pseudo-terminal:
//! rebound keys work and show in the hints, the light theme draws its
//! colours, a broken file is reported with its line and the defaults
//! serve.

#![cfg(unix)]

#[path = "pty/session.rs"]
mod session;
use session::Session;

fn config(text: &str) -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    std::fs::write(&path, text).unwrap();
    let shown = path.display().to_string();
    (dir, shown)
}

#[test]
fn a_config_file_rebinds_keys_and_sets_the_light_theme() {
    let (_dir, path) = config("theme = \"light\"\n[keys]\nfilter = \"f\"\nquit = [\"q\", \"x\"]\n");
    let mut s = Session::start(&format!("--config '{path}'"), &[]);
    s.wait_for("Sources 9");
    s.wait_for("f filter");
    // The light theme's current-passage background (250, 232, 150).
    assert!(
        s.raw_text().contains("48;2;250;232;150"),
        "no light background drawn"
    );
    s.send("/");
    std::thread::sleep(std::time::Duration::from_millis(300));
    assert!(!s.screen().contains("FILTER"), "/ is no longer bound");
    s.send("f");
    s.wait_for("FILTER");
    s.send("\x1b");
    s.wait_for("READ");
    s.send("x");
    let (code, s) = s.finish();
    assert_eq!(code, 0, "{}", s.raw_text());
    s.assert_restored();
}

#[test]
fn the_xdg_config_is_read_and_a_broken_one_is_reported_with_its_line() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("crossread")).unwrap();
    std::fs::write(
        dir.path().join("crossread/config.toml"),
        "theme = \"dark\"\n\n[keys]\nfilter = \"ff\"\n",
    )
    .unwrap();
    let xdg = dir.path().display().to_string();
    let mut s = Session::start("", &[("XDG_CONFIG_HOME", &xdg)]);
    s.wait_for("Sources 9");
    // The status bar says what is wrong and where; the defaults serve.
    s.wait_for("config.toml:4");
    s.send("/");
    s.wait_for("FILTER");
    s.send("\x1b");
    s.wait_for("READ");
    s.send("q");
    let (code, s) = s.finish();
    assert_eq!(code, 0, "{}", s.raw_text());
    s.assert_restored();
    assert!(
        s.raw_text().contains("is not a key"),
        "stderr names the problem"
    );
}
