//! Starting the user's own speech-dispatcher when it is not running, as Debian's speech
//! clients do (libspeechd's autospawn): `speech-dispatcher --spawn` starts it for this user at
//! its default socket, unless its config says `DisableAutoSpawn`, and exits once it is up. It
//! stops by itself a few seconds after its last client has gone (its `Timeout`).

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// At most one start attempt in this time: a daemon that cannot start (no voices, a broken
/// config) is not started again on every reconnection.
const RESPAWN_AFTER: Duration = Duration::from_secs(30);

#[derive(Default)]
pub(crate) struct Spawner {
    last: Option<Instant>,
}

impl Spawner {
    /// Asks for the user's daemon if no attempt was made lately; whether one was made.
    pub(crate) fn spawn(&mut self) -> bool {
        if self.last.is_some_and(|last| last.elapsed() < RESPAWN_AFTER) {
            return false;
        }
        self.last = Some(Instant::now());
        let started = Command::new("speech-dispatcher")
            .arg("--spawn")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
        match started {
            Ok(status) if status.success() => {
                tracing::info!("speech: started the user's speech-dispatcher");
                true
            }
            Ok(status) => {
                tracing::warn!(%status, "speech: speech-dispatcher --spawn failed");
                false
            }
            Err(error) => {
                tracing::warn!(%error, "speech: cannot run speech-dispatcher --spawn");
                false
            }
        }
    }
}
