//! Walk-in numbers: a ticket without a booking, for a queue service that takes residents without
//! an appointment, inside its hours and under its daily limit (`kiosk_api::WalkIn`).

use jiff::Timestamp;
use jiff::civil::Date;
use jiff::tz::TimeZone;
use kiosk_api::{OfflineWalkIn, WalkIn};
use rusqlite::{Connection, OptionalExtension, params};
use uuid::Uuid;

use super::catalogue::{closures, parse_walk_in};
use super::tickets::{get, in_own_block, insert_ticket, next_number};
use super::{WriteTx, is_unique_violation, queue, zoned};
use crate::queue::QueueSettings;
use crate::store::{CheckIn, KioskIdentity, StoreError, StoreResult};

/// The walk-in rule of `service_id`; `None` when the service takes no walk-ins.
fn rule(conn: &Connection, service_id: &str) -> StoreResult<Option<WalkIn>> {
    let walk_in: Option<Option<String>> = conn
        .query_row(
            "SELECT walk_in FROM queue_services WHERE id = ?1",
            [service_id],
            |r| r.get(0),
        )
        .optional()?;
    match walk_in {
        None => Err(StoreError::NotFound("queue service")),
        Some(json) => json.as_deref().map(parse_walk_in).transpose(),
    }
}

/// Walk-in tickets of the location's service and day so far, offline ones included.
fn given(conn: &Connection, location_id: &str, service_id: &str, day: Date) -> StoreResult<i64> {
    Ok(conn.query_row(
        "SELECT COUNT(*) FROM tickets WHERE location_id = ?1 AND queue_service_id = ?2
           AND service_day = ?3 AND booking_id IS NULL",
        params![location_id, service_id, day.to_string()],
        |r| r.get(0),
    )?)
}

/// Gives `kiosk`'s location a walk-in number for `service_id` at `now`.
pub fn issue(
    tx: &WriteTx<'_>,
    tz: &TimeZone,
    service_id: &str,
    kiosk: &KioskIdentity,
    now: Timestamp,
    settings: &QueueSettings,
) -> StoreResult<CheckIn> {
    let location = kiosk.location_id.as_str();
    let here = now.to_zoned_datetime(tz.clone());
    let day = here.date();
    let closed = closures(tx, location, day)?;
    let closed_now = |opens_at| StoreError::WalkInClosed { opens_at };
    let Some(walk_in) = rule(tx, service_id)?.filter(|w| w.offered_at(location)) else {
        return Err(closed_now(None));
    };
    let opens_at = |from| {
        walk_in
            .next_opening(from, &closed)
            .map(|at| at.to_zoned_datetime(tz.clone()))
            .transpose()
            .map_err(|e| StoreError::Invalid(format!("next opening: {e}")))
    };
    if !walk_in.is_open(here.datetime(), &closed) {
        return Err(closed_now(opens_at(here.datetime())?));
    }
    if let Some(limit) = walk_in.daily_limit
        && given(tx, location, service_id, day)? >= i64::from(limit)
    {
        // Full for today: the next opening of another day, not this afternoon's period.
        let tomorrow = day
            .tomorrow()
            .map_err(|e| StoreError::Invalid(format!("day {day}: {e}")))?;
        return Err(StoreError::WalkInFull {
            opens_at: opens_at(tomorrow.to_datetime(jiff::civil::Time::midnight()))?,
        });
    }
    let sequence = next_number(tx, location, service_id, day)?;
    let id = Uuid::new_v4();
    insert_ticket(
        tx,
        id,
        location,
        None,
        service_id,
        day,
        sequence,
        Some(kiosk.kiosk_id),
        false,
        now,
    )?;
    queue::note_check_in(tx, id, location, None, now)?;
    let ticket = get(tx, tz, id, now, settings)?.ok_or(StoreError::NotFound("ticket"))?;
    Ok(CheckIn {
        ticket,
        created: true,
    })
}

/// Records a walk-in number a kiosk gave from its own block while offline. Neither the hours nor
/// the daily limit are checked again: the kiosk checked the hours, the resident holds the printed
/// number, and refusing it now would only leave them waiting for a number nobody calls.
pub(crate) fn record_offline(
    tx: &WriteTx<'_>,
    tz: &TimeZone,
    kiosk: &KioskIdentity,
    walk_in: &OfflineWalkIn,
    issued: Timestamp,
) -> StoreResult<()> {
    in_own_block(
        tx,
        kiosk,
        &walk_in.queue_service_id,
        walk_in.day,
        walk_in.sequence,
    )?;
    rule(tx, &walk_in.queue_service_id)?;
    if zoned(tz, issued.as_second())?.date() != walk_in.day {
        return Err(StoreError::Invalid(
            "the number was given on another day".into(),
        ));
    }
    let id = Uuid::new_v4();
    insert_ticket(
        tx,
        id,
        &kiosk.location_id,
        None,
        &walk_in.queue_service_id,
        walk_in.day,
        i64::from(walk_in.sequence),
        Some(kiosk.kiosk_id),
        true,
        issued,
    )
    .map_err(|e| match e {
        StoreError::Db(ref db) if is_unique_violation(db) => {
            StoreError::Invalid("that number was already used".into())
        }
        other => other,
    })?;
    // In the queue by the time it was given, not the time it was synced.
    queue::note_check_in(tx, id, &kiosk.location_id, None, issued)
}
