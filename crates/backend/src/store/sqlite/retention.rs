//! Personal data kept only as long as it is needed (GDPR storage limitation). What stays is
//! what the queue's history, the municipality's counts and document verification need.

use super::WriteTx;
use jiff::Timestamp;
use rusqlite::params;

use crate::store::{PurgeCounts, RetentionPolicy, StoreResult};

pub fn purge(
    tx: &WriteTx<'_>,
    now: Timestamp,
    policy: &RetentionPolicy,
) -> StoreResult<PurgeCounts> {
    let before = |days: i64| now.as_second() - days * 86_400;
    // Name, phone and e-mail: only the booking's time, product and state stay.
    let contacts = tx.execute(
        "UPDATE bookings SET customer_name = '', customer_phone = NULL, customer_email = NULL
         WHERE end_s < ?1
           AND (customer_name != '' OR customer_phone IS NOT NULL OR customer_email IS NOT NULL)",
        params![before(policy.contact_days)],
    )?;
    // What kiosks reported (a booking's id, a number): the event's type and time stay.
    let events = tx.execute(
        "UPDATE events SET payload = '{}' WHERE received_s < ?1 AND payload != '{}'",
        params![before(policy.event_days)],
    )?;
    // Who a certificate was for: the document number, type, date, initials and the code's
    // hash stay, so that a receiving party can still check the paper.
    let issuances = tx.execute(
        "UPDATE certificate_issuances SET resident_id = NULL
         WHERE issued_s < ?1 AND resident_id IS NOT NULL",
        params![before(policy.issuance_days)],
    )?;
    // The heartbeat history: not personal, but it grows by the day. Steps are 5 minutes.
    let heartbeats = tx.execute(
        "DELETE FROM kiosk_heartbeats WHERE step < ?1",
        params![before(policy.heartbeat_days) / super::heartbeats::STEP_SECONDS],
    )?;
    Ok(PurgeCounts {
        contacts,
        events,
        issuances,
        heartbeats,
    })
}
