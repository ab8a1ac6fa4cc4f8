//! Getting a queue number: checking in for an appointment (scan the QR code or type the code,
//! see the appointment, take the number that is printed, or cancel the appointment), or taking
//! a number without one (choose the service, the number is printed). Both end on the same
//! ticket screen, print the same way and fail in the same words. A pure state machine:
//! `update` returns an [`Action`] for the root to carry out (look up, check in, print, cancel)
//! and the result comes back as a [`Message`]. Nothing here does I/O or reads the clock.
//!
//! One tap, one action: a request on its way is never asked again until its answer arrives,
//! so a double tap cannot check in, cancel or print twice.

mod appointment;
mod ask;
mod failure;
mod layout;
mod problem;
mod ticket;
mod walk_in;
mod words;

use std::fmt;
use std::sync::Arc;

use iced::Element;
use jiff::ZonedDateTime;
use jiff::tz::TimeZone;
use uuid::Uuid;

use kiosk_api::{Booking, BookingStatus, Catalogue, LocalizedText, QueueService};
use kiosk_core::domain::{BookingCode, BookingCodeError, BookingInput};

use crate::context::Context;
use crate::focus::FocusId;
use crate::screen::Service;
use crate::screen::flow::{Flow, Spoken, Surroundings};
use crate::widget::keyboard::Outcome;
use crate::widget::keypad::{self, KeypadMessage};

pub use crate::screen::PrintFailure;
pub use failure::Failure;
pub use walk_in::open_services;

/// The screens of the flow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// The ticket printer could not print when the flow started: to the desk, no number.
    PrinterDown,
    /// Without an appointment: which service the number is for.
    ChooseService,
    TakingNumber,
    /// "Hold the QR code under the scanner", or type the code.
    Ask,
    Typing,
    LookingUp,
    Appointment,
    CheckingIn,
    /// The queue number, printing, printed, or to note down when printing failed.
    Ticket,
    ConfirmCancel,
    Cancelling,
    Cancelled,
    /// What went wrong and what to do now; see [`State::failure`].
    Problem,
}

/// What the resident gets for checking in, online or offline alike.
#[derive(Debug, Clone, PartialEq)]
pub struct QueueTicketInfo {
    /// E.g. "B007".
    pub number: String,
    /// The queue service's name in every language: the resident may switch while it prints.
    pub service: LocalizedText,
    /// Unknown offline.
    pub people_ahead: Option<u32>,
    /// Unknown offline.
    pub estimated_wait_min: Option<u32>,
    pub booked_start: Option<ZonedDateTime>,
    /// Numbered by the kiosk from its own block while the backend could not be reached.
    pub offline: bool,
    /// The booking had this number before this check-in (scanned again, here or at another
    /// kiosk): the resident is told so and may print it again; nothing prints by itself.
    pub already: bool,
}

impl QueueTicketInfo {
    /// The backend's ticket, with its queue truth.
    pub fn online(ticket: kiosk_api::Ticket, service: LocalizedText, already: bool) -> Self {
        Self {
            number: ticket.number,
            service,
            people_ahead: Some(ticket.people_ahead),
            estimated_wait_min: Some(ticket.estimated_wait_min),
            booked_start: ticket.booked_start,
            offline: false,
            already,
        }
    }

    /// A number the kiosk gave or knew while the backend was away: no queue truth.
    pub fn offline(
        number: String,
        service: LocalizedText,
        booked_start: Option<ZonedDateTime>,
        already: bool,
    ) -> Self {
        Self {
            number,
            service,
            people_ahead: None,
            estimated_wait_min: None,
            booked_start,
            offline: true,
            already,
        }
    }

    /// The paper ticket in `language`.
    pub fn queue_ticket(
        &self,
        municipality: &str,
        language: kiosk_core::i18n::Language,
        printed_at: ZonedDateTime,
    ) -> kiosk_core::print::QueueTicket {
        kiosk_core::print::QueueTicket {
            municipality: municipality.to_owned(),
            number: self.number.clone(),
            service: words::localized(&self.service, language).to_owned(),
            booked_at: self.booked_start.clone(),
            people_ahead: self.people_ahead,
            estimated_wait_minutes: self.estimated_wait_min,
            printed_at,
        }
    }
}

