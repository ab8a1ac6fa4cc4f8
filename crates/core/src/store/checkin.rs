//! Checking a resident in while the backend is unreachable: the code is matched by digest
//! against the cached arrivals, the number comes from this kiosk's ticket block, and the local
//! ticket and its `ticket.offline_checkin` event are written in one transaction.

use jiff::ZonedDateTime;
use jiff::civil::Date;
use kiosk_api::{OfflineCheckin, problem_type};
use rusqlite::{Transaction, TransactionBehavior, params};
use uuid::Uuid;

use super::known::{self, KnownTicket};
use super::{Store, StoreError, arrivals, blocks, outbox, time};

/// The event type the backend turns into a ticket with the kiosk's number.
pub const EVENT_TYPE: &str = "ticket.offline_checkin";

/// A ticket numbered by the kiosk itself.
#[derive(Debug, Clone, PartialEq)]
pub struct OfflineTicket {
    /// What is printed: prefix and three digits, e.g. `B901`.
    pub number: String,
    pub sequence: u32,
    pub queue_service_id: String,
    pub day: Date,
    pub booking_id: Uuid,
    pub booked_start: ZonedDateTime,
    pub issued_at: ZonedDateTime,
    /// The outbox event that tells the backend.
    pub event_id: Uuid,
}

/// What an offline check-in gives the resident.
#[derive(Debug, Clone, PartialEq)]
pub enum OfflineCheckIn {
    /// A new number from this kiosk's block; its event is in the outbox.
    New(OfflineTicket),
    /// The booking already has a number (from this kiosk, online or offline, or from another
    /// kiosk as the cached arrivals say): the same one, nothing new numbered or sent.
    Again(KnownTicket),
}

#[derive(Debug, Clone, thiserror::Error)]
pub enum CheckinError {
    /// Not a code, or no booking today with this code in the cached arrivals.
    #[error("no booking with this code today")]
    UnknownCode,
    #[error("too early: check-in opens at {window_start}")]
    TooEarly {
        window_start: ZonedDateTime,
        window_end: ZonedDateTime,
    },
    #[error("too late: check-in closed at {window_end}")]
    TooLate {
        window_start: ZonedDateTime,
        window_end: ZonedDateTime,
    },
    /// Every number of this kiosk's blocks for the service is used (or none was reserved).
    #[error("no offline ticket numbers left for queue service {queue_service_id}")]
    NoTicketNumbers { queue_service_id: String },
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl CheckinError {
    /// The backend's problem type for the same situation, so the UI words both alike.
    pub fn problem_type(&self) -> Option<&'static str> {
        match self {
            CheckinError::UnknownCode => Some(problem_type::BOOKING_NOT_FOUND),
            CheckinError::TooEarly { .. } => Some(problem_type::TOO_EARLY),
            CheckinError::TooLate { .. } => Some(problem_type::TOO_LATE),
            CheckinError::NoTicketNumbers { .. } | CheckinError::Store(_) => None,
        }
    }
}

impl From<rusqlite::Error> for CheckinError {
    fn from(e: rusqlite::Error) -> Self {
        CheckinError::Store(e.into())
    }
}

fn check_in(
    tx: &Transaction<'_>,
    short: &str,
    now: &ZonedDateTime,
) -> Result<OfflineCheckIn, CheckinError> {
    let day = now.date();
    let arrival = arrivals::find(tx, day, short)?.ok_or(CheckinError::UnknownCode)?;
    // Before the window checks: a resident who has a number keeps it, even when late.
    if let Some(known) = known::number_of(tx, &arrival)? {
        return Ok(OfflineCheckIn::Again(known));
    }
    let at = now.timestamp();
    if at < arrival.window_start.timestamp() {
        return Err(CheckinError::TooEarly {
            window_start: arrival.window_start,
            window_end: arrival.window_end,
        });
    }
    if at > arrival.window_end.timestamp() {
        return Err(CheckinError::TooLate {
            window_start: arrival.window_start,
            window_end: arrival.window_end,
        });
    }
    let taken = blocks::take_next(tx, &arrival.queue_service_id, day)?.ok_or_else(|| {
        CheckinError::NoTicketNumbers {
            queue_service_id: arrival.queue_service_id.clone(),
        }
    })?;
    let number = format!("{}{:03}", taken.prefix, taken.sequence);
    let payload = serde_json::to_value(OfflineCheckin {
        booking_id: arrival.booking_id,
        queue_service_id: arrival.queue_service_id.clone(),
        day,
        sequence: taken.sequence,
    })
    .map_err(StoreError::from)?;
    let event_id = outbox::enqueue(tx, EVENT_TYPE, &payload, now)?;
    tx.execute(
        "INSERT INTO offline_tickets (booking_id, day, queue_service_id, sequence, number,
                                      booked_start, issued_at, event_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            arrival.booking_id.to_string(),
            day.to_string(),
            arrival.queue_service_id,
            taken.sequence,
            number,
            time::format(&arrival.start),
            time::format(now),
            event_id.to_string()
        ],
    )?;
    Ok(OfflineCheckIn::New(OfflineTicket {
        number,
        sequence: taken.sequence,
        queue_service_id: arrival.queue_service_id,
        day,
        booking_id: arrival.booking_id,
        booked_start: arrival.start,
        issued_at: now.clone(),
        event_id,
    }))
}

impl Store {
    /// Checks in the booking with `code` (typed or a scanned QR payload) from the cached
    /// arrivals of `now`'s day, `now` being in the location's zone. A booking that already has
    /// a number gets it again. Use it when the backend is unreachable; online,
    /// `POST /v1/tickets` decides.
    pub async fn offline_check_in(
        &self,
        code: &str,
        now: ZonedDateTime,
    ) -> Result<OfflineCheckIn, CheckinError> {
        let short = kiosk_api::booking_code::short_code(code).ok_or(CheckinError::UnknownCode)?;
        let result = self
            .call(move |conn| {
                let outcome = (|| {
                    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
                    let ticket = check_in(&tx, &short, &now)?;
                    tx.commit()?;
                    Ok::<_, CheckinError>(ticket)
                })();
                Ok(outcome)
            })
            .await??;
        if let OfflineCheckIn::New(ticket) = &result {
            tracing::info!(event = %ticket.event_id, sequence = ticket.sequence, "offline check-in queued");
            self.outbox_changed();
        }
        Ok(result)
    }
}
