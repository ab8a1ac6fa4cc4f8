//! `kiosk-backend`: serve, seed, enrol, admin-token, trust-anchor, virtual-card.

use std::net::{Ipv4Addr, SocketAddr};
use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::Context;
use clap::{Parser, Subcommand};
use kiosk_backend::testcard::applet::BeidApplet;
use kiosk_backend::testcard::{demo_card, vpcd};
use kiosk_backend::{ServerConfig, create_admin_token, create_enrolment_code, seed_demo};

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
        /// Minutes before a checked-in appointment's time from which it goes before walk-ins.
        #[arg(long, default_value_t = 5)]
        appointment_lead_min: i64,
        /// Service time in minutes assumed for a queue without Start -> Done history.
        #[arg(long, default_value_t = 10)]
        default_service_min: i64,
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
    /// Print a single-use enrolment code for a new kiosk at a location.
    Enrol {
        #[arg(long)]
        db: PathBuf,
        #[arg(long)]
        location: String,
    },
    /// Print a new admin token.
    AdminToken {
        #[arg(long)]
        db: PathBuf,
    },
    /// Configure the CA certificates eID cards must chain to (table `trust_anchors`).
    TrustAnchor {
        #[command(subcommand)]
        action: TrustAnchorAction,
    },
    /// Insert the demo card into vsmartcard's virtual reader (vpcd, via pcscd) until Ctrl-C.
    VirtualCard {
        /// The demo seed: a backend seeded with `seed --demo --seed N` accepts the card.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// The card's PIN, 4 to 12 digits.
        #[arg(long, default_value = "1234")]
        pin: String,
        /// vpcd's port on 127.0.0.1: 35963 is reader "Virtual PCD 00 00", 35964 "... 00 01".
        #[arg(long, default_value_t = vpcd::VPCD_PORT)]
        port: u16,
        /// Answer as a T=0 card: the signature through 61 xx and GET RESPONSE.
        #[arg(long)]
        t0: bool,
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
        .init();
    match Cli::parse().command {
        Command::Serve {
            db,
            listen,
            secure_cookies,
            appointment_lead_min,
            default_service_min,
        } => {
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
        Command::Enrol { db, location } => {
            println!("{}", create_enrolment_code(&db, &location)?);
        }
        Command::Staff { action } => staff(action)?,
        Command::AdminToken { db } => {
            println!("{}", create_admin_token(&db)?);
        }
        Command::TrustAnchor {
            action: TrustAnchorAction::Add { db, label, cert },
        } => add_trust_anchor(&db, &label, &cert)?,
        Command::VirtualCard {
            seed,
            pin,
            port,
            t0,
        } => virtual_card(seed, &pin, port, t0)?,
    }
    Ok(())
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

/// Stores `cert_path`'s certificate as the trust anchor `label`, once it is known to be a CA
/// certificate with a key the eID checks support.
fn add_trust_anchor(db: &Path, label: &str, cert_path: &Path) -> anyhow::Result<()> {
    use base64::Engine;
    use kiosk_backend::store::{SqliteStore, Store};
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
    let parsed = kiosk_backend::eid::x509::check_anchor(&der)
        .map_err(|e| anyhow::anyhow!("{} cannot be a trust anchor: {e}", cert_path.display()))?;
    let store = SqliteStore::open(db).with_context(|| format!("opening {}", db.display()))?;
    store.set_trust_anchor(label, &der, jiff::Timestamp::now())?;
    println!("trust anchor {label}: {}", parsed.tbs_certificate.subject);
    Ok(())
}

/// Serves the demo card until Ctrl-C, or until vpcd lets go of it (pcscd stopped).
fn virtual_card(seed: u64, pin: &str, port: u16, t0: bool) -> anyhow::Result<()> {
    let tz = jiff::tz::TimeZone::get(kiosk_backend::TIMEZONE)?;
    let today = jiff::Timestamp::now().to_zoned_datetime(tz).date();
    let (_, card) = demo_card(seed, today)?;
    let applet = BeidApplet::new(card, pin)?.with_t0(t0);
    let addr = SocketAddr::from((Ipv4Addr::LOCALHOST, port));
    let inserted = vpcd::insert(addr, applet)
        .with_context(|| format!("connecting to vpcd at {addr}: is pcscd running?"))?;
    // Which card it is stays unsaid: the holder's data is shown by the kiosk, not logged here.
    tracing::info!(%addr, seed, "demo card inserted; Ctrl-C removes it");
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .context("starting the runtime")?;
    let vpcd_left = runtime.block_on(async {
        let mut poll = tokio::time::interval(Duration::from_millis(500));
        loop {
            tokio::select! {
                _ = tokio::signal::ctrl_c() => return false,
                _ = poll.tick() => if !inserted.is_present() { return true },
            }
        }
    });
    let tries_left = inserted.remove().tries_left();
    anyhow::ensure!(!vpcd_left, "vpcd closed the connection");
    tracing::info!(tries_left, "demo card removed");
    Ok(())
}
