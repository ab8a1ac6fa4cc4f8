//! The mailbox between the handles and the worker: the one utterance waiting (a newer one
//! replaces it), a cancel, the rate, and what the worker reports back (status, count).

use std::sync::{Condvar, Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use crate::{SpeechStatus, Utterance};

/// What the handles share with the worker: a mailbox and what the worker reports back.
pub(crate) struct Shared {
    state: Mutex<State>,
    /// The worker waits on it for work (and for `closed`).
    work: Condvar,
    /// Handles wait on it for `accepted` to grow.
    accepted: Condvar,
}

struct State {
    /// The utterance to say next. A newer one replaces it: only the latest matters.
    pending: Option<Utterance>,
    /// Silence was asked for since the worker last looked.
    cancel: bool,
    rate: i8,
    rate_changed: bool,
    /// Every handle is gone: the worker says goodbye and ends.
    closed: bool,
    status: SpeechStatus,
    /// Utterances speech-dispatcher has queued (its "225 OK MESSAGE QUEUED"), since the start.
    accepted: u64,
}

impl State {
    fn has_work(&self) -> bool {
        self.cancel || self.rate_changed || self.pending.is_some()
    }
}

/// One piece of work taken out of the mailbox.
pub(crate) struct Work {
    pub(crate) rate: Option<i8>,
    pub(crate) cancel: bool,
    pub(crate) utterance: Option<Utterance>,
}

impl Shared {
    pub(crate) fn new(rate: i8) -> Shared {
        Shared {
            state: Mutex::new(State {
                pending: None,
                cancel: false,
                rate,
                rate_changed: false,
                closed: false,
                status: SpeechStatus::Starting,
                accepted: 0,
            }),
            work: Condvar::new(),
            accepted: Condvar::new(),
        }
    }

    /// The state, even if a thread panicked while holding the lock: every field stays valid
    /// on its own, so speech goes on rather than taking the UI down.
    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    pub(crate) fn say(&self, utterance: Utterance) {
        let mut state = self.lock();
        // Nobody to hand it to: dropped, so that it is not said minutes later when the
        // daemon comes back.
        if matches!(state.status, SpeechStatus::Unavailable { .. }) {
            return;
        }
        state.pending = Some(utterance);
        self.work.notify_one();
    }

    pub(crate) fn stop(&self) {
        let mut state = self.lock();
        state.pending = None;
        state.cancel = true;
        self.work.notify_one();
    }

    pub(crate) fn set_rate(&self, rate: i8) {
        let mut state = self.lock();
        if state.rate != rate {
            state.rate = rate;
            state.rate_changed = true;
            self.work.notify_one();
        }
    }

    pub(crate) fn status(&self) -> SpeechStatus {
        self.lock().status.clone()
    }

    pub(crate) fn accepted(&self) -> u64 {
        self.lock().accepted
    }

    pub(crate) fn wait_accepted(&self, count: u64, timeout: Duration) -> bool {
        let (state, _) = self
            .accepted
            .wait_timeout_while(self.lock(), timeout, |state| state.accepted < count)
            .unwrap_or_else(PoisonError::into_inner);
        state.accepted >= count
    }

    /// No worker will ever run: unavailable for good, and every call a no-op.
    pub(crate) fn unavailable_for_good(&self, reason: String) {
        self.set_status(SpeechStatus::Unavailable { reason });
    }

    pub(crate) fn close(&self) {
        self.lock().closed = true;
        self.work.notify_one();
    }

    pub(crate) fn set_status(&self, status: SpeechStatus) {
        {
            let mut state = self.lock();
            if state.status == status {
                return;
            }
            if matches!(status, SpeechStatus::Unavailable { .. }) {
                // What was waiting would be said late, out of context: dropped.
                state.pending = None;
            }
            state.status = status.clone();
        }
        // Logged with the lock released: a handle's call never waits for a log write.
        match status {
            SpeechStatus::Ready => tracing::info!("speech: speech-dispatcher connected"),
            SpeechStatus::Unavailable { reason } => {
                tracing::warn!(%reason, "speech: unavailable");
            }
            SpeechStatus::Starting | SpeechStatus::Off => {}
        }
    }

    /// Waits for work; `None` once every handle is gone.
    pub(crate) fn next_work(&self) -> Option<Work> {
        let mut state = self
            .work
            .wait_while(self.lock(), |state| !state.closed && !state.has_work())
            .unwrap_or_else(PoisonError::into_inner);
        if state.closed {
            return None;
        }
        Some(Work {
            rate: std::mem::take(&mut state.rate_changed).then_some(state.rate),
            cancel: std::mem::take(&mut state.cancel),
            utterance: state.pending.take(),
        })
    }

    /// Puts an utterance back when the connection broke under it, unless a newer one came.
    pub(crate) fn put_back(&self, utterance: Utterance) {
        let mut state = self.lock();
        if state.pending.is_none() {
            state.pending = Some(utterance);
        }
    }

    pub(crate) fn count_accepted(&self) {
        self.lock().accepted += 1;
        self.accepted.notify_all();
    }

    /// Sleeps `time` unless every handle goes first; `false` then.
    pub(crate) fn back_off(&self, time: Duration) -> bool {
        let (state, _) = self
            .work
            .wait_timeout_while(self.lock(), time, |state| !state.closed)
            .unwrap_or_else(PoisonError::into_inner);
        !state.closed
    }

    pub(crate) fn rate(&self) -> i8 {
        let mut state = self.lock();
        // A new connection starts with the current rate: nothing left to send.
        state.rate_changed = false;
        state.rate
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::Language;

    #[test]
    fn the_latest_utterance_replaces_the_one_waiting() {
        let shared = Shared::new(0);
        for item in 0..40 {
            shared.say(Utterance::new(Language::NlBe, format!("Knop {item}")));
        }
        let work = shared.next_work().unwrap();
        assert_eq!(
            work.utterance.map(|utterance| utterance.text).as_deref(),
            Some("Knop 39")
        );
        assert!(!work.cancel && work.rate.is_none());
        shared.close();
        assert!(shared.next_work().is_none(), "nothing else was waiting");
    }

    #[test]
    fn stop_drops_what_waits_and_asks_for_silence() {
        let shared = Shared::new(0);
        shared.say(Utterance::new(Language::En, "Hello"));
        shared.stop();
        let work = shared.next_work().unwrap();
        assert!(work.cancel);
        assert!(work.utterance.is_none());
    }

    #[test]
    fn while_unavailable_an_utterance_is_dropped_not_kept() {
        let shared = Shared::new(0);
        shared.say(Utterance::new(Language::En, "Before"));
        shared.set_status(SpeechStatus::Unavailable {
            reason: "gone".into(),
        });
        shared.say(Utterance::new(Language::En, "During"));
        shared.set_rate(10);
        let work = shared.next_work().unwrap();
        assert!(work.utterance.is_none());
        assert_eq!(work.rate, Some(10));
    }
}
