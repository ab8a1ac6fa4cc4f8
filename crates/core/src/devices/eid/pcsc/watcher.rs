//! The blocking watcher: waits in pcscd's SCardGetStatusChange for readers (through the
//! `\\?PnP?\Notification` pseudo-reader) and cards, and reports each change once. It outlives
//! pcscd: without the service it says so once and tries again every few seconds, since Debian
//! starts pcscd on demand and it may come up after the kiosk.

use std::fmt;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::sync::{Arc, Condvar, Mutex, PoisonError};
use std::time::Duration;

use ::pcsc::{Context, ReaderState, Scope, State};

use super::connection::reader_has_pin_pad;
use super::events::{ReaderEvent, Readers};
use super::listed_readers;

/// Timings; the defaults suit a kiosk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WatchTuning {
    /// The longest wait in pcscd before the watcher checks whether it should stop. Stopping
    /// cancels the wait at once; this only bounds the case where the cancel came just before
    /// the wait began.
    pub poll: Duration,
    /// The pause before trying pcscd again when it is not there.
    pub service_retry: Duration,
}

impl Default for WatchTuning {
    fn default() -> Self {
        Self {
            poll: Duration::from_secs(1),
            service_retry: Duration::from_secs(3),
        }
    }
}

/// Stops a [`ReaderWatcher`] from another thread: cancels its wait in pcscd. Cloneable.
#[derive(Clone, Default)]
pub struct WatchHandle(Arc<Shared>);

#[derive(Default)]
struct Shared {
    stopped: AtomicBool,
    /// The context the watcher waits on, to cancel; `None` while pcscd is away.
    context: Mutex<Option<Context>>,
    /// Wakes the watcher from its pause between tries at pcscd (waited on with `context`).
    stopping: Condvar,
    /// Tries at pcscd that found no service: what a test waits for instead of time passing.
    service_missed: AtomicU32,
}

impl WatchHandle {
    pub fn stop(&self) {
        self.0.stopped.store(true, Ordering::SeqCst);
        // Taking the lock before waking means a pause either sees the flag or is woken.
        if let Some(context) = &*self.context() {
            // Fails only when the context is gone, and then nothing waits on it.
            let _ = context.cancel();
        }
        self.0.stopping.notify_all();
    }

    pub fn is_stopped(&self) -> bool {
        self.0.stopped.load(Ordering::SeqCst)
    }

    /// How many times the watcher has tried pcscd and found no service.
    pub fn service_missed(&self) -> u32 {
        self.0.service_missed.load(Ordering::SeqCst)
    }

    fn context(&self) -> std::sync::MutexGuard<'_, Option<Context>> {
        // A panic elsewhere while holding the lock leaves a plain Option: still usable.
        self.0
            .context
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
    }
}

impl fmt::Debug for WatchHandle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("WatchHandle")
            .field("stopped", &self.is_stopped())
            .finish_non_exhaustive()
    }
}

/// Watches the readers (all, or those whose name contains the filter, ignoring case) until
/// stopped through its [`WatchHandle`] or until the caller wants no more events.
#[derive(Debug)]
pub struct ReaderWatcher {
    filter: Option<String>,
    tuning: WatchTuning,
    handle: WatchHandle,
}

/// Why watching one pcscd ended.
enum End {
    Stopped,
    ServiceLost(::pcsc::Error),
}

impl ReaderWatcher {
    pub fn new(reader_filter: Option<String>) -> Self {
        Self::with_tuning(reader_filter, WatchTuning::default())
    }

    pub fn with_tuning(reader_filter: Option<String>, tuning: WatchTuning) -> Self {
        Self {
            filter: reader_filter,
            tuning,
            handle: WatchHandle::default(),
        }
    }

    pub fn handle(&self) -> WatchHandle {
        self.handle.clone()
    }

