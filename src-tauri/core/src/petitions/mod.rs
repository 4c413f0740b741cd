//! The petitions book (人民来信来访记录簿): registration with sealed identity, the steps under
//! 《信访工作条例》, repeat detection, and the list with the deadline running now.
//!
//! Sealing: the petitioner's name, phone, address and ID number never leave this module in
//! clear except through [`reveal`], which records who looked and why. Lists, the detail view,
//! history snapshots and search all see the masked form only.

pub mod machine;
pub mod similar;
pub mod stats;

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::types::Value as SqlValue;
use rusqlite::{params, params_from_iter, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use std::collections::HashMap;

use crate::calendar::HolidayCalendar;
use crate::deadline::{Deadline, DueStage};
use crate::history::{self, Action, HistoryEntry, Stamp};
use crate::idcard::{self, IdNumber};
use crate::ledger;
use crate::rules::{self, RuleProfile};
use crate::store::{Page, Where};
use crate::suggestions::{DeputyRef, Names};
use crate::units::{self, UnitRef};
use crate::vocab::*;
use crate::{casebook, dates, names, Error, Result, Store};
pub use machine::{Facts, Step};

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
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
    pub received_at: String,
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
}

impl PetitionRecord {
    pub fn received_on(&self) -> NaiveDate {
        NaiveDate::parse_from_str(&self.received_at[..10], "%Y-%m-%d")
            .expect("stored dates are valid")
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
    /// The history snapshot: every field, identity masked.
    pub fn snapshot(&self) -> Value {
        json!({
            "id": self.id, "number": self.number, "channel": self.channel,
            "received_at": self.received_at, "anonymous": self.anonymous,
            "petitioner_name": self.masked_name(), "sex": self.sex, "age": self.age,
            "address": mask_address(&self.address, self.confidential),
            "phone": mask_phone(&self.phone),
            "id_number": self.id_number.as_deref().map(idcard::mask),
            "people_count": self.people_count, "request": self.request, "facts": self.facts,
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

#[derive(Debug, Clone, Serialize)]
pub struct PetitionLink {
    pub id: i64,
    pub number: String,
    pub received_at: String,
    pub request: String,
    pub note: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Petition {
    pub id: i64,
    pub number: String,
    pub year: i32,
    pub seq: i64,
    pub channel: PetitionChannel,
    pub received_at: String,
    pub anonymous: bool,
    pub petitioner: String,
    pub sex: Option<Sex>,
    pub age: Option<i64>,
    pub phone_masked: String,
    pub address_masked: String,
    pub id_number_masked: Option<String>,
    pub people_count: i64,
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

#[derive(Debug, Clone, Serialize)]
pub struct PetitionIdentity {
    pub petitioner_name: String,
    pub phone: String,
    pub address: String,
    pub id_number: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct StoredStep {
    pub id: i64,
    pub petition_id: i64,
    pub step: Step,
    pub actor: String,
    pub at: String,
    pub void_reason: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
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

#[derive(Debug, Clone, Serialize)]
pub struct PetitionDetail {
    pub petition: Petition,
    pub steps: Vec<PetitionStep>,
    pub allowed: Vec<&'static str>,
    pub history: Vec<HistoryEntry>,
}

#[derive(Debug, Clone, Default, Deserialize)]
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

const COLUMNS: &str =
    "id, year, seq, number, channel, received_at, anonymous, petitioner_name, sex, age,
    address, phone, id_number, people_count, request, facts, category, receiver, via_deputy_id,
    proposed_handling, instruction, confidential, profile, voided_at, void_reason";

fn from_row(r: &Row) -> rusqlite::Result<PetitionRecord> {
    Ok(PetitionRecord {
        id: r.get(0)?,
        year: r.get(1)?,
        seq: r.get(2)?,
        number: r.get(3)?,
        channel: r.get(4)?,
        received_at: r.get(5)?,
        anonymous: r.get(6)?,
        petitioner_name: r.get(7)?,
        sex: r.get(8)?,
        age: r.get(9)?,
        address: r.get(10)?,
        phone: r.get(11)?,
        id_number: r.get(12)?,
        people_count: r.get(13)?,
        request: r.get(14)?,
        facts: r.get(15)?,
        category: r.get(16)?,
        receiver: r.get(17)?,
        via_deputy_id: r.get(18)?,
        proposed_handling: r.get(19)?,
        instruction: r.get(20)?,
        confidential: r.get(21)?,
        profile: r.get(22)?,
        voided_at: r.get(23)?,
        void_reason: r.get(24)?,
    })
}

fn step_from_row(r: &Row) -> rusqlite::Result<(StoredStep, bool)> {
    let detail: String = r.get(2)?;
    let step: Step = serde_json::from_str(&detail).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(2, rusqlite::types::Type::Text, Box::new(e))
    })?;
    let voided_at: Option<String> = r.get(5)?;
    Ok((
        StoredStep {
            id: r.get(0)?,
            petition_id: r.get(1)?,
            step,
            actor: r.get(3)?,
            at: r.get(4)?,
            void_reason: r.get(6)?,
        },
        voided_at.is_some(),
    ))
}

pub fn record(conn: &Connection, id: i64) -> Result<PetitionRecord> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM petitions WHERE id = ?1"),
        [id],
        from_row,
    )
    .optional()?
    .ok_or(Error::NotFound {
        what: "信访件", id
    })
}

fn steps_of(conn: &Connection, id: i64) -> Result<Vec<(StoredStep, bool)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, petition_id, detail, actor, at, voided_at, void_reason FROM petition_steps
         WHERE petition_id = ?1 ORDER BY id",
    )?;
    let rows = stmt
        .query_map([id], step_from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

fn links_of(conn: &Connection, id: i64) -> Result<Vec<(i64, String)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT earlier_id, note FROM petition_links WHERE petition_id = ?1
         UNION SELECT petition_id, note FROM petition_links WHERE earlier_id = ?1",
    )?;
    let rows = stmt
        .query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

pub fn case(conn: &Connection, id: i64) -> Result<Case> {
    let rec = record(conn, id)?;
    let steps: Vec<StoredStep> = steps_of(conn, id)?
        .into_iter()
        .filter(|(_, v)| !v)
        .map(|(s, _)| s)
        .collect();
    let facts = machine::replay(
        rec.received_on(),
        steps.iter().map(|s| &s.step),
        &rules::of_case(&rec.profile).petition,
    );
    let links = links_of(conn, id)?.into_iter().map(|l| l.0).collect();
    Ok(Case {
        rec,
        steps,
        facts,
        links,
    })
}

#[derive(Debug, Clone, Default)]
pub struct RowFilter {
    pub year: Option<i32>,
    pub channel: Option<PetitionChannel>,
    pub category: Option<PetitionCategory>,
    pub group_visit: Option<bool>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub ids: Option<Vec<i64>>,
    pub include_voided: bool,
    pub state: Option<PetitionState>,
    pub open: Option<bool>,
    pub unit_id: Option<i64>,
    /// Text in number, request, facts or receiver; or one of these units.
    pub search: Option<(String, Vec<i64>)>,
}

/// The states in which the office or a unit still has to act.
const OPEN_SQL: &str =
    "p.state IN ('registered', 'accepted', 'assigned', 'review_requested', 're_review_requested')";

impl RowFilter {
    fn sql(&self) -> (String, Vec<SqlValue>) {
        let mut w = Where::default();
        if let Some(y) = self.year {
            w.and_with("p.year = ?", y as i64);
        }
        if let Some(c) = self.channel {
            w.and_with("p.channel = ?", c.code().to_string());
        }
        if let Some(c) = self.category {
            w.and_with("p.category = ?", c.code().to_string());
        }
        if let Some(g) = self.group_visit {
            w.and(if g {
                format!("p.people_count >= {GROUP_VISIT}")
            } else {
                format!("p.people_count < {GROUP_VISIT}")
            });
        }
        if let Some(f) = self.from {
            w.and_with("p.received_at >= ?", f.to_string());
        }
        if let Some(t) = self.to {
            w.and_with("substr(p.received_at, 1, 10) <= ?", t.to_string());
        }
        if !self.include_voided {
            w.and("p.voided_at IS NULL");
        }
        if let Some(ids) = &self.ids {
            let list: Vec<String> = ids.iter().map(|i| i.to_string()).collect();
            w.and(format!("p.id IN ({})", list.join(",")));
        }
        if let Some(st) = self.state {
            w.and_with("p.state = ?", st.code().to_string());
        }
        match self.open {
            Some(true) => w.and(OPEN_SQL),
            Some(false) => w.and(format!("NOT ({OPEN_SQL})")),
            None => {}
        }
        if let Some(u) = self.unit_id {
            w.and_with("p.unit_id = ?", u);
        }
        if let Some((text, units)) = &self.search {
            let like = format!("%{}%", text.replace(['%', '_'], ""));
            let units: Vec<String> = units.iter().map(|i| i.to_string()).collect();
            w.and_with(&format!(
                    "(p.number LIKE ? OR p.request LIKE ? OR p.facts LIKE ? OR p.receiver LIKE ? OR p.unit_id IN ({}))",
                    units.join(",")
                ),
                like);
        }
        w.into_parts()
    }
}

pub fn cases(conn: &Connection, filter: &RowFilter) -> Result<Vec<Case>> {
    let (cond, p) = filter.sql();
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM petitions p WHERE {cond} ORDER BY p.received_at DESC, p.id DESC"
    ))?;
    let recs = stmt
        .query_map(params_from_iter(p.iter()), from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut steps: HashMap<i64, Vec<StoredStep>> = HashMap::new();
    let mut stmt = conn.prepare(&format!(
        "WITH picked AS MATERIALIZED (SELECT p.id FROM petitions p WHERE {cond})
         SELECT t.id, t.petition_id, t.detail, t.actor, t.at, t.voided_at, t.void_reason
         FROM petition_steps t JOIN picked ON picked.id = t.petition_id
         WHERE t.voided_at IS NULL ORDER BY t.id"
    ))?;
    for row in stmt.query_map(params_from_iter(p.iter()), step_from_row)? {
        let (s, _) = row?;
        steps.entry(s.petition_id).or_default().push(s);
    }
    let mut links: HashMap<i64, Vec<i64>> = HashMap::new();
    let mut stmt = conn.prepare_cached("SELECT petition_id, earlier_id FROM petition_links")?;
    for row in stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?)))? {
        let (a, b) = row?;
        links.entry(a).or_default().push(b);
        links.entry(b).or_default().push(a);
    }
    Ok(recs
        .into_iter()
        .map(|rec| {
            let steps = steps.remove(&rec.id).unwrap_or_default();
            let facts = machine::replay(
                rec.received_on(),
                steps.iter().map(|s| &s.step),
                &rules::of_case(&rec.profile).petition,
            );
            let links = links.get(&rec.id).cloned().unwrap_or_default();
            Case {
                rec,
                steps,
                facts,
                links,
            }
        })
        .collect())
}

