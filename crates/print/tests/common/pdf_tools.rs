//! Reading a rendered PDF back the way a person or a phone would: poppler for the text and the
//! pixels, zbar for the QR. Only `std`, so that kiosk-core's tests include this file too.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};
use std::process::Command;

/// Runs a tool and returns its stdout; a missing tool names the script that installs it.
pub fn run(program: &str, args: &[&str]) -> String {
    let output = Command::new(program)
        .args(args)
        .output()
        .unwrap_or_else(|e| {
            panic!(
                "{program}: {e}; run tests/tools/packages (it installs poppler-utils, qpdf and \
                 zbar-tools)"
            )
        });
    assert!(
        output.status.success(),
        "{program} {args:?}: {}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Writes into `dir`, and also into `$KEEP_PDF_DIR` when set, to look at the files.
pub fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    if let Some(keep) = std::env::var_os("KEEP_PDF_DIR") {
        std::fs::write(Path::new(&keep).join(name), bytes).unwrap();
    }
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

pub fn path(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// The text in reading order with every run of whitespace made one space, so that a check does
/// not depend on where a sentence wrapped.
pub fn flat_text(file: &Path) -> String {
    run("pdftotext", &[path(file), "-"])
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The first page at 150 dpi, as a phone camera would roughly see it, decoded by zbar.
pub fn first_page_qr(file: &Path) -> String {
    let png_prefix = file.with_extension("");
    run(
        "pdftoppm",
        &[
            "-r",
            "150",
            "-png",
            "-singlefile",
            path(file),
            path(&png_prefix),
        ],
    );
    let png = png_prefix.with_extension("png");
    run("zbarimg", &["--quiet", "--raw", path(&png)])
        .trim()
        .to_owned()
}
