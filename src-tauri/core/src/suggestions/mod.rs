//! The suggestions book (代表议案和批评、建议、意见记录簿): registration, the state machine's steps,
//! the list with its filters, and the view with the deadline running now.
//!
//! A suggestion's number (term-session-sequence) is given by the app on registration and never
//! changes; its state is the replay of its steps ([`machine`]); its deadline is derived from the
//! steps, the rule profile it was registered under, and the office's holiday calendar.

pub mod machine;
pub mod stats;

use chrono::NaiveDate;
use rusqlite::types::Value as SqlValue;
use rusqlite::{params, params_from_iter, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use std::collections::HashMap;

use crate::calendar::{HolidayCalendar, Period, Unit};
use crate::deadline::{Deadline, DueStage};
use crate::history::{self, Action, HistoryEntry, Stamp};
use crate::ledger;
use crate::roster::org::{self, chinese_number, Term};
use crate::roster::{deputy, status};
use crate::rules::{self, RuleProfile};
use crate::store::{Page, Where};
use crate::units::{self, UnitRef};
use crate::vocab::*;
use crate::{casebook, dates, names, Error, Result, Store};
pub use machine::{Facts, Step};

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct SuggestionInput {
    #[serde(default)]
    pub term_id: Option<i64>,
    pub session_no: i64,
    pub during_session: bool,
    pub kind: SuggestionKind,
    #[serde(default)]
    pub lead_deputy_id: Option<i64>,
    #[serde(default)]
    pub by_presidium: bool,
    #[serde(default)]
    pub co_signer_ids: Vec<i64>,
    pub subject: String,
    #[serde(default)]
    pub content: String,
    pub category: SuggestionCategory,
    pub received_on: String,
    #[serde(default)]
    pub key_supervision: bool,
    #[serde(default)]
    pub published: bool,
    #[serde(default)]
    pub notes: String,
}

/// A suggestion as stored (what the history snapshots).
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct SuggestionRecord {
    pub id: i64,
    pub term_id: i64,
    pub session_no: i64,
    pub during_session: bool,
    pub seq: i64,
    pub number: String,
    pub kind: SuggestionKind,
    pub lead_deputy_id: Option<i64>,
    pub by_presidium: bool,
    pub co_signer_ids: Vec<i64>,
    pub subject: String,
    pub content: String,
    pub category: SuggestionCategory,
    pub received_on: NaiveDate,
    pub key_supervision: bool,
    pub published: bool,
    pub notes: String,
    pub profile: String,
    pub voided_at: Option<String>,
    pub void_reason: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct DeputyRef {
    pub id: i64,
    pub name: String,
}

/// The suggestion as lists and the detail page show it.
#[derive(Debug, Clone, Serialize)]
pub struct Suggestion {
    pub id: i64,
    pub number: String,
    pub number_label: String,
    pub term_id: i64,
    pub session_no: i64,
    pub during_session: bool,
    pub kind: SuggestionKind,
    pub lead_deputy: Option<DeputyRef>,
    pub by_presidium: bool,
    pub co_signers: Vec<DeputyRef>,
    pub subject: String,
    pub content: String,
    pub category: SuggestionCategory,
    pub received_on: NaiveDate,
    pub key_supervision: bool,
    pub published: bool,
    pub notes: String,
    pub profile: String,
    pub state: SuggestionState,
    pub state_label: &'static str,
    pub lead_unit: Option<UnitRef>,
    pub co_units: Vec<UnitRef>,
    pub assigned_on: Option<NaiveDate>,
    pub replied_on: Option<NaiveDate>,
    pub reply_category: Option<String>,
    pub reply_category_label: Option<String>,
    pub round: u32,
    pub first_result: Option<Satisfaction>,
    pub final_result: Option<Satisfaction>,
    pub promised_on: Option<NaiveDate>,
    pub promise_done_on: Option<NaiveDate>,
    pub deadline: Option<Deadline>,
    pub voided: bool,
    pub void_reason: Option<String>,
}

/// A stored step with who entered it.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredStep {
    pub id: i64,
    pub suggestion_id: i64,
    pub step: Step,
    pub actor: String,
    pub at: String,
    pub void_reason: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct SuggestionStep {
    pub id: i64,
    pub suggestion_id: i64,
    pub action: &'static str,
    pub action_label: &'static str,
    pub date: NaiveDate,
    pub detail: Value,
    pub summary: String,
    pub actor: String,
    pub at: String,
    pub voided: bool,
    pub void_reason: Option<String>,
    /// Only the latest live step can be voided (the earlier ones stay a valid replay).
    pub voidable: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct SuggestionDetail {
    pub suggestion: Suggestion,
    pub steps: Vec<SuggestionStep>,
    pub allowed: Vec<&'static str>,
    pub history: Vec<HistoryEntry>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct SuggestionQuery {
    pub search: Option<String>,
    pub term_id: Option<i64>,
    pub session_no: Option<i64>,
    pub kind: Option<SuggestionKind>,
    pub category: Option<SuggestionCategory>,
    pub state: Option<SuggestionState>,
    pub unit_id: Option<i64>,
    pub deputy_id: Option<i64>,
    pub key_supervision: Option<bool>,
    pub open: Option<bool>,
    pub overdue: Option<bool>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub ids: Option<Vec<i64>>,
    pub include_voided: bool,
    pub page: Option<usize>,
    pub page_size: Option<usize>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct AssignmentInput {
    pub suggestion_id: i64,
    pub lead_unit_id: i64,
    #[serde(default)]
    pub co_unit_ids: Vec<i64>,
}

/// A case with everything needed to derive its state: the record, its live steps, the replay.
#[derive(Debug, Clone)]
pub struct Case {
    pub rec: SuggestionRecord,
    /// Live (non-voided) steps in entry order.
    pub steps: Vec<StoredStep>,
    pub facts: Facts,
}

impl Case {
    pub fn profile(&self) -> &'static RuleProfile {
        rules::of_case(&self.rec.profile)
    }
    /// The deadline running now, if any.
    pub fn deadline(&self, cal: &HolidayCalendar, today: NaiveDate) -> Result<Option<Deadline>> {
        deadline_of(&self.rec, &self.facts, self.profile(), cal, today)
    }
}

pub(crate) fn deadline_of(
    rec: &SuggestionRecord,
    f: &Facts,
    profile: &RuleProfile,
    cal: &HolidayCalendar,
    today: NaiveDate,
) -> Result<Option<Deadline>> {
    let r = &profile.suggestion;
    Ok(match f.state {
        SuggestionState::Registered => match &r.assign {
            Some(rule) => Some(Deadline::new(
                cal,
                DueStage::Assign,
                rec.received_on,
                rule,
                None,
                today,
            )?),
            None => None,
        },
        SuggestionState::Returned => match (&r.assign, f.returned_on) {
            (Some(rule), Some(on)) => Some(Deadline::new(
                cal,
                DueStage::Reassign,
                on,
                rule,
                None,
                today,
            )?),
            _ => None,
        },
        SuggestionState::Assigned => {
            let start = f.assigned_on.expect("assigned has a date");
            match f.extended_months {
                Some(m) => Some(Deadline::new(
                    cal,
                    DueStage::Reply,
                    start,
                    &r.reply_max,
                    Some(Period {
                        unit: Unit::Months,
                        count: m,
                    }),
                    today,
                )?)
                .map(|mut d| {
                    d.extended = true;
                    d
                }),
                None => Some(Deadline::new(
                    cal,
                    DueStage::Reply,
                    start,
                    &r.reply,
                    None,
                    today,
                )?),
            }
        }
        SuggestionState::Rehandling => {
            let rule = r.rehandle.as_ref().unwrap_or(&r.reply);
            let start = f.rehandle_on.expect("rehandling has a date");
            Some(Deadline::new(
                cal,
                DueStage::Rehandle,
                start,
                rule,
                None,
                today,
            )?)
        }
        _ => None,
    })
}

const COLUMNS: &str = "id, term_id, session_no, during_session, seq, number, kind, lead_deputy_id,
    by_presidium, subject, content, category, received_on, key_supervision, published, notes, profile,
    voided_at, void_reason";

fn from_row(r: &Row) -> rusqlite::Result<SuggestionRecord> {
    Ok(SuggestionRecord {
        id: r.get(0)?,
        term_id: r.get(1)?,
        session_no: r.get(2)?,
        during_session: r.get(3)?,
        seq: r.get(4)?,
        number: r.get(5)?,
        kind: r.get(6)?,
        lead_deputy_id: r.get(7)?,
        by_presidium: r.get(8)?,
        co_signer_ids: Vec::new(),
        subject: r.get(9)?,
        content: r.get(10)?,
        category: r.get(11)?,
        received_on: date_col(r, 12)?,
        key_supervision: r.get(13)?,
        published: r.get(14)?,
        notes: r.get(15)?,
        profile: r.get(16)?,
        voided_at: r.get(17)?,
        void_reason: r.get(18)?,
    })
}

pub(crate) fn date_col(r: &Row, i: usize) -> rusqlite::Result<NaiveDate> {
    let s: String = r.get(i)?;
    NaiveDate::parse_from_str(&s[..s.len().min(10)], "%Y-%m-%d").map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, Box::new(e))
    })
}

pub(crate) fn step_from_row(r: &Row) -> rusqlite::Result<(StoredStep, bool)> {
    let detail: String = r.get(2)?;
    let step: Step = serde_json::from_str(&detail).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(2, rusqlite::types::Type::Text, Box::new(e))
    })?;
    let voided_at: Option<String> = r.get(5)?;
    Ok((
        StoredStep {
            id: r.get(0)?,
            suggestion_id: r.get(1)?,
            step,
            actor: r.get(3)?,
            at: r.get(4)?,
            void_reason: r.get(6)?,
        },
        voided_at.is_some(),
    ))
}

