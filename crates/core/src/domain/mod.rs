//! Belgian rules the kiosk checks itself, before anything reaches the backend: national register
//! numbers, phone numbers, e-mail addresses, booking codes.
//!
//! Every check returns a typed error whose [`message_id`](NationalNumberError::message_id) names
//! the message in `locales/*/input.ftl` that tells the resident what to fix. Errors never carry
//! what was typed, so they can be logged safely.

pub mod booking_code;
pub mod email;
pub mod national_number;
pub mod phone;

pub use booking_code::{BookingCode, BookingCodeError, BookingInput, QrSecret};
pub use email::{EmailAddress, EmailError};
pub use national_number::{NationalNumber, NationalNumberError, NumberKind, Sex};
pub use phone::{PhoneError, PhoneNumber};
