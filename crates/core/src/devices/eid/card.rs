//! A BEID card behind any transport: reading files in chunks, the identity and address,
//! checking the PIN and signing a challenge with the authentication key.
//!
//! Nothing here logs what the card holds; the tracing events carry file paths and status
//! words only.

use std::sync::Arc;

use jiff::civil::Date;
use kiosk_api::eid_signing::{self, ChallengeLength};

use super::apdu::{self, ApduError, PinStatus, ReadStatus, StatusWord};
use super::files::{self, FilePath};
use super::identity::{Address, DataError, Identity};
use super::pin::Pin;
use super::signing::{SigningError, SigningMethod};

/// Sends one command APDU and returns the card's whole response, status word included.
/// The PC/SC reader implements it; tests use an in-memory card.
pub trait CardTransport {
    fn transmit(&mut self, apdu: &[u8]) -> Result<Vec<u8>, CardError>;
}

/// Why talking to the card failed. `Clone` so that it can travel in UI messages; the
/// sources it wraps are behind `Arc`. No variant carries anything read from the card.
#[derive(Debug, Clone, thiserror::Error)]
pub enum CardError {
    #[error("there is no card in the reader")]
    NoCard,
    #[error("the card was removed")]
    Removed,
    #[error("the reader failed: {0}")]
    Transport(Arc<dyn std::error::Error + Send + Sync>),
    #[error("the card cannot be read: it answered {sw} to {command}")]
    Unreadable {
        command: &'static str,
        sw: StatusWord,
    },
    #[error("the card's answer to {command} is malformed")]
    Malformed { command: &'static str },
    #[error("the card has no file {path}")]
    FileNotFound { path: FilePath },
    #[error("the card's data is invalid: {0}")]
    InvalidData(#[from] DataError),
    #[error("the command could not be built: {0}")]
    Command(#[from] ApduError),
    #[error("the card has expired")]
    Expired,
    #[error("the card is not valid yet")]
    NotYetValid,
    #[error("this is not a Belgian eID card")]
    ForeignCard,
    #[error("the card's authentication key cannot be used: {0}")]
    Signing(#[from] SigningError),
    #[error("refused to sign: {0}")]
    Challenge(#[from] ChallengeLength),
}

/// The answer to a PIN check.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PinOutcome {
    Ok,
    Wrong {
        tries_left: u8,
    },
    /// No tries left: only the town hall can unblock it (PUK).
    Blocked,
}

/// The raw files behind `kiosk_api::EidEvidence` (which carries them in base64, with the
/// challenge and its signature). Personal data: `Debug` shows none of it.
#[derive(Clone, PartialEq, Eq)]
pub struct EvidenceFiles {
    /// 3F00/DF01/4031, TLV.
    pub identity: Vec<u8>,
    /// 4032: the national register's signature over `identity`.
    pub identity_sig: Vec<u8>,
    /// 4033, TLV.
    pub address: Vec<u8>,
    /// 4034: the national register's signature over `address || identity_sig`.
    pub address_sig: Vec<u8>,
    /// 3F00/DF00/503C: the national register's certificate (DER).
    pub rrn_cert: Vec<u8>,
    /// 3F00/DF00/5038: the authentication certificate (DER).
    pub auth_cert: Vec<u8>,
    /// 3F00/DF00/503A: the CA certificate (DER) that signed `auth_cert` (the Citizen CA).
    pub ca_cert: Vec<u8>,
}

impl std::fmt::Debug for EvidenceFiles {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("EvidenceFiles(..)")
    }
}

/// How many 61 xx continuations a response may have before it is refused: a 256-byte
/// signature needs one or two.
const MAX_CONTINUATIONS: usize = 16;

pub struct BeidCard<T: CardTransport> {
    transport: T,
    /// How the authentication key signs, once its certificate was read in this session.
    signing: Option<SigningMethod>,
}

/// Shows the transport only: the card itself holds nothing read from it.
impl<T: CardTransport + std::fmt::Debug> std::fmt::Debug for BeidCard<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("BeidCard")
            .field("transport", &self.transport)
            .finish()
    }
}

impl<T: CardTransport> BeidCard<T> {
    /// Wraps a transport without talking to the card.
    pub fn new(transport: T) -> Self {
        Self {
            transport,
            signing: None,
        }
    }

    /// Selects the BEID applet; any other card is [`CardError::ForeignCard`].
    pub fn open(transport: T) -> Result<Self, CardError> {
        let mut card = Self::new(transport);
        let (_, sw) = card.exchange(&apdu::select_applet(), "SELECT applet")?;
        if sw != StatusWord::OK {
            tracing::info!(%sw, "not a BEID card");
            return Err(CardError::ForeignCard);
        }
        Ok(card)
    }

