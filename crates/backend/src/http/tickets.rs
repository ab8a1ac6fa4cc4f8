//! `POST /v1/tickets` (check-in) and `GET /v1/tickets/{id}`.

use axum::extract::State;
use axum::http::StatusCode;
use axum::{Extension, Json};
use kiosk_api::{CreateTicket, Ticket, problem_type as pt};

use super::AppState;
use super::bookings::{note_failure, parse_code};
use super::extract::{JsonBody, PathId};
use crate::problem::ApiError;
use crate::store::KioskIdentity;

pub async fn create(
    State(state): State<AppState>,
    Extension(kiosk): Extension<KioskIdentity>,
    JsonBody(request): JsonBody<CreateTicket>,
) -> Result<(StatusCode, Json<Ticket>), ApiError> {
    let code = parse_code(&state, &kiosk, &request.booking_code).await?;
    let now = state.clock.now();
    let who = kiosk.clone();
    let result = state
        .run(move |store| store.check_in(&code, &who, now))
        .await;
    let checked_in = result.inspect_err(|e| note_failure(&state, &kiosk, e))?;
    let status = if checked_in.created {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    Ok((status, Json(checked_in.ticket)))
}

pub async fn get(
    State(state): State<AppState>,
    PathId(id): PathId,
) -> Result<Json<Ticket>, ApiError> {
    let now = state.clock.now();
    state
        .run(move |store| store.ticket(id, now))
        .await?
        .map(Json)
        .ok_or_else(|| ApiError::not_found(pt::TICKET_NOT_FOUND, "No such ticket"))
}
