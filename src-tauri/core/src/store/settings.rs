//! Office settings: the township's name (on every printout and export), the operator, the
//! name recorded as "who" in the history, and county mode (this copy reads townships' packages).

use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use serde_json::json;

use crate::history::{self, Action, Entity, Stamp};
use crate::{Error, Result, Store};

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq, ts_rs::TS)]
#[ts(export)]
pub struct Settings {
    pub township: String,
    pub operator: String,
    /// The county's copy: shows the townships' figures side by side (县人大汇总).
    #[serde(default)]
    pub county_mode: bool,
}

pub const DEFAULT_OPERATOR: &str = "办公室";

/// A raw setting (other modules keep their own keys here).
pub fn get(conn: &Connection, key: &str) -> Result<Option<String>> {
    Ok(conn
        .query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
            r.get(0)
        })
        .optional()?)
}

/// Writes a raw setting inside the caller's transaction.
pub fn set(conn: &Connection, key: &str, value: &str) -> Result<()> {
    conn.execute(
        "INSERT INTO settings (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        params![key, value],
    )?;
    Ok(())
}

pub fn load(conn: &Connection) -> Result<Settings> {
    Ok(Settings {
        township: get(conn, "township")?.unwrap_or_default(),
        operator: get(conn, "operator")?.unwrap_or_else(|| DEFAULT_OPERATOR.to_string()),
        county_mode: get(conn, "county_mode")?.as_deref() == Some("1"),
    })
}

pub fn save(store: &mut Store, stamp: &Stamp, new: &Settings) -> Result<Settings> {
    crate::fields::check(&crate::fields::SETTINGS, new, stamp.today())?;
    let township = new.township.trim();
    let operator = new.operator.trim();
    if township.chars().count() > 40 {
        return Err(Error::validation("township", "乡镇名称不能超过 40 个字"));
    }
    if operator.is_empty() {
        return Err(Error::validation(
            "operator",
            "请填写操作人姓名：它会记录在每一条修改记录中",
        ));
    }
    store.write(|tx| {
        let before = load(tx)?;
        let county_mode = if new.county_mode { "1" } else { "0" };
        for (k, v) in [
            ("township", township),
            ("operator", operator),
            ("county_mode", county_mode),
        ] {
            set(tx, k, v)?;
        }
        let after = load(tx)?;
        if before != after {
            history::record(
                tx,
                stamp,
                Entity::Settings,
                0,
                Action::Update,
                Some(&json!(before)),
                Some(&json!(after)),
                "",
            )?;
        }
        Ok(after)
    })
}
