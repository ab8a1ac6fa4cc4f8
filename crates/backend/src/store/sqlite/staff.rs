//! Staff accounts of the desk console and their sessions. Passwords arrive here hashed (argon2id
//! PHC strings, made in `crate::desk::password`); session tokens only as SHA-256 hashes.

use super::WriteTx;
use jiff::Timestamp;
use rusqlite::{Connection, OptionalExtension, params};

use crate::store::{StaffAccount, StaffSession, StoreError, StoreResult};

/// Wrong passwords allowed before the account is locked for a while.
pub const FREE_ATTEMPTS: i64 = 3;
/// The first lock-out; each further wrong password doubles it, up to [`MAX_LOCK_S`].
const FIRST_LOCK_S: i64 = 30;
const MAX_LOCK_S: i64 = 15 * 60;

pub fn add(
    tx: &WriteTx<'_>,
    login: &str,
    password_hash: &str,
    role: &str,
    now: Timestamp,
) -> StoreResult<()> {
    tx.execute(
        "INSERT INTO staff (login, password_hash, role, created_s) VALUES (?1, ?2, ?3, ?4)",
        params![login, password_hash, role, now.as_second()],
    )
    .map_err(|e| {
        if super::is_unique_violation(&e) {
            StoreError::Invalid(format!("a staff account {login} exists already"))
        } else {
            StoreError::Db(e)
        }
    })?;
    Ok(())
}

const ACCOUNT: &str =
    "SELECT id, login, password_hash, role, disabled, failed_logins, locked_until_s FROM staff";

fn read_account(r: &rusqlite::Row<'_>) -> rusqlite::Result<StaffAccount> {
    Ok(StaffAccount {
        id: r.get(0)?,
        login: r.get(1)?,
        password_hash: r.get(2)?,
        role: r.get(3)?,
        disabled: r.get(4)?,
        failed_logins: r.get(5)?,
        locked_until_s: r.get(6)?,
    })
}

pub fn by_login(conn: &Connection, login: &str) -> StoreResult<Option<StaffAccount>> {
    Ok(conn
        .query_row(
            &format!("{ACCOUNT} WHERE login = ?1"),
            [login],
            read_account,
        )
        .optional()?)
}

pub fn list(conn: &Connection) -> StoreResult<Vec<StaffAccount>> {
    let mut stmt = conn.prepare(&format!("{ACCOUNT} ORDER BY login"))?;
    let rows = stmt.query_map([], read_account)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Disables the account and ends its sessions at once.
pub fn disable(tx: &WriteTx<'_>, login: &str) -> StoreResult<()> {
    let changed = tx.execute("UPDATE staff SET disabled = 1 WHERE login = ?1", [login])?;
    if changed == 0 {
        return Err(StoreError::NotFound("staff account"));
    }
    tx.execute(
        "DELETE FROM staff_sessions WHERE staff_id = (SELECT id FROM staff WHERE login = ?1)",
        [login],
    )?;
    Ok(())
}

/// Counts a wrong password; returns until when the account is now locked, if it is.
pub fn login_failed(tx: &WriteTx<'_>, staff_id: i64, now: Timestamp) -> StoreResult<Option<i64>> {
    let failed: i64 = tx.query_row(
        "UPDATE staff SET failed_logins = failed_logins + 1 WHERE id = ?1 RETURNING failed_logins",
        [staff_id],
        |r| r.get(0),
    )?;
    if failed < FREE_ATTEMPTS {
        return Ok(None);
    }
    let doublings = u32::try_from(failed - FREE_ATTEMPTS)
        .unwrap_or(u32::MAX)
        .min(10);
    let lock = (FIRST_LOCK_S << doublings).min(MAX_LOCK_S);
    let until = now.as_second() + lock;
    tx.execute(
        "UPDATE staff SET locked_until_s = ?2 WHERE id = ?1",
        params![staff_id, until],
    )?;
    Ok(Some(until))
}

pub fn login_succeeded(
    tx: &WriteTx<'_>,
    staff_id: i64,
    token_hash: &str,
    csrf: &str,
    now: Timestamp,
) -> StoreResult<()> {
    tx.execute(
        "UPDATE staff SET failed_logins = 0, locked_until_s = NULL WHERE id = ?1",
        [staff_id],
    )?;
    tx.execute(
        "INSERT INTO staff_sessions (token_hash, staff_id, csrf, created_s, last_seen_s)
         VALUES (?1, ?2, ?3, ?4, ?4)",
        params![token_hash, staff_id, csrf, now.as_second()],
    )?;
    Ok(())
}

/// The live session of a token, touched (its inactivity clock restarts); an expired one is
/// deleted and `None`.
pub fn session(
    tx: &WriteTx<'_>,
    token_hash: &str,
    now: Timestamp,
    idle_s: i64,
) -> StoreResult<Option<StaffSession>> {
    let found = tx
        .query_row(
            "SELECT s.staff_id, st.login, st.role, s.csrf, s.last_seen_s, s.location_id, s.desk, s.services
             FROM staff_sessions s JOIN staff st ON st.id = s.staff_id
             WHERE s.token_hash = ?1 AND st.disabled = 0",
            [token_hash],
            |r| {
                Ok((
                    StaffSession {
                        staff_id: r.get(0)?,
                        login: r.get(1)?,
                        role: r.get(2)?,
                        csrf: r.get(3)?,
                        location_id: r.get(5)?,
                        desk: r.get(6)?,
                        services: r
                            .get::<_, String>(7)?
                            .split(',')
                            .filter(|s| !s.is_empty())
                            .map(str::to_owned)
                            .collect(),
                    },
                    r.get::<_, i64>(4)?,
                ))
            },
        )
        .optional()?;
    let Some((session, last_seen)) = found else {
        return Ok(None);
    };
    if now.as_second() - last_seen > idle_s {
        tx.execute(
            "DELETE FROM staff_sessions WHERE token_hash = ?1",
            [token_hash],
        )?;
        return Ok(None);
    }
    tx.execute(
        "UPDATE staff_sessions SET last_seen_s = ?2 WHERE token_hash = ?1",
        params![token_hash, now.as_second()],
    )?;
    Ok(Some(session))
}

pub fn set_desk(
    tx: &WriteTx<'_>,
    token_hash: &str,
    location_id: &str,
    desk: &str,
    services: &[String],
) -> StoreResult<()> {
    tx.execute(
        "UPDATE staff_sessions SET location_id = ?2, desk = ?3, services = ?4 WHERE token_hash = ?1",
        params![token_hash, location_id, desk, services.join(",")],
    )?;
    Ok(())
}

pub fn end_session(tx: &WriteTx<'_>, token_hash: &str) -> StoreResult<()> {
    tx.execute(
        "DELETE FROM staff_sessions WHERE token_hash = ?1",
        [token_hash],
    )?;
    Ok(())
}
