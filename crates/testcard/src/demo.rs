//! The demo card: a resident of the synthetic register that `seed --demo` writes, with a card from
//! the same seed's CA, so that a backend seeded with that seed accepts it and finds the person.

use std::collections::HashMap;

use jiff::civil::Date;
use jiff::tz::TimeZone;

use super::{CardHolder, DemoCa, TestCard, TestCardError};
use kiosk_backend::seed::{self, Resident};

/// The holder of seed `seed`'s demo card: the first resident (by register id) who is an adult on
/// `today` and lives with at least one other person, so a household certificate lists members.
///
/// The register does not depend on the day (only the bookings do), and households are written
/// reference person first, the reference born 1935 to 2004: from 2023 on, the choice is the
/// reference person of the register's first household of two or more, whatever `today` is.
pub fn demo_holder(seed: u64, today: Date) -> Result<CardHolder, TestCardError> {
    let tz = TimeZone::get(kiosk_backend::TIMEZONE)
        .map_err(|e| TestCardError::Register(e.to_string()))?;
    let data = seed::generate(seed, today, &tz);
    let mut sizes: HashMap<i64, usize> = HashMap::new();
    for resident in &data.residents {
        *sizes.entry(resident.household_id).or_default() += 1;
    }
    let holder = data
        .residents
        .iter()
        .filter(|r| sizes.get(&r.household_id).copied().unwrap_or(0) >= 2)
        .filter(|r| is_adult(r, today))
        .min_by_key(|r| r.id)
        .ok_or_else(|| TestCardError::Register("no adult living with others".into()))?;
    let household = data
        .households
        .iter()
        .find(|h| h.id == holder.household_id)
        .ok_or_else(|| TestCardError::Register("a resident without a household".into()))?;
    Ok(CardHolder::from_register(holder, household))
}

/// [`demo_holder`] and their card from [`DemoCa::from_seed`] of the same seed: the CA whose root
/// `seed --demo` stores as the trust anchor.
pub fn demo_card(seed: u64, today: Date) -> Result<(CardHolder, TestCard), TestCardError> {
    let holder = demo_holder(seed, today)?;
    let card = DemoCa::from_seed(seed)?.card(&holder)?;
    Ok((holder, card))
}

/// [`demo_holder`] and their applet 1.8 card (ECDSA P-384, T=0, raw `r || s`), from
/// [`DemoCa::p384_from_seed`] of the same seed, whose root [`super::seed_demo`] also trusts: the
/// kind of card most residents have.
pub fn demo_card_18(seed: u64, today: Date) -> Result<(CardHolder, TestCard), TestCardError> {
    let holder = demo_holder(seed, today)?;
    let card = DemoCa::p384_from_seed(seed)?.card(&holder)?;
    Ok((holder, card))
}

/// 18 or older on `today`.
fn is_adult(resident: &Resident, today: Date) -> bool {
    let born = resident.birth_date;
    let birthday_passed = (today.month(), today.day()) >= (born.month(), born.day());
    let age = i32::from(today.year()) - i32::from(born.year()) - i32::from(!birthday_passed);
    age >= 18
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use jiff::civil::date;

    use super::*;

    #[test]
    fn the_demo_holder_is_the_same_adult_whatever_the_day() {
        let a = demo_holder(1, date(2026, 1, 20)).unwrap();
        let b = demo_holder(1, date(2031, 9, 2)).unwrap();
        assert_eq!(a.national_number, b.national_number);
        assert_eq!(a.card_number, b.card_number);
        assert_ne!(
            demo_holder(2, date(2026, 1, 20)).unwrap().national_number,
            a.national_number
        );
    }
}
