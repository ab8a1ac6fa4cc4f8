//! Live news of the queue, per location, for desks and displays (Server-Sent Events).
//!
//! A change is published only after its transaction committed, so a listener that reloads on news
//! always finds it. News carries numbers and desks, never names. A listener that falls behind (the
//! channel keeps the last 64) is told to reload everything instead of missing a call.

use std::collections::HashMap;
use std::sync::Mutex;

use serde::Serialize;
use tokio::sync::{broadcast, watch};

const CAPACITY: usize = 64;

/// One change of a location's queue (the data of an SSE `queue` event).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct QueueNews {
    /// `called`, `called_again`, `started`, `done`, `no_show`, `back_to_queue`, `transferred`,
    /// `cancelled`, or `checked_in` (a new ticket).
    pub action: String,
    pub number: String,
    pub desk: Option<String>,
    /// Whether a display announces it (chime, highlight, speech): called, called again.
    pub announce: bool,
}

impl QueueNews {
    /// News that changes the queue without calling anyone (`checked_in`, `cancelled`,
    /// `reload`): desks and displays reload, nothing is announced. `number` may be empty.
    pub fn quiet(action: &str, number: impl Into<String>) -> QueueNews {
        QueueNews {
            action: action.to_owned(),
            number: number.into(),
            desk: None,
            announce: false,
        }
    }
}

/// A broadcast channel per location, made on first use; and the server's stop signal, which ends
/// every live stream (a graceful shutdown waits for open connections, and these never end alone).
pub struct Live {
    channels: Mutex<HashMap<String, broadcast::Sender<QueueNews>>>,
    stopping: watch::Sender<bool>,
}

impl Default for Live {
    fn default() -> Live {
        Live {
            channels: Mutex::default(),
            stopping: watch::channel(false).0,
        }
    }
}

impl Live {
    /// Ends every live stream, now and later.
    pub fn stop(&self) {
        self.stopping.send_replace(true);
    }

    /// Resolves once [`Live::stop`] was called.
    pub fn stopped(&self) -> impl std::future::Future<Output = ()> + Send + 'static {
        let mut rx = self.stopping.subscribe();
        async move {
            let _ = rx.wait_for(|stop| *stop).await;
        }
    }

    fn sender(&self, location_id: &str) -> broadcast::Sender<QueueNews> {
        let mut channels = self.channels.lock().unwrap_or_else(|e| e.into_inner());
        channels
            .entry(location_id.to_owned())
            .or_insert_with(|| broadcast::channel(CAPACITY).0)
            .clone()
    }

    /// Tells every listener of the location; nobody listening is fine.
    pub fn publish(&self, location_id: &str, news: QueueNews) {
        let _ = self.sender(location_id).send(news);
    }

    pub fn subscribe(&self, location_id: &str) -> broadcast::Receiver<QueueNews> {
        self.sender(location_id).subscribe()
    }
}
