//! `kiosk-testcard`: the demo card in vsmartcard's virtual reader, and the demo CA's certificate.

use std::net::{Ipv4Addr, SocketAddr};
use std::time::Duration;

use anyhow::Context;
use clap::{Parser, Subcommand};
use kiosk_testcard::applet::BeidApplet;
use kiosk_testcard::{demo_18_ca_pem, demo_ca_pem, demo_card, demo_card_18, vpcd};

#[derive(Parser)]
#[command(
    name = "kiosk-testcard",
    version,
    about = "A synthetic Belgian eID card for demos and tests (never real keys)"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Insert the demo card into vsmartcard's virtual reader (vpcd, via pcscd) until Ctrl-C.
    VirtualCard {
        /// The demo seed: a backend seeded with `seed --demo --seed N` that trusts seed N's demo
        /// CA (`demo-ca --seed N`) accepts the card.
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
        /// The card's applet: "1.8" (ECDSA P-384, T=0, raw r||s; its CA's root is the demo
        /// anchor "demo-applet-1.8") or "demo" (the P-256 demo CA of `demo-ca`).
        #[arg(long, default_value = "demo", value_parser = ["demo", "1.8"])]
        applet: String,
    },
    /// Print the demo CA's root certificate (PEM), for `kiosk-backend trust-anchor add`.
    DemoCa {
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// "1.8": the demo applet 1.8 CA's root (for `virtual-card --applet 1.8`).
        #[arg(long, default_value = "demo", value_parser = ["demo", "1.8"])]
        applet: String,
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
        Command::VirtualCard {
            seed,
            pin,
            port,
            t0,
            applet,
        } => virtual_card(seed, &pin, port, t0, applet == "1.8")?,
        Command::DemoCa { seed, applet } if applet == "1.8" => {
            print!("{}", demo_18_ca_pem(seed)?);
        }
        Command::DemoCa { seed, .. } => print!("{}", demo_ca_pem(seed)?),
    }
    Ok(())
}

/// Serves the demo card until Ctrl-C, or until vpcd lets go of it (pcscd stopped).
fn virtual_card(seed: u64, pin: &str, port: u16, t0: bool, applet_18: bool) -> anyhow::Result<()> {
    let tz = jiff::tz::TimeZone::get(kiosk_backend::TIMEZONE)?;
    let today = jiff::Timestamp::now().to_zoned_datetime(tz).date();
    let (_, card) = if applet_18 {
        demo_card_18(seed, today)?
    } else {
        demo_card(seed, today)?
    };
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
