use reqwest::StatusCode;

use crate::common::{booking_body, start_with};

/// The database, not a lock in the process, decides: one desk, one slot, fifty kiosks at once.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn fifty_concurrent_bookings_of_one_slot_give_one_201_and_49_409() {
    // Fifty kiosks, played by one token: above the per-kiosk hold limit (30 in 10 minutes).
    let env = start_with(crate::common::MONDAY_MORNING, |config| {
        config.kiosk_limits = kiosk_backend::KioskLimits::off();
    })
    .await;
    let body = booking_body(
        "branch-kiezel",
        "eid-application",
        1,
        "2026-03-24T10:00:00+01:00",
    );
    let mut tasks = Vec::new();
    for _ in 0..50 {
        let request = env.post("/v1/bookings", &body);
        tasks.push(tokio::spawn(async move {
            request.send().await.unwrap().status()
        }));
    }
    let mut created = 0;
    let mut conflicts = 0;
    for task in tasks {
        match task.await.unwrap() {
            StatusCode::CREATED => created += 1,
            StatusCode::CONFLICT => conflicts += 1,
            other => panic!("unexpected {other}"),
        }
    }
    assert_eq!((created, conflicts), (1, 49));
    let conn = rusqlite::Connection::open(&env.db).unwrap();
    let held: i64 = conn
        .query_row(
            "SELECT COUNT(*) FROM bookings WHERE location_id = 'branch-kiezel' AND status = 'held'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(held, 1);
    // Even SQL that skips the re-check cannot claim that desk and time again: the key refuses it.
    let duplicate = conn.execute(
        "INSERT INTO slot_claims (location_id, desk, unit, booking_id)
         SELECT c.location_id, c.desk, c.unit, (SELECT id FROM bookings WHERE status = 'confirmed' LIMIT 1)
         FROM slot_claims c JOIN bookings b ON b.id = c.booking_id WHERE b.status = 'held'",
        [],
    );
    assert!(duplicate.is_err(), "the database accepted a second claim");
}
