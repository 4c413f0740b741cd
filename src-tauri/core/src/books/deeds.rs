//! The exemplary deeds book (代表先进事迹记录簿): what deputies did that deserves recording, with
//! the honours it earned and where it was publicised. A suggestion whose result was good (closed,
//! the deputy's final evaluation 满意 or 基本满意) can become a deed, linked back to it.

use chrono::{Datelike, NaiveDate};
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use std::collections::HashMap;

use crate::book::{self, Book};
use crate::history::{Entity, HistoryEntry, Stamp};
use crate::roster::deputy;
use crate::store::{ListSql, Page, Where};
use crate::suggestions::{self, DeputyRef};
use crate::vocab::*;
use crate::{dates, names, Error, Result, Store};

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, ts_rs::TS)]
#[ts(export)]
pub struct DeedInput {
    pub deputy_ids: Vec<i64>,
    pub date: String,
    pub category: DeedCategory,
    pub title: String,
    #[serde(default)]
    pub summary: String,
    #[serde(default)]
    pub evidence: String,
    #[serde(default)]
    pub honour: String,
    #[serde(default)]
    pub honour_level: Option<Level>,
    #[serde(default)]
    pub honour_body: String,
    #[serde(default)]
    pub honour_date: Option<String>,
    #[serde(default)]
    pub publicised: String,
    #[serde(default)]
    pub suggestion_id: Option<i64>,
    #[serde(default)]
    pub notes: String,
}

#[derive(Debug, Clone, Serialize, PartialEq, ts_rs::TS)]
#[ts(export)]
pub struct SuggestionLink {
    pub id: i64,
    pub number: String,
    pub subject: String,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct Deed {
    pub id: i64,
    pub number: String,
    pub year: i32,
    pub seq: i64,
    pub deputies: Vec<DeputyRef>,
    pub date: NaiveDate,
    pub category: DeedCategory,
    pub title: String,
    pub summary: String,
    pub evidence: String,
    pub honour: String,
    pub honour_level: Option<Level>,
    pub honour_body: String,
    pub honour_date: Option<NaiveDate>,
    pub publicised: String,
    pub suggestion: Option<SuggestionLink>,
    pub notes: String,
    pub voided: bool,
    pub void_reason: Option<String>,
}

impl Deed {
    fn snapshot(&self) -> Value {
        let mut v = json!(self);
        v["deputies"] = json!(self
            .deputies
            .iter()
            .map(|d| d.name.clone())
            .collect::<Vec<_>>());
        v["suggestion"] = json!(self.suggestion.as_ref().map(|s| s.number.clone()));
        v
    }
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct DeedDetail {
    pub deed: Deed,
    pub history: Vec<HistoryEntry>,
}

#[derive(Debug, Clone, Default, Deserialize, ts_rs::TS)]
#[ts(export, optional_fields = nullable)]
#[serde(default)]
pub struct DeedQuery {
    pub search: Option<String>,
    pub year: Option<i32>,
    pub category: Option<DeedCategory>,
    pub deputy_id: Option<i64>,
    pub honoured: Option<bool>,
    #[ts(as = "Option<bool>", optional)]
    pub include_voided: bool,
    pub page: Option<usize>,
    pub page_size: Option<usize>,
}

const COLUMNS: &str = "d.id, d.number, d.year, d.seq, d.date, d.category, d.title, d.summary, d.evidence, d.honour,
    d.honour_level, d.honour_body, d.honour_date, d.publicised, d.suggestion_id, d.notes, d.voided_at IS NOT NULL,
    d.void_reason, s.number, s.subject";

fn from_row(r: &Row) -> rusqlite::Result<Deed> {
    let date = |i: usize| -> rusqlite::Result<Option<NaiveDate>> {
        let s: Option<String> = r.get(i)?;
        Ok(s.and_then(|s| NaiveDate::parse_from_str(&s, "%Y-%m-%d").ok()))
    };
    let sid: Option<i64> = r.get(14)?;
    Ok(Deed {
        id: r.get(0)?,
        number: r.get(1)?,
        year: r.get(2)?,
        seq: r.get(3)?,
        deputies: Vec::new(),
        date: date(4)?.unwrap_or_default(),
        category: r.get(5)?,
        title: r.get(6)?,
        summary: r.get(7)?,
        evidence: r.get(8)?,
        honour: r.get(9)?,
        honour_level: r.get(10)?,
        honour_body: r.get(11)?,
        honour_date: date(12)?,
        publicised: r.get(13)?,
        suggestion: match sid {
            Some(id) => Some(SuggestionLink {
                id,
                number: r.get(18)?,
                subject: r.get(19)?,
            }),
            None => None,
        },
        notes: r.get(15)?,
        voided: r.get(16)?,
        void_reason: r.get(17)?,
    })
}

fn with_deputies(conn: &Connection, mut deeds: Vec<Deed>) -> Result<Vec<Deed>> {
    if deeds.is_empty() {
        return Ok(deeds);
    }
    let ids: Vec<String> = deeds.iter().map(|d| d.id.to_string()).collect();
    let mut stmt = conn.prepare(&format!(
        "SELECT x.deed_id, x.deputy_id, p.name FROM deed_deputies x JOIN deputies p ON p.id = x.deputy_id
         WHERE x.deed_id IN ({}) ORDER BY x.rowid",
        ids.join(",")
    ))?;
    let mut by: HashMap<i64, Vec<DeputyRef>> = HashMap::new();
    for row in stmt.query_map([], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            DeputyRef {
                id: r.get(1)?,
                name: r.get(2)?,
            },
        ))
    })? {
        let (deed, d) = row?;
        by.entry(deed).or_default().push(d);
    }
    for d in &mut deeds {
        d.deputies = by.remove(&d.id).unwrap_or_default();
    }
    Ok(deeds)
}

