//! The one SQLite file: connection setup, migrations, transactions.
//!
//! Invariants: WAL journal, foreign keys on, every write inside [`Store::write`] (one IMMEDIATE
//! transaction: all of it lands or none of it). A database whose schema is newer than this build
//! is refused rather than guessed at. Before any migration of a database that already holds
//! data, a copy is taken next to it, so an upgrade can always be undone.

pub mod backup;
pub mod history;
pub mod settings;

use rusqlite::{Connection, OpenFlags, Transaction, TransactionBehavior};
use rusqlite_migration::{Migrations, M};
use serde::Serialize;
use std::path::{Path, PathBuf};

use crate::{Error, Result};

/// `backups/` next to the database file.
pub fn backup_dir(db_path: &Path) -> PathBuf {
    db_path.parent().unwrap_or(Path::new(".")).join("backups")
}

/// SQLite's `application_id` of a taizhang database ("TZHG"): marks the file as this app's, so
/// another program's SQLite file is never taken for a backup.
pub const APPLICATION_ID: i32 = 0x545A_4847;

/// Writes a consistent copy of the open database to `dest` (created with its folder).
pub fn copy_database(conn: &Connection, dest: &Path) -> Result<()> {
    if let Some(dir) = dest.parent() {
        std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    }
    // Named after the destination, which is unique, so two copies never share a scratch file.
    let tmp = dest.with_extension("db.partial");
    conn.backup(rusqlite::MAIN_DB, &tmp, None)?;
    // Renamed last: a backup file that exists is always complete.
    std::fs::rename(&tmp, dest).map_err(|e| Error::io(dest, e))?;
    Ok(())
}

/// Shipped migrations, in order. Append only.
pub const MIGRATIONS: &[(&str, &str)] = &[
    (
        "001_foundation.sql",
        include_str!("../../migrations/001_foundation.sql"),
    ),
    (
        "002_roster.sql",
        include_str!("../../migrations/002_roster.sql"),
    ),
    (
        "003_casework.sql",
        include_str!("../../migrations/003_casework.sql"),
    ),
    (
        "004_documents.sql",
        include_str!("../../migrations/004_documents.sql"),
    ),
    (
        "005_deeds.sql",
        include_str!("../../migrations/005_deeds.sql"),
    ),
    (
        "006_meetings_activities.sql",
        include_str!("../../migrations/006_meetings_activities.sql"),
    ),
    (
        "007_printouts.sql",
        include_str!("../../migrations/007_printouts.sql"),
    ),
    (
        "008_exports.sql",
        include_str!("../../migrations/008_exports.sql"),
    ),
    (
        "009_county.sql",
        include_str!("../../migrations/009_county.sql"),
    ),
    (
        "010_export_scope.sql",
        include_str!("../../migrations/010_export_scope.sql"),
    ),
    (
        "011_event_effects.sql",
        include_str!("../../migrations/011_event_effects.sql"),
    ),
    (
        "012_visitors_leave.sql",
        include_str!("../../migrations/012_visitors_leave.sql"),
    ),
    (
        "013_sessions.sql",
        include_str!("../../migrations/013_sessions.sql"),
    ),
    (
        "014_projects.sql",
        include_str!("../../migrations/014_projects.sql"),
    ),
    (
        "015_supervision.sql",
        include_str!("../../migrations/015_supervision.sql"),
    ),
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

fn migrations() -> Migrations<'static> {
    Migrations::new(
        MIGRATIONS
            .iter()
            .map(|(_, sql)| M::up(sql).foreign_key_check())
            .collect(),
    )
}

/// What happened when the file was opened, for the log.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct OpenReport {
    pub from_version: i64,
    pub to_version: i64,
    /// The copy taken before migrating, if a migration ran on existing data.
    pub backup: Option<PathBuf>,
}

pub struct Store {
    conn: Connection,
    path: PathBuf,
    report: OpenReport,
}

/// A SQL `WHERE` built condition by condition, with its parameters. Each `?` in a condition is
/// numbered as that condition's one parameter, so a condition may use its value several times.
#[derive(Debug, Default)]
pub struct Where {
    conds: Vec<String>,
    params: Vec<rusqlite::types::Value>,
}

impl Where {
    /// A condition without parameters (trusted text: column names, ids joined by the caller).
    pub fn and(&mut self, cond: impl Into<String>) {
        self.conds.push(cond.into());
    }

