//! A real window: the release binary under Xvfb (portrait 1080x1920, with a window manager, full
//! screen as on a kiosk), screenshotted, tapped on "Afspraak maken" by coordinates, screenshotted
//! again. Fails unless the screen changed to the booking screen and is not blank. The screenshots
//! stay in target/window-test/ for a person to look at.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const WIDTH: u32 = 1080;
const HEIGHT: u32 = 1920;
/// The middle of the second action ("Afspraak maken") in the portrait layout, as the snapshot
/// tests/snapshots/home-portrait-tiny-skia.png shows it (that image is at twice the size).
const BOOK_BUTTON: (u32, u32) = (540, 1110);

/// Kills what it holds when the test ends, passed or not.
struct Running(Vec<Child>);

impl Drop for Running {
    fn drop(&mut self) {
        for child in self.0.iter_mut().rev() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

fn require(tool: &str, package: &str) {
    let found = Command::new("sh")
        .args(["-c", &format!("command -v {tool}")])
        .stdout(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    assert!(
        found,
        "{tool} is missing: install it with `apt-get install -y {package}` (tests/run does)"
    );
}

fn output_dir() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target"));
    let dir = target.join("window-test");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Starts Xvfb on a free display and returns its number.
fn start_xvfb(running: &mut Running) -> String {
    let mut xvfb = Command::new("Xvfb")
        .args([
            "-displayfd",
            "1",
            "-screen",
            "0",
            &format!("{WIDTH}x{HEIGHT}x24"),
            "-nolisten",
            "tcp",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdout = xvfb.stdout.take().unwrap();
    running.0.push(xvfb);
    let mut number = String::new();
    let mut byte = [0u8; 1];
    while stdout.read(&mut byte).unwrap() == 1 && byte[0] != b'\n' {
        number.push(byte[0] as char);
    }
    assert!(!number.is_empty(), "Xvfb did not start");
    format!(":{number}")
}

fn x(display: &str, program: &str, args: &[&str]) -> std::process::Output {
    Command::new(program)
        .args(args)
        .env("DISPLAY", display)
        .output()
        .unwrap()
}

fn screenshot(display: &str, path: &Path) {
    let out = x(
        display,
        "import",
        &["-window", "root", path.to_str().unwrap()],
    );
    assert!(
        out.status.success(),
        "screenshot failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Number of distinct colours: a blank or failed frame has one or two.
fn colours(path: &Path) -> u64 {
    let out = Command::new("identify")
        .args(["-format", "%k", path.to_str().unwrap()])
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stdout).trim().parse().unwrap()
}

/// Pixels that differ between two screenshots.
fn difference(a: &Path, b: &Path) -> u64 {
    let out = Command::new("compare")
        .args([
            "-metric",
            "AE",
            a.to_str().unwrap(),
            b.to_str().unwrap(),
            "null:",
        ])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stderr);
    text.split_whitespace()
        .next()
        .and_then(|n| n.parse::<f64>().ok())
        .unwrap() as u64
}

#[test]
fn the_release_kiosk_opens_a_window_and_answers_a_tap() {
    for (tool, package) in [
        ("Xvfb", "xvfb"),
        ("openbox", "openbox"),
        ("xdotool", "xdotool"),
        ("import", "imagemagick"),
        ("compare", "imagemagick"),
        ("xprop", "x11-utils"),
    ] {
        require(tool, package);
    }
    let dir = output_dir();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let data = tempfile::tempdir().unwrap();
    let config = data.path().join("kiosk.toml");
    let shipped = std::fs::read_to_string(root.join("kiosk.toml")).unwrap();
    let source = shipped
        .replacen("fullscreen = false", "fullscreen = true", 1)
        .replacen("hide_cursor = false", "hide_cursor = true", 1)
        .replacen(
            "logo = \"assets/logo.svg\"",
            &format!("logo = {:?}", root.join("assets/logo.svg")),
            1,
        );
    std::fs::write(&config, source).unwrap();

    let mut running = Running(Vec::new());
    let display = start_xvfb(&mut running);
    running.0.push(
        Command::new("openbox")
            .env("DISPLAY", &display)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    // Full screen is the window manager's job: start the kiosk only once openbox manages the
    // screen, or the window may map unmanaged and never become visible to xdotool.
    let deadline = Instant::now() + Duration::from_secs(20);
    while !x(&display, "xprop", &["-root", "_NET_SUPPORTING_WM_CHECK"])
        .stdout
        .starts_with(b"_NET_SUPPORTING_WM_CHECK(WINDOW)")
    {
        assert!(
            Instant::now() < deadline,
            "openbox did not start within 20 s"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    let log = std::fs::File::create(dir.join("kiosk.log")).unwrap();
    running.0.push(
        Command::new(env!("CARGO_BIN_EXE_kiosk"))
            .args(["--config", config.to_str().unwrap()])
            .env("DISPLAY", &display)
            .env("RUST_LOG", "info")
            .stdout(Stdio::null())
            .stderr(log)
            .spawn()
            .unwrap(),
    );

    let found = x(
        &display,
        "timeout",
        &[
            "30",
            "xdotool",
            "search",
            "--sync",
            "--onlyvisible",
            "--name",
            "Onthaalkiosk",
        ],
    );
    assert!(
        found.status.success(),
        "no kiosk window within 30 s; see {}",
        dir.join("kiosk.log").display()
    );

    // The first frame takes a moment after the window maps; wait until the screen is not blank.
    let before = dir.join("1-home.png");
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        screenshot(&display, &before);
        if colours(&before) > 50 || Instant::now() > deadline {
            break;
        }
        std::thread::sleep(Duration::from_millis(300));
    }
    assert!(
        colours(&before) > 50,
        "the home screen is blank: {}",
        before.display()
    );

    let (tap_x, tap_y) = (BOOK_BUTTON.0.to_string(), BOOK_BUTTON.1.to_string());
    let tapped = x(
        &display,
        "xdotool",
        &["mousemove", &tap_x, &tap_y, "click", "1"],
    );
    assert!(tapped.status.success());

    let after = dir.join("2-after-tap.png");
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        std::thread::sleep(Duration::from_millis(300));
        screenshot(&display, &after);
        if difference(&before, &after) > 10_000 || Instant::now() > deadline {
            break;
        }
    }
    let changed = difference(&before, &after);
    assert!(
        changed > 10_000,
        "the tap changed only {changed} pixels: {}",
        after.display()
    );
    assert!(
        colours(&after) > 50,
        "the screen after the tap is blank: {}",
        after.display()
    );
    let log = std::fs::read_to_string(dir.join("kiosk.log")).unwrap();
    assert!(
        log.contains("screen opened") && log.contains("Booking"),
        "the tap did not open booking:\n{log}"
    );
}
