//! Desk actions on tickets, the call order read from the tickets table, and the queue truth the
//! kiosk is told (people ahead, expected wait). What desks and displays show: `queue_views.rs`.
//!
//! Every action runs inside the caller's IMMEDIATE transaction (`SqliteStore::change`), which holds
//! SQLite's write lock from BEGIN: picking the next ticket and marking it called cannot interleave
//! with another desk's, so two desks never get the same ticket.

use jiff::civil::Date;
use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp};
use kiosk_api::TicketStatus;
use rusqlite::{Connection, OptionalExtension, params};
use uuid::Uuid;

use super::tickets::{aliases_of_t, with_aliases};
use super::{WriteTx, parse_uuid};
use crate::queue::{Action, DeskRef, Outcome, QueueRow, QueueSettings, number, order};
use crate::store::{StoreError, StoreResult};

pub(crate) fn status_text(status: TicketStatus) -> &'static str {
    match status {
        TicketStatus::Waiting => "waiting",
        TicketStatus::Called => "called",
        TicketStatus::Serving => "serving",
        TicketStatus::Done => "done",
        TicketStatus::NoShow => "no_show",
        TicketStatus::Cancelled => "cancelled",
    }
}

pub(crate) fn parse_status(text: &str) -> TicketStatus {
    match text {
        "called" => TicketStatus::Called,
        "serving" => TicketStatus::Serving,
        "done" => TicketStatus::Done,
        "no_show" => TicketStatus::NoShow,
        "cancelled" => TicketStatus::Cancelled,
        _ => TicketStatus::Waiting,
    }
}

pub(crate) fn day_of(tz: &TimeZone, now: Timestamp) -> Date {
    now.to_zoned_datetime(tz.clone()).date()
}

const ROW_SELECT: &str = concat!(
    "SELECT t.id, q.prefix, t.sequence, t.current_service_id, t.status, b.start_s,
        t.issued_s, t.transferred_s, t.desk, t.called_s, t.calls, t.location_id, ",
    aliases_of_t!(),
    " FROM tickets t JOIN queue_services q ON q.id = t.queue_service_id
     LEFT JOIN bookings b ON b.id = t.booking_id"
);

fn read_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<(QueueRow, String, String)> {
    let id: String = r.get(0)?;
    let prefix: String = r.get(1)?;
    let sequence: i64 = r.get(2)?;
    let status: String = r.get(4)?;
    Ok((
        QueueRow {
            ticket_id: Uuid::nil(),
            number: with_aliases(number(&prefix, sequence), r.get(12)?),
            service_id: r.get(3)?,
            status: parse_status(&status),
            booked_s: r.get(5)?,
            issued_s: r.get(6)?,
            transferred_s: r.get(7)?,
            desk: r.get(8)?,
            called_s: r.get(9)?,
            calls: r.get(10)?,
        },
        id,
        r.get(11)?,
    ))
}

fn collect(
    rows: impl Iterator<Item = rusqlite::Result<(QueueRow, String, String)>>,
) -> StoreResult<Vec<QueueRow>> {
    let mut out = Vec::new();
    for row in rows {
        let (mut row, id, _) = row?;
        row.ticket_id = parse_uuid(&id)?;
        out.push(row);
    }
    Ok(out)
}

/// One ticket with its location.
fn row(conn: &Connection, id: Uuid) -> StoreResult<Option<(QueueRow, String)>> {
    let found = conn
        .prepare_cached(&format!("{ROW_SELECT} WHERE t.id = ?1"))?
        .query_row([id.to_string()], read_row)
        .optional()?;
    Ok(found.map(|(mut row, _, location)| {
        row.ticket_id = id;
        (row, location)
    }))
}

/// The waiting tickets of a location's day, in call order; only `services` when given.
pub fn waiting_in_order(
    conn: &Connection,
    location_id: &str,
    day: Date,
    services: Option<&[String]>,
    now: Timestamp,
    settings: &QueueSettings,
) -> StoreResult<Vec<QueueRow>> {
    let mut stmt = conn.prepare_cached(&format!(
        "{ROW_SELECT} WHERE t.location_id = ?1 AND t.service_day = ?2 AND t.status = 'waiting'"
    ))?;
    let mut rows = collect(stmt.query_map(params![location_id, day.to_string()], read_row)?)?;
    if let Some(services) = services {
        rows.retain(|r| services.contains(&r.service_id));
    }
    order::sort(
        &mut rows,
        settings.call_order,
        now.as_second(),
        settings.appointment_lead.as_secs(),
    );
    Ok(rows)
}

