//! A walk-in number as the UI wants it: the backend gives it while it answers; when it does not,
//! the kiosk gives one from its own block and tells the backend later.

use jiff::ZonedDateTime;
use kiosk_api::Ticket;

use super::{Client, IdempotencyKey, SyncError};
use crate::store::{OfflineWalkInTicket, Store, WalkInError};

#[derive(Debug, Clone, PartialEq)]
pub enum WalkInOutcome {
    /// The backend's ticket, with the people ahead and the expected wait.
    Online(Ticket),
    /// Numbered by the kiosk; its event is in the outbox.
    Offline(OfflineWalkInTicket),
}

#[derive(Debug, Clone, thiserror::Error)]
pub enum TakeNumberError {
    /// The backend answered no (`walk-in-closed`, `walk-in-full`, ...) or cannot be used.
    #[error(transparent)]
    Backend(SyncError),
    /// The backend did not answer and the kiosk has no number to give either.
    #[error(transparent)]
    Offline(WalkInError),
}

/// Takes a walk-in number for `queue_service_id`. `key` is the operation's idempotency key:
/// keep it for a retry. `now` is the location's wall time, for the offline number's day.
pub async fn take_walk_in_number(
    client: &Client,
    store: &Store,
    queue_service_id: &str,
    key: IdempotencyKey,
    now: ZonedDateTime,
) -> Result<WalkInOutcome, TakeNumberError> {
    match client.walk_in(queue_service_id, key).await {
        Ok(ticket) => Ok(WalkInOutcome::Online(ticket)),
        Err(e) if e.is_offline() => store
            .offline_walk_in(queue_service_id.to_owned(), now)
            .await
            .map(WalkInOutcome::Offline)
            .map_err(TakeNumberError::Offline),
        Err(e) => Err(TakeNumberError::Backend(e)),
    }
}
