//! The desk browser (`shared/desk_browser.rs`) with this suite's backend, staff accounts and
//! walk-in fixtures.

use std::path::Path;

use reqwest::StatusCode;

use crate::common::Env;

#[path = "../shared/desk_browser.rs"]
mod desk_browser;
pub use desk_browser::*;

/// Adds a staff account straight through the library (what `staff add` does).
pub async fn add_staff(db: &Path, login: &str) {
    let (db, login) = (db.to_path_buf(), login.to_owned());
    tokio::task::spawn_blocking(move || {
        kiosk_backend::add_staff(&db, &login, kiosk_backend::StaffRole::Clerk, PASSWORD)
    })
    .await
    .unwrap()
    .unwrap();
}

impl Browser {
    pub fn new(env: &Env) -> Browser {
        Browser::at(env.server.base_url())
    }

    /// Signs in and picks the desk; panics unless both succeed.
    pub async fn at_desk(
        env: &Env,
        login: &str,
        desk: &str,
        location: &str,
        services: &[&str],
    ) -> Browser {
        let browser = Browser::new(env);
        let page = browser.login(login, PASSWORD).await;
        assert_eq!(page.status, StatusCode::SEE_OTHER, "{:?}", page.alert());
        let page = browser.setup(location, desk, services).await;
        assert_eq!(page.status, StatusCode::SEE_OTHER, "{:?}", page.alert());
        browser
    }
}

/// Inserts `n` walk-in tickets (no booking) into a queue of today, arriving one minute apart
/// from `first_s`: fixtures for the races, without a kiosk for each.
pub fn insert_walk_ins(
    db: &Path,
    location: &str,
    service: &str,
    prefix_from: i64,
    day: &str,
    first_s: i64,
    n: i64,
) -> Vec<String> {
    let conn = rusqlite::Connection::open(db).unwrap();
    (0..n)
        .map(|i| {
            let id = uuid::Uuid::new_v4().to_string();
            conn.execute(
                "INSERT INTO tickets (id, location_id, queue_service_id, service_day, sequence, status, issued_s, current_service_id)
                 VALUES (?1, ?2, ?3, ?4, ?5, 'waiting', ?6, ?3)",
                rusqlite::params![id, location, service, day, prefix_from + i, first_s + i * 60],
            )
            .unwrap();
            id
        })
        .collect()
}
