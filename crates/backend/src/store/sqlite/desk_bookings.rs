//! Bookings as the desk handles them for a caller on the phone: found by code or by name and day
//! (with the contact data the clerk needs to check who is calling), moved, cancelled. Always within
//! the desk's own location.

use super::WriteTx;
use jiff::Timestamp;
use jiff::tz::TimeZone;
use kiosk_api::{Booking, BookingStatus};
use rusqlite::{Connection, OptionalExtension, params};
use uuid::Uuid;

use super::bookings::{self, BookingRow, COLUMNS};
use crate::slots;
use crate::store::{BookingQuery, DeskBooking, StoreError, StoreResult};

fn contact(
    conn: &Connection,
    row: BookingRow,
    tz: &TimeZone,
    now: Timestamp,
) -> StoreResult<DeskBooking> {
    let (name, phone, email, ticket) = conn.query_row(
        "SELECT b.customer_name, b.customer_phone, b.customer_email, t.id
         FROM bookings b LEFT JOIN tickets t ON t.booking_id = b.id WHERE b.id = ?1",
        [row.id.to_string()],
        |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, Option<String>>(1)?,
                r.get::<_, Option<String>>(2)?,
                r.get::<_, Option<String>>(3)?,
            ))
        },
    )?;
    Ok(DeskBooking {
        booking: row.to_api(tz, now)?,
        name,
        phone,
        email,
        checked_in: ticket.is_some(),
    })
}

pub fn find(
    conn: &Connection,
    tz: &TimeZone,
    location_id: &str,
    query: &BookingQuery,
    now: Timestamp,
) -> StoreResult<Vec<DeskBooking>> {
    let rows: Vec<BookingRow> = match query {
        BookingQuery::Code(code) => bookings::by_code(conn, code)?.into_iter().collect(),
        BookingQuery::Id(id) => conn
            .query_row(
                &format!("SELECT {COLUMNS} FROM bookings WHERE id = ?1"),
                [id.to_string()],
                bookings::read_row,
            )
            .optional()?
            .into_iter()
            .collect(),
        BookingQuery::NameOnDay(name, day) => {
            let start = day
                .to_zoned_datetime(tz.clone())
                .map_err(|e| StoreError::Invalid(format!("day {day}: {e}")))?;
            let end = start
                .tomorrow()
                .map_err(|e| StoreError::Invalid(format!("day {day}: {e}")))?;
            let mut stmt = conn.prepare(&format!(
                "SELECT {COLUMNS} FROM bookings WHERE location_id = ?1 AND start_s >= ?2 AND start_s < ?3
                   AND status IN ('confirmed', 'cancelled') AND instr(lower(customer_name), lower(?4)) > 0
                 ORDER BY start_s LIMIT 50"
            ))?;
            let rows = stmt.query_map(
                params![
                    location_id,
                    start.timestamp().as_second(),
                    end.timestamp().as_second(),
                    name
                ],
                bookings::read_row,
            )?;
            rows.collect::<Result<_, _>>()?
        }
    };
    rows.into_iter()
        .filter(|r| r.location_id == location_id)
        .map(|r| contact(conn, r, tz, now))
        .collect()
}

fn row_here(tx: &WriteTx<'_>, id: Uuid, location_id: &str) -> StoreResult<BookingRow> {
    tx.query_row(
        &format!("SELECT {COLUMNS} FROM bookings WHERE id = ?1"),
        [id.to_string()],
        bookings::read_row,
    )
    .optional()?
    .filter(|r| r.location_id == location_id)
    .ok_or(StoreError::NotFound("booking"))
}

fn checked_in(tx: &WriteTx<'_>, id: Uuid) -> StoreResult<bool> {
    Ok(tx
        .query_row(
            "SELECT 1 FROM tickets WHERE booking_id = ?1",
            [id.to_string()],
            |r| r.get::<_, i64>(0),
        )
        .optional()?
        .is_some())
}

/// Moves a confirmed booking that was not checked in to `start..end`, on a desk free then; its old
/// time is freed in the same transaction.
#[allow(clippy::too_many_arguments)]
pub fn move_to(
    tx: &WriteTx<'_>,
    tz: &TimeZone,
    id: Uuid,
    location_id: &str,
    start: Timestamp,
    end: Timestamp,
    desks: u32,
    now: Timestamp,
) -> StoreResult<Booking> {
    let row = row_here(tx, id, location_id)?;
    match row.status(now) {
        BookingStatus::Confirmed => {}
        BookingStatus::Cancelled => return Err(StoreError::BookingCancelled),
        BookingStatus::Held | BookingStatus::Expired => {
            return Err(StoreError::BookingNotConfirmed);
        }
    }
    if checked_in(tx, id)? {
        return Err(StoreError::Invalid(
            "this booking is checked in already: it cannot move".into(),
        ));
    }
    tx.execute(
        "DELETE FROM slot_claims WHERE booking_id = ?1",
        [id.to_string()],
    )?;
    let taken = bookings::taken(tx, location_id, start, end, now)?;
    let desk = slots::free_desk(&taken, desks, start, end).ok_or(StoreError::SlotTaken)?;
    tx.execute(
        "UPDATE bookings SET start_s = ?2, end_s = ?3 WHERE id = ?1",
        params![id.to_string(), start.as_second(), end.as_second()],
    )?;
    bookings::claim_units(tx, location_id, desk, start, end, id)?;
    row_here(tx, id, location_id)?.to_api(tz, now)
}

/// Cancels a booking of the desk's location (the caller proved who they are to the clerk); a
/// waiting ticket of it is cancelled too. Cancelling again answers the same.
pub fn cancel(
    tx: &WriteTx<'_>,
    tz: &TimeZone,
    id: Uuid,
    location_id: &str,
    now: Timestamp,
) -> StoreResult<Booking> {
    let row = row_here(tx, id, location_id)?;
    if row.status(now) != BookingStatus::Cancelled {
        bookings::cancel_row(tx, id)?;
    }
    row_here(tx, id, location_id)?.to_api(tz, now)
}
