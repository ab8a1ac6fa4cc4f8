//! The cached catalogue with its ETag, so a restart offline still knows what can be booked and a
//! refresh online costs a 304.

use jiff::ZonedDateTime;
use kiosk_api::Catalogue;
use rusqlite::{Connection, OptionalExtension, params};

use super::{Store, StoreResult, time};

#[derive(Debug, Clone, PartialEq)]
pub struct CachedCatalogue {
    pub catalogue: Catalogue,
    pub etag: String,
    pub fetched_at: ZonedDateTime,
}

pub(crate) fn save(
    conn: &Connection,
    catalogue: &Catalogue,
    etag: &str,
    now: &ZonedDateTime,
) -> StoreResult<()> {
    conn.execute(
        "INSERT INTO catalogue (id, etag, body, fetched_at) VALUES (1, ?1, ?2, ?3)
         ON CONFLICT (id) DO UPDATE SET etag = excluded.etag, body = excluded.body,
                                        fetched_at = excluded.fetched_at",
        params![etag, serde_json::to_string(catalogue)?, time::format(now)],
    )?;
    Ok(())
}

pub(crate) fn etag(conn: &Connection) -> StoreResult<Option<String>> {
    Ok(conn
        .query_row("SELECT etag FROM catalogue WHERE id = 1", [], |r| r.get(0))
        .optional()?)
}

pub(crate) fn load(conn: &Connection) -> StoreResult<Option<CachedCatalogue>> {
    let row: Option<(String, String, String)> = conn
        .query_row(
            "SELECT etag, body, fetched_at FROM catalogue WHERE id = 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?;
    row.map(|(etag, body, fetched_at)| {
        Ok(CachedCatalogue {
            catalogue: serde_json::from_str(&body)?,
            etag,
            fetched_at: time::parse("catalogue.fetched_at", &fetched_at)?,
        })
    })
    .transpose()
}

impl Store {
    /// The catalogue last fetched, if any.
    pub async fn catalogue(&self) -> StoreResult<Option<CachedCatalogue>> {
        self.call(|conn| load(conn)).await
    }

    pub async fn catalogue_etag(&self) -> StoreResult<Option<String>> {
        self.call(|conn| etag(conn)).await
    }

    pub async fn save_catalogue(
        &self,
        catalogue: Catalogue,
        etag: String,
        now: ZonedDateTime,
    ) -> StoreResult<()> {
        self.call(move |conn| save(conn, &catalogue, &etag, &now))
            .await
    }
}
