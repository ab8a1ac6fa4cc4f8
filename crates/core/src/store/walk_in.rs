//! A walk-in number while the backend is unreachable: the number comes from this kiosk's ticket
//! block and its `ticket.offline_walk_in` event is written in the same transaction, so the
//! backend hears of every number printed, once.

use jiff::ZonedDateTime;
use jiff::civil::Date;
use kiosk_api::OfflineWalkIn;
use rusqlite::TransactionBehavior;
use uuid::Uuid;

use super::{Store, StoreError, blocks, outbox};

/// The event type the backend turns into a walk-in ticket with the kiosk's number.
pub const EVENT_TYPE: &str = "ticket.offline_walk_in";

/// A walk-in number given by the kiosk itself.
#[derive(Debug, Clone, PartialEq)]
pub struct OfflineWalkInTicket {
    /// What is printed: prefix and three digits, e.g. `E901`.
    pub number: String,
    pub sequence: u32,
    pub queue_service_id: String,
    pub day: Date,
    pub issued_at: ZonedDateTime,
    /// The outbox event that tells the backend.
    pub event_id: Uuid,
}

#[derive(Debug, Clone, thiserror::Error)]
pub enum WalkInError {
    /// Every number of this kiosk's blocks for the service is used (or none was reserved).
    #[error("no offline ticket numbers left for queue service {queue_service_id}")]
    NoTicketNumbers { queue_service_id: String },
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<rusqlite::Error> for WalkInError {
    fn from(e: rusqlite::Error) -> Self {
        WalkInError::Store(e.into())
    }
}

impl Store {
    /// Gives a walk-in number for `queue_service_id` from this kiosk's block of `now`'s day
    /// (`now` in the location's zone) and queues its event. Whether the service takes walk-ins
    /// now is the caller's question (`kiosk_api::WalkIn::is_open`).
    pub async fn offline_walk_in(
        &self,
        queue_service_id: String,
        now: ZonedDateTime,
    ) -> Result<OfflineWalkInTicket, WalkInError> {
        let ticket = self
            .call(move |conn| {
                let outcome = (|| {
                    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
                    let day = now.date();
                    let taken =
                        blocks::take_next(&tx, &queue_service_id, day)?.ok_or_else(|| {
                            WalkInError::NoTicketNumbers {
                                queue_service_id: queue_service_id.clone(),
                            }
                        })?;
                    let payload = serde_json::to_value(OfflineWalkIn {
                        queue_service_id: queue_service_id.clone(),
                        day,
                        sequence: taken.sequence,
                    })
                    .map_err(StoreError::from)?;
                    let event_id = outbox::enqueue(&tx, EVENT_TYPE, &payload, &now)?;
                    tx.commit()?;
                    Ok::<_, WalkInError>(OfflineWalkInTicket {
                        number: format!("{}{:03}", taken.prefix, taken.sequence),
                        sequence: taken.sequence,
                        queue_service_id,
                        day,
                        issued_at: now,
                        event_id,
                    })
                })();
                Ok(outcome)
            })
            .await??;
        tracing::info!(event = %ticket.event_id, sequence = ticket.sequence, "offline walk-in queued");
        self.outbox_changed();
        Ok(ticket)
    }
}
