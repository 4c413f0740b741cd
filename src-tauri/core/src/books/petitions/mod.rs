//! The petitions book (人民来信来访记录簿): registration with sealed identity, the steps under
//! 《信访工作条例》, repeat detection, and the list with the deadline running now.
//!
//! Sealing: the petitioner's name, phone, address and ID number never leave this module in
//! clear except through [`reveal`], which records who looked and why. Lists, the detail view,
//! history snapshots and search all see the masked form only.
//!
//! The module's files: this one holds the book's types and what the book mechanism needs of it
//! ([`Book`], [`CaseBook`]); [`machine`] the steps and their rules; `read.rs` the record, the
//! filtered list and the views; `write.rs` registration with the sealed identity, edits, links,
//! reveals and steps; [`similar`] repeat detection; [`stats`] the figures.

pub mod machine;
mod read;
pub mod similar;
pub mod stats;
mod write;

use chrono::NaiveDate;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use crate::book::casebook::{self, CaseBook, CaseList, CaseStep};
use crate::book::Book;
use crate::calendar::HolidayCalendar;
use crate::dates::Minute;
use crate::deadline::{Deadline, DueStage};
use crate::history::{Entity, HistoryEntry};
use crate::idcard;
use crate::refs::{DeputyRef, Names};
use crate::rules::{self, RuleProfile};
use crate::units::{self, UnitRef};
use crate::vocab::*;
use crate::Result;
pub use machine::{Facts, Step};
pub use read::{case, cases, detail, get, list, projection_mismatches, record, RowFilter};
pub(crate) use read::{summary, sync_projection, view};
pub use write::{create, link, reveal, step, update, void, void_step};
pub(crate) use write::{create_in, step_in};

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, ts_rs::TS)]
#[ts(export)]
pub struct PetitionInput {
    pub channel: PetitionChannel,
    pub received_at: String,
    #[serde(default)]
    pub anonymous: bool,
    /// Identity fields: on update, None keeps the stored value, so a correction of the request
    /// or the category never needs the sealed identity unsealed. On create, None is empty.
    #[serde(default)]
    pub petitioner_name: Option<String>,
    #[serde(default)]
    pub sex: Option<Sex>,
    #[serde(default)]
    pub age: Option<i64>,
    #[serde(default)]
    pub address: Option<String>,
    #[serde(default)]
    pub phone: Option<String>,
    #[serde(default)]
    pub id_number: Option<String>,
    /// The other visitors of a group visit, by name when they give one (sealed like the
    /// petitioner's name). On update, None keeps the stored names, as for the identity fields.
    #[serde(default)]
    pub co_visitors: Option<Vec<String>>,
    #[serde(default = "one")]
    pub people_count: i64,
    pub request: String,
    #[serde(default)]
    pub facts: String,
    pub category: PetitionCategory,
    #[serde(default)]
    pub receiver: String,
    #[serde(default)]
    pub via_deputy_id: Option<i64>,
    #[serde(default)]
    pub proposed_handling: String,
    #[serde(default)]
    pub instruction: String,
    #[serde(default)]
    pub confidential: bool,
    #[serde(default)]
    pub link_ids: Vec<i64>,
}

fn one() -> i64 {
    1
}

/// Five or more people make a group visit (集体访).
pub const GROUP_VISIT: i64 = 5;

/// As stored. Identity fields are here in clear: never serialise this outside the module
/// (snapshots go through [`PetitionRecord::snapshot`]).
#[derive(Debug, Clone, PartialEq)]
pub struct PetitionRecord {
    pub id: i64,
    pub year: i32,
    pub seq: i64,
    pub number: String,
    pub channel: PetitionChannel,
    pub received_at: Minute,
    pub anonymous: bool,
    pub petitioner_name: String,
    pub sex: Option<Sex>,
    pub age: Option<i64>,
    pub address: String,
    pub phone: String,
    pub id_number: Option<String>,
    pub people_count: i64,
    pub request: String,
    pub facts: String,
    pub category: PetitionCategory,
    pub receiver: String,
    pub via_deputy_id: Option<i64>,
    pub proposed_handling: String,
    pub instruction: String,
    pub confidential: bool,
    pub profile: String,
    pub voided_at: Option<String>,
    pub void_reason: Option<String>,
    /// Sealed like the name.
    pub co_visitors: Vec<String>,
}

