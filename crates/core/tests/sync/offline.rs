//! Offline check-in: the code matched by digest against the cached arrivals, the number from the
//! kiosk's block, one local ticket and one event; the sync delivers the event once.

use jiff::civil::date;
use kiosk_api::{CreateBooking, Customer, problem_type};
use kiosk_core::store::CheckinError;
use kiosk_core::sync::{self, CheckInOutcome, IdempotencyKey, Link};

use crate::common::{Env, fast_options, until};

#[tokio::test]
async fn offline_check_in_uses_cached_arrivals_and_block_numbers_and_is_delivered_once() {
    let mut env = Env::start().await;
    let client = env.enrol().await;
    let held = book(&client, "2026-03-23T10:00:00+01:00").await;

    let store = env.store();
    let sync = env.start_sync(client.clone(), store.clone(), fast_options());
    let day = date(2026, 3, 23);
    // The refresh after the first heartbeat caches the catalogue, today's arrivals and blocks.
    let catalogue = until("the catalogue", async || store.catalogue().await.unwrap()).await;
    let queue = catalogue
        .catalogue
        .products
        .iter()
        .find(|p| p.id == "passport")
        .unwrap()
        .queue_service_id
        .clone();
    let prefix = catalogue
        .catalogue
        .queue_services
        .iter()
        .find(|q| q.id == queue)
        .unwrap()
        .prefix
        .clone();
    until("arrivals and a ticket block", async || {
        let arrivals = store.arrivals_count(day).await.unwrap();
        let numbers = store.ticket_numbers_left(queue.clone(), day).await.unwrap();
        (arrivals == 1 && numbers == 20).then_some(())
    })
    .await;
    // The kiosk keeps digests only: the code is nowhere in its database.
    let bytes = std::fs::read(store.path()).unwrap();
    assert!(
        !bytes
            .windows(held.code.len())
            .any(|w| w == held.code.as_bytes())
    );

    env.stop_backend().await;
    let mut state = sync.state();
    until("the offline state", async || {
        matches!(state.borrow_and_update().link, Link::Offline { .. }).then_some(())
    })
    .await;

    // Too early offline as online: the window comes from the cached arrival.
    let early = store
        .offline_check_in(&held.code, env.now())
        .await
        .unwrap_err();
    assert!(matches!(early, CheckinError::TooEarly { .. }), "{early}");
    assert_eq!(early.problem_type(), Some(problem_type::TOO_EARLY));
    let unknown = store
        .offline_check_in("ABCDE23456", env.now())
        .await
        .unwrap_err();
    assert!(matches!(unknown, CheckinError::UnknownCode));

    env.set_now("2026-03-23T09:45:00+01:00[Europe/Brussels]");
    let typed = format!("{}-{}", &held.code[..5].to_lowercase(), &held.code[5..]);
    // Through the helper the UI uses: the backend does not answer, so the kiosk numbers it.
    let outcome = sync::check_in(&client, &store, &typed, IdempotencyKey::new(), env.now())
        .await
        .unwrap();
    assert!(!outcome.already_had_it(), "a new number, not told again");
    let CheckInOutcome::Offline(ticket) = outcome else {
        panic!("the backend is down: {outcome:?}");
    };
    assert_eq!(ticket.number, format!("{prefix}901"));
    assert_eq!((ticket.sequence, ticket.booking_id), (901, held.id));
    let again = sync::check_in(
        &client,
        &store,
        &held.qr_payload,
        IdempotencyKey::new(),
        env.now(),
    )
    .await
    .unwrap();
    assert!(again.already_had_it());
    let CheckInOutcome::OfflineAgain(again) = again else {
        panic!("scanned again offline: {again:?}");
    };
    assert_eq!(again.number, ticket.number);
    assert_eq!(store.outbox_depth().await.unwrap().pending, 1);
    until("the outbox depth in the state", async || {
        (state.borrow_and_update().outbox_depth == 1).then_some(())
    })
    .await;
    assert_eq!(
        store.ticket_numbers_left(queue.clone(), day).await.unwrap(),
        19
    );

    env.restart_backend().await;
    until("the outbox to drain", async || {
        let s = state.borrow_and_update().clone();
        (s.outbox_depth == 0 && s.is_online()).then_some(())
    })
    .await;
    assert_eq!(store.outbox_depth().await.unwrap().pending, 0);
    let (sequence, offline): (u32, bool) = env.backend_query(
        &format!(
            "SELECT sequence, offline FROM tickets WHERE booking_id = '{}'",
            held.id
        ),
        |r| Ok((r.get(0)?, r.get(1)?)),
    );
    assert_eq!((sequence, offline), (901, true));
    let events: u32 = env.backend_query(
        "SELECT COUNT(*) FROM events WHERE type = 'ticket.offline_checkin'",
        |r| r.get(0),
    );
    assert_eq!(events, 1);

    // Back online, the booking's ticket is the one printed offline.
    let outcome = sync::check_in(
        &client,
        &store,
        &held.code,
        IdempotencyKey::new(),
        env.now(),
    )
    .await
    .unwrap();
    // The resident is told "you already have a number", online as offline.
    assert!(outcome.already_had_it());
    let CheckInOutcome::Online(online) = outcome else {
        panic!("the backend is up: {outcome:?}");
    };
    assert!(!online.created);
    assert_eq!(online.ticket.number, ticket.number);
    sync.shutdown().await;
}

