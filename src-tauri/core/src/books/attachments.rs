//! Files attached to entries (the signed minutes scan, photos of an activity, a deed's
//! certificate). A file is copied into `attachments/` beside the database, never referenced where
//! it was picked (a USB stick or a desktop folder goes away), and named by its SHA-256: the same
//! scan attached twice is stored once, and a stored file is never rewritten or removed. Removing an
//! attachment voids its row like any ledger entry, so an older backup of the database still finds
//! every file it names.

use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::Serialize;
use serde_json::{json, Value};
use sha2::{Digest, Sha256};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use crate::book::{self, Book};
use crate::history::{self, Action, Entity, Stamp};
use crate::{Error, Result, Store};

/// Larger files are refused: a scan of a signed page is a few MB, a phone photo under 10 MB.
pub const MAX_SIZE: u64 = 50 * 1024 * 1024;

/// The entries that take attachments, with the table that holds them and their name.
pub const ENTITIES: &[(&str, &str, &str)] = &[
    ("presidium_meeting", "presidium_meetings", "主席团会议"),
    ("group_activity", "group_activities", "代表小组活动"),
    ("deed", "deeds", "先进事迹"),
    ("document", "documents", "文件登记"),
    ("suggestion", "suggestions", "代表建议"),
    ("petition", "petitions", "来信来访"),
    // A unit's scanned rectification report; an evaluation's ballots and result sheet.
    ("rectification", "rectifications", "审议意见"),
    ("evaluation", "evaluations", "评议"),
];

/// Accepted file types by extension, with the media types their content may be detected as
/// (None: plain text, which has no signature).
const TYPES: &[(&str, &str, &[&str])] = &[
    ("pdf", "PDF 文档", &["application/pdf"]),
    ("jpg", "JPEG 图片", &["image/jpeg"]),
    ("jpeg", "JPEG 图片", &["image/jpeg"]),
    ("png", "PNG 图片", &["image/png"]),
    ("ofd", "OFD 版式文档", &["application/zip"]),
    (
        "docx",
        "Word 文档",
        &[
            "application/zip",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ],
    ),
    (
        "xlsx",
        "Excel 表格",
        &[
            "application/zip",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ],
    ),
    (
        "doc",
        "Word 文档",
        &[
            "application/msword",
            "application/x-ole-storage",
            "application/vnd.ms-excel",
        ],
    ),
    (
        "xls",
        "Excel 表格",
        &[
            "application/vnd.ms-excel",
            "application/x-ole-storage",
            "application/msword",
        ],
    ),
    (
        "wps",
        "WPS 文档",
        &[
            "application/msword",
            "application/x-ole-storage",
            "application/vnd.ms-excel",
        ],
    ),
    ("txt", "文本", &[]),
];

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct Attachment {
    pub id: i64,
    pub entity: String,
    pub entity_id: i64,
    pub sha256: String,
    pub name: String,
    pub size: u64,
    pub media_type: String,
    pub added_at: String,
    pub added_by: String,
    pub voided: bool,
    pub void_reason: Option<String>,
}

/// `attachments/` next to the database file.
pub fn dir_for(db_path: &Path) -> PathBuf {
    db_path
        .parent()
        .unwrap_or(Path::new("."))
        .join("attachments")
}

fn extension(name: &str) -> String {
    Path::new(name)
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_lowercase()
}

/// Where the file of `sha256` with extension `ext` lives: `attachments/ab/abcdef….pdf`.
fn stored_path(dir: &Path, sha256: &str, ext: &str) -> PathBuf {
    dir.join(&sha256[..2]).join(format!("{sha256}.{ext}"))
}

const COLUMNS: &str = "id, entity, entity_id, sha256, name, size, media_type, added_at, added_by,
    voided_at IS NOT NULL, void_reason";

fn from_row(r: &Row) -> rusqlite::Result<Attachment> {
    Ok(Attachment {
        id: r.get(0)?,
        entity: r.get(1)?,
        entity_id: r.get(2)?,
        sha256: r.get(3)?,
        name: r.get(4)?,
        size: r.get::<_, i64>(5)? as u64,
        media_type: r.get(6)?,
        added_at: r.get(7)?,
        added_by: r.get(8)?,
        voided: r.get(9)?,
        void_reason: r.get(10)?,
    })
}

pub fn get(conn: &Connection, id: i64) -> Result<Attachment> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM attachments WHERE id = ?1"),
        [id],
        from_row,
    )
    .optional()?
    .ok_or(Error::NotFound { what: "附件", id })
}

