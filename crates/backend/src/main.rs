//! `kiosk-backend`: serve, seed, enrol, admin-token, trust-anchor. The demo card is
//! `kiosk-testcard`'s (a crate apart, so that this binary makes and holds no private key).

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use anyhow::Context;
use clap::{Parser, Subcommand};
use kiosk_backend::{
    ServerConfig, add_trust_anchor, create_admin_token, create_enrolment_code, seed_demo,
};

#[derive(Parser)]
#[command(
    name = "kiosk-backend",
    version,
    about = "Reference central backend for the town-hall kiosk"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the API until Ctrl-C or SIGTERM.
    Serve {
        #[arg(long)]
        db: PathBuf,
        #[arg(long, default_value = kiosk_backend::DEFAULT_LISTEN)]
        listen: SocketAddr,
        /// Mark the desk console's cookies Secure: set this when served over HTTPS (e.g. behind
        /// a TLS proxy).
        #[arg(long)]
        secure_cookies: bool,
        /// How the desks' call order mixes appointments and walk-ins.
        #[arg(long, value_enum, default_value_t = kiosk_backend::queue::CallOrder::AppointmentsFirst)]
        call_order: kiosk_backend::queue::CallOrder,
        /// Minutes before a checked-in appointment's time from which it goes before walk-ins.
        #[arg(long, default_value_t = 5)]
        appointment_lead_min: i64,
        /// Service time in minutes assumed for a queue without Start -> Done history.
        #[arg(long, default_value_t = 10)]
        default_service_min: i64,
        /// Days an unused enrolment code stays valid.
        #[arg(long, default_value_t = 7)]
        enrolment_code_days: i64,
        #[command(flatten)]
        retention: Retention,
        #[command(flatten)]
        limits: KioskRateLimits,
        #[command(flatten)]
        alerts: FleetAlerts,
        /// The folder of the eID CAs' revocation lists (DER CRLs, kept fresh by a timer of
        /// IT's): a card whose authentication certificate is revoked, or that no current list
        /// covers, is refused. Required unless --demo.
        #[arg(long)]
        crl_dir: Option<PathBuf>,
        /// A demo or test server: the synthetic demo eID CA may be a trust anchor, and
        /// revocation is not checked without --crl-dir. Without it the server refuses to start
        /// while the database trusts the demo CA, whose keys anyone can derive.
        #[arg(long)]
        demo: bool,
    },
    /// Remove the personal data the retention policy no longer allows to keep (`serve` does
    /// it by itself every night at 03:00); prints what it removed, as counts.
    Purge {
        #[arg(long)]
        db: PathBuf,
        #[command(flatten)]
        retention: Retention,
    },
    /// Staff accounts of the desk console.
    Staff {
        #[command(subcommand)]
        action: StaffAction,
    },
    /// Fill the database with a synthetic demo municipality.
    Seed {
        #[arg(long)]
        db: PathBuf,
        /// Required: seeding replaces reference data, register and bookings.
        #[arg(long)]
        demo: bool,
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// Play N days up to yesterday of a synthetic town hall (bookings, kiosks, desks,
    /// certificates) into a seeded database, for the figures page (`/admin/figures`).
    Simulate {
        #[arg(long)]
        db: PathBuf,
        #[arg(long, default_value_t = 30)]
        days: u32,
        /// The same seed, days and database give the same figures.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Residents the volumes follow (default: the register's).
        #[arg(long)]
        residents: Option<usize>,
    },
    /// Print a single-use enrolment code for a new kiosk at a location.
    Enrol {
        #[arg(long)]
        db: PathBuf,
        #[arg(long)]
        location: String,
    },
    /// Print a new admin token (`--db DB`), or end one (`revoke --db DB --token T`).
    #[command(args_conflicts_with_subcommands = true)]
    AdminToken {
        #[arg(long, required = true)]
        db: Option<PathBuf>,
        #[command(subcommand)]
        action: Option<AdminTokenAction>,
    },
    /// Enrolled kiosks.
    Kiosk {
        #[command(subcommand)]
        action: KioskAction,
    },
    /// Configure the CA certificates eID cards must chain to (table `trust_anchors`).
    TrustAnchor {
        #[command(subcommand)]
        action: TrustAnchorAction,
    },
    /// The municipality's catalogue (locations, hours, closures, desks, queue services,
    /// products, certificate types) as a TOML file: packaging/catalogue.example.toml.
    Catalogue {
        #[command(subcommand)]
        action: CatalogueAction,
    },
}

