//! Enrolment, heartbeat, and the admin's list of kiosks.

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::{Extension, Json};
use kiosk_api::{
    EnrolRequest, EnrolResponse, IDEMPOTENCY_KEY, KioskList, KioskStatus, StatusResponse,
    problem_type as pt,
};

use super::AppState;
use super::extract::JsonBody;
use crate::codes::{self, sha256_hex};
use crate::problem::ApiError;
use crate::store::KioskIdentity;

/// The limiter's key for wrong enrolment codes: no kiosk has the nil id.
const ENROLMENT: uuid::Uuid = uuid::Uuid::nil();

/// Enrol stays outside the stored-response idempotency layer: its response carries a token, which
/// must never be stored in clear. A retry is safe all the same: the same hardware with the same code
/// within a day gets a fresh token for the same kiosk.
#[utoipa::path(post, path = "/v1/kiosks/enrol", operation_id = "enrolKiosk", tag = "kiosks", request_body = kiosk_api::EnrolRequest,
    params(("Idempotency-Key" = String, Header, description = "UUID")),
    responses((status = 201, description = "Enrolled; keep the token", body = kiosk_api::EnrolResponse),
              (status = 400, description = "Missing Idempotency-Key or malformed JSON", body = kiosk_api::Problem, content_type = "application/problem+json"),
              (status = 403, description = "Unknown enrolment code (enrolment-code-invalid)", body = kiosk_api::Problem, content_type = "application/problem+json"),
              (status = 409, description = "Code already used by other hardware (enrolment-code-used)", body = kiosk_api::Problem, content_type = "application/problem+json"),
              (status = 429, description = "Too many wrong codes (too-many-attempts)", body = kiosk_api::Problem, content_type = "application/problem+json")))]
pub async fn enrol(
    State(state): State<AppState>,
    headers: HeaderMap,
    JsonBody(request): JsonBody<EnrolRequest>,
) -> Result<(StatusCode, Json<EnrolResponse>), ApiError> {
    if !headers.contains_key(IDEMPOTENCY_KEY) {
        return Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            pt::IDEMPOTENCY_KEY_MISSING,
            "Idempotency-Key header is required",
        ));
    }
    let hardware_id = request.hardware_id.trim().to_owned();
    if hardware_id.is_empty() || hardware_id.len() > 200 {
        return Err(ApiError::invalid("hardware_id must be 1 to 200 characters"));
    }
    let code_hash = sha256_hex(
        request
            .enrolment_code
            .trim()
            .to_ascii_uppercase()
            .as_bytes(),
    );
    let token = codes::token("kt");
    let token_hash = sha256_hex(token.as_bytes());
    let now = state.clock.now();
    let valid = state.enrolment_code_valid;
    // Enrolment needs no token, so guessing codes is limited for everyone at once: an
    // enrolment code is short enough to type, and must not be found by trying.
    if let Some(seconds) = state.limiter.wait(ENROLMENT, now) {
        tracing::warn!("too many wrong enrolment codes");
        return Err(ApiError::too_many(
            "Too many wrong enrolment codes; try again in a few minutes",
            seconds,
        ));
    }
    let result = state
        .run(move |store| store.enrol(&code_hash, &hardware_id, &token_hash, now, valid))
        .await;
    if matches!(&result, Err(e) if e.status == StatusCode::FORBIDDEN) {
        state.limiter.failed(ENROLMENT, now);
    }
    let kiosk = result?;
    tracing::info!(kiosk = %kiosk.kiosk_id, location = %kiosk.location_id, "kiosk enrolled");
    Ok((
        StatusCode::CREATED,
        Json(EnrolResponse {
            kiosk_id: kiosk.kiosk_id,
            token,
            location_id: kiosk.location_id,
        }),
    ))
}

#[utoipa::path(put, path = "/v1/kiosks/me/status", operation_id = "putKioskStatus", tag = "kiosks", security(("bearer" = [])), request_body = kiosk_api::KioskStatus,
    responses((status = 200, description = "Heartbeat recorded", body = kiosk_api::StatusResponse),
              (status = 422, description = "Body of the wrong shape", body = kiosk_api::Problem, content_type = "application/problem+json"), (status = 401, description = "No or wrong bearer token", body = kiosk_api::Problem, content_type = "application/problem+json")))]
pub async fn status(
    State(state): State<AppState>,
    Extension(kiosk): Extension<KioskIdentity>,
    JsonBody(status): JsonBody<KioskStatus>,
) -> Result<Json<StatusResponse>, ApiError> {
    let json = serde_json::to_string(&status).map_err(|_| ApiError::internal())?;
    let now = super::catalogue::whole_seconds(state.clock.now());
    let id = kiosk.kiosk_id;
    state
        .run(move |store| store.record_status(id, &json, now))
        .await?;
    let (_, catalogue_etag) = super::catalogue::current(&state).await?;
    Ok(Json(StatusResponse {
        server_time: now.to_zoned_datetime(state.tz.clone()),
        catalogue_etag,
    }))
}

#[utoipa::path(get, path = "/v1/kiosks", operation_id = "listKiosks", tag = "kiosks", security(("bearer" = [])),
    responses((status = 200, description = "Every kiosk with its last status (admin token)", body = kiosk_api::KioskList), (status = 401, description = "No or wrong bearer token", body = kiosk_api::Problem, content_type = "application/problem+json")))]
pub async fn list(State(state): State<AppState>) -> Result<Json<KioskList>, ApiError> {
    let kiosks = state.run(|store| store.kiosks()).await?;
    Ok(Json(KioskList { kiosks }))
}
