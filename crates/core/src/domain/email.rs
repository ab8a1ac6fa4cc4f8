//! E-mail addresses, checked pragmatically: what a resident can mistype on a touch keyboard
//! (a space, no `@`, two `@`, no dot in the domain, a dot at the wrong place), not the whole of
//! RFC 5322. Quoted local parts and IP-literal domains are refused: nobody types them at a
//! kiosk, and mail to them would more likely be a mistake.

use std::fmt;

/// RFC 5321: 64 characters before the `@`, 254 in all (the 256 of a path minus `<>`).
const LOCAL_MAX: usize = 64;
const TOTAL_MAX: usize = 254;
const LABEL_MAX: usize = 63;

/// A plausible e-mail address: trimmed, the domain in lower case. `Debug` hides it.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct EmailAddress(String);

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum EmailError {
    #[error("nothing was entered")]
    Empty,
    #[error("the address contains a space")]
    ContainsSpace,
    #[error("the address has no @")]
    MissingAt,
    #[error("the address has more than one @")]
    MultipleAt,
    #[error("nothing before the @")]
    EmptyLocalPart,
    #[error("the part before the @ is not valid")]
    InvalidLocalPart,
    #[error("nothing after the @")]
    EmptyDomain,
    #[error("the part after the @ has no dot")]
    DomainWithoutDot,
    #[error("the part after the @ is not valid")]
    InvalidDomain,
    #[error("the address is too long")]
    TooLong,
}

impl EmailError {
    /// The message in `locales/*/input.ftl` that tells the resident what to do.
    pub fn message_id(self) -> &'static str {
        match self {
            Self::Empty => "input-email-empty",
            Self::ContainsSpace => "input-email-space",
            Self::MissingAt => "input-email-at-missing",
            Self::MultipleAt => "input-email-at-multiple",
            Self::EmptyLocalPart | Self::InvalidLocalPart => "input-email-local",
            Self::EmptyDomain | Self::InvalidDomain => "input-email-domain",
            Self::DomainWithoutDot => "input-email-domain-dot",
            Self::TooLong => "input-email-too-long",
        }
    }
}

impl EmailAddress {
    pub fn parse(input: &str) -> Result<Self, EmailError> {
        let input = input.trim();
        if input.is_empty() {
            return Err(EmailError::Empty);
        }
        if input.chars().any(char::is_whitespace) {
            return Err(EmailError::ContainsSpace);
        }
        if input.chars().count() > TOTAL_MAX {
            return Err(EmailError::TooLong);
        }
        let (local, domain) = match input.split_once('@') {
            None => return Err(EmailError::MissingAt),
            Some((_, domain)) if domain.contains('@') => return Err(EmailError::MultipleAt),
            Some(parts) => parts,
        };
        check_local(local)?;
        let domain = domain.to_lowercase();
        check_domain(&domain)?;
        Ok(Self(format!("{local}@{domain}")))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

fn check_local(local: &str) -> Result<(), EmailError> {
    if local.is_empty() {
        return Err(EmailError::EmptyLocalPart);
    }
    if local.chars().count() > LOCAL_MAX {
        return Err(EmailError::TooLong);
    }
    // Characters that need quoting in RFC 5322; letters of any script are fine (RFC 6531).
    let forbidden = |c: char| c.is_control() || "\"(),:;<>[\\]".contains(c);
    if local.chars().any(forbidden)
        || local.starts_with('.')
        || local.ends_with('.')
        || local.contains("..")
    {
        return Err(EmailError::InvalidLocalPart);
    }
    Ok(())
}

fn check_domain(domain: &str) -> Result<(), EmailError> {
    if domain.is_empty() {
        return Err(EmailError::EmptyDomain);
    }
    // A trailing dot is valid DNS but always a slip on a kiosk keyboard.
    if !domain.contains('.') {
        return Err(EmailError::DomainWithoutDot);
    }
    let labels: Vec<&str> = domain.split('.').collect();
    let label_ok = |label: &&str| {
        !label.is_empty()
            && label.chars().count() <= LABEL_MAX
            && !label.starts_with('-')
            && !label.ends_with('-')
            && label.chars().all(|c| c.is_alphanumeric() || c == '-')
    };
    let tld_ok = labels
        .last()
        .is_some_and(|tld| tld.chars().count() >= 2 && !tld.chars().all(|c| c.is_ascii_digit()));
    if labels.iter().all(label_ok) && tld_ok {
        Ok(())
    } else {
        Err(EmailError::InvalidDomain)
    }
}

impl fmt::Display for EmailAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for EmailAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("EmailAddress(..)")
    }
}

impl std::str::FromStr for EmailAddress {
    type Err = EmailError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}