pub(crate) fn view(
    conn: &Connection,
    n: &Names,
    c: &Case,
    cal: &HolidayCalendar,
    today: NaiveDate,
    with_links: bool,
) -> Result<Petition> {
    let rec = &c.rec;
    let f = &c.facts;
    let voided = rec.voided_at.is_some();
    let linked = if with_links {
        let mut out = Vec::new();
        for (id, note) in links_of(conn, rec.id)? {
            let o = record(conn, id)?;
            out.push(PetitionLink {
                id,
                number: o.number,
                received_at: o.received_at,
                request: o.request,
                note,
            });
        }
        out
    } else {
        Vec::new()
    };
    Ok(Petition {
        id: rec.id,
        number: rec.number.clone(),
        year: rec.year,
        seq: rec.seq,
        channel: rec.channel,
        received_at: rec.received_at.clone(),
        anonymous: rec.anonymous,
        petitioner: rec.masked_name(),
        sex: rec.sex,
        age: rec.age,
        phone_masked: mask_phone(&rec.phone),
        address_masked: mask_address(&rec.address, rec.confidential),
        id_number_masked: rec.id_number.as_deref().map(|i| {
            if rec.confidential {
                "（保密）".into()
            } else {
                idcard::mask(i)
            }
        }),
        people_count: rec.people_count,
        group_visit: rec.people_count >= GROUP_VISIT,
        request: rec.request.clone(),
        facts: rec.facts.clone(),
        category: rec.category,
        receiver: rec.receiver.clone(),
        via_deputy: rec.via_deputy_id.map(|i| n.deputy(i)),
        proposed_handling: rec.proposed_handling.clone(),
        instruction: rec.instruction.clone(),
        confidential: rec.confidential,
        archive_volume: f.archive_volume.clone().unwrap_or_default(),
        profile: rec.profile.clone(),
        state: f.state,
        state_label: f.state.label(),
        unit: f.unit.map(|u| n.unit(u)),
        accepted_on: f.accepted_on,
        replied_on: f.replied_on,
        resolved: f.resolved,
        evaluation: f.evaluation,
        deadline: if voided {
            None
        } else {
            c.deadline(cal, today)?
        },
        linked,
        voided,
        void_reason: rec.void_reason.clone(),
    })
}

