//! The worker thread: owns the connection, connects and reconnects with back-off, and carries
//! out what the handles asked for, the latest utterance only.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::SpeechStatus;
use crate::mailbox::{Shared, Work};
use crate::session::{Session, SessionError, default_socket};
use crate::spawn::Spawner;

/// The first wait after a failed connection, doubled after each failure up to the longest:
/// a daemon started later is found within that time, and a missing one costs one failed
/// `connect` on a local socket every few seconds.
const FIRST_BACKOFF: Duration = Duration::from_millis(250);
const LONGEST_BACKOFF: Duration = Duration::from_secs(5);
/// A connection that lived this long before breaking was a working one.
const STABLE_CONNECTION: Duration = Duration::from_secs(1);
/// Connections broken sooner than that, in a row, before the worker backs off.
const QUICK_LOSSES_BEFORE_BACKOFF: u32 = 3;

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
            Ok(true) => shared.count_accepted(),
            // Only spaces: nothing to say, what was said is silenced all the same.
            Ok(false) => {}
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
