//! The suggestions book as it is read: the stored record, the filters in SQL, the cases with
//! their steps replayed, the list, the detail and each step as one Chinese line.

use chrono::NaiveDate;
use rusqlite::types::Value as SqlValue;
use rusqlite::{params, params_from_iter, Connection, OptionalExtension, Row};
use serde_json::json;
use std::collections::HashMap;

use super::*;
use crate::book::{self, casebook};
use crate::calendar::HolidayCalendar;
use crate::dates;
use crate::roster::org::chinese_number;
use crate::store::{Page, Where};
use crate::{Error, Result};

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

pub fn case(conn: &Connection, id: i64) -> Result<Case> {
    let rec = record(conn, id)?;
    let steps = casebook::live_steps::<Case>(conn, id)?;
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
pub(crate) const OPEN_SQL: &str = "s.state NOT IN ('closed', 'not_accepted')";

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
            // Lead unit, or a co-handling unit of the assignment in force (the latest live
            // one): the definition the dashboard's per-unit figures count by.
            w.and_with("(s.lead_unit_id = ? OR s.id IN (SELECT t.suggestion_id FROM suggestion_steps t, json_each(t.detail, '$.co_unit_ids') j
                   WHERE t.action = 'assign' AND t.voided_at IS NULL AND j.value = ?
                     AND t.id = (SELECT max(t2.id) FROM suggestion_steps t2
                                 WHERE t2.suggestion_id = t.suggestion_id AND t2.action = 'assign' AND t2.voided_at IS NULL)))",
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

    let mut steps = casebook::live_steps_of::<Case>(conn, &cond, &p)?;

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
    let (cond, p) = filter.sql();
    casebook::page::<Case>(conn, &cond, &p, q.page, q.page_size, q.overdue, &cal, today)?
        .try_map(|c| view(&n, &c, &cal, today))
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
    let steps = casebook::timeline(conn, &c, id)?
        .into_iter()
        .map(
            |casebook::TimelineStep {
                 step: s,
                 voided,
                 voidable,
             }| SuggestionStep {
                id: s.id,
                suggestion_id: s.case_id,
                action: s.step.action(),
                action_label: machine::action_label(s.step.action()),
                date: s.step.date(),
                detail: json!(s.step),
                summary: summary(&n, profile, &s.step),
                actor: s.actor,
                at: s.at,
                voided,
                void_reason: s.void_reason,
                voidable,
            },
        )
        .collect();
    let allowed = if c.rec.voided_at.is_some() {
        Vec::new()
    } else {
        c.facts.allowed()
    };
    let history = book::history::of::<SuggestionRecord>(conn, id)?;
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
