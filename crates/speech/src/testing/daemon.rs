//! A private speech-dispatcher for one test: its own config, socket and log in a temporary
//! folder, the espeak-ng module, and ALSA's `null` device for audio, so that it runs as root
//! in CI without a sound card or PulseAudio. At log level 5 its log shows every SSIP line a
//! client sends and every message with the settings it is handed to espeak-ng with: the tests
//! read what the daemon really did there.

use std::os::unix::net::UnixStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use tempfile::TempDir;

use super::{TestingError, io_error, spawn_error};
use crate::SpeechConfig;

/// How long the daemon may take to open its socket: about 0.3 s here (it asks espeak-ng for
/// its voices first), much more on a loaded 2-core CI machine.
const STARTUP: Duration = Duration::from_secs(30);

const INSTALL: &str = "apt-get install -y speech-dispatcher speech-dispatcher-espeak-ng espeak-ng";

/// Its main config (the log level is given on the command line): the Unix socket, espeak-ng the only module, no autospawn
/// (the test starts it), and audio to ALSA's `null` device (defined by alsa-lib itself).
const SPEECHD_CONF: &str = r#"CommunicationMethod "unix_socket"
AudioOutputMethod "alsa"
AudioALSADevice "null"
AddModule "espeak-ng" "sd_espeak-ng" "espeak-ng.conf"
DefaultModule espeak-ng
DisableAutoSpawn
"#;

/// Level 5 logs every SSIP line and every message handed to a module; 3 is Debian's default.
const FULL_LOG: &str = "5";
const DEBIAN_LOG: &str = "3";

const ESPEAK_NG_CONF: &str = "Debug 0\nEspeakIndexing 1\n";

/// A running speech-dispatcher, stopped when dropped.
pub struct SpeechDaemon {
    child: Child,
    socket: PathBuf,
    log: PathBuf,
    _dir: TempDir,
}

/// A message speech-dispatcher handed to its espeak-ng module, with the settings it sent
/// along (read back from its log).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spoken {
    pub text: String,
    /// The `language` setting, e.g. `fr-be`.
    pub language: String,
    /// The `rate` setting, -100 ..= 100.
    pub rate: i8,
}

impl SpeechDaemon {
    /// Starts a daemon with its socket in its own temporary folder, logging everything.
    pub fn start() -> Result<SpeechDaemon, TestingError> {
        let dir = temp_dir()?;
        let socket = dir.path().join("speechd.sock");
        SpeechDaemon::start_in(dir, socket, FULL_LOG)
    }

    /// Starts a daemon listening at `socket` (a path the test chose before, e.g. one a
    /// [`crate::Speech`] already tries to reach), logging everything.
    pub fn start_at(socket: &Path) -> Result<SpeechDaemon, TestingError> {
        SpeechDaemon::start_in(temp_dir()?, socket.to_path_buf(), FULL_LOG)
    }

    /// Starts a daemon that logs at the level Debian ships (3), as on a kiosk: for
    /// benchmarks. Its log then shows no requests: [`SpeechDaemon::spoken`] finds nothing.
    pub fn start_quiet() -> Result<SpeechDaemon, TestingError> {
        let dir = temp_dir()?;
        let socket = dir.path().join("speechd.sock");
        SpeechDaemon::start_in(dir, socket, DEBIAN_LOG)
    }

    fn start_in(
        dir: TempDir,
        socket: PathBuf,
        log_level: &str,
    ) -> Result<SpeechDaemon, TestingError> {
        let config = dir.path().join("config");
        let logs = dir.path().join("log");
        for folder in [config.join("modules"), logs.clone()] {
            std::fs::create_dir_all(&folder)
                .map_err(io_error(format!("cannot create {}", folder.display())))?;
        }
        write(&config.join("speechd.conf"), SPEECHD_CONF)?;
        write(&config.join("modules/espeak-ng.conf"), ESPEAK_NG_CONF)?;
        // -s: one process in the foreground (ours to stop); -t 0: no exit when idle.
        let child = Command::new("speech-dispatcher")
            .arg("--run-single")
            .args(["--timeout", "0", "--log-level", log_level])
            .arg("--config-dir")
            .arg(&config)
            .arg("--socket-path")
            .arg(&socket)
            .arg("--log-dir")
            .arg(&logs)
            .arg("--pid-file")
            .arg(dir.path().join("speechd.pid"))
            .stdin(Stdio::null())
            // Before its log file is open it writes the voice list here: a few MB, unread.
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(spawn_error("speech-dispatcher", INSTALL))?;
        let mut daemon = SpeechDaemon {
            child,
            socket,
            log: logs.join("speech-dispatcher.log"),
            _dir: dir,
        };
        daemon.wait_for_socket()?;
        Ok(daemon)
    }

