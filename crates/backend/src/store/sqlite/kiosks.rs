//! Kiosks, enrolment codes, admin tokens and heartbeats.

use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp};
use kiosk_api::{KioskStatus, KioskSummary};
use rusqlite::{Connection, OptionalExtension, params};
use uuid::Uuid;

use super::{WriteTx, parse_uuid, zoned};
use crate::store::{KioskIdentity, StoreError, StoreResult};

/// A code whose kiosk lost the enrol response may be used again by the same hardware within this time.
const ENROL_RETRY_SECONDS: i64 = 24 * 3600;

pub fn add_enrolment_code(
    tx: &WriteTx<'_>,
    location_id: &str,
    code_hash: &str,
    now: Timestamp,
) -> StoreResult<()> {
    let known: Option<i64> = tx
        .query_row(
            "SELECT 1 FROM locations WHERE id = ?1",
            [location_id],
            |r| r.get(0),
        )
        .optional()?;
    if known.is_none() {
        return Err(StoreError::NotFound("location"));
    }
    tx.execute(
        "INSERT INTO enrolment_codes (code_hash, location_id, created_s) VALUES (?1, ?2, ?3)",
        params![code_hash, location_id, now.as_second()],
    )?;
    Ok(())
}

pub fn add_admin_token(tx: &WriteTx<'_>, token_hash: &str, now: Timestamp) -> StoreResult<()> {
    tx.execute(
        "INSERT INTO admin_tokens (token_hash, created_s) VALUES (?1, ?2)",
        params![token_hash, now.as_second()],
    )?;
    Ok(())
}

/// A revoked kiosk keeps its row (its history stays readable) but no token can match it: the
/// stored hash becomes a marker that no SHA-256 hex digest equals.
pub fn revoke_kiosk(tx: &WriteTx<'_>, kiosk_id: Uuid) -> StoreResult<bool> {
    let changed = tx.execute(
        "UPDATE kiosks SET token_hash = 'revoked:' || id WHERE id = ?1",
        [kiosk_id.to_string()],
    )?;
    Ok(changed > 0)
}

pub fn revoke_admin_token(tx: &WriteTx<'_>, token_hash: &str) -> StoreResult<bool> {
    let changed = tx.execute(
        "DELETE FROM admin_tokens WHERE token_hash = ?1",
        [token_hash],
    )?;
    Ok(changed > 0)
}

