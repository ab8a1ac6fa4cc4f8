//! The demo CA as the backend's trust anchor. The backend's own `seed --demo` writes the synthetic
//! municipality only: trusting a CA whose keys anyone can derive from a seed is a choice made
//! here (tests, the kiosk's embedded demo) or by hand (`kiosk-backend trust-anchor add` with
//! `packaging/demo-ca.pem`, or `kiosk-testcard demo-ca` for another seed).

use std::path::Path;

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use jiff::civil::Date;

use super::{DemoCa, TestCardError};

/// The label the demo root is stored under (adding it again replaces it).
pub const DEMO_ANCHOR_LABEL: &str = "demo";
/// The label of the demo applet 1.8 (ECDSA P-384) CA's root.
pub const DEMO_18_ANCHOR_LABEL: &str = "demo-applet-1.8";

/// The backend's [`kiosk_backend::seed_demo`] and seed `seed`'s demo CA as trust anchor, so that
/// the demo card of the same seed is accepted. Blocking.
pub fn seed_demo(db_path: &Path, seed: u64) -> Result<kiosk_backend::SeedSummary, TestCardError> {
    let summary = kiosk_backend::seed_demo(db_path, seed)?;
    trust_demo_ca(db_path, seed)?;
    Ok(summary)
}

/// [`seed_demo`] as if today were `today` (see [`kiosk_backend::seed_demo_on`]).
pub fn seed_demo_on(
    db_path: &Path,
    seed: u64,
    today: Date,
) -> Result<kiosk_backend::SeedSummary, TestCardError> {
    let summary = kiosk_backend::seed_demo_on(db_path, seed, today)?;
    trust_demo_ca(db_path, seed)?;
    Ok(summary)
}

/// Trusts seed `seed`'s demo CAs: the demo CA (P-256) and the demo applet 1.8 CA (P-384), whose
/// cards [`super::demo_card`] and [`super::demo_card_18`] are. Adding them again changes nothing.
/// A backend trusting them starts only as a demo (`ServerConfig::demo`, `serve --demo`).
pub fn trust_demo_ca(db_path: &Path, seed: u64) -> Result<(), TestCardError> {
    let ca = DemoCa::from_seed(seed)?;
    kiosk_backend::add_trust_anchor(db_path, DEMO_ANCHOR_LABEL, ca.root_der())?;
    let ca_18 = DemoCa::p384_from_seed(seed)?;
    kiosk_backend::add_trust_anchor(db_path, DEMO_18_ANCHOR_LABEL, ca_18.root_der())?;
    Ok(())
}

/// Seed `seed`'s demo root certificate as PEM, for `kiosk-backend trust-anchor add`.
pub fn demo_ca_pem(seed: u64) -> Result<String, TestCardError> {
    Ok(pem(DemoCa::from_seed(seed)?.root_der()))
}

/// Seed `seed`'s demo applet 1.8 (ECDSA P-384) root certificate as PEM: the anchor of
/// `virtual-card --applet 1.8`.
pub fn demo_18_ca_pem(seed: u64) -> Result<String, TestCardError> {
    Ok(pem(DemoCa::p384_from_seed(seed)?.root_der()))
}

fn pem(der: &[u8]) -> String {
    let body = STANDARD.encode(der);
    let mut pem = String::from("-----BEGIN CERTIFICATE-----\n");
    // PEM lines are 64 characters; base64 is ASCII, so splitting bytes keeps characters whole.
    for line in body.as_bytes().chunks(64) {
        pem.push_str(&String::from_utf8_lossy(line));
        pem.push('\n');
    }
    pem.push_str("-----END CERTIFICATE-----\n");
    pem
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    /// The file IT adds to a demo or pilot backend is seed 1's root: the kiosk's demo card and
    /// `kiosk-testcard virtual-card` by default.
    #[test]
    fn packaging_demo_ca_is_seed_1s_root() {
        let committed = include_str!("../../../packaging/demo-ca.pem");
        assert_eq!(committed, demo_ca_pem(1).unwrap());
    }
}
