//! The fleet page's handlers: `/desk/fleet` (staff session, role admin) and `/admin/fleet`,
//! the address IT is given, which sends there (as `/admin/figures` does).

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use super::page;
use crate::desk::auth::Clerk;
use crate::desk::pages::{error_page, message_page};
use crate::http::AppState;

pub async fn to_console() -> Response {
    axum::response::Redirect::to(page::PAGE).into_response()
}

pub async fn page(State(state): State<AppState>, clerk: Clerk) -> Response {
    if clerk.session.role != "admin" {
        return message_page(
            StatusCode::FORBIDDEN,
            "Geen toegang",
            "Alleen beheerders zien de kiosken.",
        );
    }
    let now = state.clock.now();
    let today = now.to_zoned_datetime(state.tz.clone()).date();
    let read = state
        .run(move |s| Ok((s.fleet()?, s.catalogue(today)?)))
        .await;
    let (fleet, catalogue) = match read {
        Ok(r) => r,
        Err(e) => return error_page(&e),
    };
    let locations: Vec<(String, String)> = catalogue
        .locations
        .iter()
        .map(|l| (l.id.clone(), l.name.nl.clone()))
        .collect();
    page::page(&fleet, &state.fleet, &locations, now, &state.tz).into_response()
}
