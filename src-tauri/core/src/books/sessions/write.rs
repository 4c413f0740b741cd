//! Writing the sessions book: what is refused (a count that cannot be true, a deputy marked
//! twice, a session outside its term or over another), then the entry and its parts rewritten
//! whole with the history, and the draft the form starts from.

use chrono::{Datelike, NaiveDate};
use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;

use super::read::get;
use super::*;
use crate::book;
use crate::history::Stamp;
use crate::{dates, Error, Result, Store};

struct Valid {
    first_day: NaiveDate,
    last_day: NaiveDate,
    notified_on: Option<NaiveDate>,
    term: Term,
    members: Vec<SessionMember>,
}

fn validate(
    conn: &Connection,
    input: &SessionInput,
    own: Option<i64>,
    today: NaiveDate,
) -> Result<Valid> {
    let first_day = dates::parse_iso("first_day", "开幕日期", input.first_day.trim())?;
    if first_day > today {
        return Err(Error::validation(
            "first_day",
            "开幕日期不能晚于今天（会议开幕后再登记）",
        ));
    }
    let last_day = match input.last_day.trim() {
        "" => first_day,
        t => dates::parse_iso("last_day", "闭幕日期", t)?,
    };
    if last_day < first_day {
        return Err(Error::validation(
            "last_day",
            "闭幕日期早于开幕日期，请核对",
        ));
    }
    if (last_day - first_day).num_days() >= MAX_DAYS {
        return Err(Error::validation(
            "last_day",
            format!("会期超过 {MAX_DAYS} 天，请核对开幕和闭幕日期"),
        ));
    }
    let notified_on = dates::parse_optional("notified_on", "通知代表日期", &input.notified_on)?;
    if notified_on.is_some_and(|n| n > first_day) {
        return Err(Error::validation(
            "notified_on",
            "通知代表日期不能晚于开幕日期",
        ));
    }
    let (term, mut members) = members_on(conn, first_day)?;
    if !term.covers(last_day) {
        return Err(Error::validation(
            "last_day",
            format!("闭幕日期不在{}的任期内，请核对", term.label()),
        ));
    }
    if members.is_empty() {
        return Err(Error::validation(
            "first_day",
            format!(
                "{}没有在任的代表，请先在花名册中登记代表",
                dates::chinese(first_day)
            ),
        ));
    }
    // Another live session on any of these days.
    let clash: Option<String> = conn
        .query_row(
            "SELECT number FROM congress_sessions WHERE voided_at IS NULL AND id IS NOT ?1
             AND first_day <= ?3 AND last_day >= ?2",
            params![own, first_day.to_string(), last_day.to_string()],
            |r| r.get(0),
        )
        .optional()?;
    if let Some(n) = clash {
        return Err(Error::validation(
            "first_day",
            format!("会期与已登记的{n}重叠，请核对日期（登记错了请先作废那一次）"),
        ));
    }
    for a in &input.attendance {
        let Some(m) = members.iter_mut().find(|m| m.deputy_id == a.deputy_id) else {
            let name = deputy::record(conn, a.deputy_id)
                .map(|d| d.name)
                .unwrap_or_else(|_| format!("编号 {} 的代表", a.deputy_id));
            return Err(Error::validation(
                "attendance",
                format!("{name}在开幕当日不是在任代表，不能登记出席情况"),
            ));
        };
        if m.attendance != Attendance::Present || !m.reason.is_empty() {
            return Err(Error::validation(
                "attendance",
                format!("{}的出席情况登记了两次，请只留一项", m.name),
            ));
        }
        let reason = a.reason.trim();
        if a.attendance == Attendance::Excused && reason.is_empty() {
            return Err(Error::validation(
                "attendance",
                format!("请填写{}的请假原因", m.name),
            ));
        }
        m.attendance = a.attendance;
        m.reason = reason.to_string();
        m.approved_by = a.approved_by.trim().to_string();
    }
    let present = members
        .iter()
        .filter(|m| m.attendance == Attendance::Present)
        .count() as i64;
    if input.items.len() > MAX_ITEMS {
        return Err(Error::validation(
            "items",
            format!("一次会议最多登记 {MAX_ITEMS} 项议程"),
        ));
    }
    for (i, item) in input.items.iter().enumerate() {
        let n = i + 1;
        for (key, v) in [
            ("votes_for", item.votes_for),
            ("votes_against", item.votes_against),
            ("votes_abstain", item.votes_abstain),
        ] {
            if let Some(v) = v {
                in_range("items", &format!("议程{n}的"), key, v)?;
            }
        }
        if item.title.trim().is_empty() {
            return Err(Error::validation("items", format!("请填写议程{n}的名称")));
        }
        let votes = [item.votes_for, item.votes_against, item.votes_abstain];
        let given = votes.iter().filter(|v| v.is_some()).count();
        if given != 0 && given != 3 {
            return Err(Error::validation(
                "items",
                format!("议程{n}的表决：赞成、反对、弃权三项请都填写（没有表决则都不填）"),
            ));
        }
        if votes.iter().flatten().any(|v| *v < 0) {
            return Err(Error::validation(
                "items",
                format!("议程{n}的票数不能为负数"),
            ));
        }
        let sum: i64 = votes.iter().flatten().sum();
        if sum > present {
            return Err(Error::validation(
                "items",
                format!("议程{n}的票数合计 {sum} 票，超过了出席的 {present} 人"),
            ));
        }
    }
    if input.elections.len() > MAX_ELECTIONS {
        return Err(Error::validation(
            "elections",
            format!("一次会议最多登记 {MAX_ELECTIONS} 项选举"),
        ));
    }
    for (i, e) in input.elections.iter().enumerate() {
        check_election(conn, i + 1, e, present)?;
    }
    Ok(Valid {
        first_day,
        last_day,
        notified_on,
        term,
        members,
    })
}