/// The queue services a location offers: those of the products booked there, and those that
/// give walk-in numbers there.
pub fn services_of_location(conn: &Connection, location_id: &str) -> StoreResult<Vec<String>> {
    let mut stmt = conn.prepare_cached(
        "SELECT p.queue_service_id FROM products p
         JOIN product_locations pl ON pl.product_id = p.id WHERE pl.location_id = ?1
         UNION
         SELECT q.id FROM queue_services q, json_each(q.walk_in, '$.location_ids') l
         WHERE q.walk_in IS NOT NULL AND l.value = ?1
         ORDER BY 1",
    )?;
    let rows = stmt.query_map([location_id], |r| r.get::<_, String>(0))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

fn check_services(conn: &Connection, desk: &DeskRef, extra: Option<&str>) -> StoreResult<()> {
    let offered = services_of_location(conn, &desk.location_id)?;
    if offered.is_empty() {
        return Err(StoreError::NotFound("location"));
    }
    let all = desk.services.iter().map(String::as_str).chain(extra);
    for service in all {
        if !offered.iter().any(|o| o == service) {
            return Err(StoreError::ServiceElsewhere(service.to_owned()));
        }
    }
    Ok(())
}

/// The ticket this desk holds (called or serving), if any.
pub(crate) fn held_by(conn: &Connection, desk: &DeskRef, day: Date) -> StoreResult<Vec<QueueRow>> {
    let mut stmt = conn.prepare_cached(&format!(
        "{ROW_SELECT} WHERE t.location_id = ?1 AND t.service_day = ?2 AND t.desk = ?3
           AND t.status IN ('called', 'serving') ORDER BY t.called_s"
    ))?;
    collect(stmt.query_map(
        params![desk.location_id, day.to_string(), desk.desk],
        read_row,
    )?)
}

/// Makes `action` for `desk`, or refuses it with a typed error (and changes nothing).
pub fn act(
    tx: &WriteTx<'_>,
    tz: &TimeZone,
    desk: &DeskRef,
    action: &Action,
    now: Timestamp,
    settings: &QueueSettings,
) -> StoreResult<Outcome> {
    let today = day_of(tz, now);
    let transfer_to = match action {
        Action::Transfer(_, to) => Some(to.as_str()),
        _ => None,
    };
    check_services(tx, desk, transfer_to)?;
    if let Action::Call(_) = action
        && let Some(busy) = held_by(tx, desk, today)?.first()
    {
        return Err(StoreError::DeskBusy(busy.number.clone()));
    }
    let ticket_id = match action.ticket() {
        Some(id) => id,
        None => waiting_in_order(
            tx,
            &desk.location_id,
            today,
            Some(&desk.services),
            now,
            settings,
        )?
        .first()
        .map(|r| r.ticket_id)
        .ok_or(StoreError::QueueEmpty)?,
    };
    let (ticket, location) = row(tx, ticket_id)?.ok_or(StoreError::NotFound("ticket"))?;
    if location != desk.location_id {
        return Err(StoreError::ServiceElsewhere(ticket.service_id));
    }
    if !action.allowed_from(ticket.status) {
        return Err(StoreError::TransitionRefused {
            action: action.name(),
            status: status_text(ticket.status),
            number: ticket.number,
        });
    }
    if action.needs_own_desk() && ticket.desk.as_deref() != Some(desk.desk.as_str()) {
        return Err(StoreError::NotAtThisDesk(ticket.number));
    }
    let t = now.as_second();
    let id = ticket_id.to_string();
    let old = status_text(ticket.status);
    let changed = match action {
        Action::Call(_) => tx.execute(
            "UPDATE tickets SET status = 'called', desk = ?3, called_s = ?4, called_by = ?5,
               calls = calls + 1 WHERE id = ?1 AND status = ?2",
            params![id, old, desk.desk, t, desk.staff_id],
        )?,
        Action::CallAgain(_) => tx.execute(
            "UPDATE tickets SET called_s = ?3, calls = calls + 1 WHERE id = ?1 AND status = ?2",
            params![id, old, t],
        )?,
        Action::Start(_) => tx.execute(
            "UPDATE tickets SET status = 'serving', started_s = ?3 WHERE id = ?1 AND status = ?2",
            params![id, old, t],
        )?,
        Action::Done(_) => tx.execute(
            "UPDATE tickets SET status = 'done', done_s = ?3 WHERE id = ?1 AND status = ?2",
            params![id, old, t],
        )?,
        Action::NoShow(_) => tx.execute(
            "UPDATE tickets SET status = 'no_show', done_s = ?3 WHERE id = ?1 AND status = ?2",
            params![id, old, t],
        )?,
        // Back in the queue at its old place: the call order depends on booked time and arrival,
        // which have not changed.
        Action::BackToQueue(_) => tx.execute(
            "UPDATE tickets SET status = 'waiting', desk = NULL, started_s = NULL
             WHERE id = ?1 AND status = ?2",
            params![id, old],
        )?,
        Action::Transfer(_, to) => tx.execute(
            "UPDATE tickets SET status = 'waiting', desk = NULL, started_s = NULL,
               current_service_id = ?3, transferred_s = ?4 WHERE id = ?1 AND status = ?2",
            params![id, old, to, t],
        )?,
        Action::Cancel(_) => tx.execute(
            "UPDATE tickets SET status = 'cancelled', done_s = ?3 WHERE id = ?1 AND status = ?2",
            params![id, old, t],
        )?,
    };
    if changed != 1 {
        return Err(StoreError::Corrupt(format!(
            "ticket {id} changed under a write lock"
        )));
    }
    tx.prepare_cached(
        "INSERT INTO ticket_events (ticket_id, location_id, action, desk, staff_id, at_s, detail)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![
        id,
        desk.location_id,
        action.name(),
        desk.desk,
        desk.staff_id,
        t,
        transfer_to
    ])?;
    let (after, _) = row(tx, ticket_id)?.ok_or(StoreError::NotFound("ticket"))?;
    Ok(Outcome {
        ticket_id,
        number: after.number,
        action: action.name().to_owned(),
        desk: after.desk,
        status: status_text(after.status).to_owned(),
    })
}

