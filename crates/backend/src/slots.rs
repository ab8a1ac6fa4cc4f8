//! Which appointment starts a location offers on a day. Pure: the store supplies what is taken.
//!
//! All arithmetic is on instants (`Timestamp`) after converting each opening period's local wall times
//! in the location's zone, so a day with 23 or 25 hours still gives slots at the right local times.

use std::collections::{HashMap, HashSet};

use jiff::civil::Date;
use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp};
use kiosk_api::OpeningPeriod;

/// Desks are claimed in units of 5 minutes; durations are rounded up to whole units.
pub const UNIT_SECONDS: i64 = 300;

/// Distance between offered starts: short products every 5 or 10 minutes, longer ones every 15.
pub fn step(duration_min: u32) -> SignedDuration {
    let minutes = duration_min.clamp(5, 15) / 5 * 5;
    SignedDuration::from_mins(i64::from(minutes))
}

/// Candidate `(start, end)` pairs on `day`, ignoring desk capacity: every start in an opening period
/// whose appointment ends before that period closes (an appointment never runs past closing).
pub fn candidates(
    tz: &TimeZone,
    periods: &[OpeningPeriod],
    closed: &HashSet<Date>,
    day: Date,
    duration_min: u32,
) -> Vec<(Timestamp, Timestamp)> {
    if closed.contains(&day) {
        return Vec::new();
    }
    let weekday = kiosk_api::Weekday::from(day.weekday());
    let length = SignedDuration::from_mins(i64::from(duration_min));
    let step = step(duration_min);
    let mut out = Vec::new();
    for period in periods.iter().filter(|p| p.weekday == weekday) {
        let (Ok(open), Ok(close)) = (
            day.to_datetime(period.opens).to_zoned_datetime(tz.clone()),
            day.to_datetime(period.closes).to_zoned_datetime(tz.clone()),
        ) else {
            continue;
        };
        let (open, close) = (open.timestamp(), close.timestamp());
        let mut start = open;
        while let Ok(end) = start.checked_add(length) {
            if end > close {
                break;
            }
            out.push((start, end));
            match start.checked_add(step) {
                Ok(next) => start = next,
                Err(_) => break,
            }
        }
    }
    out.sort();
    out
}

/// The 5-minute units an appointment occupies.
pub fn units(start: Timestamp, end: Timestamp) -> std::ops::Range<i64> {
    let first = start.as_second().div_euclid(UNIT_SECONDS);
    let last = (end.as_second() + UNIT_SECONDS - 1).div_euclid(UNIT_SECONDS);
    first..last
}

/// Units taken per desk.
pub type Taken = HashMap<u32, HashSet<i64>>;

/// The lowest-numbered desk (1-based) free for the whole appointment.
pub fn free_desk(taken: &Taken, desks: u32, start: Timestamp, end: Timestamp) -> Option<u32> {
    (1..=desks).find(|desk| {
        taken
            .get(desk)
            .is_none_or(|busy| units(start, end).all(|u| !busy.contains(&u)))
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use jiff::civil::{date, time};
    use kiosk_api::Weekday;

    fn brussels() -> TimeZone {
        TimeZone::get("Europe/Brussels").unwrap()
    }

    #[test]
    fn a_night_period_across_the_spring_gap_keeps_real_durations() {
        // Sunday 2026-03-29: 02:00 does not exist locally. 01:00-04:00 local is two real hours.
        let periods = [OpeningPeriod {
            weekday: Weekday::Sunday,
            opens: time(1, 0, 0, 0),
            closes: time(4, 0, 0, 0),
        }];
        let slots = candidates(
            &brussels(),
            &periods,
            &HashSet::new(),
            date(2026, 3, 29),
            60,
        );
        let starts: Vec<String> = slots
            .iter()
            .map(|(s, _)| kiosk_api::rfc3339::format(&s.to_zoned_datetime(brussels())))
            .collect();
        assert_eq!(
            starts.first().map(String::as_str),
            Some("2026-03-29T01:00:00+01:00")
        );
        assert_eq!(
            starts.last().map(String::as_str),
            Some("2026-03-29T03:00:00+02:00")
        );
        assert_eq!(
            slots.len(),
            5,
            "01:00, 01:15, 01:30, 01:45 (+01:00) and 03:00 (+02:00): {starts:?}"
        );
    }

    #[test]
    fn an_appointment_never_runs_past_closing() {
        let periods = [OpeningPeriod {
            weekday: Weekday::Monday,
            opens: time(9, 0, 0, 0),
            closes: time(10, 0, 0, 0),
        }];
        let slots = candidates(
            &brussels(),
            &periods,
            &HashSet::new(),
            date(2026, 11, 30),
            40,
        );
        let last = slots.last().unwrap();
        assert!(last.1 <= "2026-11-30T09:00:00Z".parse().unwrap());
        assert_eq!(
            slots.len(),
            2,
            "09:00 and 09:15 end by 10:00, 09:30 would not"
        );
    }

    #[test]
    fn a_closed_day_has_no_slots() {
        let periods = [OpeningPeriod {
            weekday: Weekday::Saturday,
            opens: time(9, 0, 0, 0),
            closes: time(12, 0, 0, 0),
        }];
        let closed = HashSet::from([date(2026, 7, 11)]);
        assert!(candidates(&brussels(), &periods, &closed, date(2026, 7, 11), 15).is_empty());
    }

    #[test]
    fn an_appointment_ending_between_marks_keeps_its_desk_until_the_next_mark() {
        // A 12-minute appointment from 09:00 ends at 09:12: the desk is busy until 09:15, so a
        // second appointment at 09:10 needs another desk and one at 09:15 may have this one.
        let at = |t: &str| -> Timestamp { t.parse().unwrap() };
        let taken = Taken::from([(
            1,
            units(at("2026-11-30T09:00:00Z"), at("2026-11-30T09:12:00Z")).collect(),
        )]);
        let (ten, twenty_two) = (at("2026-11-30T09:10:00Z"), at("2026-11-30T09:22:00Z"));
        assert_eq!(free_desk(&taken, 1, ten, twenty_two), None);
        assert_eq!(free_desk(&taken, 2, ten, twenty_two), Some(2));
        let (fifteen, twenty_seven) = (at("2026-11-30T09:15:00Z"), at("2026-11-30T09:27:00Z"));
        assert_eq!(free_desk(&taken, 1, fifteen, twenty_seven), Some(1));
    }
}
