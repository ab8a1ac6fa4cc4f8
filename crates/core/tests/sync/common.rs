//! A backend that can be stopped and restarted on the same port and database, a kiosk store,
//! clocks the test sets, and polling with a deadline instead of blind sleeps.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use jiff::ZonedDateTime;
use jiff::civil::date;
use kiosk_backend::{RunningServer, ServerConfig};
use kiosk_core::clock::{Clock, ManualClock};
use kiosk_core::config::{BackendSettings, BackendTarget};
use kiosk_core::store::Store;
use kiosk_core::sync::{self, Client, DeviceStatus, SyncHandle, SyncOptions};
use tempfile::TempDir;
use tokio::sync::watch;

/// Monday 23 March 2026, 08:00 in Brussels.
pub const MONDAY_MORNING: &str = "2026-03-23T08:00:00+01:00[Europe/Brussels]";

pub struct Env {
    pub dir: TempDir,
    pub backend_db: PathBuf,
    pub server: Option<RunningServer>,
    pub addr: SocketAddr,
    pub backend_clock: kiosk_backend::Clock,
    pub kiosk_clock: ManualClock,
    pub settings: BackendSettings,
    pub devices: watch::Sender<DeviceStatus>,
}

impl Env {
    pub async fn start() -> Env {
        let dir = tempfile::tempdir().unwrap();
        let backend_db = dir.path().join("backend.sqlite");
        let seed_db = backend_db.clone();
        // Seeded two months before, like the backend's own tests: its generated bookings stay
        // clear of the slots these tests book.
        tokio::task::spawn_blocking(move || {
            kiosk_backend::seed_demo_on(&seed_db, 42, date(2026, 1, 20))
        })
        .await
        .unwrap()
        .unwrap();
        let now: ZonedDateTime = MONDAY_MORNING.parse().unwrap();
        let backend_clock = kiosk_backend::Clock::manual(now.timestamp());
        let mut config = ServerConfig::new(backend_db.clone(), "127.0.0.1:0".parse().unwrap());
        // Test data: the synthetic demo eID CA may be trusted.
        config.demo = true;
        config.clock = backend_clock.clone();
        let server = kiosk_backend::spawn(config).await.unwrap();
        let addr = server.addr();
        let settings = BackendSettings {
            target: BackendTarget::Remote(server.base_url()),
            token_file: dir.path().join("kiosk").join("token"),
            enrolment_code: None,
            connect_timeout: Duration::from_secs(2),
            request_timeout: Duration::from_secs(10),
        };
        Env {
            backend_db,
            server: Some(server),
            addr,
            backend_clock,
            kiosk_clock: ManualClock::new(now),
            settings,
            devices: watch::channel(DeviceStatus::default()).0,
            dir,
        }
    }

    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    pub async fn enrolment_code(&self) -> String {
        let db = self.backend_db.clone();
        tokio::task::spawn_blocking(move || kiosk_backend::create_enrolment_code(&db, "town-hall"))
            .await
            .unwrap()
            .unwrap()
    }

    /// Enrols with a fresh code (the first start of a kiosk) and returns the client.
    pub async fn enrol(&mut self) -> Client {
        self.settings.enrolment_code = Some(self.enrolment_code().await);
        sync::connect(&self.base_url(), &self.settings, "test-hardware")
            .await
            .unwrap()
    }

    pub fn store(&self) -> Store {
        Store::open_in(&self.dir.path().join("kiosk")).unwrap()
    }

    pub fn now(&self) -> ZonedDateTime {
        self.kiosk_clock.now()
    }

    /// Moves both clocks to `to` (RFC 9557, with the zone).
    pub fn set_now(&self, to: &str) {
        let to: ZonedDateTime = to.parse().unwrap();
        let step = self.kiosk_clock.now().duration_until(&to);
        self.kiosk_clock
            .advance(Duration::try_from(step).expect("clocks only move forward"));
        self.backend_clock.set(to.timestamp());
    }

    pub fn start_sync(&self, client: Client, store: Store, options: SyncOptions) -> SyncHandle {
        sync::start(
            client,
            store,
            Arc::new(self.kiosk_clock.clone()),
            self.devices.subscribe(),
            options,
        )
    }