#[derive(Subcommand)]
enum CatalogueAction {
    /// Check FILE and replace the catalogue with it in one transaction; a file with any
    /// problem changes nothing, and every problem is printed with its line.
    Import {
        #[arg(long)]
        db: PathBuf,
        /// Check the file against the database and change nothing.
        #[arg(long)]
        check: bool,
        file: PathBuf,
    },
    /// Write the current catalogue as a file (to stdout without FILE).
    Export {
        #[arg(long)]
        db: PathBuf,
        file: Option<PathBuf>,
    },
}

#[derive(Subcommand)]
enum StaffAction {
    /// Add an account; the password is asked twice on a terminal, or read from stdin.
    Add {
        #[arg(long)]
        db: PathBuf,
        #[arg(long)]
        login: String,
        #[arg(long, value_enum)]
        role: Role,
    },
    /// List the accounts.
    List {
        #[arg(long)]
        db: PathBuf,
    },
    /// Disable an account and end its sessions.
    Disable {
        #[arg(long)]
        db: PathBuf,
        #[arg(long)]
        login: String,
    },
}

/// The fleet alerts (README: "Fleet view"): after how many minutes a kiosk's condition raises
/// an alert, and where alerts are posted.
#[derive(Debug, clap::Args)]
struct FleetAlerts {
    /// Minutes without a heartbeat before a kiosk is reported silent.
    #[arg(long, default_value_t = 10)]
    alert_silent_min: i64,
    /// Minutes a kiosk's printer may be out of paper before it is reported.
    #[arg(long, default_value_t = 5)]
    alert_paper_out_min: i64,
    /// Minutes a kiosk's outbox may hold an event before it is reported failing to sync.
    #[arg(long, default_value_t = 15)]
    alert_sync_failing_min: i64,
    /// Where alerts are posted as JSON (raised and resolved); without it they are only shown
    /// on the fleet page.
    #[arg(long)]
    alert_webhook: Option<String>,
}

impl FleetAlerts {
    fn config(&self) -> anyhow::Result<kiosk_backend::fleet::FleetConfig> {
        for (flag, value) in [
            ("--alert-silent-min", self.alert_silent_min),
            ("--alert-paper-out-min", self.alert_paper_out_min),
            ("--alert-sync-failing-min", self.alert_sync_failing_min),
        ] {
            anyhow::ensure!(
                (1..=1440).contains(&value),
                "{flag} must be between 1 and 1440"
            );
        }
        if let Some(url) = &self.alert_webhook {
            anyhow::ensure!(
                url.starts_with("http://") || url.starts_with("https://"),
                "--alert-webhook must be an http:// or https:// URL"
            );
        }
        Ok(kiosk_backend::fleet::FleetConfig {
            silent_after: jiff::SignedDuration::from_mins(self.alert_silent_min),
            paper_out_after: jiff::SignedDuration::from_mins(self.alert_paper_out_min),
            sync_failing_after: jiff::SignedDuration::from_mins(self.alert_sync_failing_min),
            webhook: self.alert_webhook.clone(),
            ..kiosk_backend::fleet::FleetConfig::default()
        })
    }
}

