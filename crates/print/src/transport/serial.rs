//! RS-232 / USB-serial.

use std::io::{Read, Write};
use std::path::Path;
use std::time::Duration;

use serialport::{ClearBuffer, SerialPort};

use super::Link;
use crate::error::{PrintError, Result};

pub(crate) struct SerialLink {
    port: Box<dyn SerialPort>,
    target: String,
}

impl SerialLink {
    pub(crate) fn open(path: &Path, baud: u32, timeout: Duration) -> Result<Self> {
        let target = path.display().to_string();
        let port = serialport::new(target.clone(), baud)
            .timeout(timeout)
            .open()
            .map_err(|e| PrintError::connect(&target, std::io::Error::from(e)))?;
        Ok(Self { port, target })
    }
}

impl Link for SerialLink {
    fn send(&mut self, bytes: &[u8]) -> Result<()> {
        self.port
            .write_all(bytes)
            .map_err(|e| PrintError::write(&self.target, e))?;
        self.port
            .flush()
            .map_err(|e| PrintError::write(&self.target, e))
    }

    fn query(&mut self, request: [u8; 3]) -> Result<Option<u8>> {
        // A stale byte (an old reply, line noise) would be read as this request's answer.
        self.port
            .clear(ClearBuffer::Input)
            .map_err(|e| PrintError::write(&self.target, std::io::Error::from(e)))?;
        self.send(&request)?;
        let mut reply = [0u8; 1];
        self.port
            .read_exact(&mut reply)
            .map_err(|e| PrintError::write(&self.target, e))?;
        Ok(Some(reply[0]))
    }
}
