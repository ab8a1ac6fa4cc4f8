//! `catalogue import` and `catalogue export` on a database file: the file checked, then applied
//! in one transaction, or refused whole with every problem.

use std::path::Path;

use jiff::Timestamp;

use super::{Problem, parse, render};
use crate::store::{SqliteStore, StoreError};

/// What an import wrote (or, checking only, would write).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Imported {
    pub locations: usize,
    pub desks: usize,
    pub queue_services: usize,
    pub products: usize,
    pub certificate_types: usize,
    pub closures: usize,
}

#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The file was refused; nothing was changed.
    #[error("{} problem(s) in the catalogue file", .0.len())]
    Refused(Vec<Problem>),
    #[error("storage: {0}")]
    Store(#[from] StoreError),
}

/// Checks `source` and, unless `check_only`, replaces the catalogue of the database at `db_path`
/// with it. `now` decides which bookings are still ahead. Blocking.
pub fn import(
    db_path: &Path,
    source: &str,
    now: Timestamp,
    check_only: bool,
) -> Result<Imported, ImportError> {
    let parsed = parse(source).map_err(ImportError::Refused)?;
    let store = SqliteStore::open(db_path)?;
    let conflicts = store.import_catalogue(&parsed.file, now, !check_only)?;
    if !conflicts.is_empty() {
        return Err(ImportError::Refused(
            conflicts.iter().map(|c| c.problem(&parsed)).collect(),
        ));
    }
    let file = &parsed.file;
    Ok(Imported {
        locations: file.locations.len(),
        desks: file.desks.len(),
        queue_services: file.queue_services.len(),
        products: file.products.len(),
        certificate_types: file.certificate_types.len(),
        closures: file.locations.iter().map(|l| l.closures.len()).sum(),
    })
}

/// The database's catalogue as file text. Blocking.
pub fn export(db_path: &Path) -> Result<String, StoreError> {
    let store = SqliteStore::open(db_path)?;
    Ok(render(&store.catalogue_file()?))
}