    fn wait_for_socket(&mut self) -> Result<(), TestingError> {
        let deadline = Instant::now() + STARTUP;
        while Instant::now() < deadline {
            if UnixStream::connect(&self.socket).is_ok() {
                return Ok(());
            }
            if let Ok(Some(_)) = self.child.try_wait() {
                break;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let log = self.log().unwrap_or_default();
        let tail: Vec<&str> = log.lines().rev().take(20).collect();
        Err(TestingError::NoSocket {
            socket: self.socket.clone(),
            seconds: STARTUP.as_secs(),
            log_tail: tail.into_iter().rev().collect::<Vec<_>>().join("\n"),
        })
    }

    /// The daemon's process id, e.g. to stop it with SIGSTOP as if it hung.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    pub fn socket(&self) -> &Path {
        &self.socket
    }

    /// A speech config that reaches this daemon, at the voice's own rate.
    pub fn config(&self) -> SpeechConfig {
        SpeechConfig {
            enabled: true,
            socket: Some(self.socket.clone()),
            rate: 0,
        }
    }

    /// The daemon's whole log so far.
    pub fn log(&self) -> Result<String, TestingError> {
        let bytes = std::fs::read(&self.log)
            .map_err(io_error(format!("cannot read {}", self.log.display())))?;
        Ok(String::from_utf8_lossy(&bytes).into_owned())
    }

    /// Every SSIP line clients sent (commands and message text), in order.
    pub fn requests(&self) -> Result<Vec<String>, TestingError> {
        Ok(after_marker(&self.log()?, ":DATA:|"))
    }

    /// Every SSIP reply the daemon sent (e.g. `213 OK CANCELED`), in order.
    pub fn replies(&self) -> Result<Vec<String>, TestingError> {
        Ok(after_marker(&self.log()?, ":REPLY:|"))
    }

    /// Every message handed to espeak-ng, with the language and rate it was handed with.
    pub fn spoken(&self) -> Result<Vec<Spoken>, TestingError> {
        Ok(spoken_in(&self.log()?))
    }

    /// Waits until `check` holds for what was handed to espeak-ng (the daemon passes a
    /// message on shortly after it has accepted it); the messages at the end either way.
    pub fn wait_spoken(
        &self,
        timeout: Duration,
        check: impl Fn(&[Spoken]) -> bool,
    ) -> Result<Vec<Spoken>, TestingError> {
        let deadline = Instant::now() + timeout;
        loop {
            let spoken = self.spoken()?;
            if check(&spoken) || Instant::now() >= deadline {
                return Ok(spoken);
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for SpeechDaemon {
    fn drop(&mut self) {
        // Our own child, by its handle.
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn temp_dir() -> Result<TempDir, TestingError> {
    tempfile::Builder::new()
        .prefix("kiosk-speechd-")
        .tempdir()
        .map_err(io_error(
            "cannot create a temporary folder for speech-dispatcher",
        ))
}

fn write(path: &Path, contents: &str) -> Result<(), TestingError> {
    std::fs::write(path, contents).map_err(io_error(format!("cannot write {}", path.display())))
}

/// The rest of each log line holding `marker`, without the line end.
fn after_marker(log: &str, marker: &str) -> Vec<String> {
    log.lines()
        .filter_map(|line| line.split_once(marker))
        .map(|(_, rest)| rest.trim_end().to_owned())
        .collect()
}

/// The log writes each settings block before the message it goes with:
/// `rate=-30` and `language=de` alone on their lines, then
/// `Command sent to output module: |<speak>Guten Tag</speak>| (0)`.
fn spoken_in(log: &str) -> Vec<Spoken> {
    const MESSAGE: &str = "Command sent to output module: |<speak>";
    let mut language = String::new();
    let mut rate = 0;
    let mut spoken = Vec::new();
    for line in log.lines() {
        if let Some(value) = line.strip_prefix("language=") {
            language = value.trim().to_owned();
        } else if let Some(value) = line.strip_prefix("rate=") {
            rate = value.trim().parse().unwrap_or(rate);
        } else if let Some((_, rest)) = line.split_once(MESSAGE) {
            let text = rest.split_once("</speak>|").map_or(rest, |(text, _)| text);
            spoken.push(Spoken {
                text: text.to_owned(),
                language: language.clone(),
                rate,
            });
        }
    }
    spoken
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_are_read_with_the_settings_sent_before_them() {
        let log = "[t] speechd:     Command sent to output module: |pitch=0\nrate=-30\n\
                   language=de\n| (0)\n[t] speechd:     Command sent to output module: \
                   |<speak>Guten Tag</speak>| (0)\n[t] speechd:     16:REPLY:|213 OK CANCELED\r\n";
        assert_eq!(
            spoken_in(log),
            vec![Spoken {
                text: "Guten Tag".into(),
                language: "de".into(),
                rate: -30
            }]
        );
        assert_eq!(after_marker(log, ":REPLY:|"), vec!["213 OK CANCELED"]);
    }
}