/// The list, filtered, ordered and paged in SQL on the projection columns (never on the sealed
/// identity); only the page's cases are replayed, and for "overdue" the open ones.
pub fn list(conn: &Connection, q: &PetitionQuery, today: NaiveDate) -> Result<Page<Petition>> {
    let n = Names::load(conn)?;
    let cal = HolidayCalendar::for_office(conn)?;
    let search = q
        .search
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|text| {
            let units = n
                .units
                .iter()
                .filter(|(_, name)| name.contains(text))
                .map(|(id, _)| *id)
                .collect();
            (text.to_string(), units)
        });
    let filter = RowFilter {
        year: q.year,
        channel: q.channel,
        category: q.category,
        group_visit: q.group_visit,
        from: q.from,
        to: q.to,
        ids: q.ids.clone(),
        include_voided: q.include_voided,
        state: q.state,
        open: q.open,
        unit_id: q.unit_id,
        search,
    };
    let page = q.page.unwrap_or(1).max(1);
    let page_size = q.page_size.unwrap_or(20).clamp(1, 500);
    let (cond, p) = filter.sql();
    let book = casebook::Book {
        from: "petitions p",
        order: "p.received_at DESC, p.id DESC",
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
        .map(|c| view(conn, &n, &c, &cal, today, false))
        .collect::<Result<Vec<_>>>()?;
    Ok(Page {
        items,
        total,
        page,
        page_size,
    })
}

