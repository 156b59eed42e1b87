//! The reader ends when it cannot go on, whatever its event loop is doing:
//! on SIGTERM, SIGHUP, SIGINT or SIGQUIT, and when its terminal vanishes (a
//! closed window or ssh session, a killed tmux session). In that case
//! crossterm's event source reads nothing forever and its `poll` never
//! returns (crossterm issue #793), so a flag checked by the loop would never
//! be seen: threads of their own watch, restore what can be restored, and
//! exit with 128 + the signal's number (SIGHUP's for a vanished terminal).

use std::time::Duration;

/// How often the terminal is checked.
const TTY_CHECK: Duration = Duration::from_millis(100);

/// Starts the watchers. Call before the terminal enters raw mode, so that
/// a signal at any time after finds the handlers in place.
pub fn spawn(mouse: bool) {
    #[cfg(unix)]
    {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
        if let Ok(mut signals) =
            signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT])
        {
            std::thread::spawn(move || {
                if let Some(signal) = signals.forever().next() {
                    end(mouse, 128 + signal);
                }
            });
        }
        std::thread::spawn(move || {
            loop {
                std::thread::sleep(TTY_CHECK);
                if terminal_gone() {
                    end(mouse, 128 + SIGHUP);
                }
            }
        });
    }
}

fn end(mouse: bool, status: i32) -> ! {
    super::terminal::restore(mouse);
    std::process::exit(status)
}

/// Whether standard input's terminal has hung up (its other side closed).
#[cfg(unix)]
fn terminal_gone() -> bool {
    let mut fds = libc::pollfd {
        fd: libc::STDIN_FILENO,
        events: 0,
        revents: 0,
    };
    // SAFETY: one valid pollfd, a zero timeout.
    let ready = unsafe { libc::poll(&mut fds, 1, 0) };
    ready > 0 && fds.revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0
}
