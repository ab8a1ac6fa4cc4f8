//! Answers to keep for a replay, written by the handler that knows them (inside its effect's
//! transaction) or by the layer for a request that changed nothing.

use axum::http::StatusCode;
use kiosk_api::{PROBLEM_JSON, problem_type as pt};
use serde::Serialize;

use crate::problem::ApiError;
use crate::store::{StoreError, StoreResult, StoredAnswer};

/// `value` as JSON with `status`, as the handler answers it.
pub fn json<T: Serialize + ?Sized>(status: StatusCode, value: &T) -> StoreResult<StoredAnswer> {
    Ok(StoredAnswer {
        status: status.as_u16(),
        content_type: "application/json".to_owned(),
        body: serde_json::to_vec(value).map_err(|e| StoreError::Answer(e.to_string()))?,
    })
}

/// A problem+json answer.
pub fn problem(error: &ApiError) -> StoreResult<StoredAnswer> {
    Ok(StoredAnswer {
        status: error.status.as_u16(),
        content_type: PROBLEM_JSON.to_owned(),
        body: serde_json::to_vec(&error.to_problem())
            .map_err(|e| StoreError::Answer(e.to_string()))?,
    })
}

/// What a retry of an answer holding personal data gets (a certificate with a name, national
/// number and address). Keeping that body 48 h for a replay would keep personal data without need,
/// so this stands in its place. It says nothing about the request or the person.
pub fn withheld() -> ApiError {
    ApiError::new(
        StatusCode::CONFLICT,
        pt::REPLAY_WITHHELD,
        "The request was carried out; its answer holds personal data and is not kept",
    )
    .detail("Ask again with a new eID challenge and a new Idempotency-Key.")
}
