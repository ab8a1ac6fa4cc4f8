//! A real window: the release binary under Xvfb (portrait 1080x1920, with a window manager, full
//! screen as on a kiosk), screenshotted, tapped on "Afspraak maken" by coordinates, screenshotted
//! again. Fails unless the screen changed to the booking screen and is not blank. The screenshots
//! stay in target/window-test/ for a person to look at.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::io::ErrorKind;
use std::os::unix::net::UnixDatagram;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

mod support;

use support::display::{Display, require};

const WIDTH: u32 = 1080;
const HEIGHT: u32 = 1920;
/// A column inside the start screen's action buttons, left of their pictures and words.
const BUTTON_COLUMN: u32 = 60;
/// An action button is far taller than any line of text or the language buttons.
const MIN_BUTTON_HEIGHT: u32 = 150;

/// Kills what it holds when the test ends, passed or not (and then removes the kiosk's data).
struct Running {
    children: Vec<Child>,
    /// The X screen: stopped after the kiosk.
    display: Option<Display>,
    /// The kiosk's config and data folder: removed after the children are gone.
    _data: Option<tempfile::TempDir>,
}

impl Drop for Running {
    fn drop(&mut self) {
        for child in self.children.iter_mut().rev() {
            let _ = child.kill();
            let _ = child.wait();
        }
        self.display.take();
    }
}

fn output_dir() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target"));
    let dir = target.join("window-test");
    std::fs::create_dir_all(&dir).unwrap();
    dir
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

