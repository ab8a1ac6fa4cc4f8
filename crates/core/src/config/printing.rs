//! The validated printer settings in the shape `kiosk-print` takes.

use kiosk_print::pdf::PdfDestination;
use kiosk_print::{Columns, TicketPrinterConfig, TransportConfig};

use super::{DocumentPrinterSettings, TicketPrinterSettings, TicketTransport};

/// How long a CUPS job may take before the document counts as failed.
const CUPS_DOCUMENT_TIMEOUT_S: u64 = 120;

impl TicketPrinterSettings {
    /// Creates the demo folder, so that each ticket becomes a file in it (a missing folder would
    /// be taken as one file that every ticket is appended to).
    pub fn prepare(&self) -> std::io::Result<()> {
        match &self.transport {
            TicketTransport::Folder { path } => std::fs::create_dir_all(path),
            _ => Ok(()),
        }
    }

    pub fn print_config(&self) -> TicketPrinterConfig {
        let transport = match &self.transport {
            TicketTransport::Tcp { host, port } => TransportConfig::Tcp {
                host: host.clone(),
                port: *port,
            },
            TicketTransport::Serial { path, baud } => TransportConfig::Serial {
                path: path.clone(),
                baud: *baud,
            },
            TicketTransport::Usb { path } => TransportConfig::Usb { path: path.clone() },
            TicketTransport::Folder { path } => TransportConfig::File { path: path.clone() },
            TicketTransport::Cups { queue } => TransportConfig::Cups {
                queue: queue.clone(),
            },
        };
        let mut config = TicketPrinterConfig::new(transport);
        // The config check allows only 32, 42 and 48, which kiosk-print accepts.
        config.columns = Columns::try_from(self.columns).unwrap_or_default();
        config.timeout_ms = u64::try_from(self.write_timeout.as_millis()).unwrap_or(u64::MAX);
        config
    }
}

impl DocumentPrinterSettings {
    pub fn destination(&self) -> PdfDestination {
        match self {
            DocumentPrinterSettings::Folder { path } => {
                PdfDestination::Folder { path: path.clone() }
            }
            DocumentPrinterSettings::Cups { queue } => PdfDestination::Cups {
                queue: queue.clone(),
                timeout_s: CUPS_DOCUMENT_TIMEOUT_S,
            },
        }
    }
}
