//! Strong ETags for cacheable reads: a digest of exactly the bytes served, so equal bodies share a tag
//! and any change, however small, gives a new one.

use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

use crate::codes::sha256_hex;
use crate::problem::ApiError;

pub fn of(body: &[u8]) -> String {
    format!("\"{}\"", &sha256_hex(body)[..32])
}

/// 304 when `If-None-Match` names the body's tag (or `*`), else 200 with the JSON body.
pub fn respond(headers: &HeaderMap, body: Vec<u8>) -> Result<Response, ApiError> {
    let etag = of(&body);
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
    let json = (
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    Ok((
        StatusCode::OK,
        [(header::ETAG, etag_value), cache, json],
        body,
    )
        .into_response())
}
