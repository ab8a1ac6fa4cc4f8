//! `kiosk print-test`, the installer's first command, against real printers: the simulated
//! ESC/POS printer (emupos, over TCP) and a folder of PDFs, and with the paper out.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn emupos() -> PathBuf {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/tools/emupos");
    assert!(
        path.exists(),
        "{} is missing: the tests need the shared tools",
        path.display()
    );
    path
}

fn emupos_cli(args: &[&str]) -> String {
    let out = Command::new(emupos())
        .arg("cli")
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "emupos cli {args:?} failed ({}): start the simulator with `tests/tools/emupos-up`",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The shipped kiosk.toml with the ticket printer on the simulator's TCP port.
fn config(dir: &Path, kiosk_name: &str) -> PathBuf {
    let source = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("kiosk.toml"))
        .unwrap()
        .replacen(
            "name = \"Inkomhal 1\"",
            &format!("name = \"{kiosk_name}\""),
            1,
        )
        .replacen("logo = \"assets/logo.svg\"\n", "", 1)
        .replacen(
            "data_dir = \"data\"",
            &format!("data_dir = {:?}", dir.join("data")),
            1,
        )
        .replacen(
            "transport = \"folder\"\n# For \"folder\"",
            "transport = \"tcp\"\nhost = \"127.0.0.1\"\nport = 9100\n# For \"folder\"",
            1,
        );
    let path = dir.join("kiosk.toml");
    std::fs::write(&path, source).unwrap();
    path
}

fn print_test(config: &Path) -> (Output, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_kiosk"))
        .args(["print-test", "--config", config.to_str().unwrap()])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    (output, stdout)
}

#[test]
fn print_test_prints_on_both_printers_and_reports_a_printer_without_paper() {
    let dir = tempfile::tempdir().unwrap();
    let marker = format!("Kiosk {}", std::process::id());
    let config = config(dir.path(), &marker);
    emupos_cli(&["fault", "clear", "front", "paper-out"]);

    let (output, stdout) = print_test(&config);
    assert!(output.status.success(), "{stdout}");
    assert!(
        stdout.contains("ticket printer: tcp://127.0.0.1:9100\n  status: ready"),
        "{stdout}"
    );
    assert!(stdout.contains("test ticket: printed"), "{stdout}");
    let receipt = emupos_cli(&["receipt", "show"]);
    assert!(receipt.contains(&format!("Printer: {marker}")), "{receipt}");
    assert!(
        receipt.contains("Testafdruk") && receipt.contains("[qr "),
        "{receipt}"
    );
    let pdf = std::fs::read_dir(dir.path().join("data/documents"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap();
    let text = Command::new("pdftotext")
        .arg(pdf.path())
        .arg("-")
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&text.stdout).contains("Gemeente Demodorp"));

    emupos_cli(&["fault", "set", "front", "paper-out"]);
    let (output, stdout) = print_test(&config);
    emupos_cli(&["fault", "clear", "front", "paper-out"]);
    assert_eq!(output.status.code(), Some(1), "{stdout}");
    assert!(stdout.contains("status: paper out"), "{stdout}");
    assert!(stdout.contains("test ticket: FAILED"), "{stdout}");
}
