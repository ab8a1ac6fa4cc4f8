//! The kiosk's local SQLite store: cached catalogue and arrivals, ticket blocks, the outbox.