/// The retention policy, in days (README: "Retention").
#[derive(clap::Args, Clone, Copy)]
struct Retention {
    /// Days after an appointment that its booking's name, phone and e-mail are kept.
    #[arg(long, default_value_t = 7)]
    contact_days: i64,
    /// Days a kiosk event's payload is kept.
    #[arg(long, default_value_t = 30)]
    event_days: i64,
    /// Days an issued certificate stays linked to its person (number, date, initials stay).
    #[arg(long, default_value_t = 30)]
    issuance_days: i64,
    /// Days of kiosk heartbeat history kept for the availability figures.
    #[arg(long, default_value_t = 400)]
    heartbeat_days: i64,
}

impl Retention {
    fn policy(self) -> anyhow::Result<kiosk_backend::store::RetentionPolicy> {
        for (name, days) in [
            ("--contact-days", self.contact_days),
            ("--event-days", self.event_days),
            ("--issuance-days", self.issuance_days),
            ("--heartbeat-days", self.heartbeat_days),
        ] {
            anyhow::ensure!(
                (1..=3650).contains(&days),
                "{name} must be between 1 and 3650"
            );
        }
        Ok(kiosk_backend::store::RetentionPolicy {
            contact_days: self.contact_days,
            event_days: self.event_days,
            issuance_days: self.issuance_days,
            heartbeat_days: self.heartbeat_days,
        })
    }
}

/// Per-kiosk rate limits (README: "Abuse limits"); 0 turns one off.
#[derive(clap::Args, Clone, Copy)]
struct KioskRateLimits {
    /// Bookings one kiosk may hold in 10 minutes.
    #[arg(long, default_value_t = 30)]
    kiosk_holds_per_10_min: u32,
    /// eID challenges one kiosk may ask for in 10 minutes.
    #[arg(long, default_value_t = 30)]
    kiosk_challenges_per_10_min: u32,
    /// Blocks of offline ticket numbers one kiosk may reserve in an hour.
    #[arg(long, default_value_t = 20)]
    kiosk_ticket_blocks_per_hour: u32,
    /// Walk-in numbers one kiosk may give in 10 minutes.
    #[arg(long, default_value_t = 120)]
    kiosk_walk_ins_per_10_min: u32,
    /// No per-kiosk rate limits at all: only for load benches, which drive one kiosk's token
    /// from many clients.
    #[arg(long)]
    no_kiosk_limits: bool,
}

impl KioskRateLimits {
    fn limits(self) -> kiosk_backend::KioskLimits {
        if self.no_kiosk_limits {
            return kiosk_backend::KioskLimits::off();
        }
        let limit =
            |max: u32, seconds: i64| (max > 0).then(|| kiosk_backend::Limit::new(max, seconds));
        kiosk_backend::KioskLimits {
            holds: limit(self.kiosk_holds_per_10_min, 600),
            challenges: limit(self.kiosk_challenges_per_10_min, 600),
            ticket_blocks: limit(self.kiosk_ticket_blocks_per_hour, 3_600),
            walk_ins: limit(self.kiosk_walk_ins_per_10_min, 600),
        }
    }
}

#[derive(Subcommand)]
enum AdminTokenAction {
    /// End an admin token at once: its next request gets 401.
    Revoke {
        #[arg(long)]
        db: PathBuf,
        /// The token itself (only its hash is stored, so it cannot be listed).
        #[arg(long)]
        token: String,
    },
}

