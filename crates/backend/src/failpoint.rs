//! Crash points for tests (cargo feature `failpoints`, never in a release build of the service).
//!
//! `KIOSK_BACKEND_FAILPOINT=<name>` makes the process abort at the point `name`, as a power cut or
//! `kill -9` would: no destructor runs, no response is sent, SQLite is left with what was committed.
//! The crash tests (`tests/crash/`) start the real binary with it and restart it on the same file.
//! Names are `<store operation>:before-commit` (the effect and its key are written, not committed)
//! and `<store operation>:after-commit` (committed, the answer not yet sent).
//!
//! `KIOSK_BACKEND_TEST_NOW=<RFC 3339 instant>` stands the `serve` command's clock still at that
//! instant, so that a crash test can book and check in whatever the time of day it runs.

/// Aborts the process if the failpoint `<operation>:<point>` is armed; nothing without the feature.
#[inline]
pub fn hit(operation: &str, point: &str) {
    #[cfg(feature = "failpoints")]
    if std::env::var("KIOSK_BACKEND_FAILPOINT")
        .is_ok_and(|armed| armed.split_once(':') == Some((operation, point)))
    {
        // Names the point, never any data: the test reads it to know the crash was the planned one.
        eprintln!("failpoint {operation}:{point}: aborting");
        std::process::abort();
    }
    #[cfg(not(feature = "failpoints"))]
    let _ = (operation, point);
}

/// The clock a crash test asks for, if any (always `None` without the feature).
pub fn test_clock() -> Option<crate::Clock> {
    #[cfg(feature = "failpoints")]
    if let Some(now) = std::env::var("KIOSK_BACKEND_TEST_NOW")
        .ok()
        .and_then(|v| v.parse::<jiff::Timestamp>().ok())
    {
        return Some(crate::Clock::manual(now));
    }
    None
}
