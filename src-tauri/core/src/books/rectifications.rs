//! Review opinions and their rectification (审议意见 → 整改): what an inspection, a report hearing
//! or an evaluation found, sent to a handling unit (or an official) with a due date for the
//! unit's rectification report; the report received, the presidium's satisfaction with it, a
//! follow-up inspection (回头看) linked to it, and a further round when it is not satisfied.
//!
//! Followed like the case books: the due date of the round waiting for its report is derived on
//! every read from the day it was sent, the rule profile the opinion was sent under and the
//! office's holiday calendar, with its reasoning; nothing about lateness is stored.

use chrono::{Datelike, NaiveDate};
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use crate::activities::CaseLink;
use crate::book::{self, Book};
use crate::calendar::HolidayCalendar;
use crate::deadline::{Deadline, DueStage};
use crate::history::{Entity, HistoryEntry, Stamp};
use crate::store::{ListSql, Page, Where};
use crate::units::UnitRef;
use crate::vocab::*;
use crate::{dates, rules, Error, Result, Store};

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, ts_rs::TS)]
#[ts(export)]
pub struct RectificationInput {
    /// The inspection, report hearing or other activity the opinion came from.
    #[serde(default)]
    pub activity_id: Option<i64>,
    /// The handling unit that must rectify.
    #[serde(default)]
    pub unit_id: Option<i64>,
    /// Or a named official (with the post), e.g. after a duty-report evaluation.
    #[serde(default)]
    pub official: String,
    /// The review opinion itself.
    pub content: String,
    /// The day it was sent to the unit; the report is due counted from it.
    pub sent_on: String,
    #[serde(default)]
    pub notes: String,
}

/// The unit's rectification report for the round waiting for it.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, ts_rs::TS)]
#[ts(export)]
pub struct RectificationReportInput {
    pub date: String,
    pub text: String,
}

/// The presidium's view of the report: 满意 and 基本满意 close the opinion, 不满意 sends it back
/// for another round, due counted from the day of this assessment.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, ts_rs::TS)]
#[ts(export)]
pub struct AssessmentInput {
    pub date: String,
    pub satisfaction: Satisfaction,
    /// The follow-up inspection (回头看) the assessment rests on, an activity of the book.
    #[serde(default)]
    pub followup_id: Option<i64>,
}

#[derive(Debug, Clone, Serialize, PartialEq, ts_rs::TS)]
#[ts(export)]
pub struct Round {
    pub round: i64,
    pub sent_on: NaiveDate,
    /// The report's due date with its reasoning.
    pub deadline: Deadline,
    pub reported_on: Option<NaiveDate>,
    pub report: String,
    /// The report came after its due date.
    pub reported_late: bool,
    pub assessed_on: Option<NaiveDate>,
    pub satisfaction: Option<Satisfaction>,
    pub followup: Option<CaseLink>,
}

/// Where an opinion stands, from its last round.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq, ts_rs::TS)]
#[ts(export)]
#[serde(rename_all = "snake_case")]
pub enum RectificationState {
    /// Sent; the unit's report is awaited.
    AwaitingReport,
    /// Reported; the presidium's assessment is awaited.
    AwaitingAssessment,
    /// Assessed 满意 or 基本满意: closed.
    Rectified,
}

impl RectificationState {
    pub fn code(self) -> &'static str {
        match self {
            RectificationState::AwaitingReport => "awaiting_report",
            RectificationState::AwaitingAssessment => "awaiting_assessment",
            RectificationState::Rectified => "rectified",
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            RectificationState::AwaitingReport => "待报送整改情况",
            RectificationState::AwaitingAssessment => "待主席团评价",
            RectificationState::Rectified => "已整改",
        }
    }
    pub fn parse(code: &str) -> Result<RectificationState> {
        [
            RectificationState::AwaitingReport,
            RectificationState::AwaitingAssessment,
            RectificationState::Rectified,
        ]
        .into_iter()
        .find(|s| s.code() == code)
        .ok_or_else(|| {
            Error::validation(
                "state",
                format!(
                    "没有“{code}”这种状态，可选：awaiting_report、awaiting_assessment、rectified"
                ),
            )
        })
    }
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct Rectification {
    pub id: i64,
    pub number: String,
    pub year: i32,
    pub seq: i64,
    /// The activity (inspection, hearing) it came from.
    pub activity: Option<CaseLink>,
    /// The evaluation whose result opened it, and the object's place in it.
    pub evaluation: Option<CaseLink>,
    pub object_seq: Option<i64>,
    pub unit: Option<UnitRef>,
    pub official: String,
    /// Who must rectify, as the ledger prints it: the unit, or the official.
    pub target: String,
    pub content: String,
    /// The rule profile it was sent under ("national@1").
    pub profile: String,
    pub rounds: Vec<Round>,
    pub state: RectificationState,
    pub state_label: &'static str,
    /// The due date of the report awaited now; None once reported.
    pub deadline: Option<Deadline>,
    pub overdue: bool,
    pub notes: String,
    pub voided: bool,
    pub void_reason: Option<String>,
}

