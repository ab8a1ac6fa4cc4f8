//! The types that cross HTTP between the kiosk and the municipality's backend.
//!
//! Every timestamp is a [`jiff::ZonedDateTime`] written on the wire as RFC 3339 *with* its UTC offset
//! (see [`rfc3339`]); calendar days are [`jiff::civil::Date`] (`YYYY-MM-DD`). Errors are RFC 9457
//! problem documents ([`Problem`]) whose `type` is one of [`problem_type`].
//!
//! With the feature `openapi` (the backend's), the types also describe themselves for utoipa
//! (`#[cfg_attr(feature = "openapi", ...)]` beside their serde attributes), so the OpenAPI document
//! is derived from the very types that cross the wire; the kiosk builds them without utoipa.

pub mod beid_tlv;
pub mod booking_code;
pub mod bookings;
pub mod catalogue;
pub mod certificates;
pub mod eid_signing;
pub mod events;
pub mod kiosks;
pub mod offline;
#[cfg(feature = "openapi")]
pub mod openapi;
pub mod problem;
pub mod rfc3339;
pub mod tickets;
pub mod walk_in;

pub use bookings::{Booking, BookingStatus, CreateBooking, Customer, Slot, SlotsQuery};
pub use catalogue::{
    Address, ArrivalWindow, Catalogue, CertificateType, Closure, CustomerField, Delivery,
    LocalizedText, Location, OpeningPeriod, Product, QueueService, Weekday,
};
pub use certificates::{
    CertificateDocument, CertificateRequestResult, CertificateRequestStatus, CertifiedPerson,
    CreateCertificateRequest, DocumentCheck, DocumentMunicipality, DocumentVerification,
    EidChallenge, EidEvidence, RawEvidence,
};
pub use events::{
    EVENT_TYPES, EventBatch, EventResult, EventResults, EventStatus, KioskEvent, OfflineCheckin,
};
pub use kiosks::{
    DeviceState, EnrolRequest, EnrolResponse, Health, KioskList, KioskStatus, KioskSummary,
    PrinterState, PrinterStatus, StatusResponse,
};
pub use offline::{Arrival, Arrivals, TicketBlock, TicketBlockRequest};
pub use problem::{Problem, problem_type};
pub use tickets::{CreateTicket, Ticket, TicketStatus};
pub use walk_in::{CreateWalkInTicket, OfflineWalkIn, WalkIn};

/// Base path of every endpoint.
pub const BASE_PATH: &str = "/v1";
/// Header that makes a state-changing POST safe to retry.
pub const IDEMPOTENCY_KEY: &str = "Idempotency-Key";
/// Media type of every error body.
pub const PROBLEM_JSON: &str = "application/problem+json";
/// Most events accepted in one `POST /v1/kiosks/me/events`.
pub const MAX_EVENTS_PER_BATCH: usize = 100;
/// Most days one `GET /v1/slots` may span.
pub const MAX_SLOT_DAYS: i32 = 31;