    /// A condition whose every `?` stands for `value`.
    pub fn and_with(&mut self, cond: &str, value: impl Into<rusqlite::types::Value>) {
        self.params.push(value.into());
        self.conds
            .push(cond.replace('?', &format!("?{}", self.params.len())));
    }

    /// The clause (`1 = 1` when empty) and its parameters.
    pub fn into_parts(self) -> (String, Vec<rusqlite::types::Value>) {
        let sql = if self.conds.is_empty() {
            "1 = 1".to_string()
        } else {
            self.conds.join(" AND ")
        };
        (sql, self.params)
    }
}

/// A page of a list.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub total: usize,
    pub page: usize,
    pub page_size: usize,
}

/// A paged list's SQL: what a row selects, from where (joins included), the table the total
/// counts over (the list's own, without the joins), and the order.
pub struct ListSql<'a> {
    pub columns: &'a str,
    pub from: &'a str,
    pub count_from: &'a str,
    pub order: &'a str,
}

/// The page size when a list is asked for none, and the largest it serves.
pub const PAGE_SIZE: usize = 20;
pub const PAGE_SIZE_MAX: usize = 500;

/// The page asked for (1-based, 1 when none) and its size (clamped to what a list serves).
pub fn paging(page: Option<usize>, page_size: Option<usize>) -> (usize, usize) {
    (
        page.unwrap_or(1).max(1),
        page_size.unwrap_or(PAGE_SIZE).clamp(1, PAGE_SIZE_MAX),
    )
}

impl<T> Page<T> {
    /// The same page with each item turned into what a view shows of it.
    pub fn try_map<U>(self, f: impl FnMut(T) -> Result<U>) -> Result<Page<U>> {
        Ok(Page {
            items: self.items.into_iter().map(f).collect::<Result<_>>()?,
            total: self.total,
            page: self.page,
            page_size: self.page_size,
        })
    }

    /// The same page after `f` completed each item in place (attendance, agenda, checks): a
    /// list whose rows need a second read.
    pub fn try_each(mut self, mut f: impl FnMut(&mut T) -> Result<()>) -> Result<Page<T>> {
        self.items.iter_mut().try_for_each(&mut f)?;
        Ok(self)
    }

    /// One page (1-based) of the rows matching `w`, with the total, in SQL: every book's list.
    pub fn query(
        conn: &Connection,
        sql: &ListSql,
        w: Where,
        page: Option<usize>,
        page_size: Option<usize>,
        row: impl FnMut(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
    ) -> Result<Page<T>> {
        let (cond, p) = w.into_parts();
        let (page, page_size) = paging(page, page_size);
        let total: i64 = conn.query_row(
            &format!("SELECT count(*) FROM {} WHERE {cond}", sql.count_from),
            rusqlite::params_from_iter(p.iter()),
            |r| r.get(0),
        )?;
        let mut stmt = conn.prepare(&format!(
            "SELECT {} FROM {} WHERE {cond} ORDER BY {} LIMIT {page_size} OFFSET {}",
            sql.columns,
            sql.from,
            sql.order,
            (page - 1) * page_size
        ))?;
        let items = stmt
            .query_map(rusqlite::params_from_iter(p.iter()), row)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(Page {
            items,
            total: total as usize,
            page,
            page_size,
        })
    }

    /// Cuts one page (1-based) out of a full, ordered list.
    pub fn cut(all: Vec<T>, page: usize, page_size: usize) -> Page<T> {
        let (page, page_size) = paging(Some(page), Some(page_size));
        let total = all.len();
        let items = all
            .into_iter()
            .skip((page - 1) * page_size)
            .take(page_size)
            .collect();
        Page {
            items,
            total,
            page,
            page_size,
        }
    }
}

impl Store {
    /// Opens (creating if needed) the database file and brings its schema up to date, by the
    /// computer's clock (which names the copy taken before a migration).
    pub fn open(path: impl AsRef<Path>) -> Result<Store> {
        Store::open_at(path, &crate::clock::SystemClock)
    }