impl Rectification {
    fn snapshot(&self) -> Value {
        let mut v = json!(self);
        v["activity"] = json!(self.activity.as_ref().map(|a| a.number.clone()));
        v["evaluation"] = json!(self.evaluation.as_ref().map(|a| a.number.clone()));
        v["unit"] = json!(self.unit.as_ref().map(|u| u.name.clone()));
        v["rounds"] = json!(self
            .rounds
            .iter()
            .map(|r| format!(
                "第{}轮：{}送达，{}报送{}",
                r.round,
                dates::chinese(r.sent_on),
                r.reported_on.map(dates::chinese).unwrap_or("未".into()),
                r.satisfaction
                    .map(|s| format!("，评价{}", s.label()))
                    .unwrap_or_default()
            ))
            .collect::<Vec<_>>());
        if let Some(o) = v.as_object_mut() {
            // Derived from today: not part of what was written.
            for k in ["deadline", "overdue", "state_label", "target"] {
                o.remove(k);
            }
        }
        v
    }
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct RectificationDetail {
    pub rectification: Rectification,
    pub history: Vec<HistoryEntry>,
}

#[derive(Debug, Clone, Default, Deserialize, ts_rs::TS)]
#[ts(export, optional_fields = nullable)]
#[serde(default)]
pub struct RectificationQuery {
    pub search: Option<String>,
    pub year: Option<i32>,
    pub unit_id: Option<i64>,
    pub activity_id: Option<i64>,
    pub evaluation_id: Option<i64>,
    /// A [`RectificationState`] code.
    pub state: Option<String>,
    /// Only those whose report is late now.
    pub overdue: Option<bool>,
    /// Only those not yet rectified (a report or the assessment awaited): what the home page
    /// counts as open.
    pub open: Option<bool>,
    #[ts(as = "Option<bool>", optional)]
    pub include_voided: bool,
    pub page: Option<usize>,
    pub page_size: Option<usize>,
}

const COLUMNS: &str =
    "r.id, r.number, r.year, r.seq, r.activity_id, a.number, r.evaluation_id, e.number,
    r.object_seq, r.unit_id, u.name, r.official, r.content, r.profile, r.notes,
    r.voided_at IS NOT NULL, r.void_reason";

const FROM: &str = "rectifications r LEFT JOIN group_activities a ON a.id = r.activity_id
    LEFT JOIN evaluations e ON e.id = r.evaluation_id LEFT JOIN handling_units u ON u.id = r.unit_id";

fn date(r: &Row, i: usize) -> rusqlite::Result<Option<NaiveDate>> {
    let s: Option<String> = r.get(i)?;
    Ok(s.and_then(|s| NaiveDate::parse_from_str(&s, "%Y-%m-%d").ok()))
}

fn link(r: &Row, i: usize) -> rusqlite::Result<Option<CaseLink>> {
    let id: Option<i64> = r.get(i)?;
    Ok(match id {
        Some(id) => Some(CaseLink {
            id,
            number: r.get::<_, Option<String>>(i + 1)?.unwrap_or_default(),
        }),
        None => None,
    })
}

fn from_row(r: &Row) -> rusqlite::Result<Rectification> {
    let unit = match r.get::<_, Option<i64>>(9)? {
        Some(id) => Some(UnitRef {
            id,
            name: r.get::<_, Option<String>>(10)?.unwrap_or_default(),
        }),
        None => None,
    };
    let official: String = r.get(11)?;
    let target = match (&unit, official.as_str()) {
        (Some(u), "") => u.name.clone(),
        (Some(u), o) => format!("{}（{o}）", u.name),
        (None, o) => o.to_string(),
    };
    Ok(Rectification {
        id: r.get(0)?,
        number: r.get(1)?,
        year: r.get(2)?,
        seq: r.get(3)?,
        activity: link(r, 4)?,
        evaluation: link(r, 6)?,
        object_seq: r.get(8)?,
        unit,
        official,
        target,
        content: r.get(12)?,
        profile: r.get(13)?,
        rounds: Vec::new(),
        state: RectificationState::AwaitingReport,
        state_label: RectificationState::AwaitingReport.label(),
        deadline: None,
        overdue: false,
        notes: r.get(14)?,
        voided: r.get(15)?,
        void_reason: r.get(16)?,
    })
}

/// Reads the rounds and derives the state and the running deadline as of `today`.
fn complete(
    conn: &Connection,
    cal: &HolidayCalendar,
    x: &mut Rectification,
    today: NaiveDate,
) -> Result<()> {
    let rule = &rules::of_case(&x.profile).supervision.rectify;
    let mut stmt = conn.prepare_cached(
        "SELECT k.round, k.sent_on, k.reported_on, k.report, k.assessed_on, k.satisfaction,
                k.followup_id, a.number
         FROM rectification_rounds k LEFT JOIN group_activities a ON a.id = k.followup_id
         WHERE k.rectification_id = ?1 ORDER BY k.round",
    )?;
    let raw = stmt
        .query_map([x.id], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                date(r, 1)?.unwrap_or_default(),
                date(r, 2)?,
                r.get::<_, String>(3)?,
                date(r, 4)?,
                r.get::<_, Option<Satisfaction>>(5)?,
                link(r, 6)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    x.rounds.clear();
    for (round, sent_on, reported_on, report, assessed_on, satisfaction, followup) in raw {
        let deadline = Deadline::new(cal, DueStage::Rectify, sent_on, rule, None, today)?;
        x.rounds.push(Round {
            round,
            sent_on,
            reported_late: reported_on.is_some_and(|d| d > deadline.due.date),
            deadline,
            reported_on,
            report,
            assessed_on,
            satisfaction,
            followup,
        });
    }
    let last = x.rounds.last();
    x.state = match last {
        Some(r) if r.reported_on.is_none() => RectificationState::AwaitingReport,
        Some(r) if r.satisfaction.is_none() => RectificationState::AwaitingAssessment,
        Some(_) => RectificationState::Rectified,
        None => RectificationState::AwaitingReport,
    };
    x.state_label = x.state.label();
    x.deadline = last
        .filter(|r| r.reported_on.is_none())
        .map(|r| r.deadline.clone());
    x.overdue = !x.voided && x.deadline.as_ref().is_some_and(|d| d.overdue);
    Ok(())
}

pub fn get(conn: &Connection, id: i64, today: NaiveDate) -> Result<Rectification> {
    let mut x = conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM {FROM} WHERE r.id = ?1"),
            [id],
            from_row,
        )
        .optional()?
        .ok_or(Error::NotFound {
            what: "审议意见",
            id,
        })?;
    complete(conn, &HolidayCalendar::for_office(conn)?, &mut x, today)?;
    Ok(x)
}

pub fn detail(conn: &Connection, id: i64, today: NaiveDate) -> Result<RectificationDetail> {
    Ok(RectificationDetail {
        rectification: get(conn, id, today)?,
        history: book::history::of::<Rectification>(conn, id)?,
    })
}

/// The SQL condition of the last round being in `state`.
fn state_sql(state: RectificationState) -> &'static str {
    match state {
        RectificationState::AwaitingReport => "k.reported_on IS NULL",
        RectificationState::AwaitingAssessment => {
            "k.reported_on IS NOT NULL AND k.satisfaction IS NULL"
        }
        RectificationState::Rectified => "k.satisfaction IS NOT NULL",
    }
}