pub fn get(conn: &Connection, id: i64) -> Result<Deed> {
    let d = conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM deeds d LEFT JOIN suggestions s ON s.id = d.suggestion_id WHERE d.id = ?1"),
            [id],
            from_row,
        )
        .optional()?
        .ok_or(Error::NotFound { what: "先进事迹", id })?;
    Ok(with_deputies(conn, vec![d])?.remove(0))
}

pub fn detail(conn: &Connection, id: i64) -> Result<DeedDetail> {
    Ok(DeedDetail {
        deed: get(conn, id)?,
        history: book::history::of::<Deed>(conn, id)?,
    })
}

pub fn list(conn: &Connection, q: &DeedQuery) -> Result<Page<Deed>> {
    let mut w = Where::default();
    if let Some(y) = q.year {
        crate::dates::check_year(y)?;
        w.and_with("d.year = ?", y as i64);
    }
    if let Some(c) = q.category {
        w.and_with("d.category = ?", c.code().to_string());
    }
    if let Some(id) = q.deputy_id {
        w.and_with(
            "d.id IN (SELECT deed_id FROM deed_deputies WHERE deputy_id = ?)",
            id,
        );
    }
    match q.honoured {
        Some(true) => w.and("d.honour <> ''"),
        Some(false) => w.and("d.honour = ''"),
        None => {}
    }
    if !q.include_voided {
        w.and("d.voided_at IS NULL");
    }
    if let Some(text) = q.search.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        // Deputies by name, pinyin or initials, worked out over the roster (a few hundred names).
        let lower = text.to_lowercase();
        let mut stmt = conn.prepare_cached("SELECT id, name FROM deputies")?;
        let who: Vec<String> = stmt
            .query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))?
            .filter_map(|r| r.ok())
            .filter(|(_, name)| {
                let (py, ini) = names::pinyin_and_initials(name);
                names::name_matches(name, &py, &ini, &lower)
            })
            .map(|(id, _)| id.to_string())
            .collect();
        let like = format!("%{}%", text.replace(['%', '_'], ""));
        w.and_with(
            &format!(
                "(d.title LIKE ? OR d.summary LIKE ? OR d.honour LIKE ? OR d.number LIKE ?
                  OR d.id IN (SELECT deed_id FROM deed_deputies WHERE deputy_id IN ({})))",
                who.join(",")
            ),
            like,
        );
    }
    let sql = ListSql {
        columns: COLUMNS,
        from: "deeds d LEFT JOIN suggestions s ON s.id = d.suggestion_id",
        count_from: "deeds d",
        order: "d.date DESC, d.id DESC",
    };
    let page = Page::query(conn, &sql, w, q.page, q.page_size, from_row)?;
    Ok(Page {
        items: with_deputies(conn, page.items)?,
        ..page
    })
}

struct Valid {
    date: NaiveDate,
    honour_date: Option<NaiveDate>,
    deputies: Vec<i64>,
}

