//! Whether this build has the embedded demo (cargo feature `demo`, on for `cargo run`): the
//! reference backend inside the kiosk (`[backend] url = "embedded"`) and the simulated eID card
//! (`[card_reader] mode = "demo"`). A production kiosk is built with `--no-default-features`, so
//! that it carries no server (axum, utoipa) and no test card with its private keys; a config that
//! asks it for either gets these sentences, on the fault screen and from `--check-config`.

use kiosk_core::config::{BackendTarget, CardReaderMode, Config};

/// True when the kiosk was built with the embedded demo.
pub const AVAILABLE: bool = cfg!(feature = "demo");

pub const NO_EMBEDDED_BACKEND: &str = "[backend] url = \"embedded\": this kiosk is built without \
    the embedded demo backend (cargo feature `demo`); set url to the municipality's backend";

pub const NO_DEMO_CARD: &str = "[card_reader] mode = \"demo\": this kiosk is built without the \
    demo eID card (cargo feature `demo`); use mode = \"pcsc\" or \"none\"";

/// What `config` asks of the demo that this build cannot do; empty with the feature.
pub fn refusals(config: &Config) -> Vec<&'static str> {
    refusals_for(config, AVAILABLE)
}

/// [`refusals`] for a build with or without the demo, so both are tested in either build.
fn refusals_for(config: &Config, available: bool) -> Vec<&'static str> {
    if available {
        return Vec::new();
    }
    let mut refused = Vec::new();
    if config.backend.target == BackendTarget::Embedded {
        refused.push(NO_EMBEDDED_BACKEND);
    }
    if matches!(config.card_reader, CardReaderMode::Demo { .. }) {
        refused.push(NO_DEMO_CARD);
    }
    refused
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use std::path::Path;

    use super::*;

    fn config(file: &str) -> Config {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(file);
        kiosk_core::config::load(&path).unwrap().config
    }

    #[test]
    fn the_shipped_demo_config_is_refused_by_a_build_without_the_demo_and_says_why() {
        let shipped = config("kiosk.toml");
        assert!(refusals_for(&shipped, true).is_empty());
        assert_eq!(
            refusals_for(&shipped, false),
            [NO_EMBEDDED_BACKEND, NO_DEMO_CARD]
        );
    }

    #[test]
    fn the_production_example_needs_no_demo() {
        assert!(refusals_for(&config("packaging/kiosk.toml.example"), false).is_empty());
    }
}
