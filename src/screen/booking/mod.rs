//! Booking an appointment: product, persons, day, time, the resident's details, a summary
//! while the slot is held, then confirm and print. A pure state machine: `update` returns an
//! [`Action`] for the root to carry out (load slots, hold, confirm, release, print) and the
//! result comes back as a [`Message`]. Nothing here does I/O or reads the clock.
//!
//! Everything the resident entered lives in [`State`] and is dropped with the session.

mod customer;
mod day;
mod done;
mod layout;
mod persons;
mod product;
mod summary;
mod time;
mod words;

use std::collections::BTreeMap;
use std::fmt;
use std::sync::Arc;

use iced::Element;
use jiff::ZonedDateTime;
use jiff::civil::Date;
use jiff::tz::TimeZone;
use uuid::Uuid;

use kiosk_api::{Booking, Catalogue, CreateBooking, LocalizedText, Product, Slot};

use crate::context::Context;
use crate::focus::FocusId;
use crate::screen::Service;
use crate::screen::flow::{Flow, Spoken, Surroundings};
use crate::widget::keyboard::KeyboardMessage;
use crate::widget::keypad::KeypadMessage;

pub use customer::{ContactMode, Field};

/// How many days ahead a resident can book, today included.
pub const DAYS_AHEAD: i64 = 28;

/// Why the backend could not do what was asked, as far as the resident needs to know.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Failure {
    /// The backend cannot be reached.
    Offline,
    /// 409 `slot-taken`: someone else was quicker.
    SlotTaken,
    /// 409 `hold-expired`: the summary stayed open too long.
    HoldExpired,
    /// 422 or 400: the backend refused what was sent.
    Invalid,
    /// 429: this kiosk held too many bookings in a short time (a rate limit of the backend).
    RateLimited,
    Other,
}

pub use crate::screen::PrintFailure;

/// The questions of the flow, in order. `Customer(i)` is the i-th of [`State::fields`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Product,
    Persons,
    Day,
    Time,
    Customer(usize),
    Summary,
    /// Booked: the ticket is printing, or the code is shown when it could not be printed.
    Done,
    /// The backend cannot book now: the resident is sent to the desk.
    Unavailable,
}

/// `Debug` (written out below) leaves out what the resident typed, so that logging a message
/// never logs a name, phone number or e-mail address.
#[derive(Clone, PartialEq)]
pub enum Message {
    PreviousPage,
    NextPage,
    ChooseProduct(String),
    ChoosePersons(u32),
    ChooseDay(Date),
    ChooseTime(Slot),
    /// Back to the day list from a day without free times.
    ChooseAnotherDay,
    /// For "phone or e-mail": which of the two the resident gives.
    Contact(ContactMode),
    /// A key of the on-screen keyboard (name, e-mail); its Done checks the field and goes on.
    Keyboard(KeyboardMessage),
    /// A key of the phone pad; its Done checks the number and goes on.
    Keypad(KeypadMessage),
    /// Book the held time; once the hold has run out (the button then reads "choose another
    /// time"), fresh times of the same day instead.
    Confirm,
    /// Leave the flow from the last screen or the "not available" screen.
    Finish,
}

/// What comes back from the backend and the printer: never a tap, so never held back by the
/// ghost-tap guard. `Debug` shows booking ids only.
#[derive(Clone, PartialEq)]
pub enum Reply {
    SlotsLoaded {
        from: Date,
        to: Date,
        result: Result<Vec<Slot>, Failure>,
    },
    Held(Result<Booking, Failure>),
    Confirmed(Result<Booking, Failure>),
    Printed(Result<(), PrintFailure>),
}

/// What the root must do. Each asks for exactly one result message, except `Release`, `Done`
/// and `None`. `Debug` leaves out the customer's details.
#[derive(Clone, PartialEq)]
pub enum Action {
    None,
    /// `GET /v1/slots?location=&product=&persons=&from=&to=`; answer with
    /// [`Reply::SlotsLoaded`] carrying the same `from` and `to`.
    LoadSlots {
        location_id: String,
        product_id: String,
        persons: u32,
        from: Date,
        to: Date,
    },
    /// `POST /v1/bookings`; answer with [`Reply::Held`].
    Hold(CreateBooking),
    /// `POST /v1/bookings/{id}/confirm`; answer with [`Reply::Confirmed`].
    Confirm {
        booking_id: Uuid,
    },
    /// Drop a hold the resident walked away from (`DELETE /v1/bookings/{id}?code=`); no answer.
    Release {
        booking_id: Uuid,
        code: String,
    },
    /// Print the booking ticket; answer with [`Reply::Printed`].
    PrintTicket(Box<TicketRequest>),
    /// The flow is over: back to the start screen.
    Done,
}