/// Cases whose stored state columns disagree with the replay of their steps.
pub fn projection_mismatches(conn: &Connection) -> Result<Vec<i64>> {
    let mut stmt = conn.prepare("SELECT id, state, unit_id FROM petitions")?;
    let stored: HashMap<i64, (String, Option<i64>)> = stmt
        .query_map([], |r| Ok((r.get(0)?, (r.get(1)?, r.get(2)?))))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(cases(
        conn,
        &RowFilter {
            include_voided: true,
            ..RowFilter::default()
        },
    )?
    .into_iter()
    .filter(|c| stored.get(&c.rec.id) != Some(&(c.facts.state.code().to_string(), c.facts.unit)))
    .map(|c| c.rec.id)
    .collect())
}

pub(crate) fn sync_projection(conn: &Connection, id: i64) -> Result<()> {
    let c = case(conn, id)?;
    conn.execute(
        "UPDATE petitions SET state = ?2, unit_id = ?3 WHERE id = ?1",
        params![id, c.facts.state, c.facts.unit],
    )?;
    Ok(())
}

pub fn get(conn: &Connection, id: i64, today: NaiveDate) -> Result<Petition> {
    let c = case(conn, id)?;
    view(
        conn,
        &Names::load(conn)?,
        &c,
        &HolidayCalendar::for_office(conn)?,
        today,
        true,
    )
}

