//! `Idempotency-Key` on state-changing POSTs: a retry gets the stored response, the same key with
//! another body 422, a key still running 409, no key 400. Scoped per kiosk. A response marked
//! [`PersonalData`] is not kept: a retry gets 409 `replay-withheld` instead.

use axum::body::{Body, to_bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use kiosk_api::{IDEMPOTENCY_KEY, PROBLEM_JSON, problem_type as pt};
use uuid::Uuid;

use crate::codes::sha256_hex;
use crate::http::AppState;
use crate::problem::ApiError;
use crate::store::{IdempotencyStart, KioskIdentity};

pub const REPLAYED_HEADER: &str = "Idempotent-Replayed";

/// Put in a response's extensions by a handler whose answer holds personal data (a certificate with
/// a name, national number and address). Keeping that body 48 h for a replay would keep personal
/// data without need, so the layer keeps [`withheld`] in its place and a retry is told plainly.
#[derive(Debug, Clone, Copy)]
pub struct PersonalData;

/// What a retry of a [`PersonalData`] response gets. It says nothing about the request or the
/// person, so it can be kept like any other answer.
fn withheld() -> ApiError {
    ApiError::new(
        StatusCode::CONFLICT,
        pt::REPLAY_WITHHELD,
        "The request was carried out; its answer holds personal data and is not kept",
    )
    .detail("Ask again with a new eID challenge and a new Idempotency-Key.")
}

pub async fn layer(State(state): State<AppState>, request: Request, next: Next) -> Response {
    if request.method() != Method::POST {
        return next.run(request).await;
    }
    match handle(state, request, next).await {
        Ok(response) => response,
        Err(problem) => problem.into_response(),
    }
}

async fn handle(state: AppState, request: Request, next: Next) -> Result<Response, ApiError> {
    let scope = request
        .extensions()
        .get::<KioskIdentity>()
        .map_or_else(|| "anonymous".to_owned(), |k| k.kiosk_id.to_string());
    let key = request
        .headers()
        .get(IDEMPOTENCY_KEY)
        .ok_or_else(|| {
            ApiError::new(
                StatusCode::BAD_REQUEST,
                pt::IDEMPOTENCY_KEY_MISSING,
                "Idempotency-Key header is required",
            )
        })?
        .to_str()
        .ok()
        .and_then(|k| Uuid::parse_str(k.trim()).ok())
        .ok_or_else(|| ApiError::bad_request("Idempotency-Key must be a UUID"))?
        .to_string();
    let (parts, body) = request.into_parts();
    let bytes = to_bytes(body, state.body_limit)
        .await
        .map_err(|_| too_large(state.body_limit))?;
    let content_type = parts
        .headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let path = parts.uri.path_and_query().map_or("", |p| p.as_str());
    let mut fingerprint = format!("{} {path}\n{content_type}\n", parts.method).into_bytes();
    fingerprint.extend_from_slice(&bytes);
    let digest = sha256_hex(&fingerprint);

    let (s, k, d) = (scope.clone(), key.clone(), digest);
    let now = state.clock.now();
    match state
        .run(move |store| store.idempotency_start(&s, &k, &d, now))
        .await?
    {
        IdempotencyStart::Fresh => {}
        IdempotencyStart::Replay {
            status,
            content_type,
            body,
        } => {
            let status = StatusCode::from_u16(status).unwrap_or(StatusCode::OK);
            let mut response = (status, body).into_response();
            if let Ok(value) = HeaderValue::from_str(&content_type) {
                response.headers_mut().insert(header::CONTENT_TYPE, value);
            }
            response
                .headers_mut()
                .insert(REPLAYED_HEADER, HeaderValue::from_static("true"));
            return Ok(response);
        }
        IdempotencyStart::OtherBody => {
            return Err(ApiError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                pt::IDEMPOTENCY_KEY_REUSED,
                "This Idempotency-Key was used for another request",
            ));
        }
        IdempotencyStart::InProgress => {
            return Err(ApiError::new(
                StatusCode::CONFLICT,
                pt::IDEMPOTENCY_KEY_IN_PROGRESS,
                "A request with this Idempotency-Key is still being processed",
            ));
        }
    }

    let response = next
        .run(Request::from_parts(parts, Body::from(bytes)))
        .await;
    let (parts, body) = response.into_parts();
    let body = match to_bytes(body, usize::MAX).await {
        Ok(b) => b,
        Err(_) => {
            forget(&state, scope, key).await;
            return Err(ApiError::internal());
        }
    };
    if parts.status.is_server_error() {
        // Nothing was decided: let the retry run again.
        forget(&state, scope, key).await;
    } else if let Some((status, content_type, stored)) = record(&parts, &body) {
        if let Err(e) = state
            .run(move |store| {
                store.idempotency_finish(&scope, &key, status, &content_type, &stored)
            })
            .await
        {
            tracing::error!(error = %e, "could not store an idempotent response");
        }
    } else {
        // The stand-in could not be written: free the key rather than keep the personal body. A
        // retry then runs again and is refused by its spent challenge.
        forget(&state, scope, key).await;
    }
    Ok(Response::from_parts(parts, Body::from(body)))
}

/// The status, content type and body to keep for a replay of this response: the response itself,
/// or for a [`PersonalData`] one the [`withheld`] problem (`None` if that cannot be serialised).
fn record(parts: &axum::http::response::Parts, body: &[u8]) -> Option<(u16, String, Vec<u8>)> {
    if parts.extensions.get::<PersonalData>().is_some() {
        let problem = withheld();
        let stored = serde_json::to_vec(&problem.to_problem()).ok()?;
        return Some((problem.status.as_u16(), PROBLEM_JSON.to_owned(), stored));
    }
    let content_type = parts
        .headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("application/json")
        .to_owned();
    Some((parts.status.as_u16(), content_type, body.to_vec()))
}

async fn forget(state: &AppState, scope: String, key: String) {
    if let Err(e) = state
        .run(move |store| store.idempotency_abort(&scope, &key))
        .await
    {
        tracing::error!(error = %e, "could not release an idempotency key");
    }
}

pub fn too_large(limit: usize) -> ApiError {
    ApiError::new(
        StatusCode::PAYLOAD_TOO_LARGE,
        pt::PAYLOAD_TOO_LARGE,
        "The request body is too large",
    )
    .detail(format!("at most {limit} bytes"))
}
