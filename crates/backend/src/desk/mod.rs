//! The desk console (`/desk`): staff sign in, pick their desk and services, and call, serve and
//! close tickets; and the waiting-room display (`/display/{location}`). Server-rendered HTML
//! (maud: compile-time checked, every value escaped), plain CSS, a little plain JavaScript for the
//! live updates (Server-Sent Events), no build step.

pub mod auth;
pub mod display;
pub mod form;
pub mod form_key;
pub mod login;
pub mod pages;
pub mod password;
pub mod phone;
pub mod phone_pages;
pub mod routes;
pub mod sse;

use jiff::SignedDuration;
use jiff::tz::TimeZone;

/// Settings of the desk console.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DeskConfig {
    /// Mark cookies `Secure`: set when the backend is served over TLS (directly or behind a proxy).
    pub secure_cookies: bool,
    /// A session unused for this long is over.
    pub session_idle: SignedDuration,
}

impl Default for DeskConfig {
    fn default() -> DeskConfig {
        DeskConfig {
            secure_cookies: false,
            session_idle: SignedDuration::from_mins(30),
        }
    }
}

/// `HH:MM` in the zone, for UTC seconds.
pub fn hm(tz: &TimeZone, seconds: i64) -> String {
    jiff::Timestamp::from_second(seconds)
        .map(|t| {
            t.to_zoned_datetime(tz.clone())
                .strftime("%H:%M")
                .to_string()
        })
        .unwrap_or_default()
}
