//! `embedded` in a kiosk built without the `demo` feature: the type exists so that the backend
//! link reads the same in both builds, but it can never be made; starting it says why.

use std::path::Path;

use crate::demo_build::NO_EMBEDDED_BACKEND;

/// Never a value: [`EmbeddedBackend::start`] always refuses.
pub enum EmbeddedBackend {}

impl EmbeddedBackend {
    pub fn start(_data_dir: &Path) -> anyhow::Result<Self> {
        anyhow::bail!(NO_EMBEDDED_BACKEND)
    }

    pub fn base_url(&self) -> String {
        match *self {}
    }

    pub fn enrolment_code(&self) -> anyhow::Result<String> {
        match *self {}
    }
}
