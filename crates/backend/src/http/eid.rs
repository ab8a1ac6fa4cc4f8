//! `POST /v1/eid-challenges`: random bytes for the card's authentication key to sign, once, soon.

use axum::extract::State;
use axum::http::StatusCode;
use axum::{Extension, Json};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use jiff::SignedDuration;
use kiosk_api::EidChallenge;

use super::AppState;
use crate::idempotency::{self, Claim};
use crate::problem::ApiError;
use crate::store::KioskIdentity;

/// Long enough for a PIN entry on the reader's pad, short enough that a stolen one is of little use.
pub const CHALLENGE_LIFETIME: SignedDuration = SignedDuration::from_mins(2);
/// What the kiosk signs no other length of (`kiosk_api::eid_signing`).
pub const CHALLENGE_BYTES: usize = kiosk_api::eid_signing::CHALLENGE_LEN;

#[utoipa::path(post, path = "/v1/eid-challenges", operation_id = "createEidChallenge", tag = "certificates", security(("bearer" = [])),
    params(("Idempotency-Key" = String, Header, description = "UUID")),
    responses((status = 201, description = "A new challenge, single use, valid for 2 minutes", body = kiosk_api::EidChallenge),
              (status = 429, description = "too-many-attempts: this kiosk asked for too many challenges; Retry-After", body = kiosk_api::Problem, content_type = "application/problem+json"),
              (status = 401, description = "No or wrong bearer token", body = kiosk_api::Problem, content_type = "application/problem+json")))]
pub async fn challenge(
    State(state): State<AppState>,
    Extension(kiosk): Extension<KioskIdentity>,
    claim: Claim,
) -> Result<(StatusCode, Json<EidChallenge>), ApiError> {
    let now = state.clock.now();
    state
        .kiosk_limits
        .admit(super::kiosk_limits::Limited::Challenges, &kiosk, now)?;
    let bytes = crate::codes::random_bytes(CHALLENGE_BYTES);
    let expires = now
        .checked_add(CHALLENGE_LIFETIME)
        .map_err(|_| ApiError::internal())?;
    let answer = EidChallenge {
        challenge: STANDARD.encode(&bytes),
        expires_at: expires.to_zoned_datetime(state.tz.clone()),
    };
    let keyed = claim.fixed(idempotency::json(StatusCode::CREATED, &answer)?);
    state
        .run(move |store| store.add_challenge(kiosk.kiosk_id, &bytes, expires, now, &keyed))
        .await?;
    Ok((StatusCode::CREATED, Json(answer)))
}
