//! Idempotency keys: (scope, key, body digest, response), kept 48 hours (the contract asks >= 24 h).

use jiff::Timestamp;
use rusqlite::{OptionalExtension, Transaction, params};

use crate::store::{IdempotencyStart, StoreResult};

const KEEP_SECONDS: i64 = 48 * 3600;
/// A request still "in progress" after this long died with its process: let a retry take over.
const STALE_SECONDS: i64 = 120;

pub fn start(
    tx: &Transaction<'_>,
    scope: &str,
    key: &str,
    body_digest: &str,
    now: Timestamp,
) -> StoreResult<IdempotencyStart> {
    let now_s = now.as_second();
    tx.execute(
        "DELETE FROM idempotency_keys WHERE created_s < ?1",
        [now_s - KEEP_SECONDS],
    )?;
    type Row = (String, Option<i64>, Option<String>, Option<Vec<u8>>, i64);
    let row: Option<Row> = tx
        .query_row(
            "SELECT body_digest, status, content_type, body, created_s FROM idempotency_keys WHERE scope = ?1 AND key = ?2",
            params![scope, key],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
        )
        .optional()?;
    match row {
        None => {
            tx.execute(
                "INSERT INTO idempotency_keys (scope, key, body_digest, created_s) VALUES (?1, ?2, ?3, ?4)",
                params![scope, key, body_digest, now_s],
            )?;
            Ok(IdempotencyStart::Fresh)
        }
        Some((digest, _, _, _, _)) if digest != body_digest => Ok(IdempotencyStart::OtherBody),
        Some((_, Some(status), content_type, body, _)) => Ok(IdempotencyStart::Replay {
            status: u16::try_from(status).unwrap_or(500),
            content_type: content_type.unwrap_or_default(),
            body: body.unwrap_or_default(),
        }),
        Some((_, None, _, _, created_s)) if now_s - created_s > STALE_SECONDS => {
            tx.execute(
                "UPDATE idempotency_keys SET created_s = ?3 WHERE scope = ?1 AND key = ?2",
                params![scope, key, now_s],
            )?;
            Ok(IdempotencyStart::Fresh)
        }
        Some(_) => Ok(IdempotencyStart::InProgress),
    }
}

pub fn finish(
    tx: &Transaction<'_>,
    scope: &str,
    key: &str,
    status: u16,
    content_type: &str,
    body: &[u8],
) -> StoreResult<()> {
    tx.execute(
        "UPDATE idempotency_keys SET status = ?3, content_type = ?4, body = ?5 WHERE scope = ?1 AND key = ?2",
        params![scope, key, status, content_type, body],
    )?;
    Ok(())
}

pub fn abort(tx: &Transaction<'_>, scope: &str, key: &str) -> StoreResult<()> {
    tx.execute(
        "DELETE FROM idempotency_keys WHERE scope = ?1 AND key = ?2 AND status IS NULL",
        params![scope, key],
    )?;
    Ok(())
}