pub fn list(
    conn: &Connection,
    entity: &str,
    entity_id: i64,
    include_voided: bool,
) -> Result<Vec<Attachment>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM attachments WHERE entity = ?1 AND entity_id = ?2 AND (?3 OR voided_at IS NULL) ORDER BY id"
    ))?;
    let rows = stmt
        .query_map(params![entity, entity_id, include_voided], from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

fn check_entry(conn: &Connection, entity: &str, entity_id: i64) -> Result<&'static str> {
    let Some((_, table, label)) = ENTITIES.iter().find(|(e, _, _)| *e == entity) else {
        return Err(Error::validation(
            "entity",
            format!("“{entity}”不能添加附件"),
        ));
    };
    let voided: Option<bool> = conn
        .query_row(
            &format!("SELECT voided_at IS NOT NULL FROM {table} WHERE id = ?1"),
            [entity_id],
            |r| r.get(0),
        )
        .optional()?;
    match voided {
        None => Err(Error::NotFound {
            what: label,
            id: entity_id,
        }),
        Some(true) => Err(Error::InvalidTransition(format!(
            "该{label}已作废，不能再添加附件"
        ))),
        Some(false) => Ok(label),
    }
}

/// Checks the file's type by its extension and its first bytes, and its size.
fn check_file(source: &Path, name: &str, size: u64, head: &[u8]) -> Result<String> {
    let ext = extension(name);
    let Some((_, kind, media)) = TYPES.iter().find(|(e, _, _)| *e == ext) else {
        let allowed: Vec<&str> = TYPES.iter().map(|(e, _, _)| *e).collect();
        return Err(Error::validation(
            "file",
            format!("不能添加“{name}”：只接受 {} 文件", allowed.join("、")),
        ));
    };
    if size == 0 {
        return Err(Error::validation("file", format!("“{name}”是空文件")));
    }
    if size > MAX_SIZE {
        return Err(Error::validation(
            "file",
            format!(
                "“{name}”有 {size} 字节，超过了 {} MB（{MAX_SIZE} 字节）的上限；扫描件请降低分辨率或分页保存",
                MAX_SIZE / 1048576
            ),
        ));
    }
    let detected = infer::get(head).map(|t| t.mime_type());
    let fits = if media.is_empty() {
        detected.is_none() && !head.contains(&0)
    } else {
        detected.is_some_and(|d| media.contains(&d))
    };
    if !fits {
        return Err(Error::validation(
            "file",
            format!(
                "“{}”的内容不是{kind}（扩展名与内容不符，文件可能已损坏）",
                source.file_name().and_then(|n| n.to_str()).unwrap_or(name)
            ),
        ));
    }
    Ok(match detected {
        Some(d) if d != "application/zip" && d != "application/x-ole-storage" => d.to_string(),
        _ => match ext.as_str() {
            "txt" => "text/plain".into(),
            "docx" => {
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document".into()
            }
            "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet".into(),
            "ofd" => "application/ofd".into(),
            "doc" | "wps" => "application/msword".into(),
            "xls" => "application/vnd.ms-excel".into(),
            _ => "application/octet-stream".into(),
        },
    })
}

/// Copies `source` into the attachment folder (hashing as it copies) and returns its hash.
/// The copy is written under a temporary name and renamed last, so a stored file is complete.
fn store_file(dir: &Path, source: &Path, ext: &str) -> Result<(String, u64)> {
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    let mut input = std::fs::File::open(source).map_err(|e| Error::io(source, e))?;
    let tmp = tempfile::NamedTempFile::new_in(dir).map_err(|e| Error::io(dir, e))?;
    let mut out = tmp.as_file();
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 64 * 1024];
    let mut size = 0u64;
    loop {
        let n = input.read(&mut buf).map_err(|e| Error::io(source, e))?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
        out.write_all(&buf[..n]).map_err(|e| Error::io(dir, e))?;
        size += n as u64;
    }
    out.sync_all().map_err(|e| Error::io(dir, e))?;
    let sha = format!("{:x}", hasher.finalize());
    let dest = stored_path(dir, &sha, ext);
    if dest.exists() {
        return Ok((sha, size));
    }
    let sub = dest.parent().expect("a shard folder");
    std::fs::create_dir_all(sub).map_err(|e| Error::io(sub, e))?;
    tmp.persist(&dest).map_err(|e| Error::io(&dest, e.error))?;
    Ok((sha, size))
}

