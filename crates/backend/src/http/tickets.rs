//! `POST /v1/tickets` (check-in) and `GET /v1/tickets/{id}`.

use axum::extract::State;
use axum::http::StatusCode;
use axum::{Extension, Json};
use kiosk_api::{CreateTicket, Ticket, problem_type as pt};

use super::AppState;
use super::bookings::{note_failure, parse_code};
use super::extract::{JsonBody, PathId};
use crate::idempotency::{self, Claim};
use crate::problem::ApiError;
use crate::store::{CheckIn, KioskIdentity};

#[utoipa::path(post, path = "/v1/tickets", operation_id = "checkIn", tag = "tickets", security(("bearer" = [])), request_body = kiosk_api::CreateTicket,
    params(("Idempotency-Key" = String, Header, description = "UUID")),
    responses((status = 201, description = "Checked in: a new queue ticket", body = kiosk_api::Ticket),
              (status = 200, description = "Already checked in: the same ticket", body = kiosk_api::Ticket),
              (status = 404, description = "booking-not-found", body = kiosk_api::Problem, content_type = "application/problem+json"),
              (status = 409, description = "booking-cancelled, booking-not-confirmed, wrong-location", body = kiosk_api::Problem, content_type = "application/problem+json"),
              (status = 422, description = "too-early / too-late with window_start and window_end", body = kiosk_api::Problem, content_type = "application/problem+json"),
              (status = 429, description = "too-many-attempts: too many wrong booking codes from this kiosk; Retry-After", body = kiosk_api::Problem, content_type = "application/problem+json"), (status = 401, description = "No or wrong bearer token", body = kiosk_api::Problem, content_type = "application/problem+json")))]
pub async fn create(
    State(state): State<AppState>,
    Extension(kiosk): Extension<KioskIdentity>,
    claim: Claim,
    JsonBody(request): JsonBody<CreateTicket>,
) -> Result<(StatusCode, Json<Ticket>), ApiError> {
    let code = parse_code(&state, &kiosk, &request.booking_code).await?;
    let now = state.clock.now();
    let who = kiosk.clone();
    let keyed = claim.answer(|c: &CheckIn| idempotency::json(status(c), &c.ticket));
    let result = state
        .run(move |store| store.check_in(&code, &who, now, &keyed))
        .await;
    let checked_in = result.inspect_err(|e| note_failure(&state, &kiosk, e))?;
    if checked_in.created {
        state.live.publish(
            &kiosk.location_id,
            crate::queue::live::QueueNews::quiet("checked_in", checked_in.ticket.number.clone()),
        );
    }
    Ok((status(&checked_in), Json(checked_in.ticket)))
}

/// 201 for a new ticket, 200 for the one the booking already had.
fn status(checked_in: &CheckIn) -> StatusCode {
    if checked_in.created {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    }
}

#[utoipa::path(get, path = "/v1/tickets/{id}", operation_id = "getTicket", tag = "tickets", security(("bearer" = [])), params(("id" = Uuid, Path)),
    responses((status = 200, description = "The ticket", body = kiosk_api::Ticket), (status = 404, description = "ticket-not-found", body = kiosk_api::Problem, content_type = "application/problem+json"), (status = 401, description = "No or wrong bearer token", body = kiosk_api::Problem, content_type = "application/problem+json")))]
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
