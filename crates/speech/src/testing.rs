//! Helpers for tests, with the feature `testing`: a private speech-dispatcher daemon and
//! espeak-ng rendering to WAV files. Used by this crate's tests and benchmark and by the
//! kiosk's speech tests.

mod daemon;
mod wav;

pub use daemon::{SpeechDaemon, Spoken};
pub use wav::render_wav;

use std::path::PathBuf;

/// What went wrong while setting up or reading back a test's speech components.
#[derive(Debug, thiserror::Error)]
pub enum TestingError {
    #[error("{program} is missing: install it with `{install}` (or run tests/tools/packages)")]
    Missing {
        program: &'static str,
        install: &'static str,
    },
    #[error("{what}: {source}")]
    Io {
        what: String,
        source: std::io::Error,
    },
    #[error(
        "speech-dispatcher did not open its socket {socket} within {seconds} s; its log ends:\n{log_tail}"
    )]
    NoSocket {
        socket: PathBuf,
        seconds: u64,
        log_tail: String,
    },
    #[error("espeak-ng failed for voice {voice}: {stderr}")]
    Espeak { voice: &'static str, stderr: String },
    #[error("cannot read the WAV file {path}: {source}")]
    Wav { path: PathBuf, source: hound::Error },
}

fn io_error(what: impl Into<String>) -> impl FnOnce(std::io::Error) -> TestingError {
    let what = what.into();
    move |source| TestingError::Io { what, source }
}

/// The error for a program that could not be started: missing, with the command that installs
/// it, or another I/O error.
fn spawn_error(
    program: &'static str,
    install: &'static str,
) -> impl FnOnce(std::io::Error) -> TestingError {
    move |source| match source.kind() {
        std::io::ErrorKind::NotFound => TestingError::Missing { program, install },
        _ => TestingError::Io {
            what: format!("cannot start {program}"),
            source,
        },
    }
}
