//! The kiosk's link to its municipality's backend, opened before the UI: the embedded reference
//! backend when the config says `embedded`, enrolment (first start) or the kept token, and the
//! background sync (heartbeat, catalogue and arrivals, ticket blocks, outbox) on a runtime of its
//! own, so that it goes on whatever the screen is doing.

use std::sync::Arc;

use anyhow::Context as _;
use kiosk_api::{DeviceState, PrinterState, PrinterStatus as WirePrinterStatus};
use kiosk_core::clock::Clock;
use kiosk_core::config::{BackendTarget, Config};
use kiosk_core::print::PrinterStatus;
use kiosk_core::store::Store;
use kiosk_core::sync::{self, Client, ConnectionState, DeviceStatus, SyncHandle, SyncOptions};
use tokio::sync::watch;

use crate::embedded::EmbeddedBackend;

pub struct BackendLink {
    // Drop order: the sync stops before its runtime, and before the embedded backend.
    sync: Option<SyncHandle>,
    runtime: tokio::runtime::Runtime,
    devices: watch::Sender<DeviceStatus>,
    location_id: Option<String>,
    _embedded: Option<EmbeddedBackend>,
}

impl BackendLink {
    /// Starts the embedded backend if configured, connects (enrolling on first start) and starts
    /// the sync. A backend that cannot be reached at first start is not an error: the kiosk runs
    /// offline and says so; an unusable local store or embedded backend is.
    pub fn start(config: &Config, clock: Arc<dyn Clock>) -> anyhow::Result<Self> {
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
        let (devices, devices_rx) = watch::channel(DeviceStatus::default());
        let connected = runtime.block_on(sync::connect(
            &base_url,
            &settings,
            &sync::default_hardware_id(),
        ));
        let sync = match connected {
            Ok(client) => {
                let _guard = runtime.enter();
                Some(sync::start(
                    client,
                    store,
                    clock,
                    devices_rx,
                    SyncOptions::default(),
                ))
            }
            Err(error) => {
                // Offline at first start, or not enrolled: the kiosk still serves what it can.
                tracing::error!(%error, "not connected to the backend");
                None
            }
        };
        let location_id = sync::token_file::read_location(&settings.token_file);
        Ok(Self {
            sync,
            runtime,
            devices,
            location_id,
            _embedded: embedded,
        })
    }

    /// The connection as the UI shows it; `None` when the kiosk never got connected.
    pub fn state(&self) -> Option<watch::Receiver<ConnectionState>> {
        self.sync.as_ref().map(SyncHandle::state)
    }

    /// The client with the kiosk's token, for bookings and check-in; `None` when never connected.
    pub fn client(&self) -> Option<Client> {
        self.sync.as_ref().map(|sync| sync.client().clone())
    }

    /// The kiosk's local store (cached catalogue and arrivals, ticket blocks, outbox).
    pub fn store(&self) -> Option<Store> {
        self.sync.as_ref().map(|sync| sync.store().clone())
    }

    /// Refreshes catalogue, today's arrivals and ticket blocks now: after a booking made here, so
    /// that it can be checked in offline at once.
    pub fn refresh_now(&self) {
        if let Some(sync) = &self.sync {
            sync.refresh_now();
        }
    }

    /// The location this kiosk was enrolled for.
    pub fn location_id(&self) -> Option<&str> {
        self.location_id.as_deref()
    }

    /// Keeps the heartbeat's picture of the ticket printer current.
    pub fn printer_changed(&self, status: &PrinterStatus) {
        let (state, detail) = wire_printer_state(status);
        self.devices.send_if_modified(|devices| {
            let next = WirePrinterStatus {
                state,
                detail: detail.clone(),
            };
            let changed = devices.printer != next;
            devices.printer = next;
            devices.scanner = DeviceState::Absent;
            changed
        });
    }
}

impl Drop for BackendLink {
    fn drop(&mut self) {
        if let Some(sync) = self.sync.take() {
            self.runtime.block_on(sync.shutdown());
        }
    }
}

fn wire_printer_state(status: &PrinterStatus) -> (PrinterState, Option<String>) {
    match status {
        PrinterStatus::Ready | PrinterStatus::NotReported => (PrinterState::Ok, None),
        PrinterStatus::PaperNearEnd => (PrinterState::PaperLow, None),
        PrinterStatus::PaperOut => (PrinterState::PaperOut, None),
        PrinterStatus::CoverOpen => (PrinterState::CoverOpen, None),
        PrinterStatus::Offline => (PrinterState::Offline, None),
        PrinterStatus::Unreachable(why) => (PrinterState::Offline, Some(why.clone())),
    }
}
