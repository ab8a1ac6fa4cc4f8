//! The real kiosk `App` driven end to end without a window: clicks through iced_test's
//! `Simulator` on `app.view()`, every task `update` returns run to completion on a tokio runtime
//! (their outputs fed back into `update`), the connection state delivered as the subscription
//! would, and clocks moved by hand. Plus the emupos simulator's receipts, read back.

use std::collections::VecDeque;
use std::sync::Arc;
use std::time::{Duration, Instant};

use iced::futures::StreamExt;
use iced::{Size, Task};
use iced_test::Simulator;
use iced_test::runtime::Action;
use iced_test::selector::{Candidate, Selector, Target};

use kiosk::app::{App, GHOST_TAP_GUARD, Kiosk, Message, Services};
use kiosk::screen::flow::Flow as _;
use kiosk::widget::picture::Logo;
use kiosk_core::clock::{Clock, ManualClock};
use kiosk_core::config::Config;
use kiosk_core::sync::ConnectionState;

/// How long one task (a backend call, a print) may take before the test fails.
pub const TASK_DEADLINE: Duration = Duration::from_secs(20);

/// The kiosk's `App` with real services, driven by a test.
pub struct Driver {
    pub app: App,
    pub clock: ManualClock,
    pub config: Arc<Config>,
    pub services: Services,
    runtime: tokio::runtime::Handle,
    size: Size,
    /// Other clocks that move with the kiosk's (the backend's manual clock).
    followers: Vec<Box<dyn Fn(Duration)>>,
    /// The connection state last delivered to the app.
    delivered: Option<ConnectionState>,
}

impl Driver {
    /// The kiosk as `main` builds it from `config` and `services` (opened with `clock`); its
    /// tasks run on `runtime`, which must be a multi-thread runtime (the caller keeps it).
    pub fn new(
        config: Arc<Config>,
        clock: ManualClock,
        services: Services,
        runtime: tokio::runtime::Handle,
    ) -> Driver {
        let logo = config.kiosk.logo.as_deref().and_then(Logo::load);
        let app = App::kiosk(
            Arc::clone(&config),
            super::i18n(),
            Arc::new(clock.clone()),
            logo,
            services.clone(),
        );
        Driver {
            app,
            clock,
            config,
            services,
            runtime,
            size: super::PORTRAIT,
            followers: Vec::new(),
            delivered: None,
        }
    }

    /// `follow` is called with every step the kiosk's clock takes (e.g. to move the backend's).
    pub fn follow_clock(&mut self, follow: impl Fn(Duration) + 'static) {
        self.followers.push(Box::new(follow));
    }

    pub fn kiosk(&self) -> &Kiosk {
        self.app
            .as_kiosk()
            .expect("a running kiosk, not the fault screen")
    }

    pub fn now(&self) -> jiff::ZonedDateTime {
        self.clock.now()
    }

    /// Runs `future` on the test's runtime.
    pub fn block_on<F: Future>(&self, future: F) -> F::Output {
        self.runtime.block_on(future)
    }

    /// Delivers `message` and runs what it asks for, and what that asks for, to the end.
    pub fn send(&mut self, message: Message) {
        let task = self.app.update(message);
        self.run(task);
    }

    /// Runs `task` and every task its outputs lead to, each within [`TASK_DEADLINE`].
    pub fn run(&mut self, task: Task<Message>) {
        let mut pending = VecDeque::from([task]);
        while let Some(task) = pending.pop_front() {
            let Some(mut stream) = iced_test::runtime::task::into_stream(task) else {
                continue;
            };
            let deadline = tokio::time::Instant::from_std(Instant::now() + TASK_DEADLINE);
            loop {
                let next = self
                    .runtime
                    .block_on(async { tokio::time::timeout_at(deadline, stream.next()).await })
                    .unwrap_or_else(|_| panic!("a task took longer than {TASK_DEADLINE:?}"));
                match next {
                    Some(Action::Output(message)) => pending.push_back(self.app.update(message)),
                    // Widget operations, window and clipboard actions: nothing to run here.
                    Some(_) => {}
                    None => break,
                }
            }
        }
    }

    /// Moves the kiosk's clock (and its followers), then lets the one-second tick see it.
    pub fn advance(&mut self, step: Duration) {
        self.clock.advance(step);
        for follow in &self.followers {
            follow(step);
        }
        self.send(Message::Tick);
    }

    /// Moves the clocks forward to `to` (same zone); they never go back.
    pub fn advance_to(&mut self, to: &jiff::ZonedDateTime) {
        let step = self.now().duration_until(to);
        self.advance(Duration::try_from(step).expect("clocks only move forward"));
    }