pub fn list(
    conn: &Connection,
    q: &RectificationQuery,
    today: NaiveDate,
) -> Result<Page<Rectification>> {
    let mut w = Where::default();
    if let Some(y) = q.year {
        dates::check_year(y)?;
        w.and_with("r.year = ?", y as i64);
    }
    if let Some(u) = q.unit_id {
        w.and_with("r.unit_id = ?", u);
    }
    if let Some(a) = q.activity_id {
        w.and_with("r.activity_id = ?", a);
    }
    if let Some(e) = q.evaluation_id {
        w.and_with("r.evaluation_id = ?", e);
    }
    let last_round = "(SELECT max(round) FROM rectification_rounds WHERE rectification_id = r.id)";
    if let Some(s) = q.state.as_deref().filter(|s| !s.is_empty()) {
        let s = RectificationState::parse(s)?;
        w.and(format!(
            "r.id IN (SELECT k.rectification_id FROM rectification_rounds k
              WHERE k.rectification_id = r.id AND k.round = {last_round} AND {})",
            state_sql(s)
        ));
    }
    if q.open == Some(true) {
        w.and(format!(
            "r.id IN (SELECT k.rectification_id FROM rectification_rounds k
              WHERE k.rectification_id = r.id AND k.round = {last_round} AND k.satisfaction IS NULL)"
        ));
    }
    if q.overdue == Some(true) {
        // Late is derived through the calendar: narrow to those awaiting a report in SQL, then
        // keep the late ones below.
        w.and(format!(
            "r.id IN (SELECT k.rectification_id FROM rectification_rounds k
              WHERE k.rectification_id = r.id AND k.round = {last_round} AND k.reported_on IS NULL)"
        ));
    }
    if let Some(text) = q.search.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        w.and_with(
            "(r.content LIKE ? OR r.number LIKE ? OR r.official LIKE ? OR u.name LIKE ?)",
            format!("%{}%", text.replace(['%', '_'], "")),
        );
    }
    if !q.include_voided {
        w.and("r.voided_at IS NULL");
    }
    let cal = HolidayCalendar::for_office(conn)?;
    if q.overdue == Some(true) {
        // Every candidate awaiting a report is read (few ever are), the late ones paged here.
        let (cond, p) = w.into_parts();
        let mut stmt = conn.prepare(&format!(
            "SELECT {COLUMNS} FROM {FROM} WHERE {cond} ORDER BY r.year DESC, r.seq DESC"
        ))?;
        let rows = stmt
            .query_map(rusqlite::params_from_iter(p.iter()), from_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut late = Vec::new();
        for mut x in rows {
            complete(conn, &cal, &mut x, today)?;
            if x.overdue {
                late.push(x);
            }
        }
        let (page, size) = crate::store::paging(q.page, q.page_size);
        return Ok(Page::cut(late, page, size));
    }
    let sql = ListSql {
        columns: COLUMNS,
        from: FROM,
        count_from: FROM,
        order: "r.year DESC, r.seq DESC",
    };
    Page::query(conn, &sql, w, q.page, q.page_size, from_row)?
        .try_each(|x| complete(conn, &cal, x, today))
}

