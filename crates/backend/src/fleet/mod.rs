//! The fleet view for IT (issue 16): every kiosk with its last heartbeat on an admin page
//! (`page`, `routes`), and alerts when a kiosk has been silent, out of paper or failing to sync
//! for longer than a set time (`rules`), stored so that a restart re-sends nothing, and posted
//! to a webhook (`webhook`) by a background task (`watch`).

pub mod page;
pub mod routes;
pub mod rules;
pub mod watch;
pub mod webhook;

use std::collections::{HashMap, HashSet};

use jiff::{SignedDuration, Timestamp};
use kiosk_api::KioskSummary;
use uuid::Uuid;

/// What an alert is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum AlertKind {
    /// No heartbeat for longer than the threshold.
    Silent,
    /// The printer has said "paper out" for longer than the threshold.
    PaperOut,
    /// The kiosk's outbox has held an event for longer than the threshold.
    SyncFailing,
}

impl AlertKind {
    pub const ALL: [AlertKind; 3] = [
        AlertKind::Silent,
        AlertKind::PaperOut,
        AlertKind::SyncFailing,
    ];

    /// As stored and as sent to the webhook.
    pub fn as_str(self) -> &'static str {
        match self {
            AlertKind::Silent => "silent",
            AlertKind::PaperOut => "paper_out",
            AlertKind::SyncFailing => "sync_failing",
        }
    }

    pub fn parse(text: &str) -> Option<AlertKind> {
        AlertKind::ALL.into_iter().find(|k| k.as_str() == text)
    }

    /// For the page (Dutch, as the rest of the console).
    pub fn dutch(self) -> &'static str {
        match self {
            AlertKind::Silent => "geen teken van leven",
            AlertKind::PaperOut => "papier op",
            AlertKind::SyncFailing => "synchroniseert niet",
        }
    }
}

/// One stored alert.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FleetAlert {
    pub id: i64,
    pub kiosk_id: Uuid,
    pub kind: AlertKind,
    /// When the condition started (last heartbeat, first "paper out", oldest pending event).
    pub since: Timestamp,
    pub raised: Timestamp,
    pub resolved: Option<Timestamp>,
}

/// The kiosks and the alerts, as read in one go from the store.
#[derive(Debug, Clone, Default)]
pub struct Fleet {
    pub kiosks: Vec<KioskSummary>,
    /// Kiosks whose printer is out of paper now, and since when.
    pub paper_out_since: HashMap<Uuid, Timestamp>,
    /// Revoked kiosks: listed, but no longer watched (their open alerts are resolved).
    pub revoked: HashSet<Uuid>,
    pub open: Vec<FleetAlert>,
    /// The last resolved alerts, newest first.
    pub resolved: Vec<FleetAlert>,
}

/// Thresholds, where to post and how often to look (`serve --alert-*`).
#[derive(Debug, Clone)]
pub struct FleetConfig {
    pub silent_after: SignedDuration,
    pub paper_out_after: SignedDuration,
    pub sync_failing_after: SignedDuration,
    /// `None`: alerts are only shown on the page.
    pub webhook: Option<String>,
    /// How often the rules run (real time, not the server's clock: tests run them often).
    pub every: std::time::Duration,
    /// The webhook's first retry waits this long, each next one twice as long.
    pub retry_backoff: std::time::Duration,
}

impl Default for FleetConfig {
    fn default() -> Self {
        FleetConfig {
            silent_after: SignedDuration::from_mins(10),
            paper_out_after: SignedDuration::from_mins(5),
            sync_failing_after: SignedDuration::from_mins(15),
            webhook: None,
            every: std::time::Duration::from_secs(30),
            retry_backoff: std::time::Duration::from_secs(2),
        }
    }
}