    /// [`Store::open`] with the caller's clock.
    pub fn open_at(path: impl AsRef<Path>, clock: &dyn crate::clock::Clock) -> Result<Store> {
        let path = path.as_ref().to_path_buf();
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        }
        let mut conn = Connection::open_with_flags(
            &path,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        configure(&conn)?;
        let from = user_version(&conn)?;
        if from > SCHEMA_VERSION {
            return Err(Error::SchemaTooNew {
                found: from,
                known: SCHEMA_VERSION,
            });
        }
        let mut backup = None;
        if from > 0 && from < SCHEMA_VERSION {
            let dest = backup_dir(&path).join(format!(
                "before-migration-v{from}-{}.db",
                clock.now().format("%Y%m%d-%H%M%S")
            ));
            copy_database(&conn, &dest)?;
            backup = Some(dest);
        }
        migrate(&mut conn, None)?;
        mark(&conn)?;
        let report = OpenReport {
            from_version: from,
            to_version: SCHEMA_VERSION,
            backup,
        };
        Ok(Store { conn, path, report })
    }

    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn open_report(&self) -> &OpenReport {
        &self.report
    }

    /// Runs `f` in one IMMEDIATE transaction: committed if it returns Ok, rolled back otherwise.
    pub fn write<T>(&mut self, f: impl FnOnce(&Transaction) -> Result<T>) -> Result<T> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let value = f(&tx)?;
        tx.commit()?;
        Ok(value)
    }

    /// Replaces the whole database with the contents of another taizhang file (used by restore),
    /// then migrates it if it is older.
    pub(crate) fn replace_with(&mut self, source: &Path) -> Result<()> {
        self.conn.restore(
            rusqlite::MAIN_DB,
            source,
            None::<fn(rusqlite::backup::Progress)>,
        )?;
        configure(&self.conn)?;
        migrate(&mut self.conn, None)?;
        mark(&self.conn)?;
        Ok(())
    }
}

/// Marks the file as this app's ([`APPLICATION_ID`]); a write only the first time.
fn mark(conn: &Connection) -> Result<()> {
    if application_id(conn)? != APPLICATION_ID {
        conn.pragma_update(None, "application_id", APPLICATION_ID)?;
    }
    Ok(())
}

pub fn application_id(conn: &Connection) -> Result<i32> {
    Ok(conn.pragma_query_value(None, "application_id", |r| r.get(0))?)
}

