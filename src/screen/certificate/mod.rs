//! Requesting a certificate with the eID: choose the type (and say what it is for when the type
//! needs it), insert the card, read what will be read and why, type the PIN, check the preview,
//! print it on the A4 printer, take the card. A pure state machine: `update` returns an
//! [`Action`] for the root to carry out (read the card, verify the PIN, ask the backend, print)
//! and the result comes back as a [`Message`]. Nothing here does I/O or reads the clock.
//!
//! Privacy: the flow keeps only the holder's names (for the greeting), the PIN while it is
//! typed, the purpose and the preview; [`State::card_removed`] drops all of them at any
//! moment, and `Debug` never shows them.
//!
//! One tap, one action: a request on its way is never asked again until its answer arrives,
//! so a double tap cannot verify, request or print twice.

mod card;
mod document;
mod flow;
mod layout;
pub mod masking;
mod message;
mod pin;
pub mod pin_pad;
mod views;
mod words;

use std::fmt;

use iced::Element;
use jiff::ZonedDateTime;

use kiosk_api::CertificateType;
use kiosk_core::i18n::Language;

use crate::context::Context;
use crate::focus::FocusId;
use crate::screen::Service;
use crate::screen::flow::{Flow, Spoken, Surroundings};
use crate::widget::keyboard::Keyboard;
use pin_pad::PinKey;

pub use crate::screen::PrintFailure;
pub use card::{CardFailure, CardHolder, PinFailure};
pub use document::{CertificatePreview, Delivery, DocumentHandle, Failure};
pub use message::{Action, Message, Reply};
pub use pin::Pin;

/// The screens of the flow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    ChooseType,
    /// What the certificate is for, typed on the on-screen keyboard.
    Purpose,
    /// "Insert your eID card", with a picture of where.
    InsertCard,
    /// What will be read from the card and why, before anything is read.
    Privacy,
    ReadingCard,
    /// The PIN keypad, or "type your PIN on the card reader".
    Pin,
    CheckingPin,
    /// The backend is issuing the certificate.
    Requesting,
    Preview,
    Printing,
    /// "Take your card" (and the document from the printer).
    TakeCard,
    /// What went wrong and what to do now; see [`State::problem`].
    Problem,
    /// The card was taken out: everything about the resident is forgotten.
    Ended,
}

/// Why the problem screen is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    Card(CardFailure),
    PinBlocked,
    Backend(Failure),
}

/// The answer awaited, at most one at a time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Request {
    ReadCard,
    Pin,
    Certificate,
    Print,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Printing {
    NotYet,
    Printed,
    Failed(PrintFailure),
}

#[derive(Clone)]
pub struct State {
    step: Step,
    /// The session's larger text: fewer types a page (the views read it from their context).
    large_text: bool,
    types: Vec<CertificateType>,
    /// The reader has its own PIN pad: the PIN is typed there, never on the screen.
    reader_pin_pad: bool,
    /// The language the certificate is asked in; the root keeps it current.
    language: Language,
    page: usize,
    /// The part of the privacy notice shown when it takes two (landscape with larger text).
    notice_part: usize,
    chosen: Option<String>,
    purpose: String,
    /// Continue was tapped with nothing typed.
    purpose_missing: bool,
    keyboard: Keyboard,
    card_present: bool,
    holder: Option<CardHolder>,
    pin: Pin,
    wrong_pin: Option<u8>,
    preview: Option<CertificatePreview>,
    /// The part of the document shown when it takes several (landscape with larger text).
    preview_part: usize,
    printing: Printing,
    pending: Option<Request>,
    problem: Problem,
    /// The session ended after the document was handed out, not halfway.
    completed: bool,
}

impl fmt::Debug for State {
    /// Only what says where the flow is: nothing about the resident.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("State")
            .field("step", &self.step)
            .field("chosen", &self.chosen)
            .field("card_present", &self.card_present)
            .field("pending", &self.pending)
            .field("problem", &self.problem)
            .field("printing", &self.printing)
            .field("personal_data", &self.holds_personal_data())
            .finish_non_exhaustive()
    }
}

