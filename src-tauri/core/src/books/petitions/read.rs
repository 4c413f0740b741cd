//! The petitions book as it is read: the stored record (identity sealed), the filters in SQL on
//! the projection columns, the cases with their steps replayed, the list, the detail and each
//! step as one Chinese line.

use chrono::NaiveDate;
use rusqlite::types::Value as SqlValue;
use rusqlite::{params, params_from_iter, Connection, OptionalExtension, Row};
use serde_json::json;
use std::collections::HashMap;

use super::*;
use crate::book::{self, casebook};
use crate::calendar::HolidayCalendar;
use crate::idcard;
use crate::store::{Page, Where};
use crate::{dates, Error, Result};

const COLUMNS: &str =
    "id, year, seq, number, channel, received_at, anonymous, petitioner_name, sex, age,
    address, phone, id_number, people_count, request, facts, category, receiver, via_deputy_id,
    proposed_handling, instruction, confidential, profile, voided_at, void_reason, co_visitors";

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
        co_visitors: names_list(r, 25)?,
    })
}

/// A stored JSON array of names; anything else is an unreadable value, said as such.
fn names_list(r: &Row, i: usize) -> rusqlite::Result<Vec<String>> {
    let text: String = r.get(i)?;
    serde_json::from_str(&text).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, Box::new(e))
    })
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
    let steps = casebook::live_steps::<Case>(conn, id)?;
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
pub(crate) const OPEN_SQL: &str =
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
    let mut steps = casebook::live_steps_of::<Case>(conn, &cond, &p)?;
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
        received_at: rec.received_at,
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
        co_visitors: rec.masked_co_visitors(),
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
    if let Some(y) = q.year {
        crate::dates::check_year(y)?;
    }
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
    let (cond, p) = filter.sql();
    casebook::page::<Case>(conn, &cond, &p, q.page, q.page_size, q.overdue, &cal, today)?
        .try_map(|c| view(conn, &n, &c, &cal, today, false))
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
    let steps = casebook::timeline(conn, &c, id)?
        .into_iter()
        .map(
            |casebook::TimelineStep {
                 step: s,
                 voided,
                 voidable,
             }| PetitionStep {
                id: s.id,
                petition_id: s.case_id,
                action: s.step.action(),
                action_label: machine::action_label(s.step.action()),
                date: s.step.date(),
                detail: json!(s.step),
                summary: summary(&n, &s.step),
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
        c.facts.allowed(&c.profile().petition)
    };
    let history = book::history::of::<PetitionRecord>(conn, id)?;
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
