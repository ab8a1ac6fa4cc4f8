//! Through a real CUPS. They need cupsd with two queues (`tests/tools/cups-up` makes them, and
//! `tests/run` calls it); a missing queue fails the test with that advice:
//!
//! ```sh
//! apt-get install cups printer-driver-cups-pdf; cupsd -f &
//! lpadmin -p KioskPDF -E -v cups-pdf:/ -P /usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd
//! lpadmin -p KioskRaw -E -v socket://127.0.0.1:9100     # raw, to emupos
//! ```
//!
//! and emupos for the raw queue.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

use common::emupos::{
    TURN, clear_all_faults, flat, marker, receipt_ids, require_emupos, wait_for_receipt,
};
use common::{FluentLabels, certificate, queue_ticket};
use kiosk_print::pdf::{Delivered, PdfDestination, deliver_pdf, render_document};
use kiosk_print::{PrintError, Ticket, TicketPrinter, TicketPrinterConfig, TransportConfig};

/// Fails, rather than skips, when the queue is not there.
fn require_cups(queue: &str) {
    let present = Command::new("lpstat")
        .args(["-p", queue])
        .output()
        .is_ok_and(|out| out.status.success());
    assert!(
        present,
        "CUPS queue {queue} is missing: run `tests/tools/cups-up` as root (tests/run does)"
    );
}

/// cups-pdf writes `~/PDF/<title, mangled>-job_<id>.pdf`, re-rendered by Ghostscript.
fn cups_pdf_output(job: &str) -> Option<PathBuf> {
    let suffix = format!("-job_{}.pdf", job.rsplit('-').next().unwrap());
    let dir = PathBuf::from(std::env::var("HOME").unwrap()).join("PDF");
    std::fs::read_dir(dir)
        .ok()?
        .map(|e| e.unwrap().path())
        .find(|p| p.to_string_lossy().ends_with(&suffix))
}

#[tokio::test]
async fn pdf_through_cups_completes_and_keeps_its_qr() {
    require_cups("KioskPDF");
    let name = format!("HZ-2026-{}", marker());
    let pdf = render_document(&certificate(0), &FluentLabels::new("de-BE"), "de-BE").unwrap();
    let destination = PdfDestination::Cups {
        queue: "KioskPDF".to_owned(),
        timeout_s: 60,
    };
    let Delivered::Printed(job) = deliver_pdf(&destination, &name, pdf).await.unwrap() else {
        panic!("printed through CUPS");
    };
    let start = Instant::now();
    let out = loop {
        if let Some(out) = cups_pdf_output(&job) {
            break out;
        }
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "no cups-pdf output for {job}"
        );
        std::thread::sleep(Duration::from_millis(200));
    };
    let png = std::env::temp_dir().join(&name);
    let status = Command::new("pdftoppm")
        .args(["-r", "150", "-png", "-singlefile"])
        .arg(&out)
        .arg(&png)
        .status()
        .unwrap();
    assert!(status.success());
    let qr = Command::new("zbarimg")
        .args(["--quiet", "--raw"])
        .arg(png.with_extension("png"))
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&qr.stdout).trim(),
        "https://verify.heusden-zolder.example/d/HZ-2026-000123?c=Q7KX9MPA"
    );
    let _ = std::fs::remove_file(png.with_extension("png"));
}

#[tokio::test]
async fn unknown_cups_queue_fails() {
    require_cups("KioskPDF");
    let pdf = render_document(&certificate(0), &FluentLabels::new("en"), "en").unwrap();
    let destination = PdfDestination::Cups {
        queue: "NoSuchQueue".to_owned(),
        timeout_s: 5,
    };
    let error = deliver_pdf(&destination, "x", pdf).await.unwrap_err();
    // CUPS itself refused the queue: not lp missing, not a timeout.
    assert!(
        matches!(&error, PrintError::Cups(message) if message.contains("does not exist")),
        "{error:?}"
    );
}

#[tokio::test]
async fn ticket_through_a_cups_raw_queue_reaches_the_printer() {
    require_cups("KioskRaw");
    require_emupos();
    let _turn = TURN.lock().await;
    clear_all_faults();
    let mark = marker();
    let Ticket::Queue(mut ticket) = queue_ticket("E021") else {
        unreachable!()
    };
    ticket.municipality = format!("Commune {mark}");
    let printer = TicketPrinter::new(TicketPrinterConfig::new(TransportConfig::Cups {
        queue: "KioskRaw".to_owned(),
    }))
    .unwrap();
    let bytes = printer
        .render(&Ticket::Queue(ticket), &FluentLabels::new("fr-BE"))
        .unwrap();
    let before = receipt_ids();
    printer.print(bytes).await.unwrap();
    let text = flat(&wait_for_receipt(&before, &mark));
    assert!(
        text.contains("E021") && text.contains("Suivez l'écran dans la salle d'attente."),
        "{text}"
    );
}