pub fn detail(conn: &Connection, id: i64, today: NaiveDate) -> Result<PetitionDetail> {
    let c = case(conn, id)?;
    let n = Names::load(conn)?;
    let petition = view(
        conn,
        &n,
        &c,
        &HolidayCalendar::for_office(conn)?,
        today,
        true,
    )?;
    let last_live = c.steps.last().map(|s| s.id);
    let case_live = c.rec.voided_at.is_none();
    let steps = steps_of(conn, id)?
        .into_iter()
        .map(|(s, voided)| PetitionStep {
            id: s.id,
            petition_id: s.petition_id,
            action: s.step.action(),
            action_label: machine::action_label(s.step.action()),
            date: s.step.date(),
            detail: json!(s.step),
            summary: summary(&n, &s.step),
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
        c.facts.allowed(&c.profile().petition)
    };
    let history = history::list(conn, Some("petition"), Some(id), 1, 200)?.items;
    Ok(PetitionDetail {
        petition,
        steps,
        allowed,
        history,
    })
}

pub(crate) fn summary(n: &Names, step: &Step) -> String {
    let opt = |s: &str| {
        if s.trim().is_empty() {
            String::new()
        } else {
            format!("：{}", s.trim())
        }
    };
    match step {
        Step::Accept { note, .. } => format!("告知信访人已受理{}", opt(note)),
        Step::Decline { reason, .. } => format!("告知信访人不予受理：{reason}"),
        Step::Assign { unit_id, note, .. } => {
            format!("交办 {}{}", n.unit(*unit_id).name, opt(note))
        }
        Step::Extend {
            days,
            approver,
            reason,
            told_on,
            ..
        } => format!(
            "延期 {days} 日，{approver}批准：{reason}；{}告知信访人",
            dates::chinese(*told_on)
        ),
        Step::Reply {
            manner,
            result,
            resolved,
            ..
        } => format!(
            "{}：{}（{}）",
            manner.label(),
            result,
            if *resolved {
                "问题已解决"
            } else {
                "问题未解决"
            }
        ),
        Step::ReviewRequest { note, .. } => format!("信访人申请复查{}", opt(note)),
        Step::ReviewReply { result, .. } => format!("复查意见：{result}"),
        Step::ReReviewRequest { note, .. } => format!("信访人申请复核{}", opt(note)),
        Step::ReReviewReply { result, .. } => format!("复核意见：{result}"),
        Step::ReturnVisit {
            evaluation, note, ..
        } => format!("回访，信访人评价：{}{}", evaluation.label(), opt(note)),
        Step::Archive { volume, .. } => format!("归档，卷号 {volume}"),
    }
}

/// "2024-03-20 09:30" (or a date alone, taken as 00:00).
fn parse_received_at(text: &str) -> Result<NaiveDateTime> {
    let t = dates::normalize_width(text.trim()).replace('T', " ");
    NaiveDateTime::parse_from_str(&t, "%Y-%m-%d %H:%M")
        .or_else(|_| NaiveDateTime::parse_from_str(&t, "%Y-%m-%d %H:%M:%S"))
        .or_else(|_| {
            NaiveDate::parse_from_str(&t, "%Y-%m-%d")
                .map(|d| d.and_hms_opt(0, 0, 0).expect("midnight"))
        })
        .map_err(|_| {
            Error::validation(
                "received_at",
                format!("收到时间“{text}”格式不对，应为 2024-03-20 09:30"),
            )
        })
}

/// The identity a write will store: what the input gives, else (on update) what is stored.
struct Identity {
    name: String,
    phone: String,
    address: String,
    id_number: String,
}

impl Identity {
    fn of(input: &PetitionInput, stored: Option<&PetitionRecord>) -> Identity {
        let pick = |given: &Option<String>, kept: Option<&str>| {
            given
                .clone()
                .unwrap_or_else(|| kept.unwrap_or_default().to_string())
        };
        Identity {
            name: pick(
                &input.petitioner_name,
                stored.map(|r| r.petitioner_name.as_str()),
            ),
            phone: pick(&input.phone, stored.map(|r| r.phone.as_str())),
            address: pick(&input.address, stored.map(|r| r.address.as_str())),
            id_number: pick(
                &input.id_number,
                stored.and_then(|r| r.id_number.as_deref()),
            ),
        }
    }
}

fn phone_ok(phone: &str) -> bool {
    phone
        .chars()
        .all(|c| c.is_ascii_digit() || "-+ ()".contains(c))
        && (7..=20).contains(&phone.len())
}

struct Valid {
    received_at: NaiveDateTime,
    name: String,
    id_number: Option<String>,
}

fn validate(
    conn: &Connection,
    input: &PetitionInput,
    ident: &Identity,
    today: NaiveDate,
) -> Result<Valid> {
    let received_at = parse_received_at(&input.received_at)?;
    if received_at.date() > today {
        return Err(Error::validation("received_at", "收到时间不能晚于今天"));
    }
    let name = names::clean(&ident.name);
    if !input.anonymous {
        if name.is_empty() {
            return Err(Error::validation(
                "petitioner_name",
                "请填写信访人姓名；不愿留名的，请勾选“匿名”",
            ));
        }
        if name.chars().count() > 30 || name.chars().any(|c| c.is_ascii_digit()) {
            return Err(Error::validation(
                "petitioner_name",
                "信访人姓名不能超过 30 个字，也不能有数字",
            ));
        }
    }
    if input.age.is_some_and(|a| !(0..=120).contains(&a)) {
        return Err(Error::validation("age", "年龄应在 0 到 120 之间"));
    }
    let phone = ident.phone.trim();
    if !phone.is_empty() && !phone_ok(phone) {
        return Err(Error::validation(
            "phone",
            format!("联系电话“{phone}”格式不对：只能有数字和短横线，7 到 20 位"),
        ));
    }
    let id_number = match ident.id_number.trim() {
        "" => None,
        t => Some(IdNumber::parse(t)?.as_str().to_string()),
    };
    if !(1..=10_000).contains(&input.people_count) {
        return Err(Error::validation(
            "people_count",
            "人数应在 1 到 10000 之间",
        ));
    }
    let request = input.request.trim();
    if request.is_empty() {
        return Err(Error::validation("request", "请填写信访诉求"));
    }
    if request.chars().count() > 5000 {
        return Err(Error::validation("request", "诉求不能超过 5000 字"));
    }
    if input.receiver.trim().chars().count() > 30 {
        return Err(Error::validation("receiver", "接待人不能超过 30 个字"));
    }
    match input.via_deputy_id {
        Some(d) => {
            let rec = crate::roster::deputy::record(conn, d)
                .map_err(|_| Error::validation("via_deputy_id", "所选代表不存在"))?;
            if rec.voided_at.is_some() {
                return Err(Error::validation("via_deputy_id", "所选代表的登记已作废"));
            }
        }
        None if input.channel == PetitionChannel::DeputyReferral => {
            return Err(Error::validation(
                "via_deputy_id",
                "代表转交的信访件，请选择转交的代表",
            ));
        }
        None => {}
    }
    Ok(Valid {
        received_at,
        name: if input.anonymous { String::new() } else { name },
        id_number,
    })
}

fn add_link(conn: &Connection, stamp: &Stamp, id: i64, other: i64, note: &str) -> Result<()> {
    if other == id {
        return Err(Error::validation("link_ids", "不能与自身关联"));
    }
    let o =
        record(conn, other).map_err(|_| Error::validation("link_ids", "要关联的信访件不存在"))?;
    let exists: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM petition_links WHERE (petition_id = ?1 AND earlier_id = ?2) OR (petition_id = ?2 AND earlier_id = ?1))",
        params![id, other],
        |r| r.get(0),
    )?;
    if exists {
        return Ok(());
    }
    conn.execute(
        "INSERT INTO petition_links (petition_id, earlier_id, note, actor, at) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![id, other, note.trim(), stamp.actor, stamp.at_text()],
    )?;
    history::record(
        conn,
        stamp,
        "petition",
        id,
        Action::Update,
        None,
        Some(&json!({"linked": o.number})),
        &format!(
            "关联信访件{}{}",
            o.number,
            if note.trim().is_empty() {
                String::new()
            } else {
                format!("：{}", note.trim())
            }
        ),
    )
}

