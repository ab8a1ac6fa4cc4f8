//! A fake ESC/POS printer on a local TCP port: answers DLE EOT from a settable status and keeps
//! what it receives. For transport, status and journal tests that must not need emupos.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::io::{Read, Write};
use std::net::TcpListener;
use std::sync::{Arc, Mutex};

pub const READY: [u8; 3] = [0x16, 0x12, 0x12];
pub const PAPER_OUT: [u8; 3] = [0x1e, 0x32, 0x7e];
pub const COVER_OPEN: [u8; 3] = [0x1e, 0x16, 0x12];

#[derive(Default)]
pub struct State {
    pub status: [u8; 3],
    /// Print data received (status requests removed).
    pub received: Vec<u8>,
    /// Number of cuts received: one per ticket.
    pub cuts: usize,
    /// Switch to this status when a cut arrives: a fault during the job.
    pub fault_on_cut: Option<[u8; 3]>,
}

#[derive(Clone)]
pub struct FakePrinter {
    pub port: u16,
    pub state: Arc<Mutex<State>>,
}

impl FakePrinter {
    pub fn start() -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let state = Arc::new(Mutex::new(State {
            status: READY,
            ..State::default()
        }));
        let shared = state.clone();
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(mut stream) = stream else { continue };
                let state = shared.clone();
                std::thread::spawn(move || serve(&mut stream, &state));
            }
        });
        Self { port, state }
    }

    pub fn set_status(&self, status: [u8; 3]) {
        self.state.lock().unwrap().status = status;
    }

    pub fn cuts(&self) -> usize {
        self.state.lock().unwrap().cuts
    }
}

pub fn serve(stream: &mut (impl Read + Write), state: &Mutex<State>) {
    let mut buf = [0u8; 4096];
    let mut pending: Vec<u8> = Vec::new();
    loop {
        let n = match stream.read(&mut buf) {
            Ok(0) | Err(_) => return,
            Ok(n) => n,
        };
        pending.extend_from_slice(&buf[..n]);
        let mut i = 0;
        while i < pending.len() {
            if pending[i] == 0x10 && pending.get(i + 1) == Some(&0x04) {
                let Some(&k) = pending.get(i + 2) else { break };
                let reply = {
                    let s = state.lock().unwrap();
                    match k {
                        1 => s.status[0],
                        2 => s.status[1],
                        _ => s.status[2],
                    }
                };
                let _ = stream.write_all(&[reply]);
                i += 3;
            } else if pending[i] == 0x1D && pending.get(i + 1) == Some(&b'V') {
                let mut s = state.lock().unwrap();
                s.received
                    .extend_from_slice(&pending[i..(i + 3).min(pending.len())]);
                s.cuts += 1;
                if let Some(fault) = s.fault_on_cut.take() {
                    s.status = fault;
                }
                i += 3;
            } else {
                state.lock().unwrap().received.push(pending[i]);
                i += 1;
            }
        }
        pending.drain(..i.min(pending.len()));
    }
}