/// A confirmed passport appointment at `start` (RFC 3339) for a synthetic resident.
async fn book(client: &sync::Client, start: &str) -> kiosk_api::Booking {
    let held = client
        .create_booking(
            &CreateBooking {
                location_id: "town-hall".into(),
                product_id: "passport".into(),
                persons: 1,
                start: kiosk_api::rfc3339::parse(start).unwrap(),
                customer: Customer {
                    name: "Zoë Testpersoon".into(),
                    phone: Some("0470123456".into()),
                    email: None,
                },
            },
            IdempotencyKey::new(),
        )
        .await
        .unwrap();
    client
        .confirm_booking(held.id, IdempotencyKey::new())
        .await
        .unwrap()
}

#[tokio::test]
async fn a_booking_with_a_number_gets_the_same_number_when_scanned_again_offline() {
    let mut env = Env::start().await;
    let client = env.enrol().await;
    let other_kiosk = env.enrol().await;
    let mine = book(&client, "2026-03-23T10:00:00+01:00").await;
    let theirs = book(&client, "2026-03-23T10:15:00+01:00").await;
    env.set_now("2026-03-23T09:50:00+01:00[Europe/Brussels]");
    let store = env.store();

    // Online: this kiosk checks `mine` in; another kiosk checks `theirs` in.
    let first = sync::check_in(
        &client,
        &store,
        &mine.code,
        IdempotencyKey::new(),
        env.now(),
    )
    .await
    .unwrap();
    let CheckInOutcome::Online(first) = first else {
        panic!("the backend is up: {first:?}");
    };
    assert!(first.created);
    let elsewhere = other_kiosk
        .check_in(&theirs.code, IdempotencyKey::new())
        .await
        .unwrap();

    // The sync caches today's arrivals (with the numbers they have) and a block.
    let sync = env.start_sync(client.clone(), store.clone(), fast_options());
    let day = date(2026, 3, 23);
    until("arrivals and a ticket block", async || {
        let arrivals = store.arrivals_count(day).await.unwrap();
        let numbers = store
            .ticket_numbers_left(first.ticket.queue_service_id.clone(), day)
            .await
            .unwrap();
        (arrivals == 2 && numbers == 20).then_some(())
    })
    .await;
    env.stop_backend().await;
    let mut state = sync.state();
    until("the offline state", async || {
        matches!(state.borrow_and_update().link, Link::Offline { .. }).then_some(())
    })
    .await;

    // Scanned again with the backend down: the number each already has, nothing new.
    for (booking, number) in [
        (&mine, &first.ticket.number),
        (&theirs, &elsewhere.ticket.number),
    ] {
        let again = sync::check_in(
            &client,
            &store,
            &booking.qr_payload,
            IdempotencyKey::new(),
            env.now(),
        )
        .await
        .unwrap();
        let CheckInOutcome::OfflineAgain(known) = again else {
            panic!("a second number for a booking that has {number}: {again:?}");
        };
        assert_eq!(&known.number, number);
        assert_eq!(known.booking_id, booking.id);
    }
    assert_ne!(first.ticket.number, elsewhere.ticket.number);
    assert_eq!(store.outbox_depth().await.unwrap().pending, 0);
    assert_eq!(
        store
            .ticket_numbers_left(first.ticket.queue_service_id.clone(), day)
            .await
            .unwrap(),
        20
    );
    sync.shutdown().await;
}