/// What the root needs to build the `BookingTicket`: names in every language, because the
/// resident may switch language while it prints.
#[derive(Debug, Clone, PartialEq)]
pub struct TicketRequest {
    pub booking: Booking,
    pub product: LocalizedText,
    pub location: LocalizedText,
    pub bring: Vec<LocalizedText>,
}

impl TicketRequest {
    /// The ticket in `language`, the time in the location's zone.
    pub fn ticket(
        &self,
        municipality: &str,
        language: kiosk_core::i18n::Language,
    ) -> kiosk_core::print::BookingTicket {
        kiosk_core::print::BookingTicket {
            municipality: municipality.to_owned(),
            product: words::localized(&self.product, language).to_owned(),
            starts_at: self.booking.start.clone(),
            location: words::localized(&self.location, language).to_owned(),
            booking_code: self.booking.code.clone(),
            qr_payload: self.booking.qr_payload.clone(),
            bring: self
                .bring
                .iter()
                .map(|item| words::localized(item, language).to_owned())
                .collect(),
        }
    }
}

impl fmt::Debug for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Message::PreviousPage => f.write_str("PreviousPage"),
            Message::NextPage => f.write_str("NextPage"),
            Message::ChooseProduct(id) => f.debug_tuple("ChooseProduct").field(id).finish(),
            Message::ChoosePersons(n) => f.debug_tuple("ChoosePersons").field(n).finish(),
            Message::ChooseDay(day) => f.debug_tuple("ChooseDay").field(day).finish(),
            Message::ChooseTime(slot) => f.debug_tuple("ChooseTime").field(slot).finish(),
            Message::ChooseAnotherDay => f.write_str("ChooseAnotherDay"),
            Message::Contact(mode) => f.debug_tuple("Contact").field(mode).finish(),
            // Keys are what the resident types: never in a log.
            Message::Keyboard(_) => f.write_str("Keyboard(..)"),
            Message::Keypad(_) => f.write_str("Keypad(..)"),
            Message::Confirm => f.write_str("Confirm"),
            Message::Finish => f.write_str("Finish"),
        }
    }
}

impl fmt::Debug for Reply {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let booking = |r: &Result<Booking, Failure>| r.as_ref().map(|b| b.id).map_err(|e| *e);
        match self {
            Reply::SlotsLoaded { from, to, result } => f
                .debug_struct("SlotsLoaded")
                .field("from", from)
                .field("to", to)
                .field("slots", &result.as_ref().map(Vec::len))
                .finish(),
            Reply::Held(result) => f.debug_tuple("Held").field(&booking(result)).finish(),
            Reply::Confirmed(result) => f.debug_tuple("Confirmed").field(&booking(result)).finish(),
            Reply::Printed(result) => f.debug_tuple("Printed").field(result).finish(),
        }
    }
}

impl fmt::Debug for Action {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Action::None => f.write_str("None"),
            Action::LoadSlots {
                location_id,
                product_id,
                persons,
                from,
                to,
            } => f
                .debug_struct("LoadSlots")
                .field("location_id", location_id)
                .field("product_id", product_id)
                .field("persons", persons)
                .field("from", from)
                .field("to", to)
                .finish(),
            Action::Hold(request) => f
                .debug_struct("Hold")
                .field("product_id", &request.product_id)
                .field("persons", &request.persons)
                .field("start", &request.start)
                .finish_non_exhaustive(),
            Action::Confirm { booking_id } => f
                .debug_struct("Confirm")
                .field("booking_id", booking_id)
                .finish(),
            Action::Release { booking_id, .. } => f
                .debug_struct("Release")
                .field("booking_id", booking_id)
                .finish_non_exhaustive(),
            Action::PrintTicket(request) => f
                .debug_tuple("PrintTicket")
                .field(&request.booking.id)
                .finish(),
            Action::Done => f.write_str("Done"),
        }
    }
}

/// The hold on the chosen slot, from the request to the confirmation.
#[derive(Debug, Clone, PartialEq)]
enum Hold {
    None,
    Requesting,
    Held(Booking),
    Confirming(Booking),
    Confirmed(Booking),
}