/// `Debug` (written out below) leaves out codes: a code opens the booking.
#[derive(Clone, PartialEq)]
pub enum Message {
    /// "Type my code" on the first screen.
    TypeCode,
    /// A key of the code keypad.
    Key(KeypadMessage),
    TakeNumber,
    AskCancel,
    ConfirmCancel,
    KeepAppointment,
    /// On a problem screen: enter the code again, or ask the backend again.
    TryAgain,
    /// "Print my ticket again", for a booking that already had its number.
    PrintAgain,
    /// Without an appointment: a number for this queue service.
    ChooseService(String),
    /// Leave the flow (finished, or "go to the desk").
    Finish,
}

/// What comes without a finger on this screen: the scanner, and the answers of the backend and
/// the printer. Never held back by the ghost-tap guard. `Debug` leaves out the code.
#[derive(Clone, PartialEq)]
pub enum Reply {
    /// The scanner read a line (QR payload or code).
    Scanned(String),
    /// The scanner read something that is not text.
    ScanGarbage,
    LookedUp(Result<Booking, Failure>),
    CheckedIn(Result<QueueTicketInfo, Failure>),
    /// The walk-in number, or why there is none.
    NumberGiven(Result<QueueTicketInfo, Failure>),
    Cancelled(Result<(), Failure>),
    Printed(Result<(), PrintFailure>),
}

/// What the root must do. Each but `None` and `Done` asks for exactly one result message.
/// `Debug` leaves out the code.
#[derive(Clone, PartialEq)]
pub enum Action {
    None,
    /// `GET /v1/bookings/lookup?code=` (`code` is the typed code or the QR payload); answer with
    /// [`Reply::LookedUp`], an unreachable backend as `Err(Failure::Offline)`.
    Lookup {
        code: String,
    },
    /// `kiosk_core::sync::check_in` (online, else offline from cached arrivals; a booking already
    /// checked in gives its ticket again); answer with [`Reply::CheckedIn`].
    CheckIn {
        code: String,
    },
    /// `kiosk_core::sync::take_walk_in_number` (online, else offline from the kiosk's block);
    /// answer with [`Reply::NumberGiven`].
    TakeNumber {
        queue_service_id: String,
    },
    /// Print the queue ticket (see [`QueueTicketInfo::queue_ticket`]); answer with
    /// [`Reply::Printed`].
    PrintQueueTicket {
        ticket: QueueTicketInfo,
    },
    /// `DELETE /v1/bookings/{id}?code=`; answer with [`Reply::Cancelled`].
    Cancel {
        booking_id: Uuid,
        code: String,
    },
    /// The flow is over: back to the start screen.
    Done,
}

impl fmt::Debug for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Message::TypeCode => f.write_str("TypeCode"),
            Message::Key(KeypadMessage::Insert(_)) => f.write_str("Key(Insert(..))"),
            Message::Key(key) => f.debug_tuple("Key").field(key).finish(),
            Message::TakeNumber => f.write_str("TakeNumber"),
            Message::AskCancel => f.write_str("AskCancel"),
            Message::ConfirmCancel => f.write_str("ConfirmCancel"),
            Message::KeepAppointment => f.write_str("KeepAppointment"),
            Message::TryAgain => f.write_str("TryAgain"),
            Message::PrintAgain => f.write_str("PrintAgain"),
            Message::ChooseService(id) => f.debug_tuple("ChooseService").field(id).finish(),
            Message::Finish => f.write_str("Finish"),
        }
    }
}

impl fmt::Debug for Reply {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Reply::Scanned(_) => f.write_str("Scanned(..)"),
            Reply::ScanGarbage => f.write_str("ScanGarbage"),
            Reply::LookedUp(result) => f
                .debug_tuple("LookedUp")
                .field(&result.as_ref().map(|b| b.id))
                .finish(),
            Reply::CheckedIn(result) => f.debug_tuple("CheckedIn").field(result).finish(),
            Reply::NumberGiven(result) => f.debug_tuple("NumberGiven").field(result).finish(),
            Reply::Cancelled(result) => f.debug_tuple("Cancelled").field(result).finish(),
            Reply::Printed(result) => f.debug_tuple("Printed").field(result).finish(),
        }
    }
}

