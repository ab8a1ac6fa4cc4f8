//! The reference central backend: the kiosk API of `api.md` over HTTP (axum), stored in SQLite.
//!
//! Embed it with [`spawn`] (listen on port 0 for a free port), fill it with [`seed_demo`], and make
//! enrolment codes and admin tokens with [`create_enrolment_code`] and [`create_admin_token`].
//!
//! It verifies eID signatures but never makes one: the synthetic cards (and the private keys behind
//! them) are the `kiosk-testcard` crate's, which trusts its demo CA here with [`add_trust_anchor`].

pub mod catalogue_file;
pub mod clock;
pub mod codes;
pub mod desk;
pub mod eid;
pub mod failpoint;
pub mod figures;
pub mod fleet;
pub mod http;
pub mod idempotency;
pub mod problem;
pub mod queue;
pub mod seed;
pub mod simulate;
pub mod slots;
pub mod store;

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use jiff::civil::Date;
use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp};
use tokio::net::TcpListener;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

pub use clock::Clock;
pub use http::kiosk_limits::KioskLimits;
pub use http::limiter::Limit;
use store::{SqliteStore, Store};

pub const DEFAULT_LISTEN: &str = "127.0.0.1:8080";
pub const TIMEZONE: &str = "Europe/Brussels";

#[derive(Debug, thiserror::Error)]
pub enum BackendError {
    #[error("storage: {0}")]
    Store(#[from] store::StoreError),
    #[error("cannot listen on {addr}: {source}")]
    Listen {
        addr: SocketAddr,
        source: std::io::Error,
    },
    #[error("server: {0}")]
    Io(#[from] std::io::Error),
    #[error("time zone {TIMEZONE}: {0}")]
    TimeZone(String),
    #[error("background task failed: {0}")]
    Task(String),
    #[error("cannot be a trust anchor: {0}")]
    Anchor(#[from] eid::EidError),
    #[error(
        "the database trusts the synthetic demo eID CA (trust anchor {label:?}), whose keys anyone can derive: start with --demo, or use a database that does not trust it"
    )]
    DemoAnchor { label: String },
    #[error("the demo catalogue file is broken: {0}")]
    DemoCatalogue(String),
}

pub type Result<T, E = BackendError> = std::result::Result<T, E>;

/// How to run the server.
#[derive(Debug, Clone)]
pub struct ServerConfig {
    /// SQLite file, created and migrated if needed.
    pub db_path: PathBuf,
    /// `127.0.0.1:0` picks a free port; [`RunningServer::addr`] tells which.
    pub listen: SocketAddr,
    /// How long a booking is held before it must be confirmed.
    pub hold: SignedDuration,
    /// The server's "now"; tests use [`Clock::manual`].
    pub clock: Clock,
    /// Call order and waiting-time estimate.
    pub queue: queue::QueueSettings,
    /// Desk console cookies and session expiry.
    pub desk: desk::DeskConfig,
    /// How long an unused enrolment code stays valid ([`ENROLMENT_CODE_VALID`] by default).
    pub enrolment_code_valid: SignedDuration,
    /// `Some`: personal data past this policy is purged at the start and every night at 03:00
    /// (the `serve` command). `None` (tests, the embedded demo): only on demand.
    pub retention: Option<store::RetentionPolicy>,
    /// A demo: the synthetic demo eID CA may be a trust anchor. Without it the server refuses
    /// to start while the database trusts it, and ignores it should it be added later.
    pub demo: bool,
    /// The folder of the eID CAs' revocation lists (DER CRLs): every authentication
    /// certificate is checked against them. `None`: no revocation check (`serve` allows that
    /// only with `--demo`).
    pub crl_dir: Option<PathBuf>,
    /// Per-kiosk rate limits ([`KioskLimits::default`]); [`KioskLimits::off`] for load benches.
    pub kiosk_limits: KioskLimits,
    /// The fleet alerts: thresholds, webhook, how often the rules run.
    pub fleet: fleet::FleetConfig,
}

/// An enrolment code not used within this time no longer enrols anything: a code written on a
/// note for the installer should not stay a way in for ever.
pub const ENROLMENT_CODE_VALID: SignedDuration = SignedDuration::from_hours(7 * 24);

impl ServerConfig {
    pub fn new(db_path: impl Into<PathBuf>, listen: SocketAddr) -> ServerConfig {
        ServerConfig {
            db_path: db_path.into(),
            listen,
            hold: SignedDuration::from_mins(10),
            clock: Clock::system(),
            queue: queue::QueueSettings::default(),
            desk: desk::DeskConfig::default(),
            enrolment_code_valid: ENROLMENT_CODE_VALID,
            retention: None,
            demo: false,
            crl_dir: None,
            kiosk_limits: KioskLimits::default(),
            fleet: fleet::FleetConfig::default(),
        }
    }
}

/// A server running on the caller's tokio runtime.
pub struct RunningServer {
    addr: SocketAddr,
    shutdown: Option<oneshot::Sender<()>>,
    task: JoinHandle<std::io::Result<()>>,
    /// The fleet alert rules; stopped with the server, so a stopped server raises nothing.
    fleet: JoinHandle<()>,
}

impl RunningServer {
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// `http://127.0.0.1:PORT` (no trailing slash).
    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Stops accepting, lets requests in flight finish, and waits for the server to end.
    pub async fn shutdown(mut self) -> Result<()> {
        self.fleet.abort();
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        (&mut self.task)
            .await
            .map_err(|e| BackendError::Task(e.to_string()))??;
        Ok(())
    }
}

fn brussels() -> Result<TimeZone> {
    TimeZone::get(TIMEZONE).map_err(|e| BackendError::TimeZone(e.to_string()))
}

async fn open_store(path: PathBuf, settings: queue::QueueSettings) -> Result<Arc<SqliteStore>> {
    let store = tokio::task::spawn_blocking(move || {
        SqliteStore::open(&path).map(|s| s.with_queue_settings(settings))
    })
    .await
    .map_err(|e| BackendError::Task(e.to_string()))??;
    Ok(Arc::new(store))
}

/// Opens the database, binds the address and serves in a background task.
pub async fn spawn(config: ServerConfig) -> Result<RunningServer> {
    let store = open_store(config.db_path.clone(), config.queue).await?;
    if !config.demo {
        refuse_demo_anchors(Arc::clone(&store)).await?;
    }
    let mut state = http::AppState::new(store, config.clock.clone(), brussels()?, config.hold);
    state.eid = Arc::new(http::EidSettings {
        demo: config.demo,
        crls: config.crl_dir.clone().map(eid::revocation::CrlFolder::new),
    });
    state.desk = config.desk;
    state.kiosk_limits = Arc::new(http::kiosk_limits::KioskLimiters::new(config.kiosk_limits));
    state.enrolment_code_valid = config.enrolment_code_valid;
    if let Some(policy) = config.retention {
        tokio::spawn(purge_every_night(
            Arc::clone(&state.store),
            config.clock.clone(),
            policy,
        ));
    }
    state.fleet = Arc::new(config.fleet.clone());
    let fleet = tokio::spawn(fleet::watch::watch(
        Arc::clone(&state.store),
        config.clock.clone(),
        config.fleet,
    ));
    let live = Arc::clone(&state.live);
    let listener =
        TcpListener::bind(config.listen)
            .await
            .map_err(|source| BackendError::Listen {
                addr: config.listen,
                source,
            })?;
    let addr = listener.local_addr()?;
    let (tx, rx) = oneshot::channel::<()>();
    let app = http::router(state);
    let task = tokio::spawn(async move {
        axum::serve(listener, app)
            .with_graceful_shutdown(async move {
                let _ = rx.await;
                // Live streams (desks, displays) never end by themselves: end them, so the
                // graceful shutdown does not wait for them forever.
                live.stop();
            })
            .await
    });
    tracing::info!(%addr, "kiosk backend listening");
    Ok(RunningServer {
        addr,
        shutdown: Some(tx),
        task,
        fleet,
    })
}

/// Fails when a trust anchor is the synthetic demo CA: a production backend must not trust it.
async fn refuse_demo_anchors(store: Arc<SqliteStore>) -> Result<()> {
    let anchors = tokio::task::spawn_blocking(move || store.labelled_trust_anchors())
        .await
        .map_err(|e| BackendError::Task(e.to_string()))??;
    match anchors
        .into_iter()
        .find(|(_, der)| eid::demo_anchor::is_synthetic(der))
    {
        Some((label, _)) => Err(BackendError::DemoAnchor { label }),
        None => Ok(()),
    }
}

/// Purges now, then every night at 03:00 in Brussels, logging what it removed (counts only).
async fn purge_every_night(store: Arc<dyn Store>, clock: Clock, policy: store::RetentionPolicy) {
    loop {
        let now = clock.now();
        let store_now = Arc::clone(&store);
        match tokio::task::spawn_blocking(move || store_now.purge(now, &policy)).await {
            Ok(Ok(counts)) => tracing::info!(
                contacts = counts.contacts,
                events = counts.events,
                issuances = counts.issuances,
                heartbeats = counts.heartbeats,
                "personal data purged"
            ),
            Ok(Err(error)) => tracing::error!(%error, "purge failed"),
            Err(error) => tracing::error!(%error, "purge stopped"),
        }
        let wait = brussels()
            .ok()
            .and_then(|tz| {
                let local = now.to_zoned_datetime(tz);
                let three = local.with().hour(3).minute(0).second(0).build().ok()?;
                let next = if three > local {
                    three
                } else {
                    three.tomorrow().ok()?
                };
                next.timestamp().duration_since(now).try_into().ok()
            })
            .unwrap_or(std::time::Duration::from_secs(24 * 3600));
        tokio::time::sleep(wait).await;
    }
}

/// Purges the personal data `policy` no longer allows to keep (the `purge` command). Blocking.
pub fn purge(db_path: &Path, policy: &store::RetentionPolicy) -> Result<store::PurgeCounts> {
    Ok(SqliteStore::open(db_path)?.purge(Timestamp::now(), policy)?)
}

/// Serves until Ctrl-C or SIGTERM, then shuts down gracefully (the `serve` command).
pub async fn serve(config: ServerConfig) -> Result<()> {
    // The signals are caught from before the server says it listens: a SIGTERM that came between
    // that line and the first wait for it (`systemctl stop` right after a start) would otherwise
    // end the process by the signal's default action, not with a clean exit.
    let stop = shutdown_signal()?;
    let server = spawn(config).await?;
    stop.await;
    tracing::info!("shutting down");
    server.shutdown().await
}

/// Registers for Ctrl-C and SIGTERM now; the future ends at the first of them.
fn shutdown_signal() -> Result<impl std::future::Future<Output = ()>> {
    #[cfg(unix)]
    let mut term = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())?;
    #[cfg(unix)]
    let mut interrupt = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::interrupt())?;
    Ok(async move {
        #[cfg(unix)]
        tokio::select! {
            _ = term.recv() => {},
            _ = interrupt.recv() => {},
        }
        #[cfg(not(unix))]
        let _ = tokio::signal::ctrl_c().await;
    })
}

