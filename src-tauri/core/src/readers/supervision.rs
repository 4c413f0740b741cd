//! Supervision's figures for a period, in one place: what the statistics page, the statistics
//! workbook of a package and `stats supervision` show, so they never disagree. Each figure is
//! counted by its book's own function and keeps the ids it counted.

use chrono::{Datelike, NaiveDate};
use rusqlite::Connection;
use serde::Serialize;

use crate::rectifications::{self, RectificationCounts};
use crate::stations::{self, DutyCounts};
use crate::tally::Counted;
use crate::vocab::{ActivityKind, Organiser};
use crate::{entries, evaluations, Error, Result};

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct SupervisionStats {
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// Inspections, law-enforcement checks, surveys, special reports and inquiries the presidium
    /// organised.
    pub presidium_activities: Counted,
    pub rectifications: RectificationCounts,
    pub evaluations: evaluations::EvaluationCounts,
    pub duty_reports: Counted,
    pub station_duty: DutyCounts,
}

/// The figures of `from`..=`to` (default: this year up to `today`).
pub fn compute(
    conn: &Connection,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    today: NaiveDate,
) -> Result<SupervisionStats> {
    let from = from.unwrap_or_else(|| NaiveDate::from_ymd_opt(today.year(), 1, 1).unwrap_or(today));
    let to = to.unwrap_or(today);
    if to < from {
        return Err(Error::validation("to", "结束日期不能早于开始日期"));
    }
    let supervising = [
        ActivityKind::Inspection,
        ActivityKind::LawEnforcementCheck,
        ActivityKind::Survey,
        ActivityKind::SpecialReport,
        ActivityKind::SpecialInquiry,
    ];
    let presidium = entries::activities(conn, from, to)?
        .into_iter()
        .filter(|a| {
            !a.voided && a.organiser == Organiser::Presidium && supervising.contains(&a.kind)
        })
        .map(|a| a.id)
        .collect();
    let reports = entries::duty_reports(conn, from, to)?
        .into_iter()
        .filter(|r| !r.voided)
        .map(|r| r.id)
        .collect();
    Ok(SupervisionStats {
        from,
        to,
        presidium_activities: Counted::of(presidium),
        rectifications: rectifications::counts(conn, from, to, today)?,
        evaluations: evaluations::counts(conn, from, to)?,
        duty_reports: Counted::of(reports),
        station_duty: stations::counts(conn, from, to, today)?,
    })
}
