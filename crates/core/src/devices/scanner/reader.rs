//! The scanner's thread: open, read lines until the port goes away, pause, open again. It ends
//! when nobody listens any more.

use std::io::{ErrorKind, Read};
use std::time::{Duration, Instant};

use tokio::sync::mpsc::Sender;

use super::lines::Lines;
use super::{ScanEvent, Tuning};
use crate::config::ScannerSettings;

/// The receiver was dropped: the thread ends.
struct Stopped;

pub fn run(settings: &ScannerSettings, tuning: Tuning, sender: &Sender<ScanEvent>) {
    let _ = supervise(settings, tuning, sender);
    tracing::debug!("scanner thread ends: nobody listens");
}

fn supervise(
    settings: &ScannerSettings,
    tuning: Tuning,
    sender: &Sender<ScanEvent>,
) -> Result<(), Stopped> {
    let path = settings.path.to_string_lossy();
    let mut backoff = tuning.backoff_min;
    // Disconnected is said once per outage, not on every failed attempt.
    let mut reported_down = false;
    loop {
        // Opening flushes what the port had buffered: a code scanned before this is lost,
        // which is why Connected is only sent once the port is open.
        match serialport::new(path.as_ref(), settings.baud)
            .timeout(tuning.poll)
            .open_native()
        {
            Ok(port) => {
                tracing::info!(%path, "scanner connected");
                send(sender, ScanEvent::Connected)?;
                let opened = Instant::now();
                let reason = read_lines(port, tuning, sender)?;
                tracing::warn!(%path, %reason, "scanner disconnected");
                send(sender, ScanEvent::Disconnected)?;
                reported_down = true;
                // A port that stayed up a while starts the backoff afresh; one that keeps
                // dropping at once must not spin.
                if opened.elapsed() >= tuning.backoff_max {
                    backoff = tuning.backoff_min;
                }
            }
            Err(error) => {
                if !reported_down {
                    tracing::warn!(%path, %error, "scanner not available; retrying");
                    send(sender, ScanEvent::Disconnected)?;
                    reported_down = true;
                }
            }
        }
        pause(backoff, tuning.poll, sender)?;
        backoff = (backoff * 2).min(tuning.backoff_max);
    }
}

/// Reads until the port fails; returns why, for the log.
fn read_lines(
    mut port: impl Read,
    tuning: Tuning,
    sender: &Sender<ScanEvent>,
) -> Result<std::io::Error, Stopped> {
    let mut lines = Lines::new(tuning.max_line);
    let mut buffer = [0u8; 512];
    let mut events = Vec::new();
    let mut last_byte = Instant::now();
    loop {
        match port.read(&mut buffer) {
            // A tty reports a hang-up as end of file or as an error.
            Ok(0) => return Ok(ErrorKind::UnexpectedEof.into()),
            Ok(n) => {
                last_byte = Instant::now();
                lines.push(&buffer[..n], &mut events);
            }
            Err(e) if matches!(e.kind(), ErrorKind::TimedOut | ErrorKind::Interrupted) => {
                if sender.is_closed() {
                    return Err(Stopped);
                }
                if lines.is_pending() && last_byte.elapsed() >= tuning.line_gap {
                    events.extend(lines.abandon());
                }
            }
            Err(e) => {
                events.extend(lines.abandon());
                for event in events.drain(..) {
                    send(sender, event)?;
                }
                return Ok(e);
            }
        }
        for event in events.drain(..) {
            send(sender, event)?;
        }
    }
}

fn send(sender: &Sender<ScanEvent>, event: ScanEvent) -> Result<(), Stopped> {
    match &event {
        ScanEvent::Code(code) => tracing::debug!(len = code.len(), "scanned a code"),
        ScanEvent::Garbage(kind) => tracing::info!(?kind, "scanner sent garbage"),
        ScanEvent::Connected | ScanEvent::Disconnected => {}
    }
    sender.blocking_send(event).map_err(|_| Stopped)
}

/// Sleeps `total`, waking every `step` to end early when nobody listens.
fn pause(total: Duration, step: Duration, sender: &Sender<ScanEvent>) -> Result<(), Stopped> {
    let until = Instant::now() + total;
    while Instant::now() < until {
        if sender.is_closed() {
            return Err(Stopped);
        }
        std::thread::sleep(step.min(until.saturating_duration_since(Instant::now())));
    }
    Ok(())
}
