//! `GET /v1/health` and `GET /v1/catalogue` (with ETag).

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use kiosk_api::{Health, problem_type as pt};

use super::AppState;
use crate::problem::ApiError;

#[utoipa::path(get, path = "/v1/health", operation_id = "health", tag = "health",
    responses((status = 200, description = "The backend and its database answer", body = kiosk_api::Health),
              (status = 503, description = "The database does not answer", body = kiosk_api::Problem, content_type = "application/problem+json")))]
pub async fn health(State(state): State<AppState>) -> Result<Json<Health>, ApiError> {
    state.run(|store| store.ping()).await.map_err(|_| {
        ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            pt::INTERNAL,
            "The database does not answer",
        )
    })?;
    Ok(Json(Health {
        status: "ok".into(),
        version: env!("CARGO_PKG_VERSION").into(),
        server_time: whole_seconds(state.clock.now()).to_zoned_datetime(state.tz.clone()),
    }))
}

/// The catalogue as served, with its strong ETag (a digest of exactly these bytes).
pub async fn current(state: &AppState) -> Result<(Vec<u8>, String), ApiError> {
    let today = state.clock.now().to_zoned_datetime(state.tz.clone()).date();
    let catalogue = state.run(move |store| store.catalogue(today)).await?;
    let body = serde_json::to_vec(&catalogue).map_err(|_| ApiError::internal())?;
    let etag = super::etag::of(&body);
    Ok((body, etag))
}

#[utoipa::path(get, path = "/v1/catalogue", operation_id = "getCatalogue", tag = "catalogue", security(("bearer" = [])),
    params(("If-None-Match" = Option<String>, Header, description = "ETag of the copy the kiosk has")),
    responses((status = 200, description = "Locations, products, certificate types, queue services", body = kiosk_api::Catalogue,
               headers(("ETag" = String, description = "Strong validator of this body"))),
              (status = 304, description = "Unchanged since the ETag given"),
              (status = 401, description = "No or wrong bearer token", body = kiosk_api::Problem, content_type = "application/problem+json")))]
pub async fn get(State(state): State<AppState>, headers: HeaderMap) -> Result<Response, ApiError> {
    let (body, _) = current(&state).await?;
    super::etag::respond(&headers, body)
}

/// Server times on the wire in whole seconds: clients compare them, nobody needs nanoseconds.
pub fn whole_seconds(now: jiff::Timestamp) -> jiff::Timestamp {
    jiff::Timestamp::from_second(now.as_second()).unwrap_or(now)
}
