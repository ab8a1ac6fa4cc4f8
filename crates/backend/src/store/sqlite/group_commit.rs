//! Every write of this process goes through one connection, and writes that arrive together commit
//! together (group commit).
//!
//! Why: the database is opened with `synchronous = FULL`, so a commit is on disk before its answer
//! leaves (a confirmed booking survives a power cut, not only a crash of the process). That costs
//! one fsync per commit, a few milliseconds. With one commit per request, 32 kiosks booking at once
//! would wait on each other's fsyncs, and with one connection each they would also wait on SQLite's
//! busy handler, which sleeps for up to 100 ms between tries.
//!
//! How: each caller runs its own closure on its own thread, inside a savepoint of the transaction
//! that is open on the writer connection; a closure that fails rolls back to its savepoint and
//! leaves the others' work alone. The caller that finds nobody queued behind it (or the batch full)
//! commits the transaction for everybody in it. The others wait for that commit and only then
//! return their result, so no answer is sent for an effect that is not on disk, and a failed commit
//! fails every request of its batch. Callers are blocking (tokio's blocking pool), as the store is.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};

use rusqlite::Connection;

use super::WriteTx;
use crate::failpoint;
use crate::store::{StoreError, StoreResult};

/// Most requests in one transaction: bounds how long the first of them waits for its commit.
const MAX_BATCH: usize = 64;

pub(super) struct GroupCommit {
    writer: Mutex<Writer>,
    /// Callers waiting for the writer connection: while there are some, the transaction is left
    /// open for them to join.
    queued: AtomicUsize,
}

struct Writer {
    conn: Connection,
    /// The open transaction, if any.
    batch: Option<Arc<Batch>>,
    /// The store operations whose effects the open transaction holds (their crash points).
    members: Vec<&'static str>,
}

/// One transaction's outcome, for the callers waiting on it.
#[derive(Default)]
struct Batch {
    outcome: Mutex<Option<Result<(), String>>>,
    done: Condvar,
}

impl Batch {
    fn finish(&self, outcome: Result<(), String>) {
        *lock(&self.outcome) = Some(outcome);
        self.done.notify_all();
    }

    fn wait(&self) -> Result<(), String> {
        let mut outcome = lock(&self.outcome);
        loop {
            if let Some(outcome) = outcome.as_ref() {
                return outcome.clone();
            }
            outcome = self.done.wait(outcome).unwrap_or_else(|e| e.into_inner());
        }
    }
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|e| e.into_inner())
}

impl GroupCommit {
    pub(super) fn new(conn: Connection) -> GroupCommit {
        GroupCommit {
            writer: Mutex::new(Writer {
                conn,
                batch: None,
                members: Vec::new(),
            }),
            queued: AtomicUsize::new(0),
        }
    }

    /// Runs `f` in a write transaction and returns its result once that transaction committed.
    /// `operation` names the crash points (`<operation>:before-commit`, `:after-commit`).
    pub(super) fn run<T>(
        &self,
        operation: &'static str,
        f: impl FnOnce(&WriteTx<'_>) -> StoreResult<T>,
    ) -> StoreResult<T> {
        self.queued.fetch_add(1, Ordering::SeqCst);
        let mut writer = lock(&self.writer);
        self.queued.fetch_sub(1, Ordering::SeqCst);

        let batch = writer.open()?;
        let result = writer.run_job(f);
        let joined = match &result {
            Ok(_) if !writer.conn.is_autocommit() => {
                writer.members.push(operation);
                true
            }
            _ => false,
        };
        if writer.conn.is_autocommit() {
            // SQLite rolled the whole transaction back itself (disk full, I/O error): nothing
            // of this batch is kept.
            writer.abandon("the transaction was rolled back by SQLite");
        } else if self.queued.load(Ordering::SeqCst) == 0 || writer.members.len() >= MAX_BATCH {
            writer.commit();
        }
        drop(writer);

        let value = result?;
        if !joined {
            return Err(StoreError::Corrupt("the write transaction was lost".into()));
        }
        batch.wait().map_err(StoreError::Corrupt)?;
        failpoint::hit(operation, "after-commit");
        Ok(value)
    }
}

impl Writer {
    /// The open transaction, begun if there is none.
    fn open(&mut self) -> StoreResult<Arc<Batch>> {
        if let Some(batch) = &self.batch {
            return Ok(Arc::clone(batch));
        }
        self.conn.execute_batch("BEGIN IMMEDIATE")?;
        let batch = Arc::new(Batch::default());
        self.batch = Some(Arc::clone(&batch));
        Ok(batch)
    }

