//! Status changes (代表变动) and presidium posts.
//!
//! A deputy's status on any date is derived by replaying the non-voided events up to that date
//! from the election: nothing stores "current status", so statistics on a past date are right.
//! Events must be recorded in date order; only the latest one can be voided, so the replay never
//! meets an impossible sequence. Leaving office (resignation, recall, termination) ends the
//! deputy's presidium posts and group roles on that date.

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use serde_json::json;

use super::deputy::{self, DeputyRecord};
use super::org::{self, Term};
use crate::dates;
use crate::history::{self, Action, Entity, Stamp};
use crate::vocab::*;
use crate::{Error, Result, Store};

#[derive(Debug, Clone, Serialize, PartialEq, ts_rs::TS)]
#[ts(export)]
pub struct DeputyEvent {
    pub id: i64,
    pub deputy_id: i64,
    pub kind: EventKind,
    pub date: NaiveDate,
    pub reason: String,
    pub notice_no: String,
    pub ground: Option<TerminationGround>,
    pub votes_for: Option<i64>,
    pub votes_total: Option<i64>,
    pub voided: bool,
    pub void_reason: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct DeputyEventInput {
    pub deputy_id: i64,
    pub kind: EventKind,
    pub date: String,
    #[serde(default)]
    pub reason: String,
    #[serde(default)]
    pub notice_no: String,
    #[serde(default)]
    pub ground: Option<TerminationGround>,
    #[serde(default)]
    pub votes_for: Option<i64>,
    #[serde(default)]
    pub votes_total: Option<i64>,
    /// Why the event stands although later records contradict it (see [`clashes`]): required
    /// when there are any, recorded in the history.
    #[serde(default)]
    #[ts(optional)]
    pub confirm: Option<String>,
}

/// A later record that a mandate ending on an earlier date contradicts: the deputy led a
/// suggestion, attended an activity or a presidium meeting, or passed on a petition after it.
#[derive(Debug, Clone, Serialize, PartialEq, ts_rs::TS)]
#[ts(export)]
pub struct Clash {
    /// The book (suggestions, group_activity, presidium_meeting, petitions, deeds).
    pub book: String,
    pub id: i64,
    pub number: String,
    pub date: NaiveDate,
    /// 领衔代表建议 / 附议代表建议 / 出席小组活动 / 出席主席团会议 / 转交信访 / 先进事迹.
    pub role: String,
}

/// The records after `date` in which the deputy acts as one in office: what a resignation,
/// recall or termination dated `date` would contradict. Voided records do not count.
pub fn clashes(conn: &Connection, deputy_id: i64, date: NaiveDate) -> Result<Vec<Clash>> {
    const SQL: &str = "
        SELECT 'suggestions', id, number, received_on, '领衔代表建议' FROM suggestions
         WHERE lead_deputy_id = ?1 AND received_on > ?2 AND voided_at IS NULL
        UNION ALL
        SELECT 'suggestions', s.id, s.number, s.received_on, '附议代表建议' FROM suggestions s
          JOIN suggestion_cosigners c ON c.suggestion_id = s.id
         WHERE c.deputy_id = ?1 AND s.received_on > ?2 AND s.voided_at IS NULL
        UNION ALL
        SELECT 'group_activity', a.id, a.number, a.date, '出席小组活动' FROM group_activities a
          JOIN activity_attendance t ON t.activity_id = a.id
         WHERE t.deputy_id = ?1 AND t.attendance = 'present' AND a.date > ?2 AND a.voided_at IS NULL
        UNION ALL
        SELECT 'presidium_meeting', m.id, m.number, m.date, '出席主席团会议' FROM presidium_meetings m
          JOIN meeting_attendance t ON t.meeting_id = m.id
         WHERE t.deputy_id = ?1 AND t.present = 1 AND m.date > ?2 AND m.voided_at IS NULL
        UNION ALL
        SELECT 'petitions', id, number, substr(received_at, 1, 10), '转交信访' FROM petitions
         WHERE via_deputy_id = ?1 AND substr(received_at, 1, 10) > ?2 AND voided_at IS NULL
        ORDER BY 4, 1, 2";
    let mut stmt = conn.prepare_cached(SQL)?;
    let rows = stmt.query_map(params![deputy_id, date.to_string()], |r| {
        let day: String = r.get(3)?;
        Ok(Clash {
            book: r.get(0)?,
            id: r.get(1)?,
            number: r.get(2)?,
            // Stored dates are ISO; an unreadable one (never written by the app) reads as the
            // event's own date rather than failing the check.
            date: NaiveDate::parse_from_str(&day, "%Y-%m-%d").unwrap_or(date),
            role: r.get(4)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

#[derive(Debug, Clone, Serialize, PartialEq, ts_rs::TS)]
#[ts(export)]
pub struct PresidiumPost {
    pub id: i64,
    pub deputy_id: i64,
    pub deputy_name: String,
    pub post: PresidiumPostKind,
    pub start_date: NaiveDate,
    pub end_date: Option<NaiveDate>,
}

#[derive(Debug, Clone, Deserialize, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct PresidiumPostInput {
    pub deputy_id: i64,
    pub post: PresidiumPostKind,
    pub start_date: String,
}

fn date_col(r: &Row, i: usize) -> rusqlite::Result<NaiveDate> {
    let s: String = r.get(i)?;
    NaiveDate::parse_from_str(&s, "%Y-%m-%d").map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, Box::new(e))
    })
}

const EVENT_COLUMNS: &str = "e.id, e.deputy_id, e.kind, e.date, e.reason, e.notice_no, e.ground, e.votes_for, e.votes_total, e.voided_at, e.void_reason";

fn event_from_row(r: &Row) -> rusqlite::Result<DeputyEvent> {
    Ok(DeputyEvent {
        id: r.get(0)?,
        deputy_id: r.get(1)?,
        kind: r.get(2)?,
        date: date_col(r, 3)?,
        reason: r.get(4)?,
        notice_no: r.get(5)?,
        ground: r.get(6)?,
        votes_for: r.get(7)?,
        votes_total: r.get(8)?,
        voided: r.get::<_, Option<String>>(9)?.is_some(),
        void_reason: r.get(10)?,
    })
}

/// A deputy's events, voided ones included, in date order.
pub fn events_of(conn: &Connection, deputy_id: i64) -> Result<Vec<DeputyEvent>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {EVENT_COLUMNS} FROM deputy_events e WHERE e.deputy_id = ?1 ORDER BY e.date, e.id"
    ))?;
    let rows = stmt
        .query_map([deputy_id], event_from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

pub(crate) fn events_of_term(conn: &Connection, term_id: i64) -> Result<Vec<DeputyEvent>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {EVENT_COLUMNS} FROM deputy_events e JOIN deputies d ON d.id = e.deputy_id
         WHERE d.term_id = ?1 ORDER BY e.date, e.id"
    ))?;
    let rows = stmt
        .query_map([term_id], event_from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

fn event(conn: &Connection, id: i64) -> Result<DeputyEvent> {
    conn.query_row(
        &format!("SELECT {EVENT_COLUMNS} FROM deputy_events e WHERE e.id = ?1"),
        [id],
        event_from_row,
    )
    .optional()?
    .ok_or(Error::NotFound {
        what: "代表变动记录",
        id,
    })
}

/// The status on `on`: replay of the non-voided events dated on or before it.
pub fn status_on(
    rec: &DeputyRecord,
    term: Option<&Term>,
    events: &[DeputyEvent],
    on: NaiveDate,
) -> DeputyStatus {
    if on < rec.elected_on {
        return DeputyStatus::NotYet;
    }
    if term.is_some_and(|t| t.end_date.is_some_and(|end| on > end)) {
        return DeputyStatus::Ended;
    }
    replay(
        events
            .iter()
            .filter(|e| e.deputy_id == rec.id && !e.voided && e.date <= on),
    )
}

fn replay<'a>(events: impl Iterator<Item = &'a DeputyEvent>) -> DeputyStatus {
    let mut s = DeputyStatus::InOffice;
    for e in events {
        s = match e.kind {
            EventKind::ByElection => s,
            EventKind::Resignation | EventKind::Recall | EventKind::Termination => {
                DeputyStatus::Ended
            }
            EventKind::Suspension => DeputyStatus::Suspended,
            EventKind::Resumption => DeputyStatus::InOffice,
        };
    }
    s
}

