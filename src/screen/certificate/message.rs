//! What comes into the flow (taps, and the results of what the root was asked to do) and
//! what goes out. `Debug` of both leaves out the resident: PIN digits, names, purpose.

use std::fmt;

use kiosk_core::i18n::Language;

use crate::widget::keyboard::KeyboardMessage;

use super::pin_pad::PinKey;
use super::{
    CardFailure, CardHolder, CertificatePreview, DocumentHandle, Failure, Pin, PinFailure,
    PrintFailure,
};

#[derive(Clone, PartialEq)]
pub enum Message {
    /// A certificate type, by its catalogue code.
    ChooseType(String),
    PreviousPage,
    NextPage,
    /// A key of the on-screen keyboard, typing the purpose; its Done is Continue.
    Keyboard(KeyboardMessage),
    /// A key of the on-screen PIN keypad.
    Pin(PinKey),
    Continue,
    Print,
    /// Leave: after a problem, after a deferred request, or from the end screen.
    Finish,
    TryAgain,
}

/// What comes without a finger: the card reader's events and the answers of the card, the
/// backend and the printer. Never held back by the ghost-tap guard.
#[derive(Clone, PartialEq)]
pub enum Reply {
    CardInserted,
    CardRemoved,
    CardRead(Result<CardHolder, CardFailure>),
    PinResult(Result<(), PinFailure>),
    Answer(Result<CertificatePreview, Failure>),
    Printed(Result<(), PrintFailure>),
}

/// What the root must do. Each of `ReadCard`, `VerifyPin`, `VerifyPinOnReader`, `Request` and
/// `PrintDocument` asks for exactly one result message.
#[derive(Clone, PartialEq)]
pub enum Action {
    None,
    /// Read the names from the card in the reader; answer with [`Reply::CardRead`].
    ReadCard,
    /// Verify `pin` with the card (the authentication key's PIN); answer with
    /// [`Reply::PinResult`]. Drop the `Pin` as soon as it is sent: it zeroes itself.
    VerifyPin {
        pin: Pin,
    },
    /// The reader has its own PIN pad: start a verification there (the resident types on
    /// the reader); answer with [`Reply::PinResult`].
    VerifyPinOnReader,
    /// Ask the backend to issue the certificate `type_code` for the card holder, its words in
    /// `language`; answer with [`Reply::Answer`].
    Request {
        type_code: String,
        purpose: Option<String>,
        language: Language,
    },
    /// Print the issued document on the A4 printer; answer with [`Reply::Printed`].
    PrintDocument {
        document: DocumentHandle,
    },
    /// The flow is over: back to the start screen.
    Done,
}

impl fmt::Debug for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Message::ChooseType(code) => f.debug_tuple("ChooseType").field(code).finish(),
            Message::PreviousPage => f.write_str("PreviousPage"),
            Message::NextPage => f.write_str("NextPage"),
            Message::Keyboard(_) => f.write_str("Keyboard(..)"),
            Message::Pin(key) => f.debug_tuple("Pin").field(key).finish(),
            Message::Continue => f.write_str("Continue"),
            Message::Print => f.write_str("Print"),
            Message::Finish => f.write_str("Finish"),
            Message::TryAgain => f.write_str("TryAgain"),
        }
    }
}

impl fmt::Debug for Reply {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Reply::CardInserted => f.write_str("CardInserted"),
            Reply::CardRemoved => f.write_str("CardRemoved"),
            Reply::CardRead(result) => f.debug_tuple("CardRead").field(result).finish(),
            Reply::PinResult(result) => f.debug_tuple("PinResult").field(result).finish(),
            Reply::Answer(result) => f.debug_tuple("Answer").field(result).finish(),
            Reply::Printed(result) => f.debug_tuple("Printed").field(result).finish(),
        }
    }
}

impl fmt::Debug for Action {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Action::None => f.write_str("None"),
            Action::ReadCard => f.write_str("ReadCard"),
            Action::VerifyPin { pin } => f.debug_struct("VerifyPin").field("pin", pin).finish(),
            Action::VerifyPinOnReader => f.write_str("VerifyPinOnReader"),
            Action::Request {
                type_code,
                purpose,
                language,
            } => f
                .debug_struct("Request")
                .field("type_code", type_code)
                .field("purpose", &purpose.as_ref().map(|_| ".."))
                .field("language", language)
                .finish(),
            Action::PrintDocument { document } => f
                .debug_struct("PrintDocument")
                .field("document", document)
                .finish(),
            Action::Done => f.write_str("Done"),
        }
    }
}
