//! The kiosk's link to its municipality's backend, opened before the UI: the embedded reference
//! backend when the config says `embedded`, enrolment (first start) or the kept token, and the
//! background sync (heartbeat, catalogue and arrivals, ticket blocks, outbox) on a runtime of its
//! own, so that it goes on whatever the screen is doing.

use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use anyhow::Context as _;
use kiosk_core::clock::Clock;
use kiosk_core::config::{BackendSettings, BackendTarget, Config};
use kiosk_core::devices::hub::DevicesHub;
use kiosk_core::store::Store;
use kiosk_core::sync::{
    self, Client, ConnectionState, DeviceStatus, Link, SyncHandle, SyncOptions,
};
use tokio::sync::watch;

use crate::embedded::EmbeddedBackend;

/// The sync once it runs, with what was learnt at enrolment.
struct Connected {
    sync: SyncHandle,
    location_id: Option<String>,
}

pub struct BackendLink {
    // Drop order: the sync stops before its runtime, and before the embedded backend.
    connected: Arc<Mutex<Option<Connected>>>,
    /// The connection as the UI sees it: the sync's state once it runs, "offline" until then.
    state: watch::Receiver<ConnectionState>,
    runtime: tokio::runtime::Runtime,
    _embedded: Option<EmbeddedBackend>,
}

/// First wait before trying to reach a backend that did not answer at start; doubles up to
/// [`RETRY_MAX`].
const RETRY_FIRST: Duration = Duration::from_secs(2);
const RETRY_MAX: Duration = Duration::from_secs(60);

impl BackendLink {
    /// Starts the embedded backend if configured, connects (enrolling on first start) and starts
    /// the sync. A backend that cannot be reached at first start is not an error: the kiosk runs
    /// offline, says so, and keeps trying in the background; an unusable local store or
    /// embedded backend is an error.
    /// The heartbeat reports the devices as `devices` holds them.
    pub fn start(
        config: &Config,
        clock: Arc<dyn Clock>,
        devices: &DevicesHub,
    ) -> anyhow::Result<Self> {
        let embedded = match config.backend.target {
            BackendTarget::Embedded => Some(EmbeddedBackend::start(&config.kiosk.data_dir)?),
            BackendTarget::Remote(_) => None,
        };
        let mut settings = config.backend.clone();
        let base_url = match (&config.backend.target, &embedded) {
            (BackendTarget::Remote(url), _) => url.clone(),
            (BackendTarget::Embedded, Some(backend)) => {
                if !settings.token_file.exists() {
                    settings.enrolment_code = Some(backend.enrolment_code()?);
                }
                backend.base_url()
            }
            (BackendTarget::Embedded, None) => anyhow::bail!("the embedded backend did not start"),
        };
        let store = Store::open_in(&config.kiosk.data_dir)
            .context("cannot open the kiosk's local store")?;
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .thread_name("sync")
            .enable_all()
            .build()?;
        let devices_rx = devices.subscribe();
        let (state_tx, state) = watch::channel(ConnectionState::new());
        let connected = Arc::new(Mutex::new(None));
        let attempt = Connect {
            base_url,
            settings,
            store,
            clock,
            devices: devices_rx,
        };
        match runtime.block_on(attempt.try_once()) {
            Ok(running) => publish(runtime.handle(), &connected, &state_tx, running),
            Err(error) => {
                // Offline at first start, or not enrolled yet: the kiosk serves what it can and
                // connects as soon as the backend answers.
                tracing::error!(%error, "not connected to the backend; trying again in the background");
                let now = attempt.clock.now();
                state_tx.send_modify(|state| state.link = Link::Offline { since: now });
                let (connected, runtime_handle) =
                    (Arc::clone(&connected), runtime.handle().clone());
                runtime.spawn(async move {
                    let running = attempt.until_connected().await;
                    publish(&runtime_handle, &connected, &state_tx, running);
                });
            }
        }
        Ok(Self {
            connected,
            state,
            runtime,
            _embedded: embedded,
        })
    }

    fn with_sync<T>(&self, f: impl FnOnce(&Connected) -> T) -> Option<T> {
        self.connected
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .as_ref()
            .map(f)
    }

    /// The connection as the UI shows it.
    pub fn state(&self) -> watch::Receiver<ConnectionState> {
        self.state.clone()
    }

    /// The client with the kiosk's token, for bookings and check-in; `None` until connected.
    pub fn client(&self) -> Option<Client> {
        self.with_sync(|c| c.sync.client().clone())
    }

    /// The kiosk's local store (cached catalogue and arrivals, ticket blocks, outbox).
    pub fn store(&self) -> Option<Store> {
        self.with_sync(|c| c.sync.store().clone())
    }

    /// Refreshes catalogue, today's arrivals and ticket blocks now: after a booking made here, so
    /// that it can be checked in offline at once.
    pub fn refresh_now(&self) {
        self.with_sync(|c| c.sync.refresh_now());
    }

    /// The location this kiosk was enrolled for.
    pub fn location_id(&self) -> Option<String> {
        self.with_sync(|c| c.location_id.clone()).flatten()
    }
}

impl Drop for BackendLink {
    fn drop(&mut self) {
        let connected = self
            .connected
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .take();
        if let Some(connected) = connected {
            self.runtime.block_on(connected.sync.shutdown());
        }
    }
}

/// Everything needed to connect, kept until it worked.
struct Connect {
    base_url: String,
    settings: BackendSettings,
    store: Store,
    clock: Arc<dyn Clock>,
    devices: watch::Receiver<DeviceStatus>,
}

impl Connect {
    /// One attempt: the kept token or enrolment, then the sync starts on the current runtime.
    async fn try_once(&self) -> Result<Connected, sync::SyncError> {
        let client =
            sync::connect(&self.base_url, &self.settings, &sync::default_hardware_id()).await?;
        let sync = sync::start(
            client,
            self.store.clone(),
            Arc::clone(&self.clock),
            self.devices.clone(),
            SyncOptions::default(),
        );
        let location_id = sync::token_file::read_location(&self.settings.token_file);
        Ok(Connected { sync, location_id })
    }

    async fn until_connected(&self) -> Connected {
        let mut wait = RETRY_FIRST;
        loop {
            tokio::time::sleep(wait).await;
            match self.try_once().await {
                Ok(connected) => {
                    tracing::info!("connected to the backend");
                    return connected;
                }
                Err(error) => {
                    tracing::warn!(kind = ?error.kind(), "backend still not reachable");
                    wait = (wait * 2).min(RETRY_MAX);
                }
            }
        }
    }
}

/// Keeps `running` and forwards its state to the UI's channel for as long as it runs.
fn publish(
    runtime: &tokio::runtime::Handle,
    connected: &Mutex<Option<Connected>>,
    ui_state: &watch::Sender<ConnectionState>,
    running: Connected,
) {
    let mut sync_state = running.sync.state();
    let ui_state = ui_state.clone();
    runtime.spawn(async move {
        loop {
            let now = sync_state.borrow_and_update().clone();
            ui_state.send_replace(now);
            if sync_state.changed().await.is_err() {
                break;
            }
        }
    });
    *connected.lock().unwrap_or_else(PoisonError::into_inner) = Some(running);
}