    /// Runs one caller's closure in its own savepoint: its failure (or panic) undoes its own writes
    /// only.
    fn run_job<T>(&mut self, f: impl FnOnce(&WriteTx<'_>) -> StoreResult<T>) -> StoreResult<T> {
        self.conn.execute_batch("SAVEPOINT request")?;
        let tx = WriteTx { conn: &self.conn };
        let result = catch_unwind(AssertUnwindSafe(|| f(&tx))).unwrap_or_else(|_| {
            tracing::error!("a store write panicked; its changes are rolled back");
            Err(StoreError::Corrupt("a store write failed".into()))
        });
        if self.conn.is_autocommit() {
            return result;
        }
        let end = match &result {
            Ok(_) => "RELEASE request",
            Err(_) => "ROLLBACK TO request; RELEASE request",
        };
        if let Err(e) = self.conn.execute_batch(end) {
            tracing::error!(error = %e, "could not end a savepoint; the batch is rolled back");
            // Leaves the connection in autocommit, which the caller reads as a lost batch.
            let _ = self.conn.execute_batch("ROLLBACK");
            return Err(e.into());
        }
        result
    }

    fn commit(&mut self) {
        let Some(batch) = self.batch.take() else {
            return;
        };
        let members = std::mem::take(&mut self.members);
        if members.is_empty() {
            // Only failed requests: nothing to keep, nothing to sync.
            let _ = self.conn.execute_batch("ROLLBACK");
            batch.finish(Ok(()));
            return;
        }
        for operation in &members {
            failpoint::hit(operation, "before-commit");
        }
        match self.conn.execute_batch("COMMIT") {
            Ok(()) => batch.finish(Ok(())),
            Err(e) => {
                tracing::error!(error = %e, requests = members.len(), "a group commit failed");
                if !self.conn.is_autocommit() {
                    let _ = self.conn.execute_batch("ROLLBACK");
                }
                batch.finish(Err(format!("commit failed: {e}")));
            }
        }
    }

    fn abandon(&mut self, why: &str) {
        self.members.clear();
        if let Some(batch) = self.batch.take() {
            tracing::error!(why, "a write batch was lost");
            batch.finish(Err(why.to_owned()));
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::panic)]
    use super::*;

    fn writer(dir: &std::path::Path) -> (GroupCommit, std::path::PathBuf) {
        let path = dir.join("group.sqlite");
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch(
            "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;
             CREATE TABLE t (n INTEGER PRIMARY KEY);",
        )
        .unwrap();
        (GroupCommit::new(conn), path)
    }

    fn stored(path: &std::path::Path) -> Vec<i64> {
        let conn = Connection::open(path).unwrap();
        let mut stmt = conn.prepare("SELECT n FROM t ORDER BY n").unwrap();
        stmt.query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    }

    #[test]
    fn writes_from_many_threads_are_kept_and_a_refused_one_undoes_only_its_own() {
        let dir = tempfile::tempdir().unwrap();
        let (writer, path) = writer(dir.path());
        let writer = Arc::new(writer);
        let threads: Vec<_> = (0..8)
            .map(|t| {
                let writer = Arc::clone(&writer);
                std::thread::spawn(move || {
                    (0..50)
                        .map(|i| {
                            let n = t * 50 + i;
                            let result = writer.run("test", |tx| {
                                tx.execute("INSERT INTO t (n) VALUES (?1)", [n])?;
                                if n % 7 == 0 {
                                    Err(StoreError::Invalid("refused".into()))
                                } else {
                                    Ok(n)
                                }
                            });
                            (n, result.is_ok())
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        let mut answered_ok = Vec::new();
        for thread in threads {
            for (n, ok) in thread.join().unwrap() {
                assert_eq!(ok, n % 7 != 0, "request {n}");
                if ok {
                    answered_ok.push(n);
                }
            }
        }
        answered_ok.sort_unstable();
        // Read through another connection: what was answered is committed, nothing else.
        assert_eq!(stored(&path), answered_ok);
    }

    #[test]
    fn a_write_that_panics_is_rolled_back_and_the_writer_goes_on() {
        let dir = tempfile::tempdir().unwrap();
        let (writer, path) = writer(dir.path());
        let panicked = writer.run("test", |tx| -> StoreResult<()> {
            tx.execute("INSERT INTO t (n) VALUES (1)", [])?;
            panic!("a bug in a store function");
        });
        assert!(panicked.is_err());
        writer
            .run("test", |tx| {
                Ok(tx.execute("INSERT INTO t (n) VALUES (2)", [])?)
            })
            .unwrap();
        assert_eq!(stored(&path), vec![2]);
    }
}
