//! The kiosk without its UI: configuration, languages, time, session rules, the backend client
//! and its local store, devices. No iced here: the UI crate turns what this crate offers into
//! screens, tasks and subscriptions.

pub mod certificate_print;
pub mod clock;
pub mod config;
pub mod devices;
pub mod domain;
pub mod i18n;
pub mod idle;
pub mod staff_pin;
pub mod store;
pub mod sync;

/// Printing, re-exported so that the UI needs one dependency for everything below it.
pub use kiosk_print as print;
