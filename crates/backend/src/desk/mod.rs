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

/// Headers of every desk console page: it shows names and phone numbers, so no cache keeps it and
/// no other site may frame it (a framed console could be clicked through by a hidden page).
pub async fn staff_only_headers(
    mut response: axum::response::Response,
) -> axum::response::Response {
    use axum::http::{HeaderValue, header};
    let headers = response.headers_mut();
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static("frame-ancestors 'none'"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("same-origin"),
    );
    response
}