    /// A tap on the widget showing exactly `label`, as a finger gives it: later than the
    /// ghost-tap guard, counted as activity, its messages delivered and their tasks run. When
    /// the label is shown more than once (today's date is also in the header), the first one
    /// that is a button is tapped.
    pub fn click(&mut self, label: &str) {
        self.advance(GHOST_TAP_GUARD + Duration::from_millis(50));
        let mut nth = 0;
        let messages: Vec<Message> = loop {
            let mut ui = self.ui();
            if let Err(e) = ui.click(NthText::new(label, nth)) {
                panic!(
                    "cannot click {label:?}: {e} ({nth} shown, none a button; screen: {})",
                    self.step()
                );
            }
            let messages: Vec<Message> = ui.into_messages().collect();
            if !messages.is_empty() {
                break messages;
            }
            nth += 1;
        };
        self.send(Message::Activity);
        for message in messages {
            self.send(message);
        }
    }

    /// One click per character, on the on-screen keyboard or keypad.
    pub fn type_text(&mut self, text: &str) {
        for c in text.chars() {
            self.click(&c.to_string());
        }
    }

    /// The kiosk on a screen of `size`, told as iced tells it when the window opens.
    pub fn turn_to(&mut self, size: Size) {
        self.size = size;
        self.send(Message::WindowResized(size));
    }

