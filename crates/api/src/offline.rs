//! What a kiosk needs to keep checking people in while the backend is unreachable.

use jiff::ZonedDateTime;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// `GET /v1/kiosks/me/arrivals?day=YYYY-MM-DD`: no names, no contact data, no codes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Arrivals {
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub day: Date,
    /// Random per location and day. `code_digest` = lowercase hex of
    /// SHA-256(`salt` + ":" + normalised short code), where the normalised code is the typed code in
    /// upper case without spaces or dashes (or the middle part of a scanned QR payload).
    pub salt: String,
    pub arrivals: Vec<Arrival>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Arrival {
    pub booking_id: Uuid,
    pub code_digest: String,
    pub product_id: String,
    pub queue_service_id: String,
    #[serde(with = "crate::rfc3339")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub start: ZonedDateTime,
    #[serde(with = "crate::rfc3339")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub window_start: ZonedDateTime,
    #[serde(with = "crate::rfc3339")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub window_end: ZonedDateTime,
    /// The queue numbers this booking already has, in the order they were issued: empty until
    /// it is checked in; two when two offline kiosks each gave it one. A kiosk that knows them
    /// answers a second scan with the same number instead of a new one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ticket_numbers: Vec<String>,
}

/// `POST /v1/kiosks/me/ticket-blocks`
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TicketBlockRequest {
    pub queue_service_id: String,
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub day: Date,
    /// 1..=100
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 100))]
    pub size: u32,
}

/// Sequence numbers `first..=last` reserved for this kiosk, to use only while offline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TicketBlock {
    pub id: Uuid,
    pub queue_service_id: String,
    pub prefix: String,
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub day: Date,
    pub first: u32,
    pub last: u32,
}
