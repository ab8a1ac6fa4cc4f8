//! When an unattended session ends: after a period without touches, a warning with a countdown,
//! then a reset that forgets everything the resident entered.

use std::time::{Duration, Instant};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IdlePolicy {
    /// Inactivity before the warning appears.
    pub timeout: Duration,
    /// Length of the warning's countdown.
    pub warning: Duration,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdlePhase {
    Active,
    /// The warning shows; the session ends when `remaining` reaches zero.
    Warning {
        remaining: Duration,
    },
    Expired,
}

impl IdlePolicy {
    pub fn phase(&self, last_activity: Instant, now: Instant) -> IdlePhase {
        let idle = now.saturating_duration_since(last_activity);
        if idle < self.timeout {
            IdlePhase::Active
        } else if idle < self.timeout + self.warning {
            IdlePhase::Warning {
                remaining: self.timeout + self.warning - idle,
            }
        } else {
            IdlePhase::Expired
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phases_follow_the_clock() {
        let policy = IdlePolicy {
            timeout: Duration::from_secs(60),
            warning: Duration::from_secs(20),
        };
        let start = Instant::now();
        let at = |s: u64| start + Duration::from_secs(s);
        assert_eq!(policy.phase(start, at(59)), IdlePhase::Active);
        assert_eq!(
            policy.phase(start, at(60)),
            IdlePhase::Warning {
                remaining: Duration::from_secs(20)
            }
        );
        assert_eq!(
            policy.phase(start, at(75)),
            IdlePhase::Warning {
                remaining: Duration::from_secs(5)
            }
        );
        assert_eq!(policy.phase(start, at(80)), IdlePhase::Expired);
    }
}