impl fmt::Debug for Action {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Action::None => f.write_str("None"),
            Action::Lookup { .. } => f.write_str("Lookup { .. }"),
            Action::CheckIn { .. } => f.write_str("CheckIn { .. }"),
            Action::TakeNumber { queue_service_id } => f
                .debug_struct("TakeNumber")
                .field("queue_service_id", queue_service_id)
                .finish(),
            Action::PrintQueueTicket { ticket } => f
                .debug_struct("PrintQueueTicket")
                .field("number", &ticket.number)
                .finish_non_exhaustive(),
            Action::Cancel { booking_id, .. } => f
                .debug_struct("Cancel")
                .field("booking_id", booking_id)
                .finish_non_exhaustive(),
            Action::Done => f.write_str("Done"),
        }
    }
}

/// The request on its way, at most one at a time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Request {
    Lookup,
    CheckIn,
    TakeNumber,
    Print,
    Cancel,
}

/// Where the code came from: "Try again" after an unknown code goes back there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Source {
    Scanned,
    Typed,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Printing {
    NotYet,
    InFlight,
    Printed,
    Failed(PrintFailure),
}

#[derive(Debug, Clone)]
pub struct State {
    step: Step,
    /// Without an appointment: the services that give numbers now. Empty: checking in.
    walk_ins: Vec<QueueService>,
    /// The walk-in service chosen, for "Try again".
    chosen: Option<String>,
    catalogue: Option<Arc<Catalogue>>,
    /// The location's zone: times are shown in it, whatever offset the backend sent.
    tz: TimeZone,
    /// What the resident typed on the keypad, and why Done refused it.
    typed: String,
    typed_error: Option<BookingCodeError>,
    /// The code as the backend takes it (typed code or QR payload).
    code: Option<String>,
    source: Source,
    booking: Option<Booking>,
    ticket: Option<QueueTicketInfo>,
    printing: Printing,
    pending: Option<Request>,
    /// The request that failed, for "Try again".
    failed: Option<Request>,
    failure: Failure,
}

impl State {
    /// The first screen; when the printer cannot print, "go to the desk" instead.
    pub fn new(printer_can_print: bool) -> Self {
        Self {
            step: if printer_can_print {
                Step::Ask
            } else {
                Step::PrinterDown
            },
            walk_ins: Vec::new(),
            chosen: None,
            catalogue: None,
            tz: brussels(),
            typed: String::new(),
            typed_error: None,
            code: None,
            source: Source::Scanned,
            booking: None,
            ticket: None,
            printing: Printing::NotYet,
            pending: None,
            failed: None,
            failure: Failure::Other,
        }
    }

    /// A number without an appointment, for one of `services` (those open now); when the
    /// printer cannot print, "go to the desk" instead.
    pub fn walk_in(printer_can_print: bool, services: Vec<QueueService>) -> Self {
        let mut state = Self::new(printer_can_print);
        if printer_can_print {
            state.step = Step::ChooseService;
        }
        state.walk_ins = services;
        state
    }

    /// Whether this flow gives a number without an appointment.
    pub fn is_walk_in(&self) -> bool {
        !self.walk_ins.is_empty()
    }

    /// A scan on the start screen: the flow starts with the code. The root carries out the
    /// action (a lookup, or nothing when the printer cannot print or the scan is no code).
    pub fn scanned(code: String, printer_can_print: bool) -> (Self, Action) {
        let mut state = Self::new(printer_can_print);
        let action = state.update_scan(Some(code));
        (state, action)
    }

    /// Product names, and the location's time zone, for the appointment screen.
    pub fn with_catalogue(mut self, catalogue: Arc<Catalogue>) -> Self {
        self.catalogue = Some(catalogue);
        self
    }

    /// Why the problem screen is shown.
    pub fn failure(&self) -> &Failure {
        &self.failure
    }

    /// The enabled buttons of the current screen in reading order; the views number their
    /// focus outlines from this list, so keyboard and touch can never disagree.
    fn targets(&self) -> Vec<Message> {
        match self.step {
            Step::Ask => vec![Message::TypeCode],
            Step::ChooseService => self
                .walk_ins
                .iter()
                .map(|s| Message::ChooseService(s.id.clone()))
                .collect(),
            Step::Typing => keypad_messages(),
            Step::Appointment => vec![Message::TakeNumber, Message::AskCancel],
            Step::ConfirmCancel => vec![Message::ConfirmCancel, Message::KeepAppointment],
            Step::Ticket if self.printing == Printing::InFlight => Vec::new(),
            Step::Ticket if self.may_print_again() => vec![Message::PrintAgain, Message::Finish],
            Step::Ticket | Step::Cancelled | Step::PrinterDown => vec![Message::Finish],
            Step::Problem => problem::targets(self),
            Step::LookingUp | Step::CheckingIn | Step::TakingNumber | Step::Cancelling => {
                Vec::new()
            }
        }
    }

