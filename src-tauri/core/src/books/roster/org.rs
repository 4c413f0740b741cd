//! The roster's frame: terms (届次), constituencies (选区), liaison stations (代表联络站) and deputy
//! groups (代表小组) with their leader, deputy leader and liaison.

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use std::collections::HashMap;

use crate::dates;
use crate::history::{self, Action, Entity, Stamp};
use crate::vocab::DeputyStatus;
use crate::{Error, Result, Store};

pub use crate::dates::chinese_number;

#[derive(Debug, Clone, Serialize, PartialEq, ts_rs::TS)]
#[ts(export)]
pub struct Term {
    pub id: i64,
    pub number: i64,
    pub label: String,
    pub start_date: NaiveDate,
    pub end_date: Option<NaiveDate>,
    /// The term with the highest number is the current one.
    pub is_current: bool,
}

impl Term {
    pub fn label(&self) -> String {
        format!("第{}届", chinese_number(self.number))
    }
    pub fn covers(&self, d: NaiveDate) -> bool {
        d >= self.start_date && self.end_date.is_none_or(|e| d <= e)
    }
}

#[derive(Debug, Clone, Deserialize, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct TermInput {
    pub number: i64,
    pub start_date: String,
    #[serde(default)]
    pub end_date: Option<String>,
}

fn parse_date_col(s: String, idx: usize) -> rusqlite::Result<NaiveDate> {
    NaiveDate::parse_from_str(&s, "%Y-%m-%d").map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(idx, rusqlite::types::Type::Text, Box::new(e))
    })
}