pub fn create(store: &mut Store, stamp: &Stamp, input: &PetitionInput) -> Result<Petition> {
    let id = store.write(|tx| create_in(tx, stamp, input))?;
    get(store.conn(), id, stamp.today())
}

pub(crate) fn create_in(conn: &Connection, stamp: &Stamp, input: &PetitionInput) -> Result<i64> {
    use chrono::Datelike;
    let ident = Identity::of(input, None);
    let v = validate(conn, input, &ident, stamp.today())?;
    let year = v.received_at.year();
    let seq: i64 = conn.query_row(
        "SELECT COALESCE(MAX(seq), 0) + 1 FROM petitions WHERE year = ?1",
        [year],
        |r| r.get(0),
    )?;
    let number = format!("信访〔{year}〕第{seq}号");
    conn.execute(
        "INSERT INTO petitions (year, seq, number, channel, received_at, anonymous, petitioner_name, sex, age,
            address, phone, id_number, people_count, request, facts, category, receiver, via_deputy_id,
            proposed_handling, instruction, confidential, profile)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22)",
        params![
            year,
            seq,
            number,
            input.channel,
            v.received_at.format("%Y-%m-%d %H:%M").to_string(),
            input.anonymous,
            v.name,
            input.sex,
            input.age,
            ident.address.trim(),
            ident.phone.trim(),
            v.id_number,
            input.people_count,
            input.request.trim(),
            input.facts.trim(),
            input.category,
            input.receiver.trim(),
            input.via_deputy_id,
            input.proposed_handling.trim(),
            input.instruction.trim(),
            input.confidential,
            rules::current(conn)?.tag()
        ],
    )?;
    let id = conn.last_insert_rowid();
    let rec = record(conn, id)?;
    history::record(
        conn,
        stamp,
        "petition",
        id,
        Action::Create,
        None,
        Some(&rec.snapshot()),
        "",
    )?;
    for other in &input.link_ids {
        add_link(conn, stamp, id, *other, "登记时关联")?;
    }
    Ok(id)
}