const STEP_COLUMNS: &str = "id, suggestion_id, detail, actor, at, voided_at, void_reason";

/// One suggestion's record (with co-signers).
pub fn record(conn: &Connection, id: i64) -> Result<SuggestionRecord> {
    let mut rec = conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM suggestions WHERE id = ?1"),
            [id],
            from_row,
        )
        .optional()?
        .ok_or(Error::NotFound { what: "建议", id })?;
    rec.co_signer_ids = cosigners_of(conn, id)?;
    Ok(rec)
}

fn cosigners_of(conn: &Connection, id: i64) -> Result<Vec<i64>> {
    let mut stmt = conn.prepare_cached(
        "SELECT deputy_id FROM suggestion_cosigners WHERE suggestion_id = ?1 ORDER BY rowid",
    )?;
    let ids = stmt
        .query_map([id], |r| r.get(0))?
        .collect::<rusqlite::Result<Vec<i64>>>()?;
    Ok(ids)
}

/// All steps of one case, voided ones included (with the flag), in entry order.
fn steps_of(conn: &Connection, id: i64) -> Result<Vec<(StoredStep, bool)>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {STEP_COLUMNS} FROM suggestion_steps WHERE suggestion_id = ?1 ORDER BY id"
    ))?;
    let rows = stmt
        .query_map([id], step_from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

pub fn case(conn: &Connection, id: i64) -> Result<Case> {
    let rec = record(conn, id)?;
    let steps: Vec<StoredStep> = steps_of(conn, id)?
        .into_iter()
        .filter(|(_, voided)| !voided)
        .map(|(s, _)| s)
        .collect();
    let facts = machine::replay(
        rec.received_on,
        steps.iter().map(|s| &s.step),
        &rules::of_case(&rec.profile).suggestion,
    );
    Ok(Case { rec, steps, facts })
}

/// The SQL part of a query: what can be decided from the row alone.
#[derive(Debug, Clone, Default)]
pub struct RowFilter {
    pub term_id: Option<i64>,
    pub session_no: Option<i64>,
    pub kind: Option<SuggestionKind>,
    pub category: Option<SuggestionCategory>,
    pub key_supervision: Option<bool>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub ids: Option<Vec<i64>>,
    pub include_voided: bool,
    pub state: Option<SuggestionState>,
    pub open: Option<bool>,
    /// Lead unit now, or co-handling in a live assignment.
    pub unit_id: Option<i64>,
    /// Lead deputy or co-signer.
    pub deputy_id: Option<i64>,
    /// Text in number, subject or content; or one of these deputies or lead units.
    pub search: Option<(String, Vec<i64>, Vec<i64>)>,
    /// Open now, or a promise not kept.
    pub open_or_promised: bool,
    /// Received on or after the date, or still open / promised, or with a step on or after it:
    /// every case whose state on that date may differ from its final one.
    pub active_since: Option<NaiveDate>,
}

/// The states in which a suggestion is still being followed.
const OPEN_SQL: &str = "s.state NOT IN ('closed', 'not_accepted')";

fn id_list(ids: &[i64]) -> String {
    ids.iter()
        .map(|i| i.to_string())
        .collect::<Vec<_>>()
        .join(",")
}

impl RowFilter {
    fn sql(&self) -> (String, Vec<SqlValue>) {
        let mut w = Where::default();
        if let Some(t) = self.term_id {
            w.and_with("s.term_id = ?", t);
        }
        if let Some(n) = self.session_no {
            w.and_with("s.session_no = ?", n);
        }
        if let Some(k) = self.kind {
            w.and_with("s.kind = ?", k.code().to_string());
        }
        if let Some(c) = self.category {
            w.and_with("s.category = ?", c.code().to_string());
        }
        if let Some(k) = self.key_supervision {
            w.and_with("s.key_supervision = ?", k as i64);
        }
        if let Some(f) = self.from {
            w.and_with("s.received_on >= ?", f.to_string());
        }
        if let Some(t) = self.to {
            w.and_with("s.received_on <= ?", t.to_string());
        }
        if !self.include_voided {
            w.and("s.voided_at IS NULL");
        }
        if let Some(ids) = &self.ids {
            w.and(format!("s.id IN ({})", id_list(ids)));
        }
        if let Some(st) = self.state {
            w.and_with("s.state = ?", st.code().to_string());
        }
        match self.open {
            Some(true) => w.and(OPEN_SQL),
            Some(false) => w.and(format!("NOT ({OPEN_SQL})")),
            None => {}
        }
        if self.open_or_promised {
            w.and(format!("({OPEN_SQL} OR s.promise_open = 1)"));
        }
        // `and_with` numbers every `?` of a condition with the same parameter.
        if let Some(u) = self.unit_id {
            w.and_with("(s.lead_unit_id = ? OR s.id IN (SELECT t.suggestion_id FROM suggestion_steps t, json_each(t.detail, '$.co_unit_ids') j
                   WHERE t.action = 'assign' AND t.voided_at IS NULL AND j.value = ?))",
                u);
        }
        if let Some(d) = self.deputy_id {
            w.and_with("(s.lead_deputy_id = ? OR s.id IN (SELECT suggestion_id FROM suggestion_cosigners WHERE deputy_id = ?))",
                d);
        }
        if let Some((text, deputies, units)) = &self.search {
            let like = format!("%{}%", text.replace(['%', '_'], ""));
            w.and_with(
                &format!(
                    "(s.number LIKE ? OR s.subject LIKE ? OR s.content LIKE ?
                      OR s.lead_deputy_id IN ({d}) OR s.id IN (SELECT suggestion_id FROM suggestion_cosigners WHERE deputy_id IN ({d}))
                      OR s.lead_unit_id IN ({u}))",
                    d = id_list(deputies),
                    u = id_list(units)
                ),
                like,
            );
        }
        if let Some(since) = self.active_since {
            w.and_with(
                &format!(
                    "(s.received_on >= ? OR {OPEN_SQL} OR s.promise_open = 1 OR EXISTS (SELECT 1 FROM suggestion_steps t
                      WHERE t.suggestion_id = s.id AND t.voided_at IS NULL AND t.date >= ?))"
                ),
                since.to_string(),
            );
        }
        w.into_parts()
    }
}

