//! Numbers from the backend's catalogue are bounded before the kiosk uses them: a wrong or
//! hostile catalogue must not make the booking screens draw a million "persons" buttons or
//! count an appointment's length past what a day holds.

use kiosk_api::{Catalogue, Product};

/// The most persons one appointment may be for.
pub const MAX_PERSONS: u32 = 20;
/// The longest appointment, and the longest extra time per person, in minutes.
pub const MAX_DURATION_MIN: u32 = 8 * 60;
/// The widest check-in window on either side of the booked time, in minutes.
pub const MAX_WINDOW_MIN: u32 = 12 * 60;

/// The catalogue with every product's numbers inside the bounds above. A clamped number is
/// logged with the product's id (a catalogue holds nothing personal).
pub fn bounded(mut catalogue: Catalogue) -> Catalogue {
    for product in &mut catalogue.products {
        bound_product(product);
    }
    catalogue
}

fn bound_product(product: &mut Product) {
    let before = (
        product.max_persons,
        product.duration_min,
        product.extra_duration_per_person_min,
        product.arrival_window.before_min,
        product.arrival_window.after_min,
    );
    product.max_persons = product.max_persons.clamp(1, MAX_PERSONS);
    product.duration_min = product.duration_min.clamp(1, MAX_DURATION_MIN);
    product.extra_duration_per_person_min =
        product.extra_duration_per_person_min.min(MAX_DURATION_MIN);
    product.arrival_window.before_min = product.arrival_window.before_min.min(MAX_WINDOW_MIN);
    product.arrival_window.after_min = product.arrival_window.after_min.min(MAX_WINDOW_MIN);
    let after = (
        product.max_persons,
        product.duration_min,
        product.extra_duration_per_person_min,
        product.arrival_window.before_min,
        product.arrival_window.after_min,
    );
    if before != after {
        tracing::warn!(product = %product.id, ?before, ?after, "catalogue numbers out of bounds, clamped");
    }
}
