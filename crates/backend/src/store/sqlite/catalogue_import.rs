//! The catalogue file's way into the database: the whole reference data read back as a
//! [`CatalogueFile`], and replaced by one, with what still depends on a removed entry found first.

use jiff::Timestamp;
use jiff::civil::Date;
use rusqlite::{Connection, params};

use super::catalogue;
use crate::catalogue_file::{CatalogueFile, Conflict, Desk};
use crate::store::{StoreError, StoreResult};

/// Reference tables the import rewrites whole (foreign keys deferred to the commit).
const REWRITTEN: &[&str] = &[
    "desks",
    "product_locations",
    "products",
    "certificate_types",
    "queue_services",
    "closures",
    "opening_periods",
];

/// Everything the catalogue holds, closures of past days included.
pub fn snapshot(conn: &Connection) -> StoreResult<CatalogueFile> {
    let c = catalogue::load(conn, Date::MIN)?;
    let desks = desks(conn)?;
    Ok(CatalogueFile {
        locations: c.locations,
        desks,
        queue_services: c.queue_services,
        products: c.products,
        certificate_types: c.certificate_types,
    })
}

/// The desks of every location, in the catalogue's order.
pub fn desks(conn: &Connection) -> StoreResult<Vec<Desk>> {
    let mut stmt = conn.prepare(
        "SELECT d.location_id, d.name, d.services FROM desks d JOIN locations l ON l.id = d.location_id
         ORDER BY l.sort, l.id, d.sort, d.name",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, Option<String>>(2)?,
        ))
    })?;
    let mut desks = Vec::new();
    for row in rows {
        let (location_id, name, services) = row?;
        let services = services
            .map(|json| serde_json::from_str::<Vec<String>>(&json))
            .transpose()
            .map_err(|e| StoreError::Corrupt(format!("services of desk {name}: {e}")))?;
        desks.push(Desk {
            location_id,
            name,
            services,
        });
    }
    Ok(desks)
}

fn count(tx: &Connection, sql: &str, params: impl rusqlite::Params) -> StoreResult<u64> {
    let n: i64 = tx.query_row(sql, params, |r| r.get(0))?;
    Ok(u64::try_from(n).unwrap_or(0))
}

const LIVE: &str = "status IN ('held', 'confirmed')";

/// What the database still holds that `file` would leave without its product, location or queue.
pub fn conflicts(
    tx: &Connection,
    file: &CatalogueFile,
    now: Timestamp,
) -> StoreResult<Vec<Conflict>> {
    let now = now.as_second();
    let mut out = Vec::new();
    let ids = |sql: &str| -> StoreResult<Vec<String>> {
        let mut stmt = tx.prepare(sql)?;
        let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    };
    for id in ids("SELECT id FROM locations ORDER BY sort, id")? {
        if file.locations.iter().any(|l| l.id == id) {
            continue;
        }
        let future = count(
            tx,
            &format!(
                "SELECT COUNT(*) FROM bookings WHERE location_id = ?1 AND end_s > ?2 AND {LIVE}"
            ),
            params![id, now],
        )?;
        let all = count(
            tx,
            "SELECT COUNT(*) FROM bookings WHERE location_id = ?1",
            [&id],
        )?;
        let kiosks = count(
            tx,
            "SELECT COUNT(*) FROM kiosks WHERE location_id = ?1",
            [&id],
        )?;
        if all > 0 || kiosks > 0 {
            out.push(Conflict::LocationRemoved {
                id,
                future_bookings: future,
                bookings: all,
                kiosks,
            });
        }
    }
    for id in ids("SELECT id FROM products ORDER BY sort, id")? {
        match file.products.iter().find(|p| p.id == id) {
            None => {
                let future = count(
                    tx,
                    &format!(
                        "SELECT COUNT(*) FROM bookings WHERE product_id = ?1 AND end_s > ?2 AND {LIVE}"
                    ),
                    params![id, now],
                )?;
                let all = count(
                    tx,
                    "SELECT COUNT(*) FROM bookings WHERE product_id = ?1",
                    [&id],
                )?;
                if all > 0 {
                    out.push(Conflict::ProductRemoved {
                        id,
                        future_bookings: future,
                        bookings: all,
                    });
                }
            }
            Some(product) => {
                let mut stmt = tx.prepare(
                    &format!("SELECT location_id, COUNT(*) FROM bookings WHERE product_id = ?1 AND end_s > ?2 AND {LIVE}
                     GROUP BY location_id ORDER BY location_id"),
                )?;
                let rows = stmt.query_map(params![id, now], |r| {
                    Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?))
                })?;
                for row in rows {
                    let (location, n) = row?;
                    if !product.location_ids.contains(&location)
                        && file.locations.iter().any(|l| l.id == location)
                    {
                        out.push(Conflict::ProductWithdrawn {
                            product: id.clone(),
                            location,
                            future_bookings: u64::try_from(n).unwrap_or(0),
                        });
                    }
                }
            }
        }
    }
    for id in ids("SELECT id FROM queue_services ORDER BY sort, id")? {
        if file.queue_services.iter().any(|q| q.id == id) {
            continue;
        }
        let waiting = count(
            tx,
            "SELECT COUNT(*) FROM tickets WHERE current_service_id = ?1 AND status IN ('waiting', 'called', 'serving')",
            [&id],
        )?;
        if waiting > 0 {
            out.push(Conflict::QueueServiceRemoved {
                id,
                open_tickets: waiting,
            });
        }
    }
    Ok(out)
}