/// Records a kiosk's or a clerk's check-in as a ticket event (no desk for a kiosk).
pub fn note_check_in(
    tx: &WriteTx<'_>,
    ticket_id: Uuid,
    location_id: &str,
    desk: Option<&DeskRef>,
    now: Timestamp,
) -> StoreResult<()> {
    tx.prepare_cached(
        "INSERT INTO ticket_events (ticket_id, location_id, action, desk, staff_id, at_s)
         VALUES (?1, ?2, 'checked_in', ?3, ?4, ?5)",
    )?
    .execute(params![
        ticket_id.to_string(),
        location_id,
        desk.map(|d| d.desk.as_str()),
        desk.map(|d| d.staff_id),
        now.as_second()
    ])?;
    Ok(())
}

/// The median Start -> Done of a service over today and the recent days, if it has any history.
fn median_service(
    conn: &Connection,
    location_id: &str,
    service_id: &str,
    since: Date,
) -> StoreResult<Option<SignedDuration>> {
    let mut stmt = conn.prepare_cached(
        "SELECT done_s - started_s FROM tickets WHERE location_id = ?1 AND current_service_id = ?2
           AND status = 'done' AND started_s IS NOT NULL AND done_s >= started_s
           AND service_day >= ?3 ORDER BY 1",
    )?;
    let times: Vec<i64> = stmt
        .query_map(params![location_id, service_id, since.to_string()], |r| {
            r.get(0)
        })?
        .collect::<Result<_, _>>()?;
    Ok(match times.len() {
        0 => None,
        n if n % 2 == 1 => Some(SignedDuration::from_secs(times[n / 2])),
        n => Some(SignedDuration::from_secs(
            (times[n / 2 - 1] + times[n / 2]) / 2,
        )),
    })
}

/// Desks with a clerk active within the idle limit who serve `service_id`.
fn desks_serving(
    conn: &Connection,
    location_id: &str,
    service_id: &str,
    now: Timestamp,
    settings: &QueueSettings,
) -> StoreResult<i64> {
    let mut stmt = conn.prepare_cached(
        "SELECT DISTINCT desk, services FROM staff_sessions
         WHERE location_id = ?1 AND desk IS NOT NULL AND last_seen_s >= ?2",
    )?;
    let since = now.as_second() - settings.desk_idle.as_secs();
    let rows = stmt.query_map(params![location_id, since], |r| {
        Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
    })?;
    let mut desks: Vec<String> = Vec::new();
    for row in rows {
        let (desk, services) = row?;
        if services.split(',').any(|s| s == service_id) && !desks.contains(&desk) {
            desks.push(desk);
        }
    }
    Ok(i64::try_from(desks.len()).unwrap_or(i64::MAX))
}

/// People ahead of a ticket in call order, and the expected wait in whole minutes (rounded up):
/// the median service time (or the default) times the people ahead, over the desks serving now.
pub fn queue_truth(
    conn: &Connection,
    tz: &TimeZone,
    ticket: &QueueRow,
    location_id: &str,
    day: Date,
    now: Timestamp,
    settings: &QueueSettings,
) -> StoreResult<(i64, i64)> {
    if ticket.status != TicketStatus::Waiting {
        return Ok((0, 0));
    }
    let service = [ticket.service_id.clone()];
    let waiting = waiting_in_order(conn, location_id, day, Some(&service), now, settings)?;
    let ahead = waiting
        .iter()
        .position(|r| r.ticket_id == ticket.ticket_id)
        .unwrap_or(waiting.len());
    let ahead = i64::try_from(ahead).unwrap_or(i64::MAX);
    if ahead == 0 {
        return Ok((0, 0));
    }
    let since = day_of(tz, now)
        .checked_sub(SignedDuration::from_hours(24 * settings.history_days))
        .unwrap_or(day);
    let each = median_service(conn, location_id, &ticket.service_id, since)?
        .unwrap_or(settings.default_service)
        .as_secs();
    let desks = desks_serving(conn, location_id, &ticket.service_id, now, settings)?.max(1);
    let wait_s = ahead.saturating_mul(each) / desks;
    Ok((ahead, (wait_s + 59) / 60))
}

/// The ticket row and location of a ticket, for the queue truth of `GET /v1/tickets/{id}`.
pub fn ticket_row(conn: &Connection, id: Uuid) -> StoreResult<Option<(QueueRow, String)>> {
    row(conn, id)
}
