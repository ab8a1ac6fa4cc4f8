//! The kiosk without its UI: configuration, languages, time, session rules. No iced here: the UI
//! crate turns what this crate offers into screens, tasks and subscriptions.

pub mod clock;
pub mod config;
pub mod i18n;
pub mod idle;
