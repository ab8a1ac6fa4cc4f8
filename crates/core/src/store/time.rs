//! Timestamps and days as the store keeps them: RFC 3339 with offset, `YYYY-MM-DD`.

use jiff::ZonedDateTime;

use super::{StoreError, StoreResult};

pub fn format(at: &ZonedDateTime) -> String {
    kiosk_api::rfc3339::format(at)
}

pub fn parse(column: &'static str, text: &str) -> StoreResult<ZonedDateTime> {
    kiosk_api::rfc3339::parse(text).map_err(|detail| StoreError::Corrupt { column, detail })
}