/// Every case the filter selects, newest first, with steps replayed.
pub fn cases(conn: &Connection, filter: &RowFilter) -> Result<Vec<Case>> {
    let (cond, p) = filter.sql();
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM suggestions s WHERE {cond} ORDER BY s.received_on DESC, s.id DESC"
    ))?;
    let recs = stmt
        .query_map(params_from_iter(p.iter()), from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;

    let mut cosigners: HashMap<i64, Vec<i64>> = HashMap::new();
    let mut stmt = conn.prepare(&format!(
        "WITH picked AS MATERIALIZED (SELECT s.id FROM suggestions s WHERE {cond})
         SELECT c.suggestion_id, c.deputy_id FROM suggestion_cosigners c JOIN picked ON picked.id = c.suggestion_id
         ORDER BY c.rowid"
    ))?;
    let rows = stmt.query_map(params_from_iter(p.iter()), |r| {
        Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?))
    })?;
    for row in rows {
        let (s, d) = row?;
        cosigners.entry(s).or_default().push(d);
    }

    let mut steps: HashMap<i64, Vec<StoredStep>> = HashMap::new();
    let mut stmt = conn.prepare(&format!(
        "WITH picked AS MATERIALIZED (SELECT s.id FROM suggestions s WHERE {cond})
         SELECT t.id, t.suggestion_id, t.detail, t.actor, t.at, t.voided_at, t.void_reason
         FROM suggestion_steps t JOIN picked ON picked.id = t.suggestion_id
         WHERE t.voided_at IS NULL ORDER BY t.id"
    ))?;
    let rows = stmt.query_map(params_from_iter(p.iter()), step_from_row)?;
    for row in rows {
        let (s, _) = row?;
        steps.entry(s.suggestion_id).or_default().push(s);
    }

    Ok(recs
        .into_iter()
        .map(|mut rec| {
            rec.co_signer_ids = cosigners.remove(&rec.id).unwrap_or_default();
            let steps = steps.remove(&rec.id).unwrap_or_default();
            let facts = machine::replay(
                rec.received_on,
                steps.iter().map(|s| &s.step),
                &rules::of_case(&rec.profile).suggestion,
            );
            Case { rec, steps, facts }
        })
        .collect())
}

