//! First start enrols and keeps the token private; later starts reuse it; a refused token is
//! reported, not retried forever.

use std::os::unix::fs::PermissionsExt;

use kiosk_api::{PrinterState, PrinterStatus};
use kiosk_core::sync::{self, ErrorKind, Link, SyncError};

use crate::common::{CountingProxy, Env, fast_options, until};

#[tokio::test]
async fn enrolment_writes_a_private_token_file_that_later_starts_reuse() {
    let mut env = Env::start().await;
    let client = env.enrol().await;
    let file = &env.settings.token_file;
    let mode = std::fs::metadata(file).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600, "token file mode {mode:o}");
    let token = std::fs::read_to_string(file).unwrap();
    assert!(token.trim().starts_with("kt_"));
    assert!(client.health().await.is_ok());
    client.catalogue(None).await.unwrap();

    // The code is single-use: a second enrolment would fail, so success proves the reuse.
    let mut later = env.settings.clone();
    later.enrolment_code = Some("NOTACODE23".into());
    let again = sync::connect(&env.base_url(), &later, "test-hardware")
        .await
        .unwrap();
    again.catalogue(None).await.unwrap();
    assert_eq!(std::fs::read_to_string(file).unwrap(), token);

    // A token file someone made readable is tightened on the next start.
    std::fs::set_permissions(file, std::fs::Permissions::from_mode(0o644)).unwrap();
    sync::connect(&env.base_url(), &later, "test-hardware")
        .await
        .unwrap();
    let mode = std::fs::metadata(file).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
}

#[tokio::test]
async fn no_token_and_no_code_says_so() {
    let env = Env::start().await;
    let error = sync::connect(&env.base_url(), &env.settings, "test-hardware")
        .await
        .unwrap_err();
    assert!(matches!(error, SyncError::NotEnrolled { .. }), "{error}");
}

#[tokio::test]
async fn a_wrong_enrolment_code_is_a_problem_not_offline() {
    let mut env = Env::start().await;
    env.settings.enrolment_code = Some("ABCDE23456".into());
    let error = sync::connect(&env.base_url(), &env.settings, "test-hardware")
        .await
        .unwrap_err();
    assert_eq!(
        error.problem_type(),
        Some("enrolment-code-invalid"),
        "{error}"
    );
    assert!(!env.settings.token_file.exists());
}

#[tokio::test]
async fn a_refused_token_is_reported_and_the_sync_stops_calling() {
    let env = Env::start().await;
    // The refused kiosk reaches the backend through a relay that counts its requests.
    let refused_calls = CountingProxy::start(env.addr).await;
    sync::token_file::write(&env.settings.token_file, "kt_not_a_real_token").unwrap();
    let client = sync::connect(&refused_calls.url(), &env.settings, "test-hardware")
        .await
        .unwrap();
    let error = client.catalogue(None).await.unwrap_err();
    assert!(matches!(error, SyncError::Unauthorized), "{error}");
    assert_eq!(error.kind(), ErrorKind::Unauthorized);
    assert!(!error.is_offline() && !error.is_transient());

    env.devices.send_replace(kiosk_core::sync::DeviceStatus {
        printer: PrinterStatus {
            state: PrinterState::PaperLow,
            detail: None,
        },
        ..Default::default()
    });
    let sync = env.start_sync(client, env.store(), fast_options());
    let mut state = sync.state();
    let seen = until("the unauthorized state", async || {
        let s = state.borrow_and_update().clone();
        s.is_unauthorized().then_some(s)
    })
    .await;
    assert!(matches!(seen.link, Link::Unauthorized { .. }));
    assert_eq!(seen.last_error, Some(ErrorKind::Unauthorized));
    let calls = refused_calls.requests();

    // No retry storm. The proof that it had the time to call again: an enrolled kiosk with the
    // same heartbeat period, through a relay of its own, has made five more calls meanwhile.
    let mut settings = env.settings.clone();
    settings.token_file = env.dir.path().join("control").join("token");
    settings.enrolment_code = Some(env.enrolment_code().await);
    let control_calls = CountingProxy::start(env.addr).await;
    let control = sync::connect(&control_calls.url(), &settings, "control-hardware")
        .await
        .unwrap();
    let control_store = kiosk_core::store::Store::open_in(&env.dir.path().join("control")).unwrap();
    let started = control_calls.requests();
    let control_sync = env.start_sync(control, control_store, fast_options());
    until("five calls of the enrolled kiosk", async || {
        (control_calls.requests() >= started + 5).then_some(())
    })
    .await;
    assert_eq!(
        refused_calls.requests(),
        calls,
        "the sync kept calling with a refused token"
    );
    assert!(sync.state().borrow().is_unauthorized());
    control_sync.shutdown().await;
    sync.shutdown().await;
}
