//! Finds the line of a dotted key in TOML source, so that a value that is well-typed but wrong
//! (checked after deserialising) can still be reported with its line.

use toml::Spanned;
use toml::de::{DeTable, DeValue};

/// Line numbers of keys in one parsed file.
pub struct KeyLocator<'s> {
    source: &'s str,
    root: Option<Spanned<DeTable<'s>>>,
}

impl<'s> KeyLocator<'s> {
    pub fn new(source: &'s str) -> Self {
        Self {
            source,
            root: DeTable::parse(source).ok(),
        }
    }

    /// The 1-based line where `dotted_key` (e.g. `kiosk.languages`) is written, if it is.
    pub fn line_of(&self, dotted_key: &str) -> Option<usize> {
        let mut table = self.root.as_ref()?.get_ref();
        let mut parts = dotted_key.split('.').peekable();
        while let Some(part) = parts.next() {
            let (key, value) = table
                .iter()
                .find(|(key, _)| key.get_ref().as_ref() == part)?;
            if parts.peek().is_none() {
                return Some(self.line_at(key.span().start));
            }
            table = match value.get_ref() {
                DeValue::Table(inner) => inner,
                _ => return None,
            };
        }
        None
    }

    /// The dotted key written on the line of byte `offset`, to name the key of a type error
    /// (serde's message has the position but not the key).
    pub fn key_at(&self, offset: usize) -> Option<String> {
        let line = self.line_at(offset);
        let mut found = None;
        self.walk(
            self.root.as_ref()?.get_ref(),
            &mut Vec::new(),
            &mut |key, start| {
                if found.is_none() && self.line_at(start) == line {
                    found = Some(key);
                }
            },
        );
        found
    }

    fn walk<'t>(
        &self,
        table: &'t DeTable<'s>,
        path: &mut Vec<&'t str>,
        visit: &mut dyn FnMut(String, usize),
    ) {
        for (key, value) in table.iter() {
            path.push(key.get_ref().as_ref());
            match value.get_ref() {
                DeValue::Table(inner) => self.walk(inner, path, visit),
                _ => visit(path.join("."), key.span().start),
            }
            path.pop();
        }
    }

    /// The 1-based line of a byte offset.
    pub fn line_at(&self, offset: usize) -> usize {
        let end = offset.min(self.source.len());
        self.source.as_bytes()[..end]
            .iter()
            .filter(|b| **b == b'\n')
            .count()
            + 1
    }
}
