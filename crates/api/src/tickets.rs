//! Check-in and queue tickets.

use jiff::ZonedDateTime;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// `POST /v1/tickets`: `booking_code` is the typed code or the scanned QR payload.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CreateTicket {
    pub booking_code: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum TicketStatus {
    Waiting,
    Called,
    Serving,
    Done,
    NoShow,
    Cancelled,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Ticket {
    pub id: Uuid,
    /// Prefix letter and a three-digit sequence, e.g. `B007`.
    #[cfg_attr(feature = "openapi", schema(example = "B007"))]
    pub number: String,
    pub queue_service_id: String,
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub service_day: Date,
    #[serde(default)]
    pub booking_id: Option<Uuid>,
    pub people_ahead: u32,
    pub estimated_wait_min: u32,
    pub status: TicketStatus,
    /// The desk, once called.
    #[serde(default)]
    pub desk: Option<String>,
    #[serde(with = "crate::rfc3339")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub issued_at: ZonedDateTime,
    /// The booked start, for the printed ticket.
    #[serde(default, with = "crate::rfc3339::option")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = DateTime))]
    pub booked_start: Option<ZonedDateTime>,
}