/// The start screen's action buttons, top to bottom, as (top, bottom) rows of the screenshot:
/// the tall runs of dark pixels down [`BUTTON_COLUMN`].
fn action_buttons(path: &Path) -> Vec<(u32, u32)> {
    let picture = image::open(path).unwrap().to_rgb8();
    let dark = |y: u32| {
        let [r, g, b] = picture.get_pixel(BUTTON_COLUMN, y).0;
        u32::from(r) + u32::from(g) + u32::from(b) < 3 * 128
    };
    let mut runs = Vec::new();
    let mut start = None;
    for y in 0..picture.height() {
        match (dark(y), start) {
            (true, None) => start = Some(y),
            (false, Some(top)) => {
                if y - top >= MIN_BUTTON_HEIGHT {
                    runs.push((top, y - 1));
                }
                start = None;
            }
            _ => {}
        }
    }
    runs
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

/// The release kiosk under Xvfb and openbox, full screen on the portrait screen it is made for,
/// as on a kiosk PC, with `env` set; its log in `log` of [`output_dir`]. The display's name,
/// and what to kill at the end.
fn launch(log: &str, env: &[(&str, &str)]) -> (String, Running) {
    launch_on((WIDTH, HEIGHT), log, env)
}

/// [`launch`] on a screen of another size.
fn launch_on(screen: (u32, u32), log: &str, env: &[(&str, &str)]) -> (String, Running) {
    for (tool, package) in [("import", "imagemagick"), ("compare", "imagemagick")] {
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

    let display = Display::start(screen);
    let name = display.name.clone();
    let mut running = Running {
        children: Vec::new(),
        display: Some(display),
        _data: Some(data),
    };
    let log = std::fs::File::create(dir.join(log)).unwrap();
    running.children.push(
        Command::new(env!("CARGO_BIN_EXE_kiosk"))
            .args(["--config", config.to_str().unwrap()])
            .env("DISPLAY", &name)
            .env("RUST_LOG", "info")
            .envs(env.iter().copied())
            .stdout(Stdio::null())
            .stderr(log)
            .spawn()
            .unwrap(),
    );
    (name, running)
}

#[test]
fn the_release_kiosk_opens_a_window_and_answers_a_tap() {
    let dir = output_dir();
    let (display, running) = launch("kiosk.log", &[]);
    let before = first_frame(&running, "1-home.png", "kiosk.log");

    // "Afspraak maken" is the second action; where it is depends on how many the start screen
    // shows ("Take a number" comes and goes with the walk-in hours), so it is found, not assumed.
    let buttons = action_buttons(&before);
    assert!(
        buttons.len() >= 3,
        "the start screen's actions not found: {buttons:?} in {}",
        before.display()
    );
    let (top, bottom) = buttons[1];
    let (tap_x, tap_y) = ((WIDTH / 2).to_string(), ((top + bottom) / 2).to_string());
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

/// Waits for the kiosk's window, then for a frame that is not blank; the screenshot's path.
fn first_frame(running: &Running, name: &str, log: &str) -> PathBuf {
    let dir = output_dir();
    let screen = running.display.as_ref().unwrap();
    let display = screen.name.as_str();
    assert!(
        screen.wait_for_kiosk_window(false),
        "no kiosk window within 30 s; see {}",
        dir.join(log).display()
    );
    let shot = dir.join(name);
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        screenshot(display, &shot);
        if colours(&shot) > 50 || Instant::now() > deadline {
            break;
        }
        std::thread::sleep(Duration::from_millis(300));
    }
    assert!(
        colours(&shot) > 50,
        "the screen is blank: {}",
        shot.display()
    );
    shot
}

/// A 1280 x 720 landscape panel, smaller than the 1920 x 1080 the layout is made for: the kiosk
/// scales itself to fill it, so the start screen's actions keep their words and nothing is cut
/// off or left black at the edges. Read back from the screen by OCR, as a resident would.
#[test]
fn on_a_smaller_landscape_panel_the_kiosk_scales_to_fill_it() {
    require("tesseract", "tesseract-ocr");
    let dir = output_dir();
    let (display, running) = launch_on((1280, 720), "kiosk-720p.log", &[]);
    let shot = first_frame(&running, "720p-home.png", "kiosk-720p.log");

    // The scale follows the window's size once the window manager made it full screen; the
    // frame before may still be unscaled, so read until the actions' words are there.
    let words_wanted = ["Attest afdrukken", "Afspraak maken", "Ik heb een afspraak"];
    let deadline = Instant::now() + Duration::from_secs(20);
    let words = loop {
        screenshot(&display, &shot);
        let out = Command::new("tesseract")
            .args([shot.to_str().unwrap(), "-"])
            .stderr(Stdio::null())
            .output()
            .unwrap();
        let words = String::from_utf8_lossy(&out.stdout)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        if words_wanted.iter().all(|w| words.contains(w)) || Instant::now() > deadline {
            break words;
        }
        std::thread::sleep(Duration::from_millis(500));
    };
    for wanted in words_wanted {
        assert!(
            words.contains(wanted),
            "{wanted:?} is not read on the 720p screen ({}); OCR read: {words}",
            shot.display()
        );
    }
    // The page's background reaches the right and bottom edges: nothing laid out for a wider
    // screen and cut off, no black band where the layout stops.
    let picture = image::open(&shot).unwrap().to_rgb8();
    assert_eq!((picture.width(), picture.height()), (1280, 720));
    let background = image::Rgb([0xF7, 0xF7, 0xF4]);
    let right_edge = (0..720)
        .filter(|&y| *picture.get_pixel(1278, y) == background)
        .count();
    let bottom_edge = (0..1280)
        .filter(|&x| *picture.get_pixel(x, 718) == background)
        .count();
    assert!(
        right_edge > 360 && bottom_edge > 640,
        "the page does not reach the screen's edges ({right_edge} of 720 right, {bottom_edge} of 1280 bottom): {}",
        shot.display()
    );
    let log = std::fs::read_to_string(dir.join("kiosk-720p.log")).unwrap();
    assert!(
        log.contains("the kiosk is scaled to fill the screen"),
        "no scale in the log:\n{log}"
    );
}

/// What reached the fake service manager's socket within `within`: `None` when nothing came.
fn next_notification(socket: &UnixDatagram, within: Duration) -> Option<String> {
    socket.set_read_timeout(Some(within)).unwrap();
    let mut buffer = [0u8; 512];
    match socket.recv(&mut buffer) {
        Ok(n) => Some(String::from_utf8_lossy(&buffer[..n]).into_owned()),
        Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => None,
        Err(e) => panic!("reading the notify socket: {e}"),
    }
}

/// The watchdog as systemd sees it, with the socket systemd would give (`NOTIFY_SOCKET`): the
/// kiosk says READY once its UI loop runs and pings WATCHDOG=1 from that loop; when the loop
/// freezes (the hidden test hook), the pings stop while the process lives on, which is what
/// makes systemd kill and restart it.
#[test]
fn the_kiosk_pings_the_watchdog_from_its_ui_loop_and_stops_when_the_loop_freezes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notify.sock");
    let socket = UnixDatagram::bind(&path).unwrap();
    let freeze_after = 25;
    let (_display, mut running) = launch(
        "watchdog-kiosk.log",
        &[
            ("NOTIFY_SOCKET", path.to_str().unwrap()),
            ("WATCHDOG_USEC", "5000000"),
            (kiosk::watchdog::FREEZE_ENV, &freeze_after.to_string()),
        ],
    );
    let started = Instant::now();
    let first = next_notification(&socket, Duration::from_secs(freeze_after))
        .expect("no notification before the freeze");
    assert!(first.lines().any(|l| l == "READY=1"), "{first:?}");
    assert!(first.lines().any(|l| l == "WATCHDOG=1"), "{first:?}");
    let mut pings = 0;
    let mut last_ping = Instant::now();
    while let Some(message) = next_notification(&socket, Duration::from_secs(3)) {
        assert_eq!(message.trim(), "WATCHDOG=1");
        pings += 1;
        last_ping = Instant::now();
        assert!(
            started.elapsed() < Duration::from_secs(freeze_after + 60),
            "the pings never stopped"
        );
    }
    assert!(pings >= 3, "{pings} pings before the freeze");
    assert!(
        last_ping.duration_since(started) >= Duration::from_secs(freeze_after - 5),
        "the pings stopped {:?} after the start, before the freeze",
        last_ping.duration_since(started)
    );
    // Frozen, not gone: still running, silent; systemd would now kill it.
    let kiosk = running.children.last_mut().unwrap();
    assert!(
        kiosk.try_wait().unwrap().is_none(),
        "the kiosk exited instead of freezing"
    );
    let log = std::fs::read_to_string(output_dir().join("watchdog-kiosk.log")).unwrap();
    assert!(log.contains("freezing the UI loop"), "{log}");
}
