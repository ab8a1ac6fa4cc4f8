//! What desks and waiting-room displays see of the queue: the desk's tickets, its queue in call
//! order and today's appointments; the numbers being called and the last calls (never names).

use jiff::Timestamp;
use jiff::civil::Date;
use jiff::tz::TimeZone;
use kiosk_api::TicketStatus;
use rusqlite::{Connection, OptionalExtension, params};

use super::queue::{day_of, held_by, parse_status, waiting_in_order};
use super::tickets::{aliases_of_t, with_aliases};
use super::{parse_uuid, zoned};
use crate::queue::{
    AppointmentRow, AppointmentState, DeskRef, DeskView, DisplayCall, DisplayView, QueueSettings,
    number,
};
use crate::store::{StoreError, StoreResult};

/// What the desk console shows: this desk's tickets, the queue of its services, today's
/// appointments.
pub fn desk_view(
    conn: &Connection,
    tz: &TimeZone,
    desk: &DeskRef,
    now: Timestamp,
    settings: &QueueSettings,
) -> StoreResult<DeskView> {
    let today = day_of(tz, now);
    Ok(DeskView {
        mine: held_by(conn, desk, today)?,
        waiting: waiting_in_order(
            conn,
            &desk.location_id,
            today,
            Some(&desk.services),
            now,
            settings,
        )?,
        appointments: appointments(conn, tz, desk, today, now)?,
    })
}

fn appointments(
    conn: &Connection,
    tz: &TimeZone,
    desk: &DeskRef,
    today: Date,
    now: Timestamp,
) -> StoreResult<Vec<AppointmentRow>> {
    let start = today
        .to_zoned_datetime(tz.clone())
        .map_err(|e| StoreError::Invalid(format!("day {today}: {e}")))?;
    let end = start
        .tomorrow()
        .map_err(|e| StoreError::Invalid(format!("day {today}: {e}")))?;
    let mut stmt = conn.prepare_cached(concat!(
        "SELECT b.id, b.start_s, p.name_nl, p.queue_service_id, b.customer_name, q.prefix,
                t.sequence, t.issued_s, t.status, p.window_after_min, ",
        aliases_of_t!(),
        " FROM bookings b JOIN products p ON p.id = b.product_id
         LEFT JOIN tickets t ON t.booking_id = b.id
         LEFT JOIN queue_services q ON q.id = t.queue_service_id
         WHERE b.location_id = ?1 AND b.status = 'confirmed' AND b.start_s >= ?2 AND b.start_s < ?3
         ORDER BY b.start_s, b.id"
    ))?;
    let rows = stmt.query_map(
        params![
            desk.location_id,
            start.timestamp().as_second(),
            end.timestamp().as_second()
        ],
        |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, Option<String>>(5)?,
                r.get::<_, Option<i64>>(6)?,
                r.get::<_, Option<i64>>(7)?,
                r.get::<_, Option<String>>(8)?,
                r.get::<_, i64>(9)?,
                r.get::<_, Option<String>>(10)?,
            ))
        },
    )?;
    let mut out = Vec::new();
    for row in rows {
        let (id, start_s, product, service, name, prefix, sequence, issued, status, after, aliases) =
            row?;
        if !desk.services.contains(&service) {
            continue;
        }
        let state = match status.as_deref().map(parse_status) {
            None if now.as_second() > start_s + after * 60 => AppointmentState::Late,
            None => AppointmentState::Booked,
            Some(TicketStatus::Waiting) => AppointmentState::CheckedIn,
            Some(TicketStatus::Called) => AppointmentState::Called,
            Some(TicketStatus::Serving) => AppointmentState::Serving,
            Some(TicketStatus::Done) => AppointmentState::Done,
            Some(TicketStatus::NoShow | TicketStatus::Cancelled) => AppointmentState::NoShow,
        };
        out.push(AppointmentRow {
            booking_id: parse_uuid(&id)?,
            start_s,
            product_name: product,
            service_id: service,
            customer_name: name,
            number: prefix
                .zip(sequence)
                .map(|(p, s)| with_aliases(number(&p, s), aliases)),
            issued_s: issued,
            state,
        });
    }
    Ok(out)
}

/// What the waiting room shows; `None` for a location the backend does not know.
pub fn display_view(
    conn: &Connection,
    tz: &TimeZone,
    location_id: &str,
    now: Timestamp,
) -> StoreResult<Option<DisplayView>> {
    let location = conn
        .query_row(
            "SELECT name_nl, name_fr, name_de, name_en, municipality FROM locations WHERE id = ?1",
            [location_id],
            |r| {
                Ok((
                    kiosk_api::LocalizedText {
                        nl: r.get(0)?,
                        fr: r.get(1)?,
                        de: r.get(2)?,
                        en: r.get(3)?,
                    },
                    r.get::<_, String>(4)?,
                ))
            },
        )
        .optional()?;
    let Some((location_name, municipality)) = location else {
        return Ok(None);
    };
    let today = day_of(tz, now).to_string();
    let call = |r: &rusqlite::Row<'_>| {
        Ok((
            with_aliases(
                number(&r.get::<_, String>(0)?, r.get::<_, i64>(1)?),
                r.get(4)?,
            ),
            r.get::<_, Option<String>>(2)?,
            r.get::<_, i64>(3)?,
        ))
    };
    let to_calls = |rows: Vec<(String, Option<String>, i64)>| -> StoreResult<Vec<DisplayCall>> {
        rows.into_iter()
            .map(|(number, desk, at)| {
                Ok(DisplayCall {
                    number,
                    desk: desk.unwrap_or_default(),
                    at: kiosk_api::rfc3339::format(&zoned(tz, at)?),
                })
            })
            .collect()
    };
    let calling: Vec<_> = conn
        .prepare_cached(concat!(
            "SELECT q.prefix, t.sequence, t.desk, t.called_s, ",
            aliases_of_t!(),
            " FROM tickets t
             JOIN queue_services q ON q.id = t.queue_service_id
             WHERE t.location_id = ?1 AND t.service_day = ?2 AND t.status = 'called'
             ORDER BY t.called_s DESC LIMIT 4"
        ))?
        .query_map(params![location_id, today], call)?
        .collect::<Result<_, _>>()?;
    let recent: Vec<_> = conn
        .prepare_cached(
            concat!(
                "SELECT q.prefix, t.sequence, e.desk, e.at_s, ",
                aliases_of_t!(),
                " FROM ticket_events e
             JOIN tickets t ON t.id = e.ticket_id JOIN queue_services q ON q.id = t.queue_service_id
             WHERE e.location_id = ?1 AND t.service_day = ?2 AND e.action IN ('called', 'called_again')
             ORDER BY e.id DESC LIMIT 6"
            ),
        )?
        .query_map(params![location_id, today], call)?
        .collect::<Result<_, _>>()?;
    Ok(Some(DisplayView {
        location_id: location_id.to_owned(),
        municipality,
        location_name,
        calling: to_calls(calling)?,
        recent: to_calls(recent)?,
    }))
}
