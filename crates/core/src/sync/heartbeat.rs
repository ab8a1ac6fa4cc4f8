//! The heartbeat task: `PUT me/status` every few seconds, and when the backend answers, keep the
//! offline supplies fresh (catalogue, today's arrivals, ticket blocks; see [`super::refresh`]).

use std::collections::HashMap;
use std::sync::Arc;

use jiff::civil::Date;
use kiosk_api::{KioskStatus, StatusResponse};
use tokio::sync::watch;
use tokio::time::Instant;

use super::service::{Shared, stopped};
use super::{DeviceStatus, IdempotencyKey, SyncError, refresh};

pub(crate) async fn run(
    shared: Arc<Shared>,
    devices: watch::Receiver<DeviceStatus>,
    mut stop: watch::Receiver<bool>,
) {
    if let Ok(Some(tag)) = shared.store.catalogue_etag().await {
        shared
            .state
            .send_modify(|s| s.catalogue_etag = Some(tag.clone()));
    }
    shared.publish_outbox().await;
    // Keys of ticket-block requests not yet answered: a retry must not reserve a second block.
    let mut block_keys: HashMap<(String, Date), IdempotencyKey> = HashMap::new();
    let mut next_refresh = Instant::now();
    let mut forced = false;
    loop {
        if shared.state.borrow().is_unauthorized() {
            // Retrying with a refused token only fills the backend's log; staff must enrol again.
            stopped(&mut stop).await;
            return;
        }
        let was_online = shared.state.borrow().is_online();
        let beat = tokio::select! {
            beat = beat(&shared, &devices) => beat,
            () = stopped(&mut stop) => return,
        };
        let catalogue_changed = match beat {
            Ok(answer) => {
                shared.contact();
                shared.state.borrow().catalogue_etag.as_deref() != Some(&answer.catalogue_etag)
            }
            Err(e) => {
                shared.failure("heartbeat", &e);
                false
            }
        };
        let online = shared.state.borrow().is_online();
        let due = Instant::now() >= next_refresh;
        if online && (catalogue_changed || !was_online || due || forced) {
            let done = tokio::select! {
                done = refresh::all(&shared, &mut block_keys) => done,
                () = stopped(&mut stop) => return,
            };
            match done {
                Ok(()) => {
                    next_refresh = Instant::now() + shared.options.refresh_every;
                    forced = false;
                }
                Err(e) => shared.failure("refresh", &e),
            }
        }
        tokio::select! {
            () = tokio::time::sleep(shared.options.heartbeat_every) => {}
            () = shared.refresh.notified() => forced = true,
            () = stopped(&mut stop) => return,
        }
    }
}

async fn beat(
    shared: &Shared,
    devices: &watch::Receiver<DeviceStatus>,
) -> Result<StatusResponse, SyncError> {
    let depth = shared.store.outbox_depth().await?;
    shared.state.send_if_modified(|s| {
        let before = s.outbox_depth;
        s.outbox(&depth);
        before != s.outbox_depth
    });
    let device = devices.borrow().clone();
    let status = KioskStatus {
        app_version: shared.options.app_version.clone(),
        printer: device.printer,
        card_reader: device.card_reader,
        scanner: device.scanner,
        outbox_depth: depth.pending,
        oldest_pending_at: depth.oldest_pending_at,
        kiosk_time: shared.clock.now(),
    };
    shared.client.heartbeat(&status).await
}
