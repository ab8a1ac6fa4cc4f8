//! THE outbox guarantee: every event reaches the backend exactly once, even when the backend goes
//! down in the middle of the drain and comes back on the same database and port.

use std::collections::BTreeSet;

use kiosk_core::store::outbox;
use kiosk_core::sync::{Link, SyncOptions};
use uuid::Uuid;

use crate::common::{Env, fast_options, until};

const EVENTS: usize = 500;

#[tokio::test]
async fn outbox_drain_survives_a_backend_restart_and_delivers_each_event_exactly_once() {
    let mut env = Env::start().await;
    let client = env.enrol().await;
    let store = env.store();
    let now = env.now();
    let ids: Vec<Uuid> = store
        .write(move |tx| {
            (0..EVENTS)
                .map(|n| outbox::enqueue(tx, "session.ended", &serde_json::json!({ "n": n }), &now))
                .collect()
        })
        .await
        .unwrap();
    assert_eq!(store.outbox_depth().await.unwrap().pending, EVENTS as u32);

    // Small batches make "the middle of the drain" a wide target.
    let options = SyncOptions {
        batch_size: 10,
        ..fast_options()
    };
    let sync = env.start_sync(client, store.clone(), options);
    until("the drain to start", async || {
        let pending = store.outbox_depth().await.unwrap().pending;
        (pending < EVENTS as u32).then_some(())
    })
    .await;
    env.stop_backend().await;
    let pending = store.outbox_depth().await.unwrap().pending;
    let delivered: u32 = env.backend_query(
        "SELECT COUNT(*) FROM events WHERE type = 'session.ended'",
        |r| r.get(0),
    );
    assert!(
        pending > 0,
        "the backend stopped after the drain, not during it"
    );
    assert!(delivered < EVENTS as u32);

    let mut state = sync.state();
    until("the offline state", async || {
        matches!(state.borrow_and_update().link, Link::Offline { .. }).then_some(())
    })
    .await;
    env.restart_backend().await;
    until("the outbox to drain", async || {
        (store.outbox_depth().await.unwrap().pending == 0).then_some(())
    })
    .await;

    let (rows, distinct): (u32, u32) = env.backend_query(
        "SELECT COUNT(*), COUNT(DISTINCT id) FROM events WHERE type = 'session.ended'",
        |r| Ok((r.get(0)?, r.get(1)?)),
    );
    assert_eq!((rows, distinct), (EVENTS as u32, EVENTS as u32));
    let conn = rusqlite::Connection::open(&env.backend_db).unwrap();
    let mut stmt = conn
        .prepare("SELECT id FROM events WHERE type = 'session.ended'")
        .unwrap();
    let arrived: BTreeSet<Uuid> = stmt
        .query_map([], |r| r.get::<_, String>(0))
        .unwrap()
        .map(|id| Uuid::parse_str(&id.unwrap()).unwrap())
        .collect();
    assert_eq!(arrived, ids.iter().copied().collect::<BTreeSet<_>>());
    let depth = store.outbox_depth().await.unwrap();
    assert_eq!((depth.pending, depth.rejected), (0, 0));
    until("the online state", async || {
        let s = state.borrow_and_update().clone();
        (s.is_online() && s.outbox_depth == 0).then_some(())
    })
    .await;
    sync.shutdown().await;
}

#[tokio::test]
async fn a_kiosk_stopped_mid_drain_sends_the_rest_after_its_restart_exactly_once() {
    let mut env = Env::start().await;
    let client = env.enrol().await;
    let store = env.store();
    let now = env.now();
    store
        .write(move |tx| {
            (0..EVENTS).try_for_each(|n| {
                outbox::enqueue(tx, "print.failed", &serde_json::json!({ "n": n }), &now).map(drop)
            })
        })
        .await
        .unwrap();
    let options = SyncOptions {
        batch_size: 10,
        ..fast_options()
    };
    let sync = env.start_sync(client.clone(), store.clone(), options.clone());
    until("the drain to start", async || {
        let pending = store.outbox_depth().await.unwrap().pending;
        (pending < EVENTS as u32).then_some(())
    })
    .await;
    // The kiosk stops (a batch may be in flight and its answer lost) and starts again.
    sync.shutdown().await;
    drop(store);
    let store = env.store();
    assert!(store.outbox_depth().await.unwrap().pending > 0);
    let sync = env.start_sync(client, store.clone(), options);
    until("the outbox to drain", async || {
        (store.outbox_depth().await.unwrap().pending == 0).then_some(())
    })
    .await;
    let (rows, distinct): (u32, u32) = env.backend_query(
        "SELECT COUNT(*), COUNT(DISTINCT id) FROM events WHERE type = 'print.failed'",
        |r| Ok((r.get(0)?, r.get(1)?)),
    );
    assert_eq!((rows, distinct), (EVENTS as u32, EVENTS as u32));
    sync.shutdown().await;
}
