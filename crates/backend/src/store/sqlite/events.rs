//! The kiosks' outbox events, deduplicated by (kiosk, id).

use jiff::Timestamp;
use jiff::tz::TimeZone;
use kiosk_api::{EVENT_TYPES, KioskEvent, OfflineCheckin, problem_type};
use rusqlite::params;

use super::{WriteTx, tickets};
use crate::store::{EventOutcome, KioskIdentity, StoreError, StoreResult};

/// Records a batch in the caller's transaction. Each event is inside a savepoint, so a rejected one
/// leaves no row behind while the others stay.
pub fn record_all(
    tx: &WriteTx<'_>,
    tz: &TimeZone,
    kiosk: &KioskIdentity,
    events: &[KioskEvent],
    now: Timestamp,
) -> StoreResult<Vec<EventOutcome>> {
    let mut outcomes = Vec::with_capacity(events.len());
    for event in events {
        tx.execute_batch("SAVEPOINT event")?;
        let outcome = record(tx, tz, kiosk, event, now)?;
        if matches!(outcome, EventOutcome::Rejected { .. }) {
            tx.execute_batch("ROLLBACK TO event")?;
        }
        tx.execute_batch("RELEASE event")?;
        outcomes.push(outcome);
    }
    Ok(outcomes)
}

fn record(
    tx: &WriteTx<'_>,
    tz: &TimeZone,
    kiosk: &KioskIdentity,
    event: &KioskEvent,
    now: Timestamp,
) -> StoreResult<EventOutcome> {
    if !EVENT_TYPES.contains(&event.kind.as_str()) {
        return Ok(EventOutcome::Rejected {
            kind: problem_type::UNKNOWN_EVENT_TYPE,
            detail: format!("unknown event type {:?}", event.kind),
        });
    }
    let inserted = tx.execute(
        "INSERT INTO events (kiosk_id, id, type, occurred_at, payload, received_s) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT (kiosk_id, id) DO NOTHING",
        params![
            kiosk.kiosk_id.to_string(),
            event.id.to_string(),
            event.kind,
            kiosk_api::rfc3339::format(&event.occurred_at),
            event.payload.to_string(),
            now.as_second()
        ],
    )?;
    if inserted == 0 {
        return Ok(EventOutcome::Duplicate);
    }
    if event.kind == "ticket.offline_walk_in" {
        let walk_in: kiosk_api::OfflineWalkIn = match serde_json::from_value(event.payload.clone())
        {
            Ok(w) => w,
            Err(e) => return Ok(rejected(format!("payload: {e}"))),
        };
        return match super::walk_ins::record_offline(
            tx,
            tz,
            kiosk,
            &walk_in,
            event.occurred_at.timestamp(),
        ) {
            Ok(()) => Ok(EventOutcome::Accepted),
            Err(StoreError::Invalid(detail)) => Ok(rejected(detail)),
            Err(StoreError::NotFound(what)) => Ok(rejected(format!("{what} not found"))),
            Err(e) => Err(e),
        };
    }
    if event.kind == "ticket.offline_checkin" {
        let checkin: OfflineCheckin = match serde_json::from_value(event.payload.clone()) {
            Ok(c) => c,
            Err(e) => return Ok(rejected(format!("payload: {e}"))),
        };
        match tickets::record_offline(tx, tz, kiosk, &checkin, event.occurred_at.timestamp()) {
            Ok(()) => {}
            Err(StoreError::Invalid(detail)) => return Ok(rejected(detail)),
            Err(StoreError::NotFound(what)) => return Ok(rejected(format!("{what} not found"))),
            Err(StoreError::WrongLocation) => {
                return Ok(rejected("booking of another location".into()));
            }
            Err(e) => return Err(e),
        }
    }
    Ok(EventOutcome::Accepted)
}

fn rejected(detail: String) -> EventOutcome {
    EventOutcome::Rejected {
        kind: problem_type::INVALID_EVENT,
        detail,
    }
}