/// Was the suggestion's result good enough to be a deed: closed, the final evaluation 满意 or 基本满意.
fn check_suggestion(conn: &Connection, id: i64) -> Result<suggestions::Case> {
    let c = suggestions::case(conn, id)
        .map_err(|_| Error::validation("suggestion_id", "所选代表建议不存在"))?;
    let good = matches!(
        c.facts.final_result(),
        Some(Satisfaction::Satisfied | Satisfaction::BasicallySatisfied)
    );
    if c.rec.voided_at.is_some() || c.facts.state != SuggestionState::Closed || !good {
        return Err(Error::InvalidTransition(format!(
            "建议{}尚未办结或代表评价不是满意、基本满意，不能转为先进事迹",
            c.rec.number
        )));
    }
    Ok(c)
}

/// A suggestion is turned into one deed at most (voided deeds aside).
fn check_not_turned(conn: &Connection, suggestion_id: i64, except: i64) -> Result<()> {
    let earlier: Option<(i64, String)> = conn
        .query_row(
            "SELECT id, number FROM deeds WHERE suggestion_id = ?1 AND voided_at IS NULL AND id <> ?2",
            params![suggestion_id, except],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    match earlier {
        Some((id, number)) => Err(Error::conflict(
            "suggestion_id",
            format!("该建议已转为先进事迹{number}，不能重复登记"),
        )
        .about(id)),
        None => Ok(()),
    }
}

fn validate(conn: &Connection, input: &DeedInput, today: NaiveDate, except: i64) -> Result<Valid> {
    let mut deputies = Vec::new();
    for id in &input.deputy_ids {
        let rec = deputy::record(conn, *id)
            .map_err(|_| Error::validation("deputy_ids", "所选代表不存在"))?;
        if rec.voided_at.is_some() {
            return Err(Error::validation(
                "deputy_ids",
                format!("代表{}的登记已作废", rec.name),
            ));
        }
        if !deputies.contains(id) {
            deputies.push(*id);
        }
    }
    if deputies.is_empty() {
        return Err(Error::validation(
            "deputy_ids",
            "请选择事迹所属的代表（至少一名）",
        ));
    }
    let date = dates::parse_iso("date", "事迹日期", &input.date)?;
    if date > today {
        return Err(Error::validation("date", "日期不能晚于今天"));
    }
    let title = input.title.trim();
    if title.is_empty() {
        return Err(Error::validation("title", "请填写事迹标题"));
    }
    if title.chars().count() > 100 {
        return Err(Error::validation("title", "事迹标题不能超过 100 个字"));
    }
    let honour = input.honour.trim();
    if !honour.is_empty() && input.honour_level.is_none() {
        return Err(Error::validation(
            "honour_level",
            "填写了荣誉，请选择荣誉级别",
        ));
    }
    let honour_date = match input
        .honour_date
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        Some(t) => Some(dates::parse_iso("honour_date", "授予日期", t)?),
        None => None,
    };
    if honour.is_empty() && (honour_date.is_some() || !input.honour_body.trim().is_empty()) {
        return Err(Error::validation(
            "honour",
            "填写了授予单位或日期，请填写荣誉名称",
        ));
    }
    if let Some(sid) = input.suggestion_id {
        check_suggestion(conn, sid)?;
        check_not_turned(conn, sid, except)?;
    }
    Ok(Valid {
        date,
        honour_date,
        deputies,
    })
}

fn write(conn: &Connection, id: i64, input: &DeedInput, v: &Valid) -> Result<()> {
    conn.execute(
        "UPDATE deeds SET date = ?2, category = ?3, title = ?4, summary = ?5, evidence = ?6, honour = ?7,
            honour_level = ?8, honour_body = ?9, honour_date = ?10, publicised = ?11, suggestion_id = ?12, notes = ?13
         WHERE id = ?1",
        params![
            id,
            v.date.to_string(),
            input.category,
            input.title.trim(),
            input.summary.trim(),
            input.evidence.trim(),
            input.honour.trim(),
            if input.honour.trim().is_empty() { None } else { input.honour_level },
            input.honour_body.trim(),
            v.honour_date.map(|d| d.to_string()),
            input.publicised.trim(),
            input.suggestion_id,
            input.notes.trim()
        ],
    )?;
    conn.execute("DELETE FROM deed_deputies WHERE deed_id = ?1", [id])?;
    for d in &v.deputies {
        conn.execute(
            "INSERT INTO deed_deputies (deed_id, deputy_id) VALUES (?1, ?2)",
            params![id, d],
        )?;
    }
    Ok(())
}

