//! The outbox: events the backend must get, each with a UUID v7 chosen once and sent again until
//! the backend has it (it deduplicates by kiosk and id). Delivered events are deleted, so nothing
//! about a resident lingers; rejected ones keep their id and problem type, not their payload.

use jiff::ZonedDateTime;
use kiosk_api::{EventResult, EventStatus, KioskEvent};
use rusqlite::{Connection, OptionalExtension, Transaction, params};
use uuid::Uuid;

use super::{Store, StoreError, StoreResult, time};

/// How much is waiting, for the heartbeat and the connection state.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct OutboxDepth {
    pub pending: u32,
    pub oldest_pending_at: Option<ZonedDateTime>,
    /// Refused by the backend for good; kept for staff, without payload.
    pub rejected: u32,
}

/// What one batch's results did to the outbox.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Settled {
    pub accepted: u32,
    pub duplicates: u32,
    pub rejected: u32,
}

/// Queues an event inside the caller's transaction, next to the local record it belongs to.
pub fn enqueue(
    tx: &Transaction<'_>,
    kind: &str,
    payload: &serde_json::Value,
    occurred_at: &ZonedDateTime,
) -> StoreResult<Uuid> {
    // v7: ordered by time, so the backend's rows sort the way they happened.
    let id = Uuid::now_v7();
    tx.execute(
        "INSERT INTO outbox (id, type, occurred_at, payload) VALUES (?1, ?2, ?3, ?4)",
        params![
            id.to_string(),
            kind,
            time::format(occurred_at),
            payload.to_string()
        ],
    )?;
    Ok(id)
}

/// The oldest `limit` pending events, in the order they were queued.
pub(crate) fn pending(conn: &Connection, limit: usize) -> StoreResult<Vec<KioskEvent>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, type, occurred_at, payload FROM outbox WHERE status = 'pending'
          ORDER BY seq LIMIT ?1",
    )?;
    let rows = stmt.query_map([i64::try_from(limit).unwrap_or(i64::MAX)], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, Option<String>>(3)?,
        ))
    })?;
    let mut events = Vec::new();
    for row in rows {
        let (id, kind, occurred_at, payload) = row?;
        events.push(KioskEvent {
            id: Uuid::parse_str(&id).map_err(|e| StoreError::Corrupt {
                column: "outbox.id",
                detail: e.to_string(),
            })?,
            kind,
            occurred_at: time::parse("outbox.occurred_at", &occurred_at)?,
            payload: match payload {
                Some(text) => serde_json::from_str(&text)?,
                None => serde_json::Value::Null,
            },
        });
    }
    Ok(events)
}

/// Applies the backend's answer: accepted and duplicate events are gone, rejected ones are kept
/// without their payload. Events the answer does not mention stay pending.
pub(crate) fn settle(tx: &Transaction<'_>, results: &[EventResult]) -> StoreResult<Settled> {
    let mut settled = Settled::default();
    let mut delete = tx.prepare_cached("DELETE FROM outbox WHERE id = ?1")?;
    for result in results {
        match result.status {
            EventStatus::Accepted => {
                delete.execute([result.id.to_string()])?;
                settled.accepted += 1;
            }
            EventStatus::Duplicate => {
                delete.execute([result.id.to_string()])?;
                settled.duplicates += 1;
            }
            EventStatus::Rejected => {
                let kind = result.problem.as_ref().map(|p| p.kind.as_str());
                reject(tx, result.id, kind.unwrap_or("rejected"))?;
                settled.rejected += 1;
            }
        }
    }
    Ok(settled)
}

/// Sets an event aside for good: the backend will never take it.
pub(crate) fn reject(conn: &Connection, id: Uuid, problem_type: &str) -> StoreResult<()> {
    // Only ids and the problem's type are logged: never a payload.
    tracing::warn!(event = %id, problem = problem_type, "the backend rejected an outbox event");
    conn.execute(
        "UPDATE outbox SET status = 'rejected', payload = NULL, problem = ?2 WHERE id = ?1",
        params![id.to_string(), problem_type],
    )?;
    Ok(())
}

pub(crate) fn depth(conn: &Connection) -> StoreResult<OutboxDepth> {
    let (pending, rejected): (u32, u32) = conn.query_row(
        "SELECT COALESCE(SUM(status = 'pending'), 0), COALESCE(SUM(status = 'rejected'), 0) FROM outbox",
        [],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let oldest: Option<String> = conn
        .query_row(
            "SELECT occurred_at FROM outbox WHERE status = 'pending' ORDER BY seq LIMIT 1",
            [],
            |r| r.get(0),
        )
        .optional()?;
    Ok(OutboxDepth {
        pending,
        oldest_pending_at: oldest
            .map(|t| time::parse("outbox.occurred_at", &t))
            .transpose()?,
        rejected,
    })
}

impl Store {
    /// Queues one event on its own (no local record goes with it).
    pub async fn enqueue_event(
        &self,
        kind: &str,
        payload: serde_json::Value,
        occurred_at: ZonedDateTime,
    ) -> StoreResult<Uuid> {
        let kind = kind.to_owned();
        self.write(move |tx| enqueue(tx, &kind, &payload, &occurred_at))
            .await
    }

    /// The oldest `limit` pending events.
    pub async fn pending_events(&self, limit: usize) -> StoreResult<Vec<KioskEvent>> {
        self.call(move |conn| pending(conn, limit)).await
    }

    /// Applies a batch's results in one transaction.
    pub async fn settle_events(&self, results: Vec<EventResult>) -> StoreResult<Settled> {
        self.call(move |conn| {
            let tx = conn.transaction()?;
            let settled = settle(&tx, &results)?;
            tx.commit()?;
            Ok(settled)
        })
        .await
    }

    /// Sets one event aside that the backend refuses to take (see [`reject`]).
    pub async fn reject_event(&self, id: Uuid, problem_type: String) -> StoreResult<()> {
        self.call(move |conn| reject(conn, id, &problem_type)).await
    }

    pub async fn outbox_depth(&self) -> StoreResult<OutboxDepth> {
        self.call(|conn| depth(conn)).await
    }
}