/// Is `kind` allowed from `from`? Returns the refusal message if not.
pub fn check_transition(from: DeputyStatus, kind: EventKind) -> std::result::Result<(), String> {
    use DeputyStatus::*;
    use EventKind::*;
    match (from, kind) {
        (Ended, _) => Err("该代表的代表资格已经终止，不能再登记变动".into()),
        (NotYet, _) => Err("变动日期早于该代表的当选日期".into()),
        (InOffice | Suspended, Resignation | Recall | Termination) => Ok(()),
        (InOffice, Suspension) => Ok(()),
        (Suspended, Suspension) => Err("该代表已在暂停执行代表职务期间".into()),
        (Suspended, Resumption) => Ok(()),
        (InOffice, Resumption) => Err("该代表并未暂停执行代表职务，无需恢复".into()),
        (_, ByElection) => Ok(()),
    }
}

pub fn add_event(
    store: &mut Store,
    stamp: &Stamp,
    input: &DeputyEventInput,
) -> Result<DeputyEvent> {
    crate::fields::check(&crate::fields::DEPUTY_EVENT, input, stamp.today())?;
    let date = dates::parse_iso("date", "变动日期", &input.date)?;
    if date > stamp.today() {
        return Err(Error::validation(
            "date",
            "变动日期不能晚于今天：请在变动发生后登记",
        ));
    }
    let reason = input.reason.trim();
    let needs_reason = !matches!(input.kind, EventKind::ByElection | EventKind::Resumption);
    if needs_reason && reason.is_empty() {
        return Err(Error::validation(
            "reason",
            format!("请填写{}的事由", input.kind.label()),
        ));
    }
    match (input.kind, input.ground) {
        (EventKind::Termination, None) => {
            return Err(Error::validation("ground", "请选择终止事由"))
        }
        (k, Some(_)) if k != EventKind::Termination => {
            return Err(Error::validation(
                "ground",
                "只有“资格终止”需要选择终止事由",
            ))
        }
        _ => {}
    }
    let (votes_for, votes_total) = match input.kind {
        EventKind::ByElection => {
            let (Some(f), Some(t)) = (input.votes_for, input.votes_total) else {
                return Err(Error::validation(
                    "votes_for",
                    "补选请填写得票数和参加投票人数",
                ));
            };
            if t <= 0 || f < 0 || f > t || t > 1_000_000 {
                return Err(Error::validation(
                    "votes_for",
                    "得票数应在 0 和参加投票人数之间",
                ));
            }
            if f * 2 <= t {
                return Err(Error::validation(
                    "votes_for",
                    format!("得票{f}票未超过参加投票人数{t}的半数，不能当选"),
                ));
            }
            (Some(f), Some(t))
        }
        // A resignation accepted by a vote of the congress (选举法 Art. 55) may carry its votes:
        // both counts or none; the session's page checks them against all deputies.
        EventKind::Resignation if input.votes_for.is_some() || input.votes_total.is_some() => {
            let (Some(f), Some(t)) = (input.votes_for, input.votes_total) else {
                return Err(Error::validation(
                    "votes_for",
                    "接受辞职的表决请同时填写赞成票数和参加表决人数（没有表决则都不填）",
                ));
            };
            if t <= 0 || f < 0 || f > t || t > 1_000_000 {
                return Err(Error::validation(
                    "votes_for",
                    "赞成票数应在 0 和参加表决人数之间",
                ));
            }
            (Some(f), Some(t))
        }
        _ if input.votes_for.is_some() || input.votes_total.is_some() => {
            // Not stored for other events: refused rather than silently dropped.
            return Err(Error::validation(
                "votes_for",
                format!(
                    "{}不登记得票数，请清空得票数和参加投票人数",
                    input.kind.label()
                ),
            ));
        }
        _ => (None, None),
    };
    let id = store.write(|tx| {
        let rec = deputy::record(tx, input.deputy_id)?;
        if rec.voided_at.is_some() {
            return Err(Error::InvalidTransition("该代表记录已作废，不能登记变动".into()));
        }
        let events = events_of(tx, rec.id)?;
        let live: Vec<&DeputyEvent> = events.iter().filter(|e| !e.voided).collect();
        if let Some(later) = live.iter().find(|e| e.date > date) {
            return Err(Error::validation(
                "date",
                format!("该代表在{}已有“{}”记录，变动请按时间顺序登记", dates::chinese(later.date), later.kind.label()),
            ));
        }
        if input.kind == EventKind::ByElection {
            if rec.elected_how != ElectedHow::ByElection {
                return Err(Error::InvalidTransition("该代表是换届选举产生的；只有补选产生的代表才登记补选".into()));
            }
            if date != rec.elected_on {
                return Err(Error::validation("date", format!("补选日期应与当选日期{}一致", dates::chinese(rec.elected_on))));
            }
            if live.iter().any(|e| e.kind == EventKind::ByElection) {
                return Err(Error::InvalidTransition("该代表的补选已经登记过".into()));
            }
        }
        let term = org::term(tx, rec.term_id)?;
        let from = if date < rec.elected_on { DeputyStatus::NotYet } else { replay(live.iter().copied()) };
        let from = if !term.covers(date) && from != DeputyStatus::NotYet { DeputyStatus::Ended } else { from };
        check_transition(from, input.kind).map_err(Error::InvalidTransition)?;
        tx.execute(
            "INSERT INTO deputy_events (deputy_id, kind, date, reason, notice_no, ground, votes_for, votes_total)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![rec.id, input.kind, date.to_string(), reason, input.notice_no.trim(), input.ground, votes_for, votes_total],
        )?;
        let id = tx.last_insert_rowid();
        history::record(tx, stamp, Entity::DeputyEvent, id, Action::Create, None, Some(&json!(event(tx, id)?)), "")?;
        history::record(
            tx,
            stamp,
            Entity::Deputy,
            rec.id,
            Action::Update,
            None,
            None,
            &format!("登记{}：{}", input.kind.label(), dates::chinese(date)),
        )?;
        if matches!(input.kind, EventKind::Resignation | EventKind::Recall | EventKind::Termination) {
            end_roles(tx, stamp, rec.id, date, input.kind.label(), Some(id))?;
            let later = clashes(tx, rec.id, date)?;
            if !later.is_empty() {
                let confirm = input.confirm.as_deref().map(str::trim).unwrap_or("");
                if confirm.is_empty() {
                    return Err(clash_refusal(input.kind, date, &later));
                }
                history::record(
                    tx,
                    stamp,
                    Entity::Deputy,
                    rec.id,
                    Action::Update,
                    None,
                    None,
                    &format!(
                        "{}日期早于其后的 {} 条记录（{}），经确认登记：{confirm}",
                        input.kind.label(),
                        later.len(),
                        clash_list(&later)
                    ),
                )?;
            }
        }
        Ok(id)
    })?;
    event(store.conn(), id)
}

