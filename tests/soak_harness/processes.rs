//! The real processes of the soak: an X server with a window manager, the reference backend
//! (this harness's own binary run again as `kiosk-backend serve` would run, see
//! [`backend_role`]), and the release kiosk binary; each killed with SIGKILL and started again on
//! the same files.

use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use super::clock::FakeClock;
use crate::support::display::Display;

/// Set in the child that serves the backend: the database file and the address.
const BACKEND_DB: &str = "KIOSK_SOAK_BACKEND_DB";
const BACKEND_ADDR: &str = "KIOSK_SOAK_BACKEND_ADDR";

/// When this process was started as the soak's backend: serves until killed, then `true`.
/// The same server `kiosk-backend serve --demo --db DB --listen ADDR` runs (no nightly purge:
/// the demo days jump forward faster than nights pass).
pub fn backend_role() -> bool {
    let (Some(db), Some(addr)) = (
        std::env::var_os(BACKEND_DB),
        std::env::var(BACKEND_ADDR).ok(),
    ) else {
        return false;
    };
    let mut config = kiosk_backend::ServerConfig::new(PathBuf::from(db), addr.parse().unwrap());
    config.demo = true;
    let runtime = tokio::runtime::Runtime::new().unwrap();
    runtime.block_on(kiosk_backend::serve(config)).unwrap();
    true
}

fn stop(child: &mut Option<Child>) {
    if let Some(mut child) = child.take() {
        // Child::kill sends SIGKILL: no destructor, no flush, as a power cut.
        let _ = child.kill();
        let _ = child.wait();
    }
}

/// `log` without its ANSI colour codes (the log's fields are matched as text).
fn without_colours(log: &str) -> String {
    let mut out = String::with_capacity(log.len());
    let mut chars = log.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            for c in chars.by_ref() {
                if c.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// The reference backend on its own SQLite file and loopback port.
pub struct BackendProcess {
    pub db: PathBuf,
    pub addr: SocketAddr,
    log: PathBuf,
    child: Option<Child>,
}

impl BackendProcess {
    pub fn new(db: PathBuf, addr: SocketAddr, log: PathBuf) -> BackendProcess {
        BackendProcess {
            db,
            addr,
            log,
            child: None,
        }
    }

    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    pub fn is_running(&self) -> bool {
        self.child.is_some()
    }

    /// Starts it and waits until it accepts connections.
    pub fn start(&mut self, clock: &FakeClock) {
        assert!(self.child.is_none(), "the backend is running already");
        let log = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&self.log)
            .unwrap();
        let mut command = Command::new(std::env::current_exe().unwrap());
        command
            .env(BACKEND_DB, &self.db)
            .env(BACKEND_ADDR, self.addr.to_string())
            .stdout(Stdio::null())
            .stderr(log);
        clock.apply(&mut command);
        self.child = Some(command.spawn().unwrap());
        let deadline = Instant::now() + Duration::from_secs(30);
        while TcpStream::connect(self.addr).is_err() {
            let exited = self.child.as_mut().unwrap().try_wait().unwrap();
            assert!(
                exited.is_none(),
                "the backend exited ({exited:?}); see {}",
                self.log.display()
            );
            assert!(
                Instant::now() < deadline,
                "the backend did not listen on {} within 30 s",
                self.addr
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// SIGKILL.
    pub fn kill(&mut self) {
        stop(&mut self.child);
    }
}

impl Drop for BackendProcess {
    fn drop(&mut self) {
        stop(&mut self.child);
    }
}

/// The release kiosk binary, its config and data folder, its log.
pub struct KioskProcess {
    pub config: PathBuf,
    pub log: PathBuf,
    pub data_dir: PathBuf,
    child: Option<Child>,
}

impl KioskProcess {
    pub fn new(dir: &Path, config: PathBuf) -> KioskProcess {
        KioskProcess {
            config,
            log: dir.join("kiosk.log"),
            data_dir: dir.join("kiosk"),
            child: None,
        }
    }

    pub fn is_running(&self) -> bool {
        self.child.is_some()
    }

    fn log_len(&self) -> usize {
        std::fs::read(&self.log).map(|l| l.len()).unwrap_or(0)
    }

    /// Starts it and waits until its window has the keyboard and its scanner port is open (and,
    /// with `online`, until it is connected to the backend).
    pub fn start(&mut self, display: &Display, clock: &FakeClock, online: bool) {
        assert!(self.child.is_none(), "the kiosk is running already");
        let from = self.log_len();
        let log = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&self.log)
            .unwrap();
        let mut command = Command::new(env!("CARGO_BIN_EXE_kiosk"));
        command
            .args(["--config", self.config.to_str().unwrap()])
            .current_dir(self.config.parent().unwrap())
            .env("DISPLAY", &display.name)
            .env("RUST_LOG", "info")
            .env("NO_COLOR", "1")
            .stdout(Stdio::null())
            .stderr(log);
        clock.apply(&mut command);
        self.child = Some(command.spawn().unwrap());
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            let log = std::fs::read(&self.log).unwrap_or_default();
            let since = without_colours(&String::from_utf8_lossy(&log[from.min(log.len())..]));
            let scanner = since.contains("barcode scanner event=Connected");
            let linked = !online || since.contains("backend link online=true");
            if scanner && linked {
                break;
            }
            let exited = self.child.as_mut().unwrap().try_wait().unwrap();
            assert!(
                exited.is_none(),
                "the kiosk exited ({exited:?}); see {}",
                self.log.display()
            );
            assert!(
                Instant::now() < deadline,
                "the kiosk was not ready within 60 s; see {}",
                self.log.display()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        assert!(
            display.wait_for_kiosk_window(true),
            "no kiosk window within 30 s; see {}",
            self.log.display()
        );
    }

    /// SIGKILL.
    pub fn kill(&mut self) {
        stop(&mut self.child);
    }
}

impl Drop for KioskProcess {
    fn drop(&mut self) {
        stop(&mut self.child);
    }
}
