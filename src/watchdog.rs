//! The service manager's watchdog. The kiosk says it is ready once its UI loop runs, and pings
//! from that loop (each one-second tick): a frozen UI (an endless loop, a deadlock, a driver that
//! never returns) stops the pings and systemd restarts the kiosk within `WatchdogSec=`
//! (packaging/systemd/kiosk.service). Without a service manager (`NOTIFY_SOCKET` unset) it does
//! nothing.

use std::time::{Duration, Instant};

/// A test hook, not a setting: freezes the UI loop this many seconds after the start, so that a
/// test can see the pings stop (tests/window.rs).
pub const FREEZE_ENV: &str = "KIOSK_TEST_FREEZE_UI_AFTER_S";

pub struct Watchdog {
    /// Whether systemd listens (`NOTIFY_SOCKET` set).
    notify: bool,
    ready_sent: bool,
    started: Instant,
    freeze_after: Option<Duration>,
}

impl Watchdog {
    pub fn from_env() -> Self {
        let notify = std::env::var_os("NOTIFY_SOCKET").is_some();
        let freeze_after = std::env::var(FREEZE_ENV)
            .ok()
            .and_then(|s| s.parse().ok())
            .map(Duration::from_secs);
        let mut watchdog_usec = 0;
        if sd_notify::watchdog_enabled(false, &mut watchdog_usec) {
            tracing::info!(
                seconds = watchdog_usec / 1_000_000,
                "the service manager's watchdog is on"
            );
        }
        Self {
            notify,
            ready_sent: false,
            started: Instant::now(),
            freeze_after,
        }
    }

    /// One turn of the UI loop: ready the first time, a ping every time.
    pub fn tick(&mut self) {
        if let Some(after) = self.freeze_after
            && self.started.elapsed() >= after
        {
            tracing::warn!("{FREEZE_ENV}: freezing the UI loop, as a test asked");
            loop {
                std::thread::sleep(Duration::from_secs(3600));
            }
        }
        if !self.notify {
            return;
        }
        let mut states = vec![sd_notify::NotifyState::Watchdog];
        if !self.ready_sent {
            states.insert(0, sd_notify::NotifyState::Ready);
        }
        match sd_notify::notify(false, &states) {
            Ok(()) => self.ready_sent = true,
            // Logged once: a socket that refuses once refuses every second.
            Err(error) if !self.ready_sent => {
                tracing::warn!(%error, "cannot tell the service manager the kiosk is ready");
                self.ready_sent = true;
            }
            Err(_) => {}
        }
    }
}
