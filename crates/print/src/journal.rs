//! The print journal (SQLite): every job with its bytes, state, attempts and times, so that a
//! job that failed is printed once the fault is cleared — exactly once, and never lost, even
//! across a restart.
//!
//! States: `printing` (being sent) -> `printed` | `held` | `failed`; and after a restart,
//! `printing` -> `failed` (sent again) or `interrupted` (left for staff to reprint).
//! - `held`: the bytes reached the printer, then it reported a fault. Printers (and emupos) keep
//!   such data and print it when the fault is cleared, so it is NOT sent again: it becomes
//!   `printed` once the printer reports no fault.
//! - `failed`: nothing (or not all) was delivered; it is sent again when the printer is ready.
//!   A job is claimed with a conditional UPDATE, so two recoveries cannot both resend it.

use std::path::Path;
use std::sync::Mutex;

use rusqlite::{Connection, OptionalExtension, params};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::error::{PrintError, Result};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum JobState {
    Printing,
    Printed,
    Held,
    Failed,
    /// Never printed, and now past its day: given up, its bytes forgotten (a queue number or
    /// appointment ticket from an earlier day is of no use on paper).
    Expired,
    /// The kiosk stopped mid-send longer than [`RESEND_WITHIN`] before it started again: the
    /// resident has most likely gone, so it is not sent again by itself (a queue number, or a
    /// certificate with a name on it, would come out for nobody, in front of the next
    /// resident). Staff reprint it from the staff screen; a resident who scans again is told
    /// their number and offered to print it again.
    Interrupted,
}

/// How long after a send was cut off (a crash, a power cut, the watchdog's restart) its job is
/// still sent again at the next start: the resident who waits for it is probably still there.
pub const RESEND_WITHIN: std::time::Duration = std::time::Duration::from_secs(120);

impl JobState {
    fn as_str(self) -> &'static str {
        match self {
            Self::Printing => "printing",
            Self::Printed => "printed",
            Self::Held => "held",
            Self::Failed => "failed",
            Self::Expired => "expired",
            Self::Interrupted => "interrupted",
        }
    }

    fn parse(s: &str) -> Self {
        match s {
            "printing" => Self::Printing,
            "printed" => Self::Printed,
            "held" => Self::Held,
            "expired" => Self::Expired,
            "interrupted" => Self::Interrupted,
            _ => Self::Failed,
        }
    }
}

/// What the job's payload is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Payload {
    EscPos,
    Pdf,
}

