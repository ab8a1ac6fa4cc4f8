//! A seeded SQLite file in a temp dir, and the `kiosk-backend serve` binary started on it as a
//! child process, optionally armed to abort at a failpoint.

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use jiff::civil::date;
use reqwest::{RequestBuilder, Response, StatusCode};
use serde_json::{Value, json};
use tempfile::TempDir;

const BACKEND: &str = env!("CARGO_BIN_EXE_kiosk-backend");

/// The child's clock: Tuesday 24 March 2026, 09:45 in Brussels, a quarter of an hour before the
/// 10:00 passport slot the tests book, so the booking can be checked in too.
pub const NOW: &str = "2026-03-24T09:45:00+01:00";
pub const SLOT: &str = "2026-03-24T10:00:00+01:00";

pub fn key() -> String {
    uuid::Uuid::new_v4().to_string()
}

pub fn booking_body(start: &str) -> Value {
    json!({
        "location_id": "town-hall",
        "product_id": "passport",
        "persons": 1,
        "start": start,
        "customer": {"name": "Zoë Testpersoon", "phone": "0470123456"}
    })
}

/// The database the backend runs on, across its restarts, and the token of one enrolled kiosk.
pub struct Site {
    pub db: PathBuf,
    pub token: String,
    http: reqwest::Client,
    _dir: TempDir,
}

/// One run of the backend process.
pub struct Backend {
    child: Child,
    base: String,
    log: mpsc::Receiver<String>,
    armed: Option<String>,
}

impl Site {
    /// The demo municipality (seed 42 as of 2026-01-20, as the HTTP tests use) and a kiosk at the
    /// town hall, enrolled through a backend started for that and stopped again.
    pub async fn new() -> Site {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("backend.sqlite");
        let seed_db = db.clone();
        tokio::task::spawn_blocking(move || {
            kiosk_testcard::seed_demo_on(&seed_db, 42, date(2026, 1, 20))
        })
        .await
        .unwrap()
        .unwrap();
        let mut site = Site {
            db,
            token: String::new(),
            http: reqwest::Client::new(),
            _dir: dir,
        };
        let backend = site.serve(None);
        let db = site.db.clone();
        let code = tokio::task::spawn_blocking(move || {
            kiosk_backend::create_enrolment_code(&db, "town-hall")
        })
        .await
        .unwrap()
        .unwrap();
        let response = site
            .http
            .post(backend.url("/v1/kiosks/enrol"))
            .header("Idempotency-Key", key())
            .json(&json!({"enrolment_code": code, "hardware_id": "kiosk-hw-crash"}))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::CREATED);
        let body: Value = response.json().await.unwrap();
        site.token = body["token"].as_str().unwrap().to_owned();
        backend.stop();
        site
    }

    /// Starts the backend on this site's file at [`NOW`], armed to abort at `failpoint` if given.
    pub fn serve(&self, failpoint: Option<&str>) -> Backend {
        self.serve_at(NOW, failpoint)
    }

    /// [`Self::serve`] with the clock standing at `now`.
    pub fn serve_at(&self, now: &str, failpoint: Option<&str>) -> Backend {
        self.serve_with(now, failpoint, &[])
    }

    /// [`Self::serve_at`] with more `serve` flags (the kill -9 bench turns the rate limits off).
    pub fn serve_with(&self, now: &str, failpoint: Option<&str>, flags: &[&str]) -> Backend {
        let mut command = Command::new(BACKEND);
        command
            .args(["serve", "--db"])
            .arg(&self.db)
            .args(["--listen", "127.0.0.1:0", "--demo"])
            .args(flags)
            .env("KIOSK_BACKEND_TEST_NOW", now)
            .env("RUST_LOG", "info")
            .env_remove("KIOSK_BACKEND_FAILPOINT")
            .stdout(Stdio::null())
            .stderr(Stdio::piped());
        if let Some(point) = failpoint {
            command.env("KIOSK_BACKEND_FAILPOINT", point);
        }
        let mut child = command.spawn().unwrap();
        let log = log_lines(child.stderr.take().unwrap());
        let deadline = Instant::now() + Duration::from_secs(30);
        let port = loop {
            let line = log
                .recv_timeout(deadline.saturating_duration_since(Instant::now()))
                .unwrap_or_else(|_| panic!("no `listening` line within 30 s"));
            if let Some((_, rest)) = line
                .contains("listening")
                .then(|| line.split_once("127.0.0.1:"))
                .flatten()
            {
                let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
                break digits.parse::<u16>().unwrap();
            }
        };
        Backend {
            child,
            base: format!("http://127.0.0.1:{port}"),
            log,
            armed: failpoint.map(str::to_owned),
        }
    }

    pub fn post(&self, backend: &Backend, path: &str, body: &Value, key: &str) -> RequestBuilder {
        self.http
            .post(backend.url(path))
            .bearer_auth(&self.token)
            .header("Idempotency-Key", key)
            .json(body)
    }

    pub fn delete(&self, backend: &Backend, path: &str) -> RequestBuilder {
        self.http.delete(backend.url(path)).bearer_auth(&self.token)
    }

    /// Held and confirmed on `backend` (which must not be armed for these); returns the booking.
    pub async fn book(&self, backend: &Backend, start: &str) -> Value {
        let held = self
            .post(backend, "/v1/bookings", &booking_body(start), &key())
            .send()
            .await
            .unwrap();
        assert_eq!(held.status(), StatusCode::CREATED);
        let held: Value = held.json().await.unwrap();
        let confirm = format!("/v1/bookings/{}/confirm", held["id"].as_str().unwrap());
        let confirmed = self
            .post(backend, &confirm, &json!({}), &key())
            .send()
            .await
            .unwrap();
        assert_eq!(confirmed.status(), StatusCode::OK);
        confirmed.json().await.unwrap()
    }

    /// Sends `request` to a backend armed at `failpoint`, which must die there without answering;
    /// then starts the backend again and sends `retry` (the same request, same key) to it.
    pub async fn crash_then_retry(
        &self,
        armed: Backend,
        request: RequestBuilder,
        retry: impl FnOnce(&Backend) -> RequestBuilder,
    ) -> (Backend, Response) {
        self.crash_then_retry_at(NOW, armed, request, retry).await
    }

    /// [`Self::crash_then_retry`], the backend restarted with its clock at `now`.
    pub async fn crash_then_retry_at(
        &self,
        now: &str,
        armed: Backend,
        request: RequestBuilder,
        retry: impl FnOnce(&Backend) -> RequestBuilder,
    ) -> (Backend, Response) {
        let lost = request.send().await;
        assert!(
            lost.is_err(),
            "the armed backend answered instead of crashing: {:?}",
            lost.map(|r| r.status())
        );
        armed.assert_aborted();
        let backend = self.serve_at(now, None);
        let response = retry(&backend).send().await.unwrap();
        (backend, response)
    }

    /// Runs `sql` (a `SELECT COUNT(*) ...`) on the file, as the municipality's IT would.
    pub fn count(&self, sql: &str, param: &str) -> i64 {
        let conn = rusqlite::Connection::open(&self.db).unwrap();
        conn.query_row(sql, [param], |r| r.get(0)).unwrap()
    }
}