/// Names the views need, loaded once per request. Pinyin is worked out only for deputies a
/// search actually compares, and then remembered.
pub(crate) struct Names {
    pub deputies: HashMap<i64, String>,
    pub units: HashMap<i64, String>,
    pub terms: HashMap<i64, i64>,
    pinyin: std::cell::RefCell<HashMap<i64, (String, String)>>,
}

impl Names {
    pub fn load(conn: &Connection) -> Result<Names> {
        let mut stmt = conn.prepare_cached("SELECT id, name FROM deputies")?;
        let deputies = stmt
            .query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))?
            .collect::<rusqlite::Result<HashMap<_, _>>>()?;
        let terms = org::terms(conn)?
            .into_iter()
            .map(|t| (t.id, t.number))
            .collect();
        Ok(Names {
            deputies,
            units: units::names(conn)?,
            terms,
            pinyin: Default::default(),
        })
    }
    pub fn deputy(&self, id: i64) -> DeputyRef {
        DeputyRef {
            id,
            name: self.deputies.get(&id).cloned().unwrap_or_default(),
        }
    }
    pub fn unit(&self, id: i64) -> UnitRef {
        UnitRef {
            id,
            name: self.units.get(&id).cloned().unwrap_or_default(),
        }
    }
    /// Does deputy `id` match a search by name, pinyin or initials?
    pub fn deputy_matches(&self, id: i64, query_lower: &str) -> bool {
        let Some(name) = self.deputies.get(&id) else {
            return false;
        };
        let mut cache = self.pinyin.borrow_mut();
        let (py, ini) = cache
            .entry(id)
            .or_insert_with(|| names::pinyin_and_initials(name));
        names::name_matches(name, py, ini, query_lower)
    }
}

pub fn number_label(term_no: i64, rec: &SuggestionRecord) -> String {
    format!(
        "第{}届第{}次会议{} {}第{}号",
        chinese_number(term_no),
        chinese_number(rec.session_no),
        if rec.during_session {
            ""
        } else {
            "闭会期间"
        },
        if rec.kind == SuggestionKind::Motion {
            "议案"
        } else {
            "建议"
        },
        rec.seq
    )
}

pub(crate) fn view(
    n: &Names,
    c: &Case,
    cal: &HolidayCalendar,
    today: NaiveDate,
) -> Result<Suggestion> {
    let rec = &c.rec;
    let f = &c.facts;
    let profile = c.profile();
    let voided = rec.voided_at.is_some();
    Ok(Suggestion {
        id: rec.id,
        number: rec.number.clone(),
        number_label: number_label(n.terms.get(&rec.term_id).copied().unwrap_or(0), rec),
        term_id: rec.term_id,
        session_no: rec.session_no,
        during_session: rec.during_session,
        kind: rec.kind,
        lead_deputy: rec.lead_deputy_id.map(|i| n.deputy(i)),
        by_presidium: rec.by_presidium,
        co_signers: rec.co_signer_ids.iter().map(|i| n.deputy(*i)).collect(),
        subject: rec.subject.clone(),
        content: rec.content.clone(),
        category: rec.category,
        received_on: rec.received_on,
        key_supervision: rec.key_supervision,
        published: rec.published,
        notes: rec.notes.clone(),
        profile: rec.profile.clone(),
        state: f.state,
        state_label: f.state.label(),
        lead_unit: f.lead_unit.map(|i| n.unit(i)),
        co_units: f.co_units.iter().map(|i| n.unit(*i)).collect(),
        assigned_on: f.assigned_on,
        replied_on: f.replied_on,
        reply_category: f.reply_category.clone(),
        reply_category_label: f
            .reply_category
            .as_deref()
            .map(|c| profile.reply_category_label(c).unwrap_or(c).to_string()),
        round: f.round,
        first_result: f.first_result(),
        final_result: f.final_result(),
        promised_on: f.promised_on,
        promise_done_on: f.promise_done_on,
        deadline: if voided {
            None
        } else {
            c.deadline(cal, today)?
        },
        voided,
        void_reason: rec.void_reason.clone(),
    })
}

