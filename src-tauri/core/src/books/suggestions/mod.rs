//! The suggestions book (代表议案和批评、建议、意见记录簿): registration, the state machine's steps,
//! the list with its filters, and the view with the deadline running now.
//!
//! A suggestion's number (term-session-sequence) is given by the app on registration and never
//! changes; its state is the replay of its steps ([`machine`]); its deadline is derived from the
//! steps, the rule profile it was registered under, and the office's holiday calendar.
//!
//! The module's files: this one holds the book's types and what the book mechanism needs of it
//! ([`Book`], [`CaseBook`]); [`machine`] the steps and their rules; `read.rs` the record, the
//! filtered list and the views; `write.rs` registration, edits and steps; [`stats`] the figures.

pub mod machine;
mod read;
pub mod stats;
mod write;

use chrono::NaiveDate;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use crate::book::casebook::{self, CaseBook, CaseList, CaseStep};
use crate::book::Book;
use crate::calendar::{HolidayCalendar, Period, Unit};
use crate::deadline::{Deadline, DueStage};
use crate::history::{Entity, HistoryEntry};
pub use crate::refs::DeputyRef;
pub(crate) use crate::refs::Names;
use crate::rules::{self, RuleProfile};
use crate::units::{self, UnitRef};
use crate::vocab::*;
use crate::Result;
pub use machine::{Facts, Step};
pub use read::{
    case, cases, detail, get, list, number_label, projection_mismatches, record, RowFilter,
};
pub(crate) use read::{summary, sync_projection};
pub use write::{assign_many, create, step, update, void, void_step};
pub(crate) use write::{create_in, step_in};

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, ts_rs::TS)]
#[ts(export)]
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
#[derive(Debug, Clone, Serialize, PartialEq, ts_rs::TS)]
#[ts(export)]
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

/// The suggestion as lists and the detail page show it.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
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
pub type StoredStep = casebook::StoredStep<Step>;

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
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

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct SuggestionDetail {
    pub suggestion: Suggestion,
    pub steps: Vec<SuggestionStep>,
    pub allowed: Vec<&'static str>,
    pub history: Vec<HistoryEntry>,
}

#[derive(Debug, Clone, Default, Deserialize, ts_rs::TS)]
#[ts(export, optional_fields = nullable)]
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
    #[ts(as = "Option<bool>", optional)]
    pub include_voided: bool,
    pub page: Option<usize>,
    pub page_size: Option<usize>,
}

#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
#[ts(export)]
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

fn snapshot(rec: &SuggestionRecord) -> Value {
    json!(rec)
}

impl Book for SuggestionRecord {
    const ENTITY: Entity = Entity::Suggestion;
    const TABLE: &'static str = "suggestions";
    const NAME: &'static str = "建议";
    fn load(conn: &Connection, id: i64) -> Result<Self> {
        record(conn, id)
    }
    fn is_voided(&self) -> bool {
        self.voided_at.is_some()
    }
    fn snapshot(&self) -> Value {
        snapshot(self)
    }
    fn label(&self) -> String {
        self.number.clone()
    }
    fn value_label(field: &str, code: &str) -> Option<&'static str> {
        match field {
            "state" => SuggestionState::from_code(code).map(|v| v.label()),
            "kind" => SuggestionKind::from_code(code).map(|v| v.label()),
            "category" => SuggestionCategory::from_code(code).map(|v| v.label()),
            _ => None,
        }
    }
}

impl CaseStep for Step {
    fn action(&self) -> &'static str {
        Step::action(self)
    }
    fn date(&self) -> NaiveDate {
        Step::date(self)
    }
}

impl CaseBook for Case {
    type Record = SuggestionRecord;
    type Step = Step;
    type Facts = Facts;
    const STEPS: &'static str = "suggestion_steps";
    const CASE_COL: &'static str = "suggestion_id";
    const LIST: CaseList = CaseList {
        from: "suggestions s",
        order: "s.received_on DESC, s.id DESC",
        open: read::OPEN_SQL,
    };
    fn id(&self) -> i64 {
        self.rec.id
    }
    fn record(&self) -> &SuggestionRecord {
        &self.rec
    }
    fn facts(&self) -> &Facts {
        &self.facts
    }
    fn live_steps(&self) -> &[StoredStep] {
        &self.steps
    }
    fn load(conn: &Connection, id: i64) -> Result<Self> {
        case(conn, id)
    }
    fn load_many(conn: &Connection, ids: Vec<i64>) -> Result<Vec<Self>> {
        cases(
            conn,
            &RowFilter {
                ids: Some(ids),
                include_voided: true,
                ..RowFilter::default()
            },
        )
    }
    fn load_all(conn: &Connection) -> Result<Vec<Self>> {
        cases(conn, &RowFilter::default())
    }
    fn is_open(&self) -> bool {
        self.facts.is_open()
    }
    fn profile_tag(&self) -> &str {
        &self.rec.profile
    }
    fn deadline(&self, cal: &HolidayCalendar, today: NaiveDate) -> Result<Option<Deadline>> {
        deadline_of(&self.rec, &self.facts, self.profile(), cal, today)
    }
    fn deadline_under(
        &self,
        profile: &RuleProfile,
        cal: &HolidayCalendar,
        today: NaiveDate,
    ) -> Result<Option<Deadline>> {
        let steps = self.steps.iter().map(|s| &s.step);
        let facts = machine::replay(self.rec.received_on, steps, &profile.suggestion);
        deadline_of(&self.rec, &facts, profile, cal, today)
    }
    fn title(&self) -> String {
        self.rec.subject.clone()
    }
    fn apply(&self, conn: &Connection, step: &Step) -> Result<Facts> {
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
        let mut facts = self.facts.clone();
        facts.apply(step, &self.profile().suggestion)?;
        Ok(facts)
    }
    fn sync_projection(conn: &Connection, id: i64) -> Result<()> {
        sync_projection(conn, id)
    }
    fn state(facts: &Facts) -> Value {
        json!({ "state": facts.state })
    }
    fn summary(&self, conn: &Connection, step: &Step) -> Result<String> {
        Ok(summary(&Names::load(conn)?, self.profile(), step))
    }
    fn action_label(step: &Step) -> &'static str {
        machine::action_label(step.action())
    }
}
