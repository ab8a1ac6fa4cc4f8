//! What the kiosk knows of bookings already checked in, so that one visit keeps one number: the
//! tickets it printed itself (online or offline) and the numbers the backend's arrivals list
//! carried (a check-in at another kiosk). A second scan is answered from here while offline.

use jiff::ZonedDateTime;
use jiff::civil::Date;
use rusqlite::{OptionalExtension, Transaction, params};
use uuid::Uuid;

use super::{CachedArrival, Store, StoreResult, time};

/// A number a booking already has.
#[derive(Debug, Clone, PartialEq)]
pub struct KnownTicket {
    /// E.g. `B012`.
    pub number: String,
    pub queue_service_id: String,
    pub booking_id: Uuid,
    pub booked_start: Option<ZonedDateTime>,
}

/// The number `arrival`'s booking already has, if any: this kiosk's own offline ticket first,
/// then its online check-in, then the first number the backend had given it.
pub(crate) fn number_of(
    tx: &Transaction<'_>,
    arrival: &CachedArrival,
) -> StoreResult<Option<KnownTicket>> {
    let booking = arrival.booking_id.to_string();
    let own: Option<String> = tx
        .query_row(
            "SELECT number FROM offline_tickets WHERE booking_id = ?1
             UNION ALL
             SELECT number FROM online_tickets WHERE booking_id = ?1
             LIMIT 1",
            [&booking],
            |r| r.get(0),
        )
        .optional()?;
    let number = own.or_else(|| arrival.ticket_numbers.first().cloned());
    Ok(number.map(|number| KnownTicket {
        number,
        queue_service_id: arrival.queue_service_id.clone(),
        booking_id: arrival.booking_id,
        booked_start: Some(arrival.start.clone()),
    }))
}

/// Records a ticket the backend gave this kiosk (a first check-in or the same one again).
fn remember(tx: &Transaction<'_>, ticket: &kiosk_api::Ticket, day: Date) -> StoreResult<()> {
    let Some(booking_id) = ticket.booking_id else {
        return Ok(());
    };
    tx.execute(
        "INSERT INTO online_tickets (booking_id, day, queue_service_id, number, booked_start, issued_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT (booking_id) DO UPDATE SET number = excluded.number,
             queue_service_id = excluded.queue_service_id",
        params![
            booking_id.to_string(),
            day.to_string(),
            ticket.queue_service_id,
            ticket.number,
            ticket.booked_start.as_ref().map(time::format),
            time::format(&ticket.issued_at),
        ],
    )?;
    Ok(())
}

impl Store {
    /// Remembers a check-in the backend answered, so that scanning the same booking while the
    /// backend is unreachable gives this number again rather than a new one.
    pub async fn remember_online_ticket(&self, ticket: kiosk_api::Ticket) -> StoreResult<()> {
        self.call(move |conn| {
            let tx = conn.transaction()?;
            remember(&tx, &ticket, ticket.service_day)?;
            tx.commit()?;
            Ok(())
        })
        .await
    }
}
