//! The case books: books whose state is the replay of their steps (suggestions, petitions, and
//! the follow-up books that come after them). What they do the same way lives here once: reading
//! a case's steps, recording a new step checked against the replay, voiding the latest step,
//! paging a filtered list with the "overdue" filter that needs each open case's deadline.
//!
//! A case book implements [`CaseBook`] for its case type (the record, its live steps, the
//! replayed facts); its own module keeps only what differs: the step types and their state
//! machine, the filters, the views and the wording.

use chrono::NaiveDate;
use rusqlite::types::Value as SqlValue;
use rusqlite::{params, params_from_iter, Connection, OptionalExtension, Row};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;
use std::collections::{HashMap, HashSet};

use super::Book;
use crate::calendar::HolidayCalendar;
use crate::deadline::Deadline;
use crate::history::{self, Action, Stamp};
use crate::rules::RuleProfile;
use crate::store::{paging, Page};
use crate::{Error, Result, Store};

/// A step as the mechanism sees it: what it is called and the day it happened.
pub trait CaseStep: Serialize + DeserializeOwned + Clone {
    /// The stored code ("assign").
    fn action(&self) -> &'static str;
    /// The day the step happened (not the day it was entered).
    fn date(&self) -> NaiveDate;
}

/// One row of a case book's step table: the step and who entered it when.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredStep<S> {
    pub id: i64,
    /// The case the step belongs to.
    pub case_id: i64,
    pub step: S,
    pub actor: String,
    pub at: String,
    pub void_reason: Option<String>,
}

/// The list of a case book, as paging sees it.
pub struct CaseList {
    /// "suggestions s"
    pub from: &'static str,
    /// "s.received_on DESC, s.id DESC"
    pub order: &'static str,
    /// the condition for "still open", on the projection columns
    pub open: &'static str,
}

impl CaseList {
    /// The table's alias in the conditions ("s" of "suggestions s").
    fn alias(&self) -> &'static str {
        self.from.rsplit(' ').next().unwrap_or("")
    }
}

/// A case of a book whose state is the replay of its steps.
pub trait CaseBook: Sized {
    /// The case's own row (its number, whether it is voided, its history entity).
    type Record: Book;
    type Step: CaseStep;
    /// What the replay of the steps establishes (state, units, dates).
    type Facts: Clone;
    /// The table of steps ("suggestion_steps") and its column naming the case.
    const STEPS: &'static str;
    const CASE_COL: &'static str;
    const LIST: CaseList;

    /// The case's id (its record's).
    fn id(&self) -> i64;
    fn record(&self) -> &Self::Record;
    fn facts(&self) -> &Self::Facts;
    /// Live (non-voided) steps in entry order.
    fn live_steps(&self) -> &[StoredStep<Self::Step>];
    /// The case with its live steps replayed.
    fn load(conn: &Connection, id: i64) -> Result<Self>;
    /// The cases with these ids, in one read, in the list's order (voided ones included).
    fn load_many(conn: &Connection, ids: Vec<i64>) -> Result<Vec<Self>>;
    /// Every live case of the book.
    fn load_all(conn: &Connection) -> Result<Vec<Self>>;
    /// Still being followed (not closed, declined or archived).
    fn is_open(&self) -> bool;
    /// The rule profile the case runs under ("shanghai@1").
    fn profile_tag(&self) -> &str;
    /// The deadline running on `today`, if any.
    fn deadline(&self, cal: &HolidayCalendar, today: NaiveDate) -> Result<Option<Deadline>>;
    /// The deadline the case would run to under another rule profile (a switch previewed).
    fn deadline_under(
        &self,
        profile: &RuleProfile,
        cal: &HolidayCalendar,
        today: NaiveDate,
    ) -> Result<Option<Deadline>>;
    /// What the case is about, in a line (a suggestion's subject, a petition's request).
    fn title(&self) -> String;
    /// Checks `step` against the case's state, its rule profile and the data it names (a unit
    /// that can take cases), and returns the facts after it. Nothing is written.
    fn apply(&self, conn: &Connection, step: &Self::Step) -> Result<Self::Facts>;
    /// Rewrites the case's projection columns (state, units) from the replay of its steps.
    fn sync_projection(conn: &Connection, id: i64) -> Result<()>;
    /// The state, as the history keeps it before and after a step.
    fn state(facts: &Self::Facts) -> Value;
    /// The step as one Chinese line (the timeline and the history note), "交办 某局（主办）".
    fn summary(&self, conn: &Connection, step: &Self::Step) -> Result<String>;
    /// What the step's action is called (交办).
    fn action_label(step: &Self::Step) -> &'static str;
}

fn step_from_row<S: DeserializeOwned>(r: &Row) -> rusqlite::Result<(StoredStep<S>, bool)> {
    let detail: String = r.get(2)?;
    let step: S = serde_json::from_str(&detail).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(2, rusqlite::types::Type::Text, Box::new(e))
    })?;
    let voided_at: Option<String> = r.get(5)?;
    Ok((
        StoredStep {
            id: r.get(0)?,
            case_id: r.get(1)?,
            step,
            actor: r.get(3)?,
            at: r.get(4)?,
            void_reason: r.get(6)?,
        },
        voided_at.is_some(),
    ))
}

