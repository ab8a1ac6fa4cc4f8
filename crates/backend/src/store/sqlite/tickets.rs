//! Check-in, queue numbering, ticket blocks for offline kiosks and the offline arrivals list.

use jiff::civil::Date;
use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp};
use kiosk_api::{Arrival, Arrivals, BookingStatus, Ticket, TicketBlock};
use rusqlite::{Connection, OptionalExtension, params};
use uuid::Uuid;

use super::bookings::{self, BookingRow};
use super::{WriteTx, parse_date, parse_uuid, queue, u32_col, zoned};
use crate::codes::{self, CodeLookup};
use crate::queue::{DeskRef, QueueSettings};
use crate::store::{CheckIn, KioskIdentity, StoreError, StoreResult};

/// Online numbers start at 1; blocks for offline kiosks are taken from 901 up so they never meet.
const FIRST_BLOCK_NUMBER: i64 = 901;

struct ProductInfo {
    queue_service_id: String,
    before_min: i64,
    after_min: i64,
}

fn product_info(conn: &Connection, product_id: &str) -> StoreResult<ProductInfo> {
    conn.query_row(
        "SELECT queue_service_id, window_before_min, window_after_min FROM products WHERE id = ?1",
        [product_id],
        |r| {
            Ok(ProductInfo {
                queue_service_id: r.get(0)?,
                before_min: r.get(1)?,
                after_min: r.get(2)?,
            })
        },
    )
    .optional()?
    .ok_or(StoreError::NotFound("product"))
}

fn window(row: &BookingRow, info: &ProductInfo) -> (i64, i64) {
    (
        row.start_s - info.before_min * 60,
        row.start_s + info.after_min * 60,
    )
}

pub fn check_in(
    tx: &WriteTx<'_>,
    tz: &TimeZone,
    code: &CodeLookup,
    kiosk: &KioskIdentity,
    now: Timestamp,
    settings: &QueueSettings,
) -> StoreResult<CheckIn> {
    let row = bookings::by_code(tx, code)?.ok_or(StoreError::NotFound("booking"))?;
    match row.status(now) {
        BookingStatus::Confirmed => {}
        BookingStatus::Cancelled => return Err(StoreError::BookingCancelled),
        BookingStatus::Held | BookingStatus::Expired => {
            return Err(StoreError::BookingNotConfirmed);
        }
    }
    if row.location_id != kiosk.location_id {
        return Err(StoreError::WrongLocation);
    }
    if let Some(found) = existing_ticket(tx, tz, &row, now, settings)? {
        return Ok(found);
    }
    let info = product_info(tx, &row.product_id)?;
    let (window_start, window_end) = window(&row, &info);
    if now.as_second() < window_start {
        return Err(StoreError::TooEarly {
            window_start: zoned(tz, window_start)?,
            window_end: zoned(tz, window_end)?,
        });
    }
    if now.as_second() > window_end {
        return Err(StoreError::TooLate {
            window_start: zoned(tz, window_start)?,
            window_end: zoned(tz, window_end)?,
        });
    }
    issue(
        tx,
        tz,
        &row,
        &info,
        Some(kiosk.kiosk_id),
        None,
        now,
        settings,
    )
}

fn existing_ticket(
    tx: &WriteTx<'_>,
    tz: &TimeZone,
    row: &BookingRow,
    now: Timestamp,
    settings: &QueueSettings,
) -> StoreResult<Option<CheckIn>> {
    let existing: Option<String> = tx
        .query_row(
            "SELECT id FROM tickets WHERE booking_id = ?1",
            [row.id.to_string()],
            |r| r.get(0),
        )
        .optional()?;
    let Some(id) = existing else { return Ok(None) };
    let ticket =
        get(tx, tz, parse_uuid(&id)?, now, settings)?.ok_or(StoreError::NotFound("ticket"))?;
    Ok(Some(CheckIn {
        ticket,
        created: false,
    }))
}