    fn can_finish(&self) -> bool {
        match self.step {
            Step::PrinterDown | Step::Cancelled | Step::Problem => true,
            Step::Ticket => self.printing != Printing::InFlight,
            _ => false,
        }
    }

    /// A number the booking already had may be printed again once, or again after a failure.
    fn may_print_again(&self) -> bool {
        self.ticket.as_ref().is_some_and(|t| t.already)
            && matches!(self.printing, Printing::NotYet | Printing::Failed(_))
    }

    fn print_again(&mut self) -> Action {
        let Some(ticket) = self.ticket.clone() else {
            return Action::None;
        };
        self.printing = Printing::InFlight;
        self.pending = Some(Request::Print);
        Action::PrintQueueTicket { ticket }
    }

    fn answers(&self, request: Request) -> bool {
        self.pending == Some(request)
    }

    /// Drops everything about the last code.
    fn forget(&mut self) {
        self.typed.clear();
        self.typed_error = None;
        self.code = None;
        self.booking = None;
        self.ticket = None;
        self.printing = Printing::NotYet;
        self.failed = None;
        self.chosen = None;
    }

    fn key(&mut self, key: KeypadMessage) -> Action {
        if keypad::apply_code(&mut self.typed, key) == Outcome::Editing {
            self.typed_error = None;
            return Action::None;
        }
        match BookingCode::parse(&self.typed) {
            Ok(code) => {
                self.source = Source::Typed;
                self.lookup(code.as_str().to_owned())
            }
            Err(error) => {
                self.typed_error = Some(error);
                Action::None
            }
        }
    }

    /// A scan (`None`: unreadable). Ignored while an answer is awaited, so that a second scan
    /// cannot start a second check-in; on every other screen it starts afresh.
    fn update_scan(&mut self, code: Option<String>) -> Action {
        if self.pending.is_some() || self.step == Step::PrinterDown {
            return Action::None;
        }
        self.forget();
        // A scan means an appointment, even on the walk-in screens: it is checked in.
        self.walk_ins.clear();
        self.source = Source::Scanned;
        match code.as_deref().map(BookingInput::parse) {
            Some(Ok(input)) => self.lookup(input.to_backend()),
            _ => self.problem(Failure::NotFound, None),
        }
    }

    fn lookup(&mut self, code: String) -> Action {
        self.code = Some(code.clone());
        self.step = Step::LookingUp;
        self.pending = Some(Request::Lookup);
        Action::Lookup { code }
    }

    fn looked_up(&mut self, result: Result<Booking, Failure>) -> Action {
        self.pending = None;
        match result {
            Ok(booking) => match booking.status {
                BookingStatus::Cancelled => self.problem(Failure::Cancelled, None),
                BookingStatus::Expired => self.problem(Failure::NotFound, None),
                BookingStatus::Held | BookingStatus::Confirmed => {
                    self.booking = Some(booking);
                    self.step = Step::Appointment;
                    Action::None
                }
            },
            // The backend is away: the root checks in from the cached arrivals at once, as
            // there is no appointment to show.
            Err(Failure::Offline) => self.check_in(),
            Err(failure) => self.problem(failure, Some(Request::Lookup)),
        }
    }

    fn check_in(&mut self) -> Action {
        let Some(code) = self.code.clone() else {
            return Action::None;
        };
        if self.pending.is_some() || self.ticket.is_some() {
            return Action::None;
        }
        self.step = Step::CheckingIn;
        self.pending = Some(Request::CheckIn);
        Action::CheckIn { code }
    }

    fn checked_in(&mut self, result: Result<QueueTicketInfo, Failure>) -> Action {
        self.pending = None;
        match result {
            Ok(ticket) if ticket.already => {
                // One visit, one number: the number it has, shown; printed only if asked.
                self.ticket = Some(ticket);
                self.step = Step::Ticket;
                self.printing = Printing::NotYet;
                Action::None
            }
            Ok(ticket) => {
                self.ticket = Some(ticket.clone());
                self.step = Step::Ticket;
                self.printing = Printing::InFlight;
                self.pending = Some(Request::Print);
                Action::PrintQueueTicket { ticket }
            }
            Err(failure) => self.problem(failure, Some(Request::CheckIn)),
        }
    }

