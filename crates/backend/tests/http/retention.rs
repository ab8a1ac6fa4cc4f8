//! Personal data kept only as long as needed: the purge `serve` runs every night.

use jiff::SignedDuration;
use kiosk_backend::store::{RetentionPolicy, SqliteStore, Store};
use serde_json::json;

use crate::common::start;

#[tokio::test]
async fn a_booking_keeps_its_contact_data_until_a_week_after_the_appointment() {
    let env = start().await;
    let booking = env
        .book("town-hall", "passport", 1, "2026-03-24T10:00:00+01:00")
        .await;
    // An event as a kiosk's report leaves it (its payload names the booking).
    rusqlite::Connection::open(&env.db)
        .unwrap()
        .execute(
            "INSERT INTO events (kiosk_id, id, type, occurred_at, payload, received_s)
             VALUES ('k', 'e', 'kiosk.note', '2026-03-23T08:00:00+01:00', ?1, ?2)",
            rusqlite::params![
                json!({"booking_id": booking["id"]}).to_string(),
                env.clock.now().as_second()
            ],
        )
        .unwrap();
    let contact = |db: &std::path::Path| -> (String, Option<String>) {
        rusqlite::Connection::open(db)
            .unwrap()
            .query_row(
                "SELECT customer_name, customer_phone FROM bookings WHERE id = ?1",
                [booking["id"].as_str().unwrap()],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap()
    };
    let policy = RetentionPolicy::default();
    let store = SqliteStore::open(&env.db).unwrap();
    let now = env.clock.now();

    // The appointment is tomorrow: nothing of it may go.
    store.purge(now, &policy).unwrap();
    assert_eq!(
        contact(&env.db),
        ("Zoë Testpersoon".to_owned(), Some("0470123456".to_owned()))
    );

    // Eight days after it, and a month after the event: the name and phone are gone, the
    // booking itself (time, product, state) stays for the queue's history and the counts.
    let later = now
        .checked_add(SignedDuration::from_hours(24 * 40))
        .unwrap();
    let counts = store.purge(later, &policy).unwrap();
    assert!(counts.contacts >= 1 && counts.events >= 1, "{counts:?}");
    assert_eq!(contact(&env.db), (String::new(), None));
    let conn = rusqlite::Connection::open(&env.db).unwrap();
    let (status, payload): (String, String) = conn
        .query_row(
            "SELECT b.status, (SELECT payload FROM events WHERE type = 'kiosk.note')
             FROM bookings b WHERE b.id = ?1",
            [booking["id"].as_str().unwrap()],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!((status.as_str(), payload.as_str()), ("confirmed", "{}"));
    // A second purge finds nothing more.
    assert_eq!(
        store.purge(later, &policy).unwrap(),
        kiosk_backend::store::PurgeCounts::default()
    );
}
