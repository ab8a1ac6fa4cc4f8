//! Today's arrivals as `GET me/arrivals` served them: digests of the codes, never the codes, so an
//! offline check-in can recognise a booking without the kiosk holding anything personal.

use jiff::ZonedDateTime;
use jiff::civil::Date;
use kiosk_api::Arrivals;
use rusqlite::{Connection, OptionalExtension, Transaction, params};
use uuid::Uuid;

use super::{Store, StoreError, StoreResult, time};

/// One cached arrival: enough to check a resident in while offline.
#[derive(Debug, Clone, PartialEq)]
pub struct CachedArrival {
    pub booking_id: Uuid,
    pub product_id: String,
    pub queue_service_id: String,
    pub start: ZonedDateTime,
    pub window_start: ZonedDateTime,
    pub window_end: ZonedDateTime,
    /// The numbers the backend had given the booking when the list was fetched.
    pub ticket_numbers: Vec<String>,
}

/// Replaces the cached list of `arrivals.day` with this one (the backend's list is complete).
pub(crate) fn replace(
    tx: &Transaction<'_>,
    arrivals: &Arrivals,
    etag: Option<&str>,
    now: &ZonedDateTime,
) -> StoreResult<()> {
    let day = arrivals.day.to_string();
    tx.execute("DELETE FROM arrivals WHERE day = ?1", [&day])?;
    tx.execute(
        "INSERT INTO arrival_days (day, salt, etag, fetched_at) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (day) DO UPDATE SET salt = excluded.salt, etag = excluded.etag,
                                         fetched_at = excluded.fetched_at",
        params![day, arrivals.salt, etag, time::format(now)],
    )?;
    let mut insert = tx.prepare(
        "INSERT OR REPLACE INTO arrivals (day, booking_id, code_digest, product_id, queue_service_id,
                                          start, window_start, window_end, ticket_numbers)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?;
    for a in &arrivals.arrivals {
        insert.execute(params![
            day,
            a.booking_id.to_string(),
            a.code_digest,
            a.product_id,
            a.queue_service_id,
            time::format(&a.start),
            time::format(&a.window_start),
            time::format(&a.window_end),
            a.ticket_numbers.join(" "),
        ])?;
    }
    Ok(())
}

pub(crate) fn etag(conn: &Connection, day: Date) -> StoreResult<Option<String>> {
    Ok(conn
        .query_row(
            "SELECT etag FROM arrival_days WHERE day = ?1",
            [day.to_string()],
            |r| r.get::<_, Option<String>>(0),
        )
        .optional()?
        .flatten())
}

/// The arrival on `day` whose code is `short` (already normalised), matched by digest.
pub(crate) fn find(
    conn: &Connection,
    day: Date,
    short: &str,
) -> StoreResult<Option<CachedArrival>> {
    let day = day.to_string();
    let salt: Option<String> = conn
        .query_row(
            "SELECT salt FROM arrival_days WHERE day = ?1",
            [&day],
            |r| r.get(0),
        )
        .optional()?;
    let Some(salt) = salt else {
        return Ok(None);
    };
    let digest = kiosk_api::booking_code::arrival_digest(&salt, short);
    let row: Option<[String; 7]> = conn
        .query_row(
            "SELECT booking_id, product_id, queue_service_id, start, window_start, window_end,
                    ticket_numbers
               FROM arrivals WHERE day = ?1 AND code_digest = ?2",
            params![day, digest],
            |r| {
                Ok([
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                    r.get(6)?,
                ])
            },
        )
        .optional()?;
    row.map(
        |[id, product, queue, start, window_start, window_end, numbers]| {
            Ok(CachedArrival {
                booking_id: Uuid::parse_str(&id).map_err(|e| StoreError::Corrupt {
                    column: "arrivals.booking_id",
                    detail: e.to_string(),
                })?,
                product_id: product,
                queue_service_id: queue,
                start: time::parse("arrivals.start", &start)?,
                window_start: time::parse("arrivals.window_start", &window_start)?,
                window_end: time::parse("arrivals.window_end", &window_end)?,
                ticket_numbers: numbers.split_whitespace().map(str::to_owned).collect(),
            })
        },
    )
    .transpose()
}

/// Queue services of the cached arrivals of `day`.
pub(crate) fn queue_services(conn: &Connection, day: Date) -> StoreResult<Vec<String>> {
    let mut stmt =
        conn.prepare("SELECT DISTINCT queue_service_id FROM arrivals WHERE day = ?1 ORDER BY 1")?;
    let rows = stmt.query_map([day.to_string()], |r| r.get(0))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Forgets every day before `today`: yesterday's list is of no use and should not linger.
pub(crate) fn prune(tx: &Transaction<'_>, today: Date) -> StoreResult<()> {
    let today = today.to_string();
    tx.execute("DELETE FROM arrivals WHERE day < ?1", [&today])?;
    tx.execute("DELETE FROM arrival_days WHERE day < ?1", [&today])?;
    Ok(())
}

impl Store {
    /// Stores the day's arrivals as served (with the response's ETag), dropping older days.
    pub async fn save_arrivals(
        &self,
        arrivals: Arrivals,
        etag: Option<String>,
        now: ZonedDateTime,
    ) -> StoreResult<()> {
        self.call(move |conn| {
            let tx = conn.transaction()?;
            replace(&tx, &arrivals, etag.as_deref(), &now)?;
            prune(&tx, now.date())?;
            super::blocks::prune(&tx, now.date())?;
            tx.commit()?;
            Ok(())
        })
        .await
    }

    pub async fn arrivals_etag(&self, day: Date) -> StoreResult<Option<String>> {
        self.call(move |conn| etag(conn, day)).await
    }

    /// How many arrivals are cached for `day`.
    pub async fn arrivals_count(&self, day: Date) -> StoreResult<u32> {
        self.call(move |conn| {
            Ok(conn.query_row(
                "SELECT COUNT(*) FROM arrivals WHERE day = ?1",
                [day.to_string()],
                |r| r.get(0),
            )?)
        })
        .await
    }
}
