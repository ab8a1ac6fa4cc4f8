//! The call order: who a desk calls next, and so how many people are ahead of a ticket.
//!
//! 1. Transferred tickets, in the order they were transferred: a resident sent on from another
//!    desk has waited already and goes to the front of the new queue.
//! 2. Checked-in appointments whose booked time is at most the lead (default 5 min) away, by booked
//!    time: the town hall works by appointment and keeps its times.
//! 3. Walk-ins (tickets without a booking) by arrival.
//! 4. Appointments checked in earlier than the lead, by booked time. They are not kept back from an
//!    idle desk: serving a resident early beats a desk waiting for the clock (most residents of the
//!    example municipality are served before their booked time), but they never pass a walk-in who
//!    is due now.
//!
//! With [`CallOrder::ByArrival`] (a municipality's choice) 2-4 are one class: everyone by arrival.
//!
//! Offline check-ins synced later carry their real arrival time (`issued`), so they take their
//! place by it like any other ticket.

use std::cmp::Ordering;

use super::{CallOrder, QueueRow};

/// The sort key of a waiting ticket at `now_s` (UTC seconds), with `lead_s` the appointment lead.
pub fn key(row: &QueueRow, order: CallOrder, now_s: i64, lead_s: i64) -> (u8, i64, i64, String) {
    let (class, at) = match (order, row.transferred_s, row.booked_s) {
        (_, Some(t), _) => (0, t),
        (CallOrder::ByArrival, None, _) => (1, row.issued_s),
        (CallOrder::AppointmentsFirst, None, Some(booked)) if booked - lead_s <= now_s => {
            (1, booked)
        }
        (CallOrder::AppointmentsFirst, None, None) => (2, row.issued_s),
        (CallOrder::AppointmentsFirst, None, Some(booked)) => (3, booked),
    };
    (class, at, row.issued_s, row.number.clone())
}

/// Sorts waiting tickets into call order.
pub fn sort(rows: &mut [QueueRow], order: CallOrder, now_s: i64, lead_s: i64) {
    rows.sort_by(|a, b| compare(a, b, order, now_s, lead_s));
}

fn compare(a: &QueueRow, b: &QueueRow, order: CallOrder, now_s: i64, lead_s: i64) -> Ordering {
    key(a, order, now_s, lead_s).cmp(&key(b, order, now_s, lead_s))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use kiosk_api::TicketStatus;
    use uuid::Uuid;

    use super::*;

    fn row(number: &str, booked: Option<i64>, issued: i64, transferred: Option<i64>) -> QueueRow {
        QueueRow {
            ticket_id: Uuid::new_v4(),
            number: number.into(),
            service_id: "identity".into(),
            status: TicketStatus::Waiting,
            booked_s: booked,
            issued_s: issued,
            transferred_s: transferred,
            desk: None,
            called_s: None,
            calls: 0,
        }
    }

    #[test]
    fn transferred_then_due_appointments_then_walk_ins_then_early_appointments() {
        let now = 10_000;
        let lead = 300;
        let mut rows = vec![
            row("A004", Some(now + 3600), now - 100, None), // early appointment
            row("A003", None, now - 500, None),             // walk-in
            row("A002", Some(now + 200), now - 50, None),   // due within the lead
            row("A001", Some(now - 60), now - 10, None),    // due, booked earlier
            row("B009", Some(now + 9000), now - 5, Some(now - 1)), // transferred in
        ];
        sort(&mut rows, CallOrder::AppointmentsFirst, now, lead);
        let order: Vec<_> = rows.iter().map(|r| r.number.as_str()).collect();
        assert_eq!(order, ["B009", "A001", "A002", "A003", "A004"]);
    }

    #[test]
    fn by_arrival_mixes_appointments_and_walk_ins_by_when_they_came() {
        let now = 10_000;
        let mut rows = vec![
            row("A001", Some(now - 60), now - 10, None), // due appointment, came last
            row("E002", None, now - 500, None),          // walk-in, came first
            row("A004", Some(now + 3600), now - 100, None), // early appointment
            row("B009", Some(now + 9000), now - 5, Some(now - 1)), // transferred in
        ];
        sort(&mut rows, CallOrder::ByArrival, now, 300);
        let order: Vec<_> = rows.iter().map(|r| r.number.as_str()).collect();
        assert_eq!(order, ["B009", "E002", "A004", "A001"]);
    }

    #[test]
    fn an_offline_check_in_takes_its_place_by_arrival() {
        let now = 10_000;
        let mut rows = vec![
            row("A002", None, now - 100, None),
            row("A901", None, now - 400, None), // numbered offline, synced later, arrived first
        ];
        sort(&mut rows, CallOrder::AppointmentsFirst, now, 300);
        assert_eq!(rows[0].number, "A901");
    }
}