#[derive(Debug, Clone, PartialEq)]
enum Printing {
    NotYet,
    InFlight,
    Printed,
    Failed(PrintFailure),
}

/// A notice on the times screen after the chosen time was lost.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Notice {
    Taken,
}

#[derive(Debug, Clone)]
pub struct State {
    catalogue: Arc<Catalogue>,
    location_id: String,
    /// The location's zone: every time is shown in it, whatever offset the backend sent.
    tz: TimeZone,
    today: Date,
    step: Step,
    /// The page of the current step's list.
    page: usize,
    product_id: Option<String>,
    persons: u32,
    day: Option<Date>,
    /// Free slots per day, for the days loaded so far.
    slots: BTreeMap<Date, Vec<Slot>>,
    /// The range asked for and not answered yet.
    loading: Option<(Date, Date)>,
    slot: Option<Slot>,
    notice: Option<Notice>,
    /// Booking stopped because this kiosk reached the backend's hold limit: the page says so.
    rate_limited: bool,
    customer: customer::Form,
    hold: Hold,
    printing: Printing,
    /// The session's larger text: fewer choices a page (the views read it from their context).
    large_text: bool,
}

impl State {
    pub fn new(catalogue: Arc<Catalogue>, location_id: String, today: Date) -> Self {
        let tz = catalogue
            .locations
            .iter()
            .find(|l| l.id == location_id)
            .and_then(|l| TimeZone::get(&l.timezone).ok())
            .or_else(|| TimeZone::get("Europe/Brussels").ok())
            .unwrap_or(TimeZone::UTC);
        Self {
            catalogue,
            location_id,
            tz,
            today,
            step: Step::Product,
            page: 0,
            product_id: None,
            persons: 1,
            day: None,
            slots: BTreeMap::new(),
            loading: None,
            slot: None,
            notice: None,
            rate_limited: false,
            customer: customer::Form::default(),
            hold: Hold::None,
            printing: Printing::NotYet,
            large_text: false,
        }
    }

    /// With the session's larger text, the pages hold fewer choices.
    pub fn with_large_text(mut self, large_text: bool) -> Self {
        self.large_text = large_text;
        self
    }

    /// A flow that only says booking is not possible now (offline, or no catalogue yet), with
    /// the way back to the start.
    pub fn unavailable(catalogue: Arc<Catalogue>, location_id: String, today: Date) -> Self {
        let mut state = Self::new(catalogue, location_id, today);
        state.step = Step::Unavailable;
        state
    }

    /// The enabled buttons of the current screen in reading order; the views number their
    /// focus outlines from this list, so keyboard and touch can never disagree.
    fn targets(&self, ctx: &Context<'_>) -> Vec<Message> {
        match self.step {
            Step::Product => product::targets(self, ctx.size.is_large()),
            Step::Persons => persons::targets(self, ctx.size.is_large()),
            Step::Day => day::targets(self, ctx.size.is_large()),
            Step::Time => time::targets(self, ctx.size.is_large()),
            Step::Customer(i) => customer::targets(self, ctx, i),
            Step::Summary => summary::targets(self),
            Step::Done | Step::Unavailable => vec![Message::Finish],
        }
    }

    fn go(&mut self, step: Step) {
        self.step = step;
        self.page = 0;
    }

    fn pages(&self) -> usize {
        match self.step {
            Step::Product => {
                layout::pages(self.products().len(), product::per_page(self.large_text))
            }
            Step::Persons => layout::pages(
                self.max_persons() as usize,
                persons::per_page(self.large_text),
            ),
            Step::Day => layout::pages(DAYS_AHEAD as usize, day::per_page(self.large_text)),
            Step::Time => layout::pages(self.day_slots().len(), time::per_page(self.large_text)),
            _ => 1,
        }
    }

    /// The products offered at this kiosk's location, in catalogue order.
    fn products(&self) -> Vec<&Product> {
        self.catalogue
            .products
            .iter()
            .filter(|p| p.location_ids.contains(&self.location_id))
            .collect()
    }

    fn product(&self) -> Option<&Product> {
        let id = self.product_id.as_ref()?;
        self.catalogue.products.iter().find(|p| &p.id == id)
    }

    fn location(&self) -> Option<&kiosk_api::Location> {
        self.catalogue
            .locations
            .iter()
            .find(|l| l.id == self.location_id)
    }

    fn max_persons(&self) -> u32 {
        self.product().map_or(1, |p| p.max_persons.max(1))
    }

