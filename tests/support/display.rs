//! A real X screen for a real kiosk window: Xvfb with openbox, the window manager that makes the
//! window full screen and gives it the keyboard, as on a kiosk PC. Shared by the window tests and
//! the kill -9 soak.

use std::io::Read;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// Fails, naming the package, when `tool` is not installed: a missing tool is an error.
pub fn require(tool: &str, package: &str) {
    let found = Command::new("sh")
        .args(["-c", &format!("command -v {tool}")])
        .stdout(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    assert!(
        found,
        "{tool} is missing: install it with `apt-get install -y {package}` (tests/tools/packages does)"
    );
}

/// Xvfb and openbox on a free display, stopped when dropped.
pub struct Display {
    pub name: String,
    children: Vec<Child>,
}

impl Display {
    /// A `width` x `height` screen, returned once openbox manages it (a window mapped before may
    /// stay unmanaged and never become visible to xdotool).
    pub fn start((width, height): (u32, u32)) -> Display {
        for (tool, package) in [
            ("Xvfb", "xvfb"),
            ("openbox", "openbox"),
            ("xdotool", "xdotool"),
            ("xprop", "x11-utils"),
        ] {
            require(tool, package);
        }
        let mut xvfb = Command::new("Xvfb")
            .args([
                "-displayfd",
                "1",
                "-screen",
                "0",
                &format!("{width}x{height}x24"),
                "-nolisten",
                "tcp",
            ])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut stdout = xvfb.stdout.take().unwrap();
        let mut number = String::new();
        let mut byte = [0u8; 1];
        while stdout.read(&mut byte).unwrap() == 1 && byte[0] != b'\n' {
            number.push(byte[0] as char);
        }
        assert!(!number.is_empty(), "Xvfb did not start");
        let name = format!(":{number}");
        let openbox = Command::new("openbox")
            .env("DISPLAY", &name)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let display = Display {
            name,
            children: vec![xvfb, openbox],
        };
        let deadline = Instant::now() + Duration::from_secs(20);
        while !display
            .x("xprop", &["-root", "_NET_SUPPORTING_WM_CHECK"])
            .stdout
            .starts_with(b"_NET_SUPPORTING_WM_CHECK(WINDOW)")
        {
            assert!(
                Instant::now() < deadline,
                "openbox did not start within 20 s"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        display
    }

    /// Runs an X client on this display.
    pub fn x(&self, program: &str, args: &[&str]) -> std::process::Output {
        Command::new(program)
            .args(args)
            .env("DISPLAY", &self.name)
            .output()
            .unwrap()
    }

    /// Waits up to 30 s for the kiosk's window to be mapped and visible (and, with `focus`,
    /// gives it the keyboard); false when it did not come.
    pub fn wait_for_kiosk_window(&self, focus: bool) -> bool {
        let mut args = vec![
            "30",
            "xdotool",
            "search",
            "--sync",
            "--onlyvisible",
            "--name",
            "Onthaalkiosk",
        ];
        if focus {
            args.push("windowfocus");
        }
        self.x("timeout", &args).status.success()
    }

    /// Key presses to the focused window, as a keypad would send them.
    pub fn keys(&self, keys: &[&str]) {
        let mut args = vec!["key", "--delay", "60"];
        args.extend_from_slice(keys);
        let out = self.x("xdotool", &args);
        assert!(out.status.success(), "xdotool key {keys:?} failed");
    }
}

impl Drop for Display {
    fn drop(&mut self) {
        for child in self.children.iter_mut().rev() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}