/// The list: filtered, ordered and paged in SQL on the projection columns; only the page's
/// cases are replayed. "Overdue" needs each open case's deadline, so it replays the open ones.
pub fn list(conn: &Connection, q: &SuggestionQuery, today: NaiveDate) -> Result<Page<Suggestion>> {
    let n = Names::load(conn)?;
    let cal = HolidayCalendar::for_office(conn)?;
    let search = q
        .search
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|text| {
            let lower = text.to_lowercase();
            let deputies: Vec<i64> = n
                .deputies
                .keys()
                .copied()
                .filter(|id| n.deputy_matches(*id, &lower))
                .collect();
            let units: Vec<i64> = n
                .units
                .iter()
                .filter(|(_, name)| name.contains(text))
                .map(|(id, _)| *id)
                .collect();
            (text.to_string(), deputies, units)
        });
    let filter = RowFilter {
        term_id: q.term_id,
        session_no: q.session_no,
        kind: q.kind,
        category: q.category,
        key_supervision: q.key_supervision,
        from: q.from,
        to: q.to,
        ids: q.ids.clone(),
        include_voided: q.include_voided,
        state: q.state,
        open: q.open,
        unit_id: q.unit_id,
        deputy_id: q.deputy_id,
        search,
        ..RowFilter::default()
    };
    let page = q.page.unwrap_or(1).max(1);
    let page_size = q.page_size.unwrap_or(20).clamp(1, 500);
    let (cond, p) = filter.sql();
    let book = casebook::Book {
        from: "suggestions s",
        order: "s.received_on DESC, s.id DESC",
        open: OPEN_SQL,
    };
    let (total, page_ids) =
        casebook::page_ids(conn, &book, &cond, &p, page, page_size, q.overdue, |open| {
            let mut late = std::collections::HashSet::new();
            for c in cases(
                conn,
                &RowFilter {
                    ids: Some(open),
                    include_voided: q.include_voided,
                    ..RowFilter::default()
                },
            )? {
                if c.rec.voided_at.is_none() && c.deadline(&cal, today)?.is_some_and(|d| d.overdue)
                {
                    late.insert(c.rec.id);
                }
            }
            Ok(late)
        })?;
    let mut loaded: HashMap<i64, Case> = cases(
        conn,
        &RowFilter {
            ids: Some(page_ids.clone()),
            include_voided: true,
            ..RowFilter::default()
        },
    )?
    .into_iter()
    .map(|c| (c.rec.id, c))
    .collect();
    let items = page_ids
        .iter()
        .filter_map(|id| loaded.remove(id))
        .map(|c| view(&n, &c, &cal, today))
        .collect::<Result<Vec<_>>>()?;
    Ok(Page {
        items,
        total,
        page,
        page_size,
    })
}

/// The stored state columns disagree with the replay of the steps for these cases (empty when
/// all is well; `verify` reports them).
pub fn projection_mismatches(conn: &Connection) -> Result<Vec<i64>> {
    let mut stmt = conn.prepare("SELECT id, state, lead_unit_id, promise_open FROM suggestions")?;
    let stored: HashMap<i64, (String, Option<i64>, bool)> = stmt
        .query_map([], |r| Ok((r.get(0)?, (r.get(1)?, r.get(2)?, r.get(3)?))))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(cases(
        conn,
        &RowFilter {
            include_voided: true,
            ..RowFilter::default()
        },
    )?
    .into_iter()
    .filter(|c| {
        stored.get(&c.rec.id)
            != Some(&(
                c.facts.state.code().to_string(),
                c.facts.lead_unit,
                c.facts.promise_open(),
            ))
    })
    .map(|c| c.rec.id)
    .collect())
}

/// Rewrites the projection columns of one case from the replay of its steps.
pub(crate) fn sync_projection(conn: &Connection, id: i64) -> Result<()> {
    let c = case(conn, id)?;
    conn.execute(
        "UPDATE suggestions SET state = ?2, lead_unit_id = ?3, promise_open = ?4 WHERE id = ?1",
        params![id, c.facts.state, c.facts.lead_unit, c.facts.promise_open()],
    )?;
    Ok(())
}

pub fn get(conn: &Connection, id: i64, today: NaiveDate) -> Result<Suggestion> {
    let c = case(conn, id)?;
    view(
        &Names::load(conn)?,
        &c,
        &HolidayCalendar::for_office(conn)?,
        today,
    )
}

pub fn detail(conn: &Connection, id: i64, today: NaiveDate) -> Result<SuggestionDetail> {
    let c = case(conn, id)?;
    let n = Names::load(conn)?;
    let suggestion = view(&n, &c, &HolidayCalendar::for_office(conn)?, today)?;
    let profile = c.profile();
    let last_live = c.steps.last().map(|s| s.id);
    let case_live = c.rec.voided_at.is_none();
    let steps = steps_of(conn, id)?
        .into_iter()
        .map(|(s, voided)| SuggestionStep {
            id: s.id,
            suggestion_id: s.suggestion_id,
            action: s.step.action(),
            action_label: machine::action_label(s.step.action()),
            date: s.step.date(),
            detail: json!(s.step),
            summary: summary(&n, profile, &s.step),
            actor: s.actor,
            at: s.at,
            voided,
            void_reason: s.void_reason,
            voidable: case_live && Some(s.id) == last_live,
        })
        .collect();
    let allowed = if c.rec.voided_at.is_some() {
        Vec::new()
    } else {
        c.facts.allowed()
    };
    let history = history::list(conn, Some("suggestion"), Some(id), 1, 200)?.items;
    Ok(SuggestionDetail {
        suggestion,
        steps,
        allowed,
        history,
    })
}