/// Numbers and inserts the booking's ticket, and records the check-in as a ticket event.
#[allow(clippy::too_many_arguments)]
fn issue(
    tx: &WriteTx<'_>,
    tz: &TimeZone,
    row: &BookingRow,
    info: &ProductInfo,
    kiosk_id: Option<Uuid>,
    desk: Option<&DeskRef>,
    now: Timestamp,
    settings: &QueueSettings,
) -> StoreResult<CheckIn> {
    let day = zoned(tz, row.start_s)?.date();
    let sequence = next_number(tx, &row.location_id, &info.queue_service_id, day)?;
    let id = Uuid::new_v4();
    insert_ticket(
        tx,
        id,
        &row.location_id,
        Some(row.id),
        &info.queue_service_id,
        day,
        sequence,
        kiosk_id,
        false,
        now,
    )?;
    queue::note_check_in(tx, id, &row.location_id, desk, now)?;
    let ticket = get(tx, tz, id, now, settings)?.ok_or(StoreError::NotFound("ticket"))?;
    Ok(CheckIn {
        ticket,
        created: true,
    })
}

/// A clerk checks a resident in by hand (no ticket, no phone): a confirmed booking of today at the
/// desk's location. The arrival window is the clerk's judgement, not checked here.
pub fn hand_check_in(
    tx: &WriteTx<'_>,
    tz: &TimeZone,
    booking_id: Uuid,
    desk: &DeskRef,
    now: Timestamp,
    settings: &QueueSettings,
) -> StoreResult<CheckIn> {
    let row = tx
        .query_row(
            &format!("SELECT {} FROM bookings WHERE id = ?1", bookings::COLUMNS),
            [booking_id.to_string()],
            bookings::read_row,
        )
        .optional()?
        .ok_or(StoreError::NotFound("booking"))?;
    match row.status(now) {
        BookingStatus::Confirmed => {}
        BookingStatus::Cancelled => return Err(StoreError::BookingCancelled),
        BookingStatus::Held | BookingStatus::Expired => {
            return Err(StoreError::BookingNotConfirmed);
        }
    }
    if row.location_id != desk.location_id {
        return Err(StoreError::WrongLocation);
    }
    if zoned(tz, row.start_s)?.date() != queue::day_of(tz, now) {
        return Err(StoreError::Invalid("the booking is not for today".into()));
    }
    if let Some(found) = existing_ticket(tx, tz, &row, now, settings)? {
        return Ok(found);
    }
    let info = product_info(tx, &row.product_id)?;
    issue(tx, tz, &row, &info, None, Some(desk), now, settings)
}

/// The day's counter, incremented in the caller's transaction; numbers inside a kiosk's offline block
/// are skipped.
pub(crate) fn next_number(
    tx: &WriteTx<'_>,
    location_id: &str,
    queue_service_id: &str,
    day: Date,
) -> StoreResult<i64> {
    let mut number: i64 = tx.query_row(
        "INSERT INTO ticket_counters (location_id, queue_service_id, service_day, last) VALUES (?1, ?2, ?3, 1)
         ON CONFLICT (location_id, queue_service_id, service_day) DO UPDATE SET last = last + 1
         RETURNING last",
        params![location_id, queue_service_id, day.to_string()],
        |r| r.get(0),
    )?;
    loop {
        let block_end: Option<i64> = tx.query_row(
            "SELECT MAX(last) FROM ticket_blocks WHERE location_id = ?1 AND queue_service_id = ?2
                   AND service_day = ?3 AND first <= ?4 AND last >= ?4",
            params![location_id, queue_service_id, day.to_string(), number],
            |r| r.get(0),
        )?;
        let Some(end) = block_end else { break };
        number = end + 1;
    }
    tx.execute(
        "UPDATE ticket_counters SET last = ?4 WHERE location_id = ?1 AND queue_service_id = ?2 AND service_day = ?3",
        params![location_id, queue_service_id, day.to_string(), number],
    )?;
    Ok(number)
}

#[allow(clippy::too_many_arguments)]
pub(crate) fn insert_ticket(
    tx: &WriteTx<'_>,
    id: Uuid,
    location_id: &str,
    booking_id: Option<Uuid>,
    queue_service_id: &str,
    day: Date,
    sequence: i64,
    kiosk_id: Option<Uuid>,
    offline: bool,
    issued: Timestamp,
) -> StoreResult<()> {
    tx.execute(
        "INSERT INTO tickets (id, location_id, queue_service_id, service_day, sequence, booking_id, status,
           issued_s, kiosk_id, offline, current_service_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'waiting', ?7, ?8, ?9, ?3)",
        params![
            id.to_string(),
            location_id,
            queue_service_id,
            day.to_string(),
            sequence,
            booking_id.map(|b| b.to_string()),
            issued.as_second(),
            kiosk_id.map(|k| k.to_string()),
            offline,
        ],
    )?;
    Ok(())
}

