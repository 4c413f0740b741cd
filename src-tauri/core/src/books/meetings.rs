//! The presidium meeting book (主席团会议记录簿): one entry per meeting, numbered in its term
//! (第二十届主席团第3次会议), with attendance taken from the presidium posts held on the day and
//! each agenda item's discussion, decision and votes.
//!
//! The book records what happened, so the checks (quorum, a decision without a majority of all
//! members, a quarter without a meeting) are shown beside the entry, never refused.

use chrono::{Datelike, NaiveDate, NaiveTime};
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use crate::book::{self, Book};
use crate::history::{Entity, HistoryEntry, Stamp};
use crate::roster::org::{self, Term};
use crate::roster::{deputy, status};
use crate::rules::{self, PresidiumRules};
use crate::store::{ListSql, Page, Where};
use crate::suggestions::DeputyRef;
use crate::vocab::*;
use crate::{dates, Error, Result, Store};

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, ts_rs::TS)]
#[ts(export)]
pub struct AbsenceInput {
    pub deputy_id: i64,
    #[serde(default)]
    pub reason: String,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, ts_rs::TS)]
#[ts(export)]
pub struct AgendaItemInput {
    pub title: String,
    #[serde(default)]
    pub discussion: String,
    #[serde(default)]
    pub decision: String,
    /// The three counts go together: all given (a vote was taken) or none.
    #[serde(default)]
    pub votes_for: Option<i64>,
    #[serde(default)]
    pub votes_against: Option<i64>,
    #[serde(default)]
    pub votes_abstain: Option<i64>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, ts_rs::TS)]
#[ts(export)]
pub struct MeetingInput {
    pub date: String,
    /// "09:30"; empty when not noted.
    #[serde(default)]
    pub start_time: String,
    #[serde(default)]
    pub place: String,
    #[serde(default)]
    pub presider_id: Option<i64>,
    #[serde(default)]
    pub recorder: String,
    /// 列席: people attending without a vote (government leaders, deputies, higher-level deputies).
    #[serde(default)]
    pub attendees: String,
    /// Members absent, each with the reason; every other member on the day was present.
    #[serde(default)]
    pub absent: Vec<AbsenceInput>,
    pub agenda: Vec<AgendaItemInput>,
    #[serde(default)]
    pub notes: String,
}

#[derive(Debug, Clone, Serialize, PartialEq, ts_rs::TS)]
#[ts(export)]
pub struct MeetingMember {
    pub deputy_id: i64,
    pub name: String,
    pub post: PresidiumPostKind,
    pub present: bool,
    pub absence_reason: String,
}