/// What `seed --demo` wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeedSummary {
    pub locations: usize,
    pub products: usize,
    pub households: usize,
    pub residents: usize,
    pub bookings_generated: usize,
}

/// Replaces the database's reference data with the demo municipality as of today (Brussels).
/// Blocking: call it before starting the runtime or through `spawn_blocking`. It trusts no eID CA:
/// `kiosk_testcard::seed_demo` also trusts the demo card's.
pub fn seed_demo(db_path: &Path, seed: u64) -> Result<SeedSummary> {
    let tz = brussels()?;
    seed_demo_on(db_path, seed, Timestamp::now().to_zoned_datetime(tz).date())
}

/// [`seed_demo`] as if today were `today`: the same seed and day give the same municipality.
pub fn seed_demo_on(db_path: &Path, seed: u64, today: Date) -> Result<SeedSummary> {
    let tz = brussels()?;
    let data = seed::try_generate(seed, today, &tz).map_err(|problems| {
        BackendError::DemoCatalogue(
            problems
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("; "),
        )
    })?;
    let store = SqliteStore::open(db_path)?;
    store.load_reference_data(&data, seed::now_for(today, &tz))?;
    Ok(SeedSummary {
        locations: data.locations.len(),
        products: data.products.len(),
        households: data.households.len(),
        residents: data.residents.len(),
        bookings_generated: data.bookings.len(),
    })
}

