//! What "Reprint the last ticket" reprints, in words staff can check with the resident at the
//! desk: the ticket's kind and time, never what is on it.

use jiff::ZonedDateTime;
use jiff::tz::TimeZone;

/// A ticket a resident takes away, by the kind the journal records for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TicketKind {
    /// A queue number, from the check-in.
    Queue,
    /// The ticket of a booking made at the kiosk.
    Booking,
}

/// The journal kinds worth reprinting: what the check-in and the booking pass to
/// `Runner::print_ticket`. Test tickets and reprints themselves are not among them.
/// "queue-again" is a number a resident printed again after scanning a booking that had it.
pub const RESIDENT_KINDS: [&str; 3] = ["queue", "queue-again", "booking"];

impl TicketKind {
    pub fn from_journal(kind: &str) -> Option<Self> {
        match kind {
            "queue" | "queue-again" => Some(Self::Queue),
            "booking" => Some(Self::Booking),
            _ => None,
        }
    }

    /// The message id that names a ticket of this kind with its time (`$time`).
    pub fn message_id(self) -> &'static str {
        match self {
            Self::Queue => "staff-reprint-queue",
            Self::Booking => "staff-reprint-booking",
        }
    }
}

/// The newest resident ticket in the journal.
#[derive(Debug, Clone, PartialEq)]
pub struct LastTicket {
    pub kind: TicketKind,
    pub printed_at: ZonedDateTime,
}

impl LastTicket {
    /// From the journal's kind and `created_at` (a UTC timestamp), in the kiosk's zone. `None`
    /// for a kind residents do not take away or a time the journal did not write.
    pub fn from_journal(kind: &str, created_at: &str, zone: &TimeZone) -> Option<Self> {
        let kind = TicketKind::from_journal(kind)?;
        let at: jiff::Timestamp = created_at.parse().ok()?;
        Some(Self {
            kind,
            printed_at: at.to_zoned_datetime(zone.clone()),
        })
    }

    /// "10:42" today; with the day ("27/11 16:05") when it is older, so that yesterday's last
    /// ticket is not taken for this morning's.
    pub fn time_text(&self, now: &ZonedDateTime) -> String {
        let at = &self.printed_at;
        let time = format!("{:02}:{:02}", at.hour(), at.minute());
        if at.date() == now.date() {
            time
        } else {
            format!("{:02}/{:02} {time}", at.day(), at.month())
        }
    }
}

/// How a reprint went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReprintOutcome {
    Reprinted,
    /// The journal holds no resident ticket.
    Nothing,
    /// The copy did not come out: a printer fault (the journal sends it again once the printer
    /// is ready, like any failed ticket) or a journal that could not be read.
    NotPrinted,
}

impl ReprintOutcome {
    pub fn message_id(self) -> &'static str {
        match self {
            Self::Reprinted => "staff-reprinted",
            Self::Nothing => "staff-reprint-nothing",
            Self::NotPrinted => "staff-reprint-failed",
        }
    }
}