/// The tables, indexes, triggers and views of a database, by kind and name, with their SQL.
pub fn schema(conn: &Connection) -> Result<std::collections::BTreeMap<(String, String), String>> {
    let mut stmt = conn.prepare(
        "SELECT type, name, coalesce(sql, '') FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'",
    )?;
    let rows = stmt
        .query_map([], |r| Ok(((r.get(0)?, r.get(1)?), r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// The schema this build gives a database at `version` (built in memory).
pub fn schema_at(version: usize) -> Result<std::collections::BTreeMap<(String, String), String>> {
    let mut conn = Connection::open_in_memory()?;
    migrate(&mut conn, Some(version))?;
    schema(&conn)
}

fn configure(conn: &Connection) -> Result<()> {
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    Ok(())
}

pub fn user_version(conn: &Connection) -> Result<i64> {
    Ok(conn.pragma_query_value(None, "user_version", |r| r.get(0))?)
}

/// Brings a fresh file to exactly `version` (tests build every earlier schema with this).
pub fn migrate_to(conn: &mut Connection, version: usize) -> Result<()> {
    configure(conn)?;
    migrate(conn, Some(version))
}

/// Runs the migrations (to `version`, or all) with foreign keys off, as SQLite's procedure for
/// rebuilding a table asks (a table others refer to cannot be dropped and recreated while they
/// are on); each migration is checked by `PRAGMA foreign_key_check` before it commits, so
/// nothing dangling is ever committed. Foreign keys are back on afterwards, whatever happened.
fn migrate(conn: &mut Connection, version: Option<usize>) -> Result<()> {
    conn.pragma_update(None, "foreign_keys", "OFF")?;
    let run = match version {
        Some(v) => migrations().to_version(conn, v),
        None => migrations().to_latest(conn),
    };
    conn.pragma_update(None, "foreign_keys", "ON")?;
    run.map_err(|e| Error::Migration(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_valid() {
        migrations()
            .validate()
            .expect("every migration applies cleanly to an empty database");
    }

    /// The SHA of each shipped migration's text. A shipped migration has run on offices' data;
    /// editing it would leave their schema different from a fresh one. Add a new file instead.
    #[test]
    fn shipped_migrations_never_change() {
        let shipped: &[(&str, u64)] = &[
            ("001_foundation.sql", 0x17cc_6a3a_0feb_3c73),
            ("002_roster.sql", 0x3a83_3741_4d79_3d6d),
            ("003_casework.sql", 0x7da8_a728_ad29_3f4e),
            ("004_documents.sql", 0xebd2_a189_7859_6628),
            ("005_deeds.sql", 0xcaaf_3e0d_a674_f6a2),
            ("006_meetings_activities.sql", 0x8892_6055_bec1_49ea),
            ("007_printouts.sql", 0xf28c_59a2_bbda_eebf),
            ("008_exports.sql", 0x8b0b_965e_0c06_a6e0),
            ("009_county.sql", 0xb470_5fac_858a_7267),
            ("010_export_scope.sql", 0x9b01_e8bb_0b88_90a5),
        ];
        for (i, (name, sql)) in MIGRATIONS.iter().enumerate() {
            let Some((shipped_name, shipped_hash)) = shipped.get(i) else {
                continue;
            };
            assert_eq!(name, shipped_name);
            assert_eq!(
                fnv1a(sql.replace("\r\n", "\n").as_bytes()),
                *shipped_hash,
                "{name} was edited after shipping"
            );
        }
    }

    #[test]
    fn where_numbers_each_conditions_parameter_once_however_often_it_is_used() {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch(
            "CREATE TABLE t (a INTEGER, b TEXT, c TEXT);
             INSERT INTO t VALUES (1, 'x', 'y'), (2, 'y', 'x'), (2, 'z', 'z'), (3, 'x', 'x');",
        )
        .unwrap();
        let mut w = Where::default();
        w.and_with("a >= ?", 2);
        w.and_with("(b = ? OR c = ?)", "x".to_string());
        w.and("a < 10");
        let (sql, params) = w.into_parts();
        assert_eq!(sql, "a >= ?1 AND (b = ?2 OR c = ?2) AND a < 10");
        let n: i64 = conn
            .query_row(
                &format!("SELECT count(*) FROM t WHERE {sql}"),
                rusqlite::params_from_iter(params.iter()),
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(n, 2, "(2, y, x) and (3, x, x)");
        assert_eq!(Where::default().into_parts().0, "1 = 1");
    }

    fn fnv1a(bytes: &[u8]) -> u64 {
        bytes.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
            (h ^ *b as u64).wrapping_mul(0x0100_0000_01b3)
        })
    }

    #[test]
    fn opens_with_wal_and_foreign_keys() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path().join("t.db")).unwrap();
        let mode: String = store
            .conn()
            .pragma_query_value(None, "journal_mode", |r| r.get(0))
            .unwrap();
        let fk: i64 = store
            .conn()
            .pragma_query_value(None, "foreign_keys", |r| r.get(0))
            .unwrap();
        assert_eq!(mode, "wal");
        assert_eq!(fk, 1);
        assert_eq!(store.open_report().to_version, SCHEMA_VERSION);
    }

    #[test]
    fn a_newer_schema_is_refused_not_guessed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.db");
        drop(Store::open(&path).unwrap());
        let conn = Connection::open(&path).unwrap();
        conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1)
            .unwrap();
        drop(conn);
        let err = Store::open(&path).err().expect("must refuse");
        assert_eq!(err.code(), "schema_too_new");
    }

    #[test]
    fn a_failed_write_leaves_nothing_behind() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(dir.path().join("t.db")).unwrap();
        let r: Result<()> = store.write(|tx| {
            tx.execute("INSERT INTO settings (key, value) VALUES ('k', 'v')", [])?;
            Err(Error::validation("k", "boom"))
        });
        assert!(r.is_err());
        let n: i64 = store
            .conn()
            .query_row("SELECT count(*) FROM settings", [], |r| r.get(0))
            .unwrap();
        assert_eq!(
            n, 0,
            "the insert before the error must have been rolled back"
        );
    }

    #[test]
    fn ledger_rows_cannot_be_deleted_even_by_sql() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path().join("t.db")).unwrap();
        store.conn().execute("INSERT INTO history (entity, entity_id, action, actor, at) VALUES ('x', 1, 'create', 'a', 't')", []).unwrap();
        assert!(store.conn().execute("DELETE FROM history", []).is_err());
        assert!(store
            .conn()
            .execute("UPDATE history SET actor = 'b'", [])
            .is_err());
    }
}