    pub fn into_transport(self) -> T {
        self.transport
    }

    /// The transport, e.g. to ask a PC/SC reader whether it has a PIN pad.
    pub fn transport(&self) -> &T {
        &self.transport
    }

    /// The transport, e.g. to verify the PIN on a PC/SC reader's pad once the applet is
    /// selected.
    pub fn transport_mut(&mut self) -> &mut T {
        &mut self.transport
    }

    /// A whole file, read in chunks of [`apdu::READ_CHUNK`] until the card says it ended.
    pub fn read_file(&mut self, path: &FilePath) -> Result<Vec<u8>, CardError> {
        self.select(path)?;
        let mut content = Vec::new();
        let mut le = apdu::READ_CHUNK;
        // A 6C retry is only allowed once per offset, so a confused card cannot loop us.
        let mut retried = false;
        loop {
            let (data, sw) =
                self.exchange(&apdu::read_binary(content.len(), le)?, "READ BINARY")?;
            match apdu::read_status(sw) {
                ReadStatus::Data => {
                    let asked = if le == 0 { 256 } else { usize::from(le) };
                    if data.len() > asked {
                        return Err(CardError::Malformed {
                            command: "READ BINARY",
                        });
                    }
                    content.extend_from_slice(&data);
                    // A short chunk ends the file, and so does the chunk a 6C asked for:
                    // the card said that many bytes were left. A card that never stops runs
                    // into READ BINARY's 15-bit offset, which is an error, not a loop.
                    if data.len() < asked || retried {
                        break;
                    }
                    le = apdu::READ_CHUNK;
                    retried = false;
                }
                ReadStatus::EndOfFile => break,
                ReadStatus::WrongLength(exact) if !retried && exact != 0 => {
                    le = exact;
                    retried = true;
                }
                ReadStatus::FileNotFound => return Err(CardError::FileNotFound { path: *path }),
                ReadStatus::WrongLength(_) | ReadStatus::Other(_) => {
                    return Err(unreadable("READ BINARY", sw));
                }
            }
        }
        tracing::debug!(%path, len = content.len(), "eID file read");
        Ok(content)
    }

    /// SELECT FILE by path from the master file.
    fn select(&mut self, path: &FilePath) -> Result<(), CardError> {
        let (_, sw) = self.exchange(&apdu::select_file(path)?, "SELECT FILE")?;
        match sw {
            StatusWord::OK => Ok(()),
            StatusWord::FILE_NOT_FOUND => Err(CardError::FileNotFound { path: *path }),
            sw => Err(unreadable("SELECT FILE", sw)),
        }
    }

    pub fn read_identity(&mut self) -> Result<Identity, CardError> {
        Ok(Identity::parse(&self.read_file(&files::IDENTITY)?)?)
    }

    /// The identity, refused when the card is not valid on `today`.
    pub fn read_valid_identity(&mut self, today: Date) -> Result<Identity, CardError> {
        let identity = self.read_identity()?;
        if today > identity.valid_to {
            return Err(CardError::Expired);
        }
        if today < identity.valid_from {
            return Err(CardError::NotYetValid);
        }
        Ok(identity)
    }

    pub fn read_address(&mut self) -> Result<Address, CardError> {
        Ok(Address::parse(&self.read_file(&files::ADDRESS)?)?)
    }

    /// The files the backend checks, as the card has them: the identity and address with the
    /// national register's signatures and certificate, the authentication certificate and the CA
    /// certificate that signed it. Needs no PIN.
    pub fn read_evidence_files(&mut self) -> Result<EvidenceFiles, CardError> {
        Ok(EvidenceFiles {
            identity: self.read_file(&files::IDENTITY)?,
            identity_sig: self.read_file(&files::IDENTITY_SIGNATURE)?,
            address: self.read_file(&files::ADDRESS)?,
            address_sig: self.read_file(&files::ADDRESS_SIGNATURE)?,
            rrn_cert: self.read_file(&files::REGISTER_CERTIFICATE)?,
            auth_cert: self.read_file(&files::AUTH_CERTIFICATE)?,
            ca_cert: self.read_file(&files::CA_CERTIFICATE)?,
        })
    }

    /// Checks the holder's PIN. A wrong PIN is an outcome, not an error: the kiosk shows the
    /// tries left.
    pub fn verify_pin(&mut self, pin: &Pin) -> Result<PinOutcome, CardError> {
        let command = apdu::verify_pin(pin);
        let (_, sw) = self.exchange(command.bytes(), "VERIFY")?;
        drop(command);
        match apdu::pin_status(sw) {
            PinStatus::Verified => Ok(PinOutcome::Ok),
            PinStatus::Wrong { tries_left } => Ok(PinOutcome::Wrong { tries_left }),
            PinStatus::Blocked => Ok(PinOutcome::Blocked),
            PinStatus::Other(sw) => Err(unreadable("VERIFY", sw)),
        }
    }

