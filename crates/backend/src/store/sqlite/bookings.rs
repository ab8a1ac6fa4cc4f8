//! Bookings and the desk claims that make double booking impossible.

use jiff::Timestamp;
use jiff::tz::TimeZone;
use kiosk_api::{Booking, BookingStatus};
use rusqlite::{Connection, OptionalExtension, Row, params};
use uuid::Uuid;

use super::{WriteTx, is_unique_violation, u32_col, zoned};
use crate::codes::{self, CodeLookup};
use crate::slots::{self, Taken};
use crate::store::{NewBooking, StoreError, StoreResult};

pub(crate) const COLUMNS: &str =
    "id, code, qr_secret, status, hold_expires_s, location_id, product_id, persons, start_s, end_s";

pub(crate) struct BookingRow {
    pub id: Uuid,
    pub code: String,
    pub qr_secret: String,
    pub status: String,
    pub hold_expires_s: Option<i64>,
    pub location_id: String,
    pub product_id: String,
    pub persons: u32,
    pub start_s: i64,
    pub end_s: i64,
}

/// Reads one row selected with [`COLUMNS`].
pub(crate) fn read_row(r: &Row<'_>) -> rusqlite::Result<BookingRow> {
    let id: String = r.get(0)?;
    let id = Uuid::parse_str(&id).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e))
    })?;
    Ok(BookingRow {
        id,
        code: r.get(1)?,
        qr_secret: r.get(2)?,
        status: r.get(3)?,
        hold_expires_s: r.get(4)?,
        location_id: r.get(5)?,
        product_id: r.get(6)?,
        persons: u32_col(r.get(7)?),
        start_s: r.get(8)?,
        end_s: r.get(9)?,
    })
}

impl BookingRow {
    /// A hold past its expiry reads as expired even before a writer marks it so.
    pub fn status(&self, now: Timestamp) -> BookingStatus {
        match self.status.as_str() {
            "held" if self.hold_expires_s.is_some_and(|e| e <= now.as_second()) => {
                BookingStatus::Expired
            }
            "held" => BookingStatus::Held,
            "confirmed" => BookingStatus::Confirmed,
            "cancelled" => BookingStatus::Cancelled,
            _ => BookingStatus::Expired,
        }
    }

    pub fn to_api(&self, tz: &TimeZone, now: Timestamp) -> StoreResult<Booking> {
        let status = self.status(now);
        Ok(Booking {
            id: self.id,
            code: self.code.clone(),
            qr_payload: codes::qr_payload(&self.code, &self.qr_secret),
            status,
            hold_expires_at: match status {
                BookingStatus::Held => self.hold_expires_s.map(|s| zoned(tz, s)).transpose()?,
                _ => None,
            },
            location_id: self.location_id.clone(),
            product_id: self.product_id.clone(),
            persons: self.persons,
            start: zoned(tz, self.start_s)?,
            end: zoned(tz, self.end_s)?,
        })
    }
}

pub(crate) fn by_code(conn: &Connection, code: &CodeLookup) -> StoreResult<Option<BookingRow>> {
    let row = conn
        .prepare_cached(&format!("SELECT {COLUMNS} FROM bookings WHERE code = ?1"))?
        .query_row([code.short()], read_row)
        .optional()?;
    let Some(row) = row else {
        return Ok(None);
    };
    // A scanned QR must carry the right secret too; a typed code stands on its own.
    match code {
        CodeLookup::Qr { secret, .. } if *secret != row.qr_secret => Ok(None),
        _ => Ok(Some(row)),
    }
}

fn by_id(conn: &Connection, id: Uuid) -> StoreResult<Option<BookingRow>> {
    conn.prepare_cached(&format!("SELECT {COLUMNS} FROM bookings WHERE id = ?1"))?
        .query_row([id.to_string()], read_row)
        .optional()
        .map_err(StoreError::from)
}

/// Marks lapsed holds expired and frees their desks, so the claims table only holds live bookings.
fn release_expired(tx: &WriteTx<'_>, now: Timestamp) -> StoreResult<()> {
    tx.prepare_cached(
        "DELETE FROM slot_claims WHERE booking_id IN
           (SELECT id FROM bookings WHERE status = 'held' AND hold_expires_s <= ?1)",
    )?
    .execute([now.as_second()])?;
    tx.prepare_cached(
        "UPDATE bookings SET status = 'expired' WHERE status = 'held' AND hold_expires_s <= ?1",
    )?
    .execute([now.as_second()])?;
    Ok(())
}

pub fn taken(
    conn: &Connection,
    location_id: &str,
    from: Timestamp,
    to: Timestamp,
    now: Timestamp,
) -> StoreResult<Taken> {
    let units = slots::units(from, to);
    let mut stmt = conn.prepare_cached(
        "SELECT c.desk, c.unit FROM slot_claims c JOIN bookings b ON b.id = c.booking_id
         WHERE c.location_id = ?1 AND c.unit >= ?2 AND c.unit < ?3
           AND (b.status = 'confirmed' OR (b.status = 'held' AND b.hold_expires_s > ?4))",
    )?;
    let rows = stmt.query_map(
        params![location_id, units.start, units.end, now.as_second()],
        |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?)),
    )?;
    let mut taken = Taken::new();
    for row in rows {
        let (desk, unit) = row?;
        taken.entry(u32_col(desk)).or_default().insert(unit);
    }
    Ok(taken)
}