/// Every opinion whose unit's report is awaited, for the home page and `due`.
pub fn open(conn: &Connection, today: NaiveDate) -> Result<Vec<Rectification>> {
    let mut out = Vec::new();
    let cal = HolidayCalendar::for_office(conn)?;
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM {FROM} WHERE r.voided_at IS NULL AND r.id IN (
            SELECT k.rectification_id FROM rectification_rounds k WHERE k.round =
              (SELECT max(round) FROM rectification_rounds WHERE rectification_id = k.rectification_id)
              AND k.satisfaction IS NULL)
         ORDER BY r.year, r.seq"
    ))?;
    for x in stmt.query_map([], from_row)? {
        let mut x = x?;
        complete(conn, &cal, &mut x, today)?;
        out.push(x);
    }
    Ok(out)
}

struct Valid {
    sent_on: NaiveDate,
}

fn validate(conn: &Connection, input: &RectificationInput, today: NaiveDate) -> Result<Valid> {
    let sent_on = dates::parse_iso("sent_on", "送达日期", input.sent_on.trim())?;
    if sent_on > today {
        return Err(Error::validation("sent_on", "送达日期不能晚于今天"));
    }
    if input.content.trim().is_empty() {
        return Err(Error::validation("content", "请填写审议意见的内容"));
    }
    match input.unit_id {
        Some(u) => {
            crate::units::get(conn, u)
                .map_err(|_| Error::validation("unit_id", "所选承办单位不存在"))?;
        }
        None if input.official.trim().is_empty() => {
            return Err(Error::validation(
                "unit_id",
                "请选择负责整改的承办单位（或填写被评议的人员）",
            ))
        }
        None => {}
    }
    if let Some(a) = input.activity_id {
        let act = crate::activities::get(conn, a)
            .map_err(|_| Error::validation("activity_id", "所选活动不存在"))?;
        if act.voided {
            return Err(Error::validation("activity_id", "所选活动已作废"));
        }
        if sent_on < act.date {
            return Err(Error::validation(
                "sent_on",
                format!(
                    "送达日期不能早于提出意见的活动日期{}",
                    dates::chinese(act.date)
                ),
            ));
        }
    }
    Ok(Valid { sent_on })
}