/// Plays `options.days` simulated days up to yesterday into the database (the `simulate`
/// command): bookings, check-ins, walk-ins, desks, certificates and heartbeats through the real
/// store. Blocking. The database must have been seeded (`seed --demo`).
pub fn simulate(db_path: &Path, options: &simulate::SimulateOptions) -> Result<simulate::Tally> {
    let tz = brussels()?;
    let store = SqliteStore::open(db_path)?;
    Ok(simulate::run(&store, &tz, options)?)
}

/// A single-use enrolment code for a kiosk at `location_id` (only its hash is stored). Blocking.
pub fn create_enrolment_code(db_path: &Path, location_id: &str) -> Result<String> {
    create_enrolment_code_at(db_path, location_id, Timestamp::now())
}

/// [`create_enrolment_code`] made at `now` by the backend's clock (a server on a manual clock,
/// in tests): the code's validity counts from there. Blocking.
pub fn create_enrolment_code_at(
    db_path: &Path,
    location_id: &str,
    now: Timestamp,
) -> Result<String> {
    let store = SqliteStore::open(db_path)?;
    let code = codes::short_code();
    store.add_enrolment_code(location_id, &codes::sha256_hex(code.as_bytes()), now)?;
    Ok(code)
}

/// Stores `der` as the trust anchor `label` (replacing one of that label), once it is known to be
/// a CA certificate with a key the eID checks support; answers its subject. Blocking.
pub fn add_trust_anchor(db_path: &Path, label: &str, der: &[u8]) -> Result<String> {
    let parsed = eid::x509::check_anchor(der)?;
    let store = SqliteStore::open(db_path)?;
    store.set_trust_anchor(label, der, Timestamp::now())?;
    Ok(parsed.tbs_certificate.subject.to_string())
}

