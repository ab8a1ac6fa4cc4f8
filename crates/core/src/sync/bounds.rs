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

#[cfg(test)]
mod tests {
    use super::*;
    use kiosk_api::{ArrivalWindow, LocalizedText};

    fn product(persons: u32, duration: u32, extra: u32, before: u32, after: u32) -> Product {
        let text = || LocalizedText {
            nl: "Paspoort".into(),
            fr: "Passeport".into(),
            de: "Reisepass".into(),
            en: "Passport".into(),
        };
        Product {
            id: "passport".into(),
            name: text(),
            duration_min: duration,
            extra_duration_per_person_min: extra,
            max_persons: persons,
            required_customer_fields: Vec::new(),
            queue_service_id: "B".into(),
            arrival_window: ArrivalWindow {
                before_min: before,
                after_min: after,
            },
            location_ids: vec!["town-hall".into()],
            bring: Vec::new(),
        }
    }

    fn numbers(p: &Product) -> (u32, u32, u32, u32, u32) {
        (
            p.max_persons,
            p.duration_min,
            p.extra_duration_per_person_min,
            p.arrival_window.before_min,
            p.arrival_window.after_min,
        )
    }

    fn bound(p: Product) -> Product {
        let mut p = p;
        bound_product(&mut p);
        p
    }

    #[test]
    fn numbers_inside_the_bounds_are_kept_to_the_last() {
        let usual = product(4, 15, 5, 15, 10);
        assert_eq!(numbers(&bound(usual.clone())), numbers(&usual));
        // Exactly at each bound: kept.
        let edge = product(
            MAX_PERSONS,
            MAX_DURATION_MIN,
            MAX_DURATION_MIN,
            MAX_WINDOW_MIN,
            MAX_WINDOW_MIN,
        );
        assert_eq!(numbers(&bound(edge.clone())), numbers(&edge));
        // The least: one person, one minute, nothing extra, no window.
        let least = product(1, 1, 0, 0, 0);
        assert_eq!(numbers(&bound(least.clone())), numbers(&least));
    }

    #[test]
    fn numbers_past_the_bounds_are_brought_to_them() {
        let past = product(
            MAX_PERSONS + 1,
            MAX_DURATION_MIN + 1,
            MAX_DURATION_MIN + 1,
            MAX_WINDOW_MIN + 1,
            MAX_WINDOW_MIN + 1,
        );
        assert_eq!(
            numbers(&bound(past)),
            (
                MAX_PERSONS,
                MAX_DURATION_MIN,
                MAX_DURATION_MIN,
                MAX_WINDOW_MIN,
                MAX_WINDOW_MIN
            )
        );
        // Nobody and no time: one person, one minute.
        assert_eq!(numbers(&bound(product(0, 0, 0, 0, 0))), (1, 1, 0, 0, 0));
        // The whole catalogue's products, each of them.
        let catalogue = Catalogue {
            locations: Vec::new(),
            products: vec![product(1, 1, 0, 0, 0), product(99, 1, 0, 0, 0)],
            certificate_types: Vec::new(),
            queue_services: Vec::new(),
        };
        let bounded = bounded(catalogue);
        assert_eq!(bounded.products[1].max_persons, MAX_PERSONS);
    }
}
