//! The municipality's own figures (issue 14): computed by the store for a period and location
//! (`store::sqlite::figures`, with the arithmetic in `compute`), shown to admins as a page with
//! tables and SVG charts (`pages`, `charts`), exported as CSV (`csv_export`) and served as JSON to the
//! municipality's BI (`routes`).

pub mod charts;
pub mod compute;
pub mod csv_export;
pub mod pages;
pub mod routes;
pub mod tables;

use jiff::civil::Date;
use jiff::tz::TimeZone;
use jiff::{Timestamp, ToSpan};

/// The longest period one request may ask for (two years and a day).
pub const MAX_DAYS: i32 = 731;

/// Which days (in the locations' zone, inclusive) and which location (`None`: all).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Period {
    pub from: Date,
    pub to: Date,
    pub location_id: Option<String>,
}

/// A query's `location`: empty, absent or `all` is every location.
pub fn location_of(location: Option<&str>) -> Option<String> {
    location
        .map(str::trim)
        .filter(|l| !l.is_empty() && *l != "all")
        .map(str::to_owned)
}

/// Why a period was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PeriodError {
    /// `from` or `to` missing or not a date.
    NotADate,
    /// `to` before `from`.
    Reversed,
    /// More than [`MAX_DAYS`] days.
    TooLong,
}

impl PeriodError {
    /// For the API's problem detail.
    pub fn english(self) -> String {
        match self {
            PeriodError::NotADate => "from and to must be dates like 2026-03-01".into(),
            PeriodError::Reversed => "to must not be before from".into(),
            PeriodError::TooLong => format!("a period has at most {MAX_DAYS} days"),
        }
    }

    /// For the admin page.
    pub fn dutch(self) -> String {
        match self {
            PeriodError::NotADate => "kies een begin- en een einddatum".into(),
            PeriodError::Reversed => "de einddatum ligt voor de begindatum".into(),
            PeriodError::TooLong => format!("een periode telt ten hoogste {MAX_DAYS} dagen"),
        }
    }
}

impl Period {
    /// Checks the query's `from`, `to` and `location` (empty or `all` = every location).
    pub fn parse(from: &str, to: &str, location: Option<&str>) -> Result<Period, PeriodError> {
        let day = |text: &str| {
            text.trim()
                .parse::<Date>()
                .map_err(|_| PeriodError::NotADate)
        };
        let (from, to) = (day(from)?, day(to)?);
        if to < from {
            return Err(PeriodError::Reversed);
        }
        let days = from
            .until(to)
            .map(|span| span.get_days())
            .unwrap_or(i32::MAX);
        if days >= MAX_DAYS {
            return Err(PeriodError::TooLong);
        }
        Ok(Period {
            from,
            to,
            location_id: location_of(location),
        })
    }

    /// The 30 days up to and including `today`.
    pub fn last_30_days(today: Date) -> Period {
        Period {
            from: today.checked_sub(29.days()).unwrap_or(today),
            to: today,
            location_id: None,
        }
    }

    /// `[start of from, start of the day after to)` in UTC seconds.
    pub fn bounds(&self, tz: &TimeZone) -> (i64, i64) {
        let start = |d: Date| {
            d.to_zoned_datetime(tz.clone())
                .map(|z| z.timestamp().as_second())
                .unwrap_or(Timestamp::UNIX_EPOCH.as_second())
        };
        let after = self.to.tomorrow().unwrap_or(self.to);
        (start(self.from), start(after))
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn periods_are_checked() {
        let p = Period::parse("2026-03-01", "2026-03-31", Some("all")).unwrap();
        assert_eq!(p.location_id, None);
        let refused = |from, to| Period::parse(from, to, None).unwrap_err();
        assert_eq!(refused("2026-03-31", "2026-03-01"), PeriodError::Reversed);
        assert_eq!(refused("March", "2026-03-01"), PeriodError::NotADate);
        assert_eq!(refused("2020-01-01", "2026-03-01"), PeriodError::TooLong);
        assert!(Period::parse("2024-03-01", "2026-02-28", None).is_ok());
        let p = Period::parse("2026-03-29", "2026-03-29", Some("town-hall")).unwrap();
        let tz = TimeZone::get("Europe/Brussels").unwrap();
        // The day the clocks go forward has 23 hours.
        let (a, b) = p.bounds(&tz);
        assert_eq!(b - a, 23 * 3600);
        assert_eq!(p.location_id.as_deref(), Some("town-hall"));
    }
}