pub fn create(
    store: &mut Store,
    stamp: &Stamp,
    input: &RectificationInput,
) -> Result<Rectification> {
    crate::fields::check(&crate::fields::RECTIFICATION, input, stamp.today())?;
    store.write(|tx| create_in(tx, stamp, input, None))
}

/// Creates a review opinion inside the caller's transaction; `from_evaluation` is the
/// evaluation and object that opened it (an object below the profile's threshold).
pub fn create_in(
    conn: &Connection,
    stamp: &Stamp,
    input: &RectificationInput,
    from_evaluation: Option<(i64, i64)>,
) -> Result<Rectification> {
    let v = validate(conn, input, stamp.today())?;
    let year = v.sent_on.year();
    let seq = book::next_seq(conn, "rectifications", &[("year", &year)])?;
    let profile = rules::current(conn)?.tag();
    conn.execute(
        "INSERT INTO rectifications (year, seq, number, activity_id, evaluation_id, object_seq, unit_id,
            official, content, profile, notes)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        params![
            year,
            seq,
            format!("整改〔{year}〕第{seq}号"),
            input.activity_id,
            from_evaluation.map(|e| e.0),
            from_evaluation.map(|e| e.1),
            input.unit_id,
            input.official.trim(),
            input.content.trim(),
            profile,
            input.notes.trim()
        ],
    )?;
    let id = conn.last_insert_rowid();
    conn.execute(
        "INSERT INTO rectification_rounds (rectification_id, round, sent_on) VALUES (?1, 1, ?2)",
        params![id, v.sent_on.to_string()],
    )?;
    let x = get(conn, id, stamp.today())?;
    book::record_created(conn, stamp, id, &x)?;
    Ok(x)
}

/// The unit's report for the round awaiting it. A report dated before its round was sent is
/// refused; a late one is accepted and marked late.
pub fn report(
    store: &mut Store,
    stamp: &Stamp,
    id: i64,
    input: &RectificationReportInput,
) -> Result<Rectification> {
    crate::fields::check(&crate::fields::RECTIFICATION, input, stamp.today())?;
    let on = dates::parse_iso("date", "报送日期", input.date.trim())?;
    if on > stamp.today() {
        return Err(Error::validation("date", "报送日期不能晚于今天"));
    }
    if input.text.trim().is_empty() {
        return Err(Error::validation("text", "请填写整改情况报告的内容"));
    }
    book::update(store, stamp, id, |tx, before: &Rectification| {
        let Some(last) = before.rounds.last() else {
            return Err(Error::InvalidTransition(format!(
                "{}没有送达记录",
                before.number
            )));
        };
        if last.reported_on.is_some() {
            return Err(Error::InvalidTransition(format!(
                "{}第{}轮的整改情况已报送，待主席团评价；不满意的评价后再报送下一轮",
                before.number, last.round
            )));
        }
        if on < last.sent_on {
            return Err(Error::validation(
                "date",
                format!(
                    "报送日期{}早于审议意见送达日期{}，请核对",
                    dates::chinese(on),
                    dates::chinese(last.sent_on)
                ),
            ));
        }
        tx.execute(
            "UPDATE rectification_rounds SET reported_on = ?3, report = ?4
             WHERE rectification_id = ?1 AND round = ?2",
            params![id, last.round, on.to_string(), input.text.trim()],
        )?;
        Ok(())
    })?;
    get(store.conn(), id, stamp.today())
}

