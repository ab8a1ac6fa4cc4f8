//! The population register as certificates need it, and the issuance record.

use rusqlite::{Connection, OptionalExtension, params};

use super::{WriteTx, parse_date};
use crate::store::{IssuedDocument, NewIssuance, RegisterEntry, RegisterMember, StoreResult};

/// The person with `national_number`, their address and the other members of their household.
pub fn register_entry(
    conn: &Connection,
    national_number: &str,
) -> StoreResult<Option<RegisterEntry>> {
    let row = conn
        .query_row(
            "SELECT r.id, r.surname, r.first_names, r.birth_date, r.birth_place, r.nationality,
                    r.registered_since, r.household_id, h.street, h.house_number, h.box, h.postal_code,
                    h.municipality
             FROM residents r JOIN households h ON h.id = r.household_id
             WHERE r.national_number = ?1",
            params![national_number],
            |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    [r.get::<_, String>(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?],
                    r.get::<_, i64>(7)?,
                    [r.get::<_, String>(8)?, r.get(9)?],
                    r.get::<_, Option<String>>(10)?,
                    [r.get::<_, String>(11)?, r.get(12)?],
                ))
            },
        )
        .optional()?;
    let Some((
        resident_id,
        [surname, first_names, birth, birth_place, nationality, since],
        household_id,
        [street, number],
        box_number,
        [postal_code, municipality],
    )) = row
    else {
        return Ok(None);
    };
    let mut stmt = conn.prepare_cached(
        "SELECT first_names, surname, birth_date FROM residents
         WHERE household_id = ?1 AND id <> ?2 ORDER BY is_reference DESC, birth_date, id",
    )?;
    let members = stmt
        .query_map(params![household_id, resident_id], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
            ))
        })?
        .map(|row| {
            let (first_names, surname, birth) = row?;
            Ok(RegisterMember {
                first_names,
                surname,
                birth_date: parse_date(&birth)?,
            })
        })
        .collect::<StoreResult<Vec<_>>>()?;
    let mut street_line = format!("{street} {number}");
    if let Some(b) = box_number {
        street_line.push_str(&format!(" bus {b}"));
    }
    Ok(Some(RegisterEntry {
        resident_id,
        national_number: national_number.to_owned(),
        surname,
        first_names,
        birth_date: parse_date(&birth)?,
        birth_place,
        nationality,
        address: format!("{street_line}, {postal_code} {municipality}"),
        address_since: parse_date(&since)?,
        members,
    }))
}

pub fn record(tx: &WriteTx<'_>, i: &NewIssuance) -> StoreResult<()> {
    tx.execute(
        "INSERT INTO certificate_issuances (id, kiosk_id, certificate_type, status, resident_id,
           document_number, code_hash, initials, language, issued_s, channel, location_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
        params![
            i.id.to_string(),
            i.kiosk_id.map(|k| k.to_string()),
            i.certificate_type,
            i.status,
            i.resident_id,
            i.document_number,
            i.code_hash,
            i.initials,
            i.language,
            i.issued.as_second(),
            i.channel.as_str(),
            i.location_id,
        ],
    )?;
    Ok(())
}

pub fn by_code_hash(conn: &Connection, code_hash: &str) -> StoreResult<Option<IssuedDocument>> {
    Ok(conn
        .query_row(
            "SELECT certificate_type, document_number, initials, issued_s FROM certificate_issuances
             WHERE code_hash = ?1 AND status = 'ready'",
            params![code_hash],
            |r| {
                Ok(IssuedDocument {
                    certificate_type: r.get(0)?,
                    document_number: r.get::<_, Option<String>>(1)?.unwrap_or_default(),
                    initials: r.get::<_, Option<String>>(2)?.unwrap_or_default(),
                    issued_s: r.get(3)?,
                })
            },
        )
        .optional()?)
}
