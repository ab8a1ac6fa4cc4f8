//! The kiosk's outbox, delivered in batches.

use jiff::ZonedDateTime;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::Problem;

/// Known event types; others are rejected.
pub const EVENT_TYPES: &[&str] = &[
    "ticket.printed",
    "ticket.offline_checkin",
    "ticket.offline_walk_in",
    "print.failed",
    "printer.state_changed",
    "session.ended",
    "certificate.printed",
];

/// `POST /v1/kiosks/me/events`, at most [`crate::MAX_EVENTS_PER_BATCH`] events.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EventBatch {
    #[cfg_attr(feature = "openapi", schema(max_items = 100))]
    pub events: Vec<KioskEvent>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct KioskEvent {
    /// UUID v7, chosen by the kiosk; (kiosk, id) identifies the event for deduplication.
    pub id: Uuid,
    #[serde(rename = "type")]
    #[cfg_attr(feature = "openapi", schema(example = "ticket.printed"))]
    pub kind: String,
    #[serde(with = "crate::rfc3339")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub occurred_at: ZonedDateTime,
    /// Depends on `type`; absent or null when the event has none.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<Object>))]
    pub payload: serde_json::Value,
}

/// Payload of `ticket.offline_checkin`: a ticket the kiosk numbered from one of its blocks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OfflineCheckin {
    pub booking_id: Uuid,
    pub queue_service_id: String,
    pub day: Date,
    /// The sequence number printed (from a block of this kiosk).
    pub sequence: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum EventStatus {
    Accepted,
    Duplicate,
    Rejected,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EventResult {
    pub id: Uuid,
    pub status: EventStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub problem: Option<Problem>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EventResults {
    pub results: Vec<EventResult>,
}
