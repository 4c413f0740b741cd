//! Backups: automatic (once a day when the app starts, the newest kept), manual, before a
//! migration and before a restore. A backup is a complete SQLite file made with SQLite's online
//! backup, so it is consistent even while the app has the database open in WAL mode.

use chrono::NaiveDateTime;
use rusqlite::{Connection, OpenFlags};
use serde::Serialize;
use std::path::{Path, PathBuf};

use crate::history::Stamp;
use crate::settings;
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

/// Gives the finished file `tmp` its name in `dir`, for `prefix` and the time, never one that
/// exists: two backups in the same second (or a restore's safety copy right after a backup)
/// each keep their own file. The name is claimed with a hard link, which fails rather than
/// replace, so two processes cannot both take it; a file under its final name is complete.
fn claim(tmp: &Path, dir: &Path, prefix: &str, at: NaiveDateTime) -> Result<PathBuf> {
    let base = format!("{prefix}-{}", at.format("%Y%m%d-%H%M%S"));
    for n in 1..10_000 {
        let name = if n == 1 {
            format!("{base}.db")
        } else {
            format!("{base}-{n}.db")
        };
        let p = dir.join(name);
        match std::fs::hard_link(tmp, &p) {
            Ok(()) => {
                let _ = std::fs::remove_file(tmp);
                return Ok(p);
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(Error::io(&p, e)),
        }
    }
    Err(Error::Import(format!(
        "“{}”中同一秒的备份过多，请稍后再试",
        dir.display()
    )))
}

/// A scratch name in `dir` no other copy uses (this process, this moment).
fn scratch(dir: &Path, prefix: &str, at: NaiveDateTime) -> PathBuf {
    static N: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let n = N.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    dir.join(format!(
        "{prefix}-{}-{}-{n}.partial",
        at.format("%Y%m%d-%H%M%S"),
        std::process::id()
    ))
}

/// Copies the open database to a new, unique file in the backups folder; a scratch file left
/// by a copy that was cut off (the power went) is cleared first.
fn take(store: &Store, prefix: &str, stamp: &Stamp) -> Result<PathBuf> {
    let dir = dir_for(store.path());
    std::fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
    clear_scratch(&dir);
    let tmp = scratch(&dir, prefix, stamp.at);
    let made = store
        .conn()
        .backup(rusqlite::MAIN_DB, &tmp, None)
        .map_err(Error::from)
        .and_then(|_| claim(&tmp, &dir, prefix, stamp.at));
    if made.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    made
}

/// Removes `*.partial` scratch files older than an hour (a younger one may be a copy running
/// in another process).
fn clear_scratch(dir: &Path) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    for e in rd.flatten() {
        let p = e.path();
        let scratch = file_name(&p).contains(".partial");
        let old = e
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age.as_secs() > 3600);
        if scratch && old {
            let _ = std::fs::remove_file(&p);
        }
    }
}

/// A backup the clerk asked for; never rotated away.
pub fn backup_now(store: &Store, stamp: &Stamp) -> Result<BackupInfo> {
    let dest = take(store, "manual", stamp)?;
    copy_elsewhere(store, &dest, stamp);
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
    let dest = take(store, "auto", stamp)?;
    copy_elsewhere(store, &dest, stamp);
    autos.push(dest.clone());
    autos.sort();
    let excess = autos.len().saturating_sub(KEEP_AUTOMATIC);
    for old in &autos[..excess] {
        let _ = std::fs::remove_file(old);
    }
    Ok(Some(info(&dest)?))
}

/// The second place backups are copied to (a USB stick, another disk), and how the copying
/// goes: the home page shows the last copy and warns when it is older than a week.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct CopyStatus {
    /// The folder chosen in 设置 → 备份位置; empty when none is.
    pub dir: String,
    /// When the last copy landed there ("2026-12-05 09:30:00").
    pub last_copy: Option<String>,
    /// Why the last attempt failed (the stick was not plugged in), if it did.
    pub last_error: Option<String>,
    /// No copy for more than [`COPY_EVERY_DAYS`] days (or never, with a folder chosen).
    pub overdue: bool,
}