/// One Chinese line for the timeline and the history note.
pub(crate) fn summary(n: &Names, profile: &RuleProfile, step: &Step) -> String {
    match step {
        Step::Decline { reason, .. } => format!("不予立案：{reason}"),
        Step::Assign {
            lead_unit_id,
            co_unit_ids,
            ..
        } => {
            let mut s = format!("交办 {}（主办）", n.unit(*lead_unit_id).name);
            let co: Vec<String> = co_unit_ids.iter().map(|i| n.unit(*i).name).collect();
            if !co.is_empty() {
                s.push_str(&format!("、{}（协办）", co.join("、")));
            }
            s
        }
        Step::Return { reason, .. } => format!("承办单位退回：{reason}"),
        Step::Extend { months, reason, .. } => {
            format!("延期至交办之日起 {months} 个月：{reason}")
        }
        Step::Reply {
            signer,
            reply_category,
            promised_on,
            ..
        } => {
            let mut s = format!(
                "答复（{}），签发人 {signer}",
                profile
                    .reply_category_label(reply_category)
                    .unwrap_or(reply_category)
            );
            if let Some(p) = promised_on {
                s.push_str(&format!("，承诺{}前办结", dates::chinese(*p)));
            }
            s
        }
        Step::Evaluate {
            attitude,
            result,
            comment,
            ..
        } => {
            let mut s = format!(
                "代表评价：办理态度{}，办理结果{}",
                attitude.label(),
                result.label()
            );
            if !comment.trim().is_empty() {
                s.push_str(&format!("（{}）", comment.trim()));
            }
            s
        }
        Step::Rehandle { reason, .. } => format!("重新办理：{reason}"),
        Step::Close { note, .. } => {
            if note.trim().is_empty() {
                "办结".into()
            } else {
                format!("办结：{}", note.trim())
            }
        }
        Step::Meeting { stage, note, .. } => format!("与代表沟通（{}）：{note}", stage.label()),
        Step::Fulfil { note, .. } => format!("承诺事项完成：{note}"),
    }
}

fn snapshot(rec: &SuggestionRecord) -> Value {
    json!(rec)
}

/// Checks a deputy named on a suggestion: of the suggestion's term, not voided, holding office
/// on the day it was received.
fn check_deputy(
    conn: &Connection,
    id: i64,
    term: &Term,
    on: NaiveDate,
    field: &'static str,
) -> Result<String> {
    let rec = match deputy::record(conn, id) {
        Ok(r) => r,
        Err(Error::NotFound { .. }) => return Err(Error::validation(field, "所选代表不存在")),
        Err(e) => return Err(e),
    };
    if rec.voided_at.is_some() {
        return Err(Error::validation(
            field,
            format!("代表{}的登记已作废", rec.name),
        ));
    }
    if rec.term_id != term.id {
        return Err(Error::validation(
            field,
            format!("{}不是{}代表", rec.name, term.label()),
        ));
    }
    let events = status::events_of(conn, id)?;
    let st = status::status_on(&rec, Some(term), &events, on);
    if st != DeputyStatus::InOffice {
        return Err(Error::validation(
            field,
            format!(
                "代表{}在{}的状态为“{}”，不能提出或联名建议",
                rec.name,
                dates::chinese(on),
                st.label()
            ),
        ));
    }
    Ok(rec.name)
}

struct Valid {
    term: Term,
    received_on: NaiveDate,
    subject: String,
    co_signers: Vec<i64>,
}

fn validate(conn: &Connection, input: &SuggestionInput, today: NaiveDate) -> Result<Valid> {
    let term = match input.term_id {
        Some(id) => org::term(conn, id)?,
        None => org::current_term(conn)?.ok_or_else(|| {
            Error::validation("term_id", "还没有届次：请先在“选区与届次”中添加本届")
        })?,
    };
    if !(1..=30).contains(&input.session_no) {
        return Err(Error::validation(
            "session_no",
            "请填写第几次会议（1 到 30）",
        ));
    }
    let received_on = dates::parse_iso("received_on", "收到日期", &input.received_on)?;
    if received_on > today {
        return Err(Error::validation("received_on", "收到日期不能晚于今天"));
    }
    if !term.covers(received_on) {
        return Err(Error::validation(
            "received_on",
            format!(
                "收到日期{}不在{}任期内",
                dates::chinese(received_on),
                term.label()
            ),
        ));
    }
    let subject = input.subject.trim().to_string();
    if subject.is_empty() {
        return Err(Error::validation("subject", "请填写案由（建议的标题）"));
    }
    if subject.chars().count() > 100 {
        return Err(Error::validation("subject", "案由不能超过 100 个字"));
    }
    if input.content.chars().count() > 20_000 {
        return Err(Error::validation("content", "内容不能超过 20000 字"));
    }
    let motion = input.kind == SuggestionKind::Motion;
    if input.by_presidium && !motion {
        return Err(Error::validation(
            "by_presidium",
            "只有议案可以由主席团提出",
        ));
    }
    match input.lead_deputy_id {
        Some(id) => {
            check_deputy(conn, id, &term, received_on, "lead_deputy_id")?;
        }
        None if !input.by_presidium => {
            return Err(Error::validation("lead_deputy_id", "请选择领衔代表"));
        }
        None => {}
    }
    let mut co = Vec::new();
    for id in &input.co_signer_ids {
        if Some(*id) == input.lead_deputy_id {
            return Err(Error::validation(
                "co_signer_ids",
                "领衔代表不必再列为附议代表",
            ));
        }
        if co.contains(id) {
            continue;
        }
        check_deputy(conn, *id, &term, received_on, "co_signer_ids")?;
        co.push(*id);
    }
    if motion && !input.by_presidium {
        let min = rules::current(conn)?.suggestion.motion_min_cosigners as usize;
        let signers = co.len() + usize::from(input.lead_deputy_id.is_some());
        if signers < min {
            return Err(Error::validation(
                "co_signer_ids",
                format!("议案须由主席团提出，或由代表 {min} 人以上联名提出（现为 {signers} 人）"),
            ));
        }
    }
    Ok(Valid {
        term,
        received_on,
        subject,
        co_signers: co,
    })
}

