//! Blocks of ticket numbers the backend reserved for this kiosk, used only while offline so that
//! offline numbers never collide with online ones or another kiosk's.

use jiff::civil::Date;
use kiosk_api::TicketBlock;
use rusqlite::{Connection, OptionalExtension, Transaction, params};

use super::{Store, StoreResult};

/// A number taken from a block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Taken {
    pub prefix: String,
    pub sequence: u32,
}

pub(crate) fn save(conn: &Connection, block: &TicketBlock) -> StoreResult<()> {
    // OR IGNORE: a replayed response gives the same block, whose used numbers must stay used.
    conn.execute(
        "INSERT OR IGNORE INTO ticket_blocks (id, queue_service_id, prefix, day, first, last, next)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?5)",
        params![
            block.id.to_string(),
            block.queue_service_id,
            block.prefix,
            block.day.to_string(),
            block.first,
            block.last
        ],
    )?;
    Ok(())
}

/// Numbers still free for `queue_service_id` on `day`, over all its blocks.
pub(crate) fn remaining(conn: &Connection, queue_service_id: &str, day: Date) -> StoreResult<u32> {
    Ok(conn.query_row(
        "SELECT COALESCE(SUM(last + 1 - next), 0) FROM ticket_blocks
          WHERE queue_service_id = ?1 AND day = ?2",
        params![queue_service_id, day.to_string()],
        |r| r.get(0),
    )?)
}

/// Takes the next free number, oldest block first; `None` when every block is used up.
pub(crate) fn take_next(
    tx: &Transaction<'_>,
    queue_service_id: &str,
    day: Date,
) -> StoreResult<Option<Taken>> {
    let found: Option<(String, String, u32)> = tx
        .query_row(
            "SELECT id, prefix, next FROM ticket_blocks
              WHERE queue_service_id = ?1 AND day = ?2 AND next <= last
              ORDER BY first LIMIT 1",
            params![queue_service_id, day.to_string()],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?;
    let Some((id, prefix, sequence)) = found else {
        return Ok(None);
    };
    tx.execute(
        "UPDATE ticket_blocks SET next = next + 1 WHERE id = ?1",
        [id],
    )?;
    Ok(Some(Taken { prefix, sequence }))
}

/// Forgets blocks and offline tickets of days before `today`.
pub(crate) fn prune(tx: &Transaction<'_>, today: Date) -> StoreResult<()> {
    let today = today.to_string();
    tx.execute("DELETE FROM ticket_blocks WHERE day < ?1", [&today])?;
    tx.execute("DELETE FROM offline_tickets WHERE day < ?1", [&today])?;
    tx.execute("DELETE FROM online_tickets WHERE day < ?1", [&today])?;
    Ok(())
}

impl Store {
    pub async fn save_ticket_block(&self, block: TicketBlock) -> StoreResult<()> {
        self.call(move |conn| save(conn, &block)).await
    }

    /// Numbers still free for offline tickets of `queue_service_id` on `day`.
    pub async fn ticket_numbers_left(
        &self,
        queue_service_id: String,
        day: Date,
    ) -> StoreResult<u32> {
        self.call(move |conn| remaining(conn, &queue_service_id, day))
            .await
    }

    /// Queue services of the cached arrivals of `day`: those need a block.
    pub async fn arrival_queue_services(&self, day: Date) -> StoreResult<Vec<String>> {
        self.call(move |conn| super::arrivals::queue_services(conn, day))
            .await
    }
}
