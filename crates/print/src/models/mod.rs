//! What is printed, apart from how: plain data, turned into language-neutral blocks with the
//! resident's words. The ESC/POS and PDF renderers only decide how blocks look.

mod blocks;
mod certificate;
mod document;
mod ticket;

pub use blocks::Block;
pub use certificate::{Certificate, Person, statement_id};
pub use document::{BookingConfirmation, Document, Municipality, Verification};
pub use ticket::{BookingTicket, QueueTicket, TestTicket, Ticket};

use jiff::ZonedDateTime;

use crate::labels::Labels;

/// "di 03/03/2026 09:30": the weekday is spelled in the resident's language; digits are the
/// Belgian order in all four languages.
pub fn day_and_time(labels: &dyn Labels, at: &ZonedDateTime) -> String {
    let weekday = at.weekday().to_monday_one_offset();
    let day = labels.get(&format!("print-weekday-{weekday}"));
    format!("{day} {}", at.strftime("%d/%m/%Y %H:%M"))
}

/// "03/03/2026 09:30".
pub fn date_time(at: &ZonedDateTime) -> String {
    at.strftime("%d/%m/%Y %H:%M").to_string()
}

/// "03/03/2026".
pub fn date(at: &jiff::civil::Date) -> String {
    at.strftime("%d/%m/%Y").to_string()
}
