//! Writes the demo municipality (its catalogue through the catalogue import, then the generated
//! register and bookings) in one transaction.

use jiff::Timestamp;
use jiff::tz::TimeZone;
use rusqlite::params;

use super::{WriteTx, bookings, catalogue_import};
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
];

pub fn load(tx: &WriteTx<'_>, tz: &TimeZone, data: &DemoData, now: Timestamp) -> StoreResult<()> {
    for table in TABLES_IN_DELETE_ORDER {
        tx.execute(&format!("DELETE FROM {table}"), [])?;
    }
    // Kiosks keep their enrolment: the catalogue import updates locations in place.
    catalogue_import::replace(tx, &data.catalogue_file())?;
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
