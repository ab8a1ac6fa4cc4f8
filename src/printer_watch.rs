//! The ticket printer's status as a subscription: the spooler polls it (DLE EOT where the
//! transport answers), prints again what a fault held back once the fault is cleared, and the
//! kiosk learns of every change before a resident starts anything that prints.

use std::hash::{Hash, Hasher};
use std::sync::Arc;
use std::time::Duration;

use iced::Subscription;
use iced::futures::SinkExt;
use kiosk_core::print::{PrinterStatus, Spooler};

/// How often the printer is asked: often enough that "out of paper" shows before the next
/// resident, rarely enough not to keep a serial line busy.
pub const POLL_EVERY: Duration = Duration::from_secs(3);

/// One printer to watch. Hashed by its target, so iced keeps one watch per printer.
#[derive(Clone)]
pub struct PrinterWatch {
    spooler: Arc<Spooler>,
    target: String,
}

impl PrinterWatch {
    pub fn new(spooler: Arc<Spooler>) -> Self {
        let target = spooler.printer().config().transport.target();
        Self { spooler, target }
    }

    pub fn spooler(&self) -> &Arc<Spooler> {
        &self.spooler
    }

    /// The status and every change of it. The spooler's polling task is started inside the
    /// stream, so it runs once per subscription on iced's runtime, not once per `update`.
    pub fn subscription(&self) -> Subscription<PrinterStatus> {
        Subscription::run_with(self.clone(), |watch| {
            let spooler = Arc::clone(&watch.spooler);
            iced::stream::channel(4, async move |mut output| {
                let mut status = spooler.watch(POLL_EVERY);
                loop {
                    let now = status.borrow_and_update().clone();
                    if output.send(now).await.is_err() || status.changed().await.is_err() {
                        break;
                    }
                }
            })
        })
    }
}

impl Hash for PrinterWatch {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.target.hash(state);
    }
}

impl std::fmt::Debug for PrinterWatch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PrinterWatch")
            .field("target", &self.target)
            .finish()
    }
}

/// The resident-facing line for a printer that cannot print tickets now, if any.
pub fn degraded_message_id(status: &PrinterStatus) -> Option<&'static str> {
    match status {
        PrinterStatus::PaperOut => Some("status-printer-paper-out"),
        PrinterStatus::CoverOpen => Some("status-printer-cover-open"),
        PrinterStatus::Offline | PrinterStatus::Unreachable(_) => Some("status-printer-offline"),
        PrinterStatus::Ready | PrinterStatus::PaperNearEnd | PrinterStatus::NotReported => None,
    }
}