impl State {
    /// The first screen: the certificate types of the catalogue, in catalogue order.
    /// `reader_pin_pad`: the card reader has its own PIN pad.
    pub fn new(types: Vec<CertificateType>, reader_pin_pad: bool, language: Language) -> Self {
        Self {
            step: Step::ChooseType,
            types,
            reader_pin_pad,
            language,
            page: 0,
            notice_part: 0,
            chosen: None,
            purpose: String::new(),
            purpose_missing: false,
            keyboard: Keyboard::new(),
            card_present: false,
            holder: None,
            pin: Pin::new(),
            wrong_pin: None,
            preview: None,
            preview_part: 0,
            printing: Printing::NotYet,
            pending: None,
            problem: Problem::Backend(Failure::Other),
            completed: false,
            large_text: false,
        }
    }

    /// With the session's larger text, the pages hold fewer certificate types.
    pub fn with_large_text(mut self, large_text: bool) -> Self {
        self.large_text = large_text;
        self
    }

    /// The resident changed the language: the certificate will be asked in it.
    pub fn set_language(&mut self, language: Language) {
        self.language = language;
    }

    pub fn problem(&self) -> Problem {
        self.problem
    }

    /// Whether anything about the resident is held: names, PIN digits, purpose, certificate.
    pub fn holds_personal_data(&self) -> bool {
        self.holder.is_some()
            || !self.pin.is_empty()
            || !self.purpose.is_empty()
            || self.preview.is_some()
    }

    /// The card was taken out: at any moment the session ends and everything about the
    /// resident is dropped (the PIN zeroed). What was chosen goes too: nothing is left for
    /// the next person to see.
    pub fn card_removed(&mut self) -> Action {
        // Taken out after the document was handed over: a goodbye, not an interruption.
        let completed = self.step == Step::TakeCard && self.preview.is_some();
        let types = std::mem::take(&mut self.types);
        *self = Self::new(types, self.reader_pin_pad, self.language);
        self.step = Step::Ended;
        self.completed = completed;
        Action::None
    }

    /// Whether an issued document (to print) is held.
    /// What the preview shows, once the backend has answered.
    pub fn preview(&self) -> Option<&CertificatePreview> {
        self.preview.as_ref()
    }

    pub fn holds_document(&self) -> bool {
        self.preview
            .as_ref()
            .is_some_and(|preview| preview.document.document().is_some())
    }

    /// The enabled targets of the current screen; the views number their focus outlines from
    /// this list, so keyboard and touch can never disagree.
    fn targets(&self, ctx: &Context<'_>) -> Vec<Message> {
        views::targets(self, ctx)
    }

    fn chosen_type(&self) -> Option<&CertificateType> {
        let code = self.chosen.as_ref()?;
        self.types.iter().find(|t| &t.code == code)
    }

    fn needs_purpose(&self) -> bool {
        match self.chosen_type() {
            Some(t) => t.needs_purpose,
            // Before a choice, count the purpose step if any type could need it.
            None => self.types.iter().any(|t| t.needs_purpose),
        }
    }
}

impl Flow for State {
    fn typed(&self, digit: char) -> Vec<Message> {
        digit
            .to_digit(10)
            .and_then(|d| u8::try_from(d).ok())
            .map(|d| Message::Pin(PinKey::Digit(d)))
            .into_iter()
            .collect()
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
        flow::update(self, message)
    }

    /// The card reader's news, or an answer to one of this flow's actions.
    fn reply(&mut self, reply: Reply, _now: &ZonedDateTime) -> Action {
        flow::reply(self, reply)
    }

    /// Back within the flow, keeping what was entered (never the PIN). `None`: leave the flow.
    fn back(&mut self) -> Option<Action> {
        flow::back(self)
    }

    /// "Step n of N" for the steps a resident goes through; none on the end screens.
    fn progress(&self) -> Option<(usize, usize)> {
        let purpose = usize::from(self.needs_purpose());
        let n = match self.step {
            Step::ChooseType => 1,
            Step::Purpose => 2,
            Step::InsertCard | Step::Privacy | Step::ReadingCard => 2 + purpose,
            Step::Pin | Step::CheckingPin => 3 + purpose,
            Step::Requesting | Step::Preview | Step::Printing => 4 + purpose,
            Step::TakeCard | Step::Problem | Step::Ended => return None,
        };
        Some((n, 4 + purpose))
    }

