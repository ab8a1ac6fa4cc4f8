//! The Belgian eID card (BEID applet): its file formats, the APDUs the kiosk sends, and
//! [`BeidCard`], which reads and checks a card through any [`CardTransport`]; [`pcsc`] is the
//! real reader (a [`PcscCard`] transport, the reader's PIN pad, reader and card events).
//!
//! Reading the identity and address needs no PIN and only proves a card is present; proving
//! the holder is present takes [`BeidCard::verify_pin`] and then
//! [`BeidCard::sign_challenge`] with the authentication key. What the card holds is personal
//! data: the types here never show it in `Debug` and nothing here logs it.

pub mod apdu;
pub mod card;
pub mod dates;
pub mod files;
pub mod identity;
pub mod pcsc;
pub mod pin;
pub mod signing;
pub mod tlv;

pub use self::pcsc::{PadOutcome, PcscCard, PcscReader, ReaderEvent, ReaderWatch};
pub use card::{BeidCard, CardError, CardTransport, EvidenceFiles, PinOutcome};
pub use dates::BirthDate;
pub use files::FilePath;
pub use identity::{Address, DataError, Identity};
pub use pin::{Pin, PinError};
pub use signing::{Curve, SigningError, SigningMethod};
