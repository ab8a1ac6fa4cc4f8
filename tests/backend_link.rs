//! The kiosk's link to its backend as `cargo run` makes it: the embedded reference backend seeded
//! with demo data, enrolment on first start with the token kept 0600, the token reused on the
//! next start, and a kiosk that starts (offline) when its backend cannot be reached.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use std::os::unix::fs::PermissionsExt;
use std::sync::Arc;
use std::time::Duration;

use kiosk::backend_link::BackendLink;
use kiosk_core::clock::SystemClock;
use kiosk_core::config::{BackendTarget, Config};
use kiosk_core::sync::ConnectionState;

fn config_in(dir: &std::path::Path, target: BackendTarget) -> Config {
    let mut config = support::shipped_config();
    config.kiosk.data_dir = dir.to_path_buf();
    config.backend.token_file = dir.join("kiosk.token");
    config.backend.target = target;
    config
}

fn start(config: &Config) -> BackendLink {
    BackendLink::start(
        config,
        Arc::new(SystemClock::new(config.kiosk.timezone.clone())),
    )
    .unwrap()
}

fn wait_online(link: &BackendLink) -> ConnectionState {
    let mut state = link.state().expect("the kiosk is connected");
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        tokio::time::timeout(
            Duration::from_secs(20),
            state.wait_for(ConnectionState::is_online),
        )
        .await
        .expect("online within 20 s")
        .unwrap()
        .clone()
    })
}

#[test]
fn the_embedded_backend_is_seeded_enrolled_and_reused() {
    let dir = tempfile::tempdir().unwrap();
    let config = config_in(dir.path(), BackendTarget::Embedded);

    let link = start(&config);
    let state = wait_online(&link);
    assert_eq!(state.outbox_depth, 0);
    let token = std::fs::read_to_string(&config.backend.token_file).unwrap();
    let mode = std::fs::metadata(&config.backend.token_file)
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(
        mode & 0o777,
        0o600,
        "the token is readable only by the kiosk's user"
    );
    assert!(dir.path().join("embedded-backend/backend.db").exists());
    assert_eq!(
        link.location_id(),
        Some("town-hall"),
        "the demo kiosk stands in the town hall"
    );
    drop(link);

    let link = start(&config);
    wait_online(&link);
    let again = std::fs::read_to_string(&config.backend.token_file).unwrap();
    assert_eq!(
        token, again,
        "the second start reuses the token instead of enrolling again"
    );
}

#[test]
fn an_unreachable_backend_at_first_start_leaves_the_kiosk_running_offline() {
    let dir = tempfile::tempdir().unwrap();
    // Port 9 (discard) is closed on loopback: connections are refused at once.
    let mut config = config_in(
        dir.path(),
        BackendTarget::Remote("http://127.0.0.1:9".into()),
    );
    config.backend.enrolment_code = Some("NOT-USED-OFFLINE".into());
    let link = start(&config);
    assert!(link.state().is_none(), "not connected, and not crashed");
    assert!(!config.backend.token_file.exists());
}
