//! Per-kiosk rate limits on what costs the town hall something when a kiosk (or a stolen kiosk
//! token) asks for it without end: holds block slots for everyone, eID challenges fill a table,
//! ticket blocks burn queue numbers, walk-in numbers fill the waiting room's screen.
//!
//! Keyed on the kiosk id of the bearer token, so one kiosk over its limit leaves the others alone.
//! The defaults are far above what a busy kiosk does: it serves one resident at a time, about one
//! a minute, each taking one hold (or a few after `slot-taken`), one challenge per certificate
//! (a second after a wrong PIN), one walk-in number. Refused requests answer 429
//! `too-many-attempts` with `Retry-After` and are logged with the kiosk's id only.

use super::limiter::{Limit, Limiter};
use crate::problem::ApiError;
use crate::store::KioskIdentity;

/// The limits, each `None` for no limit. [`KioskLimits::default`] for a real server,
/// [`KioskLimits::off`] for load benches that drive one kiosk token from many clients.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KioskLimits {
    /// `POST /v1/bookings`: 30 in 10 minutes (a resident a minute, three tries each).
    pub holds: Option<Limit>,
    /// `POST /v1/eid-challenges`: 30 in 10 minutes (one or two per certificate).
    pub challenges: Option<Limit>,
    /// `POST /v1/kiosks/me/ticket-blocks`: 20 an hour (one per queue service and day at the
    /// start, the demo has 6 services; then one per 15 numbers given while offline).
    pub ticket_blocks: Option<Limit>,
    /// `POST /v1/walk-in-tickets`: 120 in 10 minutes (a queue at the door at opening time takes
    /// a number every 10 to 15 seconds; 12 a minute sustained is more than a printer gives).
    pub walk_ins: Option<Limit>,
}

impl Default for KioskLimits {
    fn default() -> KioskLimits {
        KioskLimits {
            holds: Some(Limit::new(30, 600)),
            challenges: Some(Limit::new(30, 600)),
            ticket_blocks: Some(Limit::new(20, 3_600)),
            walk_ins: Some(Limit::new(120, 600)),
        }
    }
}

impl KioskLimits {
    /// No limits at all: for load benches only.
    pub fn off() -> KioskLimits {
        KioskLimits {
            holds: None,
            challenges: None,
            ticket_blocks: None,
            walk_ins: None,
        }
    }
}

/// What a limit is on, for the log line and the problem's title.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Limited {
    Holds,
    Challenges,
    TicketBlocks,
    WalkIns,
}

impl Limited {
    fn name(self) -> &'static str {
        match self {
            Limited::Holds => "holds",
            Limited::Challenges => "eid-challenges",
            Limited::TicketBlocks => "ticket-blocks",
            Limited::WalkIns => "walk-ins",
        }
    }

    fn title(self) -> &'static str {
        match self {
            Limited::Holds => "This kiosk has held too many bookings in a short time",
            Limited::Challenges => "This kiosk has asked for too many eID challenges",
            Limited::TicketBlocks => "This kiosk has asked for too many ticket blocks",
            Limited::WalkIns => "This kiosk has given too many walk-in numbers",
        }
    }
}

/// One limiter per limited request.
pub struct KioskLimiters {
    holds: Limiter,
    challenges: Limiter,
    ticket_blocks: Limiter,
    walk_ins: Limiter,
}

impl Default for KioskLimiters {
    fn default() -> KioskLimiters {
        KioskLimiters::new(KioskLimits::default())
    }
}

impl KioskLimiters {
    pub fn new(limits: KioskLimits) -> KioskLimiters {
        KioskLimiters {
            holds: Limiter::new(limits.holds),
            challenges: Limiter::new(limits.challenges),
            ticket_blocks: Limiter::new(limits.ticket_blocks),
            walk_ins: Limiter::new(limits.walk_ins),
        }
    }

    /// Counts one `what` for `kiosk`, or refuses it with 429 and `Retry-After`.
    pub fn admit(
        &self,
        what: Limited,
        kiosk: &KioskIdentity,
        now: jiff::Timestamp,
    ) -> Result<(), ApiError> {
        let limiter = match what {
            Limited::Holds => &self.holds,
            Limited::Challenges => &self.challenges,
            Limited::TicketBlocks => &self.ticket_blocks,
            Limited::WalkIns => &self.walk_ins,
        };
        limiter.admit(kiosk.kiosk_id, now).map_err(|seconds| {
            // The kiosk's id and the limit: nothing about the resident.
            tracing::warn!(kiosk = %kiosk.kiosk_id, limit = what.name(), retry_after_s = seconds, "kiosk rate limit reached");
            ApiError::too_many(what.title(), seconds).ext(kiosk_api::problem::KIOSK_LIMIT, what.name())
        })
    }
}
