//! Counts events per kiosk in a sliding window: failed code look-ups (a 10-character code is safe
//! only if nobody can try millions), and the per-kiosk rate limits on holds, eID challenges,
//! ticket blocks and walk-in numbers (`kiosk_limits.rs`).
//!
//! A sliding log rather than fixed windows: a burst across a window's edge cannot get twice the
//! limit, and the time until the oldest event leaves the window is an exact `Retry-After`.

use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;

use jiff::Timestamp;
use uuid::Uuid;

/// At most `max` events in any `window_seconds`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limit {
    pub max: u32,
    pub window_seconds: i64,
}

impl Limit {
    pub const fn new(max: u32, window_seconds: i64) -> Limit {
        Limit {
            max,
            window_seconds,
        }
    }
}

/// Wrong booking codes: 30 in 10 minutes per kiosk (and wrong enrolment codes for everyone).
pub const CODE_FAILURES: Limit = Limit::new(30, 600);

pub struct Limiter {
    /// `None`: no limit (load benches).
    limit: Option<Limit>,
    recent: Mutex<HashMap<Uuid, VecDeque<i64>>>,
}

impl Default for Limiter {
    fn default() -> Limiter {
        Limiter::new(Some(CODE_FAILURES))
    }
}

impl Limiter {
    pub fn new(limit: Option<Limit>) -> Limiter {
        Limiter {
            limit,
            recent: Mutex::default(),
        }
    }

    /// Seconds until `key` may have one more event; `None` when it may now. Counts nothing.
    pub fn wait(&self, key: Uuid, now: Timestamp) -> Option<i64> {
        let limit = self.limit?;
        let now = now.as_second();
        let mut map = self.recent.lock().unwrap_or_else(|e| e.into_inner());
        let times = map.get_mut(&key)?;
        forget_old(times, now, limit);
        wait_for(times, now, limit)
    }

    /// Counts one event for `key` (a failed look-up).
    pub fn failed(&self, key: Uuid, now: Timestamp) {
        let Some(limit) = self.limit else { return };
        let now = now.as_second();
        let mut map = self.recent.lock().unwrap_or_else(|e| e.into_inner());
        let times = map.entry(key).or_default();
        forget_old(times, now, limit);
        times.push_back(now);
        // The log needs no more than `max` entries to answer; a caller that counts without
        // asking first must not grow it without bound.
        while times.len() > limit.max as usize {
            times.pop_front();
        }
    }

    /// `wait` and `failed` at once: counts the event if the limit allows it, else says how many
    /// seconds until it would (for `Retry-After`). A refused event is not counted, so a kiosk
    /// that keeps asking while refused is admitted again once the window has moved on.
    pub fn admit(&self, key: Uuid, now: Timestamp) -> Result<(), i64> {
        let Some(limit) = self.limit else {
            return Ok(());
        };
        let now = now.as_second();
        let mut map = self.recent.lock().unwrap_or_else(|e| e.into_inner());
        // Forget kiosks idle for a whole window, so the map holds only the recently active.
        map.retain(|_, times| times.back().is_some_and(|t| now - t < limit.window_seconds));
        let times = map.entry(key).or_default();
        forget_old(times, now, limit);
        if let Some(wait) = wait_for(times, now, limit) {
            return Err(wait);
        }
        times.push_back(now);
        Ok(())
    }
}

fn forget_old(times: &mut VecDeque<i64>, now: i64, limit: Limit) {
    while times
        .front()
        .is_some_and(|t| now - t >= limit.window_seconds)
    {
        times.pop_front();
    }
}

fn wait_for(times: &VecDeque<i64>, now: i64, limit: Limit) -> Option<i64> {
    if times.len() < limit.max as usize {
        return None;
    }
    // The oldest event still in the window leaves it at `oldest + window`; at least 1 s.
    let oldest = times.front().copied().unwrap_or(now);
    Some((oldest + limit.window_seconds - now).max(1))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn at(second: i64) -> Timestamp {
        Timestamp::from_second(1_800_000_000 + second).unwrap()
    }

    #[test]
    fn the_window_slides_and_retry_after_is_when_the_oldest_leaves() {
        let limiter = Limiter::new(Some(Limit::new(3, 60)));
        let kiosk = Uuid::from_u128(1);
        assert_eq!(limiter.admit(kiosk, at(0)), Ok(()));
        assert_eq!(limiter.admit(kiosk, at(10)), Ok(()));
        assert_eq!(limiter.admit(kiosk, at(20)), Ok(()));
        assert_eq!(limiter.admit(kiosk, at(30)), Err(30));
        assert_eq!(limiter.admit(kiosk, at(59)), Err(1));
        assert_eq!(limiter.admit(kiosk, at(60)), Ok(()));
        assert_eq!(limiter.admit(Uuid::from_u128(2), at(60)), Ok(()));
    }

    #[test]
    fn no_limit_admits_everything() {
        let limiter = Limiter::new(None);
        for second in 0..1000 {
            assert_eq!(limiter.admit(Uuid::nil(), at(0)), Ok(()), "{second}");
        }
        assert_eq!(limiter.wait(Uuid::nil(), at(0)), None);
    }

    #[test]
    fn failures_are_counted_until_the_limit_then_waited_out() {
        let limiter = Limiter::new(Some(Limit::new(2, 600)));
        let kiosk = Uuid::from_u128(3);
        limiter.failed(kiosk, at(0));
        assert_eq!(limiter.wait(kiosk, at(1)), None);
        limiter.failed(kiosk, at(1));
        limiter.failed(kiosk, at(2));
        assert_eq!(limiter.wait(kiosk, at(3)), Some(598));
        assert_eq!(limiter.wait(kiosk, at(602)), None);
    }
}
