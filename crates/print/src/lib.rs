//! Printing: what is printed (models), how (ESC/POS, PDF) and where (transports).
//!
//! The kiosk renders a model with its [`Labels`] (Fluent), then prints the bytes through a
//! [`TicketPrinter`] (or a [`Spooler`] that journals them), or builds a PDF document.

pub mod error;
pub mod escpos;
pub mod journal;
pub mod labels;
pub mod models;
pub mod pdf;
pub mod printer;
pub mod spool;
pub mod status;
pub mod transliterate;
pub mod transport;

pub use error::PrintError;
pub use escpos::{Columns, Layout, render_ticket};
pub use journal::{JobState, Journal};
pub use labels::Labels;
pub use models::{
    Block, BookingConfirmation, BookingTicket, Certificate, Document, QueueTicket, TestTicket,
    Ticket,
};
pub use printer::{TicketPrinter, TicketPrinterConfig};
pub use spool::{JobOutcome, Spooler};
pub use status::PrinterStatus;
pub use transport::TransportConfig;
