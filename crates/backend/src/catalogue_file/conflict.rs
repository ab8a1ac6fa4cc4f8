//! What the database still needs from an entry that a new file removes. The choice, documented in
//! the README: an import never strands a resident's appointment nor loses the history of the
//! figures. A location or product that bookings refer to stays in the file (a product with
//! `locations = []` can no longer be booked; a location without products neither); a product is
//! not withdrawn from a location while appointments for it there are still ahead (they would
//! wait in a queue no desk there serves); a queue service is not removed while tickets wait in it.

use super::{Kind, Parsed, Problem};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Conflict {
    LocationRemoved {
        id: String,
        future_bookings: u64,
        bookings: u64,
        kiosks: u64,
    },
    ProductRemoved {
        id: String,
        future_bookings: u64,
        bookings: u64,
    },
    ProductWithdrawn {
        product: String,
        location: String,
        future_bookings: u64,
    },
    QueueServiceRemoved {
        id: String,
        open_tickets: u64,
    },
}

fn bookings(n: u64) -> String {
    if n == 1 {
        "1 booking".into()
    } else {
        format!("{n} bookings")
    }
}

impl Conflict {
    /// The conflict as a problem of the file, placed on the line it concerns when there is one.
    pub fn problem(&self, parsed: &Parsed) -> Problem {
        match self {
            Conflict::LocationRemoved {
                id,
                future_bookings,
                bookings: all,
                kiosks,
            } => Problem {
                line: None,
                key: "location".into(),
                reason: format!(
                    "location \"{id}\" is missing from the file, but {} still depend on it ({} from now on) and {kiosks} kiosk(s) are enrolled there; keep it in the file (with no products nothing new is booked there)",
                    bookings(*all),
                    future_bookings
                ),
            },
            Conflict::ProductRemoved {
                id,
                future_bookings,
                bookings: all,
            } => Problem {
                line: None,
                key: "product".into(),
                reason: format!(
                    "product \"{id}\" is missing from the file, but {} depend on it ({} from now on); keep it in the file: with locations = [] it can no longer be booked, which is accepted once no booking of it lies ahead",
                    bookings(*all),
                    future_bookings
                ),
            },
            Conflict::ProductWithdrawn {
                product,
                location,
                future_bookings,
            } => Problem {
                line: parsed.line_of(Kind::Product, product),
                key: "product.locations".into(),
                reason: format!(
                    "product \"{product}\" is no longer offered at \"{location}\", but {} from now on depend on it there; cancel or move them first, or keep the location in the list",
                    bookings(*future_bookings)
                ),
            },
            Conflict::QueueServiceRemoved { id, open_tickets } => Problem {
                line: None,
                key: "queue_service".into(),
                reason: format!(
                    "queue service \"{id}\" is missing from the file, but {open_tickets} ticket(s) are still waiting or at a desk in it; import again when they are served"
                ),
            },
        }
    }
}
