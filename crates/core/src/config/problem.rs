//! What is wrong with a configuration file, said so that IT can fix it: file, line, key, reason.

use std::fmt;
use std::path::PathBuf;

/// One thing wrong (or, for a warning, odd) in a configuration file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigProblem {
    pub file: PathBuf,
    /// 1-based line of the key, when the key is written in the file.
    pub line: Option<usize>,
    /// The dotted key, e.g. `kiosk.idle_timeout_s`; empty for a problem with the whole file.
    pub key: String,
    pub reason: String,
}

impl fmt::Display for ConfigProblem {
    /// `PATH:LINE: KEY: reason`, the shape editors and CI logs link to.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file.display())?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        if !self.key.is_empty() {
            write!(f, ": {}", self.key)?;
        }
        write!(f, ": {}", self.reason)
    }
}

/// A configuration that cannot be used, with every problem found.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.problems.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))]
pub struct ConfigError {
    pub problems: Vec<ConfigProblem>,
}
