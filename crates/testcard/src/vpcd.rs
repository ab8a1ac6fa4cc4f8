//! Puts a [`BeidApplet`] into vsmartcard's virtual PC/SC reader (`vpcd`, Debian package
//! vsmartcard-vpcd): pcscd then shows a card in reader "Virtual PCD 00 00" and passes it the
//! APDUs of any PC/SC program, the kiosk's included.
//!
//! The protocol, as vsmartcard's `vpcd.c` and `VirtualSmartcard.py` speak it: vpcd listens on TCP
//! (35963 for its first slot); the card connects, and being connected is being inserted. Every
//! message either way is a 2-byte big-endian length and that many bytes. A 1-byte message from
//! vpcd is a control: 0 power off, 1 power on, 2 reset (no answer to these three), 4 "your ATR?"
//! (answered with the ATR). Anything longer is a command APDU, answered with the response APDU.
//! vpcd asks for the ATR every time pcscd polls for the card, and takes a closed connection, or
//! an empty answer, as the card pulled out.

use std::io::{self, Read, Write};
use std::net::{Ipv4Addr, Shutdown, SocketAddr, TcpStream};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use super::applet::{BEID_ATR, BeidApplet};

/// vpcd's port for its first slot (0x8C7B), as `/etc/reader.conf.d/vpcd` configures it; the
/// second slot, "Virtual PCD 00 01", is the next port.
pub const VPCD_PORT: u16 = 0x8C7B;

/// The PC/SC name of vpcd's first slot.
pub const VPCD_READER: &str = "Virtual PCD 00 00";

/// How long [`insert`] keeps trying while vpcd is not listening yet (pcscd still starting).
pub const CONNECT_PATIENCE: Duration = Duration::from_secs(5);

const CTRL_OFF: u8 = 0;
const CTRL_ON: u8 = 1;
const CTRL_RESET: u8 = 2;
const CTRL_ATR: u8 = 4;

/// vpcd's first slot on this machine: `127.0.0.1:35963`.
pub fn vpcd_addr() -> SocketAddr {
    SocketAddr::from((Ipv4Addr::LOCALHOST, VPCD_PORT))
}

/// A card in the virtual reader, answering on its own thread until [`InsertedCard::remove`] (or
/// drop) pulls it out.
#[derive(Debug)]
pub struct InsertedCard {
    /// A second handle on the connection, to close it under the serving thread's blocking read.
    connection: TcpStream,
    worker: Option<JoinHandle<()>>,
    applet: Arc<Mutex<BeidApplet>>,
}

/// Connects `applet` to vpcd at `addr` (the card is inserted) and serves it on a thread.
/// Retries for [`CONNECT_PATIENCE`] while nothing listens.
///
/// vpcd takes one card per slot; a second connection waits in its backlog, seen by nobody, until
/// the first card is removed.
pub fn insert(addr: SocketAddr, applet: BeidApplet) -> io::Result<InsertedCard> {
    let stream = connect_patiently(addr)?;
    // Responses are small and each waits for the next command: no batching wanted.
    stream.set_nodelay(true)?;
    let connection = stream.try_clone()?;
    let applet = Arc::new(Mutex::new(applet));
    let served = Arc::clone(&applet);
    let worker = thread::Builder::new()
        .name("virtual-eid".into())
        .spawn(move || serve(stream, &served))?;
    Ok(InsertedCard {
        connection,
        worker: Some(worker),
        applet,
    })
}

impl InsertedCard {
    /// Pulls the card out (closes the connection, which vpcd sees as removal) and gives the applet
    /// back with its PIN tries counter, to insert it again.
    pub fn remove(self) -> BeidApplet {
        let applet = Arc::clone(&self.applet);
        // Drop closes the connection and joins the thread, which held the only other handle.
        drop(self);
        match Arc::try_unwrap(applet) {
            Ok(applet) => applet.into_inner().unwrap_or_else(PoisonError::into_inner),
            Err(shared) => lock(&shared).clone(),
        }
    }

    /// Whether vpcd still has the card: false once vpcd closed the connection (pcscd stopped).
    pub fn is_present(&self) -> bool {
        self.worker.as_ref().is_some_and(|w| !w.is_finished())
    }

    /// The applet's PIN tries left now.
    pub fn tries_left(&self) -> u8 {
        lock(&self.applet).tries_left()
    }

    fn pull_out(&mut self) {
        // Shutting down wakes the thread's read with end-of-file; vpcd sees the connection end.
        let _ = self.connection.shutdown(Shutdown::Both);
        if let Some(worker) = self.worker.take() {
            let _ = worker.join();
        }
    }
}

impl Drop for InsertedCard {
    fn drop(&mut self) {
        self.pull_out();
    }
}

fn lock(applet: &Mutex<BeidApplet>) -> MutexGuard<'_, BeidApplet> {
    // The lock is only held around `process`, which does not panic; a poisoned lock still holds a
    // consistent applet.
    applet.lock().unwrap_or_else(PoisonError::into_inner)
}

fn connect_patiently(addr: SocketAddr) -> io::Result<TcpStream> {
    let deadline = Instant::now() + CONNECT_PATIENCE;
    loop {
        match TcpStream::connect_timeout(&addr, Duration::from_secs(1)) {
            Ok(stream) => return Ok(stream),
            Err(e) if Instant::now() >= deadline => return Err(e),
            Err(_) => thread::sleep(Duration::from_millis(50)),
        }
    }
}

/// Answers vpcd until it closes the connection, [`InsertedCard`] closes it, or a write fails.
fn serve(mut stream: TcpStream, applet: &Mutex<BeidApplet>) {
    while let Ok(Some(message)) = read_message(&mut stream) {
        let answer = match message.as_slice() {
            [CTRL_OFF | CTRL_ON | CTRL_RESET] => {
                lock(applet).reset();
                None
            }
            [CTRL_ATR] => Some(BEID_ATR.to_vec()),
            // Unknown controls and empty messages are ignored, as vsmartcard's own cards do:
            // answering would put an answer where vpcd expects none.
            [_] | [] => None,
            command => Some(lock(applet).process(command)),
        };
        if let Some(answer) = answer
            && write_message(&mut stream, &answer).is_err()
        {
            break;
        }
    }
    let _ = stream.shutdown(Shutdown::Both);
}

/// One message, or `None` at a clean end of the connection.
fn read_message(stream: &mut impl Read) -> io::Result<Option<Vec<u8>>> {
    let mut size = [0u8; 2];
    match stream.read_exact(&mut size) {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => return Ok(None),
        Err(e) => return Err(e),
    }
    let mut message = vec![0u8; usize::from(u16::from_be_bytes(size))];
    stream.read_exact(&mut message)?;
    Ok(Some(message))
}

fn write_message(stream: &mut impl Write, message: &[u8]) -> io::Result<()> {
    let size = u16::try_from(message.len())
        .map_err(|_| io::Error::new(io::ErrorKind::InvalidInput, "message over 65535 bytes"))?;
    let mut framed = Vec::with_capacity(message.len() + 2);
    framed.extend_from_slice(&size.to_be_bytes());
    framed.extend_from_slice(message);
    stream.write_all(&framed)
}
