//! `kiosk-backend`: serve, seed, enrol, admin-token.

use std::net::SocketAddr;
use std::path::PathBuf;

use anyhow::Context;
use clap::{Parser, Subcommand};
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
            runtime.block_on(kiosk_backend::serve(ServerConfig::new(db, listen)))?;
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
    }
    Ok(())
}
