//! CUPS: `lp` to submit, `lpstat` to follow a job. The command-line tools are CUPS's stable
//! interface and need no IPP client library in the kiosk.

use std::io::Write;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use super::Link;
use crate::error::{PrintError, Result};

/// A submitted job, e.g. `KioskPDF-12`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CupsJob {
    pub queue: String,
    pub id: String,
}

/// Submits `data` to `queue` (raw: no filtering, for ESC/POS) and returns the job.
pub fn lp_print(
    queue: &str,
    data: &[u8],
    raw: bool,
    title: &str,
    timeout: Duration,
) -> Result<CupsJob> {
    let mut cmd = Command::new("lp");
    // lp's messages go to the log and to staff, never to residents: the same words on every
    // machine, whatever its locale.
    cmd.env("LC_ALL", "C").args(["-d", queue, "-t", title]);
    if raw {
        cmd.args(["-o", "raw"]);
    }
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| PrintError::Cups(format!("cannot run lp: {e}")))?;
    // lp may refuse (an unknown queue) and exit before it has read everything: the write then
    // fails with a broken pipe, and lp's own words say why. The pipe closes with `stdin`.
    let written = child.stdin.take().map(|mut stdin| stdin.write_all(data));
    let output = wait_with_timeout(child, timeout)?;
    let stdout = String::from_utf8_lossy(&output.stdout);
    if !output.status.success() {
        return Err(PrintError::Cups(
            String::from_utf8_lossy(&output.stderr).trim().to_owned(),
        ));
    }
    if let Some(Err(e)) = written {
        return Err(PrintError::Cups(format!("lp stdin: {e}")));
    }
    // "request id is QUEUE-12 (1 file(s))"
    let id = stdout
        .split_whitespace()
        .skip_while(|w| *w != "is")
        .nth(1)
        .ok_or_else(|| PrintError::Cups(format!("unexpected lp output: {stdout}")))?;
    Ok(CupsJob {
        queue: queue.to_owned(),
        id: id.to_owned(),
    })
}

/// Follows a job until CUPS reports it completed (Ok) or no longer pending without completing
/// (cancelled, aborted: Err), or until `timeout`.
pub fn wait_for_job(job: &CupsJob, timeout: Duration) -> Result<()> {
    let start = Instant::now();
    loop {
        let pending = lpstat(&job.queue, "not-completed")?;
        if !lists(&pending, &job.id) {
            let done = lpstat(&job.queue, "completed")?;
            return if lists(&done, &job.id) {
                Ok(())
            } else {
                Err(PrintError::Cups(format!(
                    "job {} ended without completing",
                    job.id
                )))
            };
        }
        if start.elapsed() > timeout {
            return Err(PrintError::Cups(format!(
                "job {} still pending after {timeout:?}",
                job.id
            )));
        }
        std::thread::sleep(Duration::from_millis(250));
    }
}

fn lists(lpstat_output: &str, id: &str) -> bool {
    lpstat_output
        .lines()
        .any(|l| l.split_whitespace().next() == Some(id))
}

fn lpstat(queue: &str, which: &str) -> Result<String> {
    let output = Command::new("lpstat")
        .args(["-W", which, "-o", queue])
        .output()
        .map_err(|e| PrintError::Cups(format!("cannot run lpstat: {e}")))?;
    Ok(String::from_utf8_lossy(&output.stdout).into_owned())
}

fn wait_with_timeout(
    mut child: std::process::Child,
    timeout: Duration,
) -> Result<std::process::Output> {
    let start = Instant::now();
    loop {
        match child.try_wait() {
            Ok(Some(_)) => {
                return child
                    .wait_with_output()
                    .map_err(|e| PrintError::Cups(format!("lp: {e}")));
            }
            Ok(None) if start.elapsed() > timeout => {
                // Our own child, by its handle: a hung lp must not hold the kiosk.
                let _ = child.kill();
                return Err(PrintError::Cups(format!(
                    "lp did not finish within {timeout:?}"
                )));
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(20)),
            Err(e) => return Err(PrintError::Cups(format!("lp: {e}"))),
        }
    }
}

/// ESC/POS bytes through a CUPS raw queue.
pub(crate) struct CupsRawLink {
    queue: String,
    timeout: Duration,
}

impl CupsRawLink {
    pub(crate) fn new(queue: String, timeout: Duration) -> Self {
        Self { queue, timeout }
    }
}

impl Link for CupsRawLink {
    fn send(&mut self, bytes: &[u8]) -> Result<()> {
        let job = lp_print(&self.queue, bytes, true, "ticket", self.timeout)?;
        tracing::debug!(job = %job.id, "ticket queued in CUPS");
        Ok(())
    }

    fn query(&mut self, _request: [u8; 3]) -> Result<Option<u8>> {
        Ok(None)
    }
}