#[derive(Subcommand)]
enum KioskAction {
    /// End a kiosk's token at once (a stolen or scrapped kiosk PC): its next request gets 401.
    /// Enrol it again with a new enrolment code to bring it back.
    Revoke {
        #[arg(long)]
        db: PathBuf,
        /// The kiosk's id, as the admin's kiosk list shows it.
        id: uuid::Uuid,
    },
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum Role {
    Clerk,
    Admin,
}

#[derive(Subcommand)]
enum TrustAnchorAction {
    /// Add (or replace, by label) a root CA certificate, DER or PEM, e.g. a Belgium Root CA.
    Add {
        #[arg(long)]
        db: PathBuf,
        /// A name for the anchor; adding the same label again replaces it.
        #[arg(long)]
        label: String,
        /// The certificate file (DER, or PEM `-----BEGIN CERTIFICATE-----`).
        #[arg(long)]
        cert: PathBuf,
    },
}

fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "info".into()),
        )
        .with_writer(std::io::stderr)
        // Colour codes only on a terminal: journald and log files get plain, greppable lines.
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .init();
    match Cli::parse().command {
        Command::Serve {
            db,
            listen,
            secure_cookies,
            call_order,
            appointment_lead_min,
            default_service_min,
            enrolment_code_days,
            retention,
            limits,
            alerts,
            crl_dir,
            demo,
        } => {
            anyhow::ensure!(
                demo || crl_dir.is_some(),
                "pass --crl-dir DIR (the eID CAs' revocation lists), or --demo for a demo server"
            );
            anyhow::ensure!(
                (1..=90).contains(&enrolment_code_days),
                "--enrolment-code-days must be between 1 and 90"
            );
            anyhow::ensure!(
                (0..=240).contains(&appointment_lead_min),
                "--appointment-lead-min must be between 0 and 240"
            );
            anyhow::ensure!(
                (1..=240).contains(&default_service_min),
                "--default-service-min must be between 1 and 240"
            );
            let runtime = tokio::runtime::Runtime::new().context("starting the runtime")?;
            let mut config = ServerConfig::new(db, listen);
            config.desk.secure_cookies = secure_cookies;
            config.enrolment_code_valid =
                jiff::SignedDuration::from_hours(enrolment_code_days * 24);
            config.retention = Some(retention.policy()?);
            config.kiosk_limits = limits.limits();
            config.fleet = alerts.config()?;
            config.demo = demo;
            config.crl_dir = crl_dir;
            config.queue.call_order = call_order;
            config.queue.appointment_lead = jiff::SignedDuration::from_mins(appointment_lead_min);
            config.queue.default_service = jiff::SignedDuration::from_mins(default_service_min);
            if let Some(clock) = kiosk_backend::failpoint::test_clock() {
                config.clock = clock;
            }
            runtime.block_on(kiosk_backend::serve(config))?;
        }
        Command::Seed { db, demo, seed } => {
            anyhow::ensure!(demo, "only `seed --demo` exists: pass --demo");
            let summary =
                seed_demo(&db, seed).with_context(|| format!("seeding {}", db.display()))?;
            println!(
                "seeded {}: {} locations, {} products, {} households, {} residents, {} bookings",
                db.display(),
                summary.locations,
                summary.products,
                summary.households,
                summary.residents,
                summary.bookings_generated
            );
        }
        Command::Simulate {
            db,
            days,
            seed,
            residents,
        } => {
            anyhow::ensure!(
                (1..=800).contains(&days),
                "--days must be between 1 and 800"
            );
            let tz = jiff::tz::TimeZone::get("Europe/Brussels")?;
            let today = jiff::Timestamp::now().to_zoned_datetime(tz).date();
            let options = kiosk_backend::simulate::SimulateOptions {
                days,
                seed,
                today,
                residents,
            };
            let t = kiosk_backend::simulate(&db, &options)?;
            println!(
                "simulated {days} days: {} bookings, {} check-ins, {} walk-ins, {} desk actions, {} certificates, {} heartbeats ({} refused by the store)",
                t.bookings,
                t.check_ins,
                t.walk_ins,
                t.desk_actions,
                t.certificates,
                t.heartbeats,
                t.refused
            );
        }
        Command::Enrol { db, location } => {
            println!("{}", create_enrolment_code(&db, &location)?);
        }
        Command::Staff { action } => staff(action)?,
        Command::AdminToken {
            action: Some(AdminTokenAction::Revoke { db, token }),
            ..
        } => {
            anyhow::ensure!(
                kiosk_backend::revoke_admin_token(&db, &token)?,
                "no such admin token"
            );
            println!("revoked");
        }
        Command::AdminToken { db, action: None } => {
            let db = db.context("--db is required")?;
            println!("{}", create_admin_token(&db)?);
        }
        Command::Purge { db, retention } => {
            let counts = kiosk_backend::purge(&db, &retention.policy()?)?;
            println!(
                "purged: {} bookings' contact data, {} event payloads, {} certificates' links to a person, {} heartbeat steps",
                counts.contacts, counts.events, counts.issuances, counts.heartbeats
            );
        }
        Command::Kiosk {
            action: KioskAction::Revoke { db, id },
        } => {
            anyhow::ensure!(
                kiosk_backend::revoke_kiosk(&db, id)?,
                "no kiosk with id {id}"
            );
            println!("revoked");
        }
        Command::TrustAnchor {
            action: TrustAnchorAction::Add { db, label, cert },
        } => trust_anchor_add(&db, &label, &cert)?,
        Command::Catalogue { action } => catalogue(action)?,
    }
    Ok(())
}