/// The ticket as the kiosk sees it, with the queue truth at `now`: people ahead in call order and
/// the expected wait from measured service times (`queue::queue_truth`).
pub fn get(
    conn: &Connection,
    tz: &TimeZone,
    id: Uuid,
    now: Timestamp,
    settings: &QueueSettings,
) -> StoreResult<Option<Ticket>> {
    type Row = (
        String,
        String,
        String,
        i64,
        Option<String>,
        String,
        Option<String>,
        i64,
        String,
    );
    let row: Option<Row> = conn
        .query_row(
            "SELECT t.location_id, t.queue_service_id, t.service_day, t.sequence, t.booking_id, t.status, t.desk,
                    t.issued_s, q.prefix
             FROM tickets t JOIN queue_services q ON q.id = t.queue_service_id WHERE t.id = ?1",
            [id.to_string()],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?, r.get(7)?, r.get(8)?)),
        )
        .optional()?;
    let Some((
        location_id,
        queue_service_id,
        day,
        sequence,
        booking_id,
        status,
        desk,
        issued_s,
        prefix,
    )) = row
    else {
        return Ok(None);
    };
    let status = queue::parse_status(&status);
    let service_day = parse_date(&day)?;
    let (people_ahead, wait_min) = match queue::ticket_row(conn, id)? {
        Some((queue_row, _)) => queue::queue_truth(
            conn,
            tz,
            &queue_row,
            &location_id,
            service_day,
            now,
            settings,
        )?,
        None => (0, 0),
    };
    let booked_start: Option<i64> = match &booking_id {
        Some(b) => conn
            .query_row("SELECT start_s FROM bookings WHERE id = ?1", [b], |r| {
                r.get(0)
            })
            .optional()?,
        None => None,
    };
    Ok(Some(Ticket {
        id,
        number: crate::queue::number(&prefix, sequence),
        queue_service_id,
        service_day,
        booking_id: booking_id.as_deref().map(parse_uuid).transpose()?,
        people_ahead: u32_col(people_ahead),
        estimated_wait_min: u32_col(wait_min),
        status,
        desk,
        issued_at: zoned(tz, issued_s)?,
        booked_start: booked_start.map(|s| zoned(tz, s)).transpose()?,
    }))
}

pub fn arrivals(
    tx: &WriteTx<'_>,
    tz: &TimeZone,
    location_id: &str,
    day: Date,
) -> StoreResult<Arrivals> {
    let salt: String = match tx
        .query_row(
            "SELECT salt FROM arrival_salts WHERE location_id = ?1 AND day = ?2",
            params![location_id, day.to_string()],
            |r| r.get(0),
        )
        .optional()?
    {
        Some(salt) => salt,
        None => {
            let salt = codes::hex(&codes::random_bytes(16));
            tx.execute(
                "INSERT INTO arrival_salts (location_id, day, salt) VALUES (?1, ?2, ?3)",
                params![location_id, day.to_string(), salt],
            )?;
            salt
        }
    };
    let start = day
        .to_zoned_datetime(tz.clone())
        .map_err(|e| StoreError::Invalid(format!("day {day}: {e}")))?;
    let end = start
        .tomorrow()
        .map_err(|e| StoreError::Invalid(format!("day {day}: {e}")))?;
    let mut stmt = tx.prepare(
        "SELECT b.id, b.code, b.product_id, b.start_s, p.queue_service_id, p.window_before_min, p.window_after_min
         FROM bookings b JOIN products p ON p.id = b.product_id
         WHERE b.location_id = ?1 AND b.status = 'confirmed' AND b.start_s >= ?2 AND b.start_s < ?3
         ORDER BY b.start_s, b.id",
    )?;
    let rows = stmt.query_map(
        params![
            location_id,
            start.timestamp().as_second(),
            end.timestamp().as_second()
        ],
        |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, i64>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, i64>(5)?,
                r.get::<_, i64>(6)?,
            ))
        },
    )?;
    let mut numbers = tx.prepare(concat!(
        "SELECT q.prefix, t.sequence, ",
        aliases_of_t!(),
        " FROM tickets t JOIN queue_services q ON q.id = t.queue_service_id
         WHERE t.booking_id = ?1"
    ))?;
    let mut arrivals = Vec::new();
    for row in rows {
        let (id, code, product_id, start_s, queue_service_id, before, after) = row?;
        let ticket_numbers: Vec<String> = numbers
            .query_row([&id], |r| {
                let own = format!("{}{:03}", r.get::<_, String>(0)?, r.get::<_, i64>(1)?);
                let more: Option<String> = r.get(2)?;
                Ok(std::iter::once(own)
                    .chain(more.iter().flat_map(|m| m.split(' ').map(str::to_owned)))
                    .collect())
            })
            .optional()?
            .unwrap_or_default();
        arrivals.push(Arrival {
            booking_id: parse_uuid(&id)?,
            code_digest: codes::arrival_digest(&salt, &code),
            product_id,
            queue_service_id,
            start: zoned(tz, start_s)?,
            window_start: zoned(tz, start_s - before * 60)?,
            window_end: zoned(tz, start_s + after * 60)?,
            ticket_numbers,
        });
    }
    Ok(Arrivals {
        day,
        salt,
        arrivals,
    })
}

