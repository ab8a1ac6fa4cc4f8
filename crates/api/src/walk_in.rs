//! Walk-in numbers: queue services a resident may join without an appointment, when, and how
//! many a day. The rule that says whether a service takes walk-ins now lives here, beside its
//! types, so that the kiosk (offline too) and the backend can never disagree about it.

use jiff::civil::{Date, DateTime};
use serde::{Deserialize, Serialize};

use crate::catalogue::{Closure, OpeningPeriod, Weekday};

/// How a queue service takes residents without an appointment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WalkIn {
    /// The locations that give walk-in numbers for this service.
    pub location_ids: Vec<String>,
    /// When numbers are given, in the location's zone; may differ from appointment hours.
    pub hours: Vec<OpeningPeriod>,
    /// Most walk-in numbers a location gives for this service in one day; none: no limit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub daily_limit: Option<u32>,
}

/// How far ahead [`WalkIn::next_opening`] looks: two weeks cover any holiday period.
const LOOK_AHEAD_DAYS: i32 = 14;

impl WalkIn {
    pub fn offered_at(&self, location_id: &str) -> bool {
        self.location_ids.iter().any(|l| l == location_id)
    }

    /// Whether a number may be given at `at` (wall time in the location's zone): inside one of
    /// the periods of its weekday, on a day the location is not closed.
    pub fn is_open(&self, at: DateTime, closures: &[Closure]) -> bool {
        if is_closed(at.date(), closures) {
            return false;
        }
        let weekday = Weekday::from(at.weekday());
        let time = at.time();
        self.hours
            .iter()
            .any(|p| p.weekday == weekday && p.opens <= time && time < p.closes)
    }

    /// The next moment after `at` that numbers are given again (the start of a period), within
    /// two weeks; `None` when the service has no hours in that time.
    pub fn next_opening(&self, at: DateTime, closures: &[Closure]) -> Option<DateTime> {
        let mut day = at.date();
        for _ in 0..=LOOK_AHEAD_DAYS {
            if !is_closed(day, closures) {
                let weekday = Weekday::from(day.weekday());
                let first = self
                    .hours
                    .iter()
                    .filter(|p| p.weekday == weekday)
                    .map(|p| day.to_datetime(p.opens))
                    .filter(|opens| *opens > at)
                    .min();
                if first.is_some() {
                    return first;
                }
            }
            day = day.tomorrow().ok()?;
        }
        None
    }
}

fn is_closed(day: Date, closures: &[Closure]) -> bool {
    closures.iter().any(|c| c.date == day)
}

/// `POST /v1/walk-in-tickets`: a number for `queue_service_id` at the kiosk's location, without
/// an appointment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CreateWalkInTicket {
    pub queue_service_id: String,
}

/// Payload of `ticket.offline_walk_in`: a walk-in number the kiosk gave from one of its blocks
/// while the backend was unreachable. The event's `occurred_at` is when it was given.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfflineWalkIn {
    pub queue_service_id: String,
    pub day: Date,
    /// The sequence number printed (from a block of this kiosk).
    pub sequence: u32,
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use jiff::civil::{date, time};

    use super::*;
    use crate::LocalizedText;

    fn period(weekday: Weekday, opens: (i8, i8), closes: (i8, i8)) -> OpeningPeriod {
        OpeningPeriod {
            weekday,
            opens: time(opens.0, opens.1, 0, 0),
            closes: time(closes.0, closes.1, 0, 0),
        }
    }

    fn mornings() -> WalkIn {
        WalkIn {
            location_ids: vec!["main".into()],
            hours: vec![
                period(Weekday::Monday, (8, 30), (12, 0)),
                period(Weekday::Monday, (13, 0), (16, 0)),
                period(Weekday::Wednesday, (8, 30), (12, 0)),
            ],
            daily_limit: Some(40),
        }
    }

    fn closed(day: Date) -> Closure {
        let text = || "Feestdag".to_owned();
        Closure {
            date: day,
            reason: LocalizedText {
                nl: text(),
                fr: text(),
                de: text(),
                en: text(),
            },
        }
    }

    // 2026-12-07 is a Monday.
    #[test]
    fn open_inside_a_period_and_not_at_its_closing_time() {
        let w = mornings();
        assert!(w.is_open(date(2026, 12, 7).at(8, 30, 0, 0), &[]));
        assert!(w.is_open(date(2026, 12, 7).at(11, 59, 0, 0), &[]));
        assert!(!w.is_open(date(2026, 12, 7).at(12, 0, 0, 0), &[]));
        assert!(!w.is_open(date(2026, 12, 7).at(12, 30, 0, 0), &[]));
        assert!(!w.is_open(date(2026, 12, 8).at(9, 0, 0, 0), &[]), "Tuesday");
    }

    #[test]
    fn a_closed_day_takes_no_walk_ins() {
        let w = mornings();
        let monday = date(2026, 12, 7);
        assert!(!w.is_open(monday.at(9, 0, 0, 0), &[closed(monday)]));
    }

    #[test]
    fn the_next_opening_is_the_next_period_start_skipping_closed_days() {
        let w = mornings();
        let monday = date(2026, 12, 7);
        assert_eq!(
            w.next_opening(monday.at(12, 10, 0, 0), &[]),
            Some(monday.at(13, 0, 0, 0))
        );
        assert_eq!(
            w.next_opening(monday.at(16, 0, 0, 0), &[]),
            Some(date(2026, 12, 9).at(8, 30, 0, 0))
        );
        assert_eq!(
            w.next_opening(monday.at(16, 0, 0, 0), &[closed(date(2026, 12, 9))]),
            Some(date(2026, 12, 14).at(8, 30, 0, 0))
        );
    }

    #[test]
    fn no_hours_means_no_next_opening() {
        let w = WalkIn {
            location_ids: vec![],
            hours: vec![],
            daily_limit: None,
        };
        assert_eq!(w.next_opening(date(2026, 12, 7).at(9, 0, 0, 0), &[]), None);
    }
}
