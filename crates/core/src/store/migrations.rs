//! Versioned schema: each step is applied once, in order, and recorded in `user_version`.
//! Never edit a released step; add the next one.

use rusqlite::Connection;
use rusqlite_migration::{M, Migrations};

use super::StoreResult;

const STEPS: &[M<'static>] = &[
    M::up(include_str!("schema_001.sql")),
    M::up(include_str!("schema_002.sql")),
];

pub fn migrate(conn: &mut Connection) -> StoreResult<()> {
    Migrations::from_slice(STEPS).to_latest(conn)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn migrations_are_valid() {
        assert!(
            super::Migrations::from_slice(super::STEPS)
                .validate()
                .is_ok()
        );
    }
}
