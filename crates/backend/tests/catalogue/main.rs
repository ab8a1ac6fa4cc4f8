//! The catalogue file: `kiosk-backend catalogue import/export` run as the binary against real
//! SQLite files, and a running server whose kiosk sees an import.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod cli;
mod kiosk_sees;
mod mistakes;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use jiff::civil::date;
use tempfile::TempDir;

/// The seed day of every test database: the demo's bookings lie in the four weeks after it.
pub const SEED_DAY_MORNING: &str = "2026-01-20T08:00:00+01:00";

pub fn backend(args: &[&str]) -> Output {
    backend_at(SEED_DAY_MORNING, args)
}

/// The binary with its clock at `now` ("now" for the import's look at bookings ahead).
pub fn backend_at(now: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kiosk-backend"))
        .args(args)
        .env("KIOSK_BACKEND_TEST_NOW", now)
        .env("RUST_BACKTRACE", "0")
        .output()
        .unwrap()
}

pub fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A demo database seeded as of 20 January 2026, in a folder of its own.
pub struct Db {
    pub dir: TempDir,
    pub path: PathBuf,
}

impl Db {
    pub fn seeded() -> Db {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("backend.sqlite");
        kiosk_backend::seed_demo_on(&path, 42, date(2026, 1, 20)).unwrap();
        Db { dir, path }
    }

    pub fn arg(&self) -> &str {
        self.path.to_str().unwrap()
    }

    /// `catalogue export` to stdout, which must succeed.
    pub fn export(&self) -> String {
        let out = backend(&["catalogue", "export", "--db", self.arg()]);
        assert!(out.status.success(), "export: {}", stderr(&out));
        stdout(&out)
    }

    pub fn write(&self, name: &str, text: &str) -> PathBuf {
        let path = self.dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        path
    }

    pub fn import(&self, file: &Path) -> Output {
        backend(&[
            "catalogue",
            "import",
            "--db",
            self.arg(),
            file.to_str().unwrap(),
        ])
    }
}

/// The demo file with `from` replaced by `to` once; fails if `from` is not in it.
pub fn demo_with(from: &str, to: &str) -> String {
    let demo = kiosk_backend::catalogue_file::DEMO;
    assert!(demo.contains(from), "the demo file has no {from:?}");
    demo.replacen(from, to, 1)
}
