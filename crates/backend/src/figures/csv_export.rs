//! One table as CSV (RFC 4180, through the `csv` crate): a header row of the columns' keys, then
//! the values as a program reads them: counts as integers, shares as fractions and times as
//! seconds with a full-precision decimal point, an empty cell where there is no data.

use super::tables::{Cell, Table};

fn raw(cell: &Cell) -> String {
    match cell {
        Cell::Text(s) => s.clone(),
        Cell::Count(n) => n.to_string(),
        // Rust prints the shortest text that reads back as the same f64.
        Cell::Share(v) | Cell::Seconds(v) => v.map(|v| v.to_string()).unwrap_or_default(),
    }
}

pub fn to_csv(table: &Table) -> Result<String, ::csv::Error> {
    let mut writer = ::csv::Writer::from_writer(Vec::new());
    writer.write_record(table.columns.iter().map(|c| c.key))?;
    for row in &table.rows {
        writer.write_record(row.iter().map(raw))?;
    }
    let bytes = writer
        .into_inner()
        .map_err(|e| ::csv::Error::from(e.into_error()))?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}
