//! RFC 3339 timestamps *with* their UTC offset, e.g. `2026-03-30T08:30:00+02:00`.
//!
//! jiff's own serde for `ZonedDateTime` writes an RFC 9557 `[Europe/Brussels]` suffix that many
//! clients (and JSON Schema's `date-time`) reject, and it refuses input without that suffix. On the wire
//! we want plain RFC 3339, so a received value keeps its instant and its offset (as a fixed-offset
//! zone): it displays the right local time as is. Convert it with `.with_time_zone(location_tz)` before
//! calendar arithmetic across a DST change.

use jiff::tz::{Offset, TimeZone};
use jiff::{Timestamp, ZonedDateTime};
use serde::{Deserialize, Deserializer, Serializer};

/// Formats `value` as RFC 3339 with its offset (seconds precision unless it has a fraction).
pub fn format(value: &ZonedDateTime) -> String {
    value
        .timestamp()
        .display_with_offset(value.offset())
        .to_string()
}

/// Parses RFC 3339 with an offset (`Z` counts as `+00:00`) into a fixed-offset `ZonedDateTime`.
pub fn parse(text: &str) -> Result<ZonedDateTime, String> {
    let instant: Timestamp = text
        .parse()
        .map_err(|e| format!("not an RFC 3339 timestamp with offset: {e}"))?;
    let offset = trailing_offset(text).ok_or("the timestamp has no UTC offset")?;
    Ok(instant.to_zoned_datetime(TimeZone::fixed(offset)))
}

fn trailing_offset(text: &str) -> Option<Offset> {
    if text.ends_with(['Z', 'z']) {
        return Some(Offset::UTC);
    }
    let tail = text.get(text.len().checked_sub(6)?..)?;
    let sign = match tail.as_bytes().first()? {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let hours: i32 = tail.get(1..3)?.parse().ok()?;
    let minutes: i32 = tail.get(4..6)?.parse().ok()?;
    Offset::from_seconds(sign * (hours * 3600 + minutes * 60)).ok()
}

/// `#[serde(with = "kiosk_api::rfc3339")]`
pub fn serialize<S: Serializer>(value: &ZonedDateTime, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(&format(value))
}

/// `#[serde(with = "kiosk_api::rfc3339")]`
pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<ZonedDateTime, D::Error> {
    let text = String::deserialize(deserializer)?;
    parse(&text).map_err(serde::de::Error::custom)
}

/// `#[serde(default, with = "kiosk_api::rfc3339::option")]`
pub mod option {
    use jiff::ZonedDateTime;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(
        value: &Option<ZonedDateTime>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        match value {
            Some(v) => serializer.serialize_str(&super::format(v)),
            None => serializer.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<ZonedDateTime>, D::Error> {
        match Option::<String>::deserialize(deserializer)? {
            Some(text) => super::parse(&text)
                .map(Some)
                .map_err(serde::de::Error::custom),
            None => Ok(None),
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn keeps_local_time_and_offset_across_a_round_trip() {
        let summer = parse("2026-03-30T08:30:00+02:00").unwrap();
        assert_eq!(format(&summer), "2026-03-30T08:30:00+02:00");
        assert_eq!(summer.timestamp().to_string(), "2026-03-30T06:30:00Z");
        let utc = parse("2026-03-30T06:30:00Z").unwrap();
        assert_eq!(format(&utc), "2026-03-30T06:30:00+00:00");
    }

    #[test]
    fn refuses_a_local_time_without_offset() {
        assert!(parse("2026-03-30T08:30:00").is_err());
        assert!(parse("tomorrow").is_err());
    }
}