    fn needs_persons(&self) -> bool {
        self.max_persons() > 1
    }

    /// The customer fields of the chosen product: the name first, then each contact field once.
    fn fields(&self) -> Vec<Field> {
        customer::fields(self.product())
    }

    /// The free slots of the chosen day, in time order.
    fn day_slots(&self) -> &[Slot] {
        self.day
            .and_then(|day| self.slots.get(&day))
            .map_or(&[], Vec::as_slice)
    }

    fn choose_product(&mut self, id: String) -> Action {
        if !self.products().iter().any(|p| p.id == id) {
            return Action::None;
        }
        if self.product_id.as_ref() != Some(&id) {
            self.product_id = Some(id);
            self.persons = 1;
            self.forget_times();
        }
        if self.needs_persons() {
            self.go(Step::Persons);
            Action::None
        } else {
            self.enter_day()
        }
    }

    /// The product or persons changed: the free times known so far no longer apply.
    fn forget_times(&mut self) {
        self.slots.clear();
        self.loading = None;
        self.day = None;
        self.slot = None;
    }

    /// The day list, with full days known from one request for the whole four weeks.
    fn enter_day(&mut self) -> Action {
        self.go(Step::Day);
        if let Some(day) = self.day {
            self.page = day::page_of(self, day);
        }
        let last = self.last_day();
        self.load(self.today, last)
    }

    /// The times of the chosen day, asked again so that they are fresh.
    fn enter_time(&mut self) -> Action {
        self.go(Step::Time);
        match self.day {
            Some(day) => self.load(day, day),
            None => Action::None,
        }
    }

    fn last_day(&self) -> Date {
        self.today
            .saturating_add(jiff::SignedDuration::from_hours(24 * (DAYS_AHEAD - 1)))
    }

    fn load(&mut self, from: Date, to: Date) -> Action {
        let Some(product) = self.product() else {
            return Action::None;
        };
        let action = Action::LoadSlots {
            location_id: self.location_id.clone(),
            product_id: product.id.clone(),
            persons: self.persons,
            from,
            to,
        };
        // Asked once: a second tap while loading must not ask again.
        if self.loading == Some((from, to)) {
            return Action::None;
        }
        self.loading = Some((from, to));
        action
    }

    fn slots_loaded(&mut self, from: Date, to: Date, result: Result<Vec<Slot>, Failure>) -> Action {
        if self.loading != Some((from, to)) {
            return Action::None; // an answer to a question no longer asked
        }
        self.loading = None;
        match result {
            Ok(slots) => {
                let mut day = from;
                while day <= to {
                    self.slots.insert(day, Vec::new());
                    match day.tomorrow() {
                        Ok(next) => day = next,
                        Err(_) => break,
                    }
                }
                for slot in slots {
                    let local = slot.start.with_time_zone(self.tz.clone()).date();
                    if let Some(list) = self.slots.get_mut(&local) {
                        list.push(slot);
                    }
                }
                for list in self.slots.values_mut() {
                    list.sort_by_key(|s| s.start.timestamp());
                }
                Action::None
            }
            Err(_) => {
                self.go(Step::Unavailable);
                Action::None
            }
        }
    }

    fn customer_message(&mut self, i: usize, message: Message) -> Action {
        let fields = self.fields();
        let Some(field) = fields.get(i).copied() else {
            return Action::None;
        };
        if !self.customer.update(field, message) {
            return Action::None;
        }
        // The field is valid: the next field, or the summary.
        if i + 1 < fields.len() {
            self.go(Step::Customer(i + 1));
            return Action::None;
        }
        self.enter_summary()
    }

    /// The summary asks for a hold at once, so that the slot is kept while the resident reads.
    fn enter_summary(&mut self) -> Action {
        let (Some(product), Some(slot)) = (self.product(), self.slot.as_ref()) else {
            return Action::None;
        };
        let Some(customer) = self.customer.to_customer(&self.fields()) else {
            return Action::None;
        };
        let request = CreateBooking {
            location_id: self.location_id.clone(),
            product_id: product.id.clone(),
            persons: self.persons,
            start: slot.start.clone(),
            customer,
        };
        self.go(Step::Summary);
        if self.hold != Hold::None {
            return Action::None;
        }
        self.hold = Hold::Requesting;
        Action::Hold(request)
    }

