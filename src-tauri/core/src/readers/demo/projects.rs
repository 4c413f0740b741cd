//! The demo township's 民生实事 projects: twelve candidates a year from the term's second year,
//! voted at the year's spring session (two fall short of a majority of all deputies), the
//! adopted ones followed through their milestones: past years accepted and evaluated (one
//! carried over unfinished), this year's in every state, one milestone late for the home page.

use chrono::{Datelike, Duration, NaiveDate};

use super::stamp;
use crate::projects::{
    self, CandidateVote, EvaluationInput, MilestoneInput, ProjectInput, ReportInput, VoteInput,
};
use crate::vocab::*;
use crate::{Result, Store};

const CANDIDATES: &[(&str, ProjectSource, i64)] = &[
    (
        "青山村至河口村道路提升改造",
        ProjectSource::Suggestion,
        3_200_000,
    ),
    ("镇区农贸市场提升改造", ProjectSource::Voters, 1_800_000),
    (
        "农村饮用水安全巩固提升",
        ProjectSource::Government,
        2_600_000,
    ),
    ("上湾村危桥改造", ProjectSource::Voters, 900_000),
    ("镇中心学校食堂改造", ProjectSource::Government, 1_200_000),
    ("居家养老服务中心建设", ProjectSource::Voters, 1_500_000),
    ("农村生活污水治理提标", ProjectSource::Government, 2_100_000),
    ("镇区公交站点增设", ProjectSource::Voters, 300_000),
    ("河道综合整治", ProjectSource::Government, 2_800_000),
    ("村级文化礼堂提升", ProjectSource::Voters, 600_000),
    ("镇区停车场建设", ProjectSource::Voters, 1_100_000),
    ("智慧路灯改造", ProjectSource::Government, 700_000),
];

pub(super) fn seed(store: &mut Store, today: NaiveDate) -> Result<usize> {
    let conn = store.conn();
    let units: Vec<i64> = crate::units::list(conn, false)?
        .iter()
        .map(|u| u.id)
        .collect();
    let suggestion = crate::suggestions::list(conn, &Default::default(), today)?
        .items
        .first()
        .map(|s| s.id);
    // Each year's spring session (the first of the year), where its projects are voted.
    let held = crate::sessions::list(
        conn,
        &crate::sessions::SessionQuery {
            page_size: Some(500),
            ..Default::default()
        },
    )?
    .items;
    let mut years: Vec<(i32, i64, i64, NaiveDate)> = Vec::new();
    for s in held.iter().rev() {
        let y = s.first_day.year();
        // Only the demo's own sessions (an upgraded file may hold an old one without deputies).
        if s.first_day.month() <= 6 && s.present >= 10 && !years.iter().any(|(yy, ..)| *yy == y) {
            years.push((y, s.id, s.present as i64, s.first_day));
        }
    }
    let mut n = 0;
    for (year, session_id, present, voted_on) in years {
        let at = stamp(voted_on - Duration::days(20));
        let mut ids = Vec::new();
        for (i, (title, source, cost)) in CANDIDATES.iter().enumerate() {
            let p = projects::create(
                store,
                &at,
                &ProjectInput {
                    year,
                    title: (*title).into(),
                    description: format!("{title}，由镇政府负责组织实施，年内完成。"),
                    source: if *source == ProjectSource::Suggestion && suggestion.is_none() {
                        ProjectSource::Voters
                    } else {
                        *source
                    },
                    suggestion_id: suggestion.filter(|_| *source == ProjectSource::Suggestion),
                    estimated_cost: Some(*cost),
                    unit_id: units.get(i % units.len().max(1)).copied(),
                    planned_completion: NaiveDate::from_ymd_opt(year, 11, 30)
                        .map(|d| d.to_string()),
                    notes: String::new(),
                },
            )?;
            ids.push(p.id);
            n += 1;
        }
        // The last two fall short of a majority of all deputies.
        let candidates = ids
            .iter()
            .enumerate()
            .map(|(i, id)| {
                let (f, a) = if i >= 10 {
                    (present / 3, present / 2)
                } else {
                    (present - 2 - (i as i64 % 4), 1)
                };
                CandidateVote {
                    project_id: *id,
                    votes_for: f,
                    votes_against: a,
                    votes_abstain: present - f - a,
                }
            })
            .collect();
        projects::vote(
            store,
            &stamp(voted_on + Duration::days(1)),
            &VoteInput {
                year,
                session_id,
                ballots_issued: present,
                ballots_returned: present,
                candidates,
            },
        )?;
        let this_year = year == today.year();
        for (i, id) in ids.iter().take(10).enumerate() {
            // Milestones a month apart from the vote; this year's stop at different stages.
            // Last year's tenth project did not finish: carried into this year.
            let carried = year == today.year() - 1 && i == 9;
            let reached = if this_year {
                i % 6
            } else if carried {
                3
            } else {
                5
            };
            for (k, kind) in MilestoneKind::ALL.iter().enumerate() {
                // Reached milestones a month apart from the vote; the rest planned ahead of today,
                // except this year's first project, whose next milestone was due a while ago.
                let planned = if k < reached {
                    voted_on + Duration::days(30 * (k as i64 + 1))
                } else if this_year && i == 0 && k == reached {
                    today - Duration::days(12)
                } else {
                    today + Duration::days(30 * (k - reached + 1) as i64)
                };
                let done = (k < reached)
                    .then(|| planned + Duration::days(3))
                    .filter(|d| *d < today);
                projects::set_milestone(
                    store,
                    &stamp(done.unwrap_or(voted_on + Duration::days(2)).min(today)),
                    *id,
                    &MilestoneInput {
                        kind: *kind,
                        planned_on: Some(planned.to_string()),
                        done_on: done.map(|d| d.to_string()),
                        amount: (*kind == MilestoneKind::Tender && done.is_some())
                            .then_some(CANDIDATES[i].2 * 95 / 100),
                        note: if *kind == MilestoneKind::Tender && done.is_some() {
                            "中标单位：青山建设有限公司".into()
                        } else {
                            String::new()
                        },
                    },
                )?;
            }
            if carried {
                projects::carry(
                    store,
                    &stamp(
                        NaiveDate::from_ymd_opt(year, 12, 20)
                            .expect("a date")
                            .min(today),
                    ),
                    *id,
                )?;
            }
            if i == 1 {
                projects::add_report(
                    store,
                    &stamp((voted_on + Duration::days(100)).min(today)),
                    *id,
                    &ReportInput {
                        date: (voted_on + Duration::days(100)).min(today).to_string(),
                        kind: ReportKind::Inspection,
                        text: "代表视察项目现场，要求加快进度、确保质量".into(),
                        activity_id: None,
                    },
                )?;
            }
            if !this_year {
                let end = NaiveDate::from_ymd_opt(year, 12, 10).expect("a date");
                if end < today {
                    projects::evaluate(
                        store,
                        &stamp(end),
                        *id,
                        &EvaluationInput {
                            date: end.to_string(),
                            satisfied: present - 8 - i as i64 % 3,
                            basically: 6,
                            unsatisfied: 2 + i as i64 % 3,
                        },
                    )?;
                }
            }
        }
    }
    Ok(n)
}