pub fn reserve_block(
    tx: &WriteTx<'_>,
    kiosk: &KioskIdentity,
    queue_service_id: &str,
    day: Date,
    size: u32,
    today: Date,
    now: Timestamp,
) -> StoreResult<TicketBlock> {
    if !(1..=100).contains(&size) {
        return Err(StoreError::Invalid("size must be between 1 and 100".into()));
    }
    let horizon = today
        .checked_add(SignedDuration::from_hours(24 * 7))
        .unwrap_or(today);
    if day < today || day > horizon {
        return Err(StoreError::Invalid(
            "day must be today or within the next 7 days".into(),
        ));
    }
    let prefix: String = tx
        .query_row(
            "SELECT prefix FROM queue_services WHERE id = ?1",
            [queue_service_id],
            |r| r.get(0),
        )
        .optional()?
        .ok_or(StoreError::NotFound("queue service"))?;
    let highest: Option<i64> = tx.query_row(
        "SELECT MAX(last) FROM ticket_blocks WHERE location_id = ?1 AND queue_service_id = ?2 AND service_day = ?3",
        params![kiosk.location_id, queue_service_id, day.to_string()],
        |r| r.get(0),
    )?;
    let counter: Option<i64> = tx
        .query_row(
            "SELECT last FROM ticket_counters WHERE location_id = ?1 AND queue_service_id = ?2 AND service_day = ?3",
            params![kiosk.location_id, queue_service_id, day.to_string()],
            |r| r.get(0),
        )
        .optional()?;
    let first = FIRST_BLOCK_NUMBER
        .max(highest.map_or(0, |h| h + 1))
        .max(counter.map_or(0, |c| c + 1));
    let last = first + i64::from(size) - 1;
    let id = Uuid::new_v4();
    tx.execute(
        "INSERT INTO ticket_blocks (id, kiosk_id, location_id, queue_service_id, service_day, first, last, created_s)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            id.to_string(),
            kiosk.kiosk_id.to_string(),
            kiosk.location_id,
            queue_service_id,
            day.to_string(),
            first,
            last,
            now.as_second()
        ],
    )?;
    Ok(TicketBlock {
        id,
        queue_service_id: queue_service_id.to_owned(),
        prefix,
        day,
        first: u32_col(first),
        last: u32_col(last),
    })
}

/// Refuses a number that is not in one of `kiosk`'s blocks: a kiosk offline numbers only from them.
pub(crate) fn in_own_block(
    tx: &WriteTx<'_>,
    kiosk: &KioskIdentity,
    queue_service_id: &str,
    day: Date,
    sequence: u32,
) -> StoreResult<()> {
    let in_block: Option<i64> = tx
        .query_row(
            "SELECT 1 FROM ticket_blocks WHERE kiosk_id = ?1 AND queue_service_id = ?2 AND service_day = ?3
               AND first <= ?4 AND last >= ?4",
            params![kiosk.kiosk_id.to_string(), queue_service_id, day.to_string(), sequence],
            |r| r.get(0),
        )
        .optional()?;
    match in_block {
        Some(_) => Ok(()),
        None => Err(StoreError::Invalid(
            "the sequence is not in one of this kiosk's blocks".into(),
        )),
    }
}

