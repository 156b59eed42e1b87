//! Process-wide memory settings, applied first thing by the binary (and by
//! the benchmark, which measures what the binary does).
//!
//! The engine allocates and frees hundreds of megabytes in passes (the
//! analyses, then the scored pairs, then the claims). By default mimalloc
//! asks for transparent huge pages and keeps freed memory for a second
//! before returning it; both made the process hold far more than it used.
//! Measured on 10,000 generated articles (`/usr/bin/time`, release build,
//! two runs each): peak resident memory 675–695 MB by default, 585–591 MB
//! with both settings below, and the build no slower (11.5–12.5 s wall by
//! default, 11.1–11.2 s with them; kernel time 1.4–2.2 s -> 1.1 s, the
//! pages no longer zeroed 2 MB at a time). On 1,000 articles (four runs of
//! each, alternated): 139–158 MB -> 84–87 MB, for about 4% more CPU time
//! (freed pages returned are faulted in again).

/// How long freed memory waits before it goes back to the system, in
/// milliseconds (mimalloc's default is 1,000): a pass's garbage is gone
/// before the next pass peaks. Memory returned sooner is faulted in again
/// by the next batch: on 10,000 generated articles (`/usr/bin/time`, four
/// runs of each, alternated) 10 ms took 488–501 k page faults and 1.39–1.50 s
/// of kernel time at a peak of 292–295 MB; 20 ms 401–430 k, 1.04–1.23 s,
/// 296–298 MB; 50 ms 297–315 k, 0.77–1.02 s, but 300–315 MB, too near
/// the 10× of the corpus (328 MB). On 1,000 articles (five runs):
/// 58–60 k faults -> 48–54 k, kernel 0.13–0.17 s -> 0.10–0.14 s, peak
/// 77–79 MB -> 80–83 MB.
const PURGE_DELAY_MS: std::ffi::c_long = 20;

/// `mi_option_purge_delay` in mimalloc's `mi_option_t` (`mimalloc.h`,
/// version 3, the one the `mimalloc` crate builds): the sixteenth option.
const MI_OPTION_PURGE_DELAY: std::ffi::c_int = 15;

unsafe extern "C" {
    fn mi_option_set(option: std::ffi::c_int, value: std::ffi::c_long);
    #[cfg(test)]
    fn mi_option_get(option: std::ffi::c_int) -> std::ffi::c_long;
}

// The mimalloc library must be linked for the two functions above, even in
// a program that keeps the system allocator (the library's tests).
use mimalloc as _;

/// Turns transparent huge pages off for this process and has the
/// allocator return freed memory promptly (see the module comment). Call
/// it before the work starts; it never fails (a system that refuses is
/// left as it was).
pub fn economise() {
    #[cfg(target_os = "linux")]
    // SAFETY: prctl with PR_SET_THP_DISABLE takes four integer arguments
    // and touches no memory of ours; an error only leaves THP as it was.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
    // SAFETY: setting an option is always allowed; the index is checked
    // against the library by the test below.
    unsafe { mi_option_set(MI_OPTION_PURGE_DELAY, PURGE_DELAY_MS) }
}

/// The purge delay the allocator will use, in milliseconds.
#[cfg(test)]
fn purge_delay() -> std::ffi::c_long {
    // SAFETY: reading an option is always allowed.
    unsafe { mi_option_get(MI_OPTION_PURGE_DELAY) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_option_set_is_the_purge_delay() {
        // Option 15 starts at mimalloc's documented purge delay (1,000 ms,
        // a value no other option has by default), or at what the
        // environment says of the purge delay.
        let expected = std::env::var("MIMALLOC_PURGE_DELAY")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(1000);
        assert_eq!(purge_delay(), expected);
        economise();
        assert_eq!(purge_delay(), PURGE_DELAY_MS);
    }
}