/// A copy elsewhere at least this often; every automatic backup (daily) tries one.
pub const COPY_EVERY_DAYS: i64 = 7;
const COPY_DIR: &str = "backup_copy_dir";
const COPY_LAST: &str = "backup_copy_last";
const COPY_ERROR: &str = "backup_copy_error";
/// Copies kept in the second place (the newest; ours only, by their `taizhang-` prefix).
const KEEP_COPIES: usize = 8;

pub fn copy_status(store: &Store, today: chrono::NaiveDate) -> Result<CopyStatus> {
    let conn = store.conn();
    let dir = settings::get(conn, COPY_DIR)?.unwrap_or_default();
    let last_copy = settings::get(conn, COPY_LAST)?;
    let last_error = settings::get(conn, COPY_ERROR)?.filter(|e| !e.is_empty());
    let last_day = last_copy
        .as_deref()
        .and_then(|t| chrono::NaiveDate::parse_from_str(t.get(..10)?, "%Y-%m-%d").ok());
    let overdue =
        !dir.is_empty() && last_day.is_none_or(|d| (today - d).num_days() > COPY_EVERY_DAYS);
    Ok(CopyStatus {
        dir,
        last_copy,
        last_error,
        overdue,
    })
}

/// Chooses the second place (an empty text: none). The folder must exist and take a file;
/// a first copy is made at once, so the clerk sees it work.
pub fn set_copy_dir(store: &mut Store, stamp: &Stamp, dir: &str) -> Result<CopyStatus> {
    let dir = dir.trim();
    crate::fields::check_text(&crate::fields::SETTINGS, "backup_copy_dir", dir)?;
    if !dir.is_empty() {
        let p = Path::new(dir);
        if !p.is_dir() {
            return Err(Error::validation(
                "backup_copy_dir",
                format!("备份位置“{dir}”不存在或不是文件夹，请插好U盘后重新选择"),
            ));
        }
        if p.canonicalize().ok() == dir_for(store.path()).canonicalize().ok() {
            return Err(Error::validation(
                "backup_copy_dir",
                "备份位置不能是本机的备份文件夹，请选择U盘或另一块磁盘",
            ));
        }
    }
    store.write(|tx| {
        settings::set(tx, COPY_DIR, dir)?;
        settings::set(tx, COPY_ERROR, "")
    })?;
    if !dir.is_empty() {
        let newest = take(store, "manual", stamp)?;
        copy_elsewhere(store, &newest, stamp);
    }
    copy_status(store, stamp.today())
}

/// Copies a finished backup to the second place, if one is chosen; a failure (no stick) is
/// recorded for the home page, never an error of the backup itself.
fn copy_elsewhere(store: &Store, backup: &Path, stamp: &Stamp) {
    let conn = store.conn();
    let Ok(Some(dir)) = settings::get(conn, COPY_DIR) else {
        return;
    };
    if dir.is_empty() {
        return;
    }
    let outcome = (|| -> Result<()> {
        let dir = Path::new(&dir);
        if !dir.is_dir() {
            return Err(Error::validation(
                "backup_copy_dir",
                format!("找不到备份位置“{}”（U盘可能未插好）", dir.display()),
            ));
        }
        let dest = dir.join(format!("taizhang-{}", file_name(backup)));
        let tmp = dest.with_extension("db.partial");
        std::fs::copy(backup, &tmp).map_err(|e| Error::io(&tmp, e))?;
        std::fs::File::open(&tmp)
            .and_then(|f| f.sync_all())
            .map_err(|e| Error::io(&tmp, e))?;
        std::fs::rename(&tmp, &dest).map_err(|e| Error::io(&dest, e))?;
        let mut ours = list_prefixed(dir, "taizhang-");
        ours.sort();
        let excess = ours.len().saturating_sub(KEEP_COPIES);
        for old in &ours[..excess] {
            let _ = std::fs::remove_file(old);
        }
        Ok(())
    })();
    let _ = match outcome {
        Ok(()) => settings::set(conn, COPY_LAST, &stamp.at_text())
            .and_then(|_| settings::set(conn, COPY_ERROR, "")),
        Err(e) => settings::set(conn, COPY_ERROR, &e.to_string()),
    };
}

