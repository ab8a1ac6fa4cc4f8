//! Command-line arguments: parsed raw by clap, acted on in `main`.

use std::path::PathBuf;

#[derive(Debug, clap::Parser)]
#[command(
    name = "kiosk",
    version,
    about = "Self-service kiosk for Belgian town halls: certificates, appointments, check-in.",
    after_help = "Without --config the kiosk reads ./kiosk.toml, then /etc/kiosk/kiosk.toml."
)]
pub struct Cli {
    /// The configuration file to run with.
    #[arg(long, value_name = "PATH")]
    pub config: Option<PathBuf>,

    /// Check a configuration file and exit: prints "ok" (exit 0) or every problem as
    /// PATH:LINE: KEY: reason (exit 2).
    #[arg(long, value_name = "PATH", conflicts_with = "config")]
    pub check_config: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Print a test ticket and a test document on the configured printers and report each
    /// printer's status: what an installer runs first.
    PrintTest {
        /// The configuration file naming the printers.
        #[arg(long, value_name = "PATH")]
        config: Option<PathBuf>,
    },
}
