//! Idempotency keys: (scope, key, request digest, answer), kept 48 hours (the contract asks >= 24 h).
//!
//! A row is written only with its answer, in the transaction of the effect it answers ([`record`])
//! or, for a request that changed nothing, on its own ([`record_if_absent`]). There is no "in
//! progress" row: a crash leaves a key either absent or answered.

use jiff::Timestamp;
use rusqlite::{Connection, OptionalExtension, params};

use super::{WriteTx, is_unique_violation};
use crate::store::{KeyRecord, StoreError, StoreResult, StoredAnswer, StoredKey};

const KEEP_SECONDS: i64 = 48 * 3600;

fn cutoff(now: Timestamp) -> i64 {
    now.as_second() - KEEP_SECONDS
}

pub fn lookup(
    conn: &Connection,
    scope: &str,
    key: &str,
    now: Timestamp,
) -> StoreResult<Option<StoredKey>> {
    let row = conn
        .prepare_cached(
            "SELECT body_digest, status, content_type, body FROM idempotency_keys
             WHERE scope = ?1 AND key = ?2 AND created_s >= ?3 AND status IS NOT NULL",
        )?
        .query_row(params![scope, key, cutoff(now)], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, Option<String>>(2)?,
                r.get::<_, Option<Vec<u8>>>(3)?,
            ))
        })
        .optional()?;
    Ok(row.map(|(digest, status, content_type, body)| StoredKey {
        digest,
        answer: StoredAnswer {
            status: u16::try_from(status).unwrap_or(500),
            content_type: content_type.unwrap_or_default(),
            body: body.unwrap_or_default(),
        },
    }))
}

/// Forgets keys past their 48 hours, so that a row this old never stands in a new one's way.
fn purge(tx: &WriteTx<'_>, now: Timestamp) -> StoreResult<()> {
    tx.prepare_cached("DELETE FROM idempotency_keys WHERE created_s < ?1")?
        .execute([cutoff(now)])?;
    Ok(())
}

/// Writes the key with its answer inside the effect's transaction. A key already answered means a
/// second request with it got this far (only possible if the in-process guard was bypassed): the
/// error rolls this effect back, so the first one stays the only one.
pub fn record(tx: &WriteTx<'_>, record: &KeyRecord, answer: &StoredAnswer) -> StoreResult<()> {
    purge(tx, record.at)?;
    tx.prepare_cached(
        "INSERT INTO idempotency_keys (scope, key, body_digest, status, content_type, body, created_s)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![
        record.scope,
        record.key,
        record.digest,
        answer.status,
        answer.content_type,
        answer.body,
        record.at.as_second()
    ])
    .map_err(|e| {
        if is_unique_violation(&e) {
            StoreError::KeyAnswered
        } else {
            e.into()
        }
    })?;
    Ok(())
}

/// Keeps the answer of a request that changed nothing; an answer already there wins.
pub fn record_if_absent(
    tx: &WriteTx<'_>,
    record: &KeyRecord,
    answer: &StoredAnswer,
) -> StoreResult<()> {
    match self::record(tx, record, answer) {
        Err(StoreError::KeyAnswered) => Ok(()),
        other => other,
    }
}
