//! `GET /v1/catalogue`: what can be booked, where and when, and which certificates exist.

use jiff::civil::{Date, Time};
use serde::{Deserialize, Serialize};

/// A text in the four kiosk languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LocalizedText {
    pub nl: String,
    pub fr: String,
    pub de: String,
    pub en: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Catalogue {
    pub locations: Vec<Location>,
    pub products: Vec<Product>,
    pub certificate_types: Vec<CertificateType>,
    pub queue_services: Vec<QueueService>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Address {
    pub street: String,
    pub postal_code: String,
    pub municipality: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Location {
    pub id: String,
    pub name: LocalizedText,
    pub address: Address,
    /// IANA zone, `Europe/Brussels`.
    #[cfg_attr(feature = "openapi", schema(example = "Europe/Brussels"))]
    pub timezone: String,
    /// Number of desks that serve appointments in parallel.
    pub desks: u32,
    /// Several periods per weekday (morning, afternoon, late evening).
    pub opening_hours: Vec<OpeningPeriod>,
    /// Whole days closed (public holidays, ...) from today on.
    pub closures: Vec<Closure>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum Weekday {
    Monday,
    Tuesday,
    Wednesday,
    Thursday,
    Friday,
    Saturday,
    Sunday,
}

impl Weekday {
    /// Monday = 1 ... Sunday = 7 (ISO 8601).
    pub fn number(self) -> i8 {
        match self {
            Weekday::Monday => 1,
            Weekday::Tuesday => 2,
            Weekday::Wednesday => 3,
            Weekday::Thursday => 4,
            Weekday::Friday => 5,
            Weekday::Saturday => 6,
            Weekday::Sunday => 7,
        }
    }

    pub fn from_number(n: i8) -> Option<Weekday> {
        Some(match n {
            1 => Weekday::Monday,
            2 => Weekday::Tuesday,
            3 => Weekday::Wednesday,
            4 => Weekday::Thursday,
            5 => Weekday::Friday,
            6 => Weekday::Saturday,
            7 => Weekday::Sunday,
            _ => return None,
        })
    }
}

impl From<jiff::civil::Weekday> for Weekday {
    fn from(day: jiff::civil::Weekday) -> Self {
        match day {
            jiff::civil::Weekday::Monday => Weekday::Monday,
            jiff::civil::Weekday::Tuesday => Weekday::Tuesday,
            jiff::civil::Weekday::Wednesday => Weekday::Wednesday,
            jiff::civil::Weekday::Thursday => Weekday::Thursday,
            jiff::civil::Weekday::Friday => Weekday::Friday,
            jiff::civil::Weekday::Saturday => Weekday::Saturday,
            jiff::civil::Weekday::Sunday => Weekday::Sunday,
        }
    }
}

/// Local wall-clock times (`HH:MM:SS`) in the location's zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OpeningPeriod {
    pub weekday: Weekday,
    // Not JSON Schema's format "time": that one needs an offset, and these are wall-clock times.
    #[cfg_attr(feature = "openapi", schema(value_type = String, pattern = r"^[0-2][0-9]:[0-5][0-9](:[0-5][0-9](\.[0-9]+)?)?$", example = "08:30:00"))]
    pub opens: Time,
    #[cfg_attr(feature = "openapi", schema(value_type = String, pattern = r"^[0-2][0-9]:[0-5][0-9](:[0-5][0-9](\.[0-9]+)?)?$", example = "12:00:00"))]
    pub closes: Time,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Closure {
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub date: Date,
    pub reason: LocalizedText,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum CustomerField {
    Name,
    Phone,
    Email,
    /// At least one of phone or e-mail.
    PhoneOrEmail,
}

/// Minutes before and after the booked start in which a check-in is accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ArrivalWindow {
    pub before_min: u32,
    pub after_min: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Product {
    pub id: String,
    pub name: LocalizedText,
    pub duration_min: u32,
    /// Added once for every person after the first.
    pub extra_duration_per_person_min: u32,
    pub max_persons: u32,
    pub required_customer_fields: Vec<CustomerField>,
    pub queue_service_id: String,
    pub arrival_window: ArrivalWindow,
    /// Locations where this product can be booked.
    pub location_ids: Vec<String>,
    /// What to bring to the desk, one item each, shown while booking and printed on the ticket.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub bring: Vec<LocalizedText>,
}

impl Product {
    /// Length of an appointment for `persons` people.
    pub fn duration_for(&self, persons: u32) -> u32 {
        self.extra_duration_per_person_min
            .saturating_mul(persons.saturating_sub(1))
            .saturating_add(self.duration_min)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum Delivery {
    Immediate,
    Deferred,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CertificateType {
    pub code: String,
    pub name: LocalizedText,
    pub delivery: Delivery,
    pub needs_purpose: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct QueueService {
    pub id: String,
    /// One capital letter printed before the number, e.g. `B` in `B007`.
    #[cfg_attr(feature = "openapi", schema(example = "B"))]
    pub prefix: String,
    pub name: LocalizedText,
    /// Present when residents without an appointment may take a number for this service.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub walk_in: Option<crate::walk_in::WalkIn>,
}