    fn take_number(&mut self, queue_service_id: String) -> Action {
        if self.pending.is_some() || self.ticket.is_some() {
            return Action::None;
        }
        self.chosen = Some(queue_service_id.clone());
        self.step = Step::TakingNumber;
        self.pending = Some(Request::TakeNumber);
        Action::TakeNumber { queue_service_id }
    }

    /// A number given is printed at once, as for a check-in.
    fn number_given(&mut self, result: Result<QueueTicketInfo, Failure>) -> Action {
        self.pending = None;
        match result {
            Ok(ticket) => {
                self.ticket = Some(ticket.clone());
                self.step = Step::Ticket;
                self.printing = Printing::InFlight;
                self.pending = Some(Request::Print);
                Action::PrintQueueTicket { ticket }
            }
            Err(failure) => self.problem(failure, Some(Request::TakeNumber)),
        }
    }

    fn cancel(&mut self) -> Action {
        let (Some(booking), Some(code)) = (&self.booking, &self.code) else {
            return Action::None;
        };
        if self.pending.is_some() {
            return Action::None;
        }
        let action = Action::Cancel {
            booking_id: booking.id,
            code: code.clone(),
        };
        self.step = Step::Cancelling;
        self.pending = Some(Request::Cancel);
        action
    }

    fn problem(&mut self, failure: Failure, failed: Option<Request>) -> Action {
        self.pending = None;
        self.failure = failure;
        self.failed = failed;
        self.step = Step::Problem;
        Action::None
    }

    fn try_again(&mut self) -> Action {
        if self.failure == Failure::NotFound {
            // Check the code: the typed one stays on the keypad to correct.
            self.step = match self.source {
                Source::Typed => Step::Typing,
                Source::Scanned => Step::Ask,
            };
            self.failed = None;
            return Action::None;
        }
        match self.failed.take() {
            Some(Request::Lookup) => match self.code.clone() {
                Some(code) => self.lookup(code),
                None => self.restart(),
            },
            Some(Request::CheckIn) => self.check_in(),
            Some(Request::TakeNumber) => match self.chosen.clone() {
                Some(service) => self.take_number(service),
                None => self.restart(),
            },
            Some(Request::Cancel) => {
                self.step = Step::ConfirmCancel;
                self.cancel()
            }
            Some(Request::Print) | None => self.restart(),
        }
    }

    fn restart(&mut self) -> Action {
        self.forget();
        self.step = self.first_step();
        Action::None
    }

    /// Where the flow starts over: the service list without an appointment, else the scan.
    fn first_step(&self) -> Step {
        if self.is_walk_in() {
            Step::ChooseService
        } else {
            Step::Ask
        }
    }

    /// The flow's name, as on the start screen.
    fn service(&self) -> Service {
        if self.is_walk_in() {
            Service::WalkIn
        } else {
            Service::CheckIn
        }
    }

    /// The booked product's name, when the catalogue knows it.
    fn product_name(&self) -> Option<&LocalizedText> {
        let booking = self.booking.as_ref()?;
        let catalogue = self.catalogue.as_ref()?;
        catalogue
            .products
            .iter()
            .find(|p| p.id == booking.product_id)
            .map(|p| &p.name)
    }

    /// The booking's location zone, else Brussels.
    fn zone(&self) -> TimeZone {
        let location = self.booking.as_ref().and_then(|booking| {
            self.catalogue
                .as_ref()?
                .locations
                .iter()
                .find(|l| l.id == booking.location_id)
        });
        location
            .and_then(|l| TimeZone::get(&l.timezone).ok())
            .unwrap_or_else(|| self.tz.clone())
    }
}

/// The code keypad's keys in the order both of its layouts draw them.
fn keypad_messages() -> Vec<Message> {
    kiosk_core::domain::booking_code::ALPHABET
        .chars()
        .map(|c| Message::Key(KeypadMessage::Insert(c)))
        .chain([
            Message::Key(KeypadMessage::Backspace),
            Message::Key(KeypadMessage::Done),
        ])
        .collect()
}

