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
    // Several tries at pcscd go by (the watcher's own count), and the watch is still there.
    let handle = watch.handle();
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    while handle.service_missed() < 3 {
        assert!(
            std::time::Instant::now() < deadline,
            "the watcher tried pcscd {} times in 10 s, then no more",
            handle.service_missed()
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    handle.stop();
    // Whatever it sent before it was stopped is still in the channel: nothing, then the end.
    let events = runtime.block_on(async {
        tokio::time::timeout(Duration::from_secs(10), async {
            let mut events = Vec::new();
            while let Some(event) = watch.next().await {
                events.push(event);
            }
            events
        })
        .await
    });
    let events = events.expect("the watcher did not stop while waiting for pcscd");
    assert!(events.is_empty(), "without pcscd the watch gave {events:?}");
}
