//! Speech output for the kiosk's speech mode (issue 15, EN 301 549 5.1.3): utterances handed
//! to speech-dispatcher, which speaks them with espeak-ng voices. Independent of iced.
//!
//! [`Speech`] is a cheap handle, cloned into the UI. Every call returns at once: a worker
//! thread owns the SSIP connection to speech-dispatcher's Unix socket
//! (`ssip-client-async`, pure Rust), connects, and reconnects with back-off (250 ms doubling
//! to 5 s) when the daemon is missing or goes away.
//!
//! Queue: only the latest utterance matters. `say` puts the utterance in a one-place mailbox,
//! replacing one the worker has not taken yet; the worker cancels what this kiosk is saying
//! (`CANCEL self`) and hands the new one over. So a resident who moves the focus quickly hears
//! the last item, not a backlog. `stop` empties the mailbox and cancels. An utterance said
//! while speech is unavailable is dropped, not kept for later.
//!
//! Fail soft: without the daemon the status is [`SpeechStatus::Unavailable`] with a plain
//! reason for the staff screen, calls do nothing, and the kiosk goes on. Nothing panics.
//!
//! Privacy: the spoken text may name the resident. It is never logged: logs carry the
//! language and the number of characters only.

mod language;
mod mailbox;
mod session;
mod spawn;
mod text;
mod worker;

#[cfg(feature = "testing")]
pub mod testing;

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

pub use language::Language;
use mailbox::Shared;

/// Something to say, in one language.
#[derive(Clone, PartialEq, Eq)]
pub struct Utterance {
    pub language: Language,
    pub text: String,
}

impl Utterance {
    pub fn new(language: Language, text: impl Into<String>) -> Utterance {
        Utterance {
            language,
            text: text.into(),
        }
    }
}

/// Without the text: it may hold a resident's name.
impl std::fmt::Debug for Utterance {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Utterance")
            .field("language", &self.language)
            .field("characters", &self.text.chars().count())
            .finish()
    }
}

/// How the kiosk speaks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpeechConfig {
    /// Off: [`Speech::start`] gives a handle that does nothing ([`Speech::disabled`]).
    pub enabled: bool,
    /// speech-dispatcher's socket; `None`: the user's default,
    /// `$XDG_RUNTIME_DIR/speech-dispatcher/speechd.sock`, where the kiosk starts the user's
    /// daemon (`speech-dispatcher --spawn`) when none runs. A configured socket belongs to a
    /// daemon started elsewhere: the kiosk only connects to it.
    pub socket: Option<PathBuf>,
    /// -100 (slowest) ..= 100 (fastest), 0 the voice's own rate; clamped into that range.
    pub rate: i8,
}

impl Default for SpeechConfig {
    fn default() -> SpeechConfig {
        SpeechConfig {
            enabled: true,
            socket: None,
            rate: 0,
        }
    }
}

/// What the staff screen shows about speech.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SpeechStatus {
    /// Connected to speech-dispatcher: utterances are spoken.
    Ready,
    /// The first connection is being made.
    Starting,
    /// speech-dispatcher cannot be reached or refuses us; `reason` says why in plain words.
    /// The worker keeps trying, and the status becomes `Ready` when it succeeds.
    Unavailable { reason: String },
    /// Speech is turned off in the configuration ([`Speech::disabled`]).
    Off,
}

/// The handle to speech output: cheap to clone, `Send + Sync`, never blocks.
#[derive(Clone)]
pub struct Speech {
    /// `None`: speech is off and every call does nothing.
    worker: Option<Arc<WorkerHandle>>,
}

/// Shows the status only (so that UI state holding a handle can derive `Debug`).
impl std::fmt::Debug for Speech {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Speech")
            .field("status", &self.status())
            .finish()
    }
}

/// Dropped with the last [`Speech`] clone: then the worker says goodbye to the daemon and ends.
struct WorkerHandle {
    shared: Arc<Shared>,
}

impl Drop for WorkerHandle {
    fn drop(&mut self) {
        self.shared.close();
    }
}

