//! What the UI shows about the connection, and what the caller tells the heartbeat about the
//! kiosk's devices. Both travel in `tokio::sync::watch` channels.

use jiff::ZonedDateTime;
use kiosk_api::{DeviceState, PrinterState, PrinterStatus};

use super::ErrorKind;
use crate::store::OutboxDepth;

/// Whether the backend answers.
#[derive(Debug, Clone, PartialEq)]
pub enum Link {
    /// Nothing tried yet.
    Starting,
    Online {
        since: ZonedDateTime,
    },
    Offline {
        since: ZonedDateTime,
    },
    /// The backend refused the token: nothing more is sent until the kiosk is enrolled again.
    Unauthorized {
        since: ZonedDateTime,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct ConnectionState {
    pub link: Link,
    /// Events waiting for the backend.
    pub outbox_depth: u32,
    pub oldest_pending_at: Option<ZonedDateTime>,
    /// Events the backend refused for good (kept for staff).
    pub rejected_events: u32,
    /// The kind of the most recent error, cleared by the next success.
    pub last_error: Option<ErrorKind>,
    /// When the backend last answered.
    pub last_contact_at: Option<ZonedDateTime>,
    /// ETag of the cached catalogue: when it changes, the UI reloads the catalogue from the store.
    pub catalogue_etag: Option<String>,
}

impl ConnectionState {
    pub fn new() -> ConnectionState {
        ConnectionState {
            link: Link::Starting,
            outbox_depth: 0,
            oldest_pending_at: None,
            rejected_events: 0,
            last_error: None,
            last_contact_at: None,
            catalogue_etag: None,
        }
    }

    pub fn is_online(&self) -> bool {
        matches!(self.link, Link::Online { .. })
    }

    pub fn is_unauthorized(&self) -> bool {
        matches!(self.link, Link::Unauthorized { .. })
    }

    /// The backend answered at `now`.
    pub(crate) fn contact(&mut self, now: &ZonedDateTime) {
        if !self.is_online() && !self.is_unauthorized() {
            self.link = Link::Online { since: now.clone() };
        }
        self.last_error = None;
        self.last_contact_at = Some(now.clone());
    }

    /// A call failed at `now` with `kind`.
    pub(crate) fn failure(&mut self, kind: ErrorKind, now: &ZonedDateTime) {
        match kind {
            ErrorKind::Offline => {
                if !matches!(self.link, Link::Offline { .. } | Link::Unauthorized { .. }) {
                    self.link = Link::Offline { since: now.clone() };
                }
            }
            ErrorKind::Unauthorized => {
                if !self.is_unauthorized() {
                    self.link = Link::Unauthorized { since: now.clone() };
                }
            }
            // The backend answered, only not with a yes.
            ErrorKind::Problem(_) | ErrorKind::Other => {
                self.last_contact_at = Some(now.clone());
            }
        }
        self.last_error = Some(kind);
    }

    pub(crate) fn outbox(&mut self, depth: &OutboxDepth) {
        self.outbox_depth = depth.pending;
        self.oldest_pending_at = depth.oldest_pending_at.clone();
        self.rejected_events = depth.rejected;
    }
}

impl Default for ConnectionState {
    fn default() -> Self {
        ConnectionState::new()
    }
}

/// The devices as the heartbeat reports them; the caller keeps the `watch::Sender`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeviceStatus {
    pub printer: PrinterStatus,
    pub card_reader: DeviceState,
    pub scanner: DeviceState,
}

impl Default for DeviceStatus {
    fn default() -> Self {
        DeviceStatus {
            printer: PrinterStatus {
                state: PrinterState::Ok,
                detail: None,
            },
            card_reader: DeviceState::Absent,
            scanner: DeviceState::Absent,
        }
    }
}