/// Records a ticket a kiosk numbered while offline. The number must come from one of its own blocks.
pub(crate) fn record_offline(
    tx: &WriteTx<'_>,
    tz: &TimeZone,
    kiosk: &KioskIdentity,
    checkin: &kiosk_api::OfflineCheckin,
    issued: Timestamp,
) -> StoreResult<()> {
    in_own_block(
        tx,
        kiosk,
        &checkin.queue_service_id,
        checkin.day,
        checkin.sequence,
    )?;
    let row = tx
        .query_row(
            &format!("SELECT {} FROM bookings WHERE id = ?1", bookings::COLUMNS),
            [checkin.booking_id.to_string()],
            bookings::read_row,
        )
        .optional()?
        .ok_or(StoreError::NotFound("booking"))?;
    if row.location_id != kiosk.location_id {
        return Err(StoreError::WrongLocation);
    }
    if zoned(tz, row.start_s)?.date() != checkin.day {
        return Err(StoreError::Invalid("the booking is on another day".into()));
    }
    let existing: Option<(String, i64)> = tx
        .query_row(
            "SELECT id, issued_s FROM tickets WHERE booking_id = ?1",
            [row.id.to_string()],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    if let Some((ticket_id, ticket_issued_s)) = existing {
        // The booking already has its ticket (checked in online, or at another offline kiosk):
        // this number becomes another name of that ticket, so it is called with it.
        add_alias(tx, &ticket_id, kiosk, checkin, issued)?;
        if issued.as_second() < ticket_issued_s {
            // The resident was here from the earlier of the two check-ins on.
            tx.execute(
                "UPDATE tickets SET issued_s = ?2 WHERE id = ?1",
                params![ticket_id, issued.as_second()],
            )?;
        }
        return Ok(());
    }
    let id = Uuid::new_v4();
    insert_ticket(
        tx,
        id,
        &row.location_id,
        Some(row.id),
        &checkin.queue_service_id,
        checkin.day,
        i64::from(checkin.sequence),
        Some(kiosk.kiosk_id),
        true,
        issued,
    )
    .map_err(|e| match e {
        StoreError::Db(ref db) if super::is_unique_violation(db) => {
            StoreError::Invalid("that number was already used".into())
        }
        other => other,
    })?;
    // In the queue by its real arrival time, not the time it was synced.
    queue::note_check_in(tx, id, &row.location_id, None, issued)
}

/// Records `checkin`'s number as another name of `ticket_id`. The number comes from the kiosk's
/// own block, so it meets no other ticket; the unique index still refuses it twice.
fn add_alias(
    tx: &WriteTx<'_>,
    ticket_id: &str,
    kiosk: &KioskIdentity,
    checkin: &kiosk_api::OfflineCheckin,
    issued: Timestamp,
) -> StoreResult<()> {
    tx.execute(
        "INSERT INTO ticket_aliases (ticket_id, location_id, queue_service_id, service_day, sequence,
                                     kiosk_id, issued_s)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            ticket_id,
            kiosk.location_id,
            checkin.queue_service_id,
            checkin.day.to_string(),
            checkin.sequence,
            kiosk.kiosk_id.to_string(),
            issued.as_second()
        ],
    )
    .map_err(|e| {
        if super::is_unique_violation(&e) {
            StoreError::Invalid("that number was already used".into())
        } else {
            e.into()
        }
    })?;
    Ok(())
}

/// SQL for every name of ticket `t` after its own: its aliases' numbers, space-separated, in
/// issue order (NULL when it has none). A macro, so that queries can `concat!` it.
macro_rules! aliases_of_t {
    () => {
        "(SELECT group_concat(n, ' ') FROM (
            SELECT qa.prefix || printf('%03d', a.sequence) AS n FROM ticket_aliases a
            JOIN queue_services qa ON qa.id = a.queue_service_id
            WHERE a.ticket_id = t.id ORDER BY a.issued_s, a.sequence))"
    };
}
pub(crate) use aliases_of_t;

/// A ticket's number with its other names: `A012`, or `A012 + A901`.
pub(crate) fn with_aliases(number: String, aliases: Option<String>) -> String {
    match aliases {
        Some(more) if !more.is_empty() => std::iter::once(number)
            .chain(more.split(' ').map(str::to_owned))
            .collect::<Vec<_>>()
            .join(" + "),
        _ => number,
    }
}