/// Single-use: a used code enrols nothing, except that the same hardware retrying within a day gets
/// a fresh token for the kiosk it already made (its first response may have been lost on the way).
pub fn enrol(
    tx: &WriteTx<'_>,
    code_hash: &str,
    hardware_id: &str,
    token_hash: &str,
    now: Timestamp,
    valid: SignedDuration,
) -> StoreResult<KioskIdentity> {
    let row: Option<(String, i64, Option<i64>, Option<String>)> = tx
        .query_row(
            "SELECT location_id, created_s, used_s, kiosk_id FROM enrolment_codes WHERE code_hash = ?1",
            [code_hash],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .optional()?;
    let Some((location_id, created_s, used_s, kiosk_id)) = row else {
        return Err(StoreError::EnrolmentCodeInvalid);
    };
    if used_s.is_none() && now.as_second() - created_s > valid.as_secs() {
        return Err(StoreError::EnrolmentCodeExpired);
    }
    if let (Some(used_s), Some(kiosk_id)) = (used_s, kiosk_id) {
        let same_hardware: Option<i64> = tx
            .query_row(
                "SELECT 1 FROM kiosks WHERE id = ?1 AND hardware_id = ?2",
                params![kiosk_id, hardware_id],
                |r| r.get(0),
            )
            .optional()?;
        if same_hardware.is_some() && now.as_second() - used_s <= ENROL_RETRY_SECONDS {
            tx.execute(
                "UPDATE kiosks SET token_hash = ?2 WHERE id = ?1",
                params![kiosk_id, token_hash],
            )?;
            return Ok(KioskIdentity {
                kiosk_id: parse_uuid(&kiosk_id)?,
                location_id,
            });
        }
        return Err(StoreError::EnrolmentCodeUsed);
    }
    let kiosk_id = Uuid::new_v4();
    tx.execute(
        "INSERT INTO kiosks (id, location_id, hardware_id, token_hash, enrolled_s) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![kiosk_id.to_string(), location_id, hardware_id, token_hash, now.as_second()],
    )?;
    tx.execute(
        "UPDATE enrolment_codes SET used_s = ?2, kiosk_id = ?3 WHERE code_hash = ?1",
        params![code_hash, now.as_second(), kiosk_id.to_string()],
    )?;
    Ok(KioskIdentity {
        kiosk_id,
        location_id,
    })
}

pub fn by_token(conn: &Connection, token_hash: &str) -> StoreResult<Option<KioskIdentity>> {
    let row: Option<(String, String)> = conn
        .prepare_cached("SELECT id, location_id FROM kiosks WHERE token_hash = ?1")?
        .query_row([token_hash], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    row.map(|(id, location_id)| {
        Ok(KioskIdentity {
            kiosk_id: parse_uuid(&id)?,
            location_id,
        })
    })
    .transpose()
}

pub fn is_admin(conn: &Connection, token_hash: &str) -> StoreResult<bool> {
    let row: Option<i64> = conn
        .prepare_cached("SELECT 1 FROM admin_tokens WHERE token_hash = ?1")?
        .query_row([token_hash], |r| r.get(0))
        .optional()?;
    Ok(row.is_some())
}

pub fn record_status(
    tx: &WriteTx<'_>,
    kiosk_id: Uuid,
    status_json: &str,
    now: Timestamp,
) -> StoreResult<()> {
    let paper_out = serde_json::from_str::<KioskStatus>(status_json)
        .is_ok_and(|s| s.printer.state == kiosk_api::PrinterState::PaperOut);
    // The first heartbeat out of paper starts the run the fleet alert measures; any other ends it.
    tx.execute(
        "UPDATE kiosks SET last_seen_s = ?2, last_status = ?3,
             paper_out_since_s = CASE WHEN ?4 THEN COALESCE(paper_out_since_s, ?2) END
         WHERE id = ?1",
        params![
            kiosk_id.to_string(),
            now.as_second(),
            status_json,
            paper_out
        ],
    )?;
    super::heartbeats::record(tx, kiosk_id, now, paper_out)
}

pub fn list(conn: &Connection, tz: &TimeZone) -> StoreResult<Vec<KioskSummary>> {
    let mut stmt = conn.prepare(
        "SELECT id, location_id, hardware_id, enrolled_s, last_seen_s, last_status FROM kiosks ORDER BY enrolled_s, id",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, i64>(3)?,
            r.get::<_, Option<i64>>(4)?,
            r.get::<_, Option<String>>(5)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (id, location_id, hardware_id, enrolled_s, last_seen_s, last_status) = row?;
        out.push(KioskSummary {
            kiosk_id: parse_uuid(&id)?,
            location_id,
            hardware_id,
            enrolled_at: zoned(tz, enrolled_s)?,
            last_seen_at: last_seen_s.map(|s| zoned(tz, s)).transpose()?,
            last_status: last_status.and_then(|s| serde_json::from_str::<KioskStatus>(&s).ok()),
        });
    }
    Ok(out)
}

/// When each kiosk's printer went out of paper, for the kiosks whose printer is out of it now.
pub fn paper_out_since(conn: &Connection) -> StoreResult<Vec<(Uuid, i64)>> {
    let mut stmt = conn
        .prepare("SELECT id, paper_out_since_s FROM kiosks WHERE paper_out_since_s IS NOT NULL")?;
    let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))?;
    let mut out = Vec::new();
    for row in rows {
        let (id, since) = row?;
        out.push((parse_uuid(&id)?, since));
    }
    Ok(out)
}

/// The kiosks whose token was revoked (they are no longer watched by the fleet alerts).
pub fn revoked(conn: &Connection) -> StoreResult<Vec<Uuid>> {
    let mut stmt = conn.prepare("SELECT id FROM kiosks WHERE token_hash LIKE 'revoked:%'")?;
    let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
    rows.map(|id| parse_uuid(&id?)).collect()
}
