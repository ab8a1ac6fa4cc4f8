//! Exponential backoff with jitter, so that a town's kiosks coming back after an outage do not
//! all knock at the same moment.

use std::time::Duration;

#[derive(Debug, Clone)]
pub struct Backoff {
    base: Duration,
    max: Duration,
    attempt: u32,
}

impl Backoff {
    pub fn new(base: Duration, max: Duration) -> Backoff {
        Backoff {
            base,
            max: max.max(base),
            attempt: 0,
        }
    }

    /// The wait before the next attempt: the ceiling doubles each time up to `max`, and the wait
    /// is between half the ceiling and the ceiling ("equal jitter": never zero, never in step).
    pub fn next_delay(&mut self) -> Duration {
        let factor = 1u32.checked_shl(self.attempt.min(20)).unwrap_or(u32::MAX);
        let ceiling = self.base.saturating_mul(factor).min(self.max);
        self.attempt = self.attempt.saturating_add(1);
        let half = ceiling / 2;
        half + half.mul_f64(random_fraction())
    }

    /// After a success.
    pub fn reset(&mut self) {
        self.attempt = 0;
    }

    /// Failed attempts since the last success.
    pub fn failures(&self) -> u32 {
        self.attempt
    }
}

/// In [0, 1). The OS randomness of a v4 UUID is plenty for jitter; no RNG crate needed.
fn random_fraction() -> f64 {
    let bits = uuid::Uuid::new_v4().as_u128() as u64 >> 11;
    bits as f64 / (1u64 << 53) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delays_grow_to_the_ceiling_with_jitter_and_reset() {
        let mut backoff = Backoff::new(Duration::from_millis(100), Duration::from_secs(1));
        let first = backoff.next_delay();
        assert!(first >= Duration::from_millis(50) && first <= Duration::from_millis(100));
        for _ in 0..10 {
            let d = backoff.next_delay();
            assert!(d <= Duration::from_secs(1));
        }
        let late = backoff.next_delay();
        assert!(late >= Duration::from_millis(500));
        backoff.reset();
        assert!(backoff.next_delay() <= Duration::from_millis(100));
    }

    #[test]
    fn failures_count_the_attempts_since_the_last_success() {
        let mut backoff = Backoff::new(Duration::from_millis(100), Duration::from_secs(1));
        assert_eq!(backoff.failures(), 0);
        backoff.next_delay();
        backoff.next_delay();
        assert_eq!(backoff.failures(), 2);
        backoff.reset();
        assert_eq!(backoff.failures(), 0);
    }

    /// Kiosks coming back together must not knock in step: the first waits differ.
    #[test]
    fn the_jitter_spreads_the_waits() {
        let firsts: std::collections::BTreeSet<Duration> = (0..50)
            .map(|_| Backoff::new(Duration::from_millis(100), Duration::from_secs(1)).next_delay())
            .collect();
        assert!(firsts.len() > 10, "{firsts:?}");
        assert!(
            firsts
                .iter()
                .all(|d| *d >= Duration::from_millis(50) && *d < Duration::from_millis(100))
        );
    }
}
