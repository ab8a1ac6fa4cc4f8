//! `GET /v1/admin/figures`: the municipality's own figures for a period and location (issue 14),
//! for its BI tools. The admin page `/admin/figures` and its CSV exports show the same values.
//!
//! A value that cannot be computed for lack of data (a share of nothing, the median of no
//! waits) is `null`, never 0 and never NaN. Shares are fractions (0.45 = 45 %); times are
//! whole seconds, except the mean.

use jiff::ZonedDateTime;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// How a booking was made, or a certificate requested.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// At a kiosk in the town hall, by the resident.
    Kiosk,
    /// By staff: at the desk or on the phone.
    Desk,
    /// Online, by the resident (web site or a partner's API).
    Web,
}

impl Channel {
    pub const ALL: [Channel; 3] = [Channel::Kiosk, Channel::Desk, Channel::Web];

    /// The name stored and sent: `kiosk`, `desk`, `web`.
    pub fn as_str(self) -> &'static str {
        match self {
            Channel::Kiosk => "kiosk",
            Channel::Desk => "desk",
            Channel::Web => "web",
        }
    }

    pub fn parse(text: &str) -> Option<Channel> {
        Channel::ALL.into_iter().find(|c| c.as_str() == text)
    }

    /// Whether the resident did it without staff (kiosk or web).
    pub fn is_self_service(self) -> bool {
        self != Channel::Desk
    }
}

/// The figures of `from..=to` (days in the locations' zone, Europe/Brussels).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Figures {
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub from: Date,
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub to: Date,
    /// `null`: every location.
    pub location_id: Option<String>,
    /// When these were computed (no-shows and availability count up to this moment).
    #[serde(with = "crate::rfc3339")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub computed_at: ZonedDateTime,
    pub bookings: BookingFigures,
    pub waiting: WaitingFigures,
    /// Queue tickets without an appointment, per queue service they were issued for.
    pub walk_ins: Vec<ServiceCount>,
    pub certificates: CertificateFigures,
    pub kiosks: Vec<KioskAvailability>,
}

/// Confirmed (not cancelled) appointments whose booked time falls in the period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BookingFigures {
    pub total: u64,
    pub by_channel: Vec<ChannelCount>,
    /// (kiosk + web) / total.
    pub self_booked_share: Option<f64>,
    /// Appointments over before `computed_at` that nobody checked in for, or marked no-show.
    pub no_shows: u64,
    /// Appointments whose ticket was called.
    pub called: u64,
    /// Of those, called before the booked time.
    pub called_before_booked_time: u64,
    /// called_before_booked_time / called.
    pub served_before_booked_time_share: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ChannelCount {
    pub channel: Channel,
    pub count: u64,
}

/// From check-in (or a walk-in's arrival: the ticket's issue) to the first call, over the
/// tickets of the period's days that were called.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WaitingFigures {
    pub tickets_called: u64,
    pub mean_seconds: Option<f64>,
    /// Nearest-rank median.
    pub median_seconds: Option<i64>,
    /// Nearest-rank 90th percentile.
    pub p90_seconds: Option<i64>,
    /// Counts per whole minute waited (0 = under a minute; the last holds 30 and more).
    pub histogram_minutes: Vec<u64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ServiceCount {
    pub service_id: String,
    /// Dutch name.
    pub service_name: String,
    pub count: u64,
}

/// Certificate requests of the period (refused ones not counted).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CertificateFigures {
    pub total: u64,
    pub by_channel: Vec<ChannelCount>,
    /// (kiosk + web) / total: requested without coming to the desk.
    pub without_desk_share: Option<f64>,
    /// Per certificate type and where it was requested (kiosk id for the kiosk channel).
    pub by_type: Vec<CertificateCount>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CertificateCount {
    pub certificate_type: String,
    pub channel: Channel,
    pub kiosk_id: Option<Uuid>,
    pub count: u64,
}

/// A kiosk's heartbeats over the opening hours of its location in the period (up to
/// `computed_at`, from its enrolment), in 5-minute steps.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct KioskAvailability {
    pub kiosk_id: Uuid,
    pub location_id: String,
    pub hardware_id: String,
    /// Opening time in the period, in minutes.
    pub open_minutes: u64,
    /// Of that, minutes with at least one heartbeat.
    pub up_minutes: u64,
    /// up_minutes / open_minutes.
    pub uptime_share: Option<f64>,
    /// Of the open minutes, those whose heartbeat reported the printer out of paper.
    pub paper_out_minutes: u64,
}
