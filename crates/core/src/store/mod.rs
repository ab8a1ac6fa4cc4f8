//! The kiosk's local SQLite store: the cached catalogue and today's arrivals, the ticket blocks
//! for offline numbering, and the outbox of events for the backend.
//!
//! One file in the kiosk's data dir, WAL, versioned migrations. rusqlite blocks, so every async
//! method runs its work on tokio's blocking pool; the UI calls them from a `Task`, never from
//! `update`. Rule: a state change that must reach the backend is written to the outbox in the
//! same transaction as its local record ([`outbox::enqueue`] takes a `Transaction`).

mod arrivals;
mod blocks;
mod catalogue;
mod checkin;
mod error;
mod known;
mod migrations;
pub mod outbox;
mod time;
mod walk_in;

pub use arrivals::CachedArrival;
pub use catalogue::CachedCatalogue;
pub use checkin::{CheckinError, OfflineCheckIn, OfflineTicket};
pub use error::{StoreError, StoreResult};
pub use known::KnownTicket;
pub use outbox::{OutboxDepth, Settled};
pub use walk_in::{OfflineWalkInTicket, WalkInError};

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use rusqlite::Connection;
use tokio::sync::Notify;

/// The store's file name inside the kiosk's data dir.
pub const FILE_NAME: &str = "kiosk.sqlite";

/// A handle to the store; clones share one connection.
#[derive(Clone)]
pub struct Store {
    inner: Arc<Inner>,
}

struct Inner {
    // One connection: the kiosk writes little, and one writer never meets SQLITE_BUSY.
    conn: Mutex<Connection>,
    // Wakes the sync loop's drain as soon as an event is queued.
    outbox_changed: Notify,
    path: PathBuf,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("path", &self.inner.path)
            .finish()
    }
}

impl Store {
    /// Opens (creating and migrating if needed) the store in `data_dir`. Blocking: call it
    /// before the UI starts or through `spawn_blocking`.
    pub fn open_in(data_dir: &Path) -> StoreResult<Store> {
        std::fs::create_dir_all(data_dir).map_err(|e| StoreError::Folder {
            path: data_dir.to_path_buf(),
            source: Arc::new(e),
        })?;
        Store::open(&data_dir.join(FILE_NAME))
    }

    /// Opens (creating and migrating if needed) the store at `path`. Blocking.
    pub fn open(path: &Path) -> StoreResult<Store> {
        let mut conn = Connection::open(path)?;
        conn.busy_timeout(Duration::from_secs(5))?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        // FULL: a ticket printed offline must survive a power cut, and its event with it.
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        migrations::migrate(&mut conn)?;
        Ok(Store {
            inner: Arc::new(Inner {
                conn: Mutex::new(conn),
                outbox_changed: Notify::new(),
                path: path.to_path_buf(),
            }),
        })
    }

    pub fn path(&self) -> &Path {
        &self.inner.path
    }

    /// Runs `f` with the connection on the calling thread. Blocking; prefer [`Store::call`].
    pub fn blocking<T>(&self, f: impl FnOnce(&mut Connection) -> StoreResult<T>) -> StoreResult<T> {
        // A panic while holding the lock cannot leave SQLite half-written (transactions roll
        // back on drop), so a poisoned lock is safe to use.
        let mut conn = self
            .inner
            .conn
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        f(&mut conn)
    }

    /// Runs `f` with the connection on tokio's blocking pool.
    pub async fn call<T: Send + 'static>(
        &self,
        f: impl FnOnce(&mut Connection) -> StoreResult<T> + Send + 'static,
    ) -> StoreResult<T> {
        let store = self.clone();
        tokio::task::spawn_blocking(move || store.blocking(f))
            .await
            .map_err(|e| StoreError::Task(e.to_string()))?
    }

    /// Runs `f` in one write transaction (`BEGIN IMMEDIATE`), committed when it returns `Ok`.
    /// Wakes the outbox drain afterwards, in case `f` queued an event.
    pub async fn write<T: Send + 'static>(
        &self,
        f: impl FnOnce(&rusqlite::Transaction<'_>) -> StoreResult<T> + Send + 'static,
    ) -> StoreResult<T> {
        let result = self
            .call(move |conn| {
                let tx =
                    conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
                let value = f(&tx)?;
                tx.commit()?;
                Ok(value)
            })
            .await;
        self.outbox_changed();
        result
    }

    /// Tells the drain that the outbox has something new.
    pub fn outbox_changed(&self) {
        self.inner.outbox_changed.notify_one();
    }

    /// Resolves when an event was queued since the last call (or now, if one was).
    pub async fn outbox_notified(&self) {
        self.inner.outbox_changed.notified().await;
    }
}