/// A new admin token (only its hash is stored). Blocking.
pub fn create_admin_token(db_path: &Path) -> Result<String> {
    let store = SqliteStore::open(db_path)?;
    let token = codes::token("ka");
    store.add_admin_token(&codes::sha256_hex(token.as_bytes()), Timestamp::now())?;
    Ok(token)
}

/// Ends kiosk `kiosk_id`'s token at once (its next request gets 401); `false` when the backend
/// knows no such kiosk. Blocking.
pub fn revoke_kiosk(db_path: &Path, kiosk_id: uuid::Uuid) -> Result<bool> {
    Ok(SqliteStore::open(db_path)?.revoke_kiosk(kiosk_id)?)
}

/// Ends admin token `token` at once; `false` when it was not one. Blocking.
pub fn revoke_admin_token(db_path: &Path, token: &str) -> Result<bool> {
    let hash = codes::sha256_hex(token.trim().as_bytes());
    Ok(SqliteStore::open(db_path)?.revoke_admin_token(&hash)?)
}

/// A staff role of the desk console.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StaffRole {
    Clerk,
    Admin,
}

impl StaffRole {
    pub fn as_str(self) -> &'static str {
        match self {
            StaffRole::Clerk => "clerk",
            StaffRole::Admin => "admin",
        }
    }
}

/// Adds a staff account with an argon2id hash of `password`. Blocking (hashing takes a moment).
pub fn add_staff(db_path: &Path, login: &str, role: StaffRole, password: &str) -> Result<()> {
    let login = login.trim();
    if login.is_empty() || login.chars().count() > 64 || login.chars().any(char::is_whitespace) {
        return Err(BackendError::Store(store::StoreError::Invalid(
            "a login is 1 to 64 characters without spaces".into(),
        )));
    }
    let hash = desk::password::hash(password)
        .map_err(|e| BackendError::Store(store::StoreError::Invalid(e.to_string())))?;
    let store = SqliteStore::open(db_path)?;
    store.add_staff(login, &hash, role.as_str(), Timestamp::now())?;
    Ok(())
}

/// Every staff account: (login, role, disabled). Blocking.
pub fn list_staff(db_path: &Path) -> Result<Vec<(String, String, bool)>> {
    let store = SqliteStore::open(db_path)?;
    Ok(store
        .staff()?
        .into_iter()
        .map(|a| (a.login, a.role, a.disabled))
        .collect())
}

/// Disables an account and ends its sessions. Blocking.
pub fn disable_staff(db_path: &Path, login: &str) -> Result<()> {
    let store = SqliteStore::open(db_path)?;
    store.disable_staff(login)?;
    Ok(())
}
