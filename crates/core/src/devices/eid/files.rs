//! Where things are on the card: paths of 16-bit file identifiers from the master file 3F00.

use std::fmt;

/// A path from the master file, e.g. `3F00/DF01/4031`.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct FilePath(&'static [u16]);

impl FilePath {
    pub const fn new(ids: &'static [u16]) -> Self {
        Self(ids)
    }

    pub fn ids(&self) -> &'static [u16] {
        self.0
    }

    /// The identifiers big-endian, as SELECT FILE by path sends them.
    pub fn to_bytes(&self) -> Vec<u8> {
        self.0.iter().flat_map(|id| id.to_be_bytes()).collect()
    }
}

impl fmt::Display for FilePath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, id) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("/")?;
            }
            write!(f, "{id:04X}")?;
        }
        Ok(())
    }
}

impl fmt::Debug for FilePath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "FilePath({self})")
    }
}

/// The BELPIC folder of the keys and certificates: applet 1.7 and later sign with it selected
/// (Fedict's middleware selects it before MSE SET).
pub const BELPIC_FOLDER: FilePath = FilePath::new(&[0x3F00, 0xDF00]);
/// Identity fields (TLV), signed by the national register in [`IDENTITY_SIGNATURE`].
pub const IDENTITY: FilePath = FilePath::new(&[0x3F00, 0xDF01, 0x4031]);
pub const IDENTITY_SIGNATURE: FilePath = FilePath::new(&[0x3F00, 0xDF01, 0x4032]);
/// Address fields (TLV), signed in [`ADDRESS_SIGNATURE`].
pub const ADDRESS: FilePath = FilePath::new(&[0x3F00, 0xDF01, 0x4033]);
pub const ADDRESS_SIGNATURE: FilePath = FilePath::new(&[0x3F00, 0xDF01, 0x4034]);
/// The holder's photo (JPEG); its hash is in the identity file.
pub const PHOTO: FilePath = FilePath::new(&[0x3F00, 0xDF01, 0x4035]);
/// The authentication certificate, for the key the PIN unlocks ([`super::apdu::AUTH_KEY`]).
pub const AUTH_CERTIFICATE: FilePath = FilePath::new(&[0x3F00, 0xDF00, 0x5038]);
pub const SIGNING_CERTIFICATE: FilePath = FilePath::new(&[0x3F00, 0xDF00, 0x5039]);
/// The national register's certificate, which verifies the identity and address signatures.
pub const REGISTER_CERTIFICATE: FilePath = FilePath::new(&[0x3F00, 0xDF00, 0x503C]);
/// The CA certificate: the intermediate ("Citizen CA") that signed the authentication
/// certificate, itself signed by the root in [`ROOT_CERTIFICATE`].
pub const CA_CERTIFICATE: FilePath = FilePath::new(&[0x3F00, 0xDF00, 0x503A]);
/// The Belgian root CA's certificate as the card holds it: never trusted for being on the card,
/// trust anchors are configured on the backend.
pub const ROOT_CERTIFICATE: FilePath = FilePath::new(&[0x3F00, 0xDF00, 0x503B]);