/// Runs inside an IMMEDIATE transaction: only one writer at a time re-checks the desks and claims one.
/// The claims' primary key is the second line of defence should two writers ever get here together.
pub fn create(
    tx: &WriteTx<'_>,
    tz: &TimeZone,
    b: &NewBooking,
    now: Timestamp,
) -> StoreResult<Booking> {
    release_expired(tx, now)?;
    let taken = taken(tx, &b.location_id, b.start, b.end, now)?;
    let desk = slots::free_desk(&taken, b.desks, b.start, b.end).ok_or(StoreError::SlotTaken)?;
    let status = if b.hold_expires.is_some() {
        "held"
    } else {
        "confirmed"
    };
    tx.prepare_cached("INSERT INTO bookings (id, kiosk_id, location_id, product_id, persons, start_s, end_s, status,
           hold_expires_s, code, qr_secret, customer_name, customer_phone, customer_email, created_s,
           channel)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)")?.execute(params![
            b.id.to_string(),
            b.kiosk_id.map(|k| k.to_string()),
            b.location_id,
            b.product_id,
            b.persons,
            b.start.as_second(),
            b.end.as_second(),
            status,
            b.hold_expires.map(Timestamp::as_second),
            b.code,
            b.qr_secret,
            b.customer.name,
            b.customer.phone,
            b.customer.email,
            now.as_second(),
            b.channel.as_str(),
        ],
    )?;
    claim_units(tx, &b.location_id, desk, b.start, b.end, b.id)?;
    by_id(tx, b.id)?
        .ok_or(StoreError::NotFound("booking"))?
        .to_api(tz, now)
}

pub fn confirm(
    tx: &WriteTx<'_>,
    tz: &TimeZone,
    id: Uuid,
    kiosk_id: Uuid,
    now: Timestamp,
) -> StoreResult<Booking> {
    let owner: Option<Option<String>> = tx
        .prepare_cached("SELECT kiosk_id FROM bookings WHERE id = ?1")?
        .query_row([id.to_string()], |r| r.get(0))
        .optional()?;
    // Only the kiosk that made the hold may confirm it; to others it does not exist.
    if owner.flatten() != Some(kiosk_id.to_string()) {
        return Err(StoreError::NotFound("booking"));
    }
    let row = by_id(tx, id)?.ok_or(StoreError::NotFound("booking"))?;
    match row.status(now) {
        BookingStatus::Held => {
            tx.prepare_cached(
                "UPDATE bookings SET status = 'confirmed', hold_expires_s = NULL WHERE id = ?1",
            )?
            .execute([id.to_string()])?;
        }
        BookingStatus::Confirmed => {}
        BookingStatus::Cancelled => return Err(StoreError::BookingCancelled),
        BookingStatus::Expired => {
            release_expired(tx, now)?;
            return Err(StoreError::HoldExpired);
        }
    }
    by_id(tx, id)?
        .ok_or(StoreError::NotFound("booking"))?
        .to_api(tz, now)
}

pub fn find(
    conn: &Connection,
    tz: &TimeZone,
    code: &CodeLookup,
    now: Timestamp,
) -> StoreResult<Option<Booking>> {
    by_code(conn, code)?
        .map(|row| row.to_api(tz, now))
        .transpose()
}

/// Claims the 5-minute units of `start..end` at `desk` for booking `id`. The unique index is
/// what decides between two bookings racing for the same time: the loser gets `SlotTaken`.
pub(crate) fn claim_units(
    tx: &WriteTx<'_>,
    location_id: &str,
    desk: u32,
    start: Timestamp,
    end: Timestamp,
    id: Uuid,
) -> StoreResult<()> {
    for unit in slots::units(start, end) {
        tx.prepare_cached(
            "INSERT INTO slot_claims (location_id, desk, unit, booking_id) VALUES (?1, ?2, ?3, ?4)",
        )?
        .execute(params![location_id, desk, unit, id.to_string()])
        .map_err(|e| {
            if is_unique_violation(&e) {
                StoreError::SlotTaken
            } else {
                e.into()
            }
        })?;
    }
    Ok(())
}

/// Cancels booking `id` (the kiosk's cancel and the desk's alike): its times free again, and
/// a ticket still waiting cancelled with it.
pub(crate) fn cancel_row(tx: &WriteTx<'_>, id: Uuid) -> StoreResult<()> {
    tx.prepare_cached(
        "UPDATE bookings SET status = 'cancelled', hold_expires_s = NULL WHERE id = ?1",
    )?
    .execute([id.to_string()])?;
    tx.prepare_cached("DELETE FROM slot_claims WHERE booking_id = ?1")?
        .execute([id.to_string()])?;
    tx.prepare_cached(
        "UPDATE tickets SET status = 'cancelled' WHERE booking_id = ?1 AND status = 'waiting'",
    )?
    .execute([id.to_string()])?;
    Ok(())
}

pub fn cancel(
    tx: &WriteTx<'_>,
    tz: &TimeZone,
    id: Uuid,
    code: &CodeLookup,
    now: Timestamp,
) -> StoreResult<Booking> {
    // The code proves the right to cancel: a wrong code looks exactly like an unknown booking.
    let row = by_code(tx, code)?
        .filter(|row| row.id == id)
        .ok_or(StoreError::NotFound("booking"))?;
    if row.status(now) != BookingStatus::Cancelled {
        cancel_row(tx, id)?;
    }
    by_id(tx, id)?
        .ok_or(StoreError::NotFound("booking"))?
        .to_api(tz, now)
}
