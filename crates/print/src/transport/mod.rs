//! Where ticket bytes go. Every transport is blocking I/O behind a timeout; the async API in
//! [`crate::printer`] runs it on tokio's blocking pool.

mod cups;
mod file;
mod serial;
mod tcp;
mod usb;

use std::path::PathBuf;
use std::time::Duration;

use serde::{Deserialize, Serialize};

pub use cups::{CupsJob, lp_print, wait_for_job};

use crate::error::Result;

/// How the ticket printer is reached. TOML (under `[printer.ticket.transport]`):
/// `kind = "tcp"`, `host = "192.0.2.10"`, `port = 9100` | `kind = "serial"`, `path = "/dev/ttyUSB0"`,
/// `baud = 38400` | `kind = "usb"`, `path = "/dev/usb/lp0"` | `kind = "file"`, `path = "/var/lib/kiosk/tickets"`
/// | `kind = "cups"`, `queue = "tickets"`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum TransportConfig {
    /// Raw TCP ("JetDirect", port 9100). Answers status.
    Tcp {
        host: String,
        #[serde(default = "default_port")]
        port: u16,
    },
    /// RS-232 or USB-serial. Answers status.
    Serial {
        path: PathBuf,
        #[serde(default = "default_baud")]
        baud: u32,
    },
    /// The kernel's USB printer-class device. Write-only here: the usblp back channel is not
    /// reliable across printers, so no status.
    Usb {
        #[serde(default = "default_usb_path")]
        path: PathBuf,
    },
    /// A folder (one file per job) or a file (appended): demo mode and tests.
    File { path: PathBuf },
    /// A CUPS raw queue: `lp -d QUEUE -o raw`.
    Cups { queue: String },
}

fn default_port() -> u16 {
    9100
}

fn default_baud() -> u32 {
    38400
}

fn default_usb_path() -> PathBuf {
    PathBuf::from("/dev/usb/lp0")
}

impl TransportConfig {
    /// For messages and logs.
    pub fn target(&self) -> String {
        match self {
            Self::Tcp { host, port } => format!("tcp://{host}:{port}"),
            Self::Serial { path, baud } => format!("serial:{}@{baud}", path.display()),
            Self::Usb { path } => format!("usb:{}", path.display()),
            Self::File { path } => format!("file:{}", path.display()),
            Self::Cups { queue } => format!("cups:{queue}"),
        }
    }

    /// Whether the printer at the other end answers DLE EOT.
    pub fn answers_status(&self) -> bool {
        matches!(self, Self::Tcp { .. } | Self::Serial { .. })
    }

    /// Opens a link; for TCP and serial this connects, so an unreachable printer fails here.
    pub(crate) fn open(&self, timeout: Duration) -> Result<Box<dyn Link>> {
        Ok(match self {
            Self::Tcp { host, port } => Box::new(tcp::TcpLink::connect(host, *port, timeout)?),
            Self::Serial { path, baud } => {
                Box::new(serial::SerialLink::open(path, *baud, timeout)?)
            }
            Self::Usb { path } => Box::new(usb::UsbLink::open(path)?),
            Self::File { path } => Box::new(file::FileLink::new(path.clone())),
            Self::Cups { queue } => Box::new(cups::CupsRawLink::new(queue.clone(), timeout)),
        })
    }
}

/// One open connection to a printer.
pub(crate) trait Link: Send {
    /// Writes all bytes, or fails within the configured timeout.
    fn send(&mut self, bytes: &[u8]) -> Result<()>;

    /// Sends a real-time status request and reads the one-byte reply; `None` when this link
    /// cannot answer (USB, file, CUPS).
    fn query(&mut self, request: [u8; 3]) -> Result<Option<u8>>;
}
