//! RFC 9457 problem responses: every error the backend sends, from a bad body to a taken slot.

use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use kiosk_api::{PROBLEM_JSON, Problem, problem_type as pt};
use serde_json::{Map, Value};

use crate::queue::problem_type as qt;
use crate::store::StoreError;

#[derive(Debug, thiserror::Error)]
#[error("{status} {kind}: {title}")]
pub struct ApiError {
    pub status: StatusCode,
    pub kind: &'static str,
    pub title: &'static str,
    pub detail: Option<String>,
    pub extensions: Map<String, Value>,
    /// Seconds for the `Retry-After` header of a 429.
    pub retry_after: Option<i64>,
}

impl ApiError {
    pub fn new(status: StatusCode, kind: &'static str, title: &'static str) -> ApiError {
        ApiError {
            status,
            kind,
            title,
            detail: None,
            extensions: Map::new(),
            retry_after: None,
        }
    }

    /// 429 `too-many-attempts`, with `Retry-After: seconds` (RFC 9110 10.2.3).
    pub fn too_many(title: &'static str, seconds: i64) -> ApiError {
        let mut error = ApiError::new(StatusCode::TOO_MANY_REQUESTS, pt::TOO_MANY_ATTEMPTS, title);
        error.retry_after = Some(seconds.max(1));
        error
    }

    pub fn detail(mut self, detail: impl Into<String>) -> ApiError {
        self.detail = Some(detail.into());
        self
    }

    pub fn ext(mut self, key: &str, value: impl Into<Value>) -> ApiError {
        self.extensions.insert(key.to_owned(), value.into());
        self
    }

    pub fn internal() -> ApiError {
        ApiError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            pt::INTERNAL,
            "Internal error",
        )
    }

    pub fn bad_request(detail: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::BAD_REQUEST, pt::BAD_REQUEST, "Bad request").detail(detail)
    }

    pub fn invalid(detail: impl Into<String>) -> ApiError {
        ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            pt::INVALID_BODY,
            "Invalid request",
        )
        .detail(detail)
    }

    pub fn not_found(kind: &'static str, title: &'static str) -> ApiError {
        ApiError::new(StatusCode::NOT_FOUND, kind, title)
    }

    pub fn unauthorized() -> ApiError {
        ApiError::new(
            StatusCode::UNAUTHORIZED,
            pt::UNAUTHORIZED,
            "A valid bearer token is required",
        )
    }

    pub fn to_problem(&self) -> Problem {
        Problem {
            kind: self.kind.to_owned(),
            title: self.title.to_owned(),
            status: self.status.as_u16(),
            detail: self.detail.clone(),
            extensions: self.extensions.clone(),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = serde_json::to_vec(&self.to_problem()).unwrap_or_default();
        let mut response =
            (self.status, [(header::CONTENT_TYPE, PROBLEM_JSON)], body).into_response();
        if let Some(seconds) = self.retry_after {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, header::HeaderValue::from(seconds));
        }
        if self.status == StatusCode::UNAUTHORIZED {
            response.headers_mut().insert(
                header::WWW_AUTHENTICATE,
                header::HeaderValue::from_static("Bearer"),
            );
        }
        response
    }
}