pub fn update(
    store: &mut Store,
    stamp: &Stamp,
    id: i64,
    input: &PetitionInput,
) -> Result<Petition> {
    store.write(|tx| {
        let before = record(tx, id)?;
        if before.voided_at.is_some() {
            return Err(Error::InvalidTransition("已作废的信访件不能修改".into()));
        }
        let ident = Identity::of(input, Some(&before));
        let v = validate(tx, input, &ident, stamp.today())?;
        if chrono::Datelike::year(&v.received_at) != before.year {
            return Err(Error::validation(
                "received_at",
                format!("编号{}已按年份生成，收到时间不能改到其他年份；如登记错了，请作废后重新登记", before.number),
            ));
        }
        let first_step: Option<String> = tx.query_row(
            "SELECT min(date) FROM petition_steps WHERE petition_id = ?1 AND voided_at IS NULL",
            [id],
            |r| r.get(0),
        )?;
        if first_step.is_some_and(|d| d < v.received_at.date().to_string()) {
            return Err(Error::validation("received_at", "收到时间不能晚于已登记的办理环节"));
        }
        tx.execute(
            "UPDATE petitions SET channel = ?2, received_at = ?3, anonymous = ?4, petitioner_name = ?5, sex = ?6,
                age = ?7, address = ?8, phone = ?9, id_number = ?10, people_count = ?11, request = ?12, facts = ?13,
                category = ?14, receiver = ?15, via_deputy_id = ?16, proposed_handling = ?17, instruction = ?18,
                confidential = ?19 WHERE id = ?1",
            params![
                id,
                input.channel,
                v.received_at.format("%Y-%m-%d %H:%M").to_string(),
                input.anonymous,
                v.name,
                input.sex,
                input.age,
                ident.address.trim(),
                ident.phone.trim(),
                v.id_number,
                input.people_count,
                input.request.trim(),
                input.facts.trim(),
                input.category,
                input.receiver.trim(),
                input.via_deputy_id,
                input.proposed_handling.trim(),
                input.instruction.trim(),
                input.confidential
            ],
        )?;
        let after = record(tx, id)?;
        if after != before {
            history::record(tx, stamp, "petition", id, Action::Update, Some(&before.snapshot()), Some(&after.snapshot()), "")?;
        }
        for other in &input.link_ids {
            add_link(tx, stamp, id, *other, "")?;
        }
        Ok(())
    })?;
    get(store.conn(), id, stamp.today())
}

pub fn void(store: &mut Store, stamp: &Stamp, id: i64, reason: &str) -> Result<Petition> {
    ledger::void::<PetitionRecord>(store, stamp, id, reason)?;
    get(store.conn(), id, stamp.today())
}

