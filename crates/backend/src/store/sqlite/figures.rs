//! Reads what the figures are made of: bookings with their channel, tickets with their first
//! call, certificate requests, the kiosks' heartbeat history. The arithmetic is
//! `crate::figures::compute`'s.
//!
//! Nothing here reads what the retention purge removes (names, contacts, event payloads, the
//! link from a certificate to its person), so purging never changes a figure.

use std::collections::{BTreeMap, HashSet};

use jiff::Timestamp;
use jiff::tz::TimeZone;
use kiosk_api::{
    BookingFigures, CertificateCount, CertificateFigures, Channel, ChannelCount, Figures,
    KioskAvailability, ServiceCount,
};
use rusqlite::{Connection, params};

use super::heartbeats::STEP_SECONDS;
use super::{catalogue, parse_uuid, zoned};
use crate::figures::Period;
use crate::figures::compute::{self, share};
use crate::store::{StoreError, StoreResult};

/// The first call of a ticket (a later "call again" does not end the wait). `called_s` holds
/// the last call: it is the first when there was only one, as for nearly every ticket; the
/// others look theirs up in the ticket's events.
const FIRST_CALL: &str = "CASE WHEN t.calls <= 1 THEN t.called_s ELSE
    (SELECT MIN(e.at_s) FROM ticket_events e WHERE e.ticket_id = t.id AND e.action = 'called')
    END";

pub fn figures(
    conn: &Connection,
    tz: &TimeZone,
    period: &Period,
    now: Timestamp,
) -> StoreResult<Figures> {
    let (start, end) = period.bounds(tz);
    let location = period.location_id.as_deref();
    let calls = calls(conn, period, start, end)?;
    Ok(Figures {
        from: period.from,
        to: period.to,
        location_id: period.location_id.clone(),
        computed_at: zoned(tz, now.as_second())?,
        bookings: bookings(conn, start, end, location, now, &calls)?,
        waiting: compute::waiting(calls.waits),
        walk_ins: walk_ins(conn, period, location)?,
        certificates: certificates(conn, start, end, location)?,
        kiosks: kiosks(conn, tz, period, location, now)?,
    })
}

fn count(n: i64) -> u64 {
    u64::try_from(n).unwrap_or(0)
}

fn channel(text: &str) -> StoreResult<Channel> {
    Channel::parse(text).ok_or_else(|| StoreError::Corrupt(format!("channel {text}")))
}

/// Counts per channel, every channel listed (0 included) in [`Channel::ALL`]'s order.
fn by_channel(counts: &BTreeMap<Channel, u64>) -> Vec<ChannelCount> {
    Channel::ALL
        .into_iter()
        .map(|channel| ChannelCount {
            channel,
            count: counts.get(&channel).copied().unwrap_or(0),
        })
        .collect()
}

fn self_service_share(counts: &BTreeMap<Channel, u64>) -> (u64, Option<f64>) {
    let total: u64 = counts.values().sum();
    let own: u64 = counts
        .iter()
        .filter(|(c, _)| c.is_self_service())
        .map(|(_, n)| n)
        .sum();
    (total, share(own, total))
}

fn bookings(
    conn: &Connection,
    start: i64,
    end: i64,
    location: Option<&str>,
    now: Timestamp,
    calls: &Calls,
) -> StoreResult<BookingFigures> {
    let mut counts = BTreeMap::new();
    let mut stmt = conn.prepare_cached(
        "SELECT channel, COUNT(*) FROM bookings
         WHERE status = 'confirmed' AND start_s >= ?1 AND start_s < ?2
           AND (?3 IS NULL OR location_id = ?3)
         GROUP BY channel",
    )?;
    for row in stmt.query_map(params![start, end, location], |r| {
        Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?))
    })? {
        let (text, n) = row?;
        counts.insert(channel(&text)?, count(n));
    }
    let (total, self_booked_share) = self_service_share(&counts);
    // Over and nobody came: never checked in, or called and not there.
    let no_shows: i64 = conn.query_row(
        "SELECT COUNT(*) FROM bookings b LEFT JOIN tickets t ON t.booking_id = b.id
         WHERE b.status = 'confirmed' AND b.start_s >= ?1 AND b.start_s < ?2
           AND (?3 IS NULL OR b.location_id = ?3) AND b.end_s <= ?4
           AND (t.id IS NULL OR t.status = 'no_show')",
        params![start, end, location, now.as_second()],
        |r| r.get(0),
    )?;
    let (called, before) = (calls.appointments_called, calls.before_booked_time);
    Ok(BookingFigures {
        total,
        by_channel: by_channel(&counts),
        self_booked_share,
        no_shows: count(no_shows),
        called,
        called_before_booked_time: before,
        served_before_booked_time_share: share(before, called),
    })
}

