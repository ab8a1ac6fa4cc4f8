//! Belgian rules the kiosk checks itself: phone numbers, e-mail addresses, national numbers,
//! booking codes.
