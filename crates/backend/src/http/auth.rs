//! Bearer tokens: each kiosk has its own, admins have theirs; only SHA-256 hashes are stored.

use axum::extract::{Request, State};
use axum::http::{HeaderMap, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::codes::sha256_hex;
use crate::http::AppState;
use crate::problem::ApiError;

/// Marks a request made with an admin token.
#[derive(Debug, Clone, Copy)]
pub struct Admin;

fn bearer_hash(headers: &HeaderMap) -> Option<String> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    let token = token.trim();
    (scheme.eq_ignore_ascii_case("bearer") && !token.is_empty())
        .then(|| sha256_hex(token.as_bytes()))
}

pub async fn require_kiosk(
    State(state): State<AppState>,
    mut request: Request,
    next: Next,
) -> Response {
    let Some(hash) = bearer_hash(request.headers()) else {
        return ApiError::unauthorized().into_response();
    };
    match state.run(move |store| store.kiosk_by_token(&hash)).await {
        Ok(Some(kiosk)) => {
            request.extensions_mut().insert(kiosk);
            next.run(request).await
        }
        Ok(None) => ApiError::unauthorized().into_response(),
        Err(e) => e.into_response(),
    }
}

pub async fn require_admin(
    State(state): State<AppState>,
    mut request: Request,
    next: Next,
) -> Response {
    let Some(hash) = bearer_hash(request.headers()) else {
        return ApiError::unauthorized().into_response();
    };
    match state.run(move |store| store.is_admin_token(&hash)).await {
        Ok(true) => {
            request.extensions_mut().insert(Admin);
            next.run(request).await
        }
        Ok(false) => ApiError::unauthorized().into_response(),
        Err(e) => e.into_response(),
    }
}