    /// Graceful stop: requests in flight finish, then the port is closed.
    pub async fn stop_backend(&mut self) {
        self.server.take().unwrap().shutdown().await.unwrap();
    }

    /// The same database file on the same port, as after a restart of the backend's host.
    pub async fn restart_backend(&mut self) {
        let mut config = ServerConfig::new(self.backend_db.clone(), self.addr);
        // Test data: the synthetic demo eID CA may be trusted.
        config.demo = true;
        config.clock = self.backend_clock.clone();
        self.server = Some(kiosk_backend::spawn(config).await.unwrap());
    }

    /// Reads the backend's database directly.
    pub fn backend_query<T>(
        &self,
        sql: &str,
        read: impl FnOnce(&rusqlite::Row) -> rusqlite::Result<T>,
    ) -> T {
        let conn = rusqlite::Connection::open(&self.backend_db).unwrap();
        conn.query_row(sql, [], read).unwrap()
    }
}

/// Options for tests: fast heartbeats and backoff, the loop's rules unchanged.
pub fn fast_options() -> SyncOptions {
    SyncOptions {
        heartbeat_every: Duration::from_millis(100),
        refresh_every: Duration::from_secs(600),
        backoff_base: Duration::from_millis(20),
        backoff_max: Duration::from_millis(300),
        ..SyncOptions::default()
    }
}

/// Polls `probe` every 10 ms until it gives a value; fails after 30 s.
pub async fn until<T>(what: &str, mut probe: impl AsyncFnMut() -> Option<T>) -> T {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(30);
    loop {
        if let Some(value) = probe().await {
            return value;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "timed out waiting for {what}"
        );
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
}

/// A loopback TCP relay to the backend that counts the HTTP requests passing through it: what
/// one kiosk asked of the backend, for a test that a kiosk stopped calling (the backend keeps
/// no request log per token, and a refused token has no kiosk).
pub struct CountingProxy {
    addr: SocketAddr,
    requests: Arc<std::sync::atomic::AtomicUsize>,
}

impl CountingProxy {
    pub async fn start(backend: SocketAddr) -> CountingProxy {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let requests = Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let counter = Arc::clone(&requests);
        tokio::spawn(async move {
            while let Ok((client, _)) = listener.accept().await {
                let counter = Arc::clone(&counter);
                tokio::spawn(relay(client, backend, counter));
            }
        });
        CountingProxy { addr, requests }
    }

    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    pub fn requests(&self) -> usize {
        self.requests.load(std::sync::atomic::Ordering::SeqCst)
    }
}

/// Copies both ways; counts request lines ("... HTTP/1.1\r\n") from the client, across reads.
async fn relay(
    client: tokio::net::TcpStream,
    backend: SocketAddr,
    requests: Arc<std::sync::atomic::AtomicUsize>,
) {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    const LINE_END: &[u8] = b" HTTP/1.1\r\n";
    let Ok(server) = tokio::net::TcpStream::connect(backend).await else {
        return;
    };
    let (mut from_client, mut to_client) = client.into_split();
    let (mut from_server, mut to_server) = server.into_split();
    let upstream = async move {
        let mut buffer = [0u8; 8192];
        let mut seen: Vec<u8> = Vec::new();
        while let Ok(n) = from_client.read(&mut buffer).await {
            if n == 0 || to_server.write_all(&buffer[..n]).await.is_err() {
                break;
            }
            seen.extend_from_slice(&buffer[..n]);
            let found = seen
                .windows(LINE_END.len())
                .filter(|w| *w == LINE_END)
                .count();
            requests.fetch_add(found, std::sync::atomic::Ordering::SeqCst);
            // Keep what could be the start of a line end split across two reads.
            let keep = seen.len().min(LINE_END.len() - 1);
            seen.drain(..seen.len() - keep);
        }
        let _ = to_server.shutdown().await;
    };
    let downstream = async move {
        let _ = tokio::io::copy(&mut from_server, &mut to_client).await;
        let _ = to_client.shutdown().await;
    };
    tokio::join!(upstream, downstream);
}
