//! Reads the catalogue: locations, opening hours, closures, products, queue services, certificates.

use jiff::civil::{Date, Time};
use kiosk_api::{
    Address, ArrivalWindow, Catalogue, CertificateType, Closure, CustomerField, Delivery,
    LocalizedText, Location, OpeningPeriod, Product, QueueService, WalkIn, Weekday,
};
use rusqlite::{Connection, Row};

use super::{parse_date, u32_col};
use crate::store::{StoreError, StoreResult};

fn text(r: &Row<'_>, first: usize) -> rusqlite::Result<LocalizedText> {
    Ok(LocalizedText {
        nl: r.get(first)?,
        fr: r.get(first + 1)?,
        de: r.get(first + 2)?,
        en: r.get(first + 3)?,
    })
}

pub(crate) fn parse_time(text: &str) -> StoreResult<Time> {
    text.parse()
        .map_err(|e| StoreError::Corrupt(format!("time {text}: {e}")))
}

pub(crate) fn parse_walk_in(json: &str) -> StoreResult<WalkIn> {
    serde_json::from_str(json).map_err(|e| StoreError::Corrupt(format!("walk_in: {e}")))
}

pub fn load(conn: &Connection, today: Date) -> StoreResult<Catalogue> {
    let mut locations = Vec::new();
    let mut stmt = conn.prepare_cached(
        "SELECT id, name_nl, name_fr, name_de, name_en, street, postal_code, municipality, timezone, desks
         FROM locations ORDER BY sort, id",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(Location {
            id: r.get(0)?,
            name: text(r, 1)?,
            address: Address {
                street: r.get(5)?,
                postal_code: r.get(6)?,
                municipality: r.get(7)?,
            },
            timezone: r.get(8)?,
            desks: u32_col(r.get(9)?),
            opening_hours: Vec::new(),
            closures: Vec::new(),
        })
    })?;
    for row in rows {
        let mut location = row?;
        location.opening_hours = opening_periods(conn, &location.id)?;
        location.closures = closures(conn, &location.id, today)?;
        locations.push(location);
    }

    let mut stmt = conn.prepare_cached(
        "SELECT id, prefix, name_nl, name_fr, name_de, name_en, walk_in FROM queue_services ORDER BY sort, id",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok((
            QueueService {
                id: r.get(0)?,
                prefix: r.get(1)?,
                name: text(r, 2)?,
                walk_in: None,
            },
            r.get::<_, Option<String>>(6)?,
        ))
    })?;
    let mut queue_services = Vec::new();
    for row in rows {
        let (mut service, walk_in) = row?;
        service.walk_in = walk_in.as_deref().map(parse_walk_in).transpose()?;
        queue_services.push(service);
    }

    let mut stmt = conn.prepare_cached(
        "SELECT code, name_nl, name_fr, name_de, name_en, delivery, needs_purpose FROM certificate_types ORDER BY sort, code",
    )?;
    let certificate_types = stmt
        .query_map([], |r| {
            let delivery: String = r.get(5)?;
            Ok(CertificateType {
                code: r.get(0)?,
                name: text(r, 1)?,
                delivery: if delivery == "deferred" {
                    Delivery::Deferred
                } else {
                    Delivery::Immediate
                },
                needs_purpose: r.get(6)?,
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;

    let mut products = Vec::new();
    let mut stmt = conn.prepare_cached(
        "SELECT id, name_nl, name_fr, name_de, name_en, duration_min, extra_min, max_persons, required_fields,
                queue_service_id, window_before_min, window_after_min, bring
         FROM products ORDER BY sort, id",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok((
            Product {
                id: r.get(0)?,
                name: text(r, 1)?,
                duration_min: u32_col(r.get(5)?),
                extra_duration_per_person_min: u32_col(r.get(6)?),
                max_persons: u32_col(r.get(7)?),
                required_customer_fields: Vec::new(),
                queue_service_id: r.get(9)?,
                arrival_window: ArrivalWindow {
                    before_min: u32_col(r.get(10)?),
                    after_min: u32_col(r.get(11)?),
                },
                location_ids: Vec::new(),
                bring: Vec::new(),
            },
            r.get::<_, String>(8)?,
            r.get::<_, String>(12)?,
        ))
    })?;
    for row in rows {
        let (mut product, fields, bring) = row?;
        product.bring = serde_json::from_str::<Vec<LocalizedText>>(&bring)
            .map_err(|e| StoreError::Corrupt(format!("bring of {}: {e}", product.id)))?;
        product.required_customer_fields = serde_json::from_str::<Vec<CustomerField>>(&fields)
            .map_err(|e| StoreError::Corrupt(format!("required_fields of {}: {e}", product.id)))?;
        let mut stmt = conn.prepare_cached(
            "SELECT location_id FROM product_locations WHERE product_id = ?1 ORDER BY location_id",
        )?;
        product.location_ids = stmt
            .query_map([&product.id], |r| r.get(0))?
            .collect::<Result<Vec<String>, _>>()?;
        products.push(product);
    }

    Ok(Catalogue {
        locations,
        products,
        certificate_types,
        queue_services,
    })
}

pub(crate) fn opening_periods(
    conn: &Connection,
    location_id: &str,
) -> StoreResult<Vec<OpeningPeriod>> {
    let mut stmt = conn.prepare_cached(
        "SELECT weekday, opens, closes FROM opening_periods WHERE location_id = ?1 ORDER BY weekday, opens",
    )?;
    let rows = stmt.query_map([location_id], |r| {
        Ok((
            r.get::<_, i8>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (weekday, opens, closes) = row?;
        let weekday = Weekday::from_number(weekday)
            .ok_or_else(|| StoreError::Corrupt(format!("weekday {weekday}")))?;
        out.push(OpeningPeriod {
            weekday,
            opens: parse_time(&opens)?,
            closes: parse_time(&closes)?,
        });
    }
    Ok(out)
}

pub(crate) fn closures(
    conn: &Connection,
    location_id: &str,
    today: Date,
) -> StoreResult<Vec<Closure>> {
    let mut stmt = conn.prepare_cached(
        "SELECT day, reason_nl, reason_fr, reason_de, reason_en FROM closures
         WHERE location_id = ?1 AND day >= ?2 ORDER BY day",
    )?;
    let rows = stmt.query_map(rusqlite::params![location_id, today.to_string()], |r| {
        Ok((r.get::<_, String>(0)?, text(r, 1)?))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (day, reason) = row?;
        out.push(Closure {
            date: parse_date(&day)?,
            reason,
        });
    }
    Ok(out)
}

pub fn closure_days(conn: &Connection, location_id: &str) -> StoreResult<Vec<Date>> {
    let mut stmt = conn.prepare_cached("SELECT day FROM closures WHERE location_id = ?1")?;
    let days = stmt.query_map([location_id], |r| r.get::<_, String>(0))?;
    days.map(|d| parse_date(&d?)).collect()
}
