//! The client's typed calls for booking and check-in, and the problem types the UI words for
//! the resident.

use jiff::civil::date;
use kiosk_api::{BookingStatus, CreateBooking, Customer, SlotsQuery, TicketStatus, problem_type};
use kiosk_core::sync::{Client, Fetched, IdempotencyKey, SyncError};

use crate::common::Env;

fn booking(location: &str, product: &str, start: &str) -> CreateBooking {
    CreateBooking {
        location_id: location.into(),
        product_id: product.into(),
        persons: 1,
        start: kiosk_api::rfc3339::parse(start).unwrap(),
        customer: Customer {
            name: "Zoë Testpersoon".into(),
            phone: Some("0470123456".into()),
            email: None,
        },
    }
}

async fn book(client: &Client, location: &str, product: &str, start: &str) -> kiosk_api::Booking {
    let held = client
        .create_booking(&booking(location, product, start), IdempotencyKey::new())
        .await
        .unwrap();
    client
        .confirm_booking(held.id, IdempotencyKey::new())
        .await
        .unwrap()
}

#[tokio::test]
async fn catalogue_is_fetched_once_then_answered_with_304() {
    let mut env = Env::start().await;
    let client = env.enrol().await;
    let Fetched::Modified { value, etag } = client.catalogue(None).await.unwrap() else {
        panic!("a first fetch has a body");
    };
    assert!(!value.products.is_empty());
    let etag = etag.expect("the catalogue carries an ETag");
    assert_eq!(
        client.catalogue(Some(&etag)).await.unwrap(),
        Fetched::NotModified
    );
    let store = env.store();
    store
        .save_catalogue(value.clone(), etag.clone(), env.now())
        .await
        .unwrap();
    let cached = store.catalogue().await.unwrap().unwrap();
    assert_eq!((cached.catalogue, cached.etag), (value, etag));
}

#[tokio::test]
async fn hold_confirm_and_check_in_through_the_client() {
    let mut env = Env::start().await;
    let client = env.enrol().await;
    let slots = client
        .slots(&SlotsQuery {
            location: "town-hall".into(),
            product: "passport".into(),
            persons: 1,
            from: date(2026, 3, 23),
            to: date(2026, 3, 23),
        })
        .await
        .unwrap();
    let ten = kiosk_api::rfc3339::parse("2026-03-23T10:00:00+01:00").unwrap();
    assert!(slots.iter().any(|s| s.start == ten), "10:00 is free");

    let request = booking("town-hall", "passport", "2026-03-23T10:00:00+01:00");
    let key = IdempotencyKey::new();
    let held = client.create_booking(&request, key).await.unwrap();
    assert_eq!(held.status, BookingStatus::Held);
    // A retry of the same operation (lost answer) reuses its key: the same booking, no second.
    let retried = client.create_booking(&request, key).await.unwrap();
    assert_eq!(retried.id, held.id);

    let confirm_key = IdempotencyKey::new();
    let confirmed = client.confirm_booking(held.id, confirm_key).await.unwrap();
    assert_eq!(confirmed.status, BookingStatus::Confirmed);
    assert_eq!(
        client
            .confirm_booking(held.id, confirm_key)
            .await
            .unwrap()
            .id,
        held.id
    );
    let found = client
        .lookup_booking(&held.code.to_lowercase())
        .await
        .unwrap();
    assert_eq!(found.id, held.id);

    // 08:00 is before the arrival window (09:30-10:10): too-early, with the window.
    let error = client
        .check_in(&held.code, IdempotencyKey::new())
        .await
        .unwrap_err();
    assert_eq!(
        error.problem_type(),
        Some(problem_type::TOO_EARLY),
        "{error}"
    );
    let problem = error.problem().unwrap();
    assert_eq!(
        problem.extensions["window_start"],
        "2026-03-23T09:30:00+01:00"
    );
    assert!(!error.is_offline());

    env.set_now("2026-03-23T09:45:00+01:00[Europe/Brussels]");
    let first = client
        .check_in(&held.qr_payload, IdempotencyKey::new())
        .await
        .unwrap();
    assert!(first.created);
    assert_eq!(first.ticket.status, TicketStatus::Waiting);
    let second = client
        .check_in(&held.code, IdempotencyKey::new())
        .await
        .unwrap();
    assert!(!second.created, "a second check-in gets the same ticket");
    assert_eq!(second.ticket.id, first.ticket.id);
    assert_eq!(
        client.ticket(first.ticket.id).await.unwrap().number,
        first.ticket.number
    );

    let cancelled = book(
        &client,
        "town-hall",
        "passport",
        "2026-03-23T11:00:00+01:00",
    )
    .await;
    let gone = client
        .cancel_booking(cancelled.id, &cancelled.code)
        .await
        .unwrap();
    assert_eq!(gone.status, BookingStatus::Cancelled);
}

#[tokio::test]
async fn problems_keep_their_type_slot_taken_and_too_late() {
    let mut env = Env::start().await;
    let client = env.enrol().await;
    // One desk at the branch (open Tuesday morning): a second booking of the same slot is
    // refused by the database.
    book(
        &client,
        "branch-kiezel",
        "eid-pickup",
        "2026-03-24T10:00:00+01:00",
    )
    .await;
    let error = client
        .create_booking(
            &booking("branch-kiezel", "eid-pickup", "2026-03-24T10:00:00+01:00"),
            IdempotencyKey::new(),
        )
        .await
        .unwrap_err();
    assert_eq!(
        error.problem_type(),
        Some(problem_type::SLOT_TAKEN),
        "{error}"
    );
    assert_eq!(error.problem().unwrap().status, 409);

    let today = book(
        &client,
        "town-hall",
        "passport",
        "2026-03-23T10:00:00+01:00",
    )
    .await;
    env.set_now("2026-03-23T12:00:00+01:00[Europe/Brussels]");
    let error = client
        .check_in(&today.code, IdempotencyKey::new())
        .await
        .unwrap_err();
    assert_eq!(
        error.problem_type(),
        Some(problem_type::TOO_LATE),
        "{error}"
    );

    let error = client.lookup_booking("ABCDE23456").await.unwrap_err();
    assert_eq!(error.problem_type(), Some(problem_type::BOOKING_NOT_FOUND));
}

#[tokio::test]
async fn an_unreachable_backend_is_offline_not_a_problem() {
    let mut env = Env::start().await;
    let client = env.enrol().await;
    env.stop_backend().await;
    let error = client.catalogue(None).await.unwrap_err();
    assert!(matches!(error, SyncError::Unreachable(_)), "{error}");
    assert!(error.is_offline() && error.is_transient());
    assert!(error.problem().is_none());
}