/// The presidium's assessment of the report; 不满意 opens the next round, sent that day.
pub fn assess(
    store: &mut Store,
    stamp: &Stamp,
    id: i64,
    input: &AssessmentInput,
) -> Result<Rectification> {
    crate::fields::check(&crate::fields::RECTIFICATION, input, stamp.today())?;
    let on = dates::parse_iso("date", "评价日期", input.date.trim())?;
    if on > stamp.today() {
        return Err(Error::validation("date", "评价日期不能晚于今天"));
    }
    if let Some(f) = input.followup_id {
        let a = crate::activities::get(store.conn(), f)
            .map_err(|_| Error::validation("followup_id", "所选回头看活动不存在"))?;
        if a.voided {
            return Err(Error::validation("followup_id", "所选回头看活动已作废"));
        }
    }
    book::update(store, stamp, id, |tx, before: &Rectification| {
        let Some(last) = before.rounds.last() else {
            return Err(Error::InvalidTransition(format!(
                "{}没有送达记录",
                before.number
            )));
        };
        let Some(reported) = last.reported_on else {
            return Err(Error::InvalidTransition(format!(
                "{}第{}轮尚未报送整改情况，不能评价",
                before.number, last.round
            )));
        };
        if last.satisfaction.is_some() {
            return Err(Error::InvalidTransition(format!(
                "{}已评价为{}，已经办结",
                before.number,
                last.satisfaction.map(|s| s.label()).unwrap_or_default()
            )));
        }
        if on < reported {
            return Err(Error::validation(
                "date",
                format!(
                    "评价日期{}早于整改情况报送日期{}，请核对",
                    dates::chinese(on),
                    dates::chinese(reported)
                ),
            ));
        }
        tx.execute(
            "UPDATE rectification_rounds SET assessed_on = ?3, satisfaction = ?4, followup_id = ?5
             WHERE rectification_id = ?1 AND round = ?2",
            params![
                id,
                last.round,
                on.to_string(),
                input.satisfaction,
                input.followup_id
            ],
        )?;
        if input.satisfaction == Satisfaction::Dissatisfied {
            tx.execute(
                "INSERT INTO rectification_rounds (rectification_id, round, sent_on) VALUES (?1, ?2, ?3)",
                params![id, last.round + 1, on.to_string()],
            )?;
        }
        Ok(())
    })?;
    get(store.conn(), id, stamp.today())
}

pub fn void(store: &mut Store, stamp: &Stamp, id: i64, reason: &str) -> Result<Rectification> {
    book::void::<Rectification>(store, stamp, id, reason)?;
    get(store.conn(), id, stamp.today())
}

/// Counts for the statistics, the county and the report: opinions sent in a period, and of
/// them rectified (assessed 满意/基本满意), reported on time in their first round, and late now.
#[derive(Debug, Clone, Default, Serialize, PartialEq, ts_rs::TS)]
#[ts(export)]
pub struct RectificationCounts {
    pub sent: usize,
    pub rectified: usize,
    pub reported_on_time: usize,
    pub overdue: usize,
    pub second_rounds: usize,
    /// The ids counted as sent.
    pub ids: Vec<i64>,
}

pub fn counts(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
    today: NaiveDate,
) -> Result<RectificationCounts> {
    let mut c = RectificationCounts::default();
    let cal = HolidayCalendar::for_office(conn)?;
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM {FROM} WHERE r.voided_at IS NULL AND r.id IN (
           SELECT rectification_id FROM rectification_rounds WHERE round = 1 AND sent_on BETWEEN ?1 AND ?2)
         ORDER BY r.year, r.seq"
    ))?;
    let rows = stmt
        .query_map(params![from.to_string(), to.to_string()], from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    for mut x in rows {
        complete(conn, &cal, &mut x, today)?;
        c.sent += 1;
        c.ids.push(x.id);
        c.rectified += usize::from(x.state == RectificationState::Rectified);
        c.overdue += usize::from(x.overdue);
        c.second_rounds += usize::from(x.rounds.len() > 1);
        if x.rounds
            .first()
            .is_some_and(|r| r.reported_on.is_some() && !r.reported_late)
        {
            c.reported_on_time += 1;
        }
    }
    Ok(c)
}

impl Book for Rectification {
    const ENTITY: Entity = Entity::Rectification;
    const TABLE: &'static str = "rectifications";
    const NAME: &'static str = "审议意见";
    fn load(conn: &Connection, id: i64) -> Result<Self> {
        get(conn, id, NaiveDate::MIN)
    }
    fn is_voided(&self) -> bool {
        self.voided
    }
    fn snapshot(&self) -> Value {
        Rectification::snapshot(self)
    }
    fn label(&self) -> String {
        self.number.clone()
    }
    fn value_label(field: &str, code: &str) -> Option<&'static str> {
        match field {
            "state" => RectificationState::parse(code).ok().map(|s| s.label()),
            "satisfaction" => Satisfaction::from_code(code).map(|s| s.label()),
            _ => None,
        }
    }
}