impl Backend {
    /// The log lines from now until one contains `needle` (that one included), or 5 s.
    pub fn log_until(&self, needle: &str) -> Vec<String> {
        let mut said = Vec::new();
        let until = Instant::now() + Duration::from_secs(5);
        while let Ok(line) = self
            .log
            .recv_timeout(until.saturating_duration_since(Instant::now()))
        {
            let found = line.contains(needle);
            said.push(line);
            if found {
                break;
            }
        }
        said
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// Waits for the process to end by the abort of its armed failpoint (SIGABRT, and its line).
    pub fn assert_aborted(mut self) {
        let point = self.armed.clone().unwrap_or_default();
        let deadline = Instant::now() + Duration::from_secs(15);
        let status = loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                break status;
            }
            assert!(Instant::now() < deadline, "{point}: still running");
            std::thread::sleep(Duration::from_millis(20));
        };
        assert_eq!(
            status.code(),
            None,
            "{point}: not killed by a signal: {status}"
        );
        // Read the log to its end (the reader thread ends at the dead process's EOF): lines
        // still on their way when the process was seen dead were missed by a `try_iter` here.
        let mut said = Vec::new();
        let until = Instant::now() + Duration::from_secs(5);
        while let Ok(line) = self
            .log
            .recv_timeout(until.saturating_duration_since(Instant::now()))
        {
            said.push(line);
        }
        assert!(
            said.iter()
                .any(|l| l.contains(&format!("failpoint {point}: aborting"))),
            "{point} was not the point it died at: {said:?}"
        );
    }

    /// Kills the process (SIGKILL) and waits for it.
    pub fn stop(mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Backend {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The backend's log lines in a channel, so that waiting for one can time out.
fn log_lines(stderr: impl std::io::Read + Send + 'static) -> mpsc::Receiver<String> {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    rx
}