/// The most any count of a session may be: far above a township's deputies, so a typing slip
/// (an extra digit) is caught and no sum of counts can overflow.
const MAX_COUNT: i64 = 100_000;
/// Agenda items at one session.
const MAX_ITEMS: usize = 100;

/// A count in 0..=[`MAX_COUNT`], refused naming it (发出选票, 赞成票…) after `head` (第1项选举：).
pub(crate) fn in_range(field: &'static str, head: &str, key: &str, v: i64) -> Result<i64> {
    if (0..=MAX_COUNT).contains(&v) {
        return Ok(v);
    }
    Err(Error::validation(
        field,
        format!(
            "{head}{} {v} 不对，应在 0 到 {MAX_COUNT} 之间",
            crate::fields::label(key)
        ),
    ))
}

/// What cannot be true of a count: refused, naming the election and what to check.
fn check_election(conn: &Connection, n: usize, e: &ElectionInput, present: i64) -> Result<()> {
    let refuse = |m: String| Err(Error::validation("elections", format!("第{n}项选举：{m}")));
    if !(1..=20).contains(&e.places) {
        return refuse("应选人数应在 1 到 20 之间".into());
    }
    if e.candidates.is_empty() || e.candidates.len() > MAX_CANDIDATES {
        return refuse(format!("请登记候选人（1 到 {MAX_CANDIDATES} 人）"));
    }
    let k = e.candidates.len() as i64;
    if e.competitive && k <= e.places {
        return refuse(format!(
            "差额选举的候选人（{k} 人）应多于应选人数（{} 人）",
            e.places
        ));
    }
    if !e.competitive && k != e.places {
        return refuse(format!(
            "等额选举的候选人（{k} 人）应等于应选人数（{} 人）；候选人多于应选人数请选“差额”",
            e.places
        ));
    }
    let head = format!("第{n}项选举：");
    for (key, v) in [
        ("ballots_issued", e.ballots_issued),
        ("ballots_returned", e.ballots_returned),
        ("ballots_valid", e.ballots_valid),
        ("ballots_invalid", e.ballots_invalid),
    ] {
        in_range("elections", &head, key, v)?;
    }
    for c in &e.candidates {
        in_range(
            "elections",
            &format!("{head}{}的", c.name.trim()),
            "votes",
            c.votes,
        )?;
    }
    if e.ballots_issued > present {
        return refuse(format!(
            "发出选票 {} 张，多于出席的 {present} 人",
            e.ballots_issued
        ));
    }
    if e.ballots_valid + e.ballots_invalid != e.ballots_returned {
        return refuse(format!(
            "有效票 {} 张与无效票 {} 张之和应等于收回的 {} 张",
            e.ballots_valid, e.ballots_invalid, e.ballots_returned
        ));
    }
    let mut total = 0;
    for c in &e.candidates {
        let name = c.name.trim();
        if name.is_empty() {
            return refuse("请填写每位候选人的姓名".into());
        }
        if c.votes < 0 || c.votes > e.ballots_valid {
            return refuse(format!(
                "{name}得票 {} 票，应在 0 到有效票 {} 张之间",
                c.votes, e.ballots_valid
            ));
        }
        if let Some(d) = c.deputy_id {
            let rec = deputy::record(conn, d).map_err(|_| {
                Error::validation("elections", format!("第{n}项选举：所选代表不存在"))
            })?;
            if rec.voided_at.is_some() {
                return refuse(format!("{}的代表登记已作废", rec.name));
            }
        }
        total += c.votes;
    }
    if total > e.ballots_valid * e.places {
        return refuse(format!(
            "候选人得票合计 {total} 票，超过有效票 {} 张可投的 {} 票",
            e.ballots_valid,
            e.ballots_valid * e.places
        ));
    }
    Ok(())
}

