//! Changing kiosk.toml from the staff screen: only what a desk clerk may change, checked by the
//! same rules as `--check-config`, written with its comments and layout kept (toml_edit), and
//! saved so that the file is always either the old one or the new one, never half of each.

use std::io::Write;
use std::path::{Path, PathBuf};

use toml_edit::{Array, DocumentMut, Item, Table, Value};

use super::{ConfigError, Loaded, Reason};

/// How a setting's value is written: staff type text, the screen offers choices for the rest.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Free text; empty removes the key (an optional setting falls back to its default).
    Text,
    /// A whole number.
    Number,
    /// One of these words or numbers.
    Choice(&'static [&'static str]),
    /// Language tags, comma-separated, in the order of the language bar.
    Languages,
}

/// One setting staff may change: its dotted key in kiosk.toml and how its value is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Editable {
    pub key: &'static str,
    pub kind: Kind,
}

const fn editable(key: &'static str, kind: Kind) -> Editable {
    Editable { key, kind }
}

/// Everything staff may change, in the order the screen lists it. Anything else (backend,
/// PIN, data folder...) is IT's, through the file itself.
pub const EDITABLE: [Editable; 15] = [
    editable("kiosk.languages", Kind::Languages),
    editable(
        "kiosk.default_language",
        Kind::Choice(&["nl-BE", "fr-BE", "de-BE", "en"]),
    ),
    editable("kiosk.idle_timeout_s", Kind::Number),
    editable("kiosk.idle_warning_s", Kind::Number),
    editable(
        "printer.ticket.transport",
        Kind::Choice(&["tcp", "serial", "usb", "cups", "folder"]),
    ),
    editable("printer.ticket.host", Kind::Text),
    editable("printer.ticket.port", Kind::Number),
    editable("printer.ticket.path", Kind::Text),
    editable("printer.ticket.baud", Kind::Number),
    editable("printer.ticket.queue", Kind::Text),
    editable("printer.ticket.paper_width_mm", Kind::Choice(&["80", "58"])),
    editable("scanner.enabled", Kind::Choice(&["true", "false"])),
    editable("scanner.path", Kind::Text),
    editable("card_reader.mode", Kind::Choice(&["pcsc", "demo", "none"])),
    editable("card_reader.reader", Kind::Text),
];

/// The editable setting with this dotted key.
pub fn editable_key(key: &str) -> Option<Editable> {
    EDITABLE.iter().copied().find(|e| e.key == key)
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    /// Not among [`EDITABLE`].
    #[error("{0}: not a setting the staff screen may change")]
    NotEditable(String),
    /// The value cannot even be written as the setting's kind.
    #[error("{key}: {reason}")]
    BadValue { key: String, reason: Reason },
    /// The whole file, with the change, fails the config check.
    #[error("{0}")]
    Refused(ConfigError),
    /// Reading or writing the file failed; the file on disk is as it was.
    #[error("{0}")]
    Io(String),
}

/// kiosk.toml opened for changes. Nothing reaches the disk before [`SettingsEdit::save`].
#[derive(Debug, Clone)]
pub struct SettingsEdit {
    path: PathBuf,
    /// The text as read, to notice someone else changing the file meanwhile.
    original: String,
    document: DocumentMut,
}

