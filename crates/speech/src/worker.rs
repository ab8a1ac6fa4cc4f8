//! The worker thread: owns the connection, connects and reconnects with back-off, and carries
//! out what the handles asked for, the latest utterance only.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use crate::session::{Session, SessionError, default_socket};
use crate::spawn::Spawner;
use crate::{SpeechStatus, Utterance};

/// The first wait after a failed connection, doubled after each failure up to the longest:
/// a daemon started later is found within that time, and a missing one costs one failed
/// `connect` on a local socket every few seconds.
const FIRST_BACKOFF: Duration = Duration::from_millis(250);
const LONGEST_BACKOFF: Duration = Duration::from_secs(5);
/// A connection that lived this long before breaking was a working one.
const STABLE_CONNECTION: Duration = Duration::from_secs(1);
/// Connections broken sooner than that, in a row, before the worker backs off.
const QUICK_LOSSES_BEFORE_BACKOFF: u32 = 3;

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

/// One piece of work taken out of the mailbox.
struct Work {
    rate: Option<i8>,
    cancel: bool,
    utterance: Option<Utterance>,
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
        self.state
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
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
        let deadline = Instant::now() + timeout;
        let mut state = self.lock();
        while state.accepted < count {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return false;
            }
            state = match self.accepted.wait_timeout(state, left) {
                Ok((state, _)) => state,
                Err(poisoned) => poisoned.into_inner().0,
            };
        }
        true
    }

    /// No worker will ever run: unavailable for good, and every call a no-op.
    pub(crate) fn unavailable_for_good(&self, reason: String) {
        self.set_status(SpeechStatus::Unavailable { reason });
    }

    pub(crate) fn close(&self) {
        self.lock().closed = true;
        self.work.notify_one();
    }

    fn set_status(&self, status: SpeechStatus) {
        let mut state = self.lock();
        if state.status == status {
            return;
        }
        match &status {
            SpeechStatus::Ready => tracing::info!("speech: speech-dispatcher connected"),
            SpeechStatus::Unavailable { reason } => {
                tracing::warn!(%reason, "speech: unavailable");
                // What was waiting would be said late, out of context: dropped.
                state.pending = None;
            }
            SpeechStatus::Starting | SpeechStatus::Off => {}
        }
        state.status = status;
    }

    /// Waits for work; `None` once every handle is gone.
    fn next_work(&self) -> Option<Work> {
        let mut state = self.lock();
        loop {
            if state.closed {
                return None;
            }
            if state.cancel || state.rate_changed || state.pending.is_some() {
                let work = Work {
                    rate: state.rate_changed.then_some(state.rate),
                    cancel: state.cancel,
                    utterance: state.pending.take(),
                };
                state.cancel = false;
                state.rate_changed = false;
                return Some(work);
            }
            state = self
                .work
                .wait(state)
                .unwrap_or_else(|poisoned| poisoned.into_inner());
        }
    }

    /// Puts an utterance back when the connection broke under it, unless a newer one came.
    fn put_back(&self, utterance: Utterance) {
        let mut state = self.lock();
        if state.pending.is_none() {
            state.pending = Some(utterance);
        }
    }

    fn count_accepted(&self) {
        self.lock().accepted += 1;
        self.accepted.notify_all();
    }

    /// Sleeps `time` unless every handle goes first; `false` then.
    fn back_off(&self, time: Duration) -> bool {
        let deadline = Instant::now() + time;
        let mut state = self.lock();
        while !state.closed {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return true;
            }
            state = match self.work.wait_timeout(state, left) {
                Ok((state, _)) => state,
                Err(poisoned) => poisoned.into_inner().0,
            };
        }
        false
    }

    fn rate(&self) -> i8 {
        let mut state = self.lock();
        // A new connection starts with the current rate: nothing left to send.
        state.rate_changed = false;
        state.rate
    }
}

/// The worker's loop: connect, serve until the connection breaks, back off, again.
pub(crate) fn run(shared: Arc<Shared>, socket: Option<PathBuf>) {
    let mut backoff = FIRST_BACKOFF;
    let mut quick_losses = 0;
    let mut spawner = Spawner::default();
    loop {
        let outcome = connect(&shared, socket.as_deref(), &mut spawner);
        match outcome {
            Ok(session) => {
                shared.set_status(SpeechStatus::Ready);
                let connected = Instant::now();
                let Some(error) = serve(&shared, session) else {
                    // Every handle is gone.
                    return;
                };
                // Broken under us: reconnect at once, the daemon may have restarted. Broken
                // soon after connecting, several times in a row: back off as after a failed
                // connection, so that a daemon that drops every client is not hammered.
                quick_losses = if connected.elapsed() >= STABLE_CONNECTION {
                    0
                } else {
                    quick_losses + 1
                };
                if quick_losses < QUICK_LOSSES_BEFORE_BACKOFF {
                    tracing::warn!(reason = %error, "speech: connection lost, reconnecting");
                    backoff = FIRST_BACKOFF;
                    continue;
                }
                quick_losses = 0;
                shared.set_status(SpeechStatus::Unavailable {
                    reason: error.to_string(),
                });
                if !shared.back_off(backoff) {
                    return;
                }
                backoff = (backoff * 2).min(LONGEST_BACKOFF);
            }
            Err(error) => {
                shared.set_status(SpeechStatus::Unavailable {
                    reason: error.to_string(),
                });
                if !shared.back_off(backoff) {
                    return;
                }
                backoff = (backoff * 2).min(LONGEST_BACKOFF);
            }
        }
    }
}

/// Connects to the configured socket, or to the user's default one, starting the user's
/// daemon when nobody listens there (a configured socket belongs to a daemon run elsewhere).
fn connect(
    shared: &Shared,
    socket: Option<&Path>,
    spawner: &mut Spawner,
) -> Result<Session, SessionError> {
    if let Some(socket) = socket {
        return Session::open(socket, shared.rate());
    }
    let socket = default_socket()?;
    match Session::open(&socket, shared.rate()) {
        Err(SessionError::NotRunning(_) | SessionError::Refused(_)) if spawner.spawn() => {
            Session::open(&socket, shared.rate())
        }
        outcome => outcome,
    }
}

/// Carries out the mailbox's work on one connection; the error that broke it, or `None` when
/// every handle is gone.
fn serve(shared: &Shared, mut session: Session) -> Option<SessionError> {
    while let Some(work) = shared.next_work() {
        if let Err(error) = carry_out(shared, &mut session, work) {
            return Some(error);
        }
    }
    session.close();
    None
}

fn carry_out(shared: &Shared, session: &mut Session, work: Work) -> Result<(), SessionError> {
    if let Some(rate) = work.rate {
        session.set_rate(rate)?;
    }
    if work.cancel {
        session.cancel()?;
    }
    if let Some(utterance) = work.utterance {
        tracing::debug!(
            language = utterance.language.voice(),
            characters = utterance.text.chars().count(),
            "speech: saying an utterance"
        );
        // Interrupts whatever this kiosk is saying: the new screen's words replace the old.
        let said = session
            .cancel()
            .and_then(|()| session.speak(utterance.language, &utterance.text));
        match said {
            Ok(()) => shared.count_accepted(),
            Err(error @ SessionError::Rejected { .. }) => {
                // The daemon is there but refused this one (e.g. a language without a voice):
                // the next utterance may well go through.
                tracing::warn!(reason = %error, "speech: an utterance was refused");
            }
            Err(error) => {
                shared.put_back(utterance);
                return Err(error);
            }
        }
    }
    Ok(())
}