/// `opens_at`, when the service opens again, for the kiosk to tell the resident.
fn with_opening(error: ApiError, opens_at: Option<jiff::ZonedDateTime>) -> ApiError {
    match opens_at {
        Some(at) => error.ext("opens_at", kiosk_api::rfc3339::format(&at)),
        None => error,
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> ApiError {
        use StatusCode as S;
        match e {
            StoreError::Db(_)
            | StoreError::Migration(_)
            | StoreError::Corrupt(_)
            | StoreError::Answer(_) => {
                // SQLite errors carry no bound values, so this logs no personal data.
                tracing::error!(error = %e, "storage failed");
                ApiError::internal()
            }
            StoreError::NotFound("booking") => {
                ApiError::not_found(pt::BOOKING_NOT_FOUND, "No booking with this code")
            }
            StoreError::NotFound("ticket") => {
                ApiError::not_found(pt::TICKET_NOT_FOUND, "No such ticket")
            }
            StoreError::NotFound("location") => ApiError::new(
                S::UNPROCESSABLE_ENTITY,
                pt::UNKNOWN_LOCATION,
                "Unknown location",
            ),
            StoreError::NotFound("queue service") => ApiError::new(
                S::UNPROCESSABLE_ENTITY,
                pt::UNKNOWN_QUEUE_SERVICE,
                "Unknown queue service",
            ),
            StoreError::NotFound(what) => {
                ApiError::not_found(pt::NOT_FOUND, "Not found").detail(format!("{what} not found"))
            }
            StoreError::EnrolmentCodeInvalid => ApiError::new(
                S::FORBIDDEN,
                pt::ENROLMENT_CODE_INVALID,
                "The enrolment code is not valid",
            ),
            StoreError::EnrolmentCodeExpired => ApiError::new(
                S::FORBIDDEN,
                pt::ENROLMENT_CODE_EXPIRED,
                "The enrolment code has expired: ask for a new one",
            ),
            StoreError::EnrolmentCodeUsed => ApiError::new(
                S::CONFLICT,
                pt::ENROLMENT_CODE_USED,
                "The enrolment code was already used",
            ),
            StoreError::SlotTaken => {
                ApiError::new(S::CONFLICT, pt::SLOT_TAKEN, "This time is no longer free")
            }
            StoreError::HoldExpired => ApiError::new(
                S::CONFLICT,
                pt::HOLD_EXPIRED,
                "The reservation expired before it was confirmed",
            ),
            StoreError::BookingCancelled => ApiError::new(
                S::CONFLICT,
                pt::BOOKING_CANCELLED,
                "This booking was cancelled",
            ),
            StoreError::BookingNotConfirmed => ApiError::new(
                S::CONFLICT,
                pt::BOOKING_NOT_CONFIRMED,
                "This booking was never confirmed",
            ),
            StoreError::WrongLocation => ApiError::new(
                S::CONFLICT,
                pt::WRONG_LOCATION,
                "This booking is for another location",
            ),
            StoreError::TooEarly {
                window_start,
                window_end,
            } => ApiError::new(
                S::UNPROCESSABLE_ENTITY,
                pt::TOO_EARLY,
                "Too early to check in",
            )
            .detail("Check-in opens at window_start.")
            .ext("window_start", kiosk_api::rfc3339::format(&window_start))
            .ext("window_end", kiosk_api::rfc3339::format(&window_end)),
            StoreError::TooLate {
                window_start,
                window_end,
            } => ApiError::new(
                S::UNPROCESSABLE_ENTITY,
                pt::TOO_LATE,
                "Too late to check in",
            )
            .detail(
                "Check-in closed at window_end: please ask at the reception desk or book again.",
            )
            .ext("window_start", kiosk_api::rfc3339::format(&window_start))
            .ext("window_end", kiosk_api::rfc3339::format(&window_end)),
            StoreError::Invalid(detail) => ApiError::invalid(detail),
            StoreError::WalkInClosed { opens_at } => with_opening(
                ApiError::new(
                    S::UNPROCESSABLE_ENTITY,
                    pt::WALK_IN_CLOSED,
                    "No walk-in numbers for this service now",
                ),
                opens_at,
            ),
            StoreError::WalkInFull { opens_at } => with_opening(
                ApiError::new(
                    S::CONFLICT,
                    pt::WALK_IN_FULL,
                    "Today's walk-in numbers for this service are all given",
                ),
                opens_at,
            ),
            // Only when two requests with one key both got past the in-process guard: the other
            // one's answer is stored, and the retry the client makes gets it.
            StoreError::KeyAnswered => crate::idempotency::in_progress(),
            StoreError::QueueEmpty => ApiError::new(
                S::CONFLICT,
                qt::QUEUE_EMPTY,
                "Nobody is waiting for your services",
            ),
            ref e @ StoreError::TransitionRefused { .. } => ApiError::new(
                S::CONFLICT,
                qt::TRANSITION_REFUSED,
                "Not possible for this ticket",
            )
            .detail(e.to_string()),
            StoreError::DeskBusy(number) => ApiError::new(
                S::CONFLICT,
                qt::DESK_BUSY,
                "Finish the current ticket first (Done, No show or Back to queue)",
            )
            .detail(format!("this desk still has {number}")),
            StoreError::ServiceElsewhere(service) => ApiError::new(
                S::FORBIDDEN,
                qt::SERVICE_ELSEWHERE,
                "That queue service is not served at your location",
            )
            .detail(format!("queue service {service}")),
            StoreError::NotAtThisDesk(number) => ApiError::new(
                S::CONFLICT,
                qt::NOT_AT_THIS_DESK,
                "This ticket is at another desk",
            )
            .detail(format!("{number} is at another desk")),
        }
    }
}
