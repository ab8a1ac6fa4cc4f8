//! The demo municipality's name and postal code, which the generated register's addresses use.
//! Its catalogue (offices, hours, products, queues, certificates) is `seed/demo-catalogue.toml`.

pub const MUNICIPALITY: &str = "Heidebeek";
pub const POSTAL_CODE: &str = "3599";
