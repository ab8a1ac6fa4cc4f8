//! Where screens' actions become tasks: each flow's `Action` is turned into the calls to the
//! backend and the printer it asks for, and their results into that flow's messages. Nothing
//! here touches screen state; `update` stays free of I/O.

pub mod booking;
pub mod certificate;
pub mod checkin;

use std::sync::Arc;

use kiosk_core::i18n::{I18n, Language, PrintLabels};
use kiosk_core::print::{JobState, Spooler, Ticket};
use kiosk_core::sync::Client;

/// What the actions may use, borrowed from the root for one `update`.
pub struct Effects<'a> {
    pub client: Option<Client>,
    pub spooler: Option<Arc<Spooler>>,
    pub i18n: &'a I18n,
    pub language: Language,
    pub municipality: &'a str,
}

/// Why a ticket did not come out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TicketNotPrinted {
    /// The printer reported a fault before the job (paper out, cover open, offline).
    NotReady,
    Failed,
}

impl Effects<'_> {
    /// Renders `ticket` in the resident's language now (pure, microseconds), and returns the
    /// future that prints it through the spooler's journal.
    pub fn print_ticket(
        &self,
        kind: &'static str,
        ticket: &Ticket,
    ) -> impl Future<Output = Result<(), TicketNotPrinted>> + Send + 'static {
        let labels = PrintLabels {
            i18n: self.i18n,
            language: self.language,
        };
        let rendered = self.spooler.as_ref().map(|spooler| {
            (
                Arc::clone(spooler),
                spooler.printer().render(ticket, &labels),
            )
        });
        async move {
            let Some((spooler, Ok(bytes))) = rendered else {
                return Err(TicketNotPrinted::Failed);
            };
            match spooler.print(kind, bytes).await {
                Ok(outcome) if outcome.state == JobState::Printed => Ok(()),
                Ok(outcome) => {
                    tracing::warn!(job = %outcome.id, state = ?outcome.state, "ticket not printed");
                    Err(match outcome.result {
                        Err(kiosk_core::print::PrintError::NotReady(_)) => {
                            TicketNotPrinted::NotReady
                        }
                        _ => TicketNotPrinted::Failed,
                    })
                }
                Err(error) => {
                    tracing::error!(%error, "print journal failed");
                    Err(TicketNotPrinted::Failed)
                }
            }
        }
    }
}
