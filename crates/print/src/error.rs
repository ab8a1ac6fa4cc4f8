//! One error type for the crate. It is `Clone` because it travels inside UI messages: sources are
//! wrapped in `Arc`.

use std::sync::Arc;

use crate::status::PrinterStatus;

#[derive(Debug, Clone, thiserror::Error)]
pub enum PrintError {
    #[error("cannot reach the printer at {target}: {source}")]
    Connect {
        target: String,
        source: Arc<std::io::Error>,
    },
    #[error("writing to the printer at {target} failed: {source}")]
    Write {
        target: String,
        source: Arc<std::io::Error>,
    },
    #[error("the printer at {target} did not accept the data within {seconds} s")]
    Timeout { target: String, seconds: u64 },
    #[error("the printer is not ready: {0}")]
    NotReady(PrinterStatus),
    #[error("the printer reported a fault during the job: {0}")]
    FaultDuringJob(PrinterStatus),
    #[error("the logo {path} cannot be used: {reason}")]
    Logo { path: String, reason: String },
    #[error("the ESC/POS encoder refused the ticket: {0}")]
    Encode(String),
    #[error("the PDF could not be built: {0}")]
    Pdf(String),
    #[error("the print system (CUPS) failed: {0}")]
    Cups(String),
    #[error("the print journal failed: {0}")]
    Journal(String),
    #[error("this transport cannot {0}")]
    Unsupported(&'static str),
}

impl PrintError {
    pub(crate) fn connect(target: impl Into<String>, source: std::io::Error) -> Self {
        Self::Connect {
            target: target.into(),
            source: Arc::new(source),
        }
    }

    pub(crate) fn write(target: impl Into<String>, source: std::io::Error) -> Self {
        Self::Write {
            target: target.into(),
            source: Arc::new(source),
        }
    }
}

pub type Result<T, E = PrintError> = std::result::Result<T, E>;
