//! The reference central backend: HTTP API over SQLite.
