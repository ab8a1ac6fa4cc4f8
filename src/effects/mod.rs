//! Where screens' actions become work: the [`Runner`], owned by the root and built from the
//! services, turns each flow's `Action` into the calls to the backend, the card reader and the
//! printers it asks for, and their results into that flow's `Reply`. Nothing here touches
//! screen state; `update` stays free of I/O, and blocking work (SQLite, PC/SC, PDF rendering)
//! runs on tokio's blocking pool.

pub mod booking;
pub mod certificate;
pub mod checkin;
pub mod staff;

use std::sync::Arc;

use iced::Task;
use jiff::ZonedDateTime;
use kiosk_core::clock::Clock;
use kiosk_core::config::Config;
use kiosk_core::i18n::{I18n, Language, PrintLabels};
use kiosk_core::print::{JobState, PrintError, Spooler, Ticket};
use kiosk_core::staff_pin::{PinGuard, PinGuardFile};
use kiosk_core::store::Store;
use kiosk_core::sync::Client;

use crate::app::Services;
use crate::backend_link::BackendLink;
use crate::card_reader::CardReader;
use crate::screen::PrintFailure;

/// What an action comes to.
pub enum Effect<R> {
    /// Work whose result comes back to the flow.
    Task(Task<R>),
    /// The flow is over: back to the start screen, the session dropped.
    EndSession,
    /// The program ends (the staff screen's Close and Restart).
    Exit,
}

impl<R> Effect<R> {
    pub fn none() -> Self {
        Effect::Task(Task::none())
    }

    pub fn done(reply: R) -> Self
    where
        R: Send + 'static,
    {
        Effect::Task(Task::done(reply))
    }

    pub fn perform<T>(
        future: impl Future<Output = T> + Send + 'static,
        reply: impl FnOnce(T) -> R + Send + 'static,
    ) -> Self
    where
        T: Send + 'static,
        R: Send + 'static,
    {
        Effect::Task(Task::perform(future, reply))
    }
}

/// Carries out every flow's actions with the kiosk's services.
#[derive(Clone)]
pub struct Runner {
    backend: Option<Arc<BackendLink>>,
    spooler: Option<Arc<Spooler>>,
    card: Option<CardReader>,
    i18n: Arc<I18n>,
    config: Arc<Config>,
    clock: Arc<dyn Clock>,
    /// Wrong staff PINs, counted across openings and restarts.
    staff_pin: Arc<PinGuardFile>,
}

impl Runner {
    pub fn new(
        services: &Services,
        config: Arc<Config>,
        i18n: Arc<I18n>,
        clock: Arc<dyn Clock>,
    ) -> Self {
        Self {
            backend: services.backend.clone(),
            spooler: services
                .printer
                .as_ref()
                .map(|printer| Arc::clone(printer.spooler())),
            card: services.card.clone(),
            i18n,
            config,
            clock,
            staff_pin: services
                .staff_pin
                .clone()
                .unwrap_or_else(PinGuardFile::in_memory),
        }
    }

    /// The wrong staff PINs counted so far, for the staff screen's door.
    pub fn staff_pin_guard(&self) -> PinGuard {
        self.staff_pin.get()
    }

    /// Forgets the printed tickets' bytes of before `today` (a new day, or the start), on the
    /// blocking pool: staff reprint the same day's tickets only, and a ticket's code and QR
    /// secret should not outlive that.
    pub fn forget_old_tickets(
        &self,
        today: &ZonedDateTime,
    ) -> Option<impl Future<Output = ()> + Send + use<>> {
        let spooler = self.spooler.clone()?;
        let cutoff = today.start_of_day().ok()?.timestamp();
        Some(async move {
            on_blocking_pool("old tickets not forgotten", move || {
                spooler.forget_before(cutoff)
            })
            .await;
        })
    }

    fn client(&self) -> Option<Client> {
        self.backend.as_ref().and_then(|backend| backend.client())
    }

    fn store(&self) -> Option<Store> {
        self.backend.as_ref().and_then(|backend| backend.store())
    }

    fn municipality(&self) -> &str {
        &self.config.kiosk.municipality
    }

    /// Renders `ticket` in `language` now (pure, microseconds), and returns the future that
    /// prints it through the spooler's journal.
    pub fn print_ticket(
        &self,
        kind: &'static str,
        ticket: &Ticket,
        language: Language,
    ) -> impl Future<Output = Result<(), PrintFailure>> + Send + 'static {
        let labels = PrintLabels {
            i18n: &self.i18n,
            language,
        };
        let rendered = self.spooler.as_ref().map(|spooler| {
            (
                Arc::clone(spooler),
                spooler.printer().render(ticket, &labels),
            )
        });
        async move {
            let Some((spooler, Ok(bytes))) = rendered else {
                return Err(PrintFailure::Failed);
            };
            match spooler.print(kind, bytes).await {
                Ok(outcome) if outcome.state == JobState::Printed => Ok(()),
                Ok(outcome) => {
                    tracing::warn!(job = %outcome.id, state = ?outcome.state, "ticket not printed");
                    Err(match outcome.result {
                        Err(PrintError::NotReady(_)) => PrintFailure::NotReady,
                        _ => PrintFailure::Failed,
                    })
                }
                Err(error) => {
                    tracing::error!(%error, "print journal failed");
                    Err(PrintFailure::Failed)
                }
            }
        }
    }
}

/// Runs `work` (SQLite, files) on tokio's blocking pool, never on the UI's executor. A failure,
/// or the task stopping, is logged as `failed` and gives `None`.
pub(crate) async fn on_blocking_pool<T, E>(
    failed: &'static str,
    work: impl FnOnce() -> Result<T, E> + Send + 'static,
) -> Option<T>
where
    T: Send + 'static,
    E: std::fmt::Display + Send + 'static,
{
    match tokio::task::spawn_blocking(work).await {
        Ok(Ok(value)) => Some(value),
        Ok(Err(error)) => {
            tracing::error!(%error, "{failed}");
            None
        }
        Err(error) => {
            tracing::error!(%error, "{failed}");
            None
        }
    }
}
