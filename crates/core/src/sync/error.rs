//! What can go wrong talking to the backend, sorted the way the kiosk must react: unreachable
//! (work offline, retry later), refused with a problem document (tell the resident why, in their
//! words, from the problem's `type`), the token refused (staff must enrol again), anything else.

use std::path::PathBuf;
use std::sync::Arc;

use kiosk_api::Problem;

use crate::store::StoreError;

#[derive(Debug, Clone, thiserror::Error)]
pub enum SyncError {
    /// No answer: connection refused or dropped, DNS, a timeout.
    #[error("the backend cannot be reached: {0}")]
    Unreachable(Arc<reqwest::Error>),
    /// A gateway answered that the backend behind it is down (502/503/504 without a problem).
    #[error("the backend is unavailable (HTTP {status})")]
    Unavailable { status: u16 },
    /// The backend refused the kiosk's token: retrying will not help.
    #[error(
        "the backend refused this kiosk's token (HTTP 401): delete the token file and enrol the kiosk again with a new enrolment code"
    )]
    Unauthorized,
    /// The backend said no, with an RFC 9457 document; match on `problem.kind`.
    #[error("the backend refused: {} (HTTP {})", .0.kind, .0.status)]
    Problem(Box<Problem>),
    /// An answer the kiosk does not understand.
    #[error("unexpected answer from the backend (HTTP {status}): {detail}")]
    Unexpected { status: u16, detail: String },
    /// The backend's address is not a URL, or the HTTP client cannot be built.
    #[error("backend client: {0}")]
    Setup(String),
    #[error("token file {}: {source}", path.display())]
    TokenFile {
        path: PathBuf,
        source: Arc<std::io::Error>,
    },
    /// No token file yet and no enrolment code in the configuration.
    #[error(
        "the kiosk is not enrolled: no token in {} and no backend.enrolment_code in the configuration",
        token_file.display()
    )]
    NotEnrolled { token_file: PathBuf },
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// The kind of the last error, for the connection state the UI shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ErrorKind {
    Offline,
    Unauthorized,
    /// The problem's `type`, e.g. `slot-taken`.
    Problem(String),
    Other,
}

impl SyncError {
    /// True when the backend did not answer: the kiosk should work offline and retry later.
    pub fn is_offline(&self) -> bool {
        matches!(
            self,
            SyncError::Unreachable(_) | SyncError::Unavailable { .. }
        )
    }

    /// The problem document, when the backend sent one.
    pub fn problem(&self) -> Option<&Problem> {
        match self {
            SyncError::Problem(p) => Some(p),
            _ => None,
        }
    }

    /// The problem's `type` (`slot-taken`, `too-early`, ...), when the backend sent one.
    pub fn problem_type(&self) -> Option<&str> {
        self.problem().map(|p| p.kind.as_str())
    }

    /// A per-kiosk rate limit refused the request (429 with [`kiosk_api::problem::KIOSK_LIMIT`]):
    /// this kiosk asked too often, not the resident's card or code.
    pub fn is_kiosk_rate_limit(&self) -> bool {
        self.problem().is_some_and(|p| {
            p.status == 429 && p.extensions.contains_key(kiosk_api::problem::KIOSK_LIMIT)
        })
    }

    pub fn kind(&self) -> ErrorKind {
        match self {
            SyncError::Unreachable(_) | SyncError::Unavailable { .. } => ErrorKind::Offline,
            SyncError::Unauthorized => ErrorKind::Unauthorized,
            SyncError::Problem(p) => ErrorKind::Problem(p.kind.clone()),
            _ => ErrorKind::Other,
        }
    }

    /// Worth trying again later with the same idempotency key: no answer, a server error, or a
    /// request the backend is still working on.
    pub fn is_transient(&self) -> bool {
        match self {
            SyncError::Unreachable(_) | SyncError::Unavailable { .. } => true,
            SyncError::Problem(p) => {
                p.status >= 500
                    || p.status == 429
                    || p.kind == kiosk_api::problem_type::IDEMPOTENCY_KEY_IN_PROGRESS
            }
            SyncError::Unexpected { status, .. } => *status >= 500 || *status < 400,
            _ => false,
        }
    }
}

impl From<reqwest::Error> for SyncError {
    fn from(e: reqwest::Error) -> Self {
        // Without the URL: a lookup's query string carries the resident's booking code, and
        // errors end up in logs.
        SyncError::Unreachable(Arc::new(e.without_url()))
    }
}
