//! The desk console and the waiting-room display in a real browser (Debian's chromium through
//! chromedriver): sign in, Call next, the display shows the number within a second; a wrong
//! password; a forged form refused; the display reconnecting after the backend restarts.
//! Screenshots of both pages in both orientations are left in target/screens/desk/.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod chrome;
mod figures;
mod fleet;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use chrome::{Chrome, screens_dir};
use fantoccini::Locator;
use jiff::civil::date;
use kiosk_backend::{Clock, RunningServer, ServerConfig};
use tempfile::TempDir;

const PASSWORD: &str = "correct-horse-battery";
/// Two browsers at a time are plenty for two cores: the scenarios run one after the other.
static ONE_AT_A_TIME: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

struct Backend {
    server: Option<RunningServer>,
    db: PathBuf,
    addr: SocketAddr,
    clock: Clock,
    _dir: TempDir,
}

impl Backend {
    /// The demo municipality on Tuesday 24 March 2026 09:40, a clerk `anna`, and `walk_ins`
    /// identity tickets waiting.
    async fn start(walk_ins: i64) -> Backend {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("backend.sqlite");
        let seed_db = db.clone();
        tokio::task::spawn_blocking(move || {
            kiosk_backend::seed_demo_on(&seed_db, 42, date(2026, 1, 20)).unwrap();
            kiosk_backend::add_staff(&seed_db, "anna", kiosk_backend::StaffRole::Clerk, PASSWORD)
                .unwrap();
        })
        .await
        .unwrap();
        let clock = Clock::manual("2026-03-24T09:40:00+01:00".parse().unwrap());
        let now = clock.now().as_second();
        let conn = rusqlite::Connection::open(&db).unwrap();
        for i in 0..walk_ins {
            conn.execute(
                "INSERT INTO tickets (id, location_id, queue_service_id, service_day, sequence, status, issued_s, current_service_id)
                 VALUES (?1, 'town-hall', 'identity', '2026-03-24', ?2, 'waiting', ?3, 'identity')",
                rusqlite::params![uuid::Uuid::new_v4().to_string(), i + 1, now - 1800 + i * 120],
            )
            .unwrap();
        }
        // Two synthetic appointments for the desk's list: one to come, one late.
        for (code, name, minutes) in [
            ("DESKTEST2", "Zoë Testpersoon", 35),
            ("DESKTEST3", "Jan Voorbeeld", -40),
        ] {
            let start = now + minutes * 60;
            conn.execute(
                "INSERT INTO bookings (id, location_id, product_id, persons, start_s, end_s, status, code, qr_secret,
                   customer_name, customer_phone, created_s)
                 VALUES (?1, 'town-hall', 'eid-pickup', 1, ?2, ?3, 'confirmed', ?4, 'secret', ?5, '0470123456', ?6)",
                rusqlite::params![uuid::Uuid::new_v4().to_string(), start, start + 300, code, name, now - 86400],
            )
            .unwrap();
        }
        let mut backend = Backend {
            server: None,
            db,
            addr: "127.0.0.1:0".parse().unwrap(),
            clock,
            _dir: dir,
        };
        backend.spawn().await;
        backend
    }

    async fn spawn(&mut self) {
        let mut config = ServerConfig::new(self.db.clone(), self.addr);
        // Test data: the synthetic demo eID CA may be trusted.
        config.demo = true;
        config.clock = self.clock.clone();
        let server = kiosk_backend::spawn(config).await.unwrap();
        self.addr = server.addr();
        self.server = Some(server);
    }

    async fn stop(&mut self) {
        if let Some(server) = self.server.take() {
            tokio::time::timeout(Duration::from_secs(10), server.shutdown())
                .await
                .expect("the server stops although displays are connected")
                .unwrap();
        }
    }

    fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    fn count(&self, status: &str) -> i64 {
        let conn = rusqlite::Connection::open(&self.db).unwrap();
        conn.query_row(
            "SELECT COUNT(*) FROM tickets WHERE status = ?1",
            [status],
            |r| r.get(0),
        )
        .unwrap()
    }
}

async fn sign_in(chrome: &Chrome, backend: &Backend, password: &str) {
    chrome.sign_in(&backend.url(""), "anna", password).await;
}

