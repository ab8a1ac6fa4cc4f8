//! Debian's chromium driven through chromedriver over WebDriver (fantoccini). A missing browser or
//! driver fails the test with the command that installs them: never a silent skip.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::json;
use tempfile::TempDir;

const INSTALL: &str = "apt-get install -y chromium chromium-driver";

fn find(program: &str) -> PathBuf {
    std::env::var_os("PATH")
        .into_iter()
        .flat_map(|p| std::env::split_paths(&p).collect::<Vec<_>>())
        .map(|dir| dir.join(program))
        .find(|p| p.is_file())
        .unwrap_or_else(|| {
            panic!(
                "{program} is not installed: the browser tests need it. Install it with: {INSTALL}"
            )
        })
}

/// A chromedriver process and one headless chromium session with a fresh profile.
pub struct Chrome {
    pub client: Client,
    driver: Child,
    _profile: TempDir,
}

impl Chrome {
    pub async fn start(width: u32, height: u32) -> Chrome {
        let chromium = find("chromium");
        let chromedriver = find("chromedriver");
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let driver = Command::new(&chromedriver)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| {
                panic!(
                    "starting {}: {e}; install with: {INSTALL}",
                    chromedriver.display()
                )
            });
        let started = Instant::now();
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                started.elapsed() < Duration::from_secs(20),
                "chromedriver did not start"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        let profile = tempfile::tempdir().unwrap();
        let mut caps = serde_json::Map::new();
        caps.insert(
            "goog:chromeOptions".into(),
            json!({
                "binary": chromium,
                "args": [
                    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--autoplay-policy=no-user-gesture-required",
                    format!("--window-size={width},{height}"),
                    format!("--user-data-dir={}", profile.path().display()),
                ]
            }),
        );
        let client = ClientBuilder::rustls()
            .unwrap()
            .capabilities(caps)
            .connect(&format!("http://127.0.0.1:{port}"))
            .await
            .unwrap_or_else(|e| {
                panic!("chromium did not start through chromedriver: {e}; install with: {INSTALL}")
            });
        Chrome {
            client,
            driver,
            _profile: profile,
        }
    }

    /// Ends the browser session and the driver.
    pub async fn stop(mut self) {
        let _ = self.client.clone().close().await;
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }

    /// Opens the desk console's login page at `base` and signs in as `login`; what the next page
    /// must show is the caller's to wait for.
    pub async fn sign_in(&self, base: &str, login: &str, password: &str) {
        let c = &self.client;
        c.goto(&format!("{base}/desk/login")).await.unwrap();
        for (field, text) in [("#login", login), ("#password", password)] {
            c.wait()
                .for_element(Locator::Css(field))
                .await
                .unwrap()
                .send_keys(text)
                .await
                .unwrap();
        }
        c.wait()
            .for_element(Locator::Css("#sign-in"))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
    }

    /// How far `selector`'s right edge reaches past the page's content (its `main` less the
    /// padding), in px: more than zero, and the reader scrolls sideways or reads it cut off.
    pub async fn past_the_right_edge(&self, selector: &str) -> f64 {
        let past = self
            .client
            .execute(
                "const main = document.querySelector('main');
                 const edge = main.getBoundingClientRect().right
                     - parseFloat(getComputedStyle(main).paddingRight);
                 return document.querySelector(arguments[0]).getBoundingClientRect().right - edge;",
                vec![json!(selector)],
            )
            .await
            .unwrap();
        past.as_f64().unwrap()
    }

    /// Resizes the viewport (the window of a headless browser) and saves a screenshot.
    pub async fn screenshot(&self, dir: &Path, name: &str, width: u32, height: u32) {
        // The window's size includes what little frame headless chromium has: size it so that the
        // page itself gets width x height.
        self.client.set_window_size(width, height).await.unwrap();
        let inner = self
            .client
            .execute("return [window.innerWidth, window.innerHeight]", vec![])
            .await
            .unwrap();
        let inner: (u32, u32) = serde_json::from_value(inner).unwrap();
        let (w, h) = (
            width + (width - inner.0.min(width)),
            height + (height - inner.1.min(height)),
        );
        self.client.set_window_size(w, h).await.unwrap();
        tokio::time::sleep(Duration::from_millis(300)).await;
        let png = self.client.screenshot().await.unwrap();
        std::fs::write(dir.join(format!("{name}-{width}x{height}.png")), png).unwrap();
    }
}

impl Drop for Chrome {
    fn drop(&mut self) {
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

/// Where screenshots are left for a person to look at: `target/screens/<name>/` (the target
/// directory of the build, as the kiosk's own screen tests do).
pub fn screens_dir(name: &str) -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target"));
    let dir = target.join("screens").join(name);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}
