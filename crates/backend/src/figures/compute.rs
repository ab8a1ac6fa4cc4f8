//! The arithmetic of the figures, apart from where the numbers come from: shares, the waiting
//! times' statistics, and which 5-minute steps of a period a location was open.

use std::collections::HashSet;

use jiff::civil::Date;
use jiff::tz::TimeZone;
use kiosk_api::{OpeningPeriod, WaitingFigures};

/// Minutes of the waiting-time histogram; its last bin holds this and longer.
pub const HISTOGRAM_MINUTES: usize = 30;

/// `part / whole`, or `None` when there is no whole (never NaN).
pub fn share(part: u64, whole: u64) -> Option<f64> {
    (whole > 0).then(|| part as f64 / whole as f64)
}

/// The nearest-rank percentile `p` (1..=100) of `sorted`: the smallest value with at least p %
/// of the values at or below it. A value that was measured, never an interpolation.
pub fn nearest_rank(sorted: &[i64], p: u32) -> Option<i64> {
    if sorted.is_empty() {
        return None;
    }
    let n = sorted.len();
    let rank = (n * p as usize).div_ceil(100).clamp(1, n);
    sorted.get(rank - 1).copied()
}

/// Mean, median, p90 and the per-minute histogram of waits in seconds.
pub fn waiting(mut waits: Vec<i64>) -> WaitingFigures {
    waits.sort_unstable();
    let count = waits.len() as u64;
    let mean = (count > 0).then(|| waits.iter().map(|&w| w as f64).sum::<f64>() / count as f64);
    let mut histogram = vec![0u64; HISTOGRAM_MINUTES + 1];
    for w in &waits {
        let minute = usize::try_from(w / 60).unwrap_or(0).min(HISTOGRAM_MINUTES);
        if let Some(bin) = histogram.get_mut(minute) {
            *bin += 1;
        }
    }
    WaitingFigures {
        tickets_called: count,
        mean_seconds: mean,
        median_seconds: nearest_rank(&waits, 50),
        p90_seconds: nearest_rank(&waits, 90),
        histogram_minutes: histogram,
    }
}

/// The opening hours of `from..=to` as UTC-second intervals `[open, close)`, in order, without
/// the closure days.
pub fn open_intervals(
    tz: &TimeZone,
    periods: &[OpeningPeriod],
    closed: &HashSet<Date>,
    from: Date,
    to: Date,
) -> Vec<(i64, i64)> {
    let mut out = Vec::new();
    let mut day = from;
    while day <= to {
        if !closed.contains(&day) {
            let weekday = kiosk_api::Weekday::from(day.weekday());
            for p in periods.iter().filter(|p| p.weekday == weekday) {
                let open = day.to_datetime(p.opens).to_zoned_datetime(tz.clone());
                let close = day.to_datetime(p.closes).to_zoned_datetime(tz.clone());
                if let (Ok(open), Ok(close)) = (open, close) {
                    out.push((open.timestamp().as_second(), close.timestamp().as_second()));
                }
            }
        }
        match day.tomorrow() {
            Ok(next) => day = next,
            Err(_) => break,
        }
    }
    out.sort_unstable();
    out
}

/// The steps of `step_seconds` that start inside one of `intervals` (sorted, not overlapping),
/// each interval clipped to `[not_before, not_after)`, as `[first, end)` step ranges.
pub fn open_steps(
    intervals: &[(i64, i64)],
    not_before: i64,
    not_after: i64,
    step_seconds: i64,
) -> Vec<(i64, i64)> {
    intervals
        .iter()
        .filter_map(|&(open, close)| {
            let (a, b) = (open.max(not_before), close.min(not_after));
            let first = a.div_euclid(step_seconds) + i64::from(a.rem_euclid(step_seconds) != 0);
            let end = b.div_euclid(step_seconds) + i64::from(b.rem_euclid(step_seconds) != 0);
            (end > first).then_some((first, end))
        })
        .collect()
}

/// Whether `step` lies in one of `ranges` (sorted `[first, end)`).
pub fn in_ranges(ranges: &[(i64, i64)], step: i64) -> bool {
    let after = ranges.partition_point(|&(first, _)| first <= step);
    after > 0 && ranges.get(after - 1).is_some_and(|&(_, end)| step < end)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn nearest_rank_takes_measured_values() {
        let v = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100];
        assert_eq!(nearest_rank(&v, 50), Some(50));
        assert_eq!(nearest_rank(&v, 90), Some(90));
        assert_eq!(nearest_rank(&[7], 90), Some(7));
        assert_eq!(nearest_rank(&[], 50), None);
        assert_eq!(nearest_rank(&[1, 2, 3], 50), Some(2));
    }

    #[test]
    fn no_waits_give_no_numbers_not_nan() {
        let w = waiting(Vec::new());
        assert_eq!(
            (w.tickets_called, w.mean_seconds, w.median_seconds),
            (0, None, None)
        );
        assert_eq!(share(0, 0), None);
        assert_eq!(share(1, 4), Some(0.25));
    }

    #[test]
    fn steps_start_inside_the_clipped_intervals() {
        // 09:00-09:12 and 10:00-10:10 (seconds from 0), clipped after 10:05.
        let ranges = open_steps(&[(32_400, 33_120), (36_000, 36_600)], 0, 36_300, 300);
        assert_eq!(ranges, [(108, 111), (120, 121)]);
        assert!(in_ranges(&ranges, 110) && !in_ranges(&ranges, 111) && in_ranges(&ranges, 120));
        assert!(!in_ranges(&ranges, 107) && !in_ranges(&ranges, 121));
    }
}