    pub fn ui(&self) -> Simulator<'_, Message> {
        Simulator::with_size(super::settings(), self.size, self.app.view())
    }

    pub fn shows(&self, text: &str) -> bool {
        self.ui().find(text).is_ok()
    }

    /// Fails with what the kiosk shows instead.
    pub fn assert_shows(&self, text: &str) {
        assert!(
            self.shows(text),
            "{text:?} is not on screen (screen: {:?})",
            self.step()
        );
    }

    /// The screen and step shown, for failure messages.
    pub fn step(&self) -> String {
        use kiosk::screen::Screen;
        match &self.kiosk().session.screen {
            Screen::Home(_) => "home".into(),
            Screen::Booking(flow) => format!("booking {:?}", flow.step()),
            Screen::CheckIn(flow) => format!("check-in {:?} {:?}", flow.step(), flow.failure()),
            Screen::Certificate(flow) => {
                format!("certificate {:?} {:?}", flow.step(), flow.problem())
            }
            Screen::Staff(panel) => format!("staff {:?}", panel.step()),
            Screen::Unavailable(_) => "unavailable".into(),
        }
    }

    /// What the connection subscription would deliver: the sync's latest state, if it changed.
    pub fn sync_connection(&mut self) {
        let Some(state) = self
            .services
            .backend
            .as_ref()
            .map(|backend| backend.state())
        else {
            return;
        };
        let latest = state.borrow().clone();
        if self.delivered.as_ref() != Some(&latest) {
            self.delivered = Some(latest.clone());
            self.send(Message::Connection(latest));
        }
    }

    /// Polls `probe` (delivering the connection state before each look) every 20 ms until it
    /// gives a value; fails naming `what` after `within`.
    pub fn wait_for<T>(
        &mut self,
        what: &str,
        within: Duration,
        mut probe: impl FnMut(&mut Driver) -> Option<T>,
    ) -> T {
        let deadline = Instant::now() + within;
        loop {
            self.sync_connection();
            if let Some(value) = probe(self) {
                return value;
            }
            assert!(
                Instant::now() < deadline,
                "timed out after {within:?} waiting for {what} (screen: {}, connection: {:?})",
                self.step(),
                self.delivered
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Waits until the sync is online and the app has read the catalogue it cached (the
    /// catalogue is read by the task delivering a state with a new etag starts, run at once).
    pub fn wait_ready(&mut self, within: Duration) {
        self.wait_for("online with the catalogue", within, |driver| {
            let online = driver
                .delivered
                .as_ref()
                .is_some_and(|s| s.is_online() && s.catalogue_etag.is_some());
            (online && !driver.kiosk().is_offline()).then_some(())
        });
    }
}

/// The `n`-th text (from 0, in tree order) that reads exactly `label`.
struct NthText {
    label: String,
    n: usize,
    seen: usize,
}

impl NthText {
    fn new(label: &str, n: usize) -> NthText {
        NthText {
            label: label.to_owned(),
            n,
            seen: 0,
        }
    }
}

impl Selector for NthText {
    type Output = Target;

    fn select(&mut self, candidate: Candidate<'_>) -> Option<Target> {
        let Candidate::Text { content, .. } = &candidate else {
            return None;
        };
        if *content != self.label {
            return None;
        }
        self.seen += 1;
        (self.seen == self.n + 1).then(|| Target::from(candidate))
    }

    fn description(&self) -> String {
        format!("text number {} reading {:?}", self.n + 1, self.label)
    }
}

/// The emupos simulator's printer `front` (TCP 9100) through its control API.
pub mod emupos {
    use std::collections::HashSet;
    use std::io::{Read, Write};
    use std::net::TcpStream;
    use std::time::{Duration, Instant};

    pub const HINT: &str = "the emupos simulator is not reachable (control API 127.0.0.1:8765, \
                            printer 127.0.0.1:9100): start it with `sudo tests/tools/emupos-up` \
                            (from /work/main), then run this test again";

    fn api() -> String {
        std::env::var("EMUPOS_API")
            .unwrap_or_else(|_| "http://127.0.0.1:8765".to_owned())
            .trim_start_matches("http://")
            .trim_end_matches('/')
            .to_owned()
    }

    /// The simulator's tool (`emupos cli ...`, `emupos path ...`).
    pub fn tool() -> std::path::PathBuf {
        let shared = std::env::var_os("KIOSK_SHARED").map_or_else(
            || std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared"),
            std::path::PathBuf::from,
        );
        let tool = shared.join("tools/emupos");
        assert!(tool.exists(), "{HINT} ({} not found)", tool.display());
        tool
    }

    /// Fails the test, naming `tests/tools/emupos-up`, when the simulator is not running.
    pub fn require() {
        for addr in [api(), "127.0.0.1:9100".to_owned()] {
            if let Err(e) = TcpStream::connect(&addr) {
                panic!("{HINT} ({addr}: {e})");
            }
        }
    }

    fn get(path: &str) -> String {
        let api = api();
        let mut stream = TcpStream::connect(&api).unwrap_or_else(|e| panic!("{HINT} ({e})"));
        stream
            .set_read_timeout(Some(Duration::from_secs(10)))
            .unwrap();
        write!(
            stream,
            "GET {path} HTTP/1.1\r\nHost: {api}\r\nConnection: close\r\n\r\n"
        )
        .unwrap();
        let mut response = String::new();
        stream.read_to_string(&mut response).unwrap();
        let (head, body) = response.split_once("\r\n\r\n").unwrap_or((&response, ""));
        assert!(
            head.starts_with("HTTP/1.1 200") || head.starts_with("HTTP/1.0 200"),
            "emupos GET {path}: {head}"
        );
        if head
            .to_ascii_lowercase()
            .contains("transfer-encoding: chunked")
        {
            dechunk(body)
        } else {
            body.to_owned()
        }
    }

    fn dechunk(body: &str) -> String {
        let mut out = String::new();
        let mut rest = body;
        while let Some((size, after)) = rest.split_once("\r\n") {
            let size = usize::from_str_radix(size.trim(), 16).unwrap_or(0);
            if size == 0 || after.len() < size {
                break;
            }
            out.push_str(&after[..size]);
            rest = after[size..].trim_start_matches("\r\n");
        }
        out
    }

    /// The ids of every receipt `front` has completed.
    pub fn receipt_ids() -> HashSet<String> {
        let list: serde_json::Value =
            serde_json::from_str(&get("/api/v1/devices/front/receipts")).unwrap();
        list.as_array()
            .expect("a list of receipts")
            .iter()
            .map(|r| r["id"].as_str().expect("a receipt id").to_owned())
            .collect()
    }

    /// A receipt as text (accents, `[qr ...]`, barcodes decoded).
    pub fn receipt_text(id: &str) -> String {
        get(&format!("/api/v1/devices/front/receipts/{id}/text"))
    }

    /// The one receipt completed since `before` whose text contains `marker`; waits up to 10 s.
    pub fn wait_for_receipt(before: &HashSet<String>, marker: &str) -> String {
        let start = Instant::now();
        loop {
            let mut found: Vec<String> = receipt_ids()
                .difference(before)
                .map(|id| receipt_text(id))
                .filter(|text| text.contains(marker))
                .collect();
            assert!(
                found.len() <= 1,
                "more than one new receipt with {marker:?}"
            );
            if let Some(text) = found.pop() {
                return text;
            }
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "no receipt with {marker:?} within 10 s"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// The /dev/pts path of the simulated serial scanner `lane`.
    pub fn lane_pty() -> std::path::PathBuf {
        let out = std::process::Command::new(tool())
            .args(["path", "/tmp/emupos/lane"])
            .output()
            .unwrap_or_else(|e| panic!("{HINT} ({e})"));
        assert!(out.status.success(), "{HINT} (emupos path failed)");
        let link = std::path::PathBuf::from(String::from_utf8(out.stdout).unwrap().trim());
        std::fs::read_link(&link).unwrap_or_else(|e| panic!("{HINT} ({}: {e})", link.display()))
    }

    /// Scans `code` with the simulated scanner `lane` (`emupos cli scan`).
    pub fn scan(code: &str) {
        let out = std::process::Command::new(tool())
            .args(["cli", "scan", "--device", "lane", "--countdown", "0", code])
            .output()
            .unwrap_or_else(|e| panic!("{HINT} ({e})"));
        assert!(
            out.status.success(),
            "emupos scan failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}
