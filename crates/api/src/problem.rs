//! RFC 9457 problem details: the body of every error response.

use serde::{Deserialize, Serialize};

/// An `application/problem+json` body. Extension members (e.g. `window_start`) are flattened.
/// Its OpenAPI schema is written out in `openapi.rs` (feature `openapi`): the extension members
/// are not fields.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Problem {
    /// A stable machine-readable slug from [`problem_type`] (a relative URI reference).
    #[serde(rename = "type")]
    pub kind: String,
    pub title: String,
    pub status: u16,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    #[serde(flatten)]
    pub extensions: serde_json::Map<String, serde_json::Value>,
}

/// The extension member of a 429 `too-many-attempts` that a per-kiosk rate limit refused: what
/// the limit is on (`holds`, `eid-challenges`, `ticket-blocks`, `walk-ins`). Absent when the
/// limit is on something else (a card's certificates, wrong codes). `Retry-After` says when.
pub const KIOSK_LIMIT: &str = "limit";

/// The `type` of each problem the backend reports. Clients match on these, never on `title`.
pub mod problem_type {
    pub const BAD_REQUEST: &str = "bad-request";
    pub const MALFORMED_JSON: &str = "malformed-json";
    pub const INVALID_BODY: &str = "invalid-body";
    pub const UNSUPPORTED_MEDIA_TYPE: &str = "unsupported-media-type";
    pub const PAYLOAD_TOO_LARGE: &str = "payload-too-large";
    pub const NOT_FOUND: &str = "not-found";
    pub const METHOD_NOT_ALLOWED: &str = "method-not-allowed";
    pub const UNAUTHORIZED: &str = "unauthorized";
    pub const FORBIDDEN: &str = "forbidden";
    pub const TOO_MANY_ATTEMPTS: &str = "too-many-attempts";
    pub const INTERNAL: &str = "internal";
    pub const IDEMPOTENCY_KEY_MISSING: &str = "idempotency-key-missing";
    pub const IDEMPOTENCY_KEY_REUSED: &str = "idempotency-key-reused";
    pub const IDEMPOTENCY_KEY_IN_PROGRESS: &str = "idempotency-key-in-progress";
    /// A retry of a request whose answer held personal data (a certificate), which is not kept.
    pub const REPLAY_WITHHELD: &str = "replay-withheld";
    pub const ENROLMENT_CODE_INVALID: &str = "enrolment-code-invalid";
    pub const ENROLMENT_CODE_USED: &str = "enrolment-code-used";
    pub const ENROLMENT_CODE_EXPIRED: &str = "enrolment-code-expired";
    pub const UNKNOWN_LOCATION: &str = "unknown-location";
    pub const UNKNOWN_PRODUCT: &str = "unknown-product";
    pub const UNKNOWN_QUEUE_SERVICE: &str = "unknown-queue-service";
    pub const RANGE_TOO_LONG: &str = "range-too-long";
    pub const TOO_MANY_PERSONS: &str = "too-many-persons";
    pub const MISSING_CUSTOMER_FIELD: &str = "missing-customer-field";
    pub const NOT_A_SLOT: &str = "not-a-slot";
    pub const SLOT_TAKEN: &str = "slot-taken";
    pub const HOLD_EXPIRED: &str = "hold-expired";
    pub const BOOKING_NOT_FOUND: &str = "booking-not-found";
    pub const BOOKING_CANCELLED: &str = "booking-cancelled";
    pub const BOOKING_NOT_CONFIRMED: &str = "booking-not-confirmed";
    pub const WRONG_LOCATION: &str = "wrong-location";
    pub const TOO_EARLY: &str = "too-early";
    pub const TOO_LATE: &str = "too-late";
    pub const TICKET_NOT_FOUND: &str = "ticket-not-found";
    /// The service gives no walk-in numbers now; `opens_at` (when known) says when it does again.
    pub const WALK_IN_CLOSED: &str = "walk-in-closed";
    /// Today's walk-in numbers for the service are all given; `opens_at` as for closed.
    pub const WALK_IN_FULL: &str = "walk-in-full";
    pub const TOO_MANY_EVENTS: &str = "too-many-events";
    pub const UNKNOWN_EVENT_TYPE: &str = "unknown-event-type";
    pub const INVALID_EVENT: &str = "invalid-event";
    pub const CHALLENGE_UNKNOWN: &str = "challenge-unknown";
    pub const CHALLENGE_EXPIRED: &str = "challenge-expired";
    pub const CHALLENGE_USED: &str = "challenge-used";
    pub const SIGNATURE_INVALID: &str = "signature-invalid";
    pub const CERTIFICATE_UNTRUSTED: &str = "certificate-untrusted";
    /// The card's authentication certificate is on its CA's revocation list.
    pub const CERTIFICATE_REVOKED: &str = "certificate-revoked";
    /// No current revocation list of the card's CA: its status is unknown, so it is refused.
    pub const REVOCATION_UNKNOWN: &str = "revocation-unknown";
    pub const CARD_MISMATCH: &str = "card-mismatch";
    pub const CARD_DATA_INVALID: &str = "card-data-invalid";
    pub const NATIONAL_NUMBER_INVALID: &str = "national-number-invalid";
    pub const PERSON_NOT_FOUND: &str = "person-not-found";
    pub const PURPOSE_REQUIRED: &str = "purpose-required";
    pub const UNKNOWN_CERTIFICATE_TYPE: &str = "unknown-certificate-type";
    pub const UNSUPPORTED_LANGUAGE: &str = "unsupported-language";
}