/// What a backup holds, shown before a restore replaces anything: when it was taken, its
/// schema version, and how many entries each table of the books has.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct BackupContents {
    pub path: String,
    pub created_at: String,
    pub size: u64,
    pub schema_version: i64,
    /// (what, how many), in the order the office knows its books.
    pub entries: Vec<(String, i64)>,
    /// The newest change recorded in it ("2026-12-04 16:20:00"), if any.
    pub last_change: Option<String>,
}

/// The tables a clerk recognises, with the names the menus use.
const COUNTED: &[(&str, &str)] = &[
    ("deputies", "代表"),
    ("suggestions", "代表建议"),
    ("petitions", "信访"),
    ("documents", "文件"),
    ("deeds", "先进事迹"),
    ("presidium_meetings", "主席团会议"),
    ("group_activities", "小组活动"),
    ("attachments", "附件"),
    ("history", "修改记录"),
];

/// Reads a backup (checked first, opened read-only) and says what it holds.
pub fn contents(path: &Path) -> Result<BackupContents> {
    check_backup_file(path)?;
    let conn = open_untouched(path)?;
    let have = crate::store::schema(&conn)?;
    let mut entries = Vec::new();
    for (table, what) in COUNTED {
        if have.contains_key(&("table".to_string(), table.to_string())) {
            let n: i64 =
                conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))?;
            entries.push((what.to_string(), n));
        }
    }
    let last_change: Option<String> =
        conn.query_row("SELECT max(at) FROM history", [], |r| r.get(0))?;
    let i = info(path)?;
    Ok(BackupContents {
        path: i.path,
        created_at: i.created_at,
        size: i.size,
        schema_version: user_version(&conn)?,
        entries,
        last_change,
    })
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
    let safety = take(store, "before-restore", stamp)?;
    let this_pc = machine_settings(store.conn())?;
    store.replace_with(from)?;
    keep_machine_settings(store, &this_pc)?;
    copy_elsewhere(store, &safety, stamp);
    info(&safety)
}

/// Settings that belong to this computer, not to the data: where backups are copied and how
/// that went. A restore brings back the data of a day; it must not forget the stick.
const MACHINE_SETTINGS: [&str; 3] = [COPY_DIR, COPY_LAST, COPY_ERROR];

fn machine_settings(conn: &Connection) -> Result<Vec<(&'static str, Option<String>)>> {
    MACHINE_SETTINGS
        .iter()
        .map(|k| Ok((*k, settings::get(conn, k)?)))
        .collect()
}

