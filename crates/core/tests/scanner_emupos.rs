//! The scanner reader against emupos's simulated serial scanner (device `lane`), a scanner the
//! kiosk's authors did not write. Fails, not skips, when emupos is not running: start it with
//! `sudo tests/tools/emupos-up` (from the repository root).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::net::TcpStream;
use std::path::PathBuf;
use std::process::Command;
use std::time::Duration;

use kiosk_core::config::ScannerSettings;
use kiosk_core::devices::scanner::{self, ScanEvent};
use kiosk_core::domain::BookingInput;

const HINT: &str = "the emupos scanner simulator is not reachable: start it with \
                    `sudo tests/tools/emupos-up` (from /work/main), then run this test again";

fn emupos() -> PathBuf {
    let shared = std::env::var_os("KIOSK_SHARED").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared"),
        PathBuf::from,
    );
    let tool = shared.join("tools/emupos");
    assert!(tool.exists(), "{HINT} ({} not found)", tool.display());
    tool
}

fn api() -> String {
    std::env::var("EMUPOS_API")
        .unwrap_or_else(|_| "http://127.0.0.1:8765".to_owned())
        .trim_start_matches("http://")
        .trim_end_matches('/')
        .to_owned()
}

/// The /dev/pts path of the simulated scanner `lane`.
fn lane_pty(tool: &PathBuf) -> PathBuf {
    let out = Command::new(tool)
        .args(["path", "/tmp/emupos/lane"])
        .output()
        .unwrap_or_else(|e| panic!("{HINT} ({e})"));
    assert!(out.status.success(), "{HINT} (emupos path failed)");
    let link = PathBuf::from(String::from_utf8(out.stdout).unwrap().trim());
    std::fs::read_link(&link).unwrap_or_else(|e| panic!("{HINT} ({}: {e})", link.display()))
}

#[tokio::test]
async fn emupos_scanner_code_arrives_as_one_event() {
    if let Err(e) = TcpStream::connect(api()) {
        panic!("{HINT} ({e})");
    }
    let tool = emupos();
    let pty = lane_pty(&tool);
    let mut events = scanner::start(&ScannerSettings {
        path: pty,
        baud: 9600,
    })
    .unwrap();
    let first = tokio::time::timeout(Duration::from_secs(10), events.next())
        .await
        .unwrap();
    assert_eq!(first, Some(ScanEvent::Connected), "{HINT}");

    // Synthetic booking QR, as the backend prints it.
    let payload = "KB1-ABCDE23456-0123456789abcdef0123456789abcdef";
    let scan = Command::new(&tool)
        .args([
            "cli",
            "scan",
            "--device",
            "lane",
            "--countdown",
            "0",
            payload,
        ])
        .output()
        .unwrap();
    assert!(
        scan.status.success(),
        "emupos scan failed: {}",
        String::from_utf8_lossy(&scan.stderr)
    );
    let event = tokio::time::timeout(Duration::from_secs(10), events.next())
        .await
        .expect("the scan did not arrive within 10 s")
        .unwrap();
    assert_eq!(event, ScanEvent::Code(payload.to_owned()));
    let ScanEvent::Code(code) = event else {
        unreachable!()
    };
    assert!(matches!(
        BookingInput::parse(&code),
        Ok(BookingInput::Scanned { .. })
    ));
}
