//! `kiosk --check-config`, `--help` and `--version`, run as IT would run them.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;
use std::process::{Command, Output};

fn kiosk(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kiosk"))
        .args(args)
        .output()
        .unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn shipped() -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("kiosk.toml")).unwrap()
}

#[test]
fn the_shipped_config_checks_ok() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("kiosk.toml");
    let output = kiosk(&["--check-config", path.to_str().unwrap()]);
    assert_eq!(stdout(&output).trim(), "ok");
    assert_eq!(output.status.code(), Some(0));
}

#[test]
fn a_bad_config_lists_every_problem_with_its_line_and_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kiosk.toml");
    let source = shipped()
        .replacen("idle_timeout_s = 60", "idle_timeout_s = true", 1)
        .replacen("logo = \"assets/logo.svg\"\n", "", 1);
    std::fs::write(&path, &source).unwrap();
    let output = kiosk(&["--check-config", path.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    let line = source
        .lines()
        .position(|l| l.starts_with("idle_timeout_s"))
        .unwrap()
        + 1;
    let expected = format!("{}:{line}: kiosk.idle_timeout_s: ", path.display());
    assert!(
        stdout(&output).starts_with(&expected),
        "{}",
        stdout(&output)
    );

    let source = shipped()
        .replacen("logo = \"assets/logo.svg\"\n", "", 1)
        .replacen(
            "default_language = \"nl-BE\"",
            "default_language = \"nl\"",
            1,
        )
        .replacen("idle_warning_s = 20", "idle_warning_s = 3", 1);
    std::fs::write(&path, &source).unwrap();
    let output = kiosk(&["--check-config", path.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    let lines: Vec<_> = stdout(&output).lines().map(str::to_owned).collect();
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert!(
        lines[0].contains(": kiosk.default_language: unknown language \"nl\""),
        "{}",
        lines[0]
    );
    assert!(
        lines[1].contains(": kiosk.idle_warning_s: 3 is out of range"),
        "{}",
        lines[1]
    );
}

#[test]
fn a_missing_file_is_a_problem_not_a_crash() {
    let output = kiosk(&["--check-config", "/nonexistent/kiosk.toml"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stdout(&output).starts_with("/nonexistent/kiosk.toml: cannot read the file"));
}

#[test]
fn help_and_version_answer() {
    let help = kiosk(&["--help"]);
    assert!(help.status.success());
    assert!(stdout(&help).contains("--check-config <PATH>"));
    let version = kiosk(&["--version"]);
    assert_eq!(
        stdout(&version).trim(),
        format!("kiosk {}", env!("CARGO_PKG_VERSION"))
    );
}
