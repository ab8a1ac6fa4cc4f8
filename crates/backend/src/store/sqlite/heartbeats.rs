//! The kiosks' heartbeat history, compacted to one row per kiosk and 5-minute step: enough to
//! tell for how long a kiosk was up and its printer out of paper, at most 288 rows a day.

use super::WriteTx;
use jiff::Timestamp;
use rusqlite::params;
use uuid::Uuid;

use crate::store::StoreResult;

/// The length of one step of the history.
pub const STEP_SECONDS: i64 = 300;

/// Notes a heartbeat at `now`: its step is up, and out of paper if any of its heartbeats said so.
pub fn record(
    tx: &WriteTx<'_>,
    kiosk_id: Uuid,
    now: Timestamp,
    paper_out: bool,
) -> StoreResult<()> {
    tx.prepare_cached(
        "INSERT INTO kiosk_heartbeats (kiosk_id, step, paper_out) VALUES (?1, ?2, ?3)
         ON CONFLICT (kiosk_id, step) DO UPDATE SET paper_out = MAX(paper_out, excluded.paper_out)",
    )?
    .execute(params![
        kiosk_id.to_string(),
        now.as_second().div_euclid(STEP_SECONDS),
        paper_out
    ])?;
    Ok(())
}