    fn held(&mut self, result: Result<Booking, Failure>) -> Action {
        if self.hold != Hold::Requesting {
            // The resident went back before the hold arrived: nobody will confirm it.
            return match result {
                Ok(booking) => release(&booking),
                Err(_) => Action::None,
            };
        }
        match result {
            Ok(booking) => {
                self.hold = Hold::Held(booking);
                Action::None
            }
            Err(failure) => {
                self.hold = Hold::None;
                self.failed(failure)
            }
        }
    }

    fn confirm(&mut self, now: &ZonedDateTime) -> Action {
        let Hold::Held(booking) = &self.hold else {
            // Not held yet, or already confirming: a second tap does nothing.
            return Action::None;
        };
        if summary::seconds_left(booking, now) <= 0 {
            self.hold = Hold::None;
            return self.lost_time();
        }
        let booking_id = booking.id;
        self.hold = Hold::Confirming(booking.clone());
        Action::Confirm { booking_id }
    }

    fn confirmed(&mut self, result: Result<Booking, Failure>) -> Action {
        if !matches!(self.hold, Hold::Confirming(_)) {
            return Action::None;
        }
        match result {
            Ok(booking) => {
                self.hold = Hold::Confirmed(booking.clone());
                self.go(Step::Done);
                if self.printing != Printing::NotYet {
                    return Action::None;
                }
                self.printing = Printing::InFlight;
                let names = |text: Option<&LocalizedText>| text.cloned().unwrap_or_else(empty);
                Action::PrintTicket(Box::new(TicketRequest {
                    product: names(self.product().map(|p| &p.name)),
                    location: names(self.location().map(|l| &l.name)),
                    bring: self.product().map(|p| p.bring.clone()).unwrap_or_default(),
                    booking,
                }))
            }
            Err(failure) => {
                self.hold = Hold::None;
                self.failed(failure)
            }
        }
    }

    fn failed(&mut self, failure: Failure) -> Action {
        match failure {
            Failure::SlotTaken | Failure::HoldExpired => self.lost_time(),
            Failure::Offline | Failure::Invalid | Failure::Other => {
                self.go(Step::Unavailable);
                Action::None
            }
            Failure::RateLimited => {
                self.rate_limited = true;
                self.go(Step::Unavailable);
                Action::None
            }
        }
    }

    /// The chosen time is gone: fresh times of the same day, with a word why.
    fn lost_time(&mut self) -> Action {
        self.slot = None;
        self.notice = Some(Notice::Taken);
        if let Some(day) = self.day {
            self.slots.remove(&day);
        }
        self.enter_time()
    }
}

/// A catalogue with nothing in it, for [`State::unavailable`] before any catalogue was loaded.
pub fn empty_catalogue() -> Catalogue {
    Catalogue {
        locations: Vec::new(),
        products: Vec::new(),
        certificate_types: Vec::new(),
        queue_services: Vec::new(),
    }
}

fn release(booking: &Booking) -> Action {
    Action::Release {
        booking_id: booking.id,
        code: booking.code.clone(),
    }
}

fn empty() -> LocalizedText {
    LocalizedText {
        nl: String::new(),
        fr: String::new(),
        de: String::new(),
        en: String::new(),
    }
}

impl Flow for State {
    fn typed(&self, digit: char) -> Vec<Message> {
        vec![Message::Keypad(KeypadMessage::Insert(digit))]
    }

    type Message = Message;
    type Reply = Reply;
    type Action = Action;
    type Step = Step;

    /// The question on screen. The root treats a change of step like a change of screen (the
    /// ghost-tap guard and the focus), because a second tap would otherwise answer the next
    /// question.
    fn step(&self) -> Step {
        self.step
    }