/// Voids the latest live event of a deputy (a mistaken entry), and undoes what it did: the
/// presidium posts it ended are open again, the group roles it cleared are given back unless
/// someone holds them now. The status is the replay of the live events, so it follows.
pub fn void_event(store: &mut Store, stamp: &Stamp, id: i64, reason: &str) -> Result<DeputyEvent> {
    crate::fields::check_text(&crate::fields::VOID, "reason", reason)?;
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(Error::validation("reason", "请填写作废原因"));
    }
    store.write(|tx| {
        let before = event(tx, id)?;
        if before.voided {
            return Err(Error::InvalidTransition("该变动记录已经作废".into()));
        }
        let latest = events_of(tx, before.deputy_id)?
            .into_iter()
            .rev()
            .find(|e| !e.voided);
        if latest.as_ref().map(|e| e.id) != Some(id) {
            return Err(Error::InvalidTransition(
                "只能作废该代表最近一次的变动记录，请先作废其后的记录".into(),
            ));
        }
        tx.execute(
            "UPDATE deputy_events SET voided_at = ?2, void_reason = ?3 WHERE id = ?1",
            params![id, stamp.at_text(), reason],
        )?;
        undo_effects(tx, stamp, &before, reason)?;
        let after = event(tx, id)?;
        history::record(
            tx,
            stamp,
            Entity::DeputyEvent,
            id,
            Action::Void,
            Some(&json!(before)),
            Some(&json!(after)),
            reason,
        )?;
        history::record(
            tx,
            stamp,
            Entity::Deputy,
            before.deputy_id,
            Action::Update,
            None,
            None,
            &format!(
                "作废{}记录（{}）：{reason}",
                before.kind.label(),
                dates::chinese(before.date)
            ),
        )
    })?;
    event(store.conn(), id)
}

