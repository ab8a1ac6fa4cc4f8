//! The vpcd client against a listener that plays vpcd: length-prefixed messages, controls, APDUs,
//! and the connection's end as the card's removal.

use std::io::{ErrorKind, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::thread;
use std::time::{Duration, Instant};

use kiosk_testcard::applet::BEID_ATR;
use kiosk_testcard::vpcd::{self, InsertedCard};

use crate::common::*;

const POWER_OFF: u8 = 0;
const POWER_ON: u8 = 1;
const RESET: u8 = 2;
const GET_ATR: u8 = 4;

/// The test's side of the socket: what vpcd does.
struct FakeVpcd {
    stream: TcpStream,
}

impl FakeVpcd {
    fn accept(listener: &TcpListener) -> FakeVpcd {
        let (stream, _) = listener.accept().unwrap();
        // A broken client fails the test instead of hanging it.
        stream
            .set_read_timeout(Some(Duration::from_secs(10)))
            .unwrap();
        FakeVpcd { stream }
    }

    fn send(&mut self, message: &[u8]) {
        let size = u16::try_from(message.len()).unwrap().to_be_bytes();
        self.stream
            .write_all(&[&size[..], message].concat())
            .unwrap();
    }

    fn receive(&mut self) -> Vec<u8> {
        let mut size = [0u8; 2];
        self.stream.read_exact(&mut size).unwrap();
        let mut message = vec![0u8; usize::from(u16::from_be_bytes(size))];
        self.stream.read_exact(&mut message).unwrap();
        message
    }

    fn control(&mut self, code: u8) {
        self.send(&[code]);
    }

    fn atr(&mut self) -> Vec<u8> {
        self.control(GET_ATR);
        self.receive()
    }

    fn transmit(&mut self, apdu: &[u8]) -> Vec<u8> {
        self.send(apdu);
        self.receive()
    }

    /// True when the card closed the connection (read gives end-of-file).
    fn sees_end(&mut self) -> bool {
        let mut byte = [0u8; 1];
        matches!(self.stream.read(&mut byte), Ok(0))
    }
}

fn listener() -> (TcpListener, SocketAddr) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    (listener, addr)
}

fn insert(addr: SocketAddr) -> InsertedCard {
    vpcd::insert(addr, applet()).unwrap()
}

#[test]
fn answers_the_atr_request_controls_without_answer_and_apdus_then_removal_closes_the_socket() {
    let (listener, addr) = listener();
    let card = insert(addr);
    let mut vpcd = FakeVpcd::accept(&listener);
    assert!(card.is_present());
    assert_eq!(vpcd.atr(), BEID_ATR);
    vpcd.control(POWER_ON);
    // No answer to power on: the next message is the APDU's response.
    assert_eq!(vpcd.transmit(SELECT_APPLET), OK);
    assert_eq!(vpcd.transmit(VERIFY_RIGHT), OK);
    assert_eq!(vpcd.transmit(MSE_SET), OK);
    assert_eq!(vpcd.transmit(&sign_command(b"challenge")), [0x61, 0x40]);
    assert_eq!(vpcd.transmit(GET_RESPONSE_64).len(), 66);
    vpcd.control(RESET);
    // The reset forgot the PIN.
    assert_eq!(vpcd.transmit(&sign_command(b"challenge")), [0x69, 0x82]);
    assert_eq!(vpcd.transmit(VERIFY_WRONG), [0x63, 0xC2]);
    vpcd.control(POWER_OFF);
    vpcd.control(POWER_ON);
    assert_eq!(vpcd.atr(), BEID_ATR);
    assert_eq!(card.tries_left(), 2);

    let applet = card.remove();
    assert!(vpcd.sees_end());
    assert_eq!(applet.tries_left(), 2);

    // The same card again: its counter came along.
    let card = vpcd::insert(addr, applet).unwrap();
    let mut vpcd = FakeVpcd::accept(&listener);
    assert_eq!(vpcd.transmit(&[0x00, 0x20, 0x00, 0x01]), [0x63, 0xC2]);
    drop(card);
    assert!(vpcd.sees_end());
}

#[test]
fn garbage_from_the_socket_is_answered_or_ignored_without_breaking_the_framing() {
    let (listener, addr) = listener();
    let card = insert(addr);
    let mut vpcd = FakeVpcd::accept(&listener);
    // An empty message and an unknown control get no answer, as with vsmartcard's own cards.
    vpcd.send(&[]);
    vpcd.control(7);
    vpcd.control(0xFF);
    assert_eq!(vpcd.atr(), BEID_ATR);
    for junk in [
        &[0x00, 0xA4][..],
        &[0xFF; 300][..],
        &[0x00; 3][..],
        &vec![0xA5; 4000][..],
    ] {
        let response = vpcd.transmit(junk);
        assert_eq!(response.len(), 2, "{response:02X?}");
    }
    assert_eq!(vpcd.transmit(SELECT_APPLET), OK);
    // A message cut short by the connection's end: the card stops serving, quietly.
    vpcd.stream.write_all(&[0x10, 0x00, 0x00, 0xA4]).unwrap();
    vpcd.stream.shutdown(std::net::Shutdown::Write).unwrap();
    let deadline = Instant::now() + Duration::from_secs(10);
    while card.is_present() {
        assert!(Instant::now() < deadline, "the card still serves");
        thread::sleep(Duration::from_millis(10));
    }
    assert_eq!(card.remove().tries_left(), 3);
}

#[test]
fn vpcd_closing_the_connection_ends_the_card_and_remove_still_returns_it() {
    let (listener, addr) = listener();
    let card = insert(addr);
    let mut vpcd = FakeVpcd::accept(&listener);
    assert_eq!(vpcd.transmit(VERIFY_WRONG), [0x63, 0xC2]);
    drop(vpcd);
    let deadline = Instant::now() + Duration::from_secs(10);
    while card.is_present() {
        assert!(Instant::now() < deadline, "the card still serves");
        thread::sleep(Duration::from_millis(10));
    }
    assert_eq!(card.remove().tries_left(), 2);
}

#[test]
fn insert_waits_for_a_vpcd_that_starts_listening_a_little_later() {
    // A free port, released for the late listener to take.
    let addr = listener().1;
    let late = thread::spawn(move || {
        thread::sleep(Duration::from_millis(300));
        let listener = TcpListener::bind(addr).unwrap();
        let mut vpcd = FakeVpcd::accept(&listener);
        vpcd.atr()
    });
    let card = insert(addr);
    assert_eq!(late.join().unwrap(), BEID_ATR);
    drop(card);
}

#[test]
fn the_default_address_is_vpcds_first_slot() {
    assert_eq!(vpcd::vpcd_addr(), "127.0.0.1:35963".parse().unwrap());
    assert_eq!(vpcd::VPCD_READER, "Virtual PCD 00 00");
    assert!(vpcd::CONNECT_PATIENCE >= Duration::from_secs(1));
    // Nothing listens on a port just released: the error comes back after the patience.
    let addr = listener().1;
    let started = Instant::now();
    let err = vpcd::insert(addr, applet()).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::ConnectionRefused);
    assert!(started.elapsed() >= vpcd::CONNECT_PATIENCE);
}