pub fn terms(conn: &Connection) -> Result<Vec<Term>> {
    let mut stmt =
        conn.prepare_cached("SELECT id, number, start_date, end_date FROM terms ORDER BY number")?;
    let mut out = stmt
        .query_map([], |r| {
            let end: Option<String> = r.get(3)?;
            let mut t = Term {
                id: r.get(0)?,
                number: r.get(1)?,
                label: String::new(),
                start_date: parse_date_col(r.get(2)?, 2)?,
                end_date: end.map(|e| parse_date_col(e, 3)).transpose()?,
                is_current: false,
            };
            t.label = t.label();
            Ok(t)
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    if let Some(last) = out.last_mut() {
        last.is_current = true;
    }
    Ok(out)
}

pub fn term(conn: &Connection, id: i64) -> Result<Term> {
    terms(conn)?
        .into_iter()
        .find(|t| t.id == id)
        .ok_or(Error::NotFound { what: "届次", id })
}

/// The term whose mandate covers `on` (the newer one on the day terms meet), or a message for
/// the form's date field.
pub fn term_on(conn: &Connection, on: NaiveDate) -> Result<Term> {
    terms(conn)?
        .into_iter()
        .filter(|t| t.covers(on))
        .max_by_key(|t| t.number)
        .ok_or_else(|| Error::validation("date", "该日期不在任何届次的任期内，请先在“届次”中登记"))
}

pub fn current_term(conn: &Connection) -> Result<Option<Term>> {
    Ok(terms(conn)?.pop())
}

pub fn create_term(store: &mut Store, stamp: &Stamp, input: &TermInput) -> Result<Term> {
    crate::fields::check(&crate::fields::TERM, input, stamp.today())?;
    if !(1..=99).contains(&input.number) {
        return Err(Error::validation("number", "届次应为 1 到 99 之间的数字"));
    }
    let start = dates::parse_iso("start_date", "开始日期", &input.start_date)?;
    let end = match input.end_date.as_deref().filter(|s| !s.trim().is_empty()) {
        Some(e) => Some(dates::parse_iso("end_date", "结束日期", e)?),
        None => None,
    };
    if end.is_some_and(|e| e < start) {
        return Err(Error::validation("end_date", "结束日期不能早于开始日期"));
    }
    let id = store.write(|tx| {
        if terms(tx)?.iter().any(|t| t.number == input.number) {
            return Err(Error::conflict(
                "number",
                format!("第{}届已经存在", chinese_number(input.number)),
            ));
        }
        if let Some(prev) = terms(tx)?.into_iter().rfind(|t| t.number < input.number) {
            if start <= prev.start_date {
                return Err(Error::validation(
                    "start_date",
                    format!("开始日期应晚于{}的开始日期", prev.label()),
                ));
            }
        }
        tx.execute(
            "INSERT INTO terms (number, start_date, end_date) VALUES (?1, ?2, ?3)",
            params![input.number, start.to_string(), end.map(|e| e.to_string())],
        )?;
        let id = tx.last_insert_rowid();
        let after = json!({"number": input.number, "start_date": start, "end_date": end});
        history::record(
            tx,
            stamp,
            Entity::Term,
            id,
            Action::Create,
            None,
            Some(&after),
            "",
        )?;
        Ok(id)
    })?;
    term(store.conn(), id)
}

#[derive(Debug, Clone, Serialize, PartialEq, ts_rs::TS)]
#[ts(export)]
pub struct Constituency {
    pub id: i64,
    pub number: i64,
    pub name: String,
    pub area: String,
    /// Deputies of the current term elected here (voided ones not counted).
    pub deputy_count: i64,
}

#[derive(Debug, Clone, Deserialize, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct ConstituencyInput {
    pub number: i64,
    pub name: String,
    #[serde(default)]
    pub area: String,
}

pub fn constituencies(conn: &Connection) -> Result<Vec<Constituency>> {
    let mut stmt = conn.prepare_cached(
        "SELECT c.id, c.number, c.name, c.area,
            (SELECT count(*) FROM deputies d WHERE d.constituency_id = c.id AND d.voided_at IS NULL
               AND d.term_id = (SELECT id FROM terms ORDER BY number DESC LIMIT 1))
         FROM constituencies c ORDER BY c.number",
    )?;
    let rows = stmt
        .query_map([], |r| {
            Ok(Constituency {
                id: r.get(0)?,
                number: r.get(1)?,
                name: r.get(2)?,
                area: r.get(3)?,
                deputy_count: r.get(4)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

pub fn constituency(conn: &Connection, id: i64) -> Result<Constituency> {
    constituencies(conn)?
        .into_iter()
        .find(|c| c.id == id)
        .ok_or(Error::NotFound { what: "选区", id })
}

fn check_constituency(conn: &Connection, input: &ConstituencyInput, except: i64) -> Result<()> {
    if input.name.trim().is_empty() {
        return Err(Error::validation("name", "请填写选区名称"));
    }
    if input.number < 1 {
        return Err(Error::validation("number", "选区编号应为正整数"));
    }
    for c in constituencies(conn)?.into_iter().filter(|c| c.id != except) {
        if c.number == input.number {
            return Err(Error::conflict(
                "number",
                format!("编号 {} 已是“{}”的编号", c.number, c.name),
            ));
        }
        if c.name == input.name.trim() {
            return Err(Error::conflict(
                "name",
                format!("已有名为“{}”的选区", c.name),
            ));
        }
    }
    Ok(())
}

/// Inserts inside the caller's transaction (the importer creates constituencies this way).
pub(crate) fn insert_constituency(
    conn: &Connection,
    stamp: &Stamp,
    input: &ConstituencyInput,
    action: Action,
) -> Result<i64> {
    crate::fields::check(&crate::fields::CONSTITUENCY, input, stamp.today())?;
    check_constituency(conn, input, -1)?;
    conn.execute(
        "INSERT INTO constituencies (number, name, area) VALUES (?1, ?2, ?3)",
        params![input.number, input.name.trim(), input.area.trim()],
    )?;
    let id = conn.last_insert_rowid();
    history::record(
        conn,
        stamp,
        Entity::Constituency,
        id,
        action,
        None,
        Some(&json!(input)),
        "",
    )?;
    Ok(id)
}

pub fn create_constituency(
    store: &mut Store,
    stamp: &Stamp,
    input: &ConstituencyInput,
) -> Result<Constituency> {
    let id = store.write(|tx| insert_constituency(tx, stamp, input, Action::Create))?;
    constituency(store.conn(), id)
}

pub fn update_constituency(
    store: &mut Store,
    stamp: &Stamp,
    id: i64,
    input: &ConstituencyInput,
) -> Result<Constituency> {
    crate::fields::check(&crate::fields::CONSTITUENCY, input, stamp.today())?;
    store.write(|tx| {
        let before = constituency(tx, id)?;
        check_constituency(tx, input, id)?;
        tx.execute(
            "UPDATE constituencies SET number = ?2, name = ?3, area = ?4 WHERE id = ?1",
            params![id, input.number, input.name.trim(), input.area.trim()],
        )?;
        let b = json!({"number": before.number, "name": before.name, "area": before.area});
        history::record(
            tx,
            stamp,
            Entity::Constituency,
            id,
            Action::Update,
            Some(&b),
            Some(&json!(input)),
            "",
        )
    })?;
    constituency(store.conn(), id)
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, ts_rs::TS)]
#[ts(export)]
pub struct LiaisonStation {
    pub id: i64,
    pub name: String,
    pub address: String,
    pub convener: String,
    pub schedule: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct LiaisonStationInput {
    pub name: String,
    #[serde(default)]
    pub address: String,
    #[serde(default)]
    pub convener: String,
    #[serde(default)]
    pub schedule: String,
}

pub fn stations(conn: &Connection) -> Result<Vec<LiaisonStation>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, name, address, convener, schedule FROM liaison_stations ORDER BY id",
    )?;
    let rows = stmt
        .query_map([], |r| {
            Ok(LiaisonStation {
                id: r.get(0)?,
                name: r.get(1)?,
                address: r.get(2)?,
                convener: r.get(3)?,
                schedule: r.get(4)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

pub fn station(conn: &Connection, id: i64) -> Result<LiaisonStation> {
    stations(conn)?
        .into_iter()
        .find(|s| s.id == id)
        .ok_or(Error::NotFound {
            what: "代表联络站",
            id,
        })
}

fn check_station(conn: &Connection, input: &LiaisonStationInput, except: i64) -> Result<()> {
    if input.name.trim().is_empty() {
        return Err(Error::validation("name", "请填写联络站名称"));
    }
    if stations(conn)?
        .iter()
        .any(|s| s.id != except && s.name == input.name.trim())
    {
        return Err(Error::conflict(
            "name",
            format!("已有名为“{}”的联络站", input.name.trim()),
        ));
    }
    Ok(())
}

pub fn create_station(
    store: &mut Store,
    stamp: &Stamp,
    input: &LiaisonStationInput,
) -> Result<LiaisonStation> {
    crate::fields::check(&crate::fields::STATION, input, stamp.today())?;
    let id = store.write(|tx| {
        check_station(tx, input, -1)?;
        tx.execute(
            "INSERT INTO liaison_stations (name, address, convener, schedule) VALUES (?1, ?2, ?3, ?4)",
            params![input.name.trim(), input.address.trim(), input.convener.trim(), input.schedule.trim()],
        )?;
        let id = tx.last_insert_rowid();
        history::record(tx, stamp, Entity::LiaisonStation, id, Action::Create, None, Some(&json!(input)), "")?;
        Ok(id)
    })?;
    station(store.conn(), id)
}

pub fn update_station(
    store: &mut Store,
    stamp: &Stamp,
    id: i64,
    input: &LiaisonStationInput,
) -> Result<LiaisonStation> {
    crate::fields::check(&crate::fields::STATION, input, stamp.today())?;
    store.write(|tx| {
        let before = station(tx, id)?;
        check_station(tx, input, id)?;
        tx.execute(
            "UPDATE liaison_stations SET name = ?2, address = ?3, convener = ?4, schedule = ?5 WHERE id = ?1",
            params![id, input.name.trim(), input.address.trim(), input.convener.trim(), input.schedule.trim()],
        )?;
        history::record(tx, stamp, Entity::LiaisonStation, id, Action::Update, Some(&json!(before)), Some(&json!(input)), "")
    })?;
    station(store.conn(), id)
}

/// A group as stored.
#[derive(Debug, Clone, Serialize, PartialEq, ts_rs::TS)]
#[ts(export)]
pub struct GroupRecord {
    pub id: i64,
    pub name: String,
    pub station_id: Option<i64>,
    pub leader_id: Option<i64>,
    pub deputy_leader_id: Option<i64>,
    pub liaison_id: Option<i64>,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct DeputyGroup {
    pub id: i64,
    pub name: String,
    pub station_id: Option<i64>,
    pub station_name: Option<String>,
    pub leader_id: Option<i64>,
    pub leader_name: Option<String>,
    pub deputy_leader_id: Option<i64>,
    pub deputy_leader_name: Option<String>,
    pub liaison_id: Option<i64>,
    pub liaison_name: Option<String>,
    /// Members of the current term holding office today.
    pub member_count: i64,
}

#[derive(Debug, Clone, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct DeputyGroupInput {
    pub name: String,
    #[serde(default)]
    pub station_id: Option<i64>,
    #[serde(default)]
    pub leader_id: Option<i64>,
    #[serde(default)]
    pub deputy_leader_id: Option<i64>,
    #[serde(default)]
    pub liaison_id: Option<i64>,
}

pub(crate) fn group_record(conn: &Connection, id: i64) -> Result<GroupRecord> {
    conn.query_row(
        "SELECT id, name, station_id, leader_id, deputy_leader_id, liaison_id FROM deputy_groups WHERE id = ?1",
        [id],
        |r| {
            Ok(GroupRecord {
                id: r.get(0)?,
                name: r.get(1)?,
                station_id: r.get(2)?,
                leader_id: r.get(3)?,
                deputy_leader_id: r.get(4)?,
                liaison_id: r.get(5)?,
            })
        },
    )
    .optional()?
    .ok_or(Error::NotFound { what: "代表小组", id })
}

pub(crate) fn group_names(conn: &Connection) -> Result<HashMap<i64, String>> {
    let mut stmt = conn.prepare_cached("SELECT id, name FROM deputy_groups")?;
    let rows = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<HashMap<_, _>>>()?;
    Ok(rows)
}

pub fn groups(conn: &Connection, today: NaiveDate) -> Result<Vec<DeputyGroup>> {
    let mut stmt = conn.prepare_cached("SELECT id FROM deputy_groups ORDER BY id")?;
    let ids = stmt
        .query_map([], |r| r.get::<_, i64>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let members: Vec<crate::roster::Deputy> = match current_term(conn)? {
        Some(t) => crate::roster::deputy::term_views(conn, t.id, today)?,
        None => Vec::new(),
    };
    let name_of = |id: Option<i64>| -> Result<Option<String>> {
        Ok(match id {
            Some(id) => Some(crate::roster::deputy::record(conn, id)?.name),
            None => None,
        })
    };
    let stations: HashMap<i64, String> = stations(conn)?
        .into_iter()
        .map(|s| (s.id, s.name))
        .collect();
    ids.into_iter()
        .map(|id| {
            let g = group_record(conn, id)?;
            Ok(DeputyGroup {
                member_count: members
                    .iter()
                    .filter(|d| d.group_id == Some(id) && !d.voided && holds_office(d.status))
                    .count() as i64,
                station_name: g.station_id.and_then(|s| stations.get(&s).cloned()),
                leader_name: name_of(g.leader_id)?,
                deputy_leader_name: name_of(g.deputy_leader_id)?,
                liaison_name: name_of(g.liaison_id)?,
                id: g.id,
                name: g.name,
                station_id: g.station_id,
                leader_id: g.leader_id,
                deputy_leader_id: g.deputy_leader_id,
                liaison_id: g.liaison_id,
            })
        })
        .collect()
}

/// In office or suspended: still holds the mandate, so counted in the roster.
pub fn holds_office(s: DeputyStatus) -> bool {
    matches!(s, DeputyStatus::InOffice | DeputyStatus::Suspended)
}

pub fn group(conn: &Connection, id: i64, today: NaiveDate) -> Result<DeputyGroup> {
    groups(conn, today)?
        .into_iter()
        .find(|g| g.id == id)
        .ok_or(Error::NotFound {
            what: "代表小组",
            id,
        })
}

/// Leader, deputy leader and liaison must be live members of the group holding office today.
fn check_group(
    conn: &Connection,
    input: &DeputyGroupInput,
    except: i64,
    today: NaiveDate,
) -> Result<()> {
    let name = input.name.trim();
    if name.is_empty() {
        return Err(Error::validation("name", "请填写小组名称"));
    }
    if group_names(conn)?
        .iter()
        .any(|(id, n)| *id != except && n == name)
    {
        return Err(Error::conflict(
            "name",
            format!("已有名为“{name}”的代表小组"),
        ));
    }
    if let Some(s) = input.station_id {
        station(conn, s).map_err(|_| Error::validation("station_id", "所选联络站不存在"))?;
    }
    for (field, label, who) in [
        ("leader_id", "组长", input.leader_id),
        ("deputy_leader_id", "副组长", input.deputy_leader_id),
        ("liaison_id", "联络员", input.liaison_id),
    ] {
        let Some(who) = who else { continue };
        let d = crate::roster::deputy::view(conn, who, today)
            .map_err(|_| Error::validation(field, format!("所选{label}不存在")))?;
        if except < 0 || d.group_id != Some(except) || d.voided {
            return Err(Error::validation(
                field,
                format!("{label}应为本小组的代表，{}不在本小组", d.name),
            ));
        }
        if !holds_office(d.status) {
            return Err(Error::validation(
                field,
                format!("{}已不在任，不能担任{label}", d.name),
            ));
        }
    }
    Ok(())
}

pub(crate) fn insert_group(
    conn: &Connection,
    stamp: &Stamp,
    input: &DeputyGroupInput,
    action: Action,
    today: NaiveDate,
) -> Result<i64> {
    crate::fields::check(&crate::fields::GROUP, input, stamp.today())?;
    check_group(
        conn,
        &DeputyGroupInput {
            leader_id: None,
            deputy_leader_id: None,
            liaison_id: None,
            ..input.clone()
        },
        -1,
        today,
    )?;
    if input.leader_id.is_some() || input.deputy_leader_id.is_some() || input.liaison_id.is_some() {
        return Err(Error::validation(
            "leader_id",
            "新建小组时还没有成员：请先建组，把代表分入本组后再指定组长和联络员",
        ));
    }
    conn.execute(
        "INSERT INTO deputy_groups (name, station_id) VALUES (?1, ?2)",
        params![input.name.trim(), input.station_id],
    )?;
    let id = conn.last_insert_rowid();
    history::record(
        conn,
        stamp,
        Entity::DeputyGroup,
        id,
        action,
        None,
        Some(&json!(group_record(conn, id)?)),
        "",
    )?;
    Ok(id)
}

pub fn create_group(
    store: &mut Store,
    stamp: &Stamp,
    input: &DeputyGroupInput,
) -> Result<DeputyGroup> {
    let id = store.write(|tx| insert_group(tx, stamp, input, Action::Create, stamp.today()))?;
    group(store.conn(), id, stamp.today())
}

pub fn update_group(
    store: &mut Store,
    stamp: &Stamp,
    id: i64,
    input: &DeputyGroupInput,
) -> Result<DeputyGroup> {
    crate::fields::check(&crate::fields::GROUP, input, stamp.today())?;
    store.write(|tx| {
        let before = group_record(tx, id)?;
        check_group(tx, input, id, stamp.today())?;
        tx.execute(
            "UPDATE deputy_groups SET name = ?2, station_id = ?3, leader_id = ?4, deputy_leader_id = ?5, liaison_id = ?6 WHERE id = ?1",
            params![id, input.name.trim(), input.station_id, input.leader_id, input.deputy_leader_id, input.liaison_id],
        )?;
        let after = group_record(tx, id)?;
        if after != before {
            history::record(tx, stamp, Entity::DeputyGroup, id, Action::Update, Some(&json!(before)), Some(&json!(after)), "")?;
        }
        Ok(())
    })?;
    group(store.conn(), id, stamp.today())
}

/// The group roles a deputy may hold, by their column.
pub(crate) const ROLES: [&str; 3] = ["leader_id", "deputy_leader_id", "liaison_id"];

/// Clears a deputy from any group role (leader, deputy leader, liaison) inside a transaction.
/// Returns each (group, role column) cleared, so the event that caused it can undo it.
pub(crate) fn clear_group_roles(
    conn: &Connection,
    stamp: &Stamp,
    deputy_id: i64,
    why: &str,
) -> Result<Vec<(i64, &'static str)>> {
    let mut cleared = Vec::new();
    let mut stmt = conn.prepare(
        "SELECT id FROM deputy_groups WHERE leader_id = ?1 OR deputy_leader_id = ?1 OR liaison_id = ?1",
    )?;
    let ids = stmt
        .query_map([deputy_id], |r| r.get::<_, i64>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    for gid in ids {
        let before = group_record(conn, gid)?;
        let held = [before.leader_id, before.deputy_leader_id, before.liaison_id];
        for (role, who) in ROLES.iter().zip(held) {
            if who == Some(deputy_id) {
                cleared.push((gid, *role));
            }
        }
        conn.execute(
            "UPDATE deputy_groups SET
                leader_id = CASE WHEN leader_id = ?2 THEN NULL ELSE leader_id END,
                deputy_leader_id = CASE WHEN deputy_leader_id = ?2 THEN NULL ELSE deputy_leader_id END,
                liaison_id = CASE WHEN liaison_id = ?2 THEN NULL ELSE liaison_id END
             WHERE id = ?1",
            params![gid, deputy_id],
        )?;
        let after: Value = json!(group_record(conn, gid)?);
        history::record(
            conn,
            stamp,
            Entity::DeputyGroup,
            gid,
            Action::Update,
            Some(&json!(before)),
            Some(&after),
            why,
        )?;
    }
    Ok(cleared)
}

/// Gives a deputy back a group role an event had cleared, if nobody holds it now (someone
/// appointed since keeps it). Returns whether it was given back.
pub(crate) fn restore_group_role(
    conn: &Connection,
    stamp: &Stamp,
    group_id: i64,
    role: &str,
    deputy_id: i64,
    why: &str,
) -> Result<bool> {
    let Some(column) = ROLES.iter().find(|r| **r == role) else {
        return Ok(false);
    };
    let before = group_record(conn, group_id)?;
    let sql = format!("UPDATE deputy_groups SET {column} = ?2 WHERE id = ?1 AND {column} IS NULL");
    if conn.execute(&sql, params![group_id, deputy_id])? == 0 {
        return Ok(false);
    }
    let after: Value = json!(group_record(conn, group_id)?);
    history::record(
        conn,
        stamp,
        Entity::DeputyGroup,
        group_id,
        Action::Update,
        Some(&json!(before)),
        Some(&after),
        why,
    )?;
    Ok(true)
}

/// Does a row with this id exist? A cheap check for references in validation.
pub(crate) fn exists(conn: &Connection, table: &str, id: i64) -> Result<bool> {
    let sql = format!("SELECT EXISTS (SELECT 1 FROM {table} WHERE id = ?1)");
    Ok(conn.prepare_cached(&sql)?.query_row([id], |r| r.get(0))?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn term_numbers_read_as_the_office_writes_them() {
        assert_eq!(chinese_number(1), "一");
        assert_eq!(chinese_number(10), "十");
        assert_eq!(chinese_number(14), "十四");
        assert_eq!(chinese_number(20), "二十");
        assert_eq!(chinese_number(21), "二十一");
    }
}
