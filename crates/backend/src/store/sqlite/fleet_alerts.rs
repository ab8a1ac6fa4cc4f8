//! The fleet alerts (issue 16): raised once, resolved once, kept so a restart re-sends nothing.

use jiff::Timestamp;
use rusqlite::{Connection, Row, params};
use uuid::Uuid;

use super::{WriteTx, parse_uuid};
use crate::fleet::{AlertKind, FleetAlert};
use crate::store::{StoreError, StoreResult};

/// How many resolved alerts the page shows.
const RECENT_RESOLVED: i64 = 20;

const COLUMNS: &str = "id, kiosk_id, kind, since_s, raised_s, resolved_s";

fn alert(r: &Row<'_>) -> rusqlite::Result<(i64, String, String, i64, i64, Option<i64>)> {
    Ok((
        r.get(0)?,
        r.get(1)?,
        r.get(2)?,
        r.get(3)?,
        r.get(4)?,
        r.get(5)?,
    ))
}

fn to_alert(row: (i64, String, String, i64, i64, Option<i64>)) -> StoreResult<FleetAlert> {
    let (id, kiosk_id, kind, since_s, raised_s, resolved_s) = row;
    let at = |s: i64| {
        Timestamp::from_second(s).map_err(|e| StoreError::Corrupt(format!("alert time: {e}")))
    };
    Ok(FleetAlert {
        id,
        kiosk_id: parse_uuid(&kiosk_id)?,
        kind: AlertKind::parse(&kind)
            .ok_or_else(|| StoreError::Corrupt(format!("alert kind {kind:?}")))?,
        since: at(since_s)?,
        raised: at(raised_s)?,
        resolved: resolved_s.map(at).transpose()?,
    })
}

fn query(conn: &Connection, sql: &str, limit: i64) -> StoreResult<Vec<FleetAlert>> {
    let mut stmt = conn.prepare(sql)?;
    let rows = stmt.query_map([limit], alert)?;
    rows.map(|r| to_alert(r?)).collect()
}

/// The open alerts, oldest first.
pub fn open(conn: &Connection) -> StoreResult<Vec<FleetAlert>> {
    query(
        conn,
        &format!(
            "SELECT {COLUMNS} FROM fleet_alerts WHERE resolved_s IS NULL ORDER BY raised_s, id LIMIT ?1"
        ),
        i64::MAX,
    )
}

/// The last resolved alerts, newest first.
pub fn recent_resolved(conn: &Connection) -> StoreResult<Vec<FleetAlert>> {
    query(
        conn,
        &format!(
            "SELECT {COLUMNS} FROM fleet_alerts WHERE resolved_s IS NOT NULL ORDER BY resolved_s DESC, id DESC LIMIT ?1"
        ),
        RECENT_RESOLVED,
    )
}

/// `None` when an alert of this kind is already open for the kiosk (nothing to send again).
pub fn raise(
    tx: &WriteTx<'_>,
    kiosk_id: Uuid,
    kind: AlertKind,
    since: Timestamp,
    now: Timestamp,
) -> StoreResult<Option<FleetAlert>> {
    let inserted = tx.execute(
        "INSERT OR IGNORE INTO fleet_alerts (kiosk_id, kind, since_s, raised_s) VALUES (?1, ?2, ?3, ?4)",
        params![
            kiosk_id.to_string(),
            kind.as_str(),
            since.as_second(),
            now.as_second()
        ],
    )?;
    if inserted == 0 {
        return Ok(None);
    }
    let id = tx.last_insert_rowid();
    let row = tx.query_row(
        &format!("SELECT {COLUMNS} FROM fleet_alerts WHERE id = ?1"),
        [id],
        alert,
    )?;
    to_alert(row).map(Some)
}

/// `None` when the alert was no longer open (resolved already: nothing to send again).
pub fn resolve(tx: &WriteTx<'_>, id: i64, now: Timestamp) -> StoreResult<Option<FleetAlert>> {
    let changed = tx.execute(
        "UPDATE fleet_alerts SET resolved_s = ?2 WHERE id = ?1 AND resolved_s IS NULL",
        params![id, now.as_second()],
    )?;
    if changed == 0 {
        return Ok(None);
    }
    let row = tx.query_row(
        &format!("SELECT {COLUMNS} FROM fleet_alerts WHERE id = ?1"),
        [id],
        alert,
    )?;
    to_alert(row).map(Some)
}