    /// The buttons and keys of the current screen in reading order, numbered as
    /// `FocusId::Content`. Needs the words because the keyboard's keys come from its rows.
    fn focus_targets(&self, ctx: &Context<'_>) -> Vec<(FocusId, Message)> {
        self.targets(ctx)
            .into_iter()
            .zip(0u8..)
            .map(|(message, i)| (FocusId::Content(i), message))
            .collect()
    }

    fn focus_label(&self, ctx: &Context<'_>, message: &Message) -> String {
        match message {
            Message::ChooseType(code) => self
                .types
                .iter()
                .find(|t| &t.code == code)
                .map(|t| {
                    let name = words::localized(&t.name, ctx.language).to_owned();
                    match words::about(ctx, &t.code) {
                        Some(about) => format!("{name}. {about}"),
                        None => name,
                    }
                })
                .unwrap_or_default(),
            Message::NextPage if self.step == Step::Privacy => ctx.tr("certificate-privacy-more"),
            // As the pager's buttons say.
            Message::PreviousPage => ctx.tr("certificate-page-previous"),
            Message::NextPage => ctx.tr("certificate-page-next"),
            Message::Keyboard(key) => crate::widget::key_names::keyboard(ctx, key),
            // Never which digit: a PIN is not said aloud.
            Message::Pin(PinKey::Digit(_)) => ctx.tr("speech-pin-digit-key"),
            Message::Pin(PinKey::Erase) => ctx.tr("certificate-pin-erase"),
            Message::Pin(PinKey::Ok) => ctx.tr("certificate-pin-ok"),
            Message::Continue if self.step == Step::Privacy => ctx.tr("certificate-privacy-agree"),
            Message::Continue => ctx.tr("input-key-done"),
            Message::Print => ctx.tr("certificate-print"),
            Message::TryAgain => ctx.tr("certificate-try-again"),
            Message::Finish => match self.step {
                Step::Problem => ctx.tr("certificate-go-to-desk"),
                Step::Ended => ctx.tr("certificate-start-again"),
                _ => ctx.tr("certificate-finish"),
            },
        }
    }

    fn view<'a>(&'a self, ctx: &Context<'a>, _around: &Surroundings<'a>) -> Element<'a, Message> {
        views::view(self, ctx)
    }

    fn spoken(&self, ctx: &Context<'_>, _around: &Surroundings<'_>) -> Spoken {
        let title = match self.step {
            Step::ChooseType => "certificate-choose-title",
            Step::Purpose => "certificate-purpose-title",
            Step::InsertCard => "certificate-insert-title",
            Step::Privacy => "certificate-privacy-title",
            Step::ReadingCard => "certificate-reading",
            Step::Pin if self.reader_pin_pad => "certificate-pin-reader",
            Step::Pin => "certificate-pin-title",
            Step::CheckingPin => "certificate-checking-pin",
            Step::Requesting => "certificate-requesting",
            Step::Preview | Step::Printing => {
                return Spoken::new(
                    std::iter::once(ctx.tr(Service::Certificate.title_id()))
                        .chain(views::preview::spoken(self, ctx)),
                );
            }
            Step::TakeCard => "certificate-take-card-title",
            Step::Problem => views::problem::sentence_id(self.problem),
            Step::Ended => "certificate-ended-title",
        };
        let mut lines = vec![ctx.tr(Service::Certificate.title_id()), ctx.tr(title)];
        match self.step {
            Step::ChooseType => lines.extend(
                views::choose::targets(self, ctx.size.is_large())
                    .iter()
                    .filter(|m| matches!(m, Message::ChooseType(_)))
                    .map(|m| self.focus_label(ctx, m)),
            ),
            // The notice as shown: all of it, or the part on screen.
            Step::Privacy => lines.extend(views::notice(self, ctx).iter().map(|id| ctx.tr(id))),
            // How many digits, never which: "2 digits entered".
            Step::Pin => lines.extend(crate::widget::key_names::pin_progress(ctx, self.pin.len())),
            _ => {}
        }
        Spoken::new(lines)
    }
}
