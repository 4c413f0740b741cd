//! Petition statistics for any period: received (and people), by channel and category, group
//! visits, repeats, acceptance, replies, resolution, on-time rate and the petitioners'
//! satisfaction at the return visit. Every figure keeps the ids it counted.

use chrono::NaiveDate;
use rusqlite::Connection;
use serde::Serialize;

use super::{cases, Case, RowFilter, GROUP_VISIT};
use crate::calendar::HolidayCalendar;
use crate::suggestions::stats::StatsQuery;
use crate::tally::{buckets, Counted, CountedBucket, CountedRatio};
use crate::vocab::*;
use crate::{Error, Result};

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct PetitionStats {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub received: Counted,
    pub people: i64,
    pub by_channel: Vec<CountedBucket>,
    pub by_category: Vec<CountedBucket>,
    pub group_visits: Counted,
    pub repeats: Counted,
    pub anonymous: Counted,
    pub accepted: Counted,
    pub declined: Counted,
    pub replied: Counted,
    pub resolved: Counted,
    pub close_rate: CountedRatio,
    pub resolve_rate: CountedRatio,
    pub on_time_rate: CountedRatio,
    pub satisfaction_rate: CountedRatio,
    pub overdue_open: Counted,
}

fn ids(cases: &[&Case], keep: impl Fn(&Case) -> bool) -> Counted {
    Counted::of(cases.iter().filter(|c| keep(c)).map(|c| c.rec.id).collect())
}

pub fn compute(conn: &Connection, q: &StatsQuery, today: NaiveDate) -> Result<PetitionStats> {
    let (from, to) = q.period(today)?;
    let category = match q.category.as_deref().filter(|c| !c.is_empty()) {
        None => None,
        Some(c) => Some(
            PetitionCategory::from_code(c)
                .ok_or_else(|| Error::validation("category", format!("不认识的信访类别：{c}")))?,
        ),
    };
    let all = cases(
        conn,
        &RowFilter {
            from: Some(from),
            to: Some(to),
            category,
            ..RowFilter::default()
        },
    )?;
    let pop: Vec<&Case> = all
        .iter()
        .filter(|c| q.unit_id.is_none_or(|u| c.facts.unit == Some(u)))
        .collect();
    let cal = HolidayCalendar::for_office(conn)?;

    let received = ids(&pop, |_| true);
    let accepted = ids(&pop, |c| c.facts.accepted_on.is_some());
    let replied = ids(&pop, |c| c.facts.replied_on.is_some());
    let resolved = ids(&pop, |c| c.facts.resolved == Some(true));
    let mut on_time = Vec::new();
    let mut overdue_open = Vec::new();
    for c in &pop {
        if let Some(replied_on) = c.facts.replied_on {
            let due = c.facts.handle_due(&c.profile().petition, &cal)?;
            if due.is_some_and(|d| replied_on <= d.date) {
                on_time.push(c.rec.id);
            }
        }
        if c.facts.is_open() && c.deadline(&cal, today)?.is_some_and(|d| d.overdue) {
            overdue_open.push(c.rec.id);
        }
    }
    let visited = ids(&pop, |c| c.facts.evaluation.is_some());
    let satisfied = ids(&pop, |c| {
        matches!(
            c.facts.evaluation,
            Some(Satisfaction::Satisfied | Satisfaction::BasicallySatisfied)
        )
    });
    let keys = |all: &[(&str, &str)]| -> Vec<(String, String)> {
        all.iter()
            .map(|(k, l)| (k.to_string(), l.to_string()))
            .collect()
    };
    let channels: Vec<(&str, &str)> = PetitionChannel::ALL
        .iter()
        .map(|c| (c.code(), c.label()))
        .collect();
    let categories: Vec<(&str, &str)> = PetitionCategory::ALL
        .iter()
        .map(|c| (c.code(), c.label()))
        .collect();

    Ok(PetitionStats {
        from,
        to,
        people: pop.iter().map(|c| c.rec.people_count).sum(),
        by_channel: buckets(
            &keys(&channels),
            |k| {
                pop.iter()
                    .filter(|c| c.rec.channel.code() == k)
                    .map(|c| c.rec.id)
                    .collect()
            },
            pop.len(),
        ),
        by_category: buckets(
            &keys(&categories),
            |k| {
                pop.iter()
                    .filter(|c| c.rec.category.code() == k)
                    .map(|c| c.rec.id)
                    .collect()
            },
            pop.len(),
        ),
        group_visits: ids(&pop, |c| c.rec.people_count >= GROUP_VISIT),
        repeats: ids(&pop, |c| !c.links.is_empty()),
        anonymous: ids(&pop, |c| c.rec.anonymous),
        declined: ids(&pop, |c| c.facts.declined_on.is_some()),
        close_rate: CountedRatio::new(&replied, &accepted),
        resolve_rate: CountedRatio::new(&resolved, &replied),
        on_time_rate: CountedRatio::new(&Counted::of(on_time), &replied),
        satisfaction_rate: CountedRatio::new(&satisfied, &visited),
        overdue_open: Counted::of(overdue_open),
        received,
        accepted,
        replied,
        resolved,
    })
}
