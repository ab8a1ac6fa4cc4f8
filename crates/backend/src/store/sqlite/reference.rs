//! Writes a generated municipality (reference data, register and bookings) in one transaction.

use jiff::Timestamp;
use jiff::tz::TimeZone;
use rusqlite::params;

use super::{WriteTx, bookings};
use crate::seed::DemoData;
use crate::store::{StoreError, StoreResult};

const TABLES_IN_DELETE_ORDER: &[&str] = &[
    "events",
    "certificate_issuances",
    "eid_challenges",
    "tickets",
    "ticket_blocks",
    "ticket_counters",
    "arrival_salts",
    "slot_claims",
    "bookings",
    "residents",
    "households",
    "product_locations",
    "products",
    "certificate_types",
    "queue_services",
    "closures",
    "opening_periods",
];

pub fn load(tx: &WriteTx<'_>, tz: &TimeZone, data: &DemoData, now: Timestamp) -> StoreResult<()> {
    for table in TABLES_IN_DELETE_ORDER {
        tx.execute(&format!("DELETE FROM {table}"), [])?;
    }
    // Kiosks keep their enrolment: update locations in place rather than deleting them.
    for (sort, l) in (0i64..).zip(&data.locations) {
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
    for (sort, q) in (0i64..).zip(&data.queue_services) {
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
    for (sort, p) in (0i64..).zip(&data.products) {
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
    for (sort, c) in (0i64..).zip(&data.certificate_types) {
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
    for h in &data.households {
        tx.execute(
            "INSERT INTO households (id, street, house_number, box, postal_code, municipality) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![h.id, h.street, h.house_number, h.box_number, h.postal_code, h.municipality],
        )?;
    }
    for r in &data.residents {
        tx.execute(
            "INSERT INTO residents (id, national_number, surname, first_names, gender, birth_date, birth_place,
               nationality, civil_status, household_id, is_reference, registered_since)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
            params![
                r.id, r.national_number, r.surname, r.first_names, r.gender, r.birth_date.to_string(), r.birth_place,
                r.nationality, r.civil_status, r.household_id, r.is_reference, r.registered_since.to_string()
            ],
        )?;
    }
    for b in &data.bookings {
        match bookings::create(tx, tz, b, now) {
            Ok(_) | Err(StoreError::SlotTaken) => {}
            Err(e) => return Err(e),
        }
    }
    Ok(())
}
