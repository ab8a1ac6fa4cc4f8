//! Slots either side of the last Sundays of March and October: the offset changes, local times not.

use jiff::Timestamp;

use crate::common::start_at;

fn offsets(starts: &[String], day: &str) -> Vec<String> {
    starts
        .iter()
        .filter(|s| s.starts_with(day))
        .map(|s| s[19..].to_owned())
        .collect()
}

#[tokio::test]
async fn spring_forward_keeps_local_opening_times() {
    let env = start_at("2026-03-20T10:00:00+01:00").await;
    let starts = env
        .slots("town-hall", "passport", 1, "2026-03-28", "2026-03-30")
        .await;
    assert_eq!(
        starts.first().unwrap(),
        "2026-03-28T09:00:00+01:00",
        "Saturday morning, winter time"
    );
    assert!(offsets(&starts, "2026-03-28").iter().all(|o| o == "+01:00"));
    assert!(
        offsets(&starts, "2026-03-29").is_empty(),
        "closed on Sunday"
    );
    let monday: Vec<&String> = starts
        .iter()
        .filter(|s| s.starts_with("2026-03-30"))
        .collect();
    assert_eq!(
        monday.first().unwrap().as_str(),
        "2026-03-30T08:30:00+02:00",
        "Monday, summer time"
    );
    assert_eq!(monday.last().unwrap().as_str(), "2026-03-30T15:45:00+02:00");
    assert!(offsets(&starts, "2026-03-30").iter().all(|o| o == "+02:00"));
    let saturday_utc: Timestamp = "2026-03-28T09:00:00+01:00".parse().unwrap();
    let monday_utc: Timestamp = monday[0].parse().unwrap();
    assert_eq!(saturday_utc.to_string(), "2026-03-28T08:00:00Z");
    assert_eq!(monday_utc.to_string(), "2026-03-30T06:30:00Z");

    // Booking with the instant in UTC lands on the same local slot and comes back with its offset.
    let booking = env
        .book("town-hall", "passport", 1, "2026-03-30T06:30:00Z")
        .await;
    assert_eq!(booking["start"], "2026-03-30T08:30:00+02:00");
    assert_eq!(booking["end"], "2026-03-30T08:45:00+02:00");
}

#[tokio::test]
async fn fall_back_keeps_local_opening_times() {
    let env = start_at("2026-10-16T10:00:00+02:00").await;
    let starts = env
        .slots("town-hall", "passport", 1, "2026-10-24", "2026-10-26")
        .await;
    assert_eq!(
        starts.first().unwrap(),
        "2026-10-24T09:00:00+02:00",
        "Saturday morning, summer time"
    );
    assert!(offsets(&starts, "2026-10-24").iter().all(|o| o == "+02:00"));
    assert!(
        offsets(&starts, "2026-10-25").is_empty(),
        "closed on Sunday"
    );
    let monday: Vec<&String> = starts
        .iter()
        .filter(|s| s.starts_with("2026-10-26"))
        .collect();
    assert_eq!(
        monday.first().unwrap().as_str(),
        "2026-10-26T08:30:00+01:00",
        "Monday, winter time"
    );
    assert!(offsets(&starts, "2026-10-26").iter().all(|o| o == "+01:00"));
    let booking = env
        .book("town-hall", "passport", 2, "2026-10-26T08:30:00+01:00")
        .await;
    assert_eq!(booking["start"], "2026-10-26T08:30:00+01:00");
    assert_eq!(booking["end"], "2026-10-26T08:55:00+01:00");
}
