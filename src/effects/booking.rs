//! The booking flow's actions: slots, hold, confirm and release at the backend; the booking
//! ticket on the thermal printer.

use iced::Task;
use kiosk_api::SlotsQuery;
use kiosk_core::i18n::Language;
use kiosk_core::print::Ticket;
use kiosk_core::sync::{IdempotencyKey, SyncError};

use super::{Effect, Runner};
use crate::screen::booking::{Action, Failure, Reply, TicketRequest};

impl Runner {
    /// Turns one booking action into its effect, the ticket in the resident's `language`.
    pub fn booking(&self, action: Action, language: Language) -> Effect<Reply> {
        match action {
            Action::Done => Effect::EndSession,
            Action::PrintTicket(request) => self.print_booking(&request, language),
            action => Effect::Task(self.booking_call(action)),
        }
    }

    fn booking_call(&self, action: Action) -> Task<Reply> {
        let Some(client) = self.client() else {
            // Never connected: every call would fail as offline.
            return match action {
                Action::LoadSlots { from, to, .. } => Task::done(Reply::SlotsLoaded {
                    from,
                    to,
                    result: Err(Failure::Offline),
                }),
                Action::Hold(_) => Task::done(Reply::Held(Err(Failure::Offline))),
                Action::Confirm { .. } => Task::done(Reply::Confirmed(Err(Failure::Offline))),
                _ => Task::none(),
            };
        };
        match action {
            Action::LoadSlots {
                location_id,
                product_id,
                persons,
                from,
                to,
            } => {
                let query = SlotsQuery {
                    location: location_id,
                    product: product_id,
                    persons,
                    from,
                    to,
                };
                Task::perform(async move { client.slots(&query).await }, move |result| {
                    Reply::SlotsLoaded {
                        from,
                        to,
                        result: result.map_err(|e| failure(&e)),
                    }
                })
            }
            Action::Hold(request) => {
                // One key for this hold: a retry inside the client reuses it.
                let key = IdempotencyKey::new();
                Task::perform(
                    async move { client.create_booking(&request, key).await },
                    |result| Reply::Held(result.map_err(|e| failure(&e))),
                )
            }
            Action::Confirm { booking_id } => {
                let key = IdempotencyKey::new();
                let backend = self.backend.clone();
                Task::perform(
                    async move {
                        let confirmed = client.confirm_booking(booking_id, key).await;
                        if let (Ok(_), Some(backend)) = (&confirmed, backend) {
                            // The new booking is an arrival today: check-in should know it now.
                            backend.refresh_now();
                        }
                        confirmed
                    },
                    |result| Reply::Confirmed(result.map_err(|e| failure(&e))),
                )
            }
            Action::Release { booking_id, code } => Task::future(async move {
                if let Err(error) = client.cancel_booking(booking_id, &code).await {
                    // The hold runs out by itself at the backend; nothing is lost.
                    tracing::info!(%booking_id, kind = ?error.kind(), "hold not released");
                }
            })
            .discard(),
            Action::PrintTicket(_) | Action::None | Action::Done => Task::none(),
        }
    }

    fn print_booking(&self, request: &TicketRequest, language: Language) -> Effect<Reply> {
        let ticket = Ticket::Booking(request.ticket(self.municipality(), language));
        Effect::perform(
            self.print_ticket("booking", &ticket, language),
            Reply::Printed,
        )
    }
}

/// The backend's answer in the flow's terms.
fn failure(error: &SyncError) -> Failure {
    if error.is_offline() {
        return Failure::Offline;
    }
    if error.is_kiosk_rate_limit() {
        return Failure::RateLimited;
    }
    match error.problem_type() {
        // A time that is no longer a slot (the hours changed) is, for the resident, a time that
        // is gone: fresh times.
        Some(kiosk_api::problem_type::SLOT_TAKEN | kiosk_api::problem_type::NOT_A_SLOT) => {
            Failure::SlotTaken
        }
        Some(kiosk_api::problem_type::HOLD_EXPIRED) => Failure::HoldExpired,
        // The backend refused what the kiosk itself checked: a bug or a changed catalogue, not
        // something the resident can fix; the flow sends them to the desk.
        Some(
            kiosk_api::problem_type::INVALID_BODY
            | kiosk_api::problem_type::BAD_REQUEST
            | kiosk_api::problem_type::MISSING_CUSTOMER_FIELD
            | kiosk_api::problem_type::TOO_MANY_PERSONS,
        ) => Failure::Invalid,
        _ => Failure::Other,
    }
}
