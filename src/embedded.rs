//! The embedded default (`url = "embedded"`): the reference backend runs inside the kiosk's
//! process on a loopback port, with its own database in the kiosk's data folder, seeded with demo
//! data on first run. It gets its own small tokio runtime, so that it neither shares iced's
//! executor nor stops when a screen is busy.

use std::net::{Ipv4Addr, SocketAddr};
use std::path::{Path, PathBuf};

use anyhow::Context as _;
use kiosk_backend::{RunningServer, ServerConfig};

/// The demo municipality's town hall, where the embedded kiosk stands.
pub const DEMO_LOCATION: &str = "town-hall";
/// The same demo data on every machine.
pub const DEMO_SEED: u64 = 1;

pub struct EmbeddedBackend {
    // Field order matters: the server is dropped before the runtime that drives it.
    server: Option<RunningServer>,
    runtime: tokio::runtime::Runtime,
    db_path: PathBuf,
}

impl EmbeddedBackend {
    pub fn start(data_dir: &Path) -> anyhow::Result<Self> {
        let folder = data_dir.join("embedded-backend");
        std::fs::create_dir_all(&folder)
            .with_context(|| format!("cannot create {}", folder.display()))?;
        let db_path = folder.join("backend.db");
        if !db_path.exists() {
            let summary = kiosk_testcard::seed_demo(&db_path, DEMO_SEED)
                .context("cannot seed the embedded backend's demo data")?;
            tracing::info!(?summary, "embedded backend seeded with demo data");
        }
        // Also for a folder seeded before the demo card became an applet 1.8 card.
        kiosk_testcard::trust_demo_ca(&db_path, DEMO_SEED)
            .context("cannot trust the demo eID CAs")?;
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .thread_name("embedded-backend")
            .enable_all()
            .build()?;
        let listen = SocketAddr::from((Ipv4Addr::LOCALHOST, 0));
        // A demo: the backend trusts the synthetic demo CA, whose cards the demo card is.
        let mut config = ServerConfig::new(&db_path, listen);
        config.demo = true;
        let server = runtime
            .block_on(kiosk_backend::spawn(config))
            .context("cannot start the embedded backend")?;
        tracing::info!(url = %server.base_url(), "embedded backend listening");
        Ok(Self {
            server: Some(server),
            runtime,
            db_path,
        })
    }

    pub fn base_url(&self) -> String {
        self.server
            .as_ref()
            .map(RunningServer::base_url)
            .unwrap_or_default()
    }

    /// A fresh single-use code for this kiosk to enrol with, as an admin would hand it out.
    pub fn enrolment_code(&self) -> anyhow::Result<String> {
        Ok(kiosk_backend::create_enrolment_code(
            &self.db_path,
            DEMO_LOCATION,
        )?)
    }
}

impl Drop for EmbeddedBackend {
    fn drop(&mut self) {
        if let Some(server) = self.server.take()
            && let Err(error) = self.runtime.block_on(server.shutdown())
        {
            tracing::warn!(%error, "embedded backend did not stop cleanly");
        }
    }
}
