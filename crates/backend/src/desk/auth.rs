//! Who is at the desk: the session cookie, the CSRF check of every state-changing form, and the
//! browser's remembered desk.

use axum::extract::FromRequestParts;
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Redirect, Response};

use super::form::{FormData, cookie, same_secret};
use super::pages;
use crate::codes::sha256_hex;
use crate::http::AppState;
use crate::queue::DeskRef;
use crate::store::StaffSession;

/// The session token (only its SHA-256 is stored).
pub const SESSION_COOKIE: &str = "desk_session";
/// The desk and services picked on this browser, remembered for the next login.
pub const PREFS_COOKIE: &str = "desk_prefs";
/// The login form's own CSRF token, before there is a session to tie it to.
pub const LOGIN_COOKIE: &str = "desk_login";

/// A signed-in clerk (the session was found and its inactivity clock restarted).
pub struct Clerk {
    pub session: StaffSession,
    pub token_hash: String,
}

impl Clerk {
    /// The desk the clerk works at, once picked.
    pub fn desk(&self) -> Option<DeskRef> {
        let s = &self.session;
        match (&s.location_id, &s.desk) {
            (Some(location_id), Some(desk)) if !s.services.is_empty() => Some(DeskRef {
                staff_id: s.staff_id,
                location_id: location_id.clone(),
                desk: desk.clone(),
                services: s.services.clone(),
            }),
            _ => None,
        }
    }

    /// Whether the form carries this session's CSRF token (refuse it with [`csrf_refused`]).
    pub fn csrf_ok(&self, form: &FormData) -> bool {
        form.get("csrf")
            .is_some_and(|token| same_secret(token, &self.session.csrf))
    }
}

pub fn csrf_refused() -> Response {
    pages::message_page(
        StatusCode::FORBIDDEN,
        "Form refused",
        "This form was not sent from your desk console, or it has expired. Reload the page and try again.",
    )
}

impl FromRequestParts<AppState> for Clerk {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Clerk, Response> {
        let to_login = || Redirect::to("/desk/login").into_response();
        let Some(token) = cookie(&parts.headers, SESSION_COOKIE) else {
            return Err(to_login());
        };
        let token_hash = sha256_hex(token.as_bytes());
        let now = state.clock.now();
        let idle = state.desk.session_idle;
        let lookup = token_hash.clone();
        match state
            .run(move |store| store.staff_session(&lookup, now, idle))
            .await
        {
            Ok(Some(session)) => Ok(Clerk {
                session,
                token_hash,
            }),
            Ok(None) => Err(to_login()),
            Err(e) => Err(pages::error_page(&e)),
        }
    }
}

/// The remembered desk: location, desk name and services, as a form-encoded cookie value.
pub fn encode_prefs(location_id: &str, desk: &str, services: &[String]) -> String {
    let mut inner = form_urlencoded::Serializer::new(String::new());
    inner.append_pair("l", location_id).append_pair("d", desk);
    for s in services {
        inner.append_pair("s", s);
    }
    form_urlencoded::byte_serialize(inner.finish().as_bytes()).collect()
}

pub fn decode_prefs(value: &str) -> Option<(String, String, Vec<String>)> {
    let inner: String = form_urlencoded::parse(format!("v={value}").as_bytes())
        .next()
        .map(|(_, v)| v.into_owned())?;
    let form = FormData::parse(inner.as_bytes());
    Some((
        form.get("l")?.to_owned(),
        form.get("d")?.to_owned(),
        form.all("s"),
    ))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn remembered_desk_round_trips_through_a_cookie_value() {
        let value = encode_prefs(
            "town-hall",
            "Loket 3; été",
            &["identity".into(), "travel".into()],
        );
        assert!(!value.contains(';') && !value.contains(' ') && !value.contains(','));
        let (l, d, s) = decode_prefs(&value).unwrap();
        assert_eq!((l.as_str(), d.as_str()), ("town-hall", "Loket 3; été"));
        assert_eq!(s, ["identity", "travel"]);
    }
}
