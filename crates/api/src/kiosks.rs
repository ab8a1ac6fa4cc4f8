//! Enrolment, heartbeat and the admin's view of the kiosks.

use jiff::ZonedDateTime;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// `POST /v1/kiosks/enrol`
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EnrolRequest {
    pub enrolment_code: String,
    pub hardware_id: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EnrolResponse {
    pub kiosk_id: Uuid,
    /// Bearer token for every later call; the backend keeps only its hash.
    pub token: String,
    pub location_id: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum PrinterState {
    Ok,
    PaperLow,
    PaperOut,
    CoverOpen,
    Jam,
    Offline,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PrinterStatus {
    pub state: PrinterState,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum DeviceState {
    Ok,
    Absent,
    Fault,
}

/// `PUT /v1/kiosks/me/status`: the heartbeat.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct KioskStatus {
    pub app_version: String,
    pub printer: PrinterStatus,
    pub card_reader: DeviceState,
    pub scanner: DeviceState,
    pub outbox_depth: u32,
    #[serde(default, with = "crate::rfc3339::option")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = DateTime))]
    pub oldest_pending_at: Option<ZonedDateTime>,
    #[serde(with = "crate::rfc3339")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub kiosk_time: ZonedDateTime,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StatusResponse {
    #[serde(with = "crate::rfc3339")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub server_time: ZonedDateTime,
    /// Compare with the catalogue's ETag: when it differs, fetch the catalogue again.
    pub catalogue_etag: String,
}

/// One row of `GET /v1/kiosks` (admin).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct KioskSummary {
    pub kiosk_id: Uuid,
    pub location_id: String,
    pub hardware_id: String,
    #[serde(with = "crate::rfc3339")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub enrolled_at: ZonedDateTime,
    #[serde(default, with = "crate::rfc3339::option")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = DateTime))]
    pub last_seen_at: Option<ZonedDateTime>,
    #[serde(default)]
    pub last_status: Option<KioskStatus>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct KioskList {
    pub kiosks: Vec<KioskSummary>,
}

/// `GET /v1/health` (no auth).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Health {
    /// `ok` when the database answers.
    pub status: String,
    pub version: String,
    #[serde(with = "crate::rfc3339")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub server_time: ZonedDateTime,
}
