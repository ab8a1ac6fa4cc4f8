//! A folder or a file: the demo kiosk "prints" here, and tests read the bytes back.

use std::fs::OpenOptions;
use std::io::Write;
use std::path::PathBuf;

use super::Link;
use crate::error::{PrintError, Result};

pub(crate) struct FileLink {
    path: PathBuf,
}

impl FileLink {
    pub(crate) fn new(path: PathBuf) -> Self {
        Self { path }
    }
}

impl Link for FileLink {
    fn send(&mut self, bytes: &[u8]) -> Result<()> {
        let target = self.path.display().to_string();
        let path = if self.path.is_dir() {
            // Time-ordered names: `ls` shows the jobs in print order.
            self.path
                .join(format!("ticket-{}.escpos", uuid::Uuid::now_v7()))
        } else {
            self.path.clone()
        };
        let mut file = OpenOptions::new()
            .create(true)
            .append(true)
            .open(&path)
            .map_err(|e| PrintError::connect(&target, e))?;
        file.write_all(bytes)
            .map_err(|e| PrintError::write(&target, e))?;
        file.sync_data().map_err(|e| PrintError::write(&target, e))
    }

    fn query(&mut self, _request: [u8; 3]) -> Result<Option<u8>> {
        Ok(None)
    }
}