impl SettingsEdit {
    pub fn open(path: &Path) -> Result<Self, EditError> {
        let original = std::fs::read_to_string(path)
            .map_err(|error| EditError::Io(format!("{}: {error}", path.display())))?;
        let document = original
            .parse::<DocumentMut>()
            .map_err(|error| EditError::Io(format!("{}: {error}", path.display())))?;
        Ok(Self {
            path: path.to_path_buf(),
            original,
            document,
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The value as written in the file (strings without quotes, lists comma-separated), or
    /// `None` when the file leaves it out.
    pub fn current(&self, key: &str) -> Option<String> {
        let value = lookup(self.document.as_table(), key)?.as_value()?;
        Some(shown(value))
    }

    /// Sets one setting from what staff typed or chose. Only the kind is checked here; the
    /// whole file is checked by [`SettingsEdit::check`] and again before saving.
    pub fn set(&mut self, key: &str, input: &str) -> Result<(), EditError> {
        let editable = editable_key(key).ok_or_else(|| EditError::NotEditable(key.to_owned()))?;
        let input = input.trim();
        let bad = |reason: Reason| EditError::BadValue {
            key: key.to_owned(),
            reason,
        };
        let value: Option<Value> = match editable.kind {
            Kind::Text if input.is_empty() => None,
            Kind::Text => Some(input.into()),
            Kind::Number => Some(
                input
                    .parse::<i64>()
                    .map_err(|_| {
                        bad(Reason::NotANumber {
                            input: input.to_owned(),
                        })
                    })?
                    .into(),
            ),
            Kind::Choice(choices) if !choices.contains(&input) => {
                return Err(bad(Reason::Other(format!(
                    "{input:?}: use one of {}",
                    choices.join(", ")
                ))));
            }
            Kind::Choice(_) => Some(match input {
                "true" => true.into(),
                "false" => false.into(),
                _ => match input.parse::<i64>() {
                    Ok(number) => number.into(),
                    Err(_) => input.into(),
                },
            }),
            Kind::Languages => {
                let tags: Array = input
                    .split(',')
                    .map(str::trim)
                    .filter(|tag| !tag.is_empty())
                    .collect();
                Some(tags.into())
            }
        };
        set_in(self.document.as_table_mut(), key, value);
        // Columns follow the paper: a 58 mm roll cannot hold the 48 of an 80 mm one, and the
        // config check accepts either, so a forgotten `columns` would print cut-off lines.
        if key == "printer.ticket.paper_width_mm"
            && lookup(self.document.as_table(), "printer.ticket.columns").is_some()
        {
            let columns: i64 = if input == "58" { 32 } else { 48 };
            set_in(
                self.document.as_table_mut(),
                "printer.ticket.columns",
                Some(columns.into()),
            );
        }
        Ok(())
    }

    /// The text that [`SettingsEdit::save`] would write.
    pub fn text(&self) -> String {
        self.document.to_string()
    }

    /// The whole changed file through the config check, exactly as `--check-config` would see
    /// it at this path.
    pub fn check(&self) -> Result<Loaded, EditError> {
        super::parse(&self.path, &self.text()).map_err(EditError::Refused)
    }

    /// Checks, then replaces the file: the new text goes to a temporary file in the same folder
    /// and is flushed to disk, the old file is copied to `kiosk.toml.bak`, and only then does a
    /// rename put the new one in place (atomic on one file system), followed by flushing the
    /// folder so the rename itself survives a power cut.
    pub fn save(&self) -> Result<Loaded, EditError> {
        self.save_with(|from, to| std::fs::rename(from, to))
    }

    /// [`SettingsEdit::save`] with the rename given, so tests can make it fail as a crash or a
    /// full disk would.
    #[doc(hidden)]
    pub fn save_with(
        &self,
        rename: impl FnOnce(&Path, &Path) -> std::io::Result<()>,
    ) -> Result<Loaded, EditError> {
        let loaded = self.check()?;
        let io = |what: &str, error: std::io::Error| EditError::Io(format!("{what}: {error}"));
        let on_disk = std::fs::read_to_string(&self.path)
            .map_err(|error| io(&self.path.display().to_string(), error))?;
        if on_disk != self.original {
            return Err(EditError::Io(format!(
                "{} was changed by someone else meanwhile; open the settings again",
                self.path.display()
            )));
        }
        let folder = match self.path.parent() {
            Some(folder) if !folder.as_os_str().is_empty() => folder.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let temporary = sibling(&self.path, ".new");
        let result = write_synced(&temporary, self.text().as_bytes(), &self.path)
            .map_err(|error| io(&temporary.display().to_string(), error))
            .and_then(|()| {
                let backup = backup_path(&self.path);
                copy_synced(&self.path, &backup)
                    .map_err(|error| io(&backup.display().to_string(), error))
            })
            .and_then(|()| {
                rename(&temporary, &self.path)
                    .map_err(|error| io(&self.path.display().to_string(), error))
            });
        if let Err(error) = result {
            // The old file was never touched; only the leftover goes.
            let _ = std::fs::remove_file(&temporary);
            return Err(error);
        }
        // The new file is in place: saying "not saved" now would be false, and staff would try
        // again on a file that has changed. A folder that cannot be flushed only means a power
        // cut in the next seconds could bring the old file back; IT reads that in the log.
        if let Err(error) = std::fs::File::open(&folder).and_then(|folder| folder.sync_all()) {
            tracing::warn!(folder = %folder.display(), %error, "settings saved, but the folder could not be flushed to disk");
        }
        Ok(loaded)
    }
}

/// Where the file as it was before the last save is kept: `kiosk.toml.bak` beside it.
pub fn backup_path(path: &Path) -> PathBuf {
    sibling(path, ".bak")
}

fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(suffix);
    path.with_file_name(name)
}

/// Writes `bytes` to a new file with the permissions of `like`, and flushes it to disk. The file
/// has them from its creation on, not after a chmod: kiosk.toml holds the staff PIN, and a file
/// made with the default mode would be readable by everyone meanwhile.
fn write_synced(path: &Path, bytes: &[u8], like: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
    let mode = std::fs::metadata(like).map_or(0o600, |metadata| metadata.permissions().mode());
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(mode & 0o777)
        .open(path)?;
    // Again for a leftover file from an earlier attempt, and past the umask.
    file.set_permissions(std::fs::Permissions::from_mode(mode))?;
    file.write_all(bytes)?;
    file.sync_all()
}

fn copy_synced(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::copy(from, to)?;
    std::fs::File::open(to)?.sync_all()
}

/// The item at a dotted key, through tables and dotted keys alike.
fn lookup<'d>(table: &'d Table, key: &str) -> Option<&'d Item> {
    let mut parts = key.split('.');
    let mut item = table.get(parts.next()?)?;
    for part in parts {
        item = item.as_table_like()?.get(part)?;
    }
    Some(item)
}

/// Sets (or with `None` removes) the value at a dotted key. A value already written keeps its
/// spacing and trailing comment; a missing key goes at the end of its table.
fn set_in(table: &mut Table, key: &str, value: Option<Value>) {
    let parts: Vec<&str> = key.split('.').collect();
    let Some((last, parents)) = parts.split_last() else {
        return;
    };
    let mut current: &mut dyn toml_edit::TableLike = table;
    for part in parents {
        if current.get(part).is_none() {
            if value.is_none() {
                return;
            }
            let mut new = Table::new();
            new.set_implicit(true);
            current.insert(part, Item::Table(new));
        }
        let Some(next) = current.get_mut(part).and_then(Item::as_table_like_mut) else {
            return;
        };
        current = next;
    }
    match value {
        None => remove_keeping_comment(current, last),
        Some(mut value) => match current.get_mut(last).and_then(Item::as_value_mut) {
            Some(old) => {
                *value.decor_mut() = old.decor().clone();
                *old = value;
            }
            None => {
                current.insert(last, Item::Value(value));
            }
        },
    }
}

/// Removes a key; the comment lines above it (kept by toml_edit as the key's prefix) move to
/// the key that follows, as they often speak of several keys: IT's notes must not vanish.
fn remove_keeping_comment(table: &mut dyn toml_edit::TableLike, key: &str) {
    let prefix = table
        .key(key)
        .and_then(|k| k.leaf_decor().prefix())
        .and_then(|p| p.as_str())
        .map(str::to_owned);
    let next = table
        .iter()
        .map(|(name, _)| name)
        .skip_while(|name| *name != key)
        .nth(1)
        .map(str::to_owned);
    table.remove(key);
    let (Some(prefix), Some(next)) = (prefix, next) else {
        return;
    };
    if let Some(mut next_key) = table.key_mut(&next) {
        let decor = next_key.leaf_decor_mut();
        let own = decor
            .prefix()
            .and_then(|p| p.as_str())
            .unwrap_or_default()
            .to_owned();
        decor.set_prefix(format!("{prefix}{own}"));
    }
}

fn shown(value: &Value) -> String {
    match value {
        Value::String(text) => text.value().clone(),
        Value::Array(items) => items.iter().map(shown).collect::<Vec<_>>().join(", "),
        other => other.clone().decorated("", "").to_string(),
    }
}
