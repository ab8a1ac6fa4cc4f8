//! Check-in as the UI wants it: the backend decides while it answers; when it does not, the
//! kiosk checks in from its cached arrivals and numbers the ticket from its own block.

use jiff::ZonedDateTime;

use super::{CheckedIn, Client, IdempotencyKey, SyncError};
use crate::store::{CheckinError, KnownTicket, OfflineCheckIn, OfflineTicket, Store};

#[derive(Debug, Clone, PartialEq)]
pub enum CheckInOutcome {
    /// The backend's ticket (`created` false: the booking already had it).
    Online(CheckedIn),
    /// Numbered by the kiosk; its event is in the outbox.
    Offline(OfflineTicket),
    /// Offline, for a booking that already has a number: the same one.
    OfflineAgain(KnownTicket),
}

impl CheckInOutcome {
    /// Whether the booking had this number before this check-in: the resident is told so and
    /// may reprint it, rather than being handed a second number that nobody would call.
    pub fn already_had_it(&self) -> bool {
        match self {
            CheckInOutcome::Online(done) => !done.created,
            CheckInOutcome::Offline(_) => false,
            CheckInOutcome::OfflineAgain(_) => true,
        }
    }
}

#[derive(Debug, Clone, thiserror::Error)]
pub enum CheckInError {
    /// The backend answered no (`too-early`, `booking-not-found`, ...) or cannot be used.
    #[error(transparent)]
    Backend(SyncError),
    /// The backend did not answer and the offline check-in failed too.
    #[error(transparent)]
    Offline(CheckinError),
}

impl CheckInError {
    /// The problem type to word for the resident, online or offline alike.
    pub fn problem_type(&self) -> Option<&str> {
        match self {
            CheckInError::Backend(e) => e.problem_type(),
            CheckInError::Offline(e) => e.problem_type(),
        }
    }
}

/// Checks in `code` (typed or scanned). `key` is the operation's idempotency key: keep it for a
/// retry of the same check-in. `now` is the location's wall time, for the offline window.
pub async fn check_in(
    client: &Client,
    store: &Store,
    code: &str,
    key: IdempotencyKey,
    now: ZonedDateTime,
) -> Result<CheckInOutcome, CheckInError> {
    match client.check_in(code, key).await {
        Ok(done) => {
            // Kept so that the same booking scanned while the backend is away gets this number
            // again; losing the note only loses that, never the check-in itself.
            if let Err(error) = store.remember_online_ticket(done.ticket.clone()).await {
                tracing::warn!(%error, "could not note the online check-in");
            }
            Ok(CheckInOutcome::Online(done))
        }
        Err(e) if e.is_offline() => match store.offline_check_in(code, now).await {
            Ok(OfflineCheckIn::New(ticket)) => Ok(CheckInOutcome::Offline(ticket)),
            Ok(OfflineCheckIn::Again(known)) => Ok(CheckInOutcome::OfflineAgain(known)),
            Err(e) => Err(CheckInError::Offline(e)),
        },
        Err(e) => Err(CheckInError::Backend(e)),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use kiosk_api::problem_type;

    use super::*;

    /// The resident is told why in the same words whether the backend or the kiosk refused.
    #[test]
    fn an_offline_refusal_has_the_problem_type_the_backend_would_send() {
        let at: ZonedDateTime = "2026-11-28T10:30:00+01:00[Europe/Brussels]"
            .parse()
            .unwrap();
        let window = || (at.clone(), at.clone());
        let (window_start, window_end) = window();
        assert_eq!(
            CheckInError::Offline(CheckinError::TooEarly {
                window_start,
                window_end
            })
            .problem_type(),
            Some(problem_type::TOO_EARLY)
        );
        let (window_start, window_end) = window();
        assert_eq!(
            CheckInError::Offline(CheckinError::TooLate {
                window_start,
                window_end
            })
            .problem_type(),
            Some(problem_type::TOO_LATE)
        );
        assert_eq!(
            CheckInError::Offline(CheckinError::UnknownCode).problem_type(),
            Some(problem_type::BOOKING_NOT_FOUND)
        );
        assert_eq!(
            CheckInError::Offline(CheckinError::NoTicketNumbers {
                queue_service_id: "population".into()
            })
            .problem_type(),
            None
        );
        assert_eq!(
            CheckInError::Backend(SyncError::Unauthorized).problem_type(),
            None
        );
    }
}