    /// The applet's version from GET CARD DATA: 0x17 for applet 1.7, 0x18 for 1.8 (byte 21 of
    /// the answer). For the log and the tests: how the card signs is read from its
    /// authentication certificate ([`SigningMethod`]), which re-keyed cards make the only
    /// reliable source.
    pub fn applet_version(&mut self) -> Result<u8, CardError> {
        let (data, sw) = self.exchange(&apdu::get_card_data(), "GET CARD DATA")?;
        if sw != StatusWord::OK {
            return Err(unreadable("GET CARD DATA", sw));
        }
        data.get(apdu::CARD_DATA_APPLET_VERSION)
            .copied()
            .ok_or(CardError::Malformed {
                command: "GET CARD DATA",
            })
    }

    /// How the authentication key signs, from its certificate (5038), read once per session.
    pub fn signing_method(&mut self) -> Result<SigningMethod, CardError> {
        if let Some(method) = self.signing {
            return Ok(method);
        }
        let method = SigningMethod::for_certificate(&self.read_file(&files::AUTH_CERTIFICATE)?)?;
        self.signing = Some(method);
        Ok(method)
    }

    /// Signs the backend's `challenge` with the authentication key (0x82) after
    /// [`Self::verify_pin`]. The card never signs the challenge itself: it signs
    /// `hash(PREFIX || challenge)` ([`kiosk_api::eid_signing`]), and only for a challenge of
    /// exactly 32 bytes, so the kiosk cannot be made to sign another service's login challenge.
    ///
    /// An RSA key (applet 1.7) pads the SHA-256 DigestInfo; an ECDSA key (applet 1.8, P-384)
    /// signs the bare SHA-384 hash, answers 61 60 and hands over raw `r || s` (96 bytes) with
    /// GET RESPONSE. A 1.8 card that made a non-repudiation signature wants a fresh VERIFY before
    /// the next authentication signature: the kiosk makes none, and verifies the PIN in the same
    /// session just before it signs.
    pub fn sign_challenge(&mut self, challenge: &[u8]) -> Result<Vec<u8>, CardError> {
        let method = self.signing_method()?;
        let digest = eid_signing::signed_digest(method.hash(), challenge)?;
        self.select(&files::BELPIC_FOLDER)?;
        let mse = apdu::mse_set_signature(method.algorithm(), apdu::AUTH_KEY);
        let (_, sw) = self.exchange(&mse, "MSE SET")?;
        if sw != StatusWord::OK {
            return Err(unreadable("MSE SET", sw));
        }
        let input = method.card_input(&digest);
        let command = match method {
            SigningMethod::RsaPkcs1Sha256 => apdu::compute_signature(&input)?,
            SigningMethod::Ecdsa(_) => apdu::compute_signature_t0(&input)?,
        };
        let (signature, sw) = self.exchange(&command, "PSO CDS")?;
        if sw != StatusWord::OK {
            return Err(unreadable("PSO CDS", sw));
        }
        if !method.fits(&signature) {
            return Err(CardError::Malformed { command: "PSO CDS" });
        }
        tracing::debug!(?method, "challenge signed");
        Ok(signature)
    }

    /// Sends one command and follows 61 xx ("more data, ask with GET RESPONSE") so that
    /// callers see one response whatever the reader's protocol.
    fn exchange(
        &mut self,
        command: &[u8],
        name: &'static str,
    ) -> Result<(Vec<u8>, StatusWord), CardError> {
        let response = self.transport.transmit(command)?;
        let (data, mut sw) = split(&response, name)?;
        let mut data = data.to_vec();
        let mut rounds = 0;
        while sw.sw1() == 0x61 {
            rounds += 1;
            if rounds > MAX_CONTINUATIONS {
                return Err(CardError::Malformed { command: name });
            }
            let more = self.transport.transmit(&apdu::get_response(sw.sw2()))?;
            let (chunk, next) = split(&more, name)?;
            data.extend_from_slice(chunk);
            sw = next;
        }
        Ok((data, sw))
    }
}

fn split<'r>(
    response: &'r [u8],
    command: &'static str,
) -> Result<(&'r [u8], StatusWord), CardError> {
    apdu::split_response(response).map_err(|_| CardError::Malformed { command })
}

fn unreadable(command: &'static str, sw: StatusWord) -> CardError {
    tracing::warn!(command, %sw, "eID card refused a command");
    CardError::Unreadable { command, sw }
}
