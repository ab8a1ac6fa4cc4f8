//! What can go wrong in the local store. Clone, so it can travel in UI messages: sources in `Arc`.

use std::sync::Arc;

#[derive(Debug, Clone, thiserror::Error)]
pub enum StoreError {
    #[error("kiosk database: {0}")]
    Sqlite(Arc<rusqlite::Error>),
    #[error("kiosk database migration: {0}")]
    Migration(Arc<rusqlite_migration::Error>),
    #[error("kiosk database holds unreadable JSON: {0}")]
    Json(Arc<serde_json::Error>),
    #[error("kiosk database holds an unreadable value in {column}: {detail}")]
    Corrupt {
        column: &'static str,
        detail: String,
    },
    #[error("kiosk data folder {}: {source}", path.display())]
    Folder {
        path: std::path::PathBuf,
        source: Arc<std::io::Error>,
    },
    #[error("kiosk database task failed: {0}")]
    Task(String),
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        StoreError::Sqlite(Arc::new(e))
    }
}

impl From<rusqlite_migration::Error> for StoreError {
    fn from(e: rusqlite_migration::Error) -> Self {
        StoreError::Migration(Arc::new(e))
    }
}

impl From<serde_json::Error> for StoreError {
    fn from(e: serde_json::Error) -> Self {
        StoreError::Json(Arc::new(e))
    }
}

pub type StoreResult<T> = Result<T, StoreError>;
