//! The USB printer-class device (`/dev/usb/lp0`).

use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::Path;

use super::Link;
use crate::error::{PrintError, Result};

pub(crate) struct UsbLink {
    file: File,
    target: String,
}

impl UsbLink {
    pub(crate) fn open(path: &Path) -> Result<Self> {
        let target = path.display().to_string();
        let file = OpenOptions::new()
            .write(true)
            .open(path)
            .map_err(|e| PrintError::connect(&target, e))?;
        Ok(Self { file, target })
    }
}

impl Link for UsbLink {
    // usblp blocks while the printer is out of paper; the caller's timeout bounds the wait.
    fn send(&mut self, bytes: &[u8]) -> Result<()> {
        self.file
            .write_all(bytes)
            .map_err(|e| PrintError::write(&self.target, e))?;
        self.file
            .flush()
            .map_err(|e| PrintError::write(&self.target, e))
    }

    fn query(&mut self, _request: [u8; 3]) -> Result<Option<u8>> {
        Ok(None)
    }
}