fn write_cosigners(conn: &Connection, id: i64, ids: &[i64]) -> Result<()> {
    conn.execute(
        "DELETE FROM suggestion_cosigners WHERE suggestion_id = ?1",
        [id],
    )?;
    for d in ids {
        conn.execute(
            "INSERT INTO suggestion_cosigners (suggestion_id, deputy_id) VALUES (?1, ?2)",
            params![id, d],
        )?;
    }
    Ok(())
}

pub fn create(store: &mut Store, stamp: &Stamp, input: &SuggestionInput) -> Result<Suggestion> {
    let id = store.write(|tx| create_in(tx, stamp, input))?;
    get(store.conn(), id, stamp.today())
}

pub(crate) fn create_in(conn: &Connection, stamp: &Stamp, input: &SuggestionInput) -> Result<i64> {
    let v = validate(conn, input, stamp.today())?;
    let seq: i64 = conn.query_row(
        "SELECT COALESCE(MAX(seq), 0) + 1 FROM suggestions WHERE term_id = ?1 AND session_no = ?2 AND during_session = ?3",
        params![v.term.id, input.session_no, input.during_session],
        |r| r.get(0),
    )?;
    let number = format!(
        "{}-{}-{}{:03}",
        v.term.number,
        input.session_no,
        if input.during_session { "" } else { "B" },
        seq
    );
    let profile = rules::current(conn)?.tag();
    conn.execute(
        "INSERT INTO suggestions (term_id, session_no, during_session, seq, number, kind, lead_deputy_id,
            by_presidium, subject, content, category, received_on, key_supervision, published, notes, profile)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
        params![
            v.term.id,
            input.session_no,
            input.during_session,
            seq,
            number,
            input.kind,
            input.lead_deputy_id,
            input.by_presidium,
            v.subject,
            input.content.trim(),
            input.category,
            v.received_on.to_string(),
            input.key_supervision,
            input.published,
            input.notes.trim(),
            profile
        ],
    )?;
    let id = conn.last_insert_rowid();
    write_cosigners(conn, id, &v.co_signers)?;
    let rec = record(conn, id)?;
    history::record(
        conn,
        stamp,
        "suggestion",
        id,
        Action::Create,
        None,
        Some(&snapshot(&rec)),
        "",
    )?;
    Ok(id)
}

pub fn update(
    store: &mut Store,
    stamp: &Stamp,
    id: i64,
    input: &SuggestionInput,
) -> Result<Suggestion> {
    store.write(|tx| {
        let before = record(tx, id)?;
        if before.voided_at.is_some() {
            return Err(Error::InvalidTransition("已作废的建议不能修改".into()));
        }
        let input = SuggestionInput {
            term_id: input.term_id.or(Some(before.term_id)),
            ..input.clone()
        };
        if input.term_id != Some(before.term_id)
            || input.session_no != before.session_no
            || input.during_session != before.during_session
        {
            return Err(Error::validation(
                "session_no",
                format!(
                    "编号{}已生成，届次、会议次数和会议期间/闭会期间不能再改；如登记错了，请作废后重新登记",
                    before.number
                ),
            ));
        }
        let v = validate(tx, &input, stamp.today())?;
        let first_step: Option<String> = tx
            .query_row(
                "SELECT min(date) FROM suggestion_steps WHERE suggestion_id = ?1 AND voided_at IS NULL",
                [id],
                |r| r.get(0),
            )
            .optional()?
            .flatten();
        if first_step.is_some_and(|d| d < v.received_on.to_string()) {
            return Err(Error::validation("received_on", "收到日期不能晚于已登记的办理环节"));
        }
        tx.execute(
            "UPDATE suggestions SET kind = ?2, lead_deputy_id = ?3, by_presidium = ?4, subject = ?5, content = ?6,
                category = ?7, received_on = ?8, key_supervision = ?9, published = ?10, notes = ?11 WHERE id = ?1",
            params![
                id,
                input.kind,
                input.lead_deputy_id,
                input.by_presidium,
                v.subject,
                input.content.trim(),
                input.category,
                v.received_on.to_string(),
                input.key_supervision,
                input.published,
                input.notes.trim()
            ],
        )?;
        write_cosigners(tx, id, &v.co_signers)?;
        let after = record(tx, id)?;
        if after != before {
            history::record(tx, stamp, "suggestion", id, Action::Update, Some(&snapshot(&before)), Some(&snapshot(&after)), "")?;
        }
        Ok(())
    })?;
    get(store.conn(), id, stamp.today())
}

