//! Follow-up (督办): what is overdue, what falls due soon, what waits for the deputy's
//! evaluation, which promises are open, and how each handling unit stands. Also the switch of
//! the office's rule profile, which shows every due date it would move before it moves any.

use chrono::NaiveDate;
use rusqlite::Connection;
use serde::Serialize;
use serde_json::json;
use std::collections::BTreeMap;

use crate::book::casebook::{self, CaseBook};
use crate::book::Book as _;
use crate::calendar::HolidayCalendar;
use crate::deadline::{Deadline, DueStage};
use crate::history::{self, Action, Entity, Stamp};
use crate::rules::{self, RuleProfile};
use crate::suggestions::{self, Names};
use crate::units::UnitRef;
use crate::vocab::*;
use crate::{petitions, Error, Result, Store};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[ts(export)]
#[serde(rename_all = "snake_case")]
pub enum Book {
    Suggestions,
    Petitions,
    /// A review opinion whose unit's rectification report is awaited.
    Rectifications,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct DueItem {
    pub book: Book,
    pub id: i64,
    pub number: String,
    pub title: String,
    /// A [`DueStage`] code, or "evaluation" / "promise".
    pub stage: &'static str,
    pub stage_label: &'static str,
    pub due_date: Option<NaiveDate>,
    pub days_left: Option<i64>,
    pub overdue: bool,
    pub unit: Option<UnitRef>,
    pub key_supervision: bool,
    pub explanation: String,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct UnitLoad {
    pub unit: UnitRef,
    pub open: usize,
    pub late: usize,
    pub suggestions_open: usize,
    pub petitions_open: usize,
    pub rectifications_open: usize,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct Counts {
    pub suggestions_open: usize,
    pub petitions_open: usize,
    pub rectifications_open: usize,
    pub overdue: usize,
    pub due_soon: usize,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct Dashboard {
    pub today: NaiveDate,
    pub overdue: Vec<DueItem>,
    pub due_soon: Vec<DueItem>,
    pub awaiting_evaluation: Vec<DueItem>,
    pub promises: Vec<DueItem>,
    pub per_unit: Vec<UnitLoad>,
    pub within: i64,
    pub counts: Counts,
}

fn item(
    book: Book,
    id: i64,
    number: &str,
    title: &str,
    d: &Deadline,
    unit: Option<UnitRef>,
    key: bool,
) -> DueItem {
    DueItem {
        book,
        id,
        number: number.to_string(),
        title: title.to_string(),
        stage: d.stage.code(),
        stage_label: d.stage_label,
        due_date: Some(d.due.date),
        days_left: Some(d.days_left),
        overdue: d.overdue,
        unit,
        key_supervision: key,
        explanation: format!("{}（{}）", d.due.explanation, d.basis),
    }
}

/// Every running deadline of open cases, both books, most urgent first.
pub fn deadlines(conn: &Connection, today: NaiveDate) -> Result<Vec<DueItem>> {
    let n = Names::load(conn)?;
    let cal = HolidayCalendar::for_office(conn)?;
    let mut out = Vec::new();
    for c in suggestions::cases(
        conn,
        &suggestions::RowFilter {
            open_or_promised: true,
            ..Default::default()
        },
    )? {
        if let Some(d) = c.deadline(&cal, today)? {
            let unit = c.facts.lead_unit.map(|u| n.unit(u));
            out.push(item(
                Book::Suggestions,
                c.rec.id,
                &c.rec.number,
                &c.rec.subject,
                &d,
                unit,
                c.rec.key_supervision,
            ));
        }
    }
    for c in petitions::cases(
        conn,
        &petitions::RowFilter {
            open: Some(true),
            ..Default::default()
        },
    )? {
        if let Some(d) = c.deadline(&cal, today)? {
            let unit = c.facts.unit.map(|u| n.unit(u));
            out.push(item(
                Book::Petitions,
                c.rec.id,
                &c.rec.number,
                &c.rec.request,
                &d,
                unit,
                false,
            ));
        }
    }
    for x in crate::rectifications::open(conn, today)? {
        if let Some(d) = &x.deadline {
            out.push(rectification_item(&x, d));
        }
    }
    out.sort_by_key(|i| (i.due_date, i.id));
    Ok(out)
}

/// A review opinion's awaited report as a due item: the unit, what was found, the round.
fn rectification_item(x: &crate::rectifications::Rectification, d: &Deadline) -> DueItem {
    let mut it = item(
        Book::Rectifications,
        x.id,
        &x.number,
        &x.content,
        d,
        x.unit.clone(),
        false,
    );
    if x.rounds.len() > 1 {
        it.stage_label = "报送整改情况（再次整改）";
    }
    it
}

pub fn dashboard(conn: &Connection, today: NaiveDate, within: i64) -> Result<Dashboard> {
    if !(0..=366).contains(&within) {
        return Err(Error::validation(
            "within",
            format!("提前提醒天数 {within} 不在 0 到 366 之间，请核对"),
        ));
    }
    let n = Names::load(conn)?;
    let cal = HolidayCalendar::for_office(conn)?;
    let mut overdue = Vec::new();
    let mut due_soon = Vec::new();
    let mut awaiting = Vec::new();
    let mut promises = Vec::new();
    let mut units: BTreeMap<i64, UnitLoad> = BTreeMap::new();
    let mut load = |u: Option<i64>, book: Book, late: bool| {
        if let Some(u) = u {
            let e = units.entry(u).or_insert_with(|| UnitLoad {
                unit: n.unit(u),
                open: 0,
                late: 0,
                suggestions_open: 0,
                petitions_open: 0,
                rectifications_open: 0,
            });
            e.open += 1;
            e.late += usize::from(late);
            match book {
                Book::Suggestions => e.suggestions_open += 1,
                Book::Petitions => e.petitions_open += 1,
                Book::Rectifications => e.rectifications_open += 1,
            }
        }
    };
    let mut counts = Counts {
        suggestions_open: 0,
        petitions_open: 0,
        rectifications_open: 0,
        overdue: 0,
        due_soon: 0,
    };
    for c in suggestions::cases(
        conn,
        &suggestions::RowFilter {
            open_or_promised: true,
            ..Default::default()
        },
    )? {
        let f = &c.facts;
        let unit = f.lead_unit.map(|u| n.unit(u));
        if f.is_open() {
            counts.suggestions_open += 1;
        }
        let d = c.deadline(&cal, today)?;
        if let Some(d) = &d {
            let it = item(
                Book::Suggestions,
                c.rec.id,
                &c.rec.number,
                &c.rec.subject,
                d,
                unit.clone(),
                c.rec.key_supervision,
            );
            if d.overdue {
                overdue.push(it);
            } else if d.days_left <= within {
                due_soon.push(it);
            }
        }
        // A unit's open suggestions: those it leads or co-handles in the assignment in force,
        // as the list the row opens filters them (`SuggestionQuery::unit_id`).
        if f.is_open() && f.state != SuggestionState::Registered {
            let late = d.as_ref().is_some_and(|d| d.overdue);
            load(f.lead_unit, Book::Suggestions, late);
            for co in &f.co_units {
                load(Some(*co), Book::Suggestions, late);
            }
        }
        if f.state == SuggestionState::Replied {
            let since = f.replied_on.expect("replied has a date");
            awaiting.push(DueItem {
                book: Book::Suggestions,
                id: c.rec.id,
                number: c.rec.number.clone(),
                title: c.rec.subject.clone(),
                stage: "evaluation",
                stage_label: "待代表评价",
                due_date: None,
                days_left: None,
                overdue: false,
                unit: unit.clone(),
                key_supervision: c.rec.key_supervision,
                explanation: format!(
                    "{}答复，已等待 {} 天",
                    crate::dates::chinese(since),
                    (today - since).num_days()
                ),
            });
        }
        if let (Some(p), None) = (f.promised_on, f.promise_done_on) {
            let days = (p - today).num_days();
            promises.push(DueItem {
                book: Book::Suggestions,
                id: c.rec.id,
                number: c.rec.number.clone(),
                title: c.rec.subject.clone(),
                stage: "promise",
                stage_label: "承诺办结",
                due_date: Some(p),
                days_left: Some(days),
                overdue: days < 0,
                unit,
                key_supervision: c.rec.key_supervision,
                explanation: format!("承办单位承诺{}前办结", crate::dates::chinese(p)),
            });
        }
    }
    for c in petitions::cases(
        conn,
        &petitions::RowFilter {
            open: Some(true),
            ..Default::default()
        },
    )? {
        let f = &c.facts;
        if f.is_open() {
            counts.petitions_open += 1;
        }
        let d = c.deadline(&cal, today)?;
        if let Some(d) = &d {
            let it = item(
                Book::Petitions,
                c.rec.id,
                &c.rec.number,
                &c.rec.request,
                d,
                f.unit.map(|u| n.unit(u)),
                false,
            );
            if d.overdue {
                overdue.push(it);
            } else if d.days_left <= within {
                due_soon.push(it);
            }
        }
        if f.is_open() {
            load(
                f.unit,
                Book::Petitions,
                d.as_ref().is_some_and(|d| d.overdue),
            );
        }
    }
    // Review opinions: the report awaited is followed like a case's reply; one reported and
    // awaiting the presidium's assessment still counts as open for its unit.
    for x in crate::rectifications::open(conn, today)? {
        counts.rectifications_open += 1;
        let late = x.overdue;
        if let Some(d) = &x.deadline {
            let it = rectification_item(&x, d);
            if d.overdue {
                overdue.push(it);
            } else if d.days_left <= within {
                due_soon.push(it);
            }
        }
        load(x.unit.as_ref().map(|u| u.id), Book::Rectifications, late);
    }
    let by_due = |a: &DueItem, b: &DueItem| a.due_date.cmp(&b.due_date).then(a.id.cmp(&b.id));
    overdue.sort_by(by_due);
    due_soon.sort_by(by_due);
    promises.sort_by(by_due);
    counts.overdue = overdue.len();
    counts.due_soon = due_soon.len();
    let mut per_unit: Vec<UnitLoad> = units.into_values().collect();
    per_unit.sort_by(|a, b| {
        b.late
            .cmp(&a.late)
            .then(b.open.cmp(&a.open))
            .then(a.unit.id.cmp(&b.unit.id))
    });
    Ok(Dashboard {
        today,
        overdue,
        due_soon,
        awaiting_evaluation: awaiting,
        promises,
        per_unit,
        within,
        counts,
    })
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct DueChange {
    pub book: Book,
    pub id: i64,
    pub number: String,
    pub title: String,
    pub stage: DueStage,
    pub stage_label: &'static str,
    pub before: Option<NaiveDate>,
    pub after: Option<NaiveDate>,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct ProfileSwitchPreview {
    pub from: String,
    pub to: String,
    /// Open cases whose due date would move; empty unless `apply_to_open`.
    pub changes: Vec<DueChange>,
}

fn changes(conn: &Connection, to: &RuleProfile, today: NaiveDate) -> Result<Vec<DueChange>> {
    let cal = HolidayCalendar::for_office(conn)?;
    let mut out = due_changes::<suggestions::Case>(conn, to, &cal, today, Book::Suggestions)?;
    out.extend(due_changes::<petitions::Case>(
        conn,
        to,
        &cal,
        today,
        Book::Petitions,
    )?);
    Ok(out)
}

/// The open cases of one book whose due date would move if they ran under `to`.
fn due_changes<C: CaseBook>(
    conn: &Connection,
    to: &RuleProfile,
    cal: &HolidayCalendar,
    today: NaiveDate,
    book: Book,
) -> Result<Vec<DueChange>> {
    let mut out = Vec::new();
    for c in C::load_all(conn)? {
        if !c.is_open() || rules::of_case(c.profile_tag()).id == to.id {
            continue;
        }
        let before = c.deadline(cal, today)?;
        let after = c.deadline_under(to, cal, today)?;
        let (b, a) = (
            before.as_ref().map(|d| d.due.date),
            after.as_ref().map(|d| d.due.date),
        );
        let Some(stage) = after.as_ref().or(before.as_ref()).map(|d| d.stage) else {
            continue;
        };
        if b != a {
            out.push(DueChange {
                book,
                id: c.id(),
                number: c.record().label(),
                title: c.title(),
                stage,
                stage_label: stage.label(),
                before: b,
                after: a,
            });
        }
    }
    Ok(out)
}

/// What switching to `id` would change. New cases always take the office's profile; open cases
/// move only with `apply_to_open`.
pub fn preview_switch(
    conn: &Connection,
    id: &str,
    apply_to_open: bool,
    today: NaiveDate,
) -> Result<ProfileSwitchPreview> {
    let to = rules::get(id)?;
    Ok(ProfileSwitchPreview {
        from: rules::current(conn)?.id.clone(),
        to: to.id.clone(),
        changes: if apply_to_open {
            changes(conn, to, today)?
        } else {
            Vec::new()
        },
    })
}

/// Switches the office's profile (and, with `apply_to_open`, every open case's), recording the
/// switch and each moved case in the history. Closed cases keep the rules they ran under.
pub fn switch(
    store: &mut Store,
    stamp: &Stamp,
    id: &str,
    apply_to_open: bool,
) -> Result<ProfileSwitchPreview> {
    let today = stamp.today();
    store.write(|tx| {
        let preview = preview_switch(tx, id, apply_to_open, today)?;
        let to = rules::get(id)?;
        rules::set_current(tx, id)?;
        history::record(
            tx,
            stamp,
            Entity::Settings,
            0,
            Action::Update,
            Some(&json!({"rule_profile": preview.from})),
            Some(&json!({"rule_profile": preview.to})),
            &format!(
                "办理规则改为“{}”{}",
                to.name,
                if apply_to_open {
                    "，在办案件一并改用"
                } else {
                    "，只用于新登记的案件"
                }
            ),
        )?;
        if apply_to_open {
            let tag = to.tag();
            casebook::switch_open_cases::<suggestions::Case>(tx, stamp, &tag)?;
            casebook::switch_open_cases::<petitions::Case>(tx, stamp, &tag)?;
        }
        Ok(preview)
    })
}
