//! Walk-in numbers through the helper the UI uses: the backend's number while it answers, the
//! kiosk's own from its block while it does not, delivered once when it is back.

use jiff::civil::date;
use kiosk_api::problem_type;
use kiosk_core::sync::{IdempotencyKey, Link, TakeNumberError, WalkInOutcome, take_walk_in_number};

use crate::common::{Env, fast_options, until};

#[tokio::test]
async fn a_walk_in_number_online_then_offline_from_the_block_reaches_the_backend_once() {
    let mut env = Env::start().await;
    env.set_now("2026-03-23T09:00:00+01:00[Europe/Brussels]");
    let client = env.enrol().await;
    let store = env.store();
    let sync = env.start_sync(client.clone(), store.clone(), fast_options());
    let day = date(2026, 3, 23);
    // The refresh reserves a block for every queue service of the catalogue, walk-in ones too.
    until("a block for walk-ins", async || {
        let left = store
            .ticket_numbers_left("collect".into(), day)
            .await
            .unwrap();
        (left == 20).then_some(())
    })
    .await;

    let online = take_walk_in_number(&client, &store, "collect", IdempotencyKey::new(), env.now())
        .await
        .unwrap();
    let WalkInOutcome::Online(ticket) = online else {
        panic!("the backend is up: {online:?}");
    };
    assert_eq!((ticket.number.as_str(), ticket.people_ahead), ("E001", 0));

    env.stop_backend().await;
    let mut state = sync.state();
    until("the offline state", async || {
        matches!(state.borrow_and_update().link, Link::Offline { .. }).then_some(())
    })
    .await;
    let offline = take_walk_in_number(&client, &store, "collect", IdempotencyKey::new(), env.now())
        .await
        .unwrap();
    let WalkInOutcome::Offline(given) = offline else {
        panic!("the backend is down: {offline:?}");
    };
    assert_eq!((given.number.as_str(), given.sequence), ("E901", 901));
    assert_eq!(store.outbox_depth().await.unwrap().pending, 1);

    env.restart_backend().await;
    until("the outbox to drain", async || {
        let s = state.borrow_and_update().clone();
        (s.outbox_depth == 0 && s.is_online()).then_some(())
    })
    .await;
    let walk_ins: Vec<(u32, bool)> = env.backend_query(
        "SELECT group_concat(sequence || ':' || offline) FROM tickets
          WHERE queue_service_id = 'collect' AND booking_id IS NULL ORDER BY sequence",
        |r| {
            let joined: String = r.get(0)?;
            Ok(joined
                .split(',')
                .map(|pair| {
                    let (sequence, offline) = pair.split_once(':').unwrap_or_default();
                    (sequence.parse().unwrap_or(0), offline == "1")
                })
                .collect())
        },
    );
    assert_eq!(walk_ins, [(1, false), (901, true)], "each number once");
    sync.shutdown().await;
}

#[tokio::test]
async fn a_closed_service_is_refused_with_its_problem_and_nothing_is_numbered() {
    let mut env = Env::start().await;
    // 14:00: the information desk takes walk-ins in the morning only.
    env.set_now("2026-03-23T14:00:00+01:00[Europe/Brussels]");
    let client = env.enrol().await;
    let store = env.store();
    let refused = take_walk_in_number(
        &client,
        &store,
        "information",
        IdempotencyKey::new(),
        env.now(),
    )
    .await
    .unwrap_err();
    let TakeNumberError::Backend(error) = &refused else {
        panic!("the backend answered: {refused:?}");
    };
    assert_eq!(error.problem_type(), Some(problem_type::WALK_IN_CLOSED));
    assert_eq!(store.outbox_depth().await.unwrap().pending, 0);
}