pub fn create(store: &mut Store, stamp: &Stamp, input: &DeedInput) -> Result<Deed> {
    store.write(|tx| create_in(tx, stamp, input))
}

pub(crate) fn create_in(conn: &Connection, stamp: &Stamp, input: &DeedInput) -> Result<Deed> {
    crate::fields::check(&crate::fields::DEED, input, stamp.today())?;
    let v = validate(conn, input, stamp.today(), -1)?;
    let year = v.date.year();
    let seq = book::next_seq(conn, "deeds", &[("year", &year)])?;
    conn.execute(
        "INSERT INTO deeds (year, seq, number, date, category, title) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![year, seq, format!("事迹〔{year}〕第{seq}号"), v.date.to_string(), input.category, input.title.trim()],
    )?;
    let id = conn.last_insert_rowid();
    write(conn, id, input, &v)?;
    let deed = get(conn, id)?;
    book::record_created(conn, stamp, id, &deed)?;
    Ok(deed)
}

pub fn update(store: &mut Store, stamp: &Stamp, id: i64, input: &DeedInput) -> Result<Deed> {
    crate::fields::check(&crate::fields::DEED, input, stamp.today())?;
    book::update(store, stamp, id, |tx, before: &Deed| {
        let v = validate(tx, input, stamp.today(), id)?;
        book::keep_in_scope(
            v.date.year() != before.year,
            "date",
            format!("编号{}按年份编排，日期不能改到其他年份", before.number),
        )?;
        write(tx, id, input, &v)
    })
}

pub fn void(store: &mut Store, stamp: &Stamp, id: i64, reason: &str) -> Result<Deed> {
    book::void(store, stamp, id, reason)
}

impl Book for Deed {
    const ENTITY: Entity = Entity::Deed;
    const TABLE: &'static str = "deeds";
    const NAME: &'static str = "事迹";
    fn load(conn: &Connection, id: i64) -> Result<Self> {
        get(conn, id)
    }
    fn is_voided(&self) -> bool {
        self.voided
    }
    fn snapshot(&self) -> Value {
        Deed::snapshot(self)
    }
    fn label(&self) -> String {
        self.number.clone()
    }
    fn value_label(field: &str, code: &str) -> Option<&'static str> {
        match field {
            "category" => DeedCategory::from_code(code).map(|v| v.label()),
            "honour_level" => Level::from_code(code).map(|v| v.label()),
            _ => None,
        }
    }
}

/// A deed prefilled from a suggestion whose result was good: its deputies, its subject, the
/// reply as the summary. Nothing is written until the clerk saves it.
pub fn draft_from_suggestion(
    conn: &Connection,
    suggestion_id: i64,
    today: NaiveDate,
) -> Result<DeedInput> {
    let c = check_suggestion(conn, suggestion_id)?;
    check_not_turned(conn, suggestion_id, -1)?;
    let s = suggestions::get(conn, suggestion_id, today)?;
    let mut deputy_ids: Vec<i64> = s.lead_deputy.iter().map(|d| d.id).collect();
    deputy_ids.extend(s.co_signers.iter().map(|d| d.id));
    let reply = c.steps.iter().rev().find_map(|st| match &st.step {
        suggestions::Step::Reply { text, .. } => Some(text.clone()),
        _ => None,
    });
    Ok(DeedInput {
        deputy_ids,
        date: c.facts.closed_on.unwrap_or(today).to_string(),
        category: DeedCategory::ServingVoters,
        title: format!(
            "推动解决{}",
            s.subject
                .trim_start_matches("关于")
                .trim_end_matches("的建议")
        ),
        summary: format!(
            "{}提出《{}》（{}），经承办单位办理，代表评价为{}。{}",
            s.lead_deputy
                .as_ref()
                .map(|d| format!("代表{}领衔", d.name))
                .unwrap_or_else(|| "主席团".into()),
            s.subject,
            s.number_label,
            s.final_result.map(|r| r.label()).unwrap_or(""),
            reply.unwrap_or_default()
        ),
        evidence: String::new(),
        honour: String::new(),
        honour_level: None,
        honour_body: String::new(),
        honour_date: None,
        publicised: String::new(),
        suggestion_id: Some(suggestion_id),
        notes: String::new(),
    })
}