#[derive(Debug, Clone, Serialize, PartialEq, ts_rs::TS)]
#[ts(export)]
pub struct AgendaItem {
    pub seq: i64,
    pub title: String,
    pub discussion: String,
    pub decision: String,
    pub votes_for: Option<i64>,
    pub votes_against: Option<i64>,
    pub votes_abstain: Option<i64>,
    /// By the profile's decision rule over all members; None when no vote was taken.
    pub passed: Option<bool>,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct PresidiumMeeting {
    pub id: i64,
    pub number: String,
    pub term_id: i64,
    pub seq: i64,
    pub date: NaiveDate,
    pub start_time: String,
    pub place: String,
    pub presider: Option<DeputyRef>,
    pub recorder: String,
    pub attendees: String,
    pub members: Vec<MeetingMember>,
    pub expected: usize,
    pub present: usize,
    pub agenda: Vec<AgendaItem>,
    /// What the rules would have wanted, in the office's words; empty when all is well.
    pub checks: Vec<String>,
    pub notes: String,
    pub voided: bool,
    pub void_reason: Option<String>,
}

impl PresidiumMeeting {
    fn snapshot(&self) -> Value {
        let mut v = json!(self);
        v["presider"] = json!(self.presider.as_ref().map(|p| p.name.clone()));
        v["members"] = json!(self
            .members
            .iter()
            .map(|m| if m.present {
                m.name.clone()
            } else {
                format!("{}（缺席：{}）", m.name, m.absence_reason)
            })
            .collect::<Vec<_>>());
        if let Some(o) = v.as_object_mut() {
            o.remove("checks");
        }
        v
    }
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct MeetingDetail {
    pub meeting: PresidiumMeeting,
    pub history: Vec<HistoryEntry>,
}

#[derive(Debug, Clone, Default, Deserialize, ts_rs::TS)]
#[ts(export, optional_fields = nullable)]
#[serde(default)]
pub struct MeetingQuery {
    pub search: Option<String>,
    pub term_id: Option<i64>,
    pub year: Option<i32>,
    #[ts(as = "Option<bool>", optional)]
    pub include_voided: bool,
    pub page: Option<usize>,
    pub page_size: Option<usize>,
}

/// A quarter of the term, ended, with no meeting in it.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, ts_rs::TS)]
#[ts(export)]
pub struct QuarterGap {
    pub year: i32,
    pub quarter: u32,
    pub label: String,
}

/// The members expected on `on`: everyone holding a presidium post that day and still in office.
pub fn members_on(conn: &Connection, on: NaiveDate) -> Result<Vec<MeetingMember>> {
    let mut out = Vec::new();
    for p in status::presidium_on(conn, on)? {
        let d = deputy::view(conn, p.deputy_id, on)?;
        if d.voided
            || !org::holds_office(d.status)
            || out.iter().any(|m: &MeetingMember| m.deputy_id == d.id)
        {
            continue;
        }
        out.push(MeetingMember {
            deputy_id: d.id,
            name: d.name,
            post: p.post,
            present: true,
            absence_reason: String::new(),
        });
    }
    Ok(out)
}

const COLUMNS: &str =
    "m.id, m.number, m.term_id, m.seq, m.date, m.start_time, m.place, m.presider_id, p.name,
    m.recorder, m.attendees, m.notes, m.voided_at IS NOT NULL, m.void_reason";

fn from_row(r: &Row) -> rusqlite::Result<PresidiumMeeting> {
    let date: String = r.get(4)?;
    let presider_id: Option<i64> = r.get(7)?;
    Ok(PresidiumMeeting {
        id: r.get(0)?,
        number: r.get(1)?,
        term_id: r.get(2)?,
        seq: r.get(3)?,
        date: NaiveDate::parse_from_str(&date, "%Y-%m-%d").unwrap_or_default(),
        start_time: r.get(5)?,
        place: r.get(6)?,
        presider: match presider_id {
            Some(id) => Some(DeputyRef {
                id,
                name: r.get(8)?,
            }),
            None => None,
        },
        recorder: r.get(9)?,
        attendees: r.get(10)?,
        members: Vec::new(),
        expected: 0,
        present: 0,
        agenda: Vec::new(),
        checks: Vec::new(),
        notes: r.get(11)?,
        voided: r.get(12)?,
        void_reason: r.get(13)?,
    })
}

/// Attendance, agenda and the checks, for meetings read by [`from_row`].
fn complete(conn: &Connection, m: &mut PresidiumMeeting, rules: &PresidiumRules) -> Result<()> {
    let mut stmt = conn.prepare_cached(
        "SELECT a.deputy_id, d.name, a.post, a.present, a.absence_reason FROM meeting_attendance a
         JOIN deputies d ON d.id = a.deputy_id WHERE a.meeting_id = ?1 ORDER BY a.rowid",
    )?;
    m.members = stmt
        .query_map([m.id], |r| {
            Ok(MeetingMember {
                deputy_id: r.get(0)?,
                name: r.get(1)?,
                post: r.get(2)?,
                present: r.get(3)?,
                absence_reason: r.get(4)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    m.expected = m.members.len();
    m.present = m.members.iter().filter(|x| x.present).count();
    let all = m.expected as i64;
    let mut stmt = conn.prepare_cached(
        "SELECT seq, title, discussion, decision, votes_for, votes_against, votes_abstain
         FROM agenda_items WHERE meeting_id = ?1 ORDER BY seq",
    )?;
    m.agenda = stmt
        .query_map([m.id], |r| {
            let votes_for: Option<i64> = r.get(4)?;
            Ok(AgendaItem {
                seq: r.get(0)?,
                title: r.get(1)?,
                discussion: r.get(2)?,
                decision: r.get(3)?,
                votes_for,
                votes_against: r.get(5)?,
                votes_abstain: r.get(6)?,
                passed: votes_for.map(|n| rules.decision.reached(n, all)),
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    m.checks = checks(m.present as i64, all, &m.agenda, rules);
    Ok(())
}

fn checks(present: i64, all: i64, agenda: &[AgendaItem], rules: &PresidiumRules) -> Vec<String> {
    let mut out = Vec::new();
    if all > 0 && !rules.quorum.reached(present, all) {
        out.push(format!(
            "出席 {present} 人，未达到全体成员 {all} 人的{}（{}）",
            rules.quorum.label(),
            rules.quorum_basis
        ));
    }
    for item in agenda {
        if item.passed == Some(false) {
            out.push(format!(
                "议题{}“{}”赞成 {} 票，未达到全体成员 {all} 人的{}，决定未获通过（{}）",
                item.seq,
                item.title,
                item.votes_for.unwrap_or(0),
                rules.decision.label(),
                rules.decision_basis
            ));
        }
    }
    out
}

pub fn get(conn: &Connection, id: i64) -> Result<PresidiumMeeting> {
    let mut m = conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM presidium_meetings m LEFT JOIN deputies p ON p.id = m.presider_id WHERE m.id = ?1"),
            [id],
            from_row,
        )
        .optional()?
        .ok_or(Error::NotFound { what: "主席团会议", id })?;
    complete(conn, &mut m, &rules::current(conn)?.presidium)?;
    Ok(m)
}

pub fn detail(conn: &Connection, id: i64) -> Result<MeetingDetail> {
    Ok(MeetingDetail {
        meeting: get(conn, id)?,
        history: book::history::of::<PresidiumMeeting>(conn, id)?,
    })
}

pub fn list(conn: &Connection, q: &MeetingQuery) -> Result<Page<PresidiumMeeting>> {
    let mut w = Where::default();
    if let Some(t) = q.term_id {
        w.and_with("m.term_id = ?", t);
    }
    if let Some(y) = q.year {
        crate::dates::check_year(y)?;
        w.and_with("substr(m.date, 1, 4) = ?", format!("{y:04}"));
    }
    if !q.include_voided {
        w.and("m.voided_at IS NULL");
    }
    if let Some(text) = q.search.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        w.and_with(
            "(m.number LIKE ? OR m.place LIKE ? OR m.notes LIKE ? OR m.id IN
              (SELECT meeting_id FROM agenda_items WHERE title LIKE ? OR decision LIKE ? OR discussion LIKE ?))",
            format!("%{}%", text.replace(['%', '_'], "")),
        );
    }
    let sql = ListSql {
        columns: COLUMNS,
        from: "presidium_meetings m LEFT JOIN deputies p ON p.id = m.presider_id",
        count_from: "presidium_meetings m",
        order: "m.date DESC, m.id DESC",
    };
    let rules = rules::current(conn)?.presidium.clone();
    Page::query(conn, &sql, w, q.page, q.page_size, from_row)?
        .try_each(|m| complete(conn, m, &rules))
}

struct Valid {
    date: NaiveDate,
    term: Term,
    members: Vec<MeetingMember>,
}

fn validate(conn: &Connection, input: &MeetingInput, today: NaiveDate) -> Result<Valid> {
    let date = dates::parse_iso("date", "会议日期", &input.date)?;
    if date > today {
        return Err(Error::validation("date", "会议日期不能晚于今天"));
    }
    let time = input.start_time.trim();
    if !time.is_empty() && NaiveTime::parse_from_str(time, "%H:%M").is_err() {
        return Err(Error::validation(
            "start_time",
            format!("会议时间“{time}”看不懂，请写成 09:30 这样的时:分"),
        ));
    }
    let term = org::term_on(conn, date)?;
    let mut members = members_on(conn, date)?;
    if members.is_empty() {
        return Err(Error::validation(
            "date",
            format!(
                "{}没有在任的主席团成员，请先在花名册中登记主席团职务",
                dates::chinese(date)
            ),
        ));
    }
    for a in &input.absent {
        let Some(m) = members.iter_mut().find(|m| m.deputy_id == a.deputy_id) else {
            return Err(Error::validation("absent", "缺席人员应为当日的主席团成员"));
        };
        if !m.present {
            return Err(Error::validation(
                "absent",
                format!("{}重复登记为缺席", m.name),
            ));
        }
        let reason = a.reason.trim();
        if reason.is_empty() {
            return Err(Error::validation(
                "absent",
                format!("请填写{}的缺席原因（如：因公请假）", m.name),
            ));
        }
        m.present = false;
        m.absence_reason = reason.to_string();
    }
    let present = members.iter().filter(|m| m.present).count() as i64;
    if let Some(p) = input.presider_id {
        match members.iter().find(|m| m.deputy_id == p) {
            Some(m) if m.present => {}
            Some(m) => {
                return Err(Error::validation(
                    "presider_id",
                    format!("{}登记为缺席，不能主持会议", m.name),
                ))
            }
            None => {
                return Err(Error::validation(
                    "presider_id",
                    "主持人应为出席会议的主席团成员",
                ))
            }
        }
    }
    if input.agenda.is_empty() {
        return Err(Error::validation("agenda", "请至少登记一项议题"));
    }
    for (i, item) in input.agenda.iter().enumerate() {
        let n = i + 1;
        if item.title.trim().is_empty() {
            return Err(Error::validation("agenda", format!("请填写议题{n}的名称")));
        }
        let votes = [item.votes_for, item.votes_against, item.votes_abstain];
        let given = votes.iter().filter(|v| v.is_some()).count();
        if given != 0 && given != 3 {
            return Err(Error::validation(
                "agenda",
                format!("议题{n}的表决：赞成、反对、弃权三项请都填写（没有表决则都不填）"),
            ));
        }
        if votes.iter().flatten().any(|v| *v < 0) {
            return Err(Error::validation(
                "agenda",
                format!("议题{n}的票数不能为负数"),
            ));
        }
        let sum: i64 = votes.iter().flatten().sum();
        if sum > present {
            return Err(Error::validation(
                "agenda",
                format!("议题{n}的票数合计 {sum} 票，超过了出席的 {present} 人"),
            ));
        }
    }
    Ok(Valid {
        date,
        term,
        members,
    })
}

fn write(conn: &Connection, id: i64, input: &MeetingInput, v: &Valid) -> Result<()> {
    conn.execute(
        "UPDATE presidium_meetings SET date = ?2, start_time = ?3, place = ?4, presider_id = ?5, recorder = ?6,
            attendees = ?7, notes = ?8 WHERE id = ?1",
        params![
            id,
            v.date.to_string(),
            input.start_time.trim(),
            input.place.trim(),
            input.presider_id,
            input.recorder.trim(),
            input.attendees.trim(),
            input.notes.trim()
        ],
    )?;
    // Attendance and agenda are parts of the entry (not entries of their own): rewritten whole,
    // with the before/after kept in the entry's history.
    conn.execute("DELETE FROM meeting_attendance WHERE meeting_id = ?1", [id])?;
    for m in &v.members {
        conn.execute(
            "INSERT INTO meeting_attendance (meeting_id, deputy_id, post, present, absence_reason) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![id, m.deputy_id, m.post, m.present, m.absence_reason],
        )?;
    }
    conn.execute("DELETE FROM agenda_items WHERE meeting_id = ?1", [id])?;
    for (i, item) in input.agenda.iter().enumerate() {
        conn.execute(
            "INSERT INTO agenda_items (meeting_id, seq, title, discussion, decision, votes_for, votes_against, votes_abstain)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                id,
                i as i64 + 1,
                item.title.trim(),
                item.discussion.trim(),
                item.decision.trim(),
                item.votes_for,
                item.votes_against,
                item.votes_abstain
            ],
        )?;
    }
    Ok(())
}

pub fn create(store: &mut Store, stamp: &Stamp, input: &MeetingInput) -> Result<PresidiumMeeting> {
    store.write(|tx| create_in(tx, stamp, input))
}

pub(crate) fn create_in(
    conn: &Connection,
    stamp: &Stamp,
    input: &MeetingInput,
) -> Result<PresidiumMeeting> {
    crate::fields::check(&crate::fields::MEETING, input, stamp.today())?;
    let v = validate(conn, input, stamp.today())?;
    let seq = book::next_seq(conn, "presidium_meetings", &[("term_id", &v.term.id)])?;
    let number = format!(
        "{}主席团第{}次会议",
        v.term.label(),
        org::chinese_number(seq)
    );
    conn.execute(
        "INSERT INTO presidium_meetings (term_id, seq, number, date) VALUES (?1, ?2, ?3, ?4)",
        params![v.term.id, seq, number, v.date.to_string()],
    )?;
    let id = conn.last_insert_rowid();
    write(conn, id, input, &v)?;
    let m = get(conn, id)?;
    book::record_created(conn, stamp, id, &m)?;
    Ok(m)
}

pub fn update(
    store: &mut Store,
    stamp: &Stamp,
    id: i64,
    input: &MeetingInput,
) -> Result<PresidiumMeeting> {
    crate::fields::check(&crate::fields::MEETING, input, stamp.today())?;
    book::update(store, stamp, id, |tx, before: &PresidiumMeeting| {
        let v = validate(tx, input, stamp.today())?;
        book::keep_in_scope(
            v.term.id != before.term_id,
            "date",
            format!("{}按届次编号，日期不能改到其他届次", before.number),
        )?;
        write(tx, id, input, &v)
    })
}

pub fn void(store: &mut Store, stamp: &Stamp, id: i64, reason: &str) -> Result<PresidiumMeeting> {
    book::void(store, stamp, id, reason)
}

impl Book for PresidiumMeeting {
    const ENTITY: Entity = Entity::PresidiumMeeting;
    const TABLE: &'static str = "presidium_meetings";
    const NAME: &'static str = "会议记录";
    fn load(conn: &Connection, id: i64) -> Result<Self> {
        get(conn, id)
    }
    fn is_voided(&self) -> bool {
        self.voided
    }
    fn snapshot(&self) -> Value {
        PresidiumMeeting::snapshot(self)
    }
    fn label(&self) -> String {
        self.number.clone()
    }
}

/// The form's starting point for a meeting on `date`: who is expected, and the chair presiding.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct MeetingDraft {
    pub number: String,
    pub members: Vec<MeetingMember>,
    pub presider_id: Option<i64>,
    pub rules: PresidiumRules,
}

pub fn draft(conn: &Connection, date: NaiveDate) -> Result<MeetingDraft> {
    let term = org::term_on(conn, date)?;
    let seq = book::next_seq(conn, "presidium_meetings", &[("term_id", &term.id)])?;
    let members = members_on(conn, date)?;
    Ok(MeetingDraft {
        number: format!("{}主席团第{}次会议", term.label(), org::chinese_number(seq)),
        presider_id: members
            .iter()
            .find(|m| m.post == PresidiumPostKind::Chair)
            .map(|m| m.deputy_id),
        members,
        rules: rules::current(conn)?.presidium.clone(),
    })
}

fn quarter_start(year: i32, q: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, (q - 1) * 3 + 1, 1).expect("valid quarter")
}

/// The ended quarters of a term (up to `today`) without a meeting. A quarter is checked only
/// if the whole of it lies in the term, so the weeks after an election are not flagged.
pub fn quarters_without_meeting(
    conn: &Connection,
    term_id: i64,
    today: NaiveDate,
) -> Result<Vec<QuarterGap>> {
    if !rules::current(conn)?.presidium.quarterly {
        return Ok(Vec::new());
    }
    let term = org::term(conn, term_id)?;
    let mut stmt = conn.prepare_cached(
        "SELECT date FROM presidium_meetings WHERE term_id = ?1 AND voided_at IS NULL",
    )?;
    let held: Vec<NaiveDate> = stmt
        .query_map([term_id], |r| r.get::<_, String>(0))?
        .filter_map(|r| r.ok())
        .filter_map(|s| NaiveDate::parse_from_str(&s, "%Y-%m-%d").ok())
        .collect();
    let last_day = term.end_date.map_or(today, |e| e.min(today));
    let mut out = Vec::new();
    let (mut y, mut q) = (term.start_date.year(), (term.start_date.month0() / 3) + 1);
    loop {
        let start = quarter_start(y, q);
        let (ny, nq) = if q == 4 { (y + 1, 1) } else { (y, q + 1) };
        let end = quarter_start(ny, nq).pred_opt().expect("a day before");
        if end >= last_day {
            break;
        }
        if start >= term.start_date && !held.iter().any(|d| *d >= start && *d <= end) {
            out.push(QuarterGap {
                year: y,
                quarter: q,
                label: format!("{y}年第{}季度", org::chinese_number(q as i64)),
            });
        }
        (y, q) = (ny, nq);
    }
    Ok(out)
}

/// [`quarters_without_meeting`] for the current term (none without a term), as the list and the
/// home page show it.
pub fn gaps_in_current_term(conn: &Connection, today: NaiveDate) -> Result<Vec<QuarterGap>> {
    match org::current_term(conn)? {
        Some(t) => quarters_without_meeting(conn, t.id, today),
        None => Ok(Vec::new()),
    }
}

/// Meetings a deputy was expected at in a period, with whether they came.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct Attended {
    pub id: i64,
    pub number: String,
    pub date: NaiveDate,
    pub present: bool,
    pub absence_reason: String,
}

pub fn attended_by(
    conn: &Connection,
    deputy_id: i64,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<Attended>> {
    let mut stmt = conn.prepare_cached(
        "SELECT m.id, m.number, m.date, a.present, a.absence_reason FROM meeting_attendance a
         JOIN presidium_meetings m ON m.id = a.meeting_id
         WHERE a.deputy_id = ?1 AND m.voided_at IS NULL AND m.date BETWEEN ?2 AND ?3 ORDER BY m.date, m.id",
    )?;
    let rows = stmt
        .query_map(params![deputy_id, from.to_string(), to.to_string()], |r| {
            let d: String = r.get(2)?;
            Ok(Attended {
                id: r.get(0)?,
                number: r.get(1)?,
                date: NaiveDate::parse_from_str(&d, "%Y-%m-%d").unwrap_or_default(),
                present: r.get(3)?,
                absence_reason: r.get(4)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}
