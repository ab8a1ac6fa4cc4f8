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
        Command::Serve { db, listen } => {
            let runtime = tokio::runtime::Runtime::new().context("starting the runtime")?;
            let mut config = ServerConfig::new(db, listen);
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
        Command::AdminToken { db } => {
            println!("{}", create_admin_token(&db)?);
        }
        Command::TrustAnchor {
            action: TrustAnchorAction::Add { db, label, cert },
        } => trust_anchor_add(&db, &label, &cert)?,
    }
    Ok(())
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
    Ok(())
}
