//! The scanner reader against real serial ptys made by socat: codes, garbage, a 10 KB line, and
//! the scanner unplugged and plugged back in (socat stopped and started again on the same path).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use kiosk_core::config::ScannerSettings;
use kiosk_core::devices::scanner::{self, Garbage, ScanEvent, ScanEvents, Tuning};

/// Short pauses so that reconnecting takes well under a second.
const FAST: Tuning = Tuning {
    poll: Duration::from_millis(20),
    backoff_min: Duration::from_millis(50),
    backoff_max: Duration::from_millis(200),
    max_line: 512,
    line_gap: Duration::from_millis(300),
};
const WAIT: Duration = Duration::from_secs(10);

/// Two linked ptys: the kiosk reads `scanner`, the test writes into `host` as a scanner would.
struct Cable {
    socat: Child,
    scanner: PathBuf,
    host: PathBuf,
}

impl Cable {
    fn plug(dir: &Path) -> Self {
        let scanner = dir.join("scanner");
        let host = dir.join("host");
        for link in [&scanner, &host] {
            let _ = std::fs::remove_file(link);
        }
        let socat = Command::new("socat")
            .arg(format!("pty,raw,echo=0,link={}", scanner.display()))
            .arg(format!("pty,raw,echo=0,link={}", host.display()))
            .stdin(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| {
                panic!("socat is needed for the serial tests: apt-get install socat ({e})")
            });
        let started = Instant::now();
        while !(scanner.exists() && host.exists()) {
            assert!(started.elapsed() < WAIT, "socat made no ptys");
            std::thread::sleep(Duration::from_millis(10));
        }
        Self {
            socat,
            scanner,
            host,
        }
    }

    /// The scanner's end of the cable, opened like a device driver would.
    fn scanner_side(&self) -> File {
        std::fs::OpenOptions::new()
            .write(true)
            .open(&self.host)
            .unwrap()
    }

    /// Pulls the plug: both ptys disappear.
    fn unplug(mut self) {
        self.socat.kill().unwrap();
        self.socat.wait().unwrap();
        let _ = std::fs::remove_file(&self.scanner);
        let _ = std::fs::remove_file(&self.host);
    }
}

impl Drop for Cable {
    fn drop(&mut self) {
        let _ = self.socat.kill();
        let _ = self.socat.wait();
    }
}

fn settings(path: &Path) -> ScannerSettings {
    ScannerSettings {
        path: path.to_owned(),
        baud: 9600,
    }
}

async fn next(events: &mut ScanEvents) -> ScanEvent {
    tokio::time::timeout(WAIT, events.next())
        .await
        .expect("no scanner event within 10 s")
        .expect("the scanner thread ended")
}

/// A scanner on a fresh cable, connected: what is written now is read.
async fn connected(dir: &Path) -> (Cable, ScanEvents, File) {
    let cable = Cable::plug(dir);
    let mut events = scanner::start_with(&settings(&cable.scanner), FAST).unwrap();
    assert_eq!(next(&mut events).await, ScanEvent::Connected);
    let side = cable.scanner_side();
    (cable, events, side)
}

fn code(s: &str) -> ScanEvent {
    ScanEvent::Code(s.to_owned())
}

#[tokio::test]
async fn a_code_ending_in_cr_arrives_trimmed() {
    let dir = tempfile::tempdir().unwrap();
    let (_cable, mut events, mut side) = connected(dir.path()).await;
    side.write_all(b"ABCDE23456\r").unwrap();
    assert_eq!(next(&mut events).await, code("ABCDE23456"));
    side.write_all(b"  KB1-ABCDE23456-0123456789abcdef0123456789abcdef \r\n")
        .unwrap();
    assert_eq!(
        next(&mut events).await,
        code("KB1-ABCDE23456-0123456789abcdef0123456789abcdef")
    );
    side.write_all(b"LF-ONLY\n").unwrap();
    assert_eq!(next(&mut events).await, code("LF-ONLY"));
}