    fn update(&mut self, message: Message, now: &ZonedDateTime) -> Action {
        match message {
            Message::PreviousPage => {
                self.page = self.page.saturating_sub(1);
                Action::None
            }
            Message::NextPage => {
                if self.page + 1 < self.pages() {
                    self.page += 1;
                }
                Action::None
            }
            Message::ChooseProduct(id) if self.step == Step::Product => self.choose_product(id),
            Message::ChoosePersons(n) if self.step == Step::Persons => {
                if n != self.persons {
                    self.persons = n;
                    self.forget_times();
                }
                self.enter_day()
            }
            Message::ChooseDay(day) if self.step == Step::Day => {
                if day::status(self, day) != day::Status::Open {
                    return Action::None;
                }
                if self.day != Some(day) {
                    self.slot = None;
                }
                self.day = Some(day);
                self.notice = None;
                self.enter_time()
            }
            Message::ChooseTime(slot) if self.step == Step::Time => {
                if self.loading.is_some() {
                    return Action::None;
                }
                self.slot = Some(slot);
                self.notice = None;
                self.go(Step::Customer(0));
                Action::None
            }
            Message::ChooseAnotherDay if self.step == Step::Time => self.enter_day(),
            Message::Contact(_) | Message::Keyboard(_) | Message::Keypad(_) => {
                let Step::Customer(i) = self.step else {
                    return Action::None;
                };
                self.customer_message(i, message)
            }
            Message::Confirm if self.step == Step::Summary => self.confirm(now),
            Message::Finish if matches!(self.step, Step::Done | Step::Unavailable) => Action::Done,
            // A message meant for another step (a late second tap): ignored.
            _ => Action::None,
        }
    }

    /// An answer to one of this flow's actions.
    fn reply(&mut self, reply: Reply, _now: &ZonedDateTime) -> Action {
        match reply {
            Reply::SlotsLoaded { from, to, result } => self.slots_loaded(from, to, result),
            Reply::Held(result) => self.held(result),
            Reply::Confirmed(result) => self.confirmed(result),
            Reply::Printed(result) => {
                if self.printing == Printing::InFlight {
                    self.printing = match result {
                        Ok(()) => Printing::Printed,
                        Err(failure) => Printing::Failed(failure),
                    };
                }
                Action::None
            }
        }
    }

    /// Back within the flow, keeping what was entered. `None`: leave the flow (the root goes
    /// back to where the resident came from).
    fn back(&mut self) -> Option<Action> {
        let previous = match self.step {
            Step::Product | Step::Done | Step::Unavailable => return None,
            Step::Persons => Step::Product,
            Step::Day if self.needs_persons() => Step::Persons,
            Step::Day => Step::Product,
            Step::Time => return Some(self.enter_day()),
            Step::Customer(0) => return Some(self.enter_time()),
            Step::Customer(i) => Step::Customer(i - 1),
            Step::Summary => {
                let last = Step::Customer(self.fields().len().saturating_sub(1));
                let action = match std::mem::replace(&mut self.hold, Hold::None) {
                    Hold::Held(booking) => release(&booking),
                    // Confirming: the answer decides; the resident waits a moment.
                    hold @ (Hold::Confirming(_) | Hold::Confirmed(_)) => {
                        self.hold = hold;
                        return Some(Action::None);
                    }
                    // A hold still on its way is released when it arrives.
                    Hold::Requesting | Hold::None => Action::None,
                };
                self.go(last);
                return Some(action);
            }
        };
        self.go(previous);
        Some(Action::None)
    }

    /// What the root must do when the session ends in the middle of the flow (Start again,
    /// idle): release a hold nobody will confirm. A hold being confirmed is kept: the answer
    /// decides.
    fn abandon(&self) -> Option<Action> {
        match &self.hold {
            Hold::Held(booking) => Some(release(booking)),
            _ => None,
        }
    }

    /// "Step n of N" for the current step; `None` after the questions.
    fn progress(&self) -> Option<(usize, usize)> {
        // Before a product is chosen, count the persons step if any product could need it.
        let persons = match self.product() {
            Some(p) => p.max_persons > 1,
            None => self.products().iter().any(|p| p.max_persons > 1),
        };
        // Likewise the details: as many screens as the most demanding product has.
        let fields = match self.product() {
            Some(_) => self.fields().len(),
            None => self
                .products()
                .into_iter()
                .map(|p| customer::fields(Some(p)).len())
                .max()
                .unwrap_or(1),
        };
        let persons_n = usize::from(persons);
        let total = 4 + persons_n + fields;
        let n = match self.step {
            Step::Product => 1,
            Step::Persons => 2,
            Step::Day => 2 + persons_n,
            Step::Time => 3 + persons_n,
            Step::Customer(i) => 4 + persons_n + i,
            Step::Summary => total,
            Step::Done | Step::Unavailable => return None,
        };
        Some((n, total))
    }

    /// The buttons of the current screen in reading order, numbered as `FocusId::Content`.
    /// Needs the words because the keyboard's keys are listed from its labelled rows; the
    /// context's own focus is not used.
    fn focus_targets(&self, ctx: &Context<'_>) -> Vec<(FocusId, Message)> {
        self.targets(ctx)
            .into_iter()
            .zip(0u8..)
            .map(|(message, i)| (FocusId::Content(i), message))
            .collect()
    }

