//! One error type for the core. Every variant carries a Chinese message a clerk can act on, and
//! serialises as `{code, field, message}` so the UI can branch on `code` and put the message
//! next to `field`.

use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Bad input; `field` is the snake_case name of the input field it is about.
    #[error("{message}")]
    Validation {
        field: Option<&'static str>,
        message: String,
        /// The entry the refusal is about, when it is not the one being written (the row of a
        /// batch that was refused), so the UI can point at it without reading the message.
        entry: Option<i64>,
    },

    #[error("未找到{what}（编号 {id}），可能已被删除或编号有误")]
    NotFound { what: &'static str, id: i64 },

    /// The input is valid on its own but clashes with what is stored (duplicates).
    #[error("{message}")]
    Conflict {
        field: Option<&'static str>,
        message: String,
        /// The stored entry the input clashes with (the earlier registration of the same 文号),
        /// so the UI can link to it without reading the message.
        entry: Option<i64>,
    },

    /// A status change that the current state does not allow.
    #[error("{0}")]
    InvalidTransition(String),

    /// A file to import cannot be read as a whole (not xlsx, empty, no header...).
    #[error("{0}")]
    Import(String),

    /// Typesetting a printout failed (a missing glyph, a template error); nothing was saved.
    #[error("{0}")]
    Print(String),

    #[error("无法访问文件 {path}：{reason}", reason = io_reason(.source))]
    Io {
        path: String,
        source: std::io::Error,
    },

    #[error("{}", database_message(.0))]
    Database(#[from] rusqlite::Error),

    #[error("数据库结构升级失败：{0}。数据未作修改。")]
    Migration(String),

    #[error("该数据文件由更新版本的台账软件创建（结构版本 {found}，本软件只认识到 {known}），请升级软件后再打开。")]
    SchemaTooNew { found: i64, known: i64 },
}

impl Error {
    pub fn validation(field: &'static str, message: impl Into<String>) -> Self {
        Error::Validation {
            field: Some(field),
            message: message.into(),
            entry: None,
        }
    }
    pub fn conflict(field: &'static str, message: impl Into<String>) -> Self {
        Error::Conflict {
            field: Some(field),
            message: message.into(),
            entry: None,
        }
    }
    pub fn io(path: impl AsRef<std::path::Path>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.as_ref().display().to_string(),
            source,
        }
    }

    /// The machine code the UI branches on. Stable: part of the IPC and CLI JSON contract.
    pub fn code(&self) -> &'static str {
        match self {
            Error::Validation { .. } => "validation",
            Error::NotFound { .. } => "not_found",
            Error::Conflict { .. } => "conflict",
            Error::InvalidTransition(_) => "invalid_transition",
            Error::Import(_) => "import",
            Error::Print(_) => "print",
            Error::Io { .. } => "io",
            Error::Database(_) | Error::Migration(_) => "database",
            Error::SchemaTooNew { .. } => "schema_too_new",
        }
    }

    /// The same refusal, about entry `id` (see [`Error::entry`]).
    pub fn about(self, id: i64) -> Self {
        match self {
            Error::Validation { field, message, .. } => Error::Validation {
                field,
                message,
                entry: Some(id),
            },
            Error::Conflict { field, message, .. } => Error::Conflict {
                field,
                message,
                entry: Some(id),
            },
            other => other,
        }
    }

    /// The entry a refusal is about, when it names one.
    pub fn entry(&self) -> Option<i64> {
        match self {
            Error::Validation { entry, .. } | Error::Conflict { entry, .. } => *entry,
            _ => None,
        }
    }

    pub fn field(&self) -> Option<&'static str> {
        match self {
            Error::Validation { field, .. } | Error::Conflict { field, .. } => *field,
            _ => None,
        }
    }
}

impl Serialize for Error {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let entry = self.entry();
        let mut st = s.serialize_struct("AppError", 3 + usize::from(entry.is_some()))?;
        st.serialize_field("code", self.code())?;
        st.serialize_field("field", &self.field())?;
        st.serialize_field("message", &self.to_string())?;
        // Only when there is one, so every other error keeps its three fields.
        if let Some(id) = entry {
            st.serialize_field("entry", &id)?;
        }
        st.end()
    }
}