#[tokio::test]
async fn garbage_bytes_are_an_event_and_the_next_code_still_arrives() {
    let dir = tempfile::tempdir().unwrap();
    let (_cable, mut events, mut side) = connected(dir.path()).await;
    side.write_all(b"\x01\x02\x1b[2J\r").unwrap();
    assert_eq!(
        next(&mut events).await,
        ScanEvent::Garbage(Garbage::NonPrintable)
    );
    side.write_all(b"\xff\xfe\xfd\r").unwrap();
    assert_eq!(
        next(&mut events).await,
        ScanEvent::Garbage(Garbage::NonPrintable)
    );
    side.write_all(b"   \r").unwrap();
    assert_eq!(next(&mut events).await, ScanEvent::Garbage(Garbage::Empty));
    side.write_all(b"AFTER\r").unwrap();
    assert_eq!(next(&mut events).await, code("AFTER"));
}

#[tokio::test]
async fn a_10_kb_line_is_refused_once_and_the_next_code_arrives() {
    let dir = tempfile::tempdir().unwrap();
    let (_cable, mut events, mut side) = connected(dir.path()).await;
    let mut line = vec![b'A'; 10 * 1024];
    line.extend_from_slice(b"\rNEXT\r");
    side.write_all(&line).unwrap();
    assert_eq!(
        next(&mut events).await,
        ScanEvent::Garbage(Garbage::TooLong)
    );
    assert_eq!(next(&mut events).await, code("NEXT"));
}

#[tokio::test]
async fn a_line_without_ending_is_dropped_after_a_pause() {
    let dir = tempfile::tempdir().unwrap();
    let (_cable, mut events, mut side) = connected(dir.path()).await;
    side.write_all(b"HALF").unwrap();
    assert_eq!(
        next(&mut events).await,
        ScanEvent::Garbage(Garbage::Unterminated)
    );
    side.write_all(b"WHOLE\r").unwrap();
    assert_eq!(next(&mut events).await, code("WHOLE"));
}

#[tokio::test]
async fn unplugged_scanner_is_reported_and_reopened_when_it_comes_back() {
    let dir = tempfile::tempdir().unwrap();
    let (cable, mut events, mut side) = connected(dir.path()).await;
    side.write_all(b"BEFORE\r").unwrap();
    assert_eq!(next(&mut events).await, code("BEFORE"));

    drop(side);
    cable.unplug();
    assert_eq!(next(&mut events).await, ScanEvent::Disconnected);

    // Plugged back in: a new pty at the same path.
    let cable = Cable::plug(dir.path());
    assert_eq!(next(&mut events).await, ScanEvent::Connected);
    let mut side = cable.scanner_side();
    side.write_all(b"AFTER\r").unwrap();
    assert_eq!(next(&mut events).await, code("AFTER"));
}

#[tokio::test]
async fn scanner_missing_at_start_is_reported_then_found() {
    let dir = tempfile::tempdir().unwrap();
    let mut events = scanner::start_with(&settings(&dir.path().join("scanner")), FAST).unwrap();
    assert_eq!(next(&mut events).await, ScanEvent::Disconnected);
    let cable = Cable::plug(dir.path());
    assert_eq!(next(&mut events).await, ScanEvent::Connected);
    let mut side = cable.scanner_side();
    side.write_all(b"FOUND\r").unwrap();
    assert_eq!(next(&mut events).await, code("FOUND"));
}

#[tokio::test]
async fn dropping_the_events_stops_the_reader_and_frees_the_port() {
    let dir = tempfile::tempdir().unwrap();
    let (cable, events, _side) = connected(dir.path()).await;
    let open = || serialport::new(cable.scanner.to_string_lossy(), 9600).open_native();
    assert!(open().is_err(), "the reader holds the port exclusively");
    drop(events);
    let started = Instant::now();
    while open().is_err() {
        assert!(started.elapsed() < WAIT, "the reader kept the port");
        std::thread::sleep(Duration::from_millis(20));
    }
}
