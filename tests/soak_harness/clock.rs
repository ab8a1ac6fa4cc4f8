//! The demo day's time for the kiosk and the backend: both run under libfaketime with an offset
//! read from one file, so that restarts keep the same clock and the harness can move every
//! process's "now" forward to the next appointment. Monotonic time is left real: timers, timeouts
//! and backoffs behave as on a kiosk.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use jiff::{Timestamp, ZonedDateTime};

/// Where Debian's `libfaketime` puts the library.
const LIBRARY: &str = "/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1";
/// How long a process may keep the old offset (`FAKETIME_CACHE_DURATION`, seconds).
pub const CACHE: Duration = Duration::from_millis(1_100);

pub struct FakeClock {
    file: PathBuf,
    offset_s: i64,
}

impl FakeClock {
    /// A clock standing at `start` now, its offset written to `dir`/faketime.
    pub fn new(dir: &Path, start: &ZonedDateTime) -> FakeClock {
        assert!(
            Path::new(LIBRARY).exists(),
            "{LIBRARY} is missing: install it with `apt-get install -y faketime` \
             (tests/tools/packages does)"
        );
        let clock = FakeClock {
            file: dir.join("faketime"),
            offset_s: start.timestamp().as_second() - Timestamp::now().as_second(),
        };
        clock.write();
        clock
    }

    /// The demo day's now.
    pub fn now(&self) -> Timestamp {
        Timestamp::from_second(Timestamp::now().as_second() + self.offset_s).unwrap()
    }

    /// Moves every process's now to `to` (never back: tickets and heartbeats keep their order).
    pub fn set(&mut self, to: &ZonedDateTime) {
        let offset = to.timestamp().as_second() - Timestamp::now().as_second();
        if offset <= self.offset_s {
            return;
        }
        self.offset_s = offset;
        self.write();
        std::thread::sleep(CACHE);
    }

    fn write(&self) {
        std::fs::write(&self.file, format!("{:+}\n", self.offset_s)).unwrap();
    }

    /// `command` run on this clock.
    pub fn apply(&self, command: &mut Command) {
        command
            .env("LD_PRELOAD", LIBRARY)
            .env("FAKETIME_TIMESTAMP_FILE", &self.file)
            .env("FAKETIME_CACHE_DURATION", "1")
            .env("FAKETIME_DONT_FAKE_MONOTONIC", "1");
    }
}