pub fn void(store: &mut Store, stamp: &Stamp, id: i64, reason: &str) -> Result<Suggestion> {
    ledger::void::<SuggestionRecord>(store, stamp, id, reason)?;
    get(store.conn(), id, stamp.today())
}

impl ledger::Entry for SuggestionRecord {
    const TABLE: &'static str = "suggestions";
    const ENTITY: &'static str = "suggestion";
    const ALREADY_VOID: &'static str = "该建议已经作废";
    fn load(conn: &Connection, id: i64) -> Result<Self> {
        record(conn, id)
    }
    fn is_voided(&self) -> bool {
        self.voided_at.is_some()
    }
    fn snapshot(&self) -> Value {
        snapshot(self)
    }
}

/// Records one step, checked against the case's state and its rule profile.
pub fn step(store: &mut Store, stamp: &Stamp, id: i64, step: &Step) -> Result<SuggestionDetail> {
    store.write(|tx| step_in(tx, stamp, id, step))?;
    detail(store.conn(), id, stamp.today())
}

pub(crate) fn step_in(conn: &Connection, stamp: &Stamp, id: i64, step: &Step) -> Result<()> {
    let c = case(conn, id)?;
    if c.rec.voided_at.is_some() {
        return Err(Error::InvalidTransition(format!(
            "建议{}已作废，不能再办理",
            c.rec.number
        )));
    }
    if step.date() > stamp.today() {
        return Err(Error::validation("date", "日期不能晚于今天"));
    }
    if let Step::Assign {
        lead_unit_id,
        co_unit_ids,
        ..
    } = step
    {
        units::check_assignable(conn, *lead_unit_id, "lead_unit_id")?;
        for u in co_unit_ids {
            units::check_assignable(conn, *u, "co_unit_ids")?;
        }
    }
    let profile = c.profile();
    let mut facts = c.facts.clone();
    facts.apply(step, &profile.suggestion)?;
    let detail = serde_json::to_string(step).expect("steps serialise");
    conn.execute(
        "INSERT INTO suggestion_steps (suggestion_id, action, date, detail, actor, at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![id, step.action(), step.date().to_string(), detail, stamp.actor, stamp.at_text()],
    )?;
    sync_projection(conn, id)?;
    let n = Names::load(conn)?;
    history::record(
        conn,
        stamp,
        "suggestion",
        id,
        Action::Update,
        Some(&json!({"state": c.facts.state})),
        Some(&json!({"state": facts.state})),
        &format!(
            "{}：{}",
            machine::action_label(step.action()),
            summary(&n, profile, step)
        ),
    )
}

/// The session week's batch: every assignment lands, or none (the error names the suggestion).
pub fn assign_many(
    store: &mut Store,
    stamp: &Stamp,
    date: &str,
    items: &[AssignmentInput],
) -> Result<Vec<Suggestion>> {
    let on = dates::parse_iso("date", "交办日期", date)?;
    if items.is_empty() {
        return Err(Error::validation("assignments", "没有要交办的建议"));
    }
    store.write(|tx| {
        for (i, a) in items.iter().enumerate() {
            let step = Step::Assign {
                date: on,
                lead_unit_id: a.lead_unit_id,
                co_unit_ids: a.co_unit_ids.clone(),
            };
            step_in(tx, stamp, a.suggestion_id, &step).map_err(|e| {
                let number = record(tx, a.suggestion_id)
                    .map(|r| r.number)
                    .unwrap_or_default();
                Error::Validation {
                    field: Some("assignments"),
                    message: format!("第 {} 行（建议{}）：{}", i + 1, number, e),
                }
            })?;
        }
        Ok(())
    })?;
    items
        .iter()
        .map(|a| get(store.conn(), a.suggestion_id, stamp.today()))
        .collect()
}

/// Voids the latest live step of its case (undo of a mistaken entry; the row stays, struck through).
pub fn void_step(
    store: &mut Store,
    stamp: &Stamp,
    step_id: i64,
    reason: &str,
) -> Result<SuggestionDetail> {
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(Error::validation("reason", "请填写作废原因"));
    }
    let id = store.write(|tx| {
        let case_id: Option<i64> = tx
            .query_row(
                "SELECT suggestion_id FROM suggestion_steps WHERE id = ?1",
                [step_id],
                |r| r.get(0),
            )
            .optional()?;
        let before = case(
            tx,
            case_id.ok_or(Error::NotFound {
                what: "办理环节",
                id: step_id,
            })?,
        )?;
        let id = casebook::void_latest_step(
            tx,
            "suggestion_steps",
            "suggestion_id",
            step_id,
            stamp,
            reason,
        )?;
        sync_projection(tx, id)?;
        let after = case(tx, id)?;
        let n = Names::load(tx)?;
        let s = &before.steps.last().expect("a live step").step;
        history::record(
            tx,
            stamp,
            "suggestion",
            id,
            Action::Void,
            Some(&json!({"state": before.facts.state})),
            Some(&json!({"state": after.facts.state})),
            &format!(
                "作废环节“{}”（{}）",
                summary(&n, before.profile(), s),
                reason
            ),
        )?;
        Ok(id)
    })?;
    detail(store.conn(), id, stamp.today())
}