/// Signs in and picks "Loket 3" for the identity queue at the town hall.
async fn at_desk(chrome: &Chrome, backend: &Backend) {
    sign_in(chrome, backend, PASSWORD).await;
    let c = &chrome.client;
    c.wait()
        .for_element(Locator::Css("#desk"))
        .await
        .unwrap()
        .send_keys("Loket 3")
        .await
        .unwrap();
    c.wait()
        .for_element(Locator::Css("input[value=identity]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    c.wait()
        .for_element(Locator::Css("#start-desk"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    c.wait()
        .for_element(Locator::Css("#desk-name"))
        .await
        .expect("the console after picking the desk");
}

async fn press(chrome: &Chrome, action: &str) {
    chrome
        .client
        .wait()
        .for_element(Locator::Css(&format!("button[data-action={action}]")))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
}

/// The numbers the display shows as being called now.
async fn calling(display: &Chrome) -> Vec<String> {
    let value = display
        .client
        .execute(
            "return Array.from(document.querySelectorAll('#calling .num')).map(e => e.textContent)",
            vec![],
        )
        .await
        .unwrap();
    serde_json::from_value(value).unwrap()
}

async fn reconnecting_shown(display: &Chrome) -> bool {
    display
        .client
        .execute(
            "return !document.getElementById('reconnecting').hidden",
            vec![],
        )
        .await
        .unwrap()
        .as_bool()
        .unwrap()
}

/// Waits until the display's event stream is open (`body[data-live]`, set by its `onopen`).
async fn until_live(display: &Chrome) {
    display
        .client
        .wait()
        .for_element(Locator::Css("body[data-live]"))
        .await
        .expect("the display's event stream opens");
}

/// Polls until `number` is called on the display; returns how long it took from `since`.
async fn until_called(display: &Chrome, number: &str, since: Instant, limit: Duration) -> Duration {
    loop {
        if calling(display).await.iter().any(|n| n == number) {
            return since.elapsed();
        }
        assert!(
            since.elapsed() < limit,
            "{number} not on the display after {limit:?}: {:?}",
            calling(display).await
        );
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn call_next_on_the_desk_shows_on_the_display() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let backend = Backend::start(6).await;
    let display = Chrome::start(1920, 1080).await;
    display
        .client
        .goto(&backend.url("/display/town-hall"))
        .await
        .unwrap();
    until_live(&display).await;
    assert!(!reconnecting_shown(&display).await);
    let desk = Chrome::start(1920, 1080).await;
    at_desk(&desk, &backend).await;

    let pressed = Instant::now();
    press(&desk, "call_next").await;
    // The time is printed, not held to a bound: a loaded test machine says nothing about the
    // product's speed. `cargo bench -p kiosk-backend --bench desk` measures it.
    let took = until_called(&display, "A001", pressed, Duration::from_secs(10)).await;
    println!("A001 on the display {took:?} after Call next was pressed");
    let shown = desk
        .client
        .wait()
        .for_element(Locator::Css("#current-number"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_eq!(shown, "A001");
    assert_eq!(backend.count("called"), 1);

    let dir = screens_dir("desk");
    display.screenshot(&dir, "display", 1920, 1080).await;
    display.screenshot(&dir, "display", 1080, 1920).await;
    press(&desk, "start").await;
    desk.screenshot(&dir, "desk-console", 1920, 1080).await;
    desk.screenshot(&dir, "desk-console", 1080, 1920).await;
    desk.client
        .goto(&backend.url("/desk/bookings?product=passport&persons=1&day=2026-03-24"))
        .await
        .unwrap();
    desk.client
        .wait()
        .for_element(Locator::Css("#book"))
        .await
        .expect("free times to book");
    desk.screenshot(&dir, "desk-phone-booking", 1920, 1080)
        .await;
    desk.stop().await;
    display.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_wrong_password_is_told_on_the_login_page() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let backend = Backend::start(0).await;
    let desk = Chrome::start(1280, 900).await;
    sign_in(&desk, &backend, "not-the-password").await;
    let error = desk
        .client
        .wait()
        .for_element(Locator::Css("#login-error"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(error.starts_with("Wrong login or password"), "{error}");
    let dir = screens_dir("desk");
    desk.screenshot(&dir, "login-wrong-password", 1280, 900)
        .await;
    desk.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_form_with_a_forged_csrf_token_is_refused() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let backend = Backend::start(2).await;
    let desk = Chrome::start(1280, 900).await;
    at_desk(&desk, &backend).await;
    // Forge the token and press in one step: the live queue may redraw its forms (with the
    // session's real token) at any moment between two WebDriver calls.
    desk.client
        .wait()
        .for_element(Locator::Css("button[data-action=call_next]"))
        .await
        .unwrap();
    desk.client
        .execute(
            "const button = document.querySelector('button[data-action=call_next]');
             button.form.querySelector('input[name=csrf]').value = 'forged';
             button.click();",
            vec![],
        )
        .await
        .unwrap();
    let refused = desk
        .client
        .wait()
        .for_element(Locator::XPath("//h1[text()='Form refused']"))
        .await;
    assert!(refused.is_ok(), "no refusal page");
    assert_eq!(backend.count("called"), 0);
    desk.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_display_reconnects_after_a_backend_restart_and_shows_no_stale_number() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let mut backend = Backend::start(3).await;
    let display = Chrome::start(1080, 1920).await;
    display
        .client
        .goto(&backend.url("/display/town-hall"))
        .await
        .unwrap();
    let desk = Chrome::start(1280, 900).await;
    at_desk(&desk, &backend).await;
    press(&desk, "call_next").await;
    until_called(&display, "A001", Instant::now(), Duration::from_secs(2)).await;

    backend.stop().await;
    let down = Instant::now();
    while !reconnecting_shown(&display).await {
        assert!(
            down.elapsed() < Duration::from_secs(5),
            "no reconnecting mark"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    // While it was down, A001 was served and A002 called (changes the display never heard of):
    // once back, the display reloads and shows A002, not the stale A001.
    let conn = rusqlite::Connection::open(&backend.db).unwrap();
    conn.execute("UPDATE tickets SET status = 'done' WHERE sequence = 1", [])
        .unwrap();
    conn.execute(
        "UPDATE tickets SET status = 'called', desk = 'Loket 2', called_s = ?1 WHERE sequence = 2",
        [backend.clock.now().as_second()],
    )
    .unwrap();
    backend.spawn().await;
    let back = Instant::now();
    loop {
        let numbers = calling(&display).await;
        if !reconnecting_shown(&display).await && numbers == ["A002"] {
            break;
        }
        assert!(
            back.elapsed() < Duration::from_secs(10),
            "not reconnected: {numbers:?}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    println!(
        "display reconnected {:?} after the backend came back",
        back.elapsed()
    );
    // And live again: the next call arrives over the new stream.
    desk.client.goto(&backend.url("/desk")).await.unwrap();
    press(&desk, "call_next").await;
    until_called(&display, "A003", Instant::now(), Duration::from_secs(10)).await;
    desk.stop().await;
    display.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn with_speak_the_display_says_the_number_and_desk_on_a_call() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let backend = Backend::start(2).await;
    let display = Chrome::start(1280, 720).await;
    display
        .client
        .goto(&backend.url("/display/town-hall?speak=1"))
        .await
        .unwrap();
    // Headless chromium has no voice: record what would be said instead.
    display
        .client
        .execute(
            "window.__said = []; Object.defineProperty(window, 'speechSynthesis', \
             { value: { speak: u => window.__said.push([u.text, u.lang]) } });",
            vec![],
        )
        .await
        .unwrap();
    until_live(&display).await;
    let desk = Chrome::start(1280, 900).await;
    at_desk(&desk, &backend).await;
    press(&desk, "call_next").await;
    until_called(&display, "A001", Instant::now(), Duration::from_secs(2)).await;
    let said = display
        .client
        .execute("return window.__said", vec![])
        .await
        .unwrap();
    assert_eq!(
        said,
        serde_json::json!([["Nummer A 0 0 1, Loket 3", "nl-BE"]])
    );
    desk.stop().await;
    display.stop().await;
}