/// Attaches the file at `source` to an entry. `name` defaults to the file's own name.
pub fn add(
    store: &mut Store,
    stamp: &Stamp,
    entity: &str,
    entity_id: i64,
    source: &Path,
    name: Option<&str>,
) -> Result<Attachment> {
    let label = check_entry(store.conn(), entity, entity_id)?;
    let name = name
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map(str::to_string)
        .or_else(|| {
            source
                .file_name()
                .and_then(|n| n.to_str())
                .map(str::to_string)
        })
        .ok_or_else(|| Error::validation("file", "请选择要添加的文件"))?;
    crate::fields::check_text(&crate::fields::PLAIN, "attachment", &name)?;
    // The entry itself, not what a link points at: a link named 说明.txt that points at
    // /etc/passwd (or at a device) is not a file the clerk chose.
    let meta = std::fs::symlink_metadata(source).map_err(|_| {
        Error::validation(
            "file",
            format!("找不到文件“{}”，U盘是否已拔出？", source.display()),
        )
    })?;
    if meta.file_type().is_symlink() {
        return Err(Error::validation(
            "file",
            format!("“{name}”是一个链接（快捷方式），请选择它所指的文件本身"),
        ));
    }
    if !meta.is_file() {
        return Err(Error::validation("file", format!("“{name}”不是文件")));
    }
    let mut head = Vec::with_capacity(8192);
    std::fs::File::open(source)
        .map_err(|e| Error::io(source, e))?
        .take(8192)
        .read_to_end(&mut head)
        .map_err(|e| Error::io(source, e))?;
    let media_type = check_file(source, &name, meta.len(), &head)?;
    let ext = extension(&name);
    let (sha, size) = store_file(&dir_for(store.path()), source, &ext)?;
    store.write(|tx| {
        tx.execute(
            "INSERT INTO attachments (entity, entity_id, sha256, name, size, media_type, added_at, added_by)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![entity, entity_id, sha, name, size as i64, media_type, stamp.at_text(), stamp.actor],
        )?;
        let id = tx.last_insert_rowid();
        let a = get(tx, id)?;
        history::record(tx, stamp, Entity::Attachment, id, Action::Create, None, Some(&json!(a)), "")?;
        history::record(
            tx,
            stamp,
            Entity::parse(entity)?,
            entity_id,
            Action::Update,
            None,
            None,
            &format!("添加附件“{name}”（{label}）"),
        )?;
        Ok(a)
    })
}

/// The stored file of an attachment, checked to be there and unchanged.
pub fn file(store: &Store, id: i64) -> Result<PathBuf> {
    let a = get(store.conn(), id)?;
    let path = stored_path(&dir_for(store.path()), &a.sha256, &extension(&a.name));
    let bytes = std::fs::read(&path).map_err(|_| {
        Error::Import(format!(
            "附件“{}”的文件不见了（{}）。请从备份或原件重新添加。",
            a.name,
            path.display()
        ))
    })?;
    if format!("{:x}", Sha256::digest(&bytes)) != a.sha256 {
        return Err(Error::Import(format!(
            "附件“{}”的文件已被改动，与登记时不一致（{}）",
            a.name,
            path.display()
        )));
    }
    Ok(path)
}

/// Voids an attachment (the file stays in the store, like every voided entry) and notes it in
/// the history of the entry it belonged to.
pub fn void(store: &mut Store, stamp: &Stamp, id: i64, reason: &str) -> Result<Attachment> {
    store.write(|tx| {
        let after = book::void_in::<Attachment>(tx, stamp, id, reason)?;
        history::record(
            tx,
            stamp,
            Entity::parse(&after.entity)?,
            after.entity_id,
            Action::Update,
            None,
            None,
            &format!("作废附件“{}”：{}", after.name, reason.trim()),
        )?;
        Ok(after)
    })
}

impl Book for Attachment {
    const ENTITY: Entity = Entity::Attachment;
    const TABLE: &'static str = "attachments";
    const NAME: &'static str = "附件";
    fn load(conn: &Connection, id: i64) -> Result<Self> {
        get(conn, id)
    }
    fn is_voided(&self) -> bool {
        self.voided
    }
    fn snapshot(&self) -> Value {
        json!(self)
    }
    fn label(&self) -> String {
        self.name.clone()
    }
}

/// Every attachment whose file is missing or changed, for `verify`.
pub fn check_all(store: &Store) -> Result<Vec<String>> {
    let mut stmt = store
        .conn()
        .prepare(&format!("SELECT {COLUMNS} FROM attachments ORDER BY id"))?;
    let all = stmt
        .query_map([], from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(all
        .iter()
        .filter_map(|a| file(store, a.id).err().map(|e| e.to_string()))
        .collect())
}
