//! The check-in flow's actions: look the booking up, check in (online, else offline from the
//! cached arrivals and the kiosk's ticket block), cancel, and print the queue ticket.

use std::sync::Arc;

use iced::Task;
use jiff::ZonedDateTime;
use jiff::tz::TimeZone;
use kiosk_api::{Catalogue, LocalizedText, problem_type};
use kiosk_core::print::Ticket;
use kiosk_core::store::{CheckinError, Store};
use kiosk_core::sync::{self, CheckInError, CheckInOutcome, Client, IdempotencyKey, SyncError};

use super::{Effects, TicketNotPrinted};
use crate::screen::checkin::{Action, Failure, Message, PrintFailure, QueueTicketInfo};

/// What check-in needs besides the common effects.
pub struct CheckInContext {
    pub store: Option<Store>,
    pub catalogue: Option<Arc<Catalogue>>,
    /// The location's wall time now, for the offline arrival window and the printed time.
    pub now: ZonedDateTime,
}

pub fn run(action: Action, effects: &Effects<'_>, context: CheckInContext) -> Task<Message> {
    let zone = context.now.time_zone().clone();
    match action {
        Action::Lookup { code } => match effects.client.clone() {
            Some(client) => Task::perform(
                async move { client.lookup_booking(&code).await },
                move |result| Message::LookedUp(result.map_err(|e| failure(&e, &zone))),
            ),
            None => Task::done(Message::LookedUp(Err(Failure::Offline))),
        },
        Action::CheckIn { code } => check_in(code, effects.client.clone(), context),
        Action::Cancel { booking_id, code } => match effects.client.clone() {
            Some(client) => Task::perform(
                async move { client.cancel_booking(booking_id, &code).await },
                move |result| {
                    Message::Cancelled(result.map(|_| ()).map_err(|e| failure(&e, &zone)))
                },
            ),
            None => Task::done(Message::Cancelled(Err(Failure::Offline))),
        },
        Action::PrintQueueTicket { ticket } => {
            let ticket = Ticket::Queue(ticket.queue_ticket(
                effects.municipality,
                effects.language,
                context.now,
            ));
            Task::perform(effects.print_ticket("queue", &ticket), |result| {
                Message::Printed(result.map_err(|why| match why {
                    TicketNotPrinted::NotReady => PrintFailure::NotReady,
                    TicketNotPrinted::Failed => PrintFailure::Failed,
                }))
            })
        }
        Action::None | Action::Done => Task::none(),
    }
}

fn check_in(code: String, client: Option<Client>, context: CheckInContext) -> Task<Message> {
    let CheckInContext {
        store,
        catalogue,
        now,
    } = context;
    let zone = now.time_zone().clone();
    let service_name = move |id: &str| -> LocalizedText {
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
    };
    let (Some(client), Some(store)) = (client, store) else {
        return Task::done(Message::CheckedIn(Err(Failure::Offline)));
    };
    // One key for this check-in: the client's own retries reuse it, and the backend gives the
    // same ticket to a booking checked in before anyway.
    let key = IdempotencyKey::new();
    Task::perform(
        async move { sync::check_in(&client, &store, &code, key, now).await },
        move |result| {
            Message::CheckedIn(match result {
                Ok(CheckInOutcome::Online(done)) => Ok(QueueTicketInfo {
                    service: service_name(&done.ticket.queue_service_id),
                    number: done.ticket.number,
                    people_ahead: Some(done.ticket.people_ahead),
                    estimated_wait_min: Some(done.ticket.estimated_wait_min),
                    booked_start: done.ticket.booked_start,
                    offline: false,
                }),
                Ok(CheckInOutcome::Offline(ticket)) => Ok(QueueTicketInfo {
                    service: service_name(&ticket.queue_service_id),
                    number: ticket.number,
                    people_ahead: None,
                    estimated_wait_min: None,
                    booked_start: Some(ticket.booked_start),
                    offline: true,
                }),
                Err(error) => Err(check_in_failure(&error, &zone)),
            })
        },
    )
}

fn check_in_failure(error: &CheckInError, zone: &TimeZone) -> Failure {
    match error {
        CheckInError::Backend(error) => failure(error, zone),
        CheckInError::Offline(CheckinError::TooEarly { window_start, .. }) => Failure::TooEarly {
            window_start: window_start.clone(),
        },
        CheckInError::Offline(CheckinError::TooLate { window_end, .. }) => Failure::TooLate {
            window_end: window_end.clone(),
        },
        CheckInError::Offline(offline) => match offline.problem_type() {
            Some(problem_type::BOOKING_NOT_FOUND) => Failure::NotFound,
            _ => Failure::Offline,
        },
    }
}

/// The backend's answer in the flow's terms; the window of a too-early or too-late answer is
/// read from the problem's extension members.
fn failure(error: &SyncError, zone: &TimeZone) -> Failure {
    if error.is_offline() {
        return Failure::Offline;
    }
    let window = |name: &str| -> Option<ZonedDateTime> {
        let text = error.problem()?.extensions.get(name)?.as_str()?;
        let timestamp: jiff::Timestamp = text.parse().ok()?;
        Some(timestamp.to_zoned_datetime(zone.clone()))
    };
    match error.problem_type() {
        Some(
            problem_type::BOOKING_NOT_FOUND | problem_type::NOT_FOUND | problem_type::INVALID_BODY,
        ) => Failure::NotFound,
        Some(problem_type::BOOKING_CANCELLED) => Failure::Cancelled,
        Some(problem_type::TOO_MANY_ATTEMPTS) => Failure::RateLimited,
        Some(problem_type::TOO_EARLY) => match window("window_start") {
            Some(window_start) => Failure::TooEarly { window_start },
            None => Failure::Other,
        },
        Some(problem_type::TOO_LATE) => match window("window_end") {
            Some(window_end) => Failure::TooLate { window_end },
            None => Failure::Other,
        },
        _ => Failure::Other,
    }
}