/// The period's tickets that were called: how long each waited, and of the appointments among
/// them, how many were called before their booked time. One pass: a ticket's first call is
/// looked up once.
struct Calls {
    /// Seconds from issue (check-in or arrival) to the first call.
    waits: Vec<i64>,
    appointments_called: u64,
    before_booked_time: u64,
}

fn calls(conn: &Connection, period: &Period, start: i64, end: i64) -> StoreResult<Calls> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT t.issued_s, {FIRST_CALL}, b.start_s, b.status
         FROM tickets t LEFT JOIN bookings b ON b.id = t.booking_id
         WHERE t.service_day >= ?1 AND t.service_day <= ?2
           AND (?3 IS NULL OR t.location_id = ?3)"
    ))?;
    let rows = stmt.query_map(
        params![
            period.from.to_string(),
            period.to.to_string(),
            period.location_id.as_deref()
        ],
        |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, Option<i64>>(1)?,
                r.get::<_, Option<i64>>(2)?,
                r.get::<_, Option<String>>(3)?,
            ))
        },
    )?;
    let mut calls = Calls {
        waits: Vec::new(),
        appointments_called: 0,
        before_booked_time: 0,
    };
    for row in rows {
        let (issued, first_call, booked, status) = row?;
        let Some(call) = first_call else { continue };
        calls.waits.push((call - issued).max(0));
        // The appointments counted under "bookings": confirmed, booked in the period.
        if let (Some(booked), Some("confirmed")) = (booked, status.as_deref())
            && (start..end).contains(&booked)
        {
            calls.appointments_called += 1;
            calls.before_booked_time += u64::from(call < booked);
        }
    }
    Ok(calls)
}

fn walk_ins(
    conn: &Connection,
    period: &Period,
    location: Option<&str>,
) -> StoreResult<Vec<ServiceCount>> {
    let mut stmt = conn.prepare_cached(
        "SELECT t.queue_service_id, COALESCE(q.name_nl, t.queue_service_id), COUNT(*)
         FROM tickets t LEFT JOIN queue_services q ON q.id = t.queue_service_id
         WHERE t.booking_id IS NULL AND t.service_day >= ?1 AND t.service_day <= ?2
           AND (?3 IS NULL OR t.location_id = ?3)
         GROUP BY t.queue_service_id ORDER BY MIN(q.sort), t.queue_service_id",
    )?;
    let rows = stmt.query_map(
        params![period.from.to_string(), period.to.to_string(), location],
        |r| {
            Ok(ServiceCount {
                service_id: r.get(0)?,
                service_name: r.get(1)?,
                count: count(r.get(2)?),
            })
        },
    )?;
    Ok(rows.collect::<Result<_, _>>()?)
}

fn certificates(
    conn: &Connection,
    start: i64,
    end: i64,
    location: Option<&str>,
) -> StoreResult<CertificateFigures> {
    let mut stmt = conn.prepare_cached(
        "SELECT certificate_type, channel, kiosk_id, COUNT(*) FROM certificate_issuances
         WHERE status != 'rejected' AND issued_s >= ?1 AND issued_s < ?2
           AND (?3 IS NULL OR location_id = ?3)
         GROUP BY certificate_type, channel, kiosk_id
         ORDER BY certificate_type, channel, kiosk_id",
    )?;
    let rows = stmt.query_map(params![start, end, location], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, Option<String>>(2)?,
            r.get::<_, i64>(3)?,
        ))
    })?;
    let mut by_type = Vec::new();
    let mut counts = BTreeMap::new();
    for row in rows {
        let (certificate_type, text, kiosk, n) = row?;
        let channel = channel(&text)?;
        *counts.entry(channel).or_insert(0) += count(n);
        by_type.push(CertificateCount {
            certificate_type,
            channel,
            kiosk_id: kiosk.as_deref().map(parse_uuid).transpose()?,
            count: count(n),
        });
    }
    let (total, without_desk_share) = self_service_share(&counts);
    Ok(CertificateFigures {
        total,
        by_channel: by_channel(&counts),
        without_desk_share,
        by_type,
    })
}

