//! eID challenges and trust anchors.

use super::WriteTx;
use jiff::Timestamp;
use rusqlite::{Connection, OptionalExtension, params};
use uuid::Uuid;

use crate::store::{ChallengeState, StoreResult};

pub fn trust_anchors(conn: &Connection) -> StoreResult<Vec<Vec<u8>>> {
    let mut stmt = conn.prepare_cached("SELECT der FROM trust_anchors ORDER BY id")?;
    let rows = stmt.query_map([], |r| r.get::<_, Vec<u8>>(0))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Replaces the anchors with `label` by `der` (the demo CA on every `seed --demo`).
pub fn labelled_trust_anchors(conn: &Connection) -> StoreResult<Vec<(String, Vec<u8>)>> {
    let mut stmt = conn.prepare_cached("SELECT label, der FROM trust_anchors ORDER BY id")?;
    let rows = stmt.query_map([], |r| {
        Ok((r.get::<_, String>(0)?, r.get::<_, Vec<u8>>(1)?))
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub fn set_trust_anchor(
    tx: &WriteTx<'_>,
    label: &str,
    der: &[u8],
    now: Timestamp,
) -> StoreResult<()> {
    tx.execute(
        "DELETE FROM trust_anchors WHERE label = ?1 OR der = ?2",
        params![label, der],
    )?;
    tx.execute(
        "INSERT INTO trust_anchors (label, der, added_s) VALUES (?1, ?2, ?3)",
        params![label, der, now.as_second()],
    )?;
    Ok(())
}

pub fn add_challenge(
    tx: &WriteTx<'_>,
    kiosk_id: Uuid,
    challenge: &[u8],
    expires: Timestamp,
    now: Timestamp,
) -> StoreResult<()> {
    // Challenges a day old serve no one: drop them here rather than in a background job.
    tx.execute(
        "DELETE FROM eid_challenges WHERE expires_s < ?1",
        params![now.as_second() - 86_400],
    )?;
    tx.execute(
        "INSERT INTO eid_challenges (challenge, kiosk_id, expires_s, created_s) VALUES (?1, ?2, ?3, ?4)",
        params![challenge, kiosk_id.to_string(), expires.as_second(), now.as_second()],
    )?;
    Ok(())
}

/// What the challenge is for this kiosk at `now`.
pub fn challenge_state(
    conn: &Connection,
    kiosk_id: Uuid,
    challenge: &[u8],
    now: Timestamp,
) -> StoreResult<ChallengeState> {
    let row: Option<(i64, Option<i64>)> = conn
        .query_row(
            "SELECT expires_s, used_s FROM eid_challenges WHERE challenge = ?1 AND kiosk_id = ?2",
            params![challenge, kiosk_id.to_string()],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    Ok(match row {
        None => ChallengeState::Unknown,
        Some((_, Some(_))) => ChallengeState::Used,
        Some((expires, None)) if expires < now.as_second() => ChallengeState::Expired,
        Some(_) => ChallengeState::Fresh,
    })
}

/// Marks the challenge used if this kiosk was given it, it is unexpired and unused.
pub fn spend_challenge(
    tx: &WriteTx<'_>,
    kiosk_id: Uuid,
    challenge: &[u8],
    now: Timestamp,
) -> StoreResult<ChallengeState> {
    let state = challenge_state(tx, kiosk_id, challenge, now)?;
    if state == ChallengeState::Fresh {
        tx.execute(
            "UPDATE eid_challenges SET used_s = ?1 WHERE challenge = ?2",
            params![now.as_second(), challenge],
        )?;
    }
    Ok(state)
}