fn write(conn: &Connection, id: i64, input: &SessionInput, v: &Valid) -> Result<()> {
    conn.execute(
        "UPDATE congress_sessions SET kind = ?2, first_day = ?3, last_day = ?4, place = ?5,
            notified_on = ?6, presiders = ?7, attendees = ?8, notes = ?9 WHERE id = ?1",
        params![
            id,
            input.kind,
            v.first_day.to_string(),
            v.last_day.to_string(),
            input.place.trim(),
            v.notified_on.map(|d| d.to_string()),
            input.presiders.trim(),
            input.attendees.trim(),
            input.notes.trim()
        ],
    )?;
    // Attendance, agenda and elections are parts of the entry: rewritten whole, with the before
    // and after kept in the entry's history.
    for table in [
        "session_attendance",
        "session_items",
        "session_elections",
        "election_candidates",
    ] {
        conn.execute(&format!("DELETE FROM {table} WHERE session_id = ?1"), [id])?;
    }
    for m in &v.members {
        conn.execute(
            "INSERT INTO session_attendance (session_id, deputy_id, attendance, reason, approved_by)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![id, m.deputy_id, m.attendance, m.reason, m.approved_by],
        )?;
    }
    for (i, item) in input.items.iter().enumerate() {
        conn.execute(
            "INSERT INTO session_items (session_id, seq, kind, title, outcome, outcome_kind, votes_for,
                votes_against, votes_abstain) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            params![
                id,
                i as i64 + 1,
                item.kind,
                item.title.trim(),
                item.outcome.trim(),
                item.outcome_kind,
                item.votes_for,
                item.votes_against,
                item.votes_abstain
            ],
        )?;
    }
    for (i, e) in input.elections.iter().enumerate() {
        let seq = i as i64 + 1;
        conn.execute(
            "INSERT INTO session_elections (session_id, seq, post, by_election, competitive, places,
                ballots_issued, ballots_returned, ballots_valid, ballots_invalid)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            params![
                id,
                seq,
                e.post,
                e.by_election,
                e.competitive,
                e.places,
                e.ballots_issued,
                e.ballots_returned,
                e.ballots_valid,
                e.ballots_invalid
            ],
        )?;
        for (j, c) in e.candidates.iter().enumerate() {
            conn.execute(
                "INSERT INTO election_candidates (session_id, election_seq, seq, name, deputy_id, votes)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![id, seq, j as i64 + 1, c.name.trim(), c.deputy_id, c.votes],
            )?;
        }
    }
    Ok(())
}

fn number(term: &Term, seq: i64) -> String {
    format!(
        "{}人民代表大会第{}次会议",
        term.label(),
        org::chinese_number(seq)
    )
}

pub fn create(store: &mut Store, stamp: &Stamp, input: &SessionInput) -> Result<CongressSession> {
    store.write(|tx| create_in(tx, stamp, input))
}

fn create_in(conn: &Connection, stamp: &Stamp, input: &SessionInput) -> Result<CongressSession> {
    crate::fields::check(&crate::fields::SESSION, input, stamp.today())?;
    let v = validate(conn, input, None, stamp.today())?;
    let seq = book::next_seq(conn, "congress_sessions", &[("term_id", &v.term.id)])?;
    conn.execute(
        "INSERT INTO congress_sessions (term_id, seq, number, kind, first_day, last_day)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            v.term.id,
            seq,
            number(&v.term, seq),
            input.kind,
            v.first_day.to_string(),
            v.last_day.to_string()
        ],
    )?;
    let id = conn.last_insert_rowid();
    write(conn, id, input, &v)?;
    let s = get(conn, id)?;
    book::record_created(conn, stamp, id, &s)?;
    Ok(s)
}

pub fn update(
    store: &mut Store,
    stamp: &Stamp,
    id: i64,
    input: &SessionInput,
) -> Result<CongressSession> {
    crate::fields::check(&crate::fields::SESSION, input, stamp.today())?;
    book::update(store, stamp, id, |tx, before: &CongressSession| {
        let v = validate(tx, input, Some(id), stamp.today())?;
        book::keep_in_scope(
            v.term.id != before.term_id,
            "first_day",
            format!("{}按届次编号，日期不能改到其他届次", before.number),
        )?;
        write(tx, id, input, &v)
    })
}

pub fn void(store: &mut Store, stamp: &Stamp, id: i64, reason: &str) -> Result<CongressSession> {
    book::void(store, stamp, id, reason)
}

/// The form's starting point for a session opening on `date`: its number, every deputy in
/// office (all present), the rules the checks use, and the sessions already held that year.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct SessionDraft {
    pub number: String,
    pub members: Vec<SessionMember>,
    pub rules: SessionRules,
    pub held_this_year: usize,
}

pub fn draft(conn: &Connection, date: NaiveDate) -> Result<SessionDraft> {
    let (term, members) = members_on(conn, date)?;
    let seq = book::next_seq(conn, "congress_sessions", &[("term_id", &term.id)])?;
    let held_this_year = conn.query_row(
        "SELECT count(*) FROM congress_sessions WHERE voided_at IS NULL AND substr(first_day, 1, 4) = ?1",
        [format!("{:04}", date.year())],
        |r| r.get::<_, i64>(0),
    )? as usize;
    Ok(SessionDraft {
        number: number(&term, seq),
        members,
        rules: session_rules(conn)?.clone(),
        held_this_year,
    })
}
