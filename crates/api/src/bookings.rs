//! Free slots and bookings.

use jiff::ZonedDateTime;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// `GET /v1/slots?location=&product=&persons=&from=&to=`; `from` and `to` are days, both included,
/// at most [`crate::MAX_SLOT_DAYS`] days.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct SlotsQuery {
    pub location: String,
    pub product: String,
    /// Defaults to 1.
    #[serde(default = "one")]
    pub persons: u32,
    /// First day (YYYY-MM-DD), included.
    #[cfg_attr(feature = "openapi", param(value_type = String, format = Date))]
    pub from: Date,
    /// Last day, included; at most 31 days from `from`.
    #[cfg_attr(feature = "openapi", param(value_type = String, format = Date))]
    pub to: Date,
}

fn one() -> u32 {
    1
}

/// One free appointment; the response is a JSON array of these.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Slot {
    #[serde(with = "crate::rfc3339")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime, example = "2026-03-30T08:30:00+02:00"))]
    pub start: ZonedDateTime,
    #[serde(with = "crate::rfc3339")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub end: ZonedDateTime,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Customer {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
}

/// `POST /v1/bookings`
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CreateBooking {
    pub location_id: String,
    pub product_id: String,
    pub persons: u32,
    #[serde(with = "crate::rfc3339")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub start: ZonedDateTime,
    pub customer: Customer,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum BookingStatus {
    Held,
    Confirmed,
    Cancelled,
    Expired,
}

/// A booking as every endpoint returns it: never with the customer's contact data.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Booking {
    pub id: Uuid,
    /// Short code to type (unambiguous alphabet, no 0/O/1/I/L).
    pub code: String,
    /// What the QR code on the confirmation encodes.
    pub qr_payload: String,
    pub status: BookingStatus,
    #[serde(default, with = "crate::rfc3339::option")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = DateTime))]
    pub hold_expires_at: Option<ZonedDateTime>,
    pub location_id: String,
    pub product_id: String,
    pub persons: u32,
    #[serde(with = "crate::rfc3339")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub start: ZonedDateTime,
    #[serde(with = "crate::rfc3339")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub end: ZonedDateTime,
}
