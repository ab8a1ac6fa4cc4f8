//! `seed --demo`: a realistic, entirely synthetic municipality, the same for the same seed and day.
//! Its catalogue is a catalogue file (`seed/demo-catalogue.toml`), loaded through the import's
//! code; the register and the bookings are generated.

mod municipality;
pub mod national_number;
mod population;
pub(crate) mod rng;

use jiff::civil::Date;
use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp};
use kiosk_api::{Catalogue, Customer, Location, Product};

pub use population::{Household, Resident};

use crate::catalogue_file::{self, CatalogueFile, Problem};
use crate::codes;
use crate::slots;
use crate::store::NewBooking;

/// Residents in the demo register (the issue asks for at least 2,000).
pub const DEMO_RESIDENTS: usize = 2_400;
/// Bookings are spread over this many days from the seed day.
const BOOKING_DAYS: i64 = 28;

/// Everything `seed --demo` writes.
#[derive(Debug, Clone)]
pub struct DemoData {
    pub locations: Vec<Location>,
    pub desks: Vec<crate::catalogue_file::Desk>,
    pub queue_services: Vec<kiosk_api::QueueService>,
    pub products: Vec<Product>,
    pub certificate_types: Vec<kiosk_api::CertificateType>,
    pub households: Vec<Household>,
    pub residents: Vec<Resident>,
    pub bookings: Vec<NewBooking>,
}

impl DemoData {
    /// The catalogue part, as the import writes it (a desk for each counted desk).
    pub fn catalogue_file(&self) -> crate::catalogue_file::CatalogueFile {
        crate::catalogue_file::CatalogueFile {
            locations: self.locations.clone(),
            desks: self.desks.clone(),
            queue_services: self.queue_services.clone(),
            products: self.products.clone(),
            certificate_types: self.certificate_types.clone(),
        }
    }

    pub fn catalogue(&self) -> Catalogue {
        Catalogue {
            locations: self.locations.clone(),
            products: self.products.clone(),
            certificate_types: self.certificate_types.clone(),
            queue_services: self.queue_services.clone(),
        }
    }
}

/// The demo municipality's catalogue: `seed/demo-catalogue.toml`, read by the catalogue import's
/// own code (its holidays run from 2024 to 2030).
pub fn demo_catalogue() -> Result<CatalogueFile, Vec<Problem>> {
    catalogue_file::parse(catalogue_file::DEMO).map(|parsed| parsed.file)
}

/// The demo municipality as of `today`: the demo catalogue, a generated register and bookings
/// over the next four weeks. A broken demo file (which a unit test rules out) is an error.
pub fn try_generate(seed: u64, today: Date, tz: &TimeZone) -> Result<DemoData, Vec<Problem>> {
    let catalogue = demo_catalogue()?;
    let mut rng = rng::Rng::new(seed);
    let (households, residents) = population::generate(&mut rng, DEMO_RESIDENTS);
    let bookings = bookings(
        &mut rng,
        &catalogue.locations,
        &catalogue.products,
        &residents,
        today,
        tz,
    );
    Ok(DemoData {
        locations: catalogue.locations,
        desks: catalogue.desks,
        queue_services: catalogue.queue_services,
        products: catalogue.products,
        certificate_types: catalogue.certificate_types,
        households,
        residents,
        bookings,
    })
}

/// [`try_generate`] for tests and tools that only need the register: a broken demo file gives
/// an empty catalogue (and an error in the log) instead of a panic.
pub fn generate(seed: u64, today: Date, tz: &TimeZone) -> DemoData {
    try_generate(seed, today, tz).unwrap_or_else(|problems| {
        for p in &problems {
            tracing::error!(problem = %p, "the demo catalogue file is broken");
        }
        let mut rng = rng::Rng::new(seed);
        let (households, residents) = population::generate(&mut rng, DEMO_RESIDENTS);
        DemoData {
            locations: Vec::new(),
            desks: Vec::new(),
            queue_services: Vec::new(),
            products: Vec::new(),
            certificate_types: Vec::new(),
            households,
            residents,
            bookings: Vec::new(),
        }
    })
}

/// About a third of the slots of each open day are booked, by residents of the register.
fn bookings(
    rng: &mut rng::Rng,
    locations: &[Location],
    products: &[Product],
    residents: &[Resident],
    today: Date,
    tz: &TimeZone,
) -> Vec<NewBooking> {
    let mut out = Vec::new();
    for offset in 1..=BOOKING_DAYS {
        let Ok(day) = today.checked_add(SignedDuration::from_hours(24 * offset)) else {
            continue;
        };
        for location in locations {
            let closed = location.closures.iter().map(|c| c.date).collect();
            let offered: Vec<&Product> = products
                .iter()
                .filter(|p| p.location_ids.contains(&location.id))
                .collect();
            let capacity = slots::candidates(tz, &location.opening_hours, &closed, day, 15).len();
            let wanted = capacity * usize::try_from(location.desks).unwrap_or(1) / 3;
            for _ in 0..wanted {
                let (Some(product), Some(resident)) = (rng.pick(&offered), rng.pick(residents))
                else {
                    continue;
                };
                let persons = if rng.chance(20) {
                    2.min(product.max_persons)
                } else {
                    1
                };
                let minutes = product.duration_for(persons);
                let day_slots =
                    slots::candidates(tz, &location.opening_hours, &closed, day, minutes);
                let Some(&(start, end)) = rng.pick(&day_slots) else {
                    continue;
                };
                let mut id_bytes = [0u8; 16];
                id_bytes.iter_mut().for_each(|b| *b = rng.byte());
                let code = codes::short_code_from(|| rng.byte());
                let mut secret = [0u8; 16];
                secret.iter_mut().for_each(|b| *b = rng.byte());
                out.push(NewBooking {
                    id: uuid::Builder::from_random_bytes(id_bytes).into_uuid(),
                    kiosk_id: None,
                    // The demo's appointments ahead, as residents book most of them.
                    channel: kiosk_api::Channel::Web,
                    location_id: location.id.clone(),
                    product_id: product.id.clone(),
                    persons,
                    start,
                    end,
                    desks: location.desks,
                    code,
                    qr_secret: codes::hex(&secret),
                    customer: Customer {
                        name: format!("{} {}", resident.first_names, resident.surname),
                        phone: Some(format!("04{:08}", rng.below(100_000_000))),
                        email: None,
                    },
                    hold_expires: None,
                });
            }
        }
    }
    out
}

/// The seed day's "now" for writing: bookings are checked against the time they are made.
pub fn now_for(today: Date, tz: &TimeZone) -> Timestamp {
    today
        .to_zoned_datetime(tz.clone())
        .map(|z| z.timestamp())
        .unwrap_or(Timestamp::UNIX_EPOCH)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    #[test]
    fn the_demo_file_is_a_valid_catalogue() {
        let file = super::demo_catalogue().unwrap();
        assert_eq!(file.locations.len(), 2);
        assert_eq!(file.locations[0].desks, 3, "three desks at the town hall");
        assert!(file.locations.iter().all(|l| l.closures.len() >= 70));
    }
}
