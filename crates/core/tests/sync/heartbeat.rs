//! The heartbeat tells the backend what the caller reports about the devices (and the outbox depth,
//! read from the same query that feeds the connection state).

use kiosk_api::{DeviceState, KioskStatus, PrinterState, PrinterStatus};
use kiosk_core::sync::{DeviceStatus, SyncOptions};

use crate::common::{Env, fast_options, until};

#[tokio::test]
async fn heartbeat_reports_the_devices_and_the_state_shows_the_outbox() {
    let mut env = Env::start().await;
    let client = env.enrol().await;
    let store = env.store();
    env.devices.send_replace(DeviceStatus {
        printer: PrinterStatus {
            state: PrinterState::PaperLow,
            detail: None,
        },
        card_reader: DeviceState::Ok,
        scanner: DeviceState::Absent,
    });
    let sync = env.start_sync(
        client,
        store.clone(),
        SyncOptions {
            app_version: "9.9.9-test".into(),
            ..fast_options()
        },
    );
    let last_status = || -> Option<KioskStatus> {
        let text: Option<String> =
            env.backend_query("SELECT last_status FROM kiosks", |r| r.get(0));
        text.map(|t| serde_json::from_str(&t).unwrap())
    };
    let first = until("a heartbeat", async || last_status()).await;
    assert_eq!(first.app_version, "9.9.9-test");
    assert_eq!(first.printer.state, PrinterState::PaperLow);
    assert_eq!(first.card_reader, DeviceState::Ok);
    assert_eq!(first.outbox_depth, 0);

    // The caller's later report reaches the next heartbeat.
    env.devices
        .send_modify(|d| d.printer.state = PrinterState::PaperOut);
    until("the paper-out heartbeat", async || {
        last_status().filter(|s| s.printer.state == PrinterState::PaperOut)
    })
    .await;
    sync.shutdown().await;

    // Events queued while the sync is stopped show in the next start's state, offline too.
    store
        .enqueue_event("print.failed", serde_json::json!({}), env.now())
        .await
        .unwrap();
    let depth = store.outbox_depth().await.unwrap();
    assert_eq!(depth.pending, 1);
    let client = kiosk_core::sync::connect(&env.base_url(), &env.settings, "test-hardware")
        .await
        .unwrap();
    env.stop_backend().await;
    let sync = env.start_sync(client, store.clone(), fast_options());
    let mut state = sync.state();
    let seen = until("the depth in the state", async || {
        let s = state.borrow_and_update().clone();
        (s.outbox_depth == 1).then_some(s)
    })
    .await;
    assert_eq!(seen.oldest_pending_at, depth.oldest_pending_at);
    env.restart_backend().await;
    until("the queued event delivered", async || {
        (store.outbox_depth().await.unwrap().pending == 0).then_some(())
    })
    .await;
    sync.shutdown().await;
}
