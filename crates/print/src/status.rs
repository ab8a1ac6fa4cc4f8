//! Printer status from the real-time DLE EOT replies.

use serde::{Deserialize, Serialize};

use crate::escpos::dle_eot;
use crate::transport::Link;

/// What the kiosk shows staff, most serious first when several hold.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(tag = "status", content = "detail", rename_all = "snake_case")]
pub enum PrinterStatus {
    #[error("ready")]
    Ready,
    /// Still prints; staff should change the roll soon.
    #[error("paper near end")]
    PaperNearEnd,
    #[error("paper out")]
    PaperOut,
    #[error("cover open")]
    CoverOpen,
    #[error("offline")]
    Offline,
    #[error("unreachable: {0}")]
    Unreachable(String),
    /// The transport cannot report status (USB, file, CUPS).
    #[error("status not reported by this transport")]
    NotReported,
}

impl PrinterStatus {
    /// A fault stops printing; paper-near-end does not.
    pub fn is_fault(&self) -> bool {
        matches!(
            self,
            Self::PaperOut | Self::CoverOpen | Self::Offline | Self::Unreachable(_)
        )
    }

    /// The Fluent id of the message staff see for this status.
    pub fn message_id(&self) -> &'static str {
        match self {
            Self::Ready => "print-status-ready",
            Self::PaperNearEnd => "print-status-paper-near-end",
            Self::PaperOut => "print-status-paper-out",
            Self::CoverOpen => "print-status-cover-open",
            Self::Offline => "print-status-offline",
            Self::Unreachable(_) => "print-status-unreachable",
            Self::NotReported => "print-status-not-reported",
        }
    }

    /// Decodes the replies to DLE EOT 1 (printer), 2 (offline cause) and 4 (paper sensor).
    pub fn from_replies(printer: u8, offline_cause: u8, paper: u8) -> Self {
        // Every reply has bit 1 and bit 4 set and bits 0 and 7 clear; anything else is not a
        // status byte (a stray byte from an earlier reply, line noise).
        let valid = |b: u8| b & 0x93 == 0x12;
        if !(valid(printer) && valid(offline_cause) && valid(paper)) {
            return Self::Unreachable(format!(
                "invalid status reply {printer:#04x} {offline_cause:#04x} {paper:#04x}"
            ));
        }
        if offline_cause & 0x04 != 0 {
            Self::CoverOpen
        } else if paper & 0x60 != 0 || offline_cause & 0x20 != 0 {
            Self::PaperOut
        } else if printer & 0x08 != 0 {
            Self::Offline
        } else if paper & 0x0C != 0 {
            Self::PaperNearEnd
        } else {
            Self::Ready
        }
    }
}

/// Asks the printer on an open link.
pub(crate) fn query(link: &mut dyn Link) -> PrinterStatus {
    let mut replies = [0u8; 3];
    for (reply, n) in replies.iter_mut().zip([1u8, 2, 4]) {
        match link.query(dle_eot(n)) {
            Ok(Some(b)) => *reply = b,
            Ok(None) => return PrinterStatus::NotReported,
            Err(e) => return PrinterStatus::Unreachable(e.to_string()),
        }
    }
    PrinterStatus::from_replies(replies[0], replies[1], replies[2])
}

#[cfg(test)]
mod tests {
    use super::PrinterStatus::{self, *};

    #[test]
    fn decodes_epson_replies() {
        assert_eq!(PrinterStatus::from_replies(0x16, 0x12, 0x12), Ready);
        assert_eq!(PrinterStatus::from_replies(0x16, 0x12, 0x1e), PaperNearEnd);
        assert_eq!(PrinterStatus::from_replies(0x1e, 0x32, 0x7e), PaperOut);
        assert_eq!(PrinterStatus::from_replies(0x1e, 0x16, 0x12), CoverOpen);
        assert_eq!(PrinterStatus::from_replies(0x1e, 0x12, 0x12), Offline);
        assert!(PrinterStatus::from_replies(0x00, 0x12, 0x12).is_fault());
    }

    #[test]
    fn paper_out_is_told_by_the_sensor_or_by_the_stop_alone() {
        // Some printers set only the paper-end sensor bits (DLE EOT 4), others only "stopped
        // for paper end" (DLE EOT 2): either one means no ticket comes out.
        assert_eq!(PrinterStatus::from_replies(0x16, 0x12, 0x72), PaperOut);
        assert_eq!(PrinterStatus::from_replies(0x16, 0x32, 0x12), PaperOut);
    }
}
