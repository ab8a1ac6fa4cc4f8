//! The background sync: started once with [`start`], it keeps the heartbeat going, refreshes
//! what the kiosk needs offline, and drains the outbox. The UI only reads its state.

use std::sync::Arc;
use std::time::Duration;

use tokio::sync::{Notify, watch};
use tokio::task::JoinHandle;

use super::{Client, ConnectionState, DeviceStatus, SyncError, drain, heartbeat};
use crate::clock::Clock;
use crate::store::Store;

/// How often and how much; the defaults suit a kiosk, tests shorten them.
#[derive(Debug, Clone)]
pub struct SyncOptions {
    /// Sent in the heartbeat.
    pub app_version: String,
    pub heartbeat_every: Duration,
    /// Catalogue, today's arrivals and ticket blocks are refreshed this often (and whenever the
    /// heartbeat says the catalogue changed, or the backend comes back).
    pub refresh_every: Duration,
    /// First wait after a failed delivery; doubles up to `backoff_max`.
    pub backoff_base: Duration,
    pub backoff_max: Duration,
    /// Events per `POST me/events`, at most [`kiosk_api::MAX_EVENTS_PER_BATCH`].
    pub batch_size: usize,
    /// Numbers asked for in one ticket block.
    pub block_size: u32,
    /// A new block is asked for when fewer numbers than this are left.
    pub block_low_water: u32,
}

impl Default for SyncOptions {
    fn default() -> Self {
        SyncOptions {
            app_version: env!("CARGO_PKG_VERSION").to_owned(),
            heartbeat_every: Duration::from_secs(5),
            refresh_every: Duration::from_secs(120),
            backoff_base: Duration::from_millis(500),
            backoff_max: Duration::from_secs(60),
            batch_size: kiosk_api::MAX_EVENTS_PER_BATCH,
            block_size: 20,
            block_low_water: 5,
        }
    }
}

/// What the sync tasks share.
pub(crate) struct Shared {
    pub client: Client,
    pub store: Store,
    pub clock: Arc<dyn Clock>,
    pub options: SyncOptions,
    pub state: watch::Sender<ConnectionState>,
    pub refresh: Notify,
}

impl Shared {
    /// The backend answered.
    pub fn contact(&self) {
        let now = self.clock.now();
        self.state.send_modify(|s| s.contact(&now));
    }

    /// A call failed: note it in the state; log it once per change of kind, not on every retry.
    pub fn failure(&self, what: &'static str, error: &SyncError) {
        let now = self.clock.now();
        let kind = error.kind();
        let repeated = self.state.borrow().last_error.as_ref() == Some(&kind);
        if repeated {
            tracing::debug!(%error, what, "backend call failed again");
        } else {
            // The error's text holds no personal data: URLs are stripped, problems show their type.
            tracing::warn!(%error, what, "backend call failed");
        }
        self.state.send_modify(|s| s.failure(kind, &now));
    }

    pub async fn publish_outbox(&self) {
        match self.store.outbox_depth().await {
            Ok(depth) => {
                self.state.send_if_modified(|s| {
                    let before = (s.outbox_depth, s.rejected_events);
                    s.outbox(&depth);
                    before != (s.outbox_depth, s.rejected_events)
                });
            }
            Err(e) => tracing::error!(error = %e, "cannot read the outbox depth"),
        }
    }
}

/// Waits `delay`; `true` when the sync is being stopped instead.
pub(crate) async fn pause(stop: &mut watch::Receiver<bool>, delay: Duration) -> bool {
    tokio::select! {
        () = tokio::time::sleep(delay) => false,
        () = stopped(stop) => true,
    }
}

/// Resolves when the sync is told to stop (or its handle is gone).
pub(crate) async fn stopped(stop: &mut watch::Receiver<bool>) {
    let _ = stop.wait_for(|s| *s).await;
}

/// The running sync: its state for the UI, a way to ask for a refresh, and its shutdown.
pub struct SyncHandle {
    shared: Arc<Shared>,
    state: watch::Receiver<ConnectionState>,
    stop: watch::Sender<bool>,
    tasks: Vec<JoinHandle<()>>,
}

/// Starts the sync on the current tokio runtime. `client` must carry the kiosk's token (see
/// [`super::connect`]); `devices` is the device state the caller keeps up to date for the
/// heartbeat; `clock` gives the location's wall time ("today", `kiosk_time`).
pub fn start(
    client: Client,
    store: Store,
    clock: Arc<dyn Clock>,
    devices: watch::Receiver<DeviceStatus>,
    options: SyncOptions,
) -> SyncHandle {
    let (state_tx, state) = watch::channel(ConnectionState::new());
    let (stop, stop_rx) = watch::channel(false);
    let shared = Arc::new(Shared {
        client,
        store,
        clock,
        options,
        state: state_tx,
        refresh: Notify::new(),
    });
    let tasks = vec![
        tokio::spawn(heartbeat::run(
            Arc::clone(&shared),
            devices,
            stop_rx.clone(),
        )),
        tokio::spawn(drain::run(Arc::clone(&shared), stop_rx)),
    ];
    SyncHandle {
        shared,
        state,
        stop,
        tasks,
    }
}

impl SyncHandle {
    /// The connection state; turn it into a subscription (`WatchStream`, or `changed()` in a loop).
    pub fn state(&self) -> watch::Receiver<ConnectionState> {
        self.state.clone()
    }

    /// The client with the kiosk's token, for bookings and check-in.
    pub fn client(&self) -> &Client {
        &self.shared.client
    }

    pub fn store(&self) -> &Store {
        &self.shared.store
    }

    /// Refreshes catalogue, arrivals and ticket blocks now instead of at the next period.
    pub fn refresh_now(&self) {
        self.shared.refresh.notify_one();
    }

    /// Stops the tasks: a request in flight is abandoned (its events stay in the outbox and go
    /// again, with the same ids, after the next start). Waits for the tasks to end.
    pub async fn shutdown(self) {
        let _ = self.stop.send(true);
        for task in self.tasks {
            if let Err(e) = task.await {
                tracing::error!(error = %e, "a sync task ended abnormally");
            }
        }
    }
}
