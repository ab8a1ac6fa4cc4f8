//! What the bookings bench checks in the database once the server has stopped: no time sold beyond
//! its desks, and each Idempotency-Key's hold made exactly one booking.
//!
//! Every hold the bench sends names its own customer (`<prefix> <client>-<n>`), so a key that made
//! two bookings shows as a name found twice.

use std::collections::HashMap;
use std::path::Path;

/// 5-minute units, as the backend claims desks (`slots::units`).
const UNIT_SECONDS: i64 = 300;

pub struct Ledger {
    /// (location, 5-minute unit) where more live bookings overlap than the location has desks.
    pub oversold_units: usize,
    /// Customer names (one per key) with more than one booking.
    pub doubled_keys: usize,
    /// Bookings of the bench's customers in the database.
    pub stored: usize,
    /// Of those, confirmed.
    pub confirmed: usize,
    pub integrity: String,
}

pub fn read(db: &Path, customer_prefix: &str, now_s: i64) -> Ledger {
    let conn = rusqlite::Connection::open(db).unwrap();
    let desks: HashMap<String, i64> = conn
        .prepare("SELECT id, desks FROM locations")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    // Every live booking, the seeded ones included: the bench's must fit beside them.
    let mut live = conn
        .prepare(
            "SELECT location_id, start_s, end_s FROM bookings
             WHERE status = 'confirmed' OR (status = 'held' AND hold_expires_s > ?1)",
        )
        .unwrap();
    let mut per_unit: HashMap<(String, i64), i64> = HashMap::new();
    let rows = live
        .query_map([now_s], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, i64>(2)?,
            ))
        })
        .unwrap();
    for row in rows {
        let (location, start, end) = row.unwrap();
        let first = start.div_euclid(UNIT_SECONDS);
        let last = (end + UNIT_SECONDS - 1).div_euclid(UNIT_SECONDS);
        for unit in first..last {
            *per_unit.entry((location.clone(), unit)).or_default() += 1;
        }
    }
    let oversold_units = per_unit
        .iter()
        .filter(|((location, _), n)| **n > desks.get(location).copied().unwrap_or(0))
        .count();
    let like = format!("{customer_prefix} %");
    let count = |sql: &str| -> usize {
        conn.query_row(sql, [&like], |r| r.get::<_, i64>(0))
            .unwrap()
            .try_into()
            .unwrap()
    };
    Ledger {
        oversold_units,
        doubled_keys: count(
            "SELECT COUNT(*) FROM (SELECT customer_name FROM bookings WHERE customer_name LIKE ?1
             GROUP BY customer_name HAVING COUNT(*) > 1)",
        ),
        stored: count("SELECT COUNT(*) FROM bookings WHERE customer_name LIKE ?1"),
        confirmed: count(
            "SELECT COUNT(*) FROM bookings WHERE customer_name LIKE ?1 AND status = 'confirmed'",
        ),
        integrity: conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap(),
    }
}
