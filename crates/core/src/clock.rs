//! Time as the kiosk sees it: a monotonic instant for timers and the wall clock in the
//! location's zone for what is shown. Injected, so tests drive time instead of sleeping.

use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use jiff::ZonedDateTime;
use jiff::tz::TimeZone;

pub trait Clock: Send + Sync + std::fmt::Debug {
    /// For timers: never jumps with daylight saving or NTP.
    fn instant(&self) -> Instant;
    /// For people: the wall clock in the location's time zone.
    fn now(&self) -> ZonedDateTime;
}

/// The real clocks of the machine.
#[derive(Debug, Clone)]
pub struct SystemClock {
    zone: TimeZone,
}

impl SystemClock {
    pub fn new(zone: TimeZone) -> Self {
        Self { zone }
    }
}

impl Clock for SystemClock {
    fn instant(&self) -> Instant {
        Instant::now()
    }

    fn now(&self) -> ZonedDateTime {
        ZonedDateTime::now().with_time_zone(self.zone.clone())
    }
}

/// A clock that moves only when told to: for tests and replays.
#[derive(Debug, Clone)]
pub struct ManualClock {
    inner: Arc<Mutex<(Instant, ZonedDateTime)>>,
}

impl ManualClock {
    pub fn new(start: ZonedDateTime) -> Self {
        Self {
            inner: Arc::new(Mutex::new((Instant::now(), start))),
        }
    }

    /// Moves both clocks forward by `step`.
    pub fn advance(&self, step: Duration) {
        let mut guard = self.inner.lock().unwrap_or_else(PoisonError::into_inner);
        guard.0 += step;
        if let Ok(later) = guard.1.checked_add(step) {
            guard.1 = later;
        }
    }
}

impl Clock for ManualClock {
    fn instant(&self) -> Instant {
        self.inner.lock().unwrap_or_else(PoisonError::into_inner).0
    }

    fn now(&self) -> ZonedDateTime {
        self.inner
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .1
            .clone()
    }
}
