//! `seed --demo`: a realistic, entirely synthetic municipality, the same for the same seed and day.

mod holidays;
mod municipality;
pub mod national_number;
mod population;
pub(crate) mod rng;

use jiff::civil::Date;
use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp};
use kiosk_api::{Catalogue, Customer, Location, Product};

pub use population::{Household, Resident};

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
    pub queue_services: Vec<kiosk_api::QueueService>,
    pub products: Vec<Product>,
    pub certificate_types: Vec<kiosk_api::CertificateType>,
    pub households: Vec<Household>,
    pub residents: Vec<Resident>,
    pub bookings: Vec<NewBooking>,
}

impl DemoData {
    pub fn catalogue(&self) -> Catalogue {
        Catalogue {
            locations: self.locations.clone(),
            products: self.products.clone(),
            certificate_types: self.certificate_types.clone(),
            queue_services: self.queue_services.clone(),
        }
    }
}

/// The demo municipality as of `today`: holidays from last year to three years ahead, bookings over
/// the next four weeks.
pub fn generate(seed: u64, today: Date, tz: &TimeZone) -> DemoData {
    let mut rng = rng::Rng::new(seed);
    let mut locations = municipality::locations();
    let closures: Vec<_> = (today.year() - 1..=today.year() + 3)
        .flat_map(holidays::for_year)
        .collect();
    for location in &mut locations {
        location.closures = closures.clone();
    }
    let products = municipality::products();
    let (households, residents) = population::generate(&mut rng, DEMO_RESIDENTS);
    let bookings = bookings(&mut rng, &locations, &products, &residents, today, tz);
    DemoData {
        locations,
        queue_services: municipality::queue_services(),
        products,
        certificate_types: municipality::certificate_types(),
        households,
        residents,
        bookings,
    }
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
