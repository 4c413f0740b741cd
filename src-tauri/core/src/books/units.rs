//! Handling units (承办单位): the government offices suggestions and petitions are assigned to.
//! Never deleted (cases refer to them); a unit that no longer exists is marked inactive and
//! disappears from the choices, not from the books.

use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use serde_json::json;
use std::collections::HashMap;

use crate::history::{self, Action, Entity, Stamp};
use crate::{Error, Result, Store};

#[derive(Debug, Clone, Serialize, PartialEq, Eq, ts_rs::TS)]
#[ts(export)]
pub struct HandlingUnit {
    pub id: i64,
    pub name: String,
    pub contact: String,
    pub phone: String,
    pub active: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct HandlingUnitInput {
    pub name: String,
    #[serde(default)]
    pub contact: String,
    #[serde(default)]
    pub phone: String,
    #[serde(default = "yes")]
    pub active: bool,
}

fn yes() -> bool {
    true
}

/// A reference to a unit as lists show it.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, Hash, ts_rs::TS)]
#[ts(export)]
pub struct UnitRef {
    pub id: i64,
    pub name: String,
}

fn from_row(r: &rusqlite::Row) -> rusqlite::Result<HandlingUnit> {
    Ok(HandlingUnit {
        id: r.get(0)?,
        name: r.get(1)?,
        contact: r.get(2)?,
        phone: r.get(3)?,
        active: r.get(4)?,
    })
}

pub fn list(conn: &Connection, include_inactive: bool) -> Result<Vec<HandlingUnit>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, name, contact, phone, active FROM handling_units
         WHERE active = 1 OR ?1 ORDER BY active DESC, id",
    )?;
    let rows = stmt
        .query_map([include_inactive], from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

pub fn get(conn: &Connection, id: i64) -> Result<HandlingUnit> {
    conn.query_row(
        "SELECT id, name, contact, phone, active FROM handling_units WHERE id = ?1",
        [id],
        from_row,
    )
    .optional()?
    .ok_or(Error::NotFound {
        what: "承办单位",
        id,
    })
}

/// Every unit's name by id (inactive ones too: old cases still name them).
pub fn names(conn: &Connection) -> Result<HashMap<i64, String>> {
    let mut stmt = conn.prepare_cached("SELECT id, name FROM handling_units")?;
    let rows = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<HashMap<_, _>>>()?;
    Ok(rows)
}

/// A unit a new assignment may name: it exists and is active.
pub(crate) fn check_assignable(conn: &Connection, id: i64, field: &'static str) -> Result<String> {
    match get(conn, id) {
        Ok(u) if u.active => Ok(u.name),
        Ok(u) => Err(Error::validation(
            field,
            format!(
                "{}：承办单位“{}”已停用，不能再交办",
                crate::fields::label(field),
                u.name
            ),
        )),
        Err(Error::NotFound { .. }) => Err(Error::validation(
            field,
            format!(
                "{}：所选承办单位不存在，请重新选择",
                crate::fields::label(field)
            ),
        )),
        Err(e) => Err(e),
    }
}

fn validate(
    conn: &Connection,
    input: &HandlingUnitInput,
    except: i64,
) -> Result<HandlingUnitInput> {
    let name = input.name.trim().to_string();
    if name.is_empty() {
        return Err(Error::validation("name", "请填写承办单位名称"));
    }
    if name.chars().count() > 40 {
        return Err(Error::validation("name", "承办单位名称不能超过 40 个字"));
    }
    let taken: Option<i64> = conn
        .query_row(
            "SELECT id FROM handling_units WHERE name = ?1 AND id <> ?2",
            params![name, except],
            |r| r.get(0),
        )
        .optional()?;
    if taken.is_some() {
        return Err(Error::conflict(
            "name",
            format!("已有名为“{name}”的承办单位"),
        ));
    }
    Ok(HandlingUnitInput {
        name,
        contact: input.contact.trim().into(),
        phone: input.phone.trim().into(),
        active: input.active,
    })
}

pub fn create(store: &mut Store, stamp: &Stamp, input: &HandlingUnitInput) -> Result<HandlingUnit> {
    store.write(|tx| create_in(tx, stamp, input))
}

pub(crate) fn create_in(
    conn: &Connection,
    stamp: &Stamp,
    input: &HandlingUnitInput,
) -> Result<HandlingUnit> {
    crate::fields::check(&crate::fields::UNIT, input, stamp.today())?;
    let v = validate(conn, input, -1)?;
    conn.execute(
        "INSERT INTO handling_units (name, contact, phone, active) VALUES (?1, ?2, ?3, ?4)",
        params![v.name, v.contact, v.phone, v.active],
    )?;
    let unit = get(conn, conn.last_insert_rowid())?;
    history::record(
        conn,
        stamp,
        Entity::HandlingUnit,
        unit.id,
        Action::Create,
        None,
        Some(&json!(unit)),
        "",
    )?;
    Ok(unit)
}

pub fn update(
    store: &mut Store,
    stamp: &Stamp,
    id: i64,
    input: &HandlingUnitInput,
) -> Result<HandlingUnit> {
    crate::fields::check(&crate::fields::UNIT, input, stamp.today())?;
    store.write(|tx| {
        let before = get(tx, id)?;
        let v = validate(tx, input, id)?;
        tx.execute(
            "UPDATE handling_units SET name = ?2, contact = ?3, phone = ?4, active = ?5 WHERE id = ?1",
            params![id, v.name, v.contact, v.phone, v.active],
        )?;
        let after = get(tx, id)?;
        if after != before {
            history::record(tx, stamp, Entity::HandlingUnit, id, Action::Update, Some(&json!(before)), Some(&json!(after)), "")?;
        }
        Ok(after)
    })
}