fn catalogue(action: CatalogueAction) -> anyhow::Result<()> {
    use kiosk_backend::catalogue_file::{ImportError, export, import};
    match action {
        CatalogueAction::Import { db, check, file } => {
            let source = std::fs::read_to_string(&file)
                .with_context(|| format!("reading {}", file.display()))?;
            let now = kiosk_backend::failpoint::test_clock()
                .map_or_else(jiff::Timestamp::now, |clock| clock.now());
            match import(&db, &source, now, check) {
                Ok(done) => {
                    let verb = if check {
                        "checked, not applied"
                    } else {
                        "imported"
                    };
                    println!(
                        "{} {verb}: {} locations, {} desks, {} queue services, {} products, {} certificate types, {} closures",
                        file.display(),
                        done.locations,
                        done.desks,
                        done.queue_services,
                        done.products,
                        done.certificate_types,
                        done.closures
                    );
                    if !check {
                        println!("kiosks pick up the new catalogue at their next heartbeat");
                    }
                }
                Err(ImportError::Refused(problems)) => {
                    for problem in &problems {
                        eprintln!("{}", problem.in_file(&file.display().to_string()));
                    }
                    anyhow::bail!(
                        "{} problem(s) in {}; nothing was changed",
                        problems.len(),
                        file.display()
                    );
                }
                Err(ImportError::Store(e)) => {
                    return Err(e).with_context(|| format!("importing into {}", db.display()));
                }
            }
        }
        CatalogueAction::Export { db, file } => {
            let text = export(&db)
                .with_context(|| format!("reading the catalogue of {}", db.display()))?;
            match file {
                None => print!("{text}"),
                Some(path) => write_whole(&path, &text)?,
            }
        }
    }
    Ok(())
}

/// Writes `text` to `path` through a temporary file in the same folder, so that a reader never
/// sees half a file.
fn write_whole(path: &Path, text: &str) -> anyhow::Result<()> {
    use std::io::Write;
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut tmp = tempfile_in(dir, path)?;
    tmp.1
        .write_all(text.as_bytes())
        .and_then(|()| tmp.1.sync_all())
        .with_context(|| format!("writing {}", tmp.0.display()))?;
    std::fs::rename(&tmp.0, path).with_context(|| format!("writing {}", path.display()))?;
    Ok(())
}

fn tempfile_in(dir: &Path, path: &Path) -> anyhow::Result<(PathBuf, std::fs::File)> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "catalogue".into());
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let file =
        std::fs::File::create(&tmp).with_context(|| format!("creating {}", tmp.display()))?;
    Ok((tmp, file))
}

