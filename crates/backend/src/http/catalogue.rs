//! `GET /v1/health` and `GET /v1/catalogue` (with ETag).

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use kiosk_api::{Health, problem_type as pt};

use super::AppState;
#[allow(unused_imports)]
use super::openapi::schemas as s;
use crate::codes::sha256_hex;
use crate::problem::ApiError;

#[utoipa::path(get, path = "/v1/health", operation_id = "health", tag = "health",
    responses((status = 200, description = "The backend and its database answer", body = s::Health),
              (status = 503, description = "The database does not answer", body = s::Problem, content_type = "application/problem+json")))]
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
        server_time: state.clock.now().to_zoned_datetime(state.tz.clone()),
    }))
}

/// The catalogue as served, with its strong ETag (a digest of exactly these bytes).
pub async fn current(state: &AppState) -> Result<(Vec<u8>, String), ApiError> {
    let today = state.clock.now().to_zoned_datetime(state.tz.clone()).date();
    let catalogue = state.run(move |store| store.catalogue(today)).await?;
    let body = serde_json::to_vec(&catalogue).map_err(|_| ApiError::internal())?;
    let etag = format!("\"{}\"", &sha256_hex(&body)[..32]);
    Ok((body, etag))
}

#[utoipa::path(get, path = "/v1/catalogue", operation_id = "getCatalogue", tag = "catalogue", security(("bearer" = [])),
    params(("If-None-Match" = Option<String>, Header, description = "ETag of the copy the kiosk has")),
    responses((status = 200, description = "Locations, products, certificate types, queue services", body = s::Catalogue,
               headers(("ETag" = String, description = "Strong validator of this body"))),
              (status = 304, description = "Unchanged since the ETag given"),
              (status = 401, description = "No or wrong bearer token", body = s::Problem, content_type = "application/problem+json")))]
pub async fn get(State(state): State<AppState>, headers: HeaderMap) -> Result<Response, ApiError> {
    let (body, etag) = current(&state).await?;
    let etag_value = HeaderValue::from_str(&etag).map_err(|_| ApiError::internal())?;
    let matches = headers
        .get_all(header::IF_NONE_MATCH)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(|t| t.trim().trim_start_matches("W/"))
        .any(|t| t == etag || t == "*");
    let cache = (header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    if matches {
        return Ok((
            StatusCode::NOT_MODIFIED,
            [(header::ETAG, etag_value), cache],
        )
            .into_response());
    }
    Ok((
        StatusCode::OK,
        [
            (header::ETAG, etag_value),
            cache,
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/json"),
            ),
        ],
        body,
    )
        .into_response())
}
