//! The backend's notion of "now". Tests set it by hand: arrival windows, holds and slot lists depend on
//! the time of day, and a test must not depend on when it runs.

use std::sync::{Arc, Mutex};

use jiff::{SignedDuration, Timestamp};

#[derive(Clone, Debug)]
pub struct Clock(Arc<Source>);

#[derive(Debug)]
enum Source {
    System,
    Manual(Mutex<Timestamp>),
}

impl Clock {
    pub fn system() -> Clock {
        Clock(Arc::new(Source::System))
    }

    /// A clock that stands still at `start` until [`Clock::set`] or [`Clock::advance`].
    pub fn manual(start: Timestamp) -> Clock {
        Clock(Arc::new(Source::Manual(Mutex::new(start))))
    }

    pub fn now(&self) -> Timestamp {
        match &*self.0 {
            Source::System => Timestamp::now(),
            Source::Manual(t) => *t.lock().unwrap_or_else(|e| e.into_inner()),
        }
    }

    /// Moves a manual clock; a system clock ignores it.
    pub fn set(&self, to: Timestamp) {
        if let Source::Manual(t) = &*self.0 {
            *t.lock().unwrap_or_else(|e| e.into_inner()) = to;
        }
    }

    pub fn advance(&self, by: SignedDuration) {
        if let Source::Manual(t) = &*self.0 {
            let mut guard = t.lock().unwrap_or_else(|e| e.into_inner());
            *guard = guard.saturating_add(by).unwrap_or(*guard);
        }
    }
}

impl Default for Clock {
    fn default() -> Self {
        Clock::system()
    }
}
