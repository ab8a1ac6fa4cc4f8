//! Where a PDF goes: a folder (demo, archive) or a CUPS queue, followed until the job completed
//! or failed.

use std::path::PathBuf;
use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::error::{PrintError, Result};
use crate::transport::{lp_print, wait_for_job};

/// `[printer.document]`: `kind = "folder"`, `path = "/var/lib/kiosk/pdf"` | `kind = "cups"`,
/// `queue = "A4"`, optional `timeout_s = 120` (how long to follow the job).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum PdfDestination {
    Folder {
        path: PathBuf,
    },
    Cups {
        queue: String,
        #[serde(default = "default_timeout_s")]
        timeout_s: u64,
    },
}

fn default_timeout_s() -> u64 {
    120
}

impl PdfDestination {
    /// For messages and logs.
    pub fn target(&self) -> String {
        match self {
            Self::Folder { path } => format!("folder:{}", path.display()),
            Self::Cups { queue, .. } => format!("cups:{queue}"),
        }
    }
}

/// What became of a delivered PDF.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Delivered {
    Saved(PathBuf),
    /// The CUPS job id, completed.
    Printed(String),
}

/// Saves or prints `pdf`; `name` (the document number) names the file. For CUPS it returns only
/// when the job completed, or fails when CUPS reports it failed or the timeout passed.
pub async fn deliver_pdf(
    destination: &PdfDestination,
    name: &str,
    pdf: Vec<u8>,
) -> Result<Delivered> {
    let destination = destination.clone();
    let name: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect();
    tokio::task::spawn_blocking(move || match destination {
        PdfDestination::Folder { path } => {
            let file = path.join(format!("{name}.pdf"));
            std::fs::create_dir_all(&path)
                .and_then(|()| std::fs::write(&file, &pdf))
                .map_err(|e| PrintError::write(file.display().to_string(), e))?;
            Ok(Delivered::Saved(file))
        }
        PdfDestination::Cups { queue, timeout_s } => {
            let timeout = Duration::from_secs(timeout_s);
            let job = lp_print(&queue, &pdf, false, &name, Duration::from_secs(30))?;
            wait_for_job(&job, timeout)?;
            Ok(Delivered::Printed(job.id))
        }
    })
    .await
    .map_err(|e| PrintError::Pdf(format!("delivery task failed: {e}")))?
}