    /// Blocks, reporting every change to `on_event`, until the handle stops it or `on_event`
    /// returns `false`. The readers and cards present at the start are reported first.
    pub fn run(self, mut on_event: impl FnMut(ReaderEvent) -> bool) {
        let mut readers = Readers::default();
        // The outage is logged once, not on every retry.
        let mut reported_down = false;
        while !self.handle.is_stopped() {
            let context = match Context::establish(Scope::User) {
                Ok(context) => context,
                Err(error) => {
                    self.handle.0.service_missed.fetch_add(1, Ordering::SeqCst);
                    if !reported_down {
                        tracing::warn!(
                            %error,
                            retry_s = self.tuning.service_retry.as_secs(),
                            "PC/SC service (pcscd) not available: card readers unusable until it starts; retrying"
                        );
                        reported_down = true;
                    }
                    self.pause(self.tuning.service_retry);
                    continue;
                }
            };
            if std::mem::take(&mut reported_down) {
                tracing::info!("PC/SC service (pcscd) reached");
            }
            *self.handle.context() = Some(context.clone());
            let end = self.watch(&context, &mut readers, &mut on_event);
            *self.handle.context() = None;
            match end {
                End::Stopped => break,
                End::ServiceLost(error) => {
                    tracing::warn!(%error, "PC/SC service (pcscd) lost; retrying");
                    reported_down = true;
                    for event in readers.all_gone() {
                        if !report(&mut on_event, event) {
                            return;
                        }
                    }
                    self.pause(self.tuning.service_retry);
                }
            }
        }
        tracing::debug!("card reader watcher ends");
    }

    fn watch(
        &self,
        context: &Context,
        readers: &mut Readers,
        on_event: &mut impl FnMut(ReaderEvent) -> bool,
    ) -> End {
        let mut states = vec![ReaderState::new(::pcsc::PNP_NOTIFICATION(), State::UNAWARE)];
        loop {
            if self.handle.is_stopped() {
                return End::Stopped;
            }
            // Listing on every round keeps the reader list right even where the PnP
            // notification is missing or coalesced.
            let listed = match listed_readers(context, self.filter.as_deref()) {
                Ok(listed) => listed,
                Err(error) => return End::ServiceLost(error),
            };
            let names: Vec<String> = listed
                .iter()
                .map(|name| name.to_string_lossy().into_owned())
                .collect();
            let changes = readers.listed(&names, |name| {
                listed
                    .iter()
                    .find(|listed| listed.to_string_lossy() == name)
                    .is_some_and(|listed| reader_has_pin_pad(context, listed))
            });
            // The pseudo-reader first, then one state per listed reader, kept from the last
            // round so that pcscd only wakes us for news.
            let mut previous = states.split_off(states.len().min(1));
            for name in listed {
                match previous
                    .iter()
                    .position(|state| state.name() == name.as_c_str())
                {
                    Some(index) => states.push(previous.swap_remove(index)),
                    None => states.push(ReaderState::new(name, State::UNAWARE)),
                }
            }
            for event in changes {
                if !report(on_event, event) {
                    return End::Stopped;
                }
            }
            match context.get_status_change(self.tuning.poll, &mut states) {
                Ok(()) => {}
                // Nothing new, stopped (checked above), or a reader left between the listing
                // and the wait (the next listing reports it).
                Err(
                    ::pcsc::Error::Timeout
                    | ::pcsc::Error::Cancelled
                    | ::pcsc::Error::UnknownReader,
                ) => continue,
                Err(error) => return End::ServiceLost(error),
            }
            let mut observed = Vec::new();
            for state in states.iter_mut().skip(1) {
                let now = state.event_state();
                if !now.intersects(State::UNKNOWN | State::IGNORE) {
                    let name = state.name().to_string_lossy();
                    let present = now.contains(State::PRESENT);
                    observed.extend(readers.observed(&name, present, state.event_count()));
                }
            }
            states.iter_mut().for_each(ReaderState::sync_current_state);
            for event in observed {
                if !report(on_event, event) {
                    return End::Stopped;
                }
            }
        }
    }

    /// Waits `total`, or less when stopped meanwhile.
    fn pause(&self, total: Duration) {
        let shared = &self.handle.0;
        let _ = shared
            .stopping
            .wait_timeout_while(self.handle.context(), total, |_| !self.handle.is_stopped())
            .unwrap_or_else(PoisonError::into_inner);
    }
}

fn report(on_event: &mut impl FnMut(ReaderEvent) -> bool, event: ReaderEvent) -> bool {
    tracing::info!(?event, "card reader event");
    on_event(event)
}
