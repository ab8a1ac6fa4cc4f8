//! `POST /v1/walk-in-tickets`: a number without an appointment.

use axum::extract::State;
use axum::http::StatusCode;
use axum::{Extension, Json};
use kiosk_api::{CreateWalkInTicket, Ticket};

use super::AppState;
use super::extract::JsonBody;
use crate::idempotency::{self, Claim};
use crate::problem::ApiError;
use crate::queue::live::QueueNews;
use crate::store::{CheckIn, KioskIdentity};

#[utoipa::path(post, path = "/v1/walk-in-tickets", operation_id = "takeWalkInNumber", tag = "tickets", security(("bearer" = [])), request_body = kiosk_api::CreateWalkInTicket,
    params(("Idempotency-Key" = String, Header, description = "UUID")),
    responses((status = 201, description = "A new walk-in queue ticket", body = kiosk_api::Ticket),
              (status = 409, description = "walk-in-full: today's walk-in numbers are all given; opens_at when known", body = kiosk_api::Problem, content_type = "application/problem+json"),
              (status = 422, description = "walk-in-closed (opens_at when known), unknown-queue-service", body = kiosk_api::Problem, content_type = "application/problem+json"),
              (status = 429, description = "too-many-attempts: this kiosk gave too many walk-in numbers; Retry-After", body = kiosk_api::Problem, content_type = "application/problem+json"),
              (status = 401, description = "No or wrong bearer token", body = kiosk_api::Problem, content_type = "application/problem+json")))]
pub async fn create(
    State(state): State<AppState>,
    Extension(kiosk): Extension<KioskIdentity>,
    claim: Claim,
    JsonBody(request): JsonBody<CreateWalkInTicket>,
) -> Result<(StatusCode, Json<Ticket>), ApiError> {
    let now = state.clock.now();
    state
        .kiosk_limits
        .admit(super::kiosk_limits::Limited::WalkIns, &kiosk, now)?;
    let who = kiosk.clone();
    let keyed = claim.answer(|c: &CheckIn| idempotency::json(StatusCode::CREATED, &c.ticket));
    let service = request.queue_service_id;
    let given = state
        .run(move |store| store.walk_in(&service, &who, now, &keyed))
        .await?;
    state.live.publish(
        &kiosk.location_id,
        QueueNews::quiet("checked_in", given.ticket.number.clone()),
    );
    Ok((StatusCode::CREATED, Json(given.ticket)))
}
