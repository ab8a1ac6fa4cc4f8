//! The check-in flow's actions: look the booking up, check in (online, else offline from the
//! cached arrivals and the kiosk's ticket block), take a number without an appointment (online,
//! else from the block), cancel, and print the queue ticket.

use std::sync::Arc;

use iced::Task;
use jiff::ZonedDateTime;
use kiosk_api::{Catalogue, LocalizedText};
use kiosk_core::i18n::Language;
use kiosk_core::print::Ticket;
use kiosk_core::store::Store;
use kiosk_core::sync::{self, CheckInOutcome, Client, IdempotencyKey, WalkInOutcome};

use super::{Effect, Runner};
use crate::screen::checkin::{Action, Failure, QueueTicketInfo, Reply};

/// What check-in needs besides the common effects.
struct CheckInContext {
    store: Option<Store>,
    catalogue: Option<Arc<Catalogue>>,
    /// The location's wall time now, for the offline arrival window and the printed time.
    now: ZonedDateTime,
}

impl Runner {
    /// Turns one check-in action into its effect; `catalogue` names the queue services.
    pub fn check_in(
        &self,
        action: Action,
        language: Language,
        catalogue: Option<Arc<Catalogue>>,
    ) -> Effect<Reply> {
        let now = self.clock.now();
        match action {
            Action::Lookup { code } => match self.client() {
                Some(client) => Effect::perform(
                    async move { client.lookup_booking(&code).await },
                    move |result| Reply::LookedUp(result.map_err(|e| Failure::from_sync(&e))),
                ),
                None => Effect::done(Reply::LookedUp(Err(Failure::Offline))),
            },
            Action::CheckIn { code } => {
                let context = CheckInContext {
                    store: self.store(),
                    catalogue,
                    now,
                };
                Effect::Task(check_in(code, self.client(), context))
            }
            Action::TakeNumber { queue_service_id } => {
                let context = CheckInContext {
                    store: self.store(),
                    catalogue,
                    now,
                };
                Effect::Task(take_number(queue_service_id, self.client(), context))
            }
            Action::Cancel { booking_id, code } => match self.client() {
                Some(client) => Effect::perform(
                    async move { client.cancel_booking(booking_id, &code).await },
                    move |result| {
                        Reply::Cancelled(result.map(|_| ()).map_err(|e| Failure::from_sync(&e)))
                    },
                ),
                None => Effect::done(Reply::Cancelled(Err(Failure::Offline))),
            },
            Action::PrintQueueTicket { ticket } => {
                // The journal tells a number printed again apart from a new one.
                let kind = if ticket.already {
                    "queue-again"
                } else {
                    "queue"
                };
                let ticket = Ticket::Queue(ticket.queue_ticket(self.municipality(), language, now));
                Effect::perform(self.print_ticket(kind, &ticket, language), Reply::Printed)
            }
            Action::Done => Effect::EndSession,
            Action::None => Effect::none(),
        }
    }
}

/// The queue service's name in every language; its id when the catalogue does not know it.
fn service_names(catalogue: Option<Arc<Catalogue>>) -> impl Fn(&str) -> LocalizedText {
    move |id: &str| {
        catalogue
            .as_ref()
            .and_then(|c| c.queue_services.iter().find(|s| s.id == id))
            .map(|s| s.name.clone())
            .unwrap_or_else(|| LocalizedText {
                nl: id.into(),
                fr: id.into(),
                de: id.into(),
                en: id.into(),
            })
    }
}

fn take_number(
    queue_service_id: String,
    client: Option<Client>,
    context: CheckInContext,
) -> Task<Reply> {
    let CheckInContext {
        store,
        catalogue,
        now,
    } = context;
    let service_name = service_names(catalogue);
    let (Some(client), Some(store)) = (client, store) else {
        return Task::done(Reply::NumberGiven(Err(Failure::Offline)));
    };
    // One key for this number: the client's own retries reuse it, so a retry gives the same one.
    let key = IdempotencyKey::new();
    Task::perform(
        async move { sync::take_walk_in_number(&client, &store, &queue_service_id, key, now).await },
        move |result| {
            Reply::NumberGiven(match result {
                Ok(WalkInOutcome::Online(ticket)) => {
                    let service = service_name(&ticket.queue_service_id);
                    Ok(QueueTicketInfo::online(ticket, service, false))
                }
                Ok(WalkInOutcome::Offline(ticket)) => {
                    let service = service_name(&ticket.queue_service_id);
                    Ok(QueueTicketInfo::offline(
                        ticket.number,
                        service,
                        None,
                        false,
                    ))
                }
                Err(error) => Err(Failure::from_take_number(&error)),
            })
        },
    )
}

fn check_in(code: String, client: Option<Client>, context: CheckInContext) -> Task<Reply> {
    let CheckInContext {
        store,
        catalogue,
        now,
    } = context;
    let service_name = service_names(catalogue);
    let (Some(client), Some(store)) = (client, store) else {
        return Task::done(Reply::CheckedIn(Err(Failure::Offline)));
    };
    // One key for this check-in: the client's own retries reuse it, and the backend gives the
    // same ticket to a booking checked in before anyway.
    let key = IdempotencyKey::new();
    Task::perform(
        async move { sync::check_in(&client, &store, &code, key, now).await },
        move |result| {
            Reply::CheckedIn(match result {
                Ok(CheckInOutcome::Online(done)) => {
                    let service = service_name(&done.ticket.queue_service_id);
                    Ok(QueueTicketInfo::online(done.ticket, service, !done.created))
                }
                Ok(CheckInOutcome::Offline(ticket)) => {
                    let service = service_name(&ticket.queue_service_id);
                    let start = Some(ticket.booked_start);
                    Ok(QueueTicketInfo::offline(
                        ticket.number,
                        service,
                        start,
                        false,
                    ))
                }
                Ok(CheckInOutcome::OfflineAgain(known)) => {
                    let service = service_name(&known.queue_service_id);
                    Ok(QueueTicketInfo::offline(
                        known.number,
                        service,
                        known.booked_start,
                        true,
                    ))
                }
                Err(error) => Err(Failure::from_check_in(&error)),
            })
        },
    )
}
