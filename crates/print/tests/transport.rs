//! Transports and status against local fakes (no emupos needed): file, TCP, serial pty.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::time::Duration;

use common::fake::{self, FakePrinter};
use common::{FluentLabels, queue_ticket};
use kiosk_print::{PrintError, PrinterStatus, TicketPrinter, TicketPrinterConfig, TransportConfig};

fn tcp_printer(fake: &FakePrinter) -> TicketPrinter {
    let mut config = TicketPrinterConfig::new(TransportConfig::Tcp {
        host: "127.0.0.1".to_owned(),
        port: fake.port,
    });
    config.settle_ms = 20;
    config.timeout_ms = 2000;
    TicketPrinter::new(config).unwrap()
}

#[tokio::test]
async fn file_transport_writes_one_file_per_job() {
    let dir = tempfile::tempdir().unwrap();
    let printer = TicketPrinter::new(TicketPrinterConfig::new(TransportConfig::File {
        path: dir.path().to_owned(),
    }))
    .unwrap();
    let bytes = printer
        .render(&queue_ticket("B007"), &FluentLabels::new("nl-BE"))
        .unwrap();
    printer.print(bytes.clone()).await.unwrap();
    printer.print(bytes.clone()).await.unwrap();
    let files: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(files.len(), 2);
    assert_eq!(std::fs::read(&files[0]).unwrap(), bytes);
    assert_eq!(printer.status().await, PrinterStatus::NotReported);
}

#[tokio::test]
async fn usb_device_file_gets_the_bytes() {
    // usblp is a character device that takes writes; a plain file stands in for it.
    let dir = tempfile::tempdir().unwrap();
    let device = dir.path().join("lp0");
    std::fs::write(&device, b"").unwrap();
    let printer = TicketPrinter::new(TicketPrinterConfig::new(TransportConfig::Usb {
        path: device.clone(),
    }))
    .unwrap();
    let bytes = printer
        .render(&queue_ticket("B007"), &FluentLabels::new("en"))
        .unwrap();
    printer.print(bytes.clone()).await.unwrap();
    assert_eq!(std::fs::read(&device).unwrap(), bytes);
    assert_eq!(printer.status().await, PrinterStatus::NotReported);
    let missing = TicketPrinter::new(TicketPrinterConfig::new(TransportConfig::Usb {
        path: dir.path().join("lp9"),
    }))
    .unwrap();
    assert!(matches!(
        missing.print(bytes).await,
        Err(PrintError::Connect { .. })
    ));
}

#[tokio::test]
async fn tcp_prints_and_reports_status() {
    let fake = FakePrinter::start();
    let printer = tcp_printer(&fake);
    assert_eq!(printer.status().await, PrinterStatus::Ready);
    let bytes = printer
        .render(&queue_ticket("B007"), &FluentLabels::new("nl-BE"))
        .unwrap();
    printer.print(bytes.clone()).await.unwrap();
    assert_eq!(fake.state.lock().unwrap().received, bytes);

    fake.set_status([0x16, 0x12, 0x1e]);
    assert_eq!(printer.status().await, PrinterStatus::PaperNearEnd);
    fake.set_status(fake::COVER_OPEN);
    assert_eq!(printer.status().await, PrinterStatus::CoverOpen);
}

#[tokio::test]
async fn tcp_refuses_when_paper_is_out_and_sends_nothing() {
    let fake = FakePrinter::start();
    fake.set_status(fake::PAPER_OUT);
    let printer = tcp_printer(&fake);
    let bytes = printer
        .render(&queue_ticket("B007"), &FluentLabels::new("nl-BE"))
        .unwrap();
    let err = printer.print(bytes).await.unwrap_err();
    assert!(
        matches!(err, PrintError::NotReady(PrinterStatus::PaperOut)),
        "{err}"
    );
    assert!(fake.state.lock().unwrap().received.is_empty());
}

#[tokio::test]
async fn tcp_unreachable_is_a_status_and_an_error() {
    // A port nobody listens on: bind, take the number, close.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mut config = TicketPrinterConfig::new(TransportConfig::Tcp {
        host: "127.0.0.1".to_owned(),
        port,
    });
    config.timeout_ms = 500;
    let printer = TicketPrinter::new(config).unwrap();
    assert!(matches!(
        printer.status().await,
        PrinterStatus::Unreachable(_)
    ));
    assert!(matches!(
        printer.print(vec![0x1B, b'@']).await,
        Err(PrintError::Connect { .. })
    ));
}

