//! `Idempotency-Key` on state-changing POSTs: a retry gets the stored answer, the same key with
//! another body 422, a key whose request is still running 409, no key 400. Scoped per kiosk, kept
//! 48 hours. Answers of 5xx and 429 are not kept (nothing was decided: the retry runs again).
//!
//! # Exactly once across crashes
//!
//! A key is written to SQLite only together with its answer, and in the same transaction as the
//! effect it answers. So after a crash, power cut or `kill -9`, a key is either
//!
//! - unknown: its effect did not commit either; the retry runs the request, or
//! - answered: its effect committed; the retry gets the stored answer (`Idempotent-Replayed`).
//!
//! There is no "in progress" row that could outlive its process, and no timeout deciding when a
//! request is presumed dead. How a request goes:
//!
//! 1. The layer ([`layer`]) computes scope, key and the digest of method, path, content type and
//!    body. [`InFlight`] turns away a duplicate while the first request runs in this process.
//! 2. The layer looks the key up: answered -> replay (or 422 for another body).
//! 3. Otherwise it puts a [`Claim`] in the request's extensions. The handler takes it as an
//!    extractor and hands the store call that makes its effect a [`crate::store::Keyed`] built
//!    from it, e.g. `store.create_booking(booking, now, &claim.json(StatusCode::CREATED))`.
//!    The store makes the effect, renders the answer from its result and writes the key, in one
//!    transaction (`SqliteStore::change`). Every store method that changes state for a client
//!    takes a `Keyed`, so an endpoint cannot forget it.
//! 4. A request refused before any effect (a validation error, a slot taken, which rolls the
//!    effect back) has its answer kept by the layer afterwards, in its own transaction: there is no
//!    effect for it to be apart from. A crash before that write loses only the refusal, and the
//!    retry is judged afresh.
//!
//! A certificate request checks the card before its one transaction, which spends the eID
//! challenge, records the issuance and keeps the answer: an answer holding personal data is kept
//! as the [`answer::withheld`] problem instead (409 `replay-withheld`).
//!
//! Every effect of this backend is a SQLite write, so each request is one atomic phase. An effect
//! outside SQLite (a payment, a message to another system) would need "atomic phases": the key row
//! records the step reached, each step commits with it, and a retry resumes from the recorded step
//! without redoing it.

mod answer;
mod claim;
mod in_flight;

use axum::body::{Body, to_bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use kiosk_api::{IDEMPOTENCY_KEY, problem_type as pt};
use uuid::Uuid;

pub use answer::{json, problem, withheld};
pub use claim::Claim;
use in_flight::Admission;
pub use in_flight::InFlight;

use crate::codes::sha256_hex;
use crate::http::AppState;
use crate::problem::ApiError;
use crate::store::{KeyRecord, KioskIdentity, StoredAnswer};

pub const REPLAYED_HEADER: &str = "Idempotent-Replayed";

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
    let key = key_of(&request)?;
    let (parts, body) = request.into_parts();
    let bytes = to_bytes(body, state.body_limit)
        .await
        .map_err(|_| too_large(state.body_limit))?;
    let digest = digest(&parts, &bytes);

    let running = match state.in_flight.admit(&scope, &key, &digest) {
        Admission::Admitted(entry) => entry,
        Admission::Running => return Err(in_progress()),
        Admission::OtherBody => return Err(reused()),
    };
    let now = state.clock.now();
    let (s, k) = (scope.clone(), key.clone());
    if let Some(stored) = state
        .run(move |store| store.idempotency_lookup(&s, &k, now))
        .await?
    {
        if stored.digest != digest {
            return Err(reused());
        }
        return Ok(replay(stored.answer));
    }

    let claim = Claim::new(
        KeyRecord {
            scope,
            key,
            digest,
            at: now,
        },
        running,
    );
    let mut request = Request::from_parts(parts, Body::from(bytes));
    request.extensions_mut().insert(claim.clone());
    let response = next.run(request).await;
    if claim.committed()
        || response.status().is_server_error()
        || response.status() == StatusCode::TOO_MANY_REQUESTS
    {
        // Kept with the effect already, or nothing was decided: a rate limit refuses for now
        // only, and the kiosk retries with the same key once `Retry-After` has passed.
        return Ok(response);
    }
    // Refused before any effect: keep the refusal, so a retry is told the same.
    let (parts, body) = response.into_parts();
    let body = to_bytes(body, usize::MAX)
        .await
        .map_err(|_| ApiError::internal())?;
    let answer = StoredAnswer {
        status: parts.status.as_u16(),
        content_type: parts
            .headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("application/json")
            .to_owned(),
        body: body.to_vec(),
    };
    let record = claim.record().clone();
    if let Err(e) = state
        .run(move |store| store.idempotency_record(&record, &answer))
        .await
    {
        tracing::error!(error = %e, "could not keep an idempotent answer");
    }
    Ok(Response::from_parts(parts, Body::from(body)))
}

fn key_of(request: &Request) -> Result<String, ApiError> {
    Ok(request
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
        .to_string())
}

/// What makes two requests with one key the same request.
fn digest(parts: &axum::http::request::Parts, body: &[u8]) -> String {
    let content_type = parts
        .headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let path = parts.uri.path_and_query().map_or("", |p| p.as_str());
    let mut fingerprint = format!("{} {path}\n{content_type}\n", parts.method).into_bytes();
    fingerprint.extend_from_slice(body);
    sha256_hex(&fingerprint)
}

fn replay(answer: StoredAnswer) -> Response {
    let status = StatusCode::from_u16(answer.status).unwrap_or(StatusCode::OK);
    let mut response = (status, answer.body).into_response();
    if let Ok(value) = HeaderValue::from_str(&answer.content_type) {
        response.headers_mut().insert(header::CONTENT_TYPE, value);
    }
    response
        .headers_mut()
        .insert(REPLAYED_HEADER, HeaderValue::from_static("true"));
    response
}

pub fn in_progress() -> ApiError {
    ApiError::new(
        StatusCode::CONFLICT,
        pt::IDEMPOTENCY_KEY_IN_PROGRESS,
        "A request with this Idempotency-Key is still being processed",
    )
}

fn reused() -> ApiError {
    ApiError::new(
        StatusCode::UNPROCESSABLE_ENTITY,
        pt::IDEMPOTENCY_KEY_REUSED,
        "This Idempotency-Key was used for another request",
    )
}

pub fn too_large(limit: usize) -> ApiError {
    ApiError::new(
        StatusCode::PAYLOAD_TOO_LARGE,
        pt::PAYLOAD_TOO_LARGE,
        "The request body is too large",
    )
    .detail(format!("at most {limit} bytes"))
}
