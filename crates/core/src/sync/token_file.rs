//! The kiosk's bearer token on disk: readable by its owner only (0600), written whole or not at
//! all (temporary file, then rename), never logged.

use std::io::Write;
use std::path::Path;
use std::sync::Arc;

use super::SyncError;

fn error(path: &Path, source: std::io::Error) -> SyncError {
    SyncError::TokenFile {
        path: path.to_path_buf(),
        source: Arc::new(source),
    }
}

/// The token in `path`; `None` when the file does not exist or is empty.
pub fn read(path: &Path) -> Result<Option<String>, SyncError> {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(error(path, e)),
    };
    tighten(path)?;
    let token = text.trim();
    Ok((!token.is_empty()).then(|| token.to_owned()))
}

/// Writes `token` to `path` with mode 0600, creating its folder if needed.
pub fn write(path: &Path, token: &str) -> Result<(), SyncError> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| error(path, e))?;
    }
    let mut tmp_name = path.as_os_str().to_owned();
    tmp_name.push(".tmp");
    let tmp = Path::new(&tmp_name);
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options.open(tmp).map_err(|e| error(tmp, e))?;
    // The mode above applies only when the file is created; a leftover file keeps its own.
    tighten(tmp)?;
    file.write_all(token.as_bytes())
        .and_then(|()| file.write_all(b"\n"))
        .and_then(|()| file.sync_all())
        .map_err(|e| error(tmp, e))?;
    std::fs::rename(tmp, path).map_err(|e| error(path, e))
}

/// The location this kiosk was enrolled for, kept beside the token (it is no secret): the
/// kiosk asks for slots and arrivals of its own location.
pub fn location_path(token_file: &Path) -> std::path::PathBuf {
    let mut name = token_file.as_os_str().to_owned();
    name.push(".location");
    name.into()
}

pub fn write_location(token_file: &Path, location_id: &str) -> Result<(), SyncError> {
    let path = location_path(token_file);
    std::fs::write(&path, format!("{location_id}\n")).map_err(|e| error(&path, e))
}

/// The enrolled location; `None` for a kiosk enrolled before it was kept.
pub fn read_location(token_file: &Path) -> Option<String> {
    let text = std::fs::read_to_string(location_path(token_file)).ok()?;
    let location = text.trim();
    (!location.is_empty()).then(|| location.to_owned())
}

/// Makes sure only the owner can read the file.
#[cfg(unix)]
fn tighten(path: &Path) -> Result<(), SyncError> {
    use std::os::unix::fs::PermissionsExt;
    let metadata = std::fs::metadata(path).map_err(|e| error(path, e))?;
    if metadata.permissions().mode() & 0o077 != 0 {
        tracing::warn!(file = %path.display(), "token file was readable by others; now 0600");
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600))
            .map_err(|e| error(path, e))?;
    }
    Ok(())
}

#[cfg(not(unix))]
fn tighten(_path: &Path) -> Result<(), SyncError> {
    Ok(())
}