impl PetitionRecord {
    pub fn received_on(&self) -> NaiveDate {
        self.received_at.date()
    }
    pub fn masked_name(&self) -> String {
        if self.anonymous {
            "匿名".into()
        } else if self.confidential {
            "（保密）".into()
        } else {
            mask_name(&self.petitioner_name)
        }
    }
    /// The other visitors as they may be shown: each name masked, all sealed when confidential.
    pub fn masked_co_visitors(&self) -> Vec<String> {
        self.co_visitors
            .iter()
            .map(|n| {
                if self.confidential {
                    "（保密）".into()
                } else {
                    mask_name(n)
                }
            })
            .collect()
    }
    /// The history snapshot: every field, identity masked.
    pub fn snapshot(&self) -> Value {
        json!({
            "id": self.id, "number": self.number, "channel": self.channel,
            "received_at": self.received_at, "anonymous": self.anonymous,
            "petitioner_name": self.masked_name(), "sex": self.sex, "age": self.age,
            "address": mask_address(&self.address, self.confidential),
            "phone": mask_phone(&self.phone),
            "id_number": self.id_number.as_deref().map(idcard::mask),
            "people_count": self.people_count, "co_visitors": self.masked_co_visitors(),
            "request": self.request, "facts": self.facts,
            "category": self.category, "receiver": self.receiver, "via_deputy_id": self.via_deputy_id,
            "proposed_handling": self.proposed_handling, "instruction": self.instruction,
            "confidential": self.confidential, "voided_at": self.voided_at, "void_reason": self.void_reason,
        })
    }
}

/// "张**": the surname stays so the clerk can tell cases apart; the rest is sealed.
pub fn mask_name(name: &str) -> String {
    let mut chars = name.chars();
    match chars.next() {
        None => String::new(),
        Some(first) => format!("{first}{}", "*".repeat(chars.count().max(1))),
    }
}

/// "138****5678"
pub fn mask_phone(phone: &str) -> String {
    let chars: Vec<char> = phone.chars().collect();
    if chars.len() < 7 {
        return "*".repeat(chars.len());
    }
    let head: String = chars[..3].iter().collect();
    let tail: String = chars[chars.len() - 4..].iter().collect();
    format!("{head}{}{tail}", "*".repeat(chars.len() - 7))
}

