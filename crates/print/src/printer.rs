//! The ticket printer as the kiosk uses it: render, print with status checks, poll and watch.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use serde::{Deserialize, Serialize};
use tokio::sync::{Mutex, watch};

use crate::error::{PrintError, Result};
use crate::escpos::{Columns, Layout, Logo, render_ticket};
use crate::labels::Labels;
use crate::models::Ticket;
use crate::status::{self, PrinterStatus};
use crate::transport::TransportConfig;

/// `[printer.ticket]` in the kiosk's config:
///
/// ```toml
/// [printer.ticket]
/// columns = 42            # 32 (58 mm), 42 or 48 (80 mm)
/// logo = "/etc/kiosk/logo.pbm"   # optional, binary PBM, at most the paper width in dots
/// timeout_ms = 5000       # every connect, write and status read
/// settle_ms = 300         # wait before the status check that confirms a job
///
/// [printer.ticket.transport]
/// kind = "tcp"
/// host = "192.0.2.10"
/// port = 9100
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TicketPrinterConfig {
    #[serde(default)]
    pub columns: Columns,
    #[serde(default)]
    pub logo: Option<PathBuf>,
    #[serde(default = "default_timeout_ms")]
    pub timeout_ms: u64,
    #[serde(default = "default_settle_ms")]
    pub settle_ms: u64,
    pub transport: TransportConfig,
}

fn default_timeout_ms() -> u64 {
    5000
}

fn default_settle_ms() -> u64 {
    300
}

impl TicketPrinterConfig {
    pub fn new(transport: TransportConfig) -> Self {
        Self {
            columns: Columns::default(),
            logo: None,
            timeout_ms: default_timeout_ms(),
            settle_ms: default_settle_ms(),
            transport,
        }
    }
}

/// A handle to one ticket printer; cheap to clone. Prints and status polls take turns, because
/// a serial port has one reader and a status reply must not be read by the wrong request.
#[derive(Clone)]
pub struct TicketPrinter {
    config: Arc<TicketPrinterConfig>,
    layout: Arc<Layout>,
    turn: Arc<Mutex<()>>,
}

impl TicketPrinter {
    /// Reads the logo, if configured; a missing or bad logo is a config error.
    pub fn new(config: TicketPrinterConfig) -> Result<Self> {
        let logo = match &config.logo {
            Some(path) => {
                let logo_error = |reason: String| PrintError::Logo {
                    path: path.display().to_string(),
                    reason,
                };
                let data = std::fs::read(path).map_err(|e| logo_error(e.to_string()))?;
                Some(Logo::from_pbm(&data).map_err(|e| logo_error(e.to_string()))?)
            }
            None => None,
        };
        let layout = Layout {
            columns: config.columns,
            logo,
        };
        Ok(Self {
            config: Arc::new(config),
            layout: Arc::new(layout),
            turn: Arc::new(Mutex::new(())),
        })
    }

    pub fn config(&self) -> &TicketPrinterConfig {
        &self.config
    }

    /// The ESC/POS bytes of a ticket for this printer's width.
    pub fn render(&self, ticket: &Ticket, labels: &dyn Labels) -> Result<Vec<u8>> {
        render_ticket(ticket, labels, &self.layout)
    }

    fn timeout(&self) -> Duration {
        Duration::from_millis(self.config.timeout_ms)
    }

    /// Asks the printer now (DLE EOT 1, 2, 4).
    pub async fn status(&self) -> PrinterStatus {
        let _turn = self.turn.lock().await;
        let transport = self.config.transport.clone();
        let timeout = self.timeout();
        if !transport.answers_status() {
            return PrinterStatus::NotReported;
        }
        let poll = tokio::task::spawn_blocking(move || match transport.open(timeout) {
            Ok(mut link) => status::query(link.as_mut()),
            Err(e) => PrinterStatus::Unreachable(e.to_string()),
        });
        match tokio::time::timeout(timeout * 4, poll).await {
            Ok(Ok(status)) => status,
            Ok(Err(e)) => PrinterStatus::Unreachable(e.to_string()),
            Err(_) => PrinterStatus::Unreachable("no status reply in time".to_owned()),
        }
    }

    /// Polls the status every `every` and publishes changes; for an iced `Subscription` wrap the
    /// receiver (e.g. `tokio_stream::wrappers::WatchStream`). Stops when every receiver is gone.
    pub fn watch(&self, every: Duration) -> watch::Receiver<PrinterStatus> {
        let (tx, rx) = watch::channel(PrinterStatus::NotReported);
        let printer = self.clone();
        tokio::spawn(async move {
            loop {
                let now = printer.status().await;
                tx.send_if_modified(|old| {
                    let changed = *old != now;
                    *old = now;
                    changed
                });
                tokio::select! {
                    () = tx.closed() => break,
                    () = tokio::time::sleep(every) => {}
                }
            }
        });
        rx
    }

    /// Prints rendered bytes. `Ok` means: the printer reported no fault before, the bytes were
    /// written, and it reported no fault afterwards (for transports that answer status; the
    /// others count a complete write).
    ///
    /// Errors: [`PrintError::NotReady`] (nothing was sent), [`PrintError::FaultDuringJob`] (the
    /// bytes were delivered; the printer holds them and prints them once the fault is cleared,
    /// so they must not be sent again), or a connect/write/timeout error (maybe partly sent).
    pub async fn print(&self, bytes: Vec<u8>) -> Result<()> {
        let _turn = self.turn.lock().await;
        let transport = self.config.transport.clone();
        let timeout = self.timeout();
        let settle = Duration::from_millis(self.config.settle_ms);
        let job =
            tokio::task::spawn_blocking(move || send_checked(&transport, &bytes, timeout, settle));
        let limit = timeout * 4 + settle;
        match tokio::time::timeout(limit, job).await {
            Ok(Ok(result)) => result,
            Ok(Err(e)) => Err(PrintError::Encode(format!("print task failed: {e}"))),
            Err(_) => Err(PrintError::Timeout {
                target: self.config.transport.target(),
                seconds: limit.as_secs(),
            }),
        }
    }
}

fn send_checked(
    transport: &TransportConfig,
    bytes: &[u8],
    timeout: Duration,
    settle: Duration,
) -> Result<()> {
    let mut link = transport.open(timeout)?;
    if transport.answers_status() {
        let before = status::query(link.as_mut());
        if before.is_fault() {
            return Err(PrintError::NotReady(before));
        }
    }
    link.send(bytes)?;
    if transport.answers_status() {
        // A fault that shows while the ticket prints (paper runs out, cover opened) appears
        // after the bytes went out: ask again once the printer had time to print.
        std::thread::sleep(settle);
        let after = status::query(link.as_mut());
        if after.is_fault() {
            return Err(PrintError::FaultDuringJob(after));
        }
    }
    Ok(())
}
