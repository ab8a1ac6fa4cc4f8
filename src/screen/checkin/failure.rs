//! Why a check-in step did not work, as far as the resident needs to know, and how the root
//! turns the backend's answers into it: by the problem's `type`, never by its title.

use jiff::ZonedDateTime;

use kiosk_api::{Problem, problem_type, rfc3339};
use kiosk_core::store::CheckinError;
use kiosk_core::sync::{CheckInError, SyncError, TakeNumberError};

#[derive(Debug, Clone, PartialEq)]
pub enum Failure {
    /// The backend cannot be reached (on a lookup: the flow checks in offline instead).
    Offline,
    /// `booking-not-found`: no booking with this code (or the scanner read something else).
    NotFound,
    /// `booking-cancelled`: the booking was cancelled before.
    Cancelled,
    /// `too-early`: check-in opens at `window_start`.
    TooEarly {
        window_start: ZonedDateTime,
    },
    /// `too-late`: check-in closed at `window_end`.
    TooLate {
        window_end: ZonedDateTime,
    },
    /// `walk-in-closed`: no walk-in numbers for the service now; `opens_at`: when again.
    WalkInClosed {
        opens_at: Option<ZonedDateTime>,
    },
    /// `walk-in-full`: today's walk-in numbers are all given; `opens_at`: another day's opening.
    WalkInFull {
        opens_at: Option<ZonedDateTime>,
    },
    /// A walk-in number refused by this kiosk's own rate limit (429 with `limit`): the kiosk is
    /// busy, not the resident at fault.
    KioskBusy,
    /// `too-many-attempts` (429): this kiosk tried too many codes.
    RateLimited,
    Other,
}

impl Failure {
    /// A lookup, cancel or online check-in that failed.
    pub fn from_sync(error: &SyncError) -> Self {
        if error.is_offline() {
            return Failure::Offline;
        }
        // This kiosk's own rate limit, whatever the request: the kiosk is busy, the resident
        // did nothing wrong.
        if error.is_kiosk_rate_limit() {
            return Failure::KioskBusy;
        }
        match error.problem() {
            Some(problem) => Self::from_problem(problem),
            None => Failure::Other,
        }
    }

    /// What `kiosk_core::sync::check_in` returned: the backend's no, or the offline check-in's.
    pub fn from_check_in(error: &CheckInError) -> Self {
        match error {
            CheckInError::Backend(e) => Self::from_sync(e),
            CheckInError::Offline(e) => match e {
                CheckinError::UnknownCode => Failure::NotFound,
                CheckinError::TooEarly { window_start, .. } => Failure::TooEarly {
                    window_start: window_start.clone(),
                },
                CheckinError::TooLate { window_end, .. } => Failure::TooLate {
                    window_end: window_end.clone(),
                },
                // No numbers left or the store failed: nobody can check in here right now.
                CheckinError::NoTicketNumbers { .. } | CheckinError::Store(_) => Failure::Offline,
            },
        }
    }

    /// What `kiosk_core::sync::take_walk_in_number` returned.
    pub fn from_take_number(error: &TakeNumberError) -> Self {
        match error {
            TakeNumberError::Backend(e) => Self::from_sync(e),
            // No numbers left or the store failed: the desk gives one.
            TakeNumberError::Offline(_) => Failure::Offline,
        }
    }

    pub fn from_problem(problem: &Problem) -> Self {
        let time = |name: &str| {
            problem
                .extensions
                .get(name)
                .and_then(|v| v.as_str())
                .and_then(|s| rfc3339::parse(s).ok())
        };
        match problem.kind.as_str() {
            problem_type::BOOKING_NOT_FOUND | problem_type::NOT_FOUND => Failure::NotFound,
            problem_type::BOOKING_CANCELLED => Failure::Cancelled,
            problem_type::TOO_MANY_ATTEMPTS => Failure::RateLimited,
            // Without its window the message could not say when: the desk helps instead.
            problem_type::TOO_EARLY => time("window_start")
                .map_or(Failure::Other, |window_start| Failure::TooEarly {
                    window_start,
                }),
            problem_type::WALK_IN_CLOSED => Failure::WalkInClosed {
                opens_at: time("opens_at"),
            },
            problem_type::WALK_IN_FULL => Failure::WalkInFull {
                opens_at: time("opens_at"),
            },
            problem_type::TOO_LATE => time("window_end")
                .map_or(Failure::Other, |window_end| Failure::TooLate { window_end }),
            _ if problem.status == 429 => Failure::RateLimited,
            _ => Failure::Other,
        }
    }
}