const POST_SELECT: &str = "SELECT p.id, p.deputy_id, d.name, p.post, p.start_date, p.end_date
    FROM presidium_posts p JOIN deputies d ON d.id = p.deputy_id";

fn post_from_row(r: &Row) -> rusqlite::Result<PresidiumPost> {
    let end: Option<String> = r.get(5)?;
    Ok(PresidiumPost {
        id: r.get(0)?,
        deputy_id: r.get(1)?,
        deputy_name: r.get(2)?,
        post: r.get(3)?,
        start_date: date_col(r, 4)?,
        end_date: end
            .map(|e| NaiveDate::parse_from_str(&e, "%Y-%m-%d"))
            .transpose()
            .map_err(|e| {
                rusqlite::Error::FromSqlConversionFailure(
                    5,
                    rusqlite::types::Type::Text,
                    Box::new(e),
                )
            })?,
    })
}

pub fn posts_of(conn: &Connection, deputy_id: i64) -> Result<Vec<PresidiumPost>> {
    let mut stmt = conn.prepare_cached(&format!(
        "{POST_SELECT} WHERE p.deputy_id = ?1 ORDER BY p.start_date, p.id"
    ))?;
    let rows = stmt
        .query_map([deputy_id], post_from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

pub(crate) fn posts_of_term(conn: &Connection, term_id: i64) -> Result<Vec<PresidiumPost>> {
    let mut stmt = conn.prepare_cached(&format!(
        "{POST_SELECT} WHERE d.term_id = ?1 ORDER BY p.start_date, p.id"
    ))?;
    let rows = stmt
        .query_map([term_id], post_from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// The presidium on a date: every post held that day, chair first.
pub fn presidium_on(conn: &Connection, on: NaiveDate) -> Result<Vec<PresidiumPost>> {
    let mut stmt = conn.prepare_cached(&format!(
        "{POST_SELECT} WHERE p.start_date <= ?1 AND (p.end_date IS NULL OR p.end_date > ?1) ORDER BY p.start_date, p.id"
    ))?;
    let mut rows = stmt
        .query_map([on.to_string()], post_from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    rows.sort_by_key(|p| p.post);
    Ok(rows)
}

fn post(conn: &Connection, id: i64) -> Result<PresidiumPost> {
    conn.query_row(
        &format!("{POST_SELECT} WHERE p.id = ?1"),
        [id],
        post_from_row,
    )
    .optional()?
    .ok_or(Error::NotFound {
        what: "主席团职务",
        id,
    })
}

pub fn add_post(
    store: &mut Store,
    stamp: &Stamp,
    input: &PresidiumPostInput,
) -> Result<PresidiumPost> {
    crate::fields::check(&crate::fields::PRESIDIUM_POST, input, stamp.today())?;
    let start = dates::parse_iso("start_date", "任职日期", &input.start_date)?;
    let id = store.write(|tx| {
        let d = deputy::view(tx, input.deputy_id, start)?;
        if d.voided || !org::holds_office(d.status) {
            return Err(Error::validation(
                "start_date",
                format!(
                    "{}在{}不在任，不能担任主席团职务",
                    d.name,
                    dates::chinese(start)
                ),
            ));
        }
        if posts_of(tx, d.id)?.iter().any(|p| p.end_date.is_none()) {
            return Err(Error::conflict(
                "post",
                format!("{}已有主席团职务，请先结束原职务", d.name),
            ));
        }
        if input.post == PresidiumPostKind::Chair {
            if let Some(chair) = presidium_on(tx, start)?
                .into_iter()
                .find(|p| p.post == PresidiumPostKind::Chair)
            {
                return Err(Error::conflict(
                    "post",
                    format!("{}在该日期担任主席，请先结束其职务", chair.deputy_name),
                ));
            }
        }
        tx.execute(
            "INSERT INTO presidium_posts (deputy_id, post, start_date) VALUES (?1, ?2, ?3)",
            params![d.id, input.post, start.to_string()],
        )?;
        let id = tx.last_insert_rowid();
        history::record(
            tx,
            stamp,
            Entity::PresidiumPost,
            id,
            Action::Create,
            None,
            Some(&json!(post(tx, id)?)),
            "",
        )?;
        Ok(id)
    })?;
    post(store.conn(), id)
}

pub fn end_post(store: &mut Store, stamp: &Stamp, id: i64, date: &str) -> Result<PresidiumPost> {
    let end = dates::parse_iso("date", "离任日期", date)?;
    store.write(|tx| {
        let before = post(tx, id)?;
        if before.end_date.is_some() {
            return Err(Error::InvalidTransition("该职务已经结束".into()));
        }
        if end < before.start_date {
            return Err(Error::validation("date", "离任日期不能早于任职日期"));
        }
        tx.execute(
            "UPDATE presidium_posts SET end_date = ?2 WHERE id = ?1",
            params![id, end.to_string()],
        )?;
        history::record(
            tx,
            stamp,
            Entity::PresidiumPost,
            id,
            Action::End,
            Some(&json!(before)),
            Some(&json!(post(tx, id)?)),
            "",
        )
    })?;
    post(store.conn(), id)
}

fn clash_list(later: &[Clash]) -> String {
    let mut shown: Vec<String> = later
        .iter()
        .take(5)
        .map(|c| format!("{}{}（{}）", c.role, c.number, dates::chinese(c.date)))
        .collect();
    if later.len() > 5 {
        shown.push(format!("等 {} 条", later.len()));
    }
    shown.join("、")
}

/// The refusal that shows the clash before saving: the clerk corrects the date, or confirms
/// with a reason (`confirm`), which the history keeps.
fn clash_refusal(kind: EventKind, date: NaiveDate, later: &[Clash]) -> Error {
    Error::conflict(
        "date",
        format!(
            "{}日期为{}，但该代表此后还有 {} 条履职记录：{}。请核对日期；如日期无误，请填写确认理由后再保存",
            kind.label(),
            dates::chinese(date),
            later.len(),
            clash_list(later)
        ),
    )
}

/// Reverses what a voided event did (see [`end_roles`]).
fn undo_effects(conn: &Connection, stamp: &Stamp, ev: &DeputyEvent, reason: &str) -> Result<()> {
    let why = format!(
        "{}（{}）已作废：{reason}",
        ev.kind.label(),
        dates::chinese(ev.date)
    );
    let mut stmt = conn.prepare(
        "SELECT kind, post_id, group_id, role FROM deputy_event_effects WHERE event_id = ?1 ORDER BY id",
    )?;
    let effects = stmt
        .query_map([ev.id], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, Option<i64>>(1)?,
                r.get::<_, Option<i64>>(2)?,
                r.get::<_, Option<String>>(3)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    for (kind, post_id, group_id, role) in effects {
        match (kind.as_str(), post_id, group_id, role) {
            ("post_end", Some(pid), _, _) => {
                let before = post(conn, pid)?;
                conn.execute(
                    "UPDATE presidium_posts SET end_date = NULL WHERE id = ?1",
                    [pid],
                )?;
                history::record(
                    conn,
                    stamp,
                    Entity::PresidiumPost,
                    pid,
                    Action::Update,
                    Some(&json!(before)),
                    Some(&json!(post(conn, pid)?)),
                    &why,
                )?;
            }
            ("group_role", _, Some(gid), Some(role)) => {
                let restored =
                    org::restore_group_role(conn, stamp, gid, &role, ev.deputy_id, &why)?;
                if !restored {
                    history::record(
                        conn,
                        stamp,
                        Entity::Deputy,
                        ev.deputy_id,
                        Action::Update,
                        None,
                        None,
                        &format!("{why}；小组职务已由他人担任，未恢复"),
                    )?;
                }
            }
            _ => {}
        }
    }
    Ok(())
}

/// Ends the deputy's open presidium posts on `date` and clears group roles (inside a
/// transaction). With the `event` that caused it, each effect is recorded so that voiding the
/// event undoes it.
pub(crate) fn end_roles(
    conn: &Connection,
    stamp: &Stamp,
    deputy_id: i64,
    date: NaiveDate,
    why: &str,
    event: Option<i64>,
) -> Result<()> {
    for p in posts_of(conn, deputy_id)?
        .into_iter()
        .filter(|p| p.end_date.is_none())
    {
        let end = date.max(p.start_date);
        conn.execute(
            "UPDATE presidium_posts SET end_date = ?2 WHERE id = ?1",
            params![p.id, end.to_string()],
        )?;
        history::record(
            conn,
            stamp,
            Entity::PresidiumPost,
            p.id,
            Action::End,
            Some(&json!(p)),
            Some(&json!(post(conn, p.id)?)),
            why,
        )?;
        if let Some(e) = event {
            conn.execute(
                "INSERT INTO deputy_event_effects (event_id, kind, post_id) VALUES (?1, 'post_end', ?2)",
                params![e, p.id],
            )?;
        }
    }
    for (gid, role) in org::clear_group_roles(conn, stamp, deputy_id, why)? {
        if let Some(e) = event {
            conn.execute(
                "INSERT INTO deputy_event_effects (event_id, kind, group_id, role) VALUES (?1, 'group_role', ?2, ?3)",
                params![e, gid, role],
            )?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use DeputyStatus::*;
    use EventKind::*;

    #[test]
    fn transitions_follow_the_law() {
        assert!(check_transition(InOffice, Resignation).is_ok());
        assert!(check_transition(Suspended, Recall).is_ok());
        assert!(check_transition(InOffice, Suspension).is_ok());
        assert!(check_transition(Suspended, Resumption).is_ok());
        assert!(check_transition(InOffice, Resumption).is_err());
        assert!(check_transition(Suspended, Suspension).is_err());
        for k in EventKind::ALL {
            assert!(
                check_transition(Ended, *k).is_err(),
                "nothing follows the end of a mandate: {k:?}"
            );
        }
    }
}