impl Speech {
    /// Starts speech output: a worker thread connects to speech-dispatcher in the background.
    /// Never fails and never blocks; the status tells how it goes.
    pub fn start(config: &SpeechConfig) -> Speech {
        if !config.enabled {
            return Speech::disabled();
        }
        let shared = Arc::new(Shared::new(clamp_rate(config.rate)));
        let socket = config.socket.clone();
        let for_worker = Arc::clone(&shared);
        let spawned = std::thread::Builder::new()
            .name("speech".into())
            .spawn(move || worker::run(for_worker, socket));
        if let Err(error) = spawned {
            tracing::error!(%error, "speech: cannot start the speech thread");
            // Nothing will ever read the mailbox: closing it makes every call a no-op.
            shared.unavailable_for_good(format!("cannot start the speech thread: {error}"));
        }
        Speech {
            worker: Some(Arc::new(WorkerHandle { shared })),
        }
    }

    /// Speech off: every call does nothing and the status is [`SpeechStatus::Off`].
    pub fn disabled() -> Speech {
        Speech { worker: None }
    }

    /// Interrupts what is being said and says this instead. Returns at once. An utterance
    /// not yet handed over is replaced by this one.
    pub fn say(&self, utterance: Utterance) {
        if let Some(worker) = &self.worker {
            worker.shared.say(utterance);
        }
    }

    /// Silence now: what is being said stops, what waits is dropped.
    pub fn stop(&self) {
        if let Some(worker) = &self.worker {
            worker.shared.stop();
        }
    }

    /// The rate of what is said from now on: -100 (slowest) ..= 100 (fastest), clamped.
    pub fn set_rate(&self, rate: i8) {
        if let Some(worker) = &self.worker {
            worker.shared.set_rate(clamp_rate(rate));
        }
    }

    pub fn status(&self) -> SpeechStatus {
        self.worker
            .as_ref()
            .map_or(SpeechStatus::Off, |worker| worker.shared.status())
    }

    /// How many utterances speech-dispatcher has accepted (queued for speaking) since the
    /// start: for the staff screen, tests and benchmarks.
    pub fn accepted(&self) -> u64 {
        self.worker
            .as_ref()
            .map_or(0, |worker| worker.shared.accepted())
    }

    /// Waits until [`Speech::accepted`] reaches `count` or `timeout` passes; whether it did.
    /// For tests and benchmarks: the UI never waits.
    pub fn wait_accepted(&self, count: u64, timeout: Duration) -> bool {
        self.worker
            .as_ref()
            .is_some_and(|worker| worker.shared.wait_accepted(count, timeout))
    }
}

fn clamp_rate(rate: i8) -> i8 {
    rate.clamp(-100, 100)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_handle_can_be_shared_with_other_threads() {
        fn shareable<T: Send + Sync + Clone>() {}
        shareable::<Speech>();
    }

    #[test]
    fn rates_outside_the_scale_are_clamped() {
        assert_eq!(clamp_rate(i8::MIN), -100);
        assert_eq!(clamp_rate(127), 100);
        assert_eq!(clamp_rate(-20), -20);
    }

    #[test]
    fn debug_output_never_shows_the_text() {
        let shown = format!(
            "{:?}",
            Utterance::new(Language::NlBe, "Goedemorgen Jan Peeters")
        );
        assert!(!shown.contains("Peeters"), "{shown}");
        assert!(shown.contains("characters: 23"), "{shown}");
    }

    #[test]
    fn a_disabled_handle_is_off_and_does_nothing() {
        let speech = Speech::start(&SpeechConfig {
            enabled: false,
            ..SpeechConfig::default()
        });
        speech.say(Utterance::new(Language::En, "hello"));
        speech.set_rate(50);
        speech.stop();
        assert_eq!(speech.status(), SpeechStatus::Off);
        assert_eq!(speech.accepted(), 0);
        assert_eq!(format!("{speech:?}"), "Speech { status: Off }");
    }
}
