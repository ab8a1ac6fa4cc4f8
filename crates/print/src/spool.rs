//! Tickets through the journal: every print is recorded, and failed ones are printed once the
//! printer is ready again.

use std::sync::Arc;
use std::time::Duration;

use tokio::sync::watch;
use uuid::Uuid;

use crate::error::Result;
use crate::journal::{JobRecord, JobState, Journal, Payload};
use crate::pdf::{PdfDestination, deliver_pdf};
use crate::printer::TicketPrinter;
use crate::status::PrinterStatus;

/// The result of one print: the journal's id, and how the first attempt went. An `Err` job is
/// not lost: [`Spooler::recover`] finishes it when the printer is ready again.
#[derive(Debug, Clone)]
pub struct JobOutcome {
    pub id: Uuid,
    pub state: JobState,
    pub result: Result<()>,
}

/// The journal's kind for a ticket printed again from the journal. Not a resident's kind itself,
/// so reprinting twice prints the original again, not a copy of the copy.
pub const REPRINT: &str = "reprint";

#[derive(Clone)]
pub struct Spooler {
    printer: TicketPrinter,
    journal: Arc<Journal>,
    /// The printer's name in the journal, e.g. "ticket".
    name: String,
}

impl Spooler {
    pub fn new(printer: TicketPrinter, journal: Arc<Journal>, name: impl Into<String>) -> Self {
        Self {
            printer,
            journal,
            name: name.into(),
        }
    }

    pub fn printer(&self) -> &TicketPrinter {
        &self.printer
    }

    pub fn journal(&self) -> &Journal {
        &self.journal
    }

    /// Journals and prints rendered ticket bytes.
    pub async fn print(&self, kind: &str, bytes: Vec<u8>) -> Result<JobOutcome> {
        let id = self
            .journal
            .start(kind, &self.name, Payload::EscPos, &bytes)?;
        let result = self.printer.print(bytes).await;
        if let Err(e) = &result {
            tracing::warn!(%id, kind, error = %e, "ticket not printed yet");
        }
        let state = self.journal.finish(id, &result)?;
        Ok(JobOutcome { id, state, result })
    }

    /// The newest ticket of one of `kinds` on this printer: what [`Self::reprint_last`] prints.
    /// Forgets the bytes of tickets printed before `cutoff` (see [`Journal::forget_before`]).
    pub fn forget_before(&self, cutoff: jiff::Timestamp) -> Result<usize> {
        self.journal.forget_before(cutoff)
    }

    pub fn last_of_kinds(&self, kinds: &[&str]) -> Result<Option<JobRecord>> {
        self.journal.last_of_kinds(&self.name, kinds)
    }

    /// Prints the newest ticket of one of `kinds` again, with the bytes the journal kept, as a
    /// new job of kind [`REPRINT`] so the journal shows the copy too. `None`: no such ticket.
    pub async fn reprint_last(&self, kinds: &[&str]) -> Result<Option<JobOutcome>> {
        let Some(job) = self.last_of_kinds(kinds)? else {
            return Ok(None);
        };
        tracing::info!(original = %job.id, kind = %job.kind, "ticket printed again");
        self.print(REPRINT, job.payload).await.map(Some)
    }

    /// When the printer reports no fault: held jobs count as printed (the printer printed what
    /// it held), failed jobs are sent again, each once. Returns the jobs finished now.
    pub async fn recover(&self) -> Result<Vec<Uuid>> {
        let status = self.printer.status().await;
        if status.is_fault() {
            return Ok(Vec::new());
        }
        let mut done = self.journal.release_held(&self.name)?;
        for job in self.journal.open_jobs(&self.name)? {
            if job.state != JobState::Failed || !self.journal.claim_retry(job.id)? {
                continue;
            }
            let result = self.printer.print(job.payload).await;
            if self.journal.finish(job.id, &result)? == JobState::Printed {
                done.push(job.id);
            } else {
                // The fault is back: later jobs would fail the same way.
                break;
            }
        }
        Ok(done)
    }

    /// Watches the status like [`TicketPrinter::watch`], and recovers open jobs whenever the
    /// printer is ready. Stops when every receiver is gone.
    pub fn watch(&self, every: Duration) -> watch::Receiver<PrinterStatus> {
        let (tx, rx) = watch::channel(PrinterStatus::NotReported);
        let spooler = self.clone();
        tokio::spawn(async move {
            loop {
                let now = spooler.printer.status().await;
                let ready = !now.is_fault();
                tx.send_if_modified(|old| {
                    let changed = *old != now;
                    *old = now;
                    changed
                });
                if ready && let Err(e) = spooler.recover().await {
                    tracing::error!(error = %e, "print journal recovery failed");
                }
                tokio::select! {
                    () = tx.closed() => break,
                    () = tokio::time::sleep(every) => {}
                }
            }
        });
        rx
    }
}

/// The journal's printer name for documents.
pub const DOCUMENTS: &str = "document";

/// Journals a PDF and delivers it (folder or CUPS, followed until completed). A failed delivery
/// stays `failed` in the journal for [`retry_documents`].
pub async fn deliver_document(
    journal: &Journal,
    destination: &PdfDestination,
    kind: &str,
    name: &str,
    pdf: Vec<u8>,
) -> Result<JobOutcome> {
    let id = journal.start(kind, DOCUMENTS, Payload::Pdf, &pdf)?;
    let result = deliver_pdf(destination, name, pdf).await.map(|_| ());
    let state = journal.finish(id, &result)?;
    Ok(JobOutcome { id, state, result })
}

/// Delivers failed documents again, each once; stops at the first that fails again.
pub async fn retry_documents(journal: &Journal, destination: &PdfDestination) -> Result<Vec<Uuid>> {
    let mut done = Vec::new();
    for job in journal.open_jobs(DOCUMENTS)? {
        if job.state != JobState::Failed || !journal.claim_retry(job.id)? {
            continue;
        }
        let result = deliver_pdf(destination, &job.id.to_string(), job.payload)
            .await
            .map(|_| ());
        if journal.finish(job.id, &result)? != JobState::Printed {
            break;
        }
        done.push(job.id);
    }
    Ok(done)
}