fn brussels() -> TimeZone {
    TimeZone::get("Europe/Brussels").unwrap_or(TimeZone::UTC)
}

impl State {
    /// The code typed so far, spelled, and what is wrong with it.
    fn typed_lines(&self, ctx: &Context<'_>) -> Vec<String> {
        let spelled = crate::speech_mode::spell(&self.typed);
        std::iter::once(crate::widget::key_names::typed(ctx, &spelled))
            .chain(self.typed_error.map(|e| ctx.tr(e.message_id())))
            .collect()
    }
}

impl Flow for State {
    fn typed(&self, digit: char) -> Vec<Message> {
        vec![Message::Key(KeypadMessage::Insert(digit))]
    }

    type Message = Message;
    type Reply = Reply;
    type Action = Action;
    type Step = Step;

    /// The screen shown. The root treats a change of step like a change of screen (the
    /// ghost-tap guard and the focus).
    fn step(&self) -> Step {
        self.step
    }

    fn update(&mut self, message: Message, _now: &ZonedDateTime) -> Action {
        match message {
            Message::TypeCode if self.step == Step::Ask => {
                self.step = Step::Typing;
                Action::None
            }
            Message::Key(key) if self.step == Step::Typing => self.key(key),
            Message::TakeNumber if self.step == Step::Appointment => self.check_in(),
            Message::ChooseService(id)
                if self.step == Step::ChooseService && self.walk_ins.iter().any(|s| s.id == id) =>
            {
                self.take_number(id)
            }
            Message::AskCancel if self.step == Step::Appointment => {
                self.step = Step::ConfirmCancel;
                Action::None
            }
            Message::KeepAppointment if self.step == Step::ConfirmCancel => {
                self.step = Step::Appointment;
                Action::None
            }
            Message::ConfirmCancel if self.step == Step::ConfirmCancel => self.cancel(),
            Message::TryAgain if self.step == Step::Problem => self.try_again(),
            Message::PrintAgain if self.step == Step::Ticket && self.may_print_again() => {
                self.print_again()
            }
            Message::Finish if self.can_finish() => Action::Done,
            // A late second tap: ignored.
            _ => Action::None,
        }
    }

    /// A scan, or an answer to one of this flow's actions.
    fn reply(&mut self, reply: Reply, _now: &ZonedDateTime) -> Action {
        match reply {
            Reply::Scanned(code) => self.update_scan(Some(code)),
            Reply::ScanGarbage => self.update_scan(None),
            Reply::LookedUp(result) if self.answers(Request::Lookup) => self.looked_up(result),
            Reply::CheckedIn(result) if self.answers(Request::CheckIn) => self.checked_in(result),
            Reply::NumberGiven(result) if self.answers(Request::TakeNumber) => {
                self.number_given(result)
            }
            Reply::Cancelled(result) if self.answers(Request::Cancel) => match result {
                // Cancelled before: what the resident wanted is done all the same.
                Ok(()) | Err(Failure::Cancelled) => {
                    self.step = Step::Cancelled;
                    Action::None
                }
                Err(failure) => self.problem(failure, Some(Request::Cancel)),
            },
            Reply::Printed(result) if self.answers(Request::Print) => {
                self.pending = None;
                self.printing = match result {
                    Ok(()) => Printing::Printed,
                    Err(failure) => Printing::Failed(failure),
                };
                Action::None
            }
            // An answer to a question no longer asked: ignored.
            _ => Action::None,
        }
    }

    /// Back within the flow. `None`: leave the flow.
    fn back(&mut self) -> Option<Action> {
        let previous = match self.step {
            Step::PrinterDown | Step::Ask | Step::ChooseService | Step::Cancelled => return None,
            // The number stays until the ticket has printed or failed to.
            Step::Ticket if self.printing == Printing::InFlight => return Some(Action::None),
            Step::Ticket => return None,
            // An answer is on its way: it decides.
            Step::LookingUp | Step::CheckingIn | Step::TakingNumber | Step::Cancelling => {
                return Some(Action::None);
            }
            Step::Typing | Step::Appointment | Step::Problem => self.first_step(),
            Step::ConfirmCancel => Step::Appointment,
        };
        if previous == self.first_step() {
            self.forget();
        }
        self.step = previous;
        Some(Action::None)
    }

