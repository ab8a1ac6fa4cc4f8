//! `kiosk print-test`: what an installer runs first. Prints a test ticket and a test document on
//! the configured printers and reports each printer's status, in words for the installer.

use std::process::ExitCode;

use kiosk_core::clock::{Clock, SystemClock};
use kiosk_core::config::Config;
use kiosk_core::i18n::{I18n, PrintLabels};
use kiosk_core::print::models::Municipality;
use kiosk_core::print::pdf::{Delivered, deliver_pdf, render_document};
use kiosk_core::print::{BookingConfirmation, Document, TestTicket, Ticket, TicketPrinter};

pub fn run(config: &Config) -> anyhow::Result<ExitCode> {
    let i18n = I18n::embedded()?;
    let labels = PrintLabels {
        i18n: &i18n,
        language: config.kiosk.default_language,
    };
    let now = SystemClock::new(config.kiosk.timezone.clone()).now();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    let mut all_ok = true;

    config.ticket_printer.prepare()?;
    let ticket_config = config.ticket_printer.print_config();
    println!("ticket printer: {}", ticket_config.transport.target());
    let printer = TicketPrinter::new(ticket_config)?;
    let status = runtime.block_on(printer.status());
    println!("  status: {status}");
    let ticket = Ticket::Test(TestTicket {
        municipality: config.kiosk.municipality.clone(),
        printer_name: config.kiosk.name.clone(),
        printed_at: now.clone(),
    });
    match printer
        .render(&ticket, &labels)
        .map(|bytes| runtime.block_on(printer.print(bytes)))
    {
        Ok(Ok(())) => println!("  test ticket: printed"),
        Ok(Err(error)) | Err(error) => {
            all_ok = false;
            println!("  test ticket: FAILED: {error}");
        }
    }

    let destination = config.document_printer.destination();
    println!("document printer: {}", destination.target());
    let document = Document::BookingConfirmation(BookingConfirmation {
        municipality: Municipality {
            name: config.kiosk.municipality.clone(),
            address: Vec::new(),
            website: String::new(),
        },
        resident_name: "Test".into(),
        product: i18n.text(config.kiosk.default_language, "print-test-heading"),
        starts_at: now.clone(),
        location: config.kiosk.name.clone(),
        booking_code: "TEST".into(),
        document_number: format!("TEST-{}", now.strftime("%Y%m%d-%H%M%S")),
        issued_at: now.clone(),
        bring: Vec::new(),
        verification: kiosk_core::print::models::Verification {
            url: "TEST".into(),
            code: "TEST".into(),
        },
    });
    let language = config.kiosk.default_language.tag();
    let name = format!("print-test-{}", now.strftime("%Y%m%d-%H%M%S"));
    let delivered = render_document(&document, &labels, language)
        .map(|pdf| runtime.block_on(deliver_pdf(&destination, &name, pdf)));
    match delivered {
        Ok(Ok(Delivered::Saved(path))) => println!("  test document: saved to {}", path.display()),
        Ok(Ok(Delivered::Printed(job))) => println!("  test document: printed (CUPS job {job})"),
        Ok(Err(error)) | Err(error) => {
            all_ok = false;
            println!("  test document: FAILED: {error}");
        }
    }
    Ok(if all_ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}
