//! Suggestion statistics for any period and filter: counts, the rates the county asks for
//! (办复率, 办结率, 满意率 with and without 基本满意, first-round and final satisfaction), by
//! category and by handling unit. Every figure carries the ids it counted.
//!
//! The population is the suggestions received in the period (not voided); their state is taken
//! as it stands today, which is how the year-end report is drawn up after the year closes.

use chrono::{Datelike, NaiveDate};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use super::{cases, machine, Case, Names, RowFilter};
use crate::calendar::HolidayCalendar;
use crate::tally::{buckets, Counted, CountedBucket, CountedRatio};
use crate::units::UnitRef;
use crate::vocab::*;
use crate::{Error, Result};

#[derive(Debug, Clone, Default, Deserialize, ts_rs::TS)]
#[ts(export, optional_fields = nullable)]
#[serde(default)]
pub struct StatsQuery {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub term_id: Option<i64>,
    pub unit_id: Option<i64>,
    pub category: Option<String>,
    pub kind: Option<String>,
}

impl StatsQuery {
    /// The period, this calendar year by default.
    pub fn period(&self, today: NaiveDate) -> Result<(NaiveDate, NaiveDate)> {
        let from = self
            .from
            .unwrap_or_else(|| NaiveDate::from_ymd_opt(today.year(), 1, 1).expect("valid"));
        let to = self
            .to
            .unwrap_or_else(|| NaiveDate::from_ymd_opt(today.year(), 12, 31).expect("valid"));
        if to < from {
            return Err(Error::validation("to", "结束日期不能早于开始日期"));
        }
        Ok((from, to))
    }
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct UnitRates {
    pub unit: UnitRef,
    pub assigned: Counted,
    pub replied: Counted,
    pub closed: Counted,
    pub overdue: Counted,
    pub reply_rate: CountedRatio,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct SuggestionStats {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub received: Counted,
    pub by_kind: Vec<CountedBucket>,
    pub not_accepted: Counted,
    pub assigned: Counted,
    pub replied: Counted,
    pub closed: Counted,
    pub evaluated: Counted,
    pub reply_rate: CountedRatio,
    pub close_rate: CountedRatio,
    pub satisfaction_rate: CountedRatio,
    pub strict_satisfaction_rate: CountedRatio,
    pub first_round_satisfaction: CountedRatio,
    pub final_satisfaction: CountedRatio,
    pub by_category: Vec<CountedBucket>,
    pub by_unit: Vec<UnitRates>,
    pub carried_over: Counted,
    pub key_supervision: Counted,
}

fn ids(cases: &[&Case], keep: impl Fn(&Case) -> bool) -> Counted {
    Counted::of(cases.iter().filter(|c| keep(c)).map(|c| c.rec.id).collect())
}

fn content<V: Vocab>(code: &Option<String>, field: &'static str) -> Result<Option<V>> {
    match code.as_deref().filter(|c| !c.is_empty()) {
        None => Ok(None),
        Some(c) => V::from_code(c)
            .map(Some)
            .ok_or_else(|| Error::validation(field, format!("不认识的{}：{c}", V::WHAT))),
    }
}

fn good(s: Option<Satisfaction>) -> bool {
    matches!(
        s,
        Some(Satisfaction::Satisfied | Satisfaction::BasicallySatisfied)
    )
}

pub fn compute(conn: &Connection, q: &StatsQuery, today: NaiveDate) -> Result<SuggestionStats> {
    let (from, to) = q.period(today)?;
    let kind = content::<SuggestionKind>(&q.kind, "kind")?;
    let category = content::<SuggestionCategory>(&q.category, "category")?;
    // Received in the period, or earlier and possibly still open on its first day.
    let filter = RowFilter {
        term_id: q.term_id,
        kind,
        category,
        to: Some(to),
        active_since: Some(from),
        ..RowFilter::default()
    };
    let all = cases(conn, &filter)?;
    let by_unit = |c: &Case| {
        q.unit_id
            .is_none_or(|u| c.facts.lead_unit == Some(u) || c.facts.co_units.contains(&u))
    };
    let pop: Vec<&Case> = all
        .iter()
        .filter(|c| c.rec.received_on >= from && c.rec.received_on <= to && by_unit(c))
        .collect();
    let cal = HolidayCalendar::for_office(conn)?;

    let received = ids(&pop, |_| true);
    let not_accepted = ids(&pop, |c| c.facts.state == SuggestionState::NotAccepted);
    let assigned = ids(&pop, |c| c.facts.ever_assigned);
    let replied = ids(&pop, |c| c.facts.first_replied_on.is_some());
    let closed = ids(&pop, |c| c.facts.state == SuggestionState::Closed);
    let evaluated = ids(&pop, |c| !c.facts.evaluations.is_empty());
    let final_good = ids(&pop, |c| good(c.facts.final_result()));
    let final_strict = ids(&pop, |c| {
        c.facts.final_result() == Some(Satisfaction::Satisfied)
    });
    let first_good = ids(&pop, |c| good(c.facts.first_result()));
    let satisfaction_rate = CountedRatio::new(&final_good, &evaluated);

    let by_kind = buckets(
        &SuggestionKind::ALL
            .iter()
            .map(|k| (k.code().to_string(), k.label().to_string()))
            .collect::<Vec<_>>(),
        |k| {
            pop.iter()
                .filter(|c| c.rec.kind.code() == k)
                .map(|c| c.rec.id)
                .collect()
        },
        pop.len(),
    );
    let by_category = buckets(
        &SuggestionCategory::ALL
            .iter()
            .map(|k| (k.code().to_string(), k.label().to_string()))
            .collect::<Vec<_>>(),
        |k| {
            pop.iter()
                .filter(|c| c.rec.category.code() == k)
                .map(|c| c.rec.id)
                .collect()
        },
        pop.len(),
    );

    let names = Names::load(conn)?;
    let mut per_unit: BTreeMap<i64, Vec<&Case>> = BTreeMap::new();
    for c in pop.iter().filter(|c| c.facts.ever_assigned) {
        if let Some(u) = c.facts.lead_unit {
            per_unit.entry(u).or_default().push(c);
        }
    }
    let mut by_unit_rows = Vec::new();
    for (u, cs) in per_unit {
        let mut late = Vec::new();
        for c in &cs {
            if c.deadline(&cal, today)?.is_some_and(|d| d.overdue) {
                late.push(c.rec.id);
            }
        }
        let assigned = ids(&cs, |_| true);
        let replied = ids(&cs, |c| c.facts.first_replied_on.is_some());
        by_unit_rows.push(UnitRates {
            unit: names.unit(u),
            reply_rate: CountedRatio::new(&replied, &assigned),
            closed: ids(&cs, |c| c.facts.state == SuggestionState::Closed),
            overdue: Counted::of(late),
            assigned,
            replied,
        });
    }
    by_unit_rows.sort_by(|a, b| {
        b.assigned
            .count
            .cmp(&a.assigned.count)
            .then(a.unit.id.cmp(&b.unit.id))
    });

    // Carried over: received before the period and, replayed up to the day before it, still open
    // or with a promise not yet kept.
    let mut carried = Vec::new();
    for c in all
        .iter()
        .filter(|c| c.rec.received_on < from && by_unit(c))
    {
        let f = machine::replay(
            c.rec.received_on,
            c.steps.iter().map(|s| &s.step).filter(|s| s.date() < from),
            &c.profile().suggestion,
        );
        if f.is_open() || f.promise_open() {
            carried.push(c.rec.id);
        }
    }

    Ok(SuggestionStats {
        from,
        to,
        by_kind,
        key_supervision: ids(&pop, |c| c.rec.key_supervision),
        reply_rate: CountedRatio::new(&replied, &assigned),
        close_rate: CountedRatio::new(&closed, &assigned),
        strict_satisfaction_rate: CountedRatio::new(&final_strict, &evaluated),
        first_round_satisfaction: CountedRatio::new(&first_good, &evaluated),
        final_satisfaction: satisfaction_rate.clone(),
        satisfaction_rate,
        by_category,
        by_unit: by_unit_rows,
        carried_over: Counted::of(carried),
        received,
        not_accepted,
        assigned,
        replied,
        closed,
        evaluated,
    })
}
