//! Backups: automatic (once a day when the app starts, the newest kept), manual, before a
//! migration and before a restore. A backup is a complete SQLite file made with SQLite's online
//! backup, so it is consistent even while the app has the database open in WAL mode.

use chrono::NaiveDateTime;
use rusqlite::{Connection, OpenFlags};
use serde::Serialize;
use std::path::{Path, PathBuf};

use crate::history::Stamp;
use crate::store::{user_version, SCHEMA_VERSION};
use crate::{Error, Result, Store};

/// How many automatic backups are kept; older ones are removed as new ones are made.
pub const KEEP_AUTOMATIC: usize = 14;

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct BackupInfo {
    pub path: String,
    pub size: u64,
    pub created_at: String,
}

pub use super::{backup_dir as dir_for, copy_database};

fn stamp_name(prefix: &str, at: NaiveDateTime) -> String {
    format!("{prefix}-{}.db", at.format("%Y%m%d-%H%M%S"))
}

/// A backup the clerk asked for; never rotated away.
pub fn backup_now(store: &Store, stamp: &Stamp) -> Result<BackupInfo> {
    let dest = dir_for(store.path()).join(stamp_name("manual", stamp.at));
    copy_database(store.conn(), &dest)?;
    info(&dest)
}

/// Takes today's automatic backup if there is none yet, and removes automatic backups beyond
/// the newest [`KEEP_AUTOMATIC`]. Returns the new backup, if one was made.
pub fn automatic(store: &Store, stamp: &Stamp) -> Result<Option<BackupInfo>> {
    let dir = dir_for(store.path());
    let today = format!("auto-{}", stamp.at.format("%Y%m%d"));
    let mut autos = list_prefixed(&dir, "auto-");
    if autos.iter().any(|p| file_name(p).starts_with(&today)) {
        return Ok(None);
    }
    let dest = dir.join(stamp_name("auto", stamp.at));
    copy_database(store.conn(), &dest)?;
    autos.push(dest.clone());
    autos.sort();
    let excess = autos.len().saturating_sub(KEEP_AUTOMATIC);
    for old in &autos[..excess] {
        let _ = std::fs::remove_file(old);
    }
    Ok(Some(info(&dest)?))
}

/// All backups, newest first.
pub fn list(store: &Store) -> Result<Vec<BackupInfo>> {
    let mut files = list_prefixed(&dir_for(store.path()), "");
    files.sort_by_key(|p| std::cmp::Reverse(std::fs::metadata(p).and_then(|m| m.modified()).ok()));
    files.iter().map(|p| info(p)).collect()
}

/// Replaces the database with a backup file. The file is checked first (a SQLite database with
/// taizhang's schema, not newer than this build, passing integrity_check) and the current data
/// is itself backed up, so a restore can be undone. Returns that safety copy.
pub fn restore(store: &mut Store, from: &Path, stamp: &Stamp) -> Result<BackupInfo> {
    check_backup_file(from)?;
    let safety = dir_for(store.path()).join(stamp_name("before-restore", stamp.at));
    copy_database(store.conn(), &safety)?;
    store.replace_with(from)?;
    info(&safety)
}

/// Is this file a taizhang database this build can open?
pub fn check_backup_file(path: &Path) -> Result<()> {
    let bad = |why: &str| Error::Import(format!("“{}”不是可用的台账备份：{why}", path.display()));
    if !path.is_file() {
        return Err(bad("文件不存在"));
    }
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .map_err(|_| bad("无法打开"))?;
    let version = user_version(&conn).map_err(|_| bad("不是 SQLite 数据库文件"))?;
    if version == 0 {
        return Err(bad("其中没有台账数据"));
    }
    if version > SCHEMA_VERSION {
        return Err(Error::SchemaTooNew {
            found: version,
            known: SCHEMA_VERSION,
        });
    }
    let ok: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .map_err(|_| bad("文件已损坏"))?;
    if ok != "ok" {
        return Err(bad(&format!("完整性检查未通过（{ok}）")));
    }
    let has_history: i64 = conn
        .query_row(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'history'",
            [],
            |r| r.get(0),
        )
        .map_err(|_| bad("无法读取"))?;
    if has_history == 0 {
        return Err(bad("其中没有台账的数据表"));
    }
    Ok(())
}

/// The result of `verify`: is the file sound?
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct VerifyReport {
    pub path: String,
    pub schema_version: i64,
    pub integrity: String,
    pub foreign_key_problems: usize,
    pub ok: bool,
}

pub fn verify(store: &Store) -> Result<VerifyReport> {
    let conn = store.conn();
    let integrity: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
    let mut stmt = conn.prepare("PRAGMA foreign_key_check")?;
    let fk = stmt.query_map([], |_| Ok(()))?.count();
    let schema_version = user_version(conn)?;
    Ok(VerifyReport {
        path: store.path().display().to_string(),
        schema_version,
        ok: integrity == "ok" && fk == 0 && schema_version == SCHEMA_VERSION,
        integrity,
        foreign_key_problems: fk,
    })
}

fn list_prefixed(dir: &Path, prefix: &str) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| {
                    file_name(p).starts_with(prefix) && p.extension().is_some_and(|x| x == "db")
                })
                .collect()
        })
        .unwrap_or_default()
}

fn file_name(p: &Path) -> String {
    p.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn info(p: &Path) -> Result<BackupInfo> {
    let meta = std::fs::metadata(p).map_err(|e| Error::io(p, e))?;
    let created: chrono::DateTime<chrono::Local> =
        meta.modified().map_err(|e| Error::io(p, e))?.into();
    Ok(BackupInfo {
        path: p.display().to_string(),
        size: meta.len(),
        created_at: created.format("%Y-%m-%d %H:%M:%S").to_string(),
    })
}