    /// The buttons of the current screen in reading order, numbered as `FocusId::Content`.
    fn focus_targets(&self, _ctx: &Context<'_>) -> Vec<(FocusId, Message)> {
        self.targets()
            .into_iter()
            .zip(0u8..)
            .map(|(message, i)| (FocusId::Content(i), message))
            .collect()
    }

    fn view<'a>(&'a self, ctx: &Context<'a>, around: &Surroundings<'a>) -> Element<'a, Message> {
        let now = around.now;
        match self.step {
            Step::PrinterDown | Step::Problem => problem::view(self, ctx, now),
            Step::Ask => ask::view(self, ctx),
            Step::ChooseService => walk_in::view(self, ctx),
            Step::TakingNumber => layout::working(self, ctx, "walkin-taking"),
            Step::Typing => ask::typing(self, ctx),
            Step::LookingUp => layout::working(self, ctx, "checkin-looking-up"),
            Step::CheckingIn => layout::working(self, ctx, "checkin-checking-in"),
            Step::Cancelling => layout::working(self, ctx, "checkin-cancelling"),
            Step::Appointment => appointment::view(self, ctx),
            Step::ConfirmCancel => appointment::confirm_cancel(self, ctx),
            Step::Cancelled => appointment::cancelled(self, ctx),
            Step::Ticket => ticket::view(self, ctx),
        }
    }

    fn focus_label(&self, ctx: &Context<'_>, message: &Message) -> String {
        match message {
            Message::TypeCode => ctx.tr("checkin-type-code"),
            Message::Key(key) => crate::widget::key_names::keypad(ctx, key),
            Message::TakeNumber => ctx.tr("checkin-take-number"),
            Message::AskCancel => ctx.tr("checkin-cancel"),
            Message::ConfirmCancel => ctx.tr("checkin-cancel-yes"),
            Message::KeepAppointment => ctx.tr("checkin-cancel-no"),
            Message::TryAgain => ctx.tr("checkin-try-again"),
            Message::PrintAgain => ctx.tr("checkin-print-again"),
            Message::ChooseService(id) => self
                .walk_ins
                .iter()
                .find(|s| &s.id == id)
                .map(|s| words::localized(&s.name, ctx.language).to_owned())
                .unwrap_or_default(),
            Message::Finish => match self.step {
                Step::PrinterDown | Step::Problem => ctx.tr(problem::finish_label(self)),
                _ => ctx.tr("checkin-finish"),
            },
        }
    }

    fn spoken(&self, ctx: &Context<'_>, around: &Surroundings<'_>) -> Spoken {
        if let (Step::Ticket, Some(ticket)) = (self.step, &self.ticket) {
            return Spoken::new(
                std::iter::once(ctx.tr(self.service().title_id()))
                    .chain(ticket::spoken(self, ctx, ticket)),
            );
        }
        let sentence = match self.step {
            Step::PrinterDown | Step::Problem => problem::sentence(self, ctx, around.now),
            Step::ConfirmCancel => appointment::cancel_question(self, ctx),
            Step::Ask => ctx.tr("checkin-ask-title"),
            Step::ChooseService => ctx.tr("walkin-choose-title"),
            Step::TakingNumber => ctx.tr("walkin-taking"),
            Step::Typing => ctx.tr("checkin-type-title"),
            Step::LookingUp => ctx.tr("checkin-looking-up"),
            Step::Appointment => ctx.tr("checkin-appointment-title"),
            Step::CheckingIn => ctx.tr("checkin-checking-in"),
            Step::Ticket => ctx.tr("checkin-ticket-title"),
            Step::Cancelling => ctx.tr("checkin-cancelling"),
            Step::Cancelled => ctx.tr("checkin-cancelled-title"),
        };
        let mut lines = vec![ctx.tr(self.service().title_id()), sentence];
        match self.step {
            Step::ChooseService => lines.extend(
                self.walk_ins
                    .iter()
                    .map(|s| words::localized(&s.name, ctx.language).to_owned()),
            ),
            Step::Ask => lines.push(ctx.tr("checkin-ask-hint")),
            Step::Typing => lines.extend(self.typed_lines(ctx)),
            Step::Cancelled => lines.push(ctx.tr("checkin-cancelled-body")),
            Step::Appointment => lines.extend(appointment::detail_lines(self, ctx)),
            _ => {}
        }
        Spoken::new(lines)
    }
}
