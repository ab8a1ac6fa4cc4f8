//! Extractors whose every rejection is a problem+json (axum's own answer in plain text).

use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, Path, Query, Request};
use axum::http::StatusCode;
use axum::http::header;
use axum::http::request::Parts;
use kiosk_api::problem_type as pt;
use serde::de::DeserializeOwned;
use uuid::Uuid;

use crate::problem::ApiError;

/// A JSON body: 415 for another media type, 413 over the size limit, 400 for broken JSON, 422 for
/// JSON of the wrong shape.
pub struct JsonBody<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for JsonBody<T> {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let content_type = req
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("");
        let essence = content_type
            .split(';')
            .next()
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase();
        if essence != "application/json"
            && !(essence.starts_with("application/") && essence.ends_with("+json"))
        {
            return Err(ApiError::new(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                pt::UNSUPPORTED_MEDIA_TYPE,
                "The body must be application/json",
            ));
        }
        let bytes = Bytes::from_request(req, state).await.map_err(|rejection| {
            if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
                crate::idempotency::too_large(crate::http::BODY_LIMIT)
            } else {
                ApiError::bad_request("the body could not be read")
            }
        })?;
        serde_json::from_slice(&bytes).map(JsonBody).map_err(|e| {
            if e.is_data() {
                ApiError::invalid(e.to_string())
            } else {
                ApiError::new(
                    StatusCode::BAD_REQUEST,
                    pt::MALFORMED_JSON,
                    "The body is not valid JSON",
                )
                .detail(e.to_string())
            }
        })
    }
}

/// Query parameters; a missing or malformed one is a 400 that names it.
pub struct QueryParams<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequestParts<S> for QueryParams<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        Query::<T>::try_from_uri(&parts.uri)
            .map(|Query(v)| QueryParams(v))
            .map_err(|e| ApiError::bad_request(e.body_text()))
    }
}

/// A UUID in the path; anything else cannot name a resource, so 404.
pub struct PathId(pub Uuid);

impl<S: Send + Sync> FromRequestParts<S> for PathId {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        Path::<Uuid>::from_request_parts(parts, state)
            .await
            .map(|Path(id)| PathId(id))
            .map_err(|_| ApiError::not_found(pt::NOT_FOUND, "Not found"))
    }
}
