//! The watcher for async code: a thread of its own, its events through a channel, stopped
//! when the receiving side is dropped. Used like the scanner's events, e.g. in an iced
//! subscription:
//! `futures::stream::unfold(watch, |mut w| async move { w.next().await.map(|e| (e, w)) })`.

use std::sync::Arc;

use tokio::sync::mpsc;

use super::events::ReaderEvent;
use super::watcher::{ReaderWatcher, WatchHandle, WatchTuning};
use crate::devices::eid::card::CardError;

/// The events of a running [`ReaderWatcher`]; dropping it stops the watcher's thread.
#[derive(Debug)]
pub struct ReaderWatch {
    receiver: mpsc::Receiver<ReaderEvent>,
    handle: WatchHandle,
}

impl ReaderWatch {
    /// The next event; `None` only if the watcher's thread has ended.
    pub async fn next(&mut self) -> Option<ReaderEvent> {
        self.receiver.recv().await
    }

    /// Stops the watcher without dropping what it already sent.
    pub fn handle(&self) -> WatchHandle {
        self.handle.clone()
    }
}

impl Drop for ReaderWatch {
    fn drop(&mut self) {
        self.handle.stop();
    }
}

/// Starts watching the readers whose name contains `reader_filter` (all when `None`) on a
/// thread of its own, with the default [`WatchTuning`]. It does not fail when pcscd is not
/// running: the watcher waits for it. The error is only a thread that cannot be started.
pub fn watch(reader_filter: Option<String>) -> Result<ReaderWatch, CardError> {
    watch_with(reader_filter, WatchTuning::default())
}

pub fn watch_with(
    reader_filter: Option<String>,
    tuning: WatchTuning,
) -> Result<ReaderWatch, CardError> {
    // Reader events are rare; the room only covers a burst (pcscd restarting with cards in).
    let (sender, receiver) = mpsc::channel(32);
    let watcher = ReaderWatcher::with_tuning(reader_filter, tuning);
    let handle = watcher.handle();
    std::thread::Builder::new()
        .name("card-readers".into())
        .spawn(move || watcher.run(|event| sender.blocking_send(event).is_ok()))
        .map_err(|error| CardError::Transport(Arc::new(error)))?;
    Ok(ReaderWatch { receiver, handle })
}