/// What a database failure means for the clerk. A busy file is another window or a script
/// writing: waiting is the answer, and a restore would throw current data away. Only a
/// damaged file is a reason to restore.
fn database_message(e: &rusqlite::Error) -> String {
    use rusqlite::ErrorCode::*;
    if let rusqlite::Error::FromSqlConversionFailure(col, ..)
    | rusqlite::Error::InvalidColumnType(col, ..) = e
    {
        return format!(
            "数据文件中有一条记录的第 {} 项无法读取（可能被其他程序改动过）；数据未作修改。请用“校验”检查数据文件，或从备份恢复",
            col + 1
        );
    }
    match e.sqlite_error_code() {
        Some(DatabaseBusy | DatabaseLocked) => {
            "数据文件正被另一个窗口或程序使用，请稍等片刻再试；数据未作修改。如一直如此，请关闭其他台账窗口后重试（不要恢复备份，那会丢失最近的数据）".into()
        }
        Some(DatabaseCorrupt | NotADatabase) => format!(
            "数据文件已损坏（{e}）。数据未作修改。请到“设置 → 数据备份”选一份最近的备份恢复，损坏的文件会原样保留"
        ),
        Some(DiskFull) => "磁盘已满，无法写入；数据未作修改。请清理磁盘后重试".into(),
        Some(ReadOnly | CannotOpen | PermissionDenied) => format!(
            "无法写入数据文件（{e}）：文件或文件夹可能是只读的；数据未作修改"
        ),
        Some(ConstraintViolation) => format!(
            "这次修改与已有记录冲突（{e}），未保存；数据未作修改。请检查后重试"
        ),
        _ => format!("数据库错误：{e}。数据未作修改，请重试；如反复出现，请联系技术人员"),
    }
}

/// The cause in words a clerk can act on (a full, read-only or pulled-out stick), with the
/// system's own text after it for whoever is asked to help.
fn io_reason(e: &std::io::Error) -> String {
    use std::io::ErrorKind::*;
    let hint = match e.kind() {
        StorageFull => "磁盘或U盘空间不足",
        ReadOnlyFilesystem => "磁盘或U盘是只读的，无法写入",
        NotFound => "找不到（U盘可能已拔出）",
        PermissionDenied => "没有写入权限",
        _ => return e.to_string(),
    };
    format!("{hint}（{e}）")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serialises_as_code_field_message_for_the_ui() {
        let e = Error::validation("name", "请填写姓名");
        let v = serde_json::to_value(&e).unwrap();
        assert_eq!(
            v,
            serde_json::json!({"code": "validation", "field": "name", "message": "请填写姓名"})
        );
    }

    #[test]
    fn a_busy_file_advises_waiting_never_a_restore() {
        let busy = Error::Database(rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_BUSY),
            None,
        ));
        let m = busy.to_string();
        assert!(m.contains("稍等") && m.contains("不要恢复备份"), "{m}");
        let corrupt = Error::Database(rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_CORRUPT),
            None,
        ));
        assert!(
            corrupt.to_string().contains("备份恢复"),
            "a damaged file is the case for it"
        );
    }

    #[test]
    fn a_row_changed_by_another_program_is_said_in_chinese() {
        let unreadable = Error::Database(rusqlite::Error::InvalidColumnType(
            5,
            "date".into(),
            rusqlite::types::Type::Text,
        ));
        let m = unreadable.to_string();
        assert!(
            m.contains("第 6 项无法读取") && !m.contains("Invalid"),
            "{m}"
        );
    }

    #[test]
    fn not_found_names_what_was_missing() {
        let e = Error::NotFound {
            what: "代表",
            id: 7,
        };
        assert!(e.to_string().contains("代表") && e.to_string().contains('7'));
        assert_eq!(
            serde_json::to_value(&e).unwrap()["field"],
            serde_json::Value::Null
        );
    }

    #[test]
    fn a_refusal_about_another_entry_carries_its_id() {
        let e = Error::conflict("doc_number", "已登记为收文〔2026〕第3号").about(42);
        let v = serde_json::to_value(&e).unwrap();
        assert_eq!(
            v["entry"], 42,
            "the UI links to the earlier entry by its id"
        );
        assert_eq!(v["code"], "conflict");
        let plain = serde_json::to_value(Error::validation("name", "x")).unwrap();
        assert!(
            plain.get("entry").is_none(),
            "other errors keep their three fields"
        );
    }
}
