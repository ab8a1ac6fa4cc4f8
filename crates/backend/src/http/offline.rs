//! Offline support: the day's arrivals (digests only) and blocks of ticket numbers.

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use axum::{Extension, Json};
use jiff::civil::Date;
use kiosk_api::{Arrivals, TicketBlock, TicketBlockRequest};
use serde::Deserialize;

use super::AppState;
use super::extract::{JsonBody, QueryParams};
use crate::idempotency::Claim;
use crate::problem::ApiError;
use crate::store::KioskIdentity;

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DayQuery {
    /// YYYY-MM-DD
    #[param(value_type = String, format = Date)]
    day: Date,
}

#[utoipa::path(get, path = "/v1/kiosks/me/arrivals", operation_id = "getArrivals", tag = "offline", security(("bearer" = [])), params(DayQuery, ("If-None-Match" = Option<String>, Header)),
    responses((status = 200, description = "The day's confirmed bookings at the kiosk's location: digests, no personal data", body = kiosk_api::Arrivals),
              (status = 304, description = "Unchanged since the ETag given"),
              (status = 400, description = "Missing or malformed day", body = kiosk_api::Problem, content_type = "application/problem+json"),
              (status = 422, description = "A day other than today or tomorrow", body = kiosk_api::Problem, content_type = "application/problem+json"), (status = 401, description = "No or wrong bearer token", body = kiosk_api::Problem, content_type = "application/problem+json")))]
pub async fn arrivals(
    State(state): State<AppState>,
    Extension(kiosk): Extension<KioskIdentity>,
    headers: HeaderMap,
    QueryParams(query): QueryParams<DayQuery>,
) -> Result<Response, ApiError> {
    let now = state.clock.now();
    let arrivals: Arrivals = state
        .run(move |store| store.arrivals(&kiosk.location_id, query.day, now))
        .await?;
    let body = serde_json::to_vec(&arrivals).map_err(|_| ApiError::internal())?;
    super::etag::respond(&headers, body)
}

#[utoipa::path(post, path = "/v1/kiosks/me/ticket-blocks", operation_id = "reserveTicketBlock", tag = "offline", security(("bearer" = [])), request_body = kiosk_api::TicketBlockRequest,
    params(("Idempotency-Key" = String, Header, description = "UUID")),
    responses((status = 201, description = "Numbers reserved for this kiosk's offline use", body = kiosk_api::TicketBlock),
              (status = 422, description = "Invalid size or day, unknown-queue-service", body = kiosk_api::Problem, content_type = "application/problem+json"),
              (status = 429, description = "too-many-attempts: this kiosk asked for too many blocks; Retry-After", body = kiosk_api::Problem, content_type = "application/problem+json"), (status = 401, description = "No or wrong bearer token", body = kiosk_api::Problem, content_type = "application/problem+json")))]
pub async fn ticket_block(
    State(state): State<AppState>,
    Extension(kiosk): Extension<KioskIdentity>,
    claim: Claim,
    JsonBody(request): JsonBody<TicketBlockRequest>,
) -> Result<(StatusCode, Json<TicketBlock>), ApiError> {
    let now = state.clock.now();
    state
        .kiosk_limits
        .admit(super::kiosk_limits::Limited::TicketBlocks, &kiosk, now)?;
    let block = state
        .run(move |store| {
            store.reserve_ticket_block(
                &kiosk,
                &request.queue_service_id,
                request.day,
                request.size,
                now,
                &claim.json(StatusCode::CREATED),
            )
        })
        .await?;
    Ok((StatusCode::CREATED, Json(block)))
}
