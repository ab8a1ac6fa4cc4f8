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
use kiosk_core::devices::hub::DevicesHub;
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
        &DevicesHub::new(false, false),
    )
    .unwrap()
}

fn wait_online(link: &BackendLink) -> ConnectionState {
    let mut state = link.state();
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
        link.location_id().as_deref(),
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
fn a_backend_unreachable_at_first_start_is_reached_later_without_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    // A port nobody listens on yet: connections are refused at once.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let db = dir.path().join("backend.db");
    kiosk_backend::seed_demo(&db, 1).unwrap();
    let mut config = config_in(
        &dir.path().join("kiosk"),
        BackendTarget::Remote(format!("http://127.0.0.1:{port}")),
    );
    config.backend.enrolment_code =
        Some(kiosk_backend::create_enrolment_code(&db, "town-hall").unwrap());

    let link = start(&config);
    assert!(
        matches!(
            link.state().borrow().link,
            kiosk_core::sync::Link::Offline { .. }
        ),
        "the kiosk runs, and says it is offline"
    );
    assert!(link.client().is_none() && !config.backend.token_file.exists());

    let runtime = tokio::runtime::Runtime::new().unwrap();
    let listen = std::net::SocketAddr::from(([127, 0, 0, 1], port));
    let server = runtime
        .block_on(kiosk_backend::spawn(kiosk_backend::ServerConfig::new(
            &db, listen,
        )))
        .unwrap();
    let state = wait_online(&link);
    assert!(state.is_online());
    assert!(
        config.backend.token_file.exists(),
        "enrolled in the background"
    );
    assert_eq!(link.location_id().as_deref(), Some("town-hall"));
    assert!(link.client().is_some());
    drop(link);
    runtime.block_on(server.shutdown()).unwrap();
}