/// The first three characters (the township or village) and no more.
pub fn mask_address(address: &str, confidential: bool) -> String {
    if address.is_empty() {
        return String::new();
    }
    if confidential {
        return "（保密）".into();
    }
    let head: String = address.chars().take(3).collect();
    format!("{head}****")
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct PetitionLink {
    pub id: i64,
    pub number: String,
    pub received_at: Minute,
    pub request: String,
    pub note: String,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct Petition {
    pub id: i64,
    pub number: String,
    pub year: i32,
    pub seq: i64,
    pub channel: PetitionChannel,
    pub received_at: Minute,
    pub anonymous: bool,
    pub petitioner: String,
    pub sex: Option<Sex>,
    pub age: Option<i64>,
    pub phone_masked: String,
    pub address_masked: String,
    pub id_number_masked: Option<String>,
    pub people_count: i64,
    /// The other visitors' names, masked.
    pub co_visitors: Vec<String>,
    pub group_visit: bool,
    pub request: String,
    pub facts: String,
    pub category: PetitionCategory,
    pub receiver: String,
    pub via_deputy: Option<DeputyRef>,
    pub proposed_handling: String,
    pub instruction: String,
    pub confidential: bool,
    pub archive_volume: String,
    pub profile: String,
    pub state: PetitionState,
    pub state_label: &'static str,
    pub unit: Option<UnitRef>,
    pub accepted_on: Option<NaiveDate>,
    pub replied_on: Option<NaiveDate>,
    pub resolved: Option<bool>,
    pub evaluation: Option<Satisfaction>,
    pub deadline: Option<Deadline>,
    pub linked: Vec<PetitionLink>,
    pub voided: bool,
    pub void_reason: Option<String>,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct PetitionIdentity {
    pub petitioner_name: String,
    pub co_visitors: Vec<String>,
    pub phone: String,
    pub address: String,
    pub id_number: String,
}

/// A stored step with who entered it.
pub type StoredStep = casebook::StoredStep<Step>;

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct PetitionStep {
    pub id: i64,
    pub petition_id: i64,
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
pub struct PetitionDetail {
    pub petition: Petition,
    pub steps: Vec<PetitionStep>,
    pub allowed: Vec<&'static str>,
    pub history: Vec<HistoryEntry>,
}

#[derive(Debug, Clone, Default, Deserialize, ts_rs::TS)]
#[ts(export, optional_fields = nullable)]
#[serde(default)]
pub struct PetitionQuery {
    pub search: Option<String>,
    pub year: Option<i32>,
    pub channel: Option<PetitionChannel>,
    pub category: Option<PetitionCategory>,
    pub state: Option<PetitionState>,
    pub unit_id: Option<i64>,
    pub group_visit: Option<bool>,
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

#[derive(Debug, Clone)]
pub struct Case {
    pub rec: PetitionRecord,
    pub steps: Vec<StoredStep>,
    pub facts: Facts,
    /// Earlier petitions this one is linked to.
    pub links: Vec<i64>,
}

impl Case {
    pub fn profile(&self) -> &'static RuleProfile {
        rules::of_case(&self.rec.profile)
    }
    pub fn deadline(&self, cal: &HolidayCalendar, today: NaiveDate) -> Result<Option<Deadline>> {
        deadline_of(&self.rec, &self.facts, self.profile(), cal, today)
    }
}

pub(crate) fn deadline_of(
    rec: &PetitionRecord,
    f: &Facts,
    profile: &RuleProfile,
    cal: &HolidayCalendar,
    today: NaiveDate,
) -> Result<Option<Deadline>> {
    let r = &profile.petition;
    Ok(match f.state {
        PetitionState::Registered => Some(Deadline::new(
            cal,
            DueStage::AcceptNotice,
            rec.received_on(),
            &r.accept_notice,
            None,
            today,
        )?),
        PetitionState::Accepted | PetitionState::Assigned => {
            let due = f.handle_due(r, cal)?.expect("accepted has a date");
            let mut d = Deadline::from_due(DueStage::Handle, r.handle.basis.clone(), due, today);
            d.extended = f.extension_days > 0;
            Some(d)
        }
        PetitionState::ReviewRequested => Some(Deadline::new(
            cal,
            DueStage::ReviewReply,
            f.review_requested_on.expect("has a date"),
            &r.review_reply,
            None,
            today,
        )?),
        PetitionState::ReReviewRequested => Some(Deadline::new(
            cal,
            DueStage::ReReviewReply,
            f.re_review_requested_on.expect("has a date"),
            &r.re_review_reply,
            None,
            today,
        )?),
        _ => None,
    })
}

impl Book for PetitionRecord {
    const ENTITY: Entity = Entity::Petition;
    const TABLE: &'static str = "petitions";
    const NAME: &'static str = "信访件";
    fn load(conn: &Connection, id: i64) -> Result<Self> {
        record(conn, id)
    }
    fn is_voided(&self) -> bool {
        self.voided_at.is_some()
    }
    fn snapshot(&self) -> Value {
        PetitionRecord::snapshot(self)
    }
    fn label(&self) -> String {
        self.number.clone()
    }
    fn value_label(field: &str, code: &str) -> Option<&'static str> {
        match field {
            "state" => PetitionState::from_code(code).map(|v| v.label()),
            "channel" => PetitionChannel::from_code(code).map(|v| v.label()),
            "category" => PetitionCategory::from_code(code).map(|v| v.label()),
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
    type Record = PetitionRecord;
    type Step = Step;
    type Facts = Facts;
    const STEPS: &'static str = "petition_steps";
    const CASE_COL: &'static str = "petition_id";
    const LIST: CaseList = CaseList {
        from: "petitions p",
        order: "p.received_at DESC, p.id DESC",
        open: read::OPEN_SQL,
    };
    fn id(&self) -> i64 {
        self.rec.id
    }
    fn record(&self) -> &PetitionRecord {
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
        let facts = machine::replay(self.rec.received_on(), steps, &profile.petition);
        deadline_of(&self.rec, &facts, profile, cal, today)
    }
    fn title(&self) -> String {
        self.rec.request.clone()
    }
    fn apply(&self, conn: &Connection, step: &Step) -> Result<Facts> {
        if let Step::Assign { unit_id, .. } = step {
            units::check_assignable(conn, *unit_id, "unit_id")?;
        }
        let mut facts = self.facts.clone();
        facts.apply(step, &self.profile().petition)?;
        Ok(facts)
    }
    fn sync_projection(conn: &Connection, id: i64) -> Result<()> {
        sync_projection(conn, id)
    }
    fn state(facts: &Facts) -> Value {
        json!({ "state": facts.state })
    }
    fn summary(&self, conn: &Connection, step: &Step) -> Result<String> {
        Ok(summary(&Names::load(conn)?, step))
    }
    fn action_label(step: &Step) -> &'static str {
        machine::action_label(step.action())
    }
}
