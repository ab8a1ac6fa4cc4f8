//! The staff screen's actions: the last resident ticket from the print journal, a reprint of
//! it, a test ticket, and ending the program (close, or restart for the service manager).

use std::sync::Arc;

use jiff::tz::TimeZone;
use kiosk_core::i18n::Language;
use kiosk_core::print::{JobState, Spooler, TestTicket, Ticket};
use kiosk_core::staff_pin::{PinGuard, PinGuardFile};

use super::{Effect, Runner, on_blocking_pool};
use crate::screen::staff::{self, Action, OpenedSettings, Refusal, Reply, ReprintOutcome};
use kiosk_core::config::edit::{EditError, SettingsEdit};

impl Runner {
    /// Turns one staff action into its effect; a test ticket comes out in `language`.
    pub fn staff(&self, action: Action, language: Language) -> Effect<Reply> {
        match action {
            Action::None => Effect::none(),
            Action::CloseKiosk => Effect::Exit,
            Action::Restart => {
                staff::restart::request();
                Effect::Exit
            }
            Action::PinWrong { guard } => {
                self.staff_pin.set(guard);
                let file = Arc::clone(&self.staff_pin);
                Effect::perform(async move { keep_pin_count(file, guard).await }, |()| {
                    Reply::PinCountKept
                })
            }
            Action::Opened { guard } => {
                self.staff_pin.set(guard);
                let file = Arc::clone(&self.staff_pin);
                let spooler = self.spooler.clone();
                let zone = self.clock.now().time_zone().clone();
                // The journal is SQLite: read it on the blocking pool, not on the UI's executor.
                Effect::perform(
                    async move {
                        keep_pin_count(file, guard).await;
                        on_blocking_pool("print journal lookup stopped", move || {
                            Ok::<_, std::convert::Infallible>(last_ticket(spooler, &zone))
                        })
                        .await
                        .flatten()
                    },
                    Reply::LastTicket,
                )
            }
            Action::OpenSettings => {
                let path = self.config.source.clone();
                Effect::perform(
                    async move {
                        tokio::task::spawn_blocking(move || open_settings(&path))
                            .await
                            .unwrap_or_else(|error| Err(Refusal::not_read(error.to_string())))
                    },
                    Reply::SettingsOpened,
                )
            }
            Action::SaveSettings(opened) => Effect::perform(
                async move {
                    tokio::task::spawn_blocking(move || save_settings(&opened))
                        .await
                        .unwrap_or_else(|error| {
                            Err(Refusal::from_error(&EditError::Io(error.to_string())))
                        })
                },
                Reply::SettingsSaved,
            ),
            Action::ReprintLastTicket => {
                Effect::perform(reprint_last_ticket(self.spooler.clone()), Reply::Reprinted)
            }
            Action::PrintTestTicket => {
                let ticket = Ticket::Test(TestTicket {
                    municipality: self.config.kiosk.municipality.clone(),
                    printer_name: self.config.kiosk.name.clone(),
                    printed_at: self.clock.now(),
                });
                Effect::perform(self.print_ticket("test", &ticket, language), |result| {
                    Reply::TestPrinted(result.map_err(|_| ()))
                })
            }
        }
    }
}

/// Writes the wrong-code count to its file on the blocking pool. A count that cannot be
/// written is logged and kept in memory: the screen still waits until the kiosk restarts.
async fn keep_pin_count(file: Arc<PinGuardFile>, guard: PinGuard) {
    on_blocking_pool("staff PIN count not saved", move || file.save(guard)).await;
}

/// The last resident ticket in the print journal. `None` also without a printer or when the
/// journal cannot be read (logged): there is then nothing to reprint.
fn last_ticket(spooler: Option<Arc<Spooler>>, zone: &TimeZone) -> Option<staff::LastTicket> {
    let found = spooler?.last_of_kinds(&staff::RESIDENT_KINDS);
    let job = found
        .inspect_err(|error| tracing::error!(%error, "print journal not read"))
        .ok()??;
    staff::LastTicket::from_journal(&job.kind, &job.created_at, zone)
}

/// Prints the last resident ticket again through the spooler, which journals the copy.
async fn reprint_last_ticket(spooler: Option<Arc<Spooler>>) -> ReprintOutcome {
    let Some(spooler) = spooler else {
        return ReprintOutcome::NotPrinted;
    };
    match spooler.reprint_last(&staff::RESIDENT_KINDS).await {
        Ok(None) => ReprintOutcome::Nothing,
        Ok(Some(outcome)) if outcome.state == JobState::Printed => ReprintOutcome::Reprinted,
        Ok(Some(outcome)) => {
            tracing::warn!(job = %outcome.id, state = ?outcome.state, "reprint not printed");
            ReprintOutcome::NotPrinted
        }
        Err(error) => {
            tracing::error!(%error, "print journal failed");
            ReprintOutcome::NotPrinted
        }
    }
}

/// kiosk.toml, the file this kiosk's config was read from, opened for changes.
fn open_settings(path: &std::path::Path) -> Result<OpenedSettings, Refusal> {
    SettingsEdit::open(path)
        .map(|edit| OpenedSettings(Arc::new(edit)))
        .map_err(|error| {
            tracing::error!(%error, "settings not read");
            Refusal::not_read(error.to_string())
        })
}

/// The changed file checked by the rules of `--check-config` (those of this build too: a
/// production kiosk has no embedded demo), and written only when it passes; on a refusal the
/// file is untouched.
fn save_settings(opened: &OpenedSettings) -> Result<(), Refusal> {
    let edit = &opened.0;
    let loaded = edit.check().map_err(|error| Refusal::from_error(&error))?;
    let refused = crate::demo_build::refusals(&loaded.config);
    if !refused.is_empty() {
        return Err(Refusal::not_in_this_build(&refused));
    }
    edit.save().map(|_| ()).map_err(|error| {
        tracing::error!(%error, "settings not saved");
        Refusal::from_error(&error)
    })
}