fn kiosks(
    conn: &Connection,
    tz: &TimeZone,
    period: &Period,
    location: Option<&str>,
    now: Timestamp,
) -> StoreResult<Vec<KioskAvailability>> {
    let (start, end) = period.bounds(tz);
    let mut stmt = conn.prepare_cached(
        "SELECT id, location_id, hardware_id, enrolled_s FROM kiosks
         WHERE (?1 IS NULL OR location_id = ?1) AND enrolled_s < ?2
         ORDER BY location_id, enrolled_s, id",
    )?;
    let kiosks = stmt
        .query_map(params![location, end], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, i64>(3)?,
            ))
        })?
        .collect::<Result<Vec<_>, _>>()?;
    let mut steps = conn.prepare_cached(
        "SELECT step, paper_out FROM kiosk_heartbeats
         WHERE kiosk_id = ?1 AND step >= ?2 AND step < ?3",
    )?;
    let mut opening = BTreeMap::new();
    let mut out = Vec::new();
    for (id, location_id, hardware_id, enrolled_s) in kiosks {
        if !opening.contains_key(&location_id) {
            let periods = catalogue::opening_periods(conn, &location_id)?;
            let closed: HashSet<_> = catalogue::closure_days(conn, &location_id)?
                .into_iter()
                .collect();
            let intervals = compute::open_intervals(tz, &periods, &closed, period.from, period.to);
            opening.insert(location_id.clone(), intervals);
        }
        let intervals = opening.get(&location_id).map_or(&[][..], Vec::as_slice);
        let open = compute::open_steps(
            intervals,
            start.max(enrolled_s),
            end.min(now.as_second()),
            STEP_SECONDS,
        );
        let open_steps: i64 = open.iter().map(|(a, b)| b - a).sum();
        let (mut up, mut paper_out) = (0u64, 0u64);
        let rows = steps.query_map(
            params![
                id,
                start.div_euclid(STEP_SECONDS),
                end.div_euclid(STEP_SECONDS) + 1
            ],
            |r| Ok((r.get::<_, i64>(0)?, r.get::<_, bool>(1)?)),
        )?;
        for row in rows {
            let (step, out_of_paper) = row?;
            if compute::in_ranges(&open, step) {
                up += 1;
                paper_out += u64::from(out_of_paper);
            }
        }
        let minutes = |steps: u64| steps * (STEP_SECONDS.unsigned_abs() / 60);
        let open_minutes = minutes(count(open_steps));
        out.push(KioskAvailability {
            kiosk_id: parse_uuid(&id)?,
            location_id,
            hardware_id,
            open_minutes,
            up_minutes: minutes(up),
            uptime_share: share(up, count(open_steps)),
            paper_out_minutes: minutes(paper_out),
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use rusqlite::Connection;

    #[test]
    fn migration_008_says_how_the_rows_before_it_were_made() {
        let mut conn = Connection::open_in_memory().unwrap();
        let migrations = super::super::migrations();
        migrations.to_version(&mut conn, 6).unwrap();
        // Rows without their locations and products; the migration itself runs with foreign
        // keys on, as the store opens its connections.
        conn.pragma_update(None, "foreign_keys", "OFF").unwrap();
        conn.execute_batch(
            "INSERT INTO kiosks (id, location_id, hardware_id, token_hash, enrolled_s)
               VALUES ('k1', 'town-hall', 'hw', 'hash', 0);
             INSERT INTO bookings (id, kiosk_id, location_id, product_id, persons, start_s, end_s,
               status, code, qr_secret, customer_name, created_s)
               VALUES ('at-kiosk', 'k1', 'town-hall', 'p', 1, 0, 1, 'confirmed', 'C1', 's', 'n', 0),
                      ('by-phone', NULL, 'town-hall', 'p', 1, 0, 1, 'confirmed', 'C2', 's', 'n', 0);
             INSERT INTO certificate_issuances (id, kiosk_id, certificate_type, status,
               document_number, code_hash, language, issued_s)
               VALUES ('c1', 'k1', 'residence', 'ready', 'D1', 'H1', 'nl', 5);",
        )
        .unwrap();
        conn.pragma_update(None, "foreign_keys", "ON").unwrap();
        migrations.to_latest(&mut conn).unwrap();
        let channel = |id: &str| -> String {
            conn.query_row("SELECT channel FROM bookings WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .unwrap()
        };
        assert_eq!(channel("at-kiosk"), "kiosk");
        assert_eq!(channel("by-phone"), "desk");
        let issuance: (String, Option<String>, Option<String>, String, i64) = conn
            .query_row(
                "SELECT channel, kiosk_id, location_id, document_number, issued_s
                 FROM certificate_issuances WHERE id = 'c1'",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
            )
            .unwrap();
        assert_eq!(
            issuance,
            (
                "kiosk".into(),
                Some("k1".into()),
                Some("town-hall".into()),
                "D1".into(),
                5
            )
        );
        // A request from the web has no kiosk now; an unknown channel is refused.
        conn.execute(
            "INSERT INTO certificate_issuances (id, certificate_type, status, language, issued_s,
               channel) VALUES ('c2', 'residence', 'ready', 'nl', 6, 'web')",
            [],
        )
        .unwrap();
        assert!(
            conn.execute(
                "UPDATE bookings SET channel = 'fax' WHERE id = 'by-phone'",
                []
            )
            .is_err()
        );
    }
}
