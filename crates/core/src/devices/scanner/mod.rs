//! The serial barcode scanner: codes as events, whatever the device does.
//!
//! [`start`] opens the configured port on a thread of its own (serial reads block) and reports
//! through a channel: [`ScanEvent::Connected`] when the port is open, [`ScanEvent::Code`] for
//! every line read, [`ScanEvent::Garbage`] for a line that cannot be a code, and
//! [`ScanEvent::Disconnected`] when the port cannot be opened or goes away. It keeps trying to
//! reopen with a growing pause, so a scanner unplugged and plugged back in just works. Dropping
//! [`ScanEvents`] stops the thread.
//!
//! In the UI, wrap it in a subscription, e.g.
//! `iced::futures::stream::unfold(events, |mut e| async move { e.next().await.map(|x| (x, e)) })`.
//!
//! Scanned codes open bookings: they are never logged, only their length.

mod lines;

// The line splitter alone, for the fuzz properties (`tests/fuzz/props.rs`).
pub use lines::Lines;
mod reader;

use std::sync::Arc;
use std::time::Duration;

use tokio::sync::mpsc;

use crate::config::ScannerSettings;

/// What the scanner reports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScanEvent {
    /// The port is open; codes scanned from now on arrive.
    Connected,
    /// One scanned line, trimmed, printable, not empty.
    Code(String),
    /// A line that cannot be a code; the UI may ask the resident to scan again.
    Garbage(Garbage),
    /// The port is gone or cannot be opened; it is retried in the background.
    Disconnected,
}

/// Why a line was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Garbage {
    /// Only spaces.
    Empty,
    /// Control bytes or bytes that are not UTF-8 (line noise, a wrong baud rate).
    NonPrintable,
    /// Longer than [`Tuning::max_line`].
    TooLong,
    /// Bytes without CR or LF before the scanner went quiet: a scanner set up without a
    /// line ending, or noise.
    Unterminated,
}

/// Timings and limits; the defaults suit a USB or RS-232 scanner.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tuning {
    /// How often a blocked read wakes up to see whether the kiosk still listens.
    pub poll: Duration,
    /// The first pause before reopening a missing port; doubled on each failure.
    pub backoff_min: Duration,
    pub backoff_max: Duration,
    /// The longest line in bytes that is still a code (a booking QR has 47).
    pub max_line: usize,
    /// Silence after which a line without ending is dropped. A scanner sends a whole code
    /// within a few milliseconds.
    pub line_gap: Duration,
}

impl Default for Tuning {
    fn default() -> Self {
        Self {
            poll: Duration::from_millis(100),
            backoff_min: Duration::from_millis(250),
            backoff_max: Duration::from_secs(5),
            max_line: 512,
            line_gap: Duration::from_millis(500),
        }
    }
}

#[derive(Debug, Clone, thiserror::Error)]
pub enum ScannerError {
    #[error("cannot start the scanner thread: {0}")]
    Thread(Arc<std::io::Error>),
}

/// The events of a running scanner; dropping it stops the scanner's thread.
#[derive(Debug)]
pub struct ScanEvents {
    receiver: mpsc::Receiver<ScanEvent>,
}

impl ScanEvents {
    /// The next event; `None` only if the scanner thread has ended.
    pub async fn next(&mut self) -> Option<ScanEvent> {
        self.receiver.recv().await
    }

    pub fn into_receiver(self) -> mpsc::Receiver<ScanEvent> {
        self.receiver
    }
}

/// Starts reading the scanner at `settings.path` with the default [`Tuning`].
pub fn start(settings: &ScannerSettings) -> Result<ScanEvents, ScannerError> {
    start_with(settings, Tuning::default())
}

pub fn start_with(settings: &ScannerSettings, tuning: Tuning) -> Result<ScanEvents, ScannerError> {
    // Room for a burst of scans while the UI is busy; the thread waits when it is full.
    let (sender, receiver) = mpsc::channel(32);
    let settings = settings.clone();
    std::thread::Builder::new()
        .name("scanner".into())
        .spawn(move || reader::run(&settings, tuning, &sender))
        .map_err(|e| ScannerError::Thread(Arc::new(e)))?;
    Ok(ScanEvents { receiver })
}