/// Every step of case `id`, voided ones included (with the flag), in entry order.
pub fn steps<C: CaseBook>(conn: &Connection, id: i64) -> Result<Vec<(StoredStep<C::Step>, bool)>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT id, {col}, detail, actor, at, voided_at, void_reason FROM {table}
         WHERE {col} = ?1 ORDER BY id",
        col = C::CASE_COL,
        table = C::STEPS
    ))?;
    let rows = stmt
        .query_map([id], step_from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// The live (non-voided) steps of case `id`, in entry order: what its state replays.
pub fn live_steps<C: CaseBook>(conn: &Connection, id: i64) -> Result<Vec<StoredStep<C::Step>>> {
    Ok(steps::<C>(conn, id)?
        .into_iter()
        .filter(|(_, voided)| !voided)
        .map(|(s, _)| s)
        .collect())
}

/// The live steps of every case a condition on the book's list table selects
/// ([`CaseList::from`]), grouped by case, in entry order: one read for a whole list.
pub fn live_steps_of<C: CaseBook>(
    conn: &Connection,
    cond: &str,
    p: &[SqlValue],
) -> Result<HashMap<i64, Vec<StoredStep<C::Step>>>> {
    let (from, alias) = (C::LIST.from, C::LIST.alias());
    let mut out: HashMap<i64, Vec<StoredStep<C::Step>>> = HashMap::new();
    let mut stmt = conn.prepare(&format!(
        "WITH picked AS MATERIALIZED (SELECT {alias}.id FROM {from} WHERE {cond})
         SELECT t.id, t.{col}, t.detail, t.actor, t.at, t.voided_at, t.void_reason
         FROM {table} t JOIN picked ON picked.id = t.{col}
         WHERE t.voided_at IS NULL ORDER BY t.id",
        col = C::CASE_COL,
        table = C::STEPS
    ))?;
    let rows = stmt.query_map(params_from_iter(p.iter()), step_from_row::<C::Step>)?;
    for row in rows {
        let (s, _) = row?;
        out.entry(s.case_id).or_default().push(s);
    }
    Ok(out)
}

/// Records `step` on case `id` inside the caller's transaction: refused on a voided case, with a
/// date after today, or when the replay refuses it; then the step row, the projection and a
/// history row with the state before and after.
pub fn step_in<C: CaseBook>(
    conn: &Connection,
    stamp: &Stamp,
    id: i64,
    step: &C::Step,
) -> Result<()> {
    let c = C::load(conn, id)?;
    let rec = c.record();
    if rec.is_voided() {
        return Err(Error::InvalidTransition(format!(
            "{}{}已作废，不能再办理",
            C::Record::NAME,
            rec.label()
        )));
    }
    if step.date() > stamp.today() {
        return Err(Error::validation("date", "日期不能晚于今天"));
    }
    let after = c.apply(conn, step)?;
    conn.execute(
        &format!(
            "INSERT INTO {} ({}, action, date, detail, actor, at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            C::STEPS,
            C::CASE_COL
        ),
        params![
            id,
            step.action(),
            step.date().to_string(),
            serde_json::to_string(step).expect("steps serialise"),
            stamp.actor,
            stamp.at_text()
        ],
    )?;
    C::sync_projection(conn, id)?;
    history::record(
        conn,
        stamp,
        C::Record::ENTITY,
        id,
        Action::Update,
        Some(&C::state(c.facts())),
        Some(&C::state(&after)),
        &format!("{}：{}", C::action_label(step), c.summary(conn, step)?),
    )
}

/// Voids step `step_id` if it is the latest live step of its case (the undo of a mistaken
/// entry: the row stays, struck through, and the case replays one step fewer); returns the case.
pub fn void_step<C: CaseBook>(
    store: &mut Store,
    stamp: &Stamp,
    step_id: i64,
    reason: &str,
) -> Result<i64> {
    crate::fields::check_text(&crate::fields::VOID, "reason", reason)?;
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(Error::validation("reason", "请填写作废原因"));
    }
    store.write(|tx| {
        let row: Option<(i64, Option<String>)> = tx
            .query_row(
                &format!(
                    "SELECT {}, voided_at FROM {} WHERE id = ?1",
                    C::CASE_COL,
                    C::STEPS
                ),
                [step_id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let (id, voided) = row.ok_or(Error::NotFound {
            what: "办理环节",
            id: step_id,
        })?;
        if voided.is_some() {
            return Err(Error::InvalidTransition("该环节已经作废".into()));
        }
        let before = C::load(tx, id)?;
        let Some(last) = before.live_steps().last() else {
            return Err(Error::InvalidTransition("该环节已经作废".into()));
        };
        if last.id != step_id {
            return Err(Error::InvalidTransition(
                "只能作废最近的一个办理环节；更早的环节请从最近的开始依次作废".into(),
            ));
        }
        let what = before.summary(tx, &last.step)?;
        tx.execute(
            &format!(
                "UPDATE {} SET voided_at = ?2, void_reason = ?3 WHERE id = ?1",
                C::STEPS
            ),
            params![step_id, stamp.at_text(), reason],
        )?;
        C::sync_projection(tx, id)?;
        let after = C::load(tx, id)?;
        history::record(
            tx,
            stamp,
            C::Record::ENTITY,
            id,
            Action::Void,
            Some(&C::state(before.facts())),
            Some(&C::state(after.facts())),
            &format!("作废环节“{what}”（{reason}）"),
        )?;
        Ok(id)
    })
}

/// One page of a case book's list (1-based, its size clamped as every list's), the cases loaded
/// in the list's order. `cond`
/// and `p` select on the book's table (see [`CaseList::from`]). With `overdue`, only the open
/// cases that match are replayed to find whose deadline has passed (or has not).
#[allow(clippy::too_many_arguments)]
pub fn page<C: CaseBook>(
    conn: &Connection,
    cond: &str,
    p: &[SqlValue],
    page: Option<usize>,
    page_size: Option<usize>,
    overdue: Option<bool>,
    cal: &HolidayCalendar,
    today: NaiveDate,
) -> Result<Page<C>> {
    let book = C::LIST;
    let alias = book.alias();
    let (page, page_size) = paging(page, page_size);
    let ids_of = |sql: String| -> Result<Vec<i64>> {
        let mut stmt = conn.prepare(&sql)?;
        let ids = stmt
            .query_map(params_from_iter(p.iter()), |r| r.get(0))?
            .collect::<rusqlite::Result<Vec<i64>>>()?;
        Ok(ids)
    };
    let select = format!("SELECT {alias}.id FROM {} WHERE {cond}", book.from);
    let (total, ids) = match overdue {
        None => {
            let total: i64 = conn.query_row(
                &format!("SELECT count(*) FROM {} WHERE {cond}", book.from),
                params_from_iter(p.iter()),
                |r| r.get(0),
            )?;
            let ids = ids_of(format!(
                "{select} ORDER BY {} LIMIT {page_size} OFFSET {}",
                book.order,
                (page - 1) * page_size
            ))?;
            (total as usize, ids)
        }
        Some(want) => {
            let open = ids_of(format!("{select} AND {}", book.open))?;
            let mut late = HashSet::new();
            for c in C::load_many(conn, open)? {
                if !c.record().is_voided() && c.deadline(cal, today)?.is_some_and(|d| d.overdue) {
                    late.insert(c.id());
                }
            }
            let all: Vec<i64> = ids_of(format!("{select} ORDER BY {}", book.order))?
                .into_iter()
                .filter(|id| late.contains(id) == want)
                .collect();
            let total = all.len();
            let ids = all
                .into_iter()
                .skip((page - 1) * page_size)
                .take(page_size)
                .collect();
            (total, ids)
        }
    };
    let mut loaded: HashMap<i64, C> = C::load_many(conn, ids.clone())?
        .into_iter()
        .map(|c| (c.id(), c))
        .collect();
    Ok(Page {
        items: ids.iter().filter_map(|id| loaded.remove(id)).collect(),
        total,
        page,
        page_size,
    })
}

/// Moves every open case of the book that runs under another rule profile to `tag` (the office
/// switched its profile and chose to apply it to the cases in hand), recording each move.
pub fn switch_open_cases<C: CaseBook>(conn: &Connection, stamp: &Stamp, tag: &str) -> Result<()> {
    for c in C::load_all(conn)? {
        if !c.is_open() || c.profile_tag() == tag {
            continue;
        }
        conn.execute(
            &format!("UPDATE {} SET profile = ?2 WHERE id = ?1", C::Record::TABLE),
            params![c.id(), tag],
        )?;
        C::sync_projection(conn, c.id())?;
        history::record(
            conn,
            stamp,
            C::Record::ENTITY,
            c.id(),
            Action::Update,
            Some(&serde_json::json!({ "profile": c.profile_tag() })),
            Some(&serde_json::json!({ "profile": tag })),
            "改用新的办理规则",
        )?;
    }
    Ok(())
}

/// A step as a case's timeline shows it.
pub struct TimelineStep<S> {
    pub step: StoredStep<S>,
    pub voided: bool,
    /// Only the latest live step of a live case may be voided (the earlier ones stay a valid
    /// replay).
    pub voidable: bool,
}

/// Every step of a case, voided ones included, for its timeline.
pub fn timeline<C: CaseBook>(
    conn: &Connection,
    case: &C,
    id: i64,
) -> Result<Vec<TimelineStep<C::Step>>> {
    let last_live = case.live_steps().last().map(|s| s.id);
    let live = !case.record().is_voided();
    Ok(steps::<C>(conn, id)?
        .into_iter()
        .map(|(step, voided)| {
            let voidable = live && Some(step.id) == last_live;
            TimelineStep {
                step,
                voided,
                voidable,
            }
        })
        .collect())
}
