//! Opening what the kiosk talks to, before the window: the print journal and spooler, the link to
//! the backend (embedded or remote, with the sync), the barcode scanner's settings, the eID
//! card reader and the headphone jack.

use std::sync::Arc;

use anyhow::Context as _;
use kiosk_core::clock::Clock;
use kiosk_core::config::Config;
use kiosk_core::devices::hub::DevicesHub;
use kiosk_core::print::{Journal, Spooler, TicketPrinter};
use kiosk_core::staff_pin::PinGuardFile;

use crate::app::Services;
use crate::backend_link::BackendLink;
use crate::card_reader::CardReader;
use crate::headset_watch::HeadsetWatch;
use crate::printer_watch::PrinterWatch;
use crate::scanner_watch::ScannerWatch;

/// Opens every service `config` names; an error here becomes the fault screen.
pub fn open(config: &Config, clock: Arc<dyn Clock>) -> anyhow::Result<Services> {
    // Every reason at once, before anything is opened: staff fix the config in one go.
    let refused = crate::demo_build::refusals(config);
    anyhow::ensure!(refused.is_empty(), "{}", refused.join("\n"));
    let data = &config.kiosk.data_dir;
    std::fs::create_dir_all(data)
        .with_context(|| format!("cannot create the data folder {}", data.display()))?;
    config
        .ticket_printer
        .prepare()
        .context("cannot create the ticket folder")?;
    let journal = Journal::open(&data.join("print-journal.sqlite"))
        .context("cannot open the print journal")?;
    let printer = TicketPrinter::new(config.ticket_printer.print_config())?;
    let spooler = Spooler::new(printer, Arc::new(journal), "ticket");
    // Staff reprint today's tickets only: what was printed before today is forgotten at the
    // start (and at midnight by the root), keeping kind, time and outcome.
    if let Ok(today) = clock.now().start_of_day()
        && let Err(error) = spooler.forget_before(today.timestamp())
    {
        tracing::error!(%error, "old tickets not forgotten");
    }
    let card = CardReader::start(&config.card_reader, clock.now().date())
        .context("cannot start the eID card reader")?;
    let devices = DevicesHub::new(config.scanner.is_some(), card.is_some());
    let backend = BackendLink::start(config, clock, &devices)?;
    Ok(Services {
        devices: Some(devices),
        printer: Some(PrinterWatch::new(Arc::new(spooler))),
        backend: Some(Arc::new(backend)),
        scanner: config.scanner.clone().map(ScannerWatch::new),
        card,
        staff_pin: Some(PinGuardFile::open(&data.join("staff-pin.json"))),
        speech: Some(start_speech(&config.speech)),
        headset: HeadsetWatch::new(&config.speech.headset),
    })
}

/// The speech service, connecting in the background: a kiosk without speech-dispatcher works on,
/// and its staff screen says so.
pub fn start_speech(settings: &kiosk_core::config::SpeechSettings) -> kiosk_speech::Speech {
    kiosk_speech::Speech::start(&kiosk_speech::SpeechConfig {
        enabled: settings.enabled,
        socket: settings.socket.clone(),
        rate: settings.rate,
    })
}
