//! The alert rules, without I/O: which conditions hold now and since when, and so which alerts
//! to raise and which to resolve. A condition raises an alert only once it has held longer than
//! its threshold; an open alert is resolved as soon as its condition no longer holds, or holds
//! since a later time (it ended and began again: a silent kiosk that reported once is no longer
//! silent since the same moment).

use std::collections::HashMap;

use jiff::Timestamp;
use uuid::Uuid;

use super::{AlertKind, Fleet, FleetAlert, FleetConfig};

/// What the rules decided.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Decisions {
    /// Kiosk, kind and since when the condition holds.
    pub raise: Vec<(Uuid, AlertKind, Timestamp)>,
    /// Open alerts whose condition ended.
    pub resolve: Vec<FleetAlert>,
}

/// Since when each condition holds for each kiosk now (held at all, whatever the threshold).
pub fn conditions(fleet: &Fleet, now: Timestamp) -> HashMap<(Uuid, AlertKind), Timestamp> {
    let mut holding = HashMap::new();
    for kiosk in fleet
        .kiosks
        .iter()
        .filter(|k| !fleet.revoked.contains(&k.kiosk_id))
    {
        let id = kiosk.kiosk_id;
        // A kiosk that never reported is silent since it was enrolled.
        let last = kiosk
            .last_seen_at
            .as_ref()
            .unwrap_or(&kiosk.enrolled_at)
            .timestamp();
        if last < now {
            holding.insert((id, AlertKind::Silent), last);
        }
        if let Some(since) = fleet.paper_out_since.get(&id) {
            holding.insert((id, AlertKind::PaperOut), *since);
        }
        if let Some(oldest) = kiosk
            .last_status
            .as_ref()
            .and_then(|s| s.oldest_pending_at.as_ref())
        {
            holding.insert((id, AlertKind::SyncFailing), oldest.timestamp());
        }
    }
    holding
}

fn threshold(config: &FleetConfig, kind: AlertKind) -> jiff::SignedDuration {
    match kind {
        AlertKind::Silent => config.silent_after,
        AlertKind::PaperOut => config.paper_out_after,
        AlertKind::SyncFailing => config.sync_failing_after,
    }
}

/// Whether a condition held since `since` is over its threshold at `now`.
pub fn over(config: &FleetConfig, kind: AlertKind, since: Timestamp, now: Timestamp) -> bool {
    now.duration_since(since) > threshold(config, kind)
}

pub fn decide(fleet: &Fleet, config: &FleetConfig, now: Timestamp) -> Decisions {
    let holding = conditions(fleet, now);
    let mut decisions = Decisions::default();
    let mut open = std::collections::HashSet::new();
    for alert in &fleet.open {
        let key = (alert.kiosk_id, alert.kind);
        match holding.get(&key) {
            Some(since) if *since <= alert.since => {
                open.insert(key);
            }
            _ => decisions.resolve.push(alert.clone()),
        }
    }
    let mut raise: Vec<_> = holding
        .into_iter()
        .filter(|(key, since)| !open.contains(key) && over(config, key.1, *since, now))
        .map(|((id, kind), since)| (id, kind, since))
        .collect();
    raise.sort();
    decisions.raise = raise;
    decisions
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use jiff::SignedDuration;

    fn kiosk(last_seen: &str) -> kiosk_api::KioskSummary {
        let at: jiff::ZonedDateTime = last_seen.parse().unwrap();
        kiosk_api::KioskSummary {
            kiosk_id: Uuid::nil(),
            location_id: "town-hall".into(),
            hardware_id: "hw".into(),
            enrolled_at: at.clone(),
            last_seen_at: Some(at),
            last_status: None,
        }
    }

    #[test]
    fn silence_is_raised_past_its_threshold_and_resolved_by_a_heartbeat() {
        let config = FleetConfig::default();
        let seen = "2026-03-23T08:00:00+01:00[Europe/Brussels]";
        let mut fleet = Fleet {
            kiosks: vec![kiosk(seen)],
            ..Fleet::default()
        };
        let t0 = fleet.kiosks[0].enrolled_at.timestamp();
        let at = |min: i64| t0.checked_add(SignedDuration::from_mins(min)).unwrap();
        assert_eq!(decide(&fleet, &config, at(10)), Decisions::default());
        let d = decide(&fleet, &config, at(11));
        assert_eq!(d.raise, vec![(Uuid::nil(), AlertKind::Silent, t0)]);
        fleet.open.push(FleetAlert {
            id: 1,
            kiosk_id: Uuid::nil(),
            kind: AlertKind::Silent,
            since: t0,
            raised: at(11),
            resolved: None,
        });
        assert_eq!(decide(&fleet, &config, at(20)), Decisions::default());
        fleet.kiosks = vec![kiosk("2026-03-23T08:21:00+01:00[Europe/Brussels]")];
        let d = decide(&fleet, &config, at(22));
        assert_eq!((d.raise.len(), d.resolve.len()), (0, 1));
        // A revoked kiosk is no longer watched: its silence raises nothing.
        fleet.revoked.insert(Uuid::nil());
        assert_eq!(decide(&fleet, &config, at(60)).raise, vec![]);
    }
}