    fn focus_label(&self, ctx: &Context<'_>, message: &Message) -> String {
        match message {
            Message::PreviousPage => ctx.tr("booking-page-previous"),
            Message::NextPage => ctx.tr("booking-page-next"),
            Message::ChooseProduct(id) => self
                .catalogue
                .products
                .iter()
                .find(|p| &p.id == id)
                .map(|p| {
                    format!(
                        "{}, {}",
                        words::localized(&p.name, ctx.language),
                        words::minutes(ctx, p.duration_for(1))
                    )
                })
                .unwrap_or_default(),
            Message::ChoosePersons(n) => {
                let mut args = kiosk_core::i18n::FluentArgs::new();
                args.set("persons", *n);
                ctx.tr_args("booking-persons-count", &args)
            }
            Message::ChooseDay(day) => words::long_date(ctx, *day),
            Message::ChooseTime(slot) => words::clock(&slot.start, &self.tz),
            Message::ChooseAnotherDay => ctx.tr("booking-another-day"),
            Message::Contact(ContactMode::Phone) => ctx.tr("booking-contact-phone"),
            Message::Contact(ContactMode::Email) => ctx.tr("booking-contact-email"),
            Message::Keyboard(key) => crate::widget::key_names::keyboard(ctx, key),
            Message::Keypad(key) => crate::widget::key_names::keypad(ctx, key),
            Message::Confirm => ctx.tr("booking-confirm"),
            Message::Finish if self.step == Step::Unavailable => ctx.tr("booking-unavailable-home"),
            Message::Finish => ctx.tr("booking-finish"),
        }
    }

    fn view<'a>(&'a self, ctx: &Context<'a>, around: &Surroundings<'a>) -> Element<'a, Message> {
        let now = around.now;
        match self.step {
            Step::Product => product::view(self, ctx),
            Step::Persons => persons::view(self, ctx),
            Step::Day => day::view(self, ctx),
            Step::Time => time::view(self, ctx),
            Step::Customer(i) => customer::view(self, ctx, i),
            Step::Summary => summary::view(self, ctx, now),
            Step::Done => done::view(self, ctx),
            Step::Unavailable => done::unavailable(self, ctx),
        }
    }

    fn spoken(&self, ctx: &Context<'_>, _around: &Surroundings<'_>) -> Spoken {
        let title = match self.step {
            Step::Product => "booking-product-title",
            Step::Persons => "booking-persons-title",
            Step::Day => "booking-day-title",
            Step::Time => "",
            Step::Customer(i) => match self.fields().get(i) {
                Some(Field::Name) => "booking-name-title",
                Some(Field::Phone) => "booking-phone-title",
                Some(Field::Email) => "booking-email-title",
                Some(Field::PhoneOrEmail) | None => "booking-contact-title",
            },
            Step::Summary => "booking-summary-title",
            Step::Done => "booking-done-title",
            Step::Unavailable => "booking-unavailable-title",
        };
        let question = match self.step {
            Step::Time => time::title(self, ctx),
            _ => ctx.tr(title),
        };
        let mut lines = vec![ctx.tr(Service::Booking.title_id()), question];
        match self.step {
            Step::Product | Step::Persons | Step::Day | Step::Time => {
                // The choices of this page, as the buttons say them (not the paging).
                lines.extend(
                    self.targets(ctx)
                        .iter()
                        .filter(|m| !matches!(m, Message::PreviousPage | Message::NextPage))
                        .map(|m| self.focus_label(ctx, m)),
                );
            }
            Step::Customer(i) => lines.extend(customer::spoken_lines(self, ctx, i)),
            Step::Done => {
                if let Hold::Confirmed(booking) = &self.hold {
                    lines.push(words::date_at(ctx, &booking.start, &self.tz));
                }
                if let (Printing::Failed(_), Hold::Confirmed(booking)) =
                    (&self.printing, &self.hold)
                {
                    lines.push(ctx.tr("booking-print-failed"));
                    lines.push(crate::speech_mode::spell(&booking.code));
                }
            }
            Step::Summary => lines.extend(
                summary::detail_lines(self, ctx)
                    .into_iter()
                    .map(|(label, value)| format!("{label}: {value}")),
            ),
            Step::Unavailable => {}
        }
        Spoken::new(lines)
    }
}