impl ledger::Entry for PetitionRecord {
    const TABLE: &'static str = "petitions";
    const ENTITY: &'static str = "petition";
    const ALREADY_VOID: &'static str = "该信访件已经作废";
    fn load(conn: &Connection, id: i64) -> Result<Self> {
        record(conn, id)
    }
    fn is_voided(&self) -> bool {
        self.voided_at.is_some()
    }
    fn snapshot(&self) -> Value {
        PetitionRecord::snapshot(self)
    }
}

pub fn link(
    store: &mut Store,
    stamp: &Stamp,
    id: i64,
    other: i64,
    note: &str,
) -> Result<PetitionDetail> {
    store.write(|tx| {
        record(tx, id)?;
        add_link(tx, stamp, id, other, note)
    })?;
    detail(store.conn(), id, stamp.today())
}

/// The petitioner's identity in clear, recorded in the history with who looked and why.
pub fn reveal(store: &mut Store, stamp: &Stamp, id: i64, reason: &str) -> Result<PetitionIdentity> {
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(Error::validation(
            "reason",
            "请填写查看信访人身份信息的原因（将记入操作记录）",
        ));
    }
    store.write(|tx| {
        let rec = record(tx, id)?;
        history::record(
            tx,
            stamp,
            "petition",
            id,
            Action::Reveal,
            None,
            None,
            &format!("查看信访人身份信息：{reason}"),
        )?;
        Ok(PetitionIdentity {
            petitioner_name: rec.petitioner_name,
            phone: rec.phone,
            address: rec.address,
            id_number: rec.id_number.unwrap_or_default(),
        })
    })
}

pub fn step(store: &mut Store, stamp: &Stamp, id: i64, step: &Step) -> Result<PetitionDetail> {
    store.write(|tx| step_in(tx, stamp, id, step))?;
    detail(store.conn(), id, stamp.today())
}

pub(crate) fn step_in(conn: &Connection, stamp: &Stamp, id: i64, step: &Step) -> Result<()> {
    let c = case(conn, id)?;
    if c.rec.voided_at.is_some() {
        return Err(Error::InvalidTransition(format!(
            "信访件{}已作废，不能再办理",
            c.rec.number
        )));
    }
    if step.date() > stamp.today() {
        return Err(Error::validation("date", "日期不能晚于今天"));
    }
    if let Step::Assign { unit_id, .. } = step {
        units::check_assignable(conn, *unit_id, "unit_id")?;
    }
    let mut facts = c.facts.clone();
    facts.apply(step, &c.profile().petition)?;
    conn.execute(
        "INSERT INTO petition_steps (petition_id, action, date, detail, actor, at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            id,
            step.action(),
            step.date().to_string(),
            serde_json::to_string(step).expect("steps serialise"),
            stamp.actor,
            stamp.at_text()
        ],
    )?;
    sync_projection(conn, id)?;
    let n = Names::load(conn)?;
    history::record(
        conn,
        stamp,
        "petition",
        id,
        Action::Update,
        Some(&json!({"state": c.facts.state})),
        Some(&json!({"state": facts.state})),
        &format!(
            "{}：{}",
            machine::action_label(step.action()),
            summary(&n, step)
        ),
    )
}

pub fn void_step(
    store: &mut Store,
    stamp: &Stamp,
    step_id: i64,
    reason: &str,
) -> Result<PetitionDetail> {
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(Error::validation("reason", "请填写作废原因"));
    }
    let id = store.write(|tx| {
        let case_id: Option<i64> = tx
            .query_row(
                "SELECT petition_id FROM petition_steps WHERE id = ?1",
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
            "petition_steps",
            "petition_id",
            step_id,
            stamp,
            reason,
        )?;
        sync_projection(tx, id)?;
        let after = case(tx, id)?;
        let n = Names::load(tx)?;
        history::record(
            tx,
            stamp,
            "petition",
            id,
            Action::Void,
            Some(&json!({"state": before.facts.state})),
            Some(&json!({"state": after.facts.state})),
            &format!(
                "作废环节“{}”（{}）",
                summary(&n, &before.steps.last().expect("live").step),
                reason
            ),
        )?;
        Ok(id)
    })?;
    detail(store.conn(), id, stamp.today())
}
