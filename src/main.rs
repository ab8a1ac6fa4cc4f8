//! `kiosk`: the town-hall self-service kiosk. Reads and checks its configuration before the
//! window opens; a bad configuration opens a fault screen for staff instead of crashing.

mod cli;
mod print_test;

use std::process::ExitCode;
use std::sync::Arc;

use clap::Parser;
use iced::{Size, window};

use kiosk_core::clock::SystemClock;
use kiosk_core::config::{self, ConfigError};
use kiosk_core::i18n::I18n;

use std::path::Path;

use kiosk::app::{App, Services};
use kiosk::screen::{fault, staff};
use kiosk::widget::picture::Logo;
use kiosk::{fonts, theme};

/// `--check-config` found problems.
const EXIT_BAD_CONFIG: u8 = 2;

fn main() -> ExitCode {
    init_logging();
    let cli = cli::Cli::parse();
    if let Some(path) = cli.check_config {
        return check_config(&path);
    }
    if let Some(cli::Command::PrintTest { config: path }) = cli.command {
        let path = path.or(cli.config).unwrap_or_else(config::default_path);
        return match config::load(&path) {
            Ok(loaded) => print_test::run(&loaded.config).unwrap_or_else(|error| {
                eprintln!("print-test: {error:#}");
                ExitCode::FAILURE
            }),
            Err(ConfigError { problems }) => {
                problems.iter().for_each(|problem| println!("{problem}"));
                ExitCode::from(EXIT_BAD_CONFIG)
            }
        };
    }
    match run(cli.config.unwrap_or_else(config::default_path)) {
        // 0, or the staff screen's restart code for the service manager (see `staff::restart`).
        Ok(()) => ExitCode::from(staff::restart::exit_code()),
        Err(error) => {
            tracing::error!("{error:#}");
            ExitCode::FAILURE
        }
    }
}

/// Logs go to stderr, where journald picks them up. They never carry personal data.
fn init_logging() {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .init();
}

fn check_config(path: &std::path::Path) -> ExitCode {
    match config::load(path) {
        Ok(loaded) => {
            for warning in &loaded.warnings {
                eprintln!("{warning} (warning)");
            }
            let refused = kiosk::demo_build::refusals(&loaded.config);
            if !refused.is_empty() {
                for reason in refused {
                    println!("{}: {reason}", path.display());
                }
                return ExitCode::from(EXIT_BAD_CONFIG);
            }
            println!("ok");
            ExitCode::SUCCESS
        }
        Err(ConfigError { problems }) => {
            for problem in &problems {
                println!("{problem}");
            }
            ExitCode::from(EXIT_BAD_CONFIG)
        }
    }
}

fn run(config_path: std::path::PathBuf) -> anyhow::Result<()> {
    let i18n = Arc::new(I18n::embedded()?);
    let (app_state, window) = boot(&config_path);

    let boot_i18n = Arc::clone(&i18n);
    let mut application = iced::application(
        move || match &app_state {
            Boot::Kiosk {
                config,
                clock,
                logo,
                services,
            } => App::kiosk(
                Arc::clone(config),
                Arc::clone(&boot_i18n),
                clock.clone(),
                logo.clone(),
                services.clone(),
            ),
            Boot::Fault(state) => App::fault(Arc::clone(&boot_i18n), state.clone()),
        },
        App::update,
        App::view,
    )
    .title(App::title)
    .theme(App::theme)
    .subscription(App::subscription)
    .scale_factor(App::scale_factor)
    .default_font(theme::REGULAR)
    .window(window);
    for font in fonts::ALL {
        application = application.font(font);
    }
    application.run()?;
    Ok(())
}

/// Everything the UI starts with: read and opened before the window, so that a problem becomes
/// the fault screen instead of a crash in front of a resident.
fn boot(config_path: &Path) -> (Boot, window::Settings) {
    let fault = |details: Vec<String>, window| {
        let state = fault::State {
            file: Some(config_path.to_path_buf()),
            details,
        };
        (Boot::Fault(state), window)
    };
    let portrait = window::Settings {
        size: Size::new(1080.0, 1920.0),
        ..window::Settings::default()
    };
    let loaded = match config::load(config_path) {
        Ok(loaded) => loaded,
        Err(error) => {
            error
                .problems
                .iter()
                .for_each(|problem| tracing::error!("{problem}"));
            return fault(
                error.problems.iter().map(ToString::to_string).collect(),
                portrait,
            );
        }
    };
    loaded
        .warnings
        .iter()
        .for_each(|warning| tracing::warn!("{warning}"));
    let config = Arc::new(loaded.config);
    tracing::info!(path = %config_path.display(), kiosk = %config.kiosk.name, "configuration loaded");
    let window = window_settings(&config.display);
    let clock = Arc::new(SystemClock::new(config.kiosk.timezone.clone()));
    match kiosk::services::open(&config, clock.clone()) {
        Ok(services) => {
            let logo = config.kiosk.logo.as_deref().and_then(Logo::load);
            (
                Boot::Kiosk {
                    config,
                    clock,
                    logo,
                    services,
                },
                window,
            )
        }
        Err(error) => {
            tracing::error!("cannot start: {error:#}");
            fault(vec![format!("{error:#}")], window)
        }
    }
}

enum Boot {
    Kiosk {
        services: Services,
        config: Arc<config::Config>,
        clock: Arc<SystemClock>,
        logo: Option<Logo>,
    },
    Fault(fault::State),
}

fn window_settings(display: &config::DisplaySettings) -> window::Settings {
    window::Settings {
        size: Size::new(display.width as f32, display.height as f32),
        fullscreen: display.fullscreen,
        // A kiosk window has no title bar to drag or close.
        decorations: !display.fullscreen,
        // Must stay resizable: a non-resizable window cannot go full screen on X11.
        resizable: true,
        ..window::Settings::default()
    }
}
