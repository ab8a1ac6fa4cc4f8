//! One connection to speech-dispatcher over its Unix socket (SSIP), owned by the worker thread.

use std::io;
use std::os::unix::net::UnixStream;
use std::path::{Path, PathBuf};
use std::time::Duration;

use ssip_client_async::fifo::synchronous::Builder;
use ssip_client_async::{
    Client, ClientError, ClientName, ClientScope, MessageScope, OK_CANCELED, OK_LANGUAGE_SET,
    OK_RATE_SET,
};

use crate::Language;
use crate::text::ssip_line;

/// How long the worker waits for one SSIP reply before it calls the daemon unavailable: it
/// answers in well under a millisecond when it is healthy.
const REPLY_TIMEOUT: Duration = Duration::from_secs(2);

/// What went wrong with speech-dispatcher, in words for the staff screen (never the text).
#[derive(Debug, thiserror::Error)]
pub(crate) enum SessionError {
    #[error("no speech-dispatcher socket: none is configured and XDG_RUNTIME_DIR is not set")]
    NoSocketPath,
    #[error(
        "speech-dispatcher is not installed \
         (apt-get install speech-dispatcher speech-dispatcher-espeak-ng espeak-ng)"
    )]
    NotInstalled,
    #[error("speech-dispatcher is not running (no socket at {0})")]
    NotRunning(PathBuf),
    #[error("speech-dispatcher is not running (nothing answers at {0})")]
    Refused(PathBuf),
    #[error("no permission to open speech-dispatcher's socket {0}")]
    Permission(PathBuf),
    #[error("cannot reach speech-dispatcher at {path}: {source}")]
    Connect { path: PathBuf, source: io::Error },
    #[error("speech-dispatcher stopped answering: {0}")]
    Lost(String),
    #[error("speech-dispatcher refused {request}: {reason}")]
    Rejected {
        request: &'static str,
        reason: String,
    },
}

/// A connection on which the client name and the rate are set.
pub(crate) struct Session {
    client: Client<UnixStream>,
}

impl Session {
    /// Connects to the daemon at `socket` and sets who we are and the speech rate.
    pub(crate) fn open(socket: &Path, rate: i8) -> Result<Session, SessionError> {
        let client = Builder::new()
            .path(socket)
            .timeout(REPLY_TIMEOUT)
            .build()
            .map_err(|error| connect_error(socket, error))?;
        let mut session = Session { client };
        session
            .client
            .set_client_name(ClientName::with_component("kiosk", "kiosk", "speech"))
            .and_then(|client| client.check_client_name_set())
            .map_err(|error| reply_error("the client name", error))?;
        session.set_rate(rate)?;
        Ok(session)
    }

    /// Sets the rate of what this client says next (-100 slowest, 0 the voice's own, 100 fastest).
    pub(crate) fn set_rate(&mut self, rate: i8) -> Result<(), SessionError> {
        self.client
            .set_rate(ClientScope::Current, rate)
            .and_then(|client| client.check_status(OK_RATE_SET))
            .map_err(|error| reply_error("the rate", error))?;
        Ok(())
    }

    /// Silences this client: what is being said stops and what is queued is dropped.
    pub(crate) fn cancel(&mut self) -> Result<(), SessionError> {
        self.client
            .cancel(MessageScope::Last)
            .and_then(|client| client.check_status(OK_CANCELED))
            .map_err(|error| reply_error("cancel", error))?;
        Ok(())
    }

    /// Hands `text` to the daemon in `language`; returns once the daemon has queued it, with
    /// `false` when the text held nothing to say.
    pub(crate) fn speak(&mut self, language: Language, text: &str) -> Result<bool, SessionError> {
        self.client
            .set_language(ClientScope::Current, language.voice())
            .and_then(|client| client.check_status(OK_LANGUAGE_SET))
            .map_err(|error| reply_error("the language", error))?;
        let line = ssip_line(text);
        if line.is_empty() {
            return Ok(false);
        }
        self.client
            .speak()
            .and_then(|client| client.check_receiving_data())
            .and_then(|client| client.send_line(&line))
            .and_then(|client| client.receive_message_id())
            .map_err(|error| reply_error("the message", error))?;
        Ok(true)
    }

    /// Says goodbye; the daemon closes the connection. Errors do not matter any more.
    pub(crate) fn close(mut self) {
        let _ = self.client.quit();
    }
}

fn connect_error(socket: &Path, error: io::Error) -> SessionError {
    let path = socket.to_path_buf();
    match error.kind() {
        io::ErrorKind::NotFound if !installed() => SessionError::NotInstalled,
        io::ErrorKind::NotFound => SessionError::NotRunning(path),
        io::ErrorKind::ConnectionRefused => SessionError::Refused(path),
        io::ErrorKind::PermissionDenied => SessionError::Permission(path),
        _ => SessionError::Connect {
            path,
            source: error,
        },
    }
}

/// An SSIP error turned into words: an I/O error or a timeout means the daemon is gone or hung.
fn reply_error(request: &'static str, error: ClientError) -> SessionError {
    match error {
        ClientError::Io(error) if is_timeout(&error) => {
            SessionError::Lost(format!("no answer within {} s", REPLY_TIMEOUT.as_secs()))
        }
        ClientError::Io(error) => SessionError::Lost(error.to_string()),
        ClientError::Ssip(status) => SessionError::Rejected {
            request,
            reason: format!("{} {}", status.code, status.message),
        },
        other => SessionError::Lost(other.to_string()),
    }
}

fn is_timeout(error: &io::Error) -> bool {
    matches!(
        error.kind(),
        io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut
    )
}

/// Whether a `speech-dispatcher` program is on the PATH: a missing socket then means "not
/// running" rather than "not installed".
fn installed() -> bool {
    std::env::var_os("PATH").is_some_and(|path| {
        std::env::split_paths(&path).any(|dir| dir.join("speech-dispatcher").is_file())
    })
}

/// The socket speech-dispatcher opens for the user by default:
/// `$XDG_RUNTIME_DIR/speech-dispatcher/speechd.sock`.
pub(crate) fn default_socket() -> Result<PathBuf, SessionError> {
    std::env::var_os("XDG_RUNTIME_DIR")
        .filter(|dir| !dir.is_empty())
        .map(|dir| {
            PathBuf::from(dir)
                .join("speech-dispatcher")
                .join("speechd.sock")
        })
        .ok_or(SessionError::NoSocketPath)
}