/// Replaces the catalogue with `file`'s. Locations are updated in place (kiosks, bookings and
/// tickets keep pointing at them); the other reference tables are rewritten. Run
/// [`conflicts`] first: a removed location or product that bookings still need makes the
/// commit fail on its foreign key.
pub fn replace(tx: &Connection, file: &CatalogueFile) -> StoreResult<()> {
    tx.pragma_update(None, "defer_foreign_keys", "ON")?;
    for table in REWRITTEN {
        tx.execute(&format!("DELETE FROM {table}"), [])?;
    }
    let mut stmt = tx.prepare("SELECT id FROM locations")?;
    let existing = stmt
        .query_map([], |r| r.get::<_, String>(0))?
        .collect::<Result<Vec<_>, _>>()?;
    for id in existing {
        if !file.locations.iter().any(|l| l.id == id) {
            tx.execute("DELETE FROM enrolment_codes WHERE location_id = ?1", [&id])?;
            tx.execute("DELETE FROM locations WHERE id = ?1", [&id])?;
        }
    }
    for (sort, l) in (0i64..).zip(&file.locations) {
        tx.execute(
            "INSERT INTO locations (id, name_nl, name_fr, name_de, name_en, street, postal_code, municipality,
               timezone, desks, sort) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
             ON CONFLICT (id) DO UPDATE SET name_nl = ?2, name_fr = ?3, name_de = ?4, name_en = ?5, street = ?6,
               postal_code = ?7, municipality = ?8, timezone = ?9, desks = ?10, sort = ?11",
            params![
                l.id, l.name.nl, l.name.fr, l.name.de, l.name.en, l.address.street, l.address.postal_code,
                l.address.municipality, l.timezone, l.desks, sort
            ],
        )?;
        for p in &l.opening_hours {
            tx.execute(
                "INSERT INTO opening_periods (location_id, weekday, opens, closes) VALUES (?1, ?2, ?3, ?4)",
                params![l.id, p.weekday.number(), p.opens.strftime("%H:%M").to_string(), p.closes.strftime("%H:%M").to_string()],
            )?;
        }
        for c in &l.closures {
            tx.execute(
                "INSERT INTO closures (location_id, day, reason_nl, reason_fr, reason_de, reason_en)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![l.id, c.date.to_string(), c.reason.nl, c.reason.fr, c.reason.de, c.reason.en],
            )?;
        }
    }
    for (sort, d) in (0i64..).zip(&file.desks) {
        let services = d
            .services
            .as_ref()
            .map(serde_json::to_string)
            .transpose()
            .map_err(|e| StoreError::Invalid(e.to_string()))?;
        tx.execute(
            "INSERT INTO desks (location_id, name, services, sort) VALUES (?1, ?2, ?3, ?4)",
            params![d.location_id, d.name, services, sort],
        )?;
    }
    for (sort, q) in (0i64..).zip(&file.queue_services) {
        let walk_in = q
            .walk_in
            .as_ref()
            .map(serde_json::to_string)
            .transpose()
            .map_err(|e| StoreError::Invalid(e.to_string()))?;
        tx.execute(
            "INSERT INTO queue_services (id, prefix, name_nl, name_fr, name_de, name_en, sort, walk_in)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![q.id, q.prefix, q.name.nl, q.name.fr, q.name.de, q.name.en, sort, walk_in],
        )?;
    }
    for (sort, p) in (0i64..).zip(&file.products) {
        let fields = serde_json::to_string(&p.required_customer_fields)
            .map_err(|e| StoreError::Invalid(e.to_string()))?;
        let bring =
            serde_json::to_string(&p.bring).map_err(|e| StoreError::Invalid(e.to_string()))?;
        tx.execute(
            "INSERT INTO products (id, name_nl, name_fr, name_de, name_en, duration_min, extra_min, max_persons,
               required_fields, queue_service_id, window_before_min, window_after_min, sort, bring)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
            params![
                p.id, p.name.nl, p.name.fr, p.name.de, p.name.en, p.duration_min, p.extra_duration_per_person_min,
                p.max_persons, fields, p.queue_service_id, p.arrival_window.before_min, p.arrival_window.after_min, sort,
                bring
            ],
        )?;
        for location_id in &p.location_ids {
            tx.execute(
                "INSERT INTO product_locations (product_id, location_id) VALUES (?1, ?2)",
                params![p.id, location_id],
            )?;
        }
    }
    for (sort, c) in (0i64..).zip(&file.certificate_types) {
        let delivery = match c.delivery {
            kiosk_api::Delivery::Immediate => "immediate",
            kiosk_api::Delivery::Deferred => "deferred",
        };
        tx.execute(
            "INSERT INTO certificate_types (code, name_nl, name_fr, name_de, name_en, delivery, needs_purpose, sort)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![c.code, c.name.nl, c.name.fr, c.name.de, c.name.en, delivery, c.needs_purpose, sort],
        )?;
    }
    Ok(())
}