#[tokio::test]
async fn watch_publishes_changes() {
    let fake = FakePrinter::start();
    let printer = tcp_printer(&fake);
    let mut rx = printer.watch(Duration::from_millis(50));
    rx.wait_for(|s| *s == PrinterStatus::Ready).await.unwrap();
    fake.set_status(fake::PAPER_OUT);
    let status = tokio::time::timeout(Duration::from_secs(5), rx.wait_for(|s| s.is_fault()))
        .await
        .unwrap()
        .unwrap()
        .clone();
    assert_eq!(status, PrinterStatus::PaperOut);
}

#[tokio::test]
async fn serial_prints_and_reports_status() {
    use serialport::{SerialPort, TTYPort};
    let (mut master, slave) = TTYPort::pair().unwrap();
    let path = slave.name().unwrap();
    master.set_timeout(Duration::from_secs(10)).unwrap();
    let state = std::sync::Arc::new(std::sync::Mutex::new(fake::State {
        status: fake::READY,
        ..fake::State::default()
    }));
    let shared = state.clone();
    std::thread::spawn(move || fake::serve(&mut master, &shared));

    let mut config = TicketPrinterConfig::new(TransportConfig::Serial {
        path: path.into(),
        baud: 38400,
    });
    config.settle_ms = 20;
    let printer = TicketPrinter::new(config).unwrap();
    assert_eq!(printer.status().await, PrinterStatus::Ready);
    let bytes = printer
        .render(&queue_ticket("B007"), &FluentLabels::new("nl-BE"))
        .unwrap();
    printer.print(bytes.clone()).await.unwrap();
    assert_eq!(state.lock().unwrap().received, bytes);
    drop(slave);
}

#[test]
fn transport_config_reads_from_toml_shapes() {
    let tcp: TransportConfig =
        serde_json::from_str(r#"{"kind":"tcp","host":"192.0.2.10"}"#).unwrap();
    assert_eq!(
        tcp,
        TransportConfig::Tcp {
            host: "192.0.2.10".to_owned(),
            port: 9100
        }
    );
    let serial: TransportConfig =
        serde_json::from_str(r#"{"kind":"serial","path":"/dev/ttyUSB0","baud":19200}"#).unwrap();
    assert_eq!(serial.target(), "serial:/dev/ttyUSB0@19200");
    let usb: TransportConfig = serde_json::from_str(r#"{"kind":"usb"}"#).unwrap();
    assert_eq!(usb.target(), "usb:/dev/usb/lp0");
    let cups: TransportConfig =
        serde_json::from_str(r#"{"kind":"cups","queue":"tickets"}"#).unwrap();
    assert_eq!(cups.target(), "cups:tickets");
    let printer: TicketPrinterConfig =
        serde_json::from_str(r#"{"columns":32,"transport":{"kind":"file","path":"/tmp/t"}}"#)
            .unwrap();
    assert_eq!(printer.columns, kiosk_print::Columns::MM58);
    assert!(
        serde_json::from_str::<TicketPrinterConfig>(
            r#"{"columns":40,"transport":{"kind":"file","path":"/tmp/t"}}"#
        )
        .is_err()
    );
}

/// The shape the kiosk's config loader embeds under `[printer.ticket]` and `[printer.document]`.
#[test]
fn printer_config_from_kiosk_toml() {
    #[derive(serde::Deserialize)]
    struct Printers {
        ticket: TicketPrinterConfig,
        document: kiosk_print::pdf::PdfDestination,
    }
    #[derive(serde::Deserialize)]
    struct Kiosk {
        printer: Printers,
    }
    let kiosk: Kiosk = toml::from_str(
        r#"
        [printer.ticket]
        columns = 48
        timeout_ms = 3000

        [printer.ticket.transport]
        kind = "serial"
        path = "/dev/ttyS0"
        baud = 19200

        [printer.document]
        kind = "cups"
        queue = "A4"
        "#,
    )
    .unwrap();
    assert_eq!(kiosk.printer.ticket.columns, kiosk_print::Columns::MM80_48);
    assert_eq!(kiosk.printer.ticket.settle_ms, 300);
    assert_eq!(
        kiosk.printer.ticket.transport.target(),
        "serial:/dev/ttyS0@19200"
    );
    assert_eq!(
        kiosk.printer.document,
        kiosk_print::pdf::PdfDestination::Cups {
            queue: "A4".to_owned(),
            timeout_s: 120
        }
    );
    let inline: Printers = toml::from_str(
        r#"
        ticket = { transport = { kind = "tcp", host = "192.0.2.10" } }
        document = { kind = "folder", path = "/var/lib/kiosk/pdf" }
        "#,
    )
    .unwrap();
    assert_eq!(inline.ticket.transport.target(), "tcp://192.0.2.10:9100");
}
