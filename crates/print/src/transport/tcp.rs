//! Raw TCP (port 9100).

use std::io::{Read, Write};
use std::net::{TcpStream, ToSocketAddrs};
use std::time::Duration;

use super::Link;
use crate::error::{PrintError, Result};

pub(crate) struct TcpLink {
    stream: TcpStream,
    target: String,
}

impl TcpLink {
    pub(crate) fn connect(host: &str, port: u16, timeout: Duration) -> Result<Self> {
        let target = format!("{host}:{port}");
        let addr = (host, port)
            .to_socket_addrs()
            .map_err(|e| PrintError::connect(&target, e))?
            .next()
            .ok_or_else(|| {
                PrintError::connect(&target, std::io::Error::other("host has no address"))
            })?;
        let stream = TcpStream::connect_timeout(&addr, timeout)
            .map_err(|e| PrintError::connect(&target, e))?;
        stream
            .set_write_timeout(Some(timeout))
            .map_err(|e| PrintError::connect(&target, e))?;
        stream
            .set_read_timeout(Some(timeout))
            .map_err(|e| PrintError::connect(&target, e))?;
        // Small status requests must not wait for Nagle.
        stream
            .set_nodelay(true)
            .map_err(|e| PrintError::connect(&target, e))?;
        Ok(Self { stream, target })
    }
}

impl Link for TcpLink {
    fn send(&mut self, bytes: &[u8]) -> Result<()> {
        self.stream
            .write_all(bytes)
            .map_err(|e| PrintError::write(&self.target, e))?;
        self.stream
            .flush()
            .map_err(|e| PrintError::write(&self.target, e))
    }

    fn query(&mut self, request: [u8; 3]) -> Result<Option<u8>> {
        self.send(&request)?;
        let mut reply = [0u8; 1];
        self.stream
            .read_exact(&mut reply)
            .map_err(|e| PrintError::write(&self.target, e))?;
        Ok(Some(reply[0]))
    }
}
