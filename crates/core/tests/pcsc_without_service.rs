#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Without pcscd, the reader watch waits for it instead of ending (pcscd is socket-activated on
//! Debian and may start after the kiosk).
//!
//! pcsc-lite's client finds pcscd through the socket path in `PCSCLITE_CSOCK_NAME`, read when the
//! process first talks to it. So this program runs itself again with that path pointed at
//! nothing: the real pcscd stays up for the other card tests, and the check runs in a process
//! that sees no service. A plain `main` (`harness = false`) rather than a test the harness would
//! list as ignored for the child's half.

use std::process::{Command, ExitCode};
use std::time::Duration;

use kiosk_core::devices::eid::pcsc::{self, WatchTuning};

/// Set in the child: it checks instead of starting a child of its own.
const CHILD: &str = "KIOSK_PCSC_NO_SERVICE_CHILD";

fn main() -> ExitCode {
    if std::env::var_os(CHILD).is_some() {
        the_watch_waits_for_pcscd_and_stops_when_asked();
        return ExitCode::SUCCESS;
    }
    let child = Command::new(std::env::current_exe().unwrap())
        .env(CHILD, "1")
        .env(
            "PCSCLITE_CSOCK_NAME",
            std::env::temp_dir().join("kiosk-no-pcscd-here"),
        )
        .output()
        .unwrap();
    if child.status.success() {
        println!("without pcscd the watch waits for it instead of ending ... ok");
        ExitCode::SUCCESS
    } else {
        eprintln!(
            "without pcscd the watch waits for it instead of ending ... FAILED\n{}{}",
            String::from_utf8_lossy(&child.stdout),
            String::from_utf8_lossy(&child.stderr)
        );
        ExitCode::FAILURE
    }
}

fn the_watch_waits_for_pcscd_and_stops_when_asked() {
    let error = pcsc::PcscReader::establish(None).unwrap_err();
    assert!(pcsc::is_service_missing(&error), "{error}");
    let tuning = WatchTuning {
        poll: Duration::from_millis(100),
        service_retry: Duration::from_millis(200),
    };
    let mut watch = pcsc::watch_with(None, tuning).unwrap();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    // Several retries go by without an event and without the watch ending.
    let waited = runtime
        .block_on(async { tokio::time::timeout(Duration::from_secs(1), watch.next()).await });
    assert!(waited.is_err(), "without pcscd the watch gave {waited:?}");
    watch.handle().stop();
    let ended = runtime.block_on(async {
        tokio::time::timeout(Duration::from_secs(10), async {
            while watch.next().await.is_some() {}
        })
        .await
        .is_ok()
    });
    assert!(ended, "the watcher did not stop while waiting for pcscd");
}