impl Payload {
    fn as_str(self) -> &'static str {
        match self {
            Self::EscPos => "escpos",
            Self::Pdf => "pdf",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JobRecord {
    pub id: Uuid,
    pub kind: String,
    pub printer: String,
    pub payload_type: String,
    pub payload: Vec<u8>,
    pub state: JobState,
    pub attempts: u32,
    pub last_error: Option<String>,
    pub created_at: String,
    pub updated_at: String,
}

pub struct Journal {
    conn: Mutex<Connection>,
}

fn db(e: rusqlite::Error) -> PrintError {
    PrintError::Journal(e.to_string())
}

fn now() -> String {
    jiff::Timestamp::now().to_string()
}

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS print_jobs (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    printer TEXT NOT NULL,
    payload_type TEXT NOT NULL,
    payload BLOB NOT NULL,
    state TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS print_jobs_open ON print_jobs (printer, state);
";

impl Journal {
    pub fn open(path: &Path) -> Result<Self> {
        Self::init(Connection::open(path).map_err(db)?)
    }

    pub fn open_in_memory() -> Result<Self> {
        Self::init(Connection::open_in_memory().map_err(db)?)
    }

    fn init(conn: Connection) -> Result<Self> {
        // Forgotten bytes are overwritten in the file, not left in free pages to be read back.
        conn.pragma_update(None, "secure_delete", true)
            .map_err(db)?;
        conn.execute_batch(SCHEMA).map_err(db)?;
        resume_interrupted(&conn, jiff::Timestamp::now())?;
        Ok(Self {
            conn: Mutex::new(conn),
        })
    }

    fn conn(&self) -> Result<std::sync::MutexGuard<'_, Connection>> {
        self.conn
            .lock()
            .map_err(|_| PrintError::Journal("journal lock poisoned".to_owned()))
    }

    /// Records a new job, already claimed for its first attempt.
    pub fn start(
        &self,
        kind: &str,
        printer: &str,
        payload_type: Payload,
        payload: &[u8],
    ) -> Result<Uuid> {
        let id = Uuid::now_v7();
        let t = now();
        self.conn()?
            .execute(
                "INSERT INTO print_jobs (id, kind, printer, payload_type, payload, state, attempts,
                 created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, 'printing', 1, ?6, ?6)",
                params![
                    id.to_string(),
                    kind,
                    printer,
                    payload_type.as_str(),
                    payload,
                    t
                ],
            )
            .map_err(db)?;
        Ok(id)
    }

    /// Moves a `failed` job to `printing` for another attempt; false if someone else did.
    pub fn claim_retry(&self, id: Uuid) -> Result<bool> {
        let n = self
            .conn()?
            .execute(
                "UPDATE print_jobs SET state = 'printing', attempts = attempts + 1, updated_at = ?2
                 WHERE id = ?1 AND state = 'failed'",
                params![id.to_string(), now()],
            )
            .map_err(db)?;
        Ok(n == 1)
    }

    /// Records how an attempt ended.
    pub fn finish(&self, id: Uuid, outcome: &Result<()>) -> Result<JobState> {
        let (state, error) = match outcome {
            Ok(()) => (JobState::Printed, None),
            Err(PrintError::FaultDuringJob(s)) => (JobState::Held, Some(s.to_string())),
            Err(e) => (JobState::Failed, Some(e.to_string())),
        };
        self.set_state(id, state, error.as_deref())?;
        Ok(state)
    }

    /// A `held` job is done once the printer reports no fault: it printed what it held.
    pub fn release_held(&self, printer: &str) -> Result<Vec<Uuid>> {
        let held: Vec<Uuid> = self
            .open_jobs(printer)?
            .into_iter()
            .filter(|j| j.state == JobState::Held)
            .map(|j| j.id)
            .collect();
        for id in &held {
            self.set_state(*id, JobState::Printed, None)?;
        }
        Ok(held)
    }

    fn set_state(&self, id: Uuid, state: JobState, error: Option<&str>) -> Result<()> {
        self.conn()?
            .execute(
                "UPDATE print_jobs SET state = ?2, last_error = ?3, updated_at = ?4 WHERE id = ?1",
                params![id.to_string(), state.as_str(), error, now()],
            )
            .map_err(db)?;
        Ok(())
    }

    pub fn get(&self, id: Uuid) -> Result<Option<JobRecord>> {
        self.conn()?
            .query_row(
                &format!("SELECT {COLUMNS} FROM print_jobs WHERE id = ?1"),
                params![id.to_string()],
                row_to_job,
            )
            .optional()
            .map_err(db)
    }

    /// The newest job of `printer` whose kind is one of `kinds`, whatever its state: what the
    /// desk reprints when a resident's ticket did not come out or got lost. Newest means last
    /// recorded: SQLite gives each new row a larger rowid, while two `created_at` texts from the
    /// same second do not always sort in time order (trailing zeros of the fraction are cut).
    pub fn last_of_kinds(&self, printer: &str, kinds: &[&str]) -> Result<Option<JobRecord>> {
        if kinds.is_empty() {
            return Ok(None);
        }
        let places = vec!["?"; kinds.len()].join(", ");
        let values = std::iter::once(printer).chain(kinds.iter().copied());
        self.conn()?
            .query_row(
                &format!(
                    "SELECT {COLUMNS} FROM print_jobs WHERE printer = ? AND kind IN ({places})
                       AND length(payload) > 0
                     ORDER BY rowid DESC LIMIT 1"
                ),
                rusqlite::params_from_iter(values),
                row_to_job,
            )
            .optional()
            .map_err(db)
    }

    /// Forgets the bytes of every job created before `cutoff` (what was printed: a booking
    /// code, a QR secret, a name), keeping its kind, times and outcome; a job of before that
    /// was never printed is given up ([`JobState::Expired`]). Staff reprint only what is
    /// newer. Returns how many jobs lost their bytes.
    pub fn forget_before(&self, cutoff: jiff::Timestamp) -> Result<usize> {
        let conn = self.conn()?;
        let cutoff = cutoff.to_string();
        let expired = conn
            .execute(
                "UPDATE print_jobs SET state = 'expired', updated_at = ?2
                 WHERE created_at < ?1 AND state IN ('failed', 'printing', 'interrupted')",
                params![cutoff, now()],
            )
            .map_err(db)?;
        let forgotten = conn
            .execute(
                "UPDATE print_jobs SET payload = x''
                 WHERE created_at < ?1 AND state IN ('printed', 'expired') AND length(payload) > 0",
                params![cutoff],
            )
            .map_err(db)?;
        if forgotten > 0 || expired > 0 {
            tracing::info!(forgotten, expired, "print journal: old tickets forgotten");
        }
        Ok(forgotten)
    }

    /// Jobs of `printer` not yet printed, oldest first.
    pub fn open_jobs(&self, printer: &str) -> Result<Vec<JobRecord>> {
        let conn = self.conn()?;
        let mut stmt = conn
            .prepare(&format!(
                "SELECT {COLUMNS} FROM print_jobs WHERE printer = ?1 AND state IN ('held', 'failed')
                 ORDER BY created_at, id"
            ))
            .map_err(db)?;
        let rows = stmt.query_map(params![printer], row_to_job).map_err(db)?;
        rows.collect::<rusqlite::Result<Vec<_>>>().map_err(db)
    }
}

/// A job left `printing` means the kiosk stopped mid-send: we cannot know what reached the
/// printer, and a lost ticket is worse than a repeated one, so a send cut off less than
/// [`RESEND_WITHIN`] ago is sent again. An older one is left `interrupted` for staff.
fn resume_interrupted(conn: &Connection, now: jiff::Timestamp) -> Result<()> {
    let cut_off: Vec<(String, String)> = {
        let mut stmt = conn
            .prepare("SELECT id, updated_at FROM print_jobs WHERE state = 'printing'")
            .map_err(db)?;
        let rows = stmt
            .query_map([], |row| Ok((row.get(0)?, row.get(1)?)))
            .map_err(db)?;
        rows.collect::<rusqlite::Result<_>>().map_err(db)?
    };
    let window = jiff::SignedDuration::try_from(RESEND_WITHIN).unwrap_or_default();
    for (id, updated_at) in cut_off {
        // An unreadable time is treated as recent: sent again rather than lost.
        let recent = updated_at
            .parse::<jiff::Timestamp>()
            .map_or(true, |at| now.duration_since(at) <= window);
        let (state, reason) = if recent {
            ("failed", "interrupted")
        } else {
            (
                "interrupted",
                "interrupted; too long ago to print again by itself",
            )
        };
        conn.execute(
            "UPDATE print_jobs SET state = ?2, last_error = ?3, updated_at = ?4
             WHERE id = ?1 AND state = 'printing'",
            params![id, state, reason, now.to_string()],
        )
        .map_err(db)?;
        if !recent {
            tracing::info!("print journal: a job cut off before the restart is left for staff");
        }
    }
    Ok(())
}

const COLUMNS: &str =
    "id, kind, printer, payload_type, payload, state, attempts, last_error, created_at, updated_at";

fn row_to_job(row: &rusqlite::Row<'_>) -> rusqlite::Result<JobRecord> {
    let id: String = row.get(0)?;
    let state: String = row.get(5)?;
    Ok(JobRecord {
        id: Uuid::parse_str(&id).unwrap_or_default(),
        kind: row.get(1)?,
        printer: row.get(2)?,
        payload_type: row.get(3)?,
        payload: row.get(4)?,
        state: JobState::parse(&state),
        attempts: row.get(6)?,
        last_error: row.get(7)?,
        created_at: row.get(8)?,
        updated_at: row.get(9)?,
    })
}
