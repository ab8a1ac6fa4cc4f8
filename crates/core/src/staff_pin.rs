//! Wrong staff PINs, counted across openings of the staff screen and across restarts, so that
//! guessing the code at a public kiosk is slow: after [`FREE_TRIES`] wrong codes in a row each
//! further one makes the screen wait, twice as long every time (30 s, 1 min, 2 min, ... at most
//! an hour). A right code clears the count. The count lives in a small file in the data folder.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

use jiff::{SignedDuration, Timestamp};
use serde::{Deserialize, Serialize};

/// Wrong codes allowed before the first wait.
pub const FREE_TRIES: u32 = 5;
const FIRST_WAIT: SignedDuration = SignedDuration::from_secs(30);
const LONGEST_WAIT: SignedDuration = SignedDuration::from_secs(60 * 60);

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PinGuard {
    /// Wrong codes since the last right one.
    pub failures: u32,
    /// No code is checked before this moment.
    pub locked_until: Option<Timestamp>,
}

impl PinGuard {
    /// Until when codes are refused, if that is still ahead of `now`.
    pub fn locked_until(&self, now: Timestamp) -> Option<Timestamp> {
        self.locked_until.filter(|until| *until > now)
    }

    /// Wrong codes left before the first wait.
    pub fn tries_left(&self) -> u32 {
        FREE_TRIES.saturating_sub(self.failures)
    }

    /// After a wrong code at `now`.
    pub fn failed(self, now: Timestamp) -> Self {
        let failures = self.failures.saturating_add(1);
        let locked_until = match failures.checked_sub(FREE_TRIES) {
            None => None,
            Some(beyond) => {
                let doublings = beyond.min(16);
                let wait = FIRST_WAIT
                    .checked_mul(1 << doublings)
                    .map_or(LONGEST_WAIT, |wait| wait.min(LONGEST_WAIT));
                now.checked_add(wait).ok()
            }
        };
        Self {
            failures,
            locked_until,
        }
    }

    /// After the right code.
    pub fn succeeded(self) -> Self {
        Self::default()
    }
}

/// The guard as the kiosk keeps it: in memory for the screen, in a file for restarts.
#[derive(Debug)]
pub struct PinGuardFile {
    /// `None`: kept in memory only (UI tests).
    path: Option<PathBuf>,
    current: Mutex<PinGuard>,
}

impl PinGuardFile {
    /// Reads `path`; no file is a clean start. A file that cannot be read counts as
    /// [`FREE_TRIES`] wrong codes, so that damaging it cannot clear the count (one wait of
    /// 30 seconds is the most it costs staff).
    pub fn open(path: &Path) -> Arc<Self> {
        const DAMAGED: PinGuard = PinGuard {
            failures: FREE_TRIES,
            locked_until: None,
        };
        let read = std::fs::read(path).map_err(|error| error.to_string());
        let guard = match read
            .and_then(|bytes| serde_json::from_slice(&bytes).map_err(|error| error.to_string()))
        {
            Ok(guard) => guard,
            Err(_) if !path.exists() => PinGuard::default(),
            Err(error) => {
                tracing::warn!(%error, file = %path.display(), "staff PIN count unreadable");
                DAMAGED
            }
        };
        Arc::new(Self {
            path: Some(path.to_owned()),
            current: Mutex::new(guard),
        })
    }

    pub fn in_memory() -> Arc<Self> {
        Arc::new(Self {
            path: None,
            current: Mutex::new(PinGuard::default()),
        })
    }

    pub fn get(&self) -> PinGuard {
        *self.current.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Keeps `guard` in memory: the next opening of the staff screen starts from it. No I/O.
    pub fn set(&self, guard: PinGuard) {
        *self.current.lock().unwrap_or_else(PoisonError::into_inner) = guard;
    }

    /// Writes `guard` to the file (whole, then renamed over the old one, so a power cut leaves
    /// the old count or the new one), for the next start. Blocking: call it off the UI's
    /// executor.
    pub fn save(&self, guard: PinGuard) -> std::io::Result<()> {
        let Some(path) = &self.path else {
            return Ok(());
        };
        let bytes = serde_json::to_vec(&guard).map_err(std::io::Error::other)?;
        let temporary = path.with_extension("tmp");
        std::fs::write(&temporary, bytes)?;
        std::fs::rename(&temporary, path)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn five_free_tries_then_waits_that_double_up_to_an_hour() {
        let now = Timestamp::from_second(1_800_000_000).unwrap_or(Timestamp::UNIX_EPOCH);
        let mut guard = PinGuard::default();
        for _ in 0..FREE_TRIES - 1 {
            guard = guard.failed(now);
            assert_eq!(guard.locked_until(now), None);
        }
        let mut waits = Vec::new();
        for _ in 0..10 {
            guard = guard.failed(now);
            waits.push(
                guard
                    .locked_until(now)
                    .map(|until| until.duration_since(now).as_secs()),
            );
        }
        assert_eq!(
            waits,
            [30, 60, 120, 240, 480, 960, 1920, 3600, 3600, 3600].map(Some)
        );
        assert_eq!(guard.succeeded(), PinGuard::default());
    }

    #[test]
    fn the_count_outlives_a_restart_and_a_damaged_file_does_not_clear_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("staff-pin.json");
        let now = Timestamp::from_second(1_800_000_000).unwrap_or(Timestamp::UNIX_EPOCH);
        let first = PinGuardFile::open(&path);
        assert_eq!(first.get(), PinGuard::default(), "no file: a clean start");
        let guard = PinGuard::default().failed(now).failed(now);
        first.set(guard);
        first.save(guard).unwrap();
        assert_eq!(PinGuardFile::open(&path).get(), guard, "after a restart");
        std::fs::write(&path, b"{ not json").unwrap();
        assert_eq!(PinGuardFile::open(&path).get().tries_left(), 0);
    }
}