fn staff(action: StaffAction) -> anyhow::Result<()> {
    match action {
        StaffAction::Add { db, login, role } => {
            let role = match role {
                Role::Clerk => kiosk_backend::StaffRole::Clerk,
                Role::Admin => kiosk_backend::StaffRole::Admin,
            };
            let password = read_new_password()?;
            kiosk_backend::add_staff(&db, &login, role, &password)
                .with_context(|| format!("adding {login}"))?;
            println!("staff account {login} ({}) added", role.as_str());
        }
        StaffAction::List { db } => {
            for (login, role, disabled) in kiosk_backend::list_staff(&db)? {
                let state = if disabled { "disabled" } else { "active" };
                println!("{login}\t{role}\t{state}");
            }
        }
        StaffAction::Disable { db, login } => {
            kiosk_backend::disable_staff(&db, &login)
                .with_context(|| format!("disabling {login}"))?;
            println!("staff account {login} disabled; its sessions ended");
        }
    }
    Ok(())
}

/// The new password: asked twice, without echo, on a terminal; otherwise the first line of stdin
/// (for scripts: `printf '%s\n' "$PW" | kiosk-backend staff add ...`).
fn read_new_password() -> anyhow::Result<String> {
    use std::io::{BufRead, IsTerminal};
    if std::io::stdin().is_terminal() {
        let first = prompt_hidden("Password: ")?;
        let second = prompt_hidden("Again: ")?;
        anyhow::ensure!(
            first == second,
            "the two passwords differ; nothing was added"
        );
        Ok(first)
    } else {
        let mut line = String::new();
        std::io::stdin()
            .lock()
            .read_line(&mut line)
            .context("reading the password from stdin")?;
        Ok(line.trim_end_matches(['\r', '\n']).to_owned())
    }
}

/// Reads a line from the terminal with echo off (`stty -echo`), restoring it afterwards.
fn prompt_hidden(prompt: &str) -> anyhow::Result<String> {
    use std::io::{BufRead, Write};
    eprint!("{prompt}");
    std::io::stderr().flush().ok();
    let stty = |arg: &str| {
        std::process::Command::new("stty")
            .arg(arg)
            .stdin(std::process::Stdio::inherit())
            .status()
    };
    let hidden = stty("-echo").is_ok_and(|s| s.success());
    let mut line = String::new();
    let read = std::io::stdin().lock().read_line(&mut line);
    if hidden {
        let _ = stty("echo");
    }
    eprintln!();
    read.context("reading the password")?;
    Ok(line.trim_end_matches(['\r', '\n']).to_owned())
}

/// Stores `cert_path`'s certificate (DER or PEM) as the trust anchor `label`.
fn trust_anchor_add(db: &Path, label: &str, cert_path: &Path) -> anyhow::Result<()> {
    use base64::Engine;
    let bytes =
        std::fs::read(cert_path).with_context(|| format!("reading {}", cert_path.display()))?;
    // PEM is base64 of the DER between the armour lines; anything else is taken as DER.
    let der = match std::str::from_utf8(&bytes) {
        Ok(text) if text.contains("-----BEGIN CERTIFICATE-----") => {
            let body: String = text
                .lines()
                .skip_while(|l| !l.starts_with("-----BEGIN CERTIFICATE-----"))
                .skip(1)
                .take_while(|l| !l.starts_with("-----END"))
                .map(str::trim)
                .collect();
            base64::engine::general_purpose::STANDARD
                .decode(body)
                .context("the PEM certificate is not base64")?
        }
        _ => bytes,
    };
    let subject = add_trust_anchor(db, label, &der).with_context(|| {
        format!(
            "{} as trust anchor in {}",
            cert_path.display(),
            db.display()
        )
    })?;
    println!("trust anchor {label}: {subject}");
    if kiosk_backend::eid::demo_anchor::is_synthetic(&der) {
        eprintln!(
            "this is a synthetic demo CA, whose keys anyone can derive: `serve` now starts only with --demo"
        );
    }
    Ok(())
}
