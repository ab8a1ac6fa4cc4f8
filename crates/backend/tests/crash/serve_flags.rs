//! Not a crash: the real `serve` command's per-kiosk rate-limit flags, and its log line for a
//! refusal, which names the kiosk and the limit and nothing of the resident. Here because this
//! binary is the one that runs the real command with a fixed clock.

use reqwest::StatusCode;

use crate::backend::{Site, booking_body, key};

#[tokio::test]
async fn the_hold_limit_flag_is_obeyed_and_its_refusal_logged_without_personal_data() {
    let site = Site::new().await;
    let backend = site.serve_with(
        crate::backend::NOW,
        None,
        &["--kiosk-holds-per-10-min", "2"],
    );
    // The same slot: held once, then slot-taken; both count.
    let body = booking_body("2026-03-24T11:00:00+01:00");
    for _ in 0..2 {
        let response = site
            .post(&backend, "/v1/bookings", &body, &key())
            .send()
            .await
            .unwrap();
        assert_ne!(response.status(), StatusCode::TOO_MANY_REQUESTS);
    }
    let refused = site
        .post(&backend, "/v1/bookings", &body, &key())
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(refused.headers()["retry-after"], "600");

    let said = backend.log_until("kiosk rate limit reached");
    let line = said
        .iter()
        .find(|l| l.contains("kiosk rate limit reached"))
        .unwrap_or_else(|| panic!("no log line for the refusal: {said:?}"));
    assert!(
        line.contains("limit=\"holds\"") || line.contains("limit=holds"),
        "{line}"
    );
    assert!(line.contains("kiosk="), "{line}");
    for personal in ["Zoë", "Testpersoon", "0470123456", "2026-03-24T11:00"] {
        assert!(
            said.iter().all(|l| !l.contains(personal)),
            "{personal} in the log: {said:?}"
        );
    }

    // Turned off, the same kiosk is not refused.
    drop(backend);
    let unlimited = site.serve_with(crate::backend::NOW, None, &["--no-kiosk-limits"]);
    for _ in 0..40 {
        let response = site
            .post(&unlimited, "/v1/bookings", &body, &key())
            .send()
            .await
            .unwrap();
        assert_ne!(response.status(), StatusCode::TOO_MANY_REQUESTS);
    }
}
