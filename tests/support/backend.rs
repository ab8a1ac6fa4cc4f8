//! The reference backend for end-to-end tests: on a loopback port of the test's choosing, its
//! clock in the test's hands, stopped and started again on the same database and port.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::net::SocketAddr;
use std::path::PathBuf;

use kiosk_backend::{RunningServer, ServerConfig};

/// The reference backend on a port of our choosing, stopped and started again on the same
/// database and port.
pub struct Backend {
    pub db: PathBuf,
    pub addr: SocketAddr,
    pub clock: kiosk_backend::Clock,
    pub server: Option<RunningServer>,
}

impl Backend {
    pub fn start(&mut self, runtime: &tokio::runtime::Runtime) {
        self.start_with(runtime, |_| {});
    }

    /// [`Self::start`] with the configuration changed by `configure` (e.g. revocation lists).
    pub fn start_with(
        &mut self,
        runtime: &tokio::runtime::Runtime,
        configure: impl FnOnce(&mut ServerConfig),
    ) {
        let mut config = ServerConfig::new(self.db.clone(), self.addr);
        // Test data: the synthetic demo eID CA may be trusted.
        config.demo = true;
        config.clock = self.clock.clone();
        configure(&mut config);
        let server = runtime
            .block_on(kiosk_backend::spawn(config))
            .unwrap_or_else(|e| panic!("backend on {}: {e}", self.addr));
        self.server = Some(server);
    }

    pub fn stop(&mut self, runtime: &tokio::runtime::Runtime) {
        let server = self.server.take().expect("the backend is running");
        runtime.block_on(server.shutdown()).unwrap();
    }

    /// The backend's queue tickets for the booking with `code`: (number as printed, offline).
    pub fn tickets_of(&self, code: &str) -> Vec<(String, bool)> {
        let conn = rusqlite::Connection::open(&self.db).unwrap();
        let mut query = conn
            .prepare(
                "SELECT q.prefix || printf('%03d', t.sequence), t.offline
                 FROM tickets t
                 JOIN bookings b ON b.id = t.booking_id
                 JOIN queue_services q ON q.id = t.queue_service_id
                 WHERE b.code = ?1",
            )
            .unwrap();
        query
            .query_map([code], |row| Ok((row.get(0)?, row.get(1)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    }
}

impl Backend {
    /// The backend's walk-in tickets (no booking) of `service`: (number as printed, offline), in
    /// number order.
    pub fn walk_ins_of(&self, service: &str) -> Vec<(String, bool)> {
        let conn = rusqlite::Connection::open(&self.db).unwrap();
        let mut query = conn
            .prepare(
                "SELECT q.prefix || printf('%03d', t.sequence), t.offline
                 FROM tickets t JOIN queue_services q ON q.id = t.queue_service_id
                 WHERE t.booking_id IS NULL AND t.queue_service_id = ?1 ORDER BY t.sequence",
            )
            .unwrap();
        query
            .query_map([service], |row| Ok((row.get(0)?, row.get(1)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    }
}

/// A port free now, kept for the backend's restart.
pub fn free_port() -> SocketAddr {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    listener.local_addr().unwrap()
}