fn keep_machine_settings(store: &mut Store, kept: &[(&'static str, Option<String>)]) -> Result<()> {
    store.write(|tx| {
        for (k, v) in kept {
            match v {
                Some(v) => settings::set(tx, k, v)?,
                None => {
                    tx.execute("DELETE FROM settings WHERE key = ?1", [k])?;
                }
            }
        }
        Ok(())
    })
}

/// Restores the database at `db_path` from a backup when no store is open (the CLI): a sound
/// file through SQLite ([`restore`]), one too damaged to open byte for byte ([`restore_file`]).
/// Returns where the data before the restore was kept, and whether it was damaged.
pub fn restore_at(db_path: &Path, from: &Path, stamp: &Stamp) -> Result<(Option<PathBuf>, bool)> {
    match Store::open(db_path) {
        Ok(mut store) => Ok((
            Some(PathBuf::from(restore(&mut store, from, stamp)?.path)),
            false,
        )),
        Err(_) => Ok((restore_file(db_path, from, stamp)?, true)),
    }
}

/// Restores `db_path` from a backup without opening the current file, which may be the
/// damaged one (a corrupted header makes every open fail, so the advised restore must not
/// need it). The current file and its journal are kept aside as they are, byte for byte, then
/// the backup is copied in and opened (migrated if older). Returns where the old file went.
pub fn restore_file(db_path: &Path, from: &Path, stamp: &Stamp) -> Result<Option<PathBuf>> {
    check_backup_file(from)?;
    let dir = dir_for(db_path);
    let mut kept = None;
    if db_path.exists() {
        std::fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
        let tmp = scratch(&dir, "damaged-before-restore", stamp.at);
        std::fs::copy(db_path, &tmp).map_err(|e| Error::io(&tmp, e))?;
        let aside = claim(&tmp, &dir, "damaged-before-restore", stamp.at)?;
        for ext in ["-wal", "-shm"] {
            let side = PathBuf::from(format!("{}{ext}", db_path.display()));
            if side.exists() {
                let to = PathBuf::from(format!("{}{ext}", aside.display()));
                std::fs::copy(&side, &to).map_err(|e| Error::io(&to, e))?;
            }
        }
        kept = Some(aside);
    }
    // This computer's settings, if the damaged file still yields them.
    let this_pc = Connection::open_with_flags(db_path, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .ok()
        .and_then(|c| machine_settings(&c).ok());
    let tmp = db_path.with_extension("restoring");
    std::fs::copy(from, &tmp).map_err(|e| Error::io(&tmp, e))?;
    std::fs::File::open(&tmp)
        .and_then(|f| f.sync_all())
        .map_err(|e| Error::io(&tmp, e))?;
    for ext in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{ext}", db_path.display()));
    }
    std::fs::rename(&tmp, db_path).map_err(|e| Error::io(db_path, e))?;
    let mut store = Store::open_at(db_path, &crate::clock::FixedClock(stamp.at))?;
    if let Some(this_pc) = this_pc {
        keep_machine_settings(&mut store, &this_pc)?;
    }
    Ok(kept)
}

/// Opens a backup to read it without writing anything beside it (no -wal or -shm file: the
/// backups folder holds backups only), as an immutable file.
fn open_untouched(path: &Path) -> rusqlite::Result<Connection> {
    let uri = format!(
        "file:{}?mode=ro&immutable=1",
        path.display()
            .to_string()
            .replace('%', "%25")
            .replace('?', "%3f")
            .replace('#', "%23")
    );
    Connection::open_with_flags(
        uri,
        OpenFlags::SQLITE_OPEN_READ_ONLY
            | OpenFlags::SQLITE_OPEN_URI
            | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
}

/// Is this file a taizhang database this build can open?
pub fn check_backup_file(path: &Path) -> Result<()> {
    let bad = |why: &str| Error::Import(format!("“{}”不是可用的台账备份：{why}", path.display()));
    if !path.is_file() {
        return Err(bad("文件不存在"));
    }
    let conn = open_untouched(path).map_err(|_| bad("无法打开"))?;
    let version = user_version(&conn).map_err(|_| bad("不是 SQLite 数据库文件"))?;
    let app = crate::store::application_id(&conn).map_err(|_| bad("不是 SQLite 数据库文件"))?;
    if app != 0 && app != crate::store::APPLICATION_ID {
        return Err(bad("这是其他程序的数据库文件"));
    }
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
    // The whole schema, against what this build gives a database of the version it claims:
    // another program's file with a `history` table, or a backup with a table dropped, fails.
    let have = crate::store::schema(&conn).map_err(|_| bad("无法读取"))?;
    let want = crate::store::schema_at(version as usize)?;
    if let Some(((kind, name), _)) = want.iter().find(|(k, sql)| have.get(*k) != Some(*sql)) {
        let what = if kind == "table" {
            "数据表"
        } else {
            "结构"
        };
        return Err(bad(&format!(
            "第 {version} 版的{what}“{name}”缺失或不符（文件不完整，或不是台账软件的备份）"
        )));
    }
    if let Some((_, name)) = have.keys().find(|k| !want.contains_key(*k)) {
        return Err(bad(&format!(
            "其中有台账软件没有的“{name}”（不是台账软件的备份）"
        )));
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
