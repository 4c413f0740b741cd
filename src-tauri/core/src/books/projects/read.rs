//! The 民生实事 book as it is read: a project with its vote counted (adopted or not, its place),
//! milestones (late ones marked), reports, evaluation and state; the year's list; the late
//! milestones the home page shows beside overdue cases.

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row};

use super::*;
use crate::activities::CaseLink;
use crate::book;
use crate::rules;
use crate::sessions::count;
use crate::store::{ListSql, Page, Where};
use crate::{dates, Error};

const COLUMNS: &str = "p.id, p.number, p.year, p.seq, p.title, p.description, p.source,
    p.suggestion_id, s.number, p.estimated_cost, p.unit_id, u.name, p.planned_completion,
    p.session_id, p.votes_for, p.votes_against, p.votes_abstain, p.evaluated_on,
    p.rated_satisfied, p.rated_basically, p.rated_unsatisfied, p.carried_to, p.notes,
    p.voided_at IS NOT NULL, p.void_reason";

const FROM: &str = "livelihood_projects p LEFT JOIN suggestions s ON s.id = p.suggestion_id
    LEFT JOIN handling_units u ON u.id = p.unit_id";

fn date(r: &Row, i: usize) -> rusqlite::Result<Option<NaiveDate>> {
    let s: Option<String> = r.get(i)?;
    Ok(s.and_then(|s| NaiveDate::parse_from_str(&s, "%Y-%m-%d").ok()))
}

/// The row, and the raw vote (session, counts) that [`complete`] counts.
struct Raw {
    project: LivelihoodProject,
    session_id: Option<i64>,
    counts: Option<(i64, i64, i64)>,
}

fn from_row(r: &Row) -> rusqlite::Result<Raw> {
    let suggestion_id: Option<i64> = r.get(7)?;
    let unit_id: Option<i64> = r.get(10)?;
    let votes: (Option<i64>, Option<i64>, Option<i64>) = (r.get(14)?, r.get(15)?, r.get(16)?);
    let evaluated_on = date(r, 17)?;
    let rated: (Option<i64>, Option<i64>, Option<i64>) = (r.get(18)?, r.get(19)?, r.get(20)?);
    let evaluation = match (evaluated_on, rated) {
        (Some(on), (Some(a), Some(b), Some(c))) => Some(Evaluation {
            evaluated_on: on,
            satisfied: a,
            basically: b,
            unsatisfied: c,
            // stored counts are bounded when written; a damaged row cannot overflow the sums
            numerator: a.saturating_add(b),
            denominator: a.saturating_add(b).saturating_add(c),
        }),
        _ => None,
    };
    Ok(Raw {
        session_id: r.get(13)?,
        counts: match votes {
            (Some(a), Some(b), Some(c)) => Some((a, b, c)),
            _ => None,
        },
        project: LivelihoodProject {
            id: r.get(0)?,
            number: r.get(1)?,
            year: r.get(2)?,
            seq: r.get(3)?,
            title: r.get(4)?,
            description: r.get(5)?,
            source: r.get(6)?,
            suggestion: match suggestion_id {
                Some(id) => Some(CaseLink {
                    id,
                    number: r.get::<_, Option<String>>(8)?.unwrap_or_default(),
                }),
                None => None,
            },
            estimated_cost: r.get(9)?,
            unit: match unit_id {
                Some(id) => Some(UnitRef {
                    id,
                    name: r.get::<_, Option<String>>(11)?.unwrap_or_default(),
                }),
                None => None,
            },
            planned_completion: date(r, 12)?,
            vote: None,
            milestones: Vec::new(),
            reports: Vec::new(),
            evaluation,
            state: ProjectState::Candidate,
            state_label: ProjectState::Candidate.label(),
            carried_to: r.get(21)?,
            checks: Vec::new(),
            notes: r.get(22)?,
            voided: r.get(23)?,
            void_reason: r.get(24)?,
        },
    })
}

/// The vote a candidate stands in, counted among all candidates of the same year and session.
fn counted_vote(
    conn: &Connection,
    year: i32,
    id: i64,
    session_id: i64,
    own: (i64, i64, i64),
) -> Result<ProjectVote> {
    let session = crate::sessions::get(conn, session_id)?;
    let (issued, returned): (i64, i64) = conn
        .query_row(
            "SELECT ballots_issued, ballots_returned FROM project_votes WHERE year = ?1 AND session_id = ?2",
            params![year, session_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?
        .unwrap_or((0, 0));
    let mut stmt = conn.prepare_cached(
        "SELECT id, votes_for FROM livelihood_projects WHERE year = ?1 AND session_id = ?2
         AND votes_for IS NOT NULL AND voided_at IS NULL ORDER BY id",
    )?;
    let all: Vec<(i64, i64)> = stmt
        .query_map(params![year, session_id], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let votes: Vec<i64> = all.iter().map(|(_, v)| *v).collect();
    let rules = &rules::current(conn)?.livelihood;
    let places = rules
        .max_adopted
        .map_or(votes.len(), |m| (m as usize).min(votes.len()))
        .max(1);
    let deputies = session.expected as i64;
    let o = count::count(issued, returned, &votes, places, deputies, rules.majority);
    let me = all.iter().position(|(pid, _)| *pid == id);
    let rank = 1 + votes.iter().filter(|v| **v > own.0).count();
    Ok(ProjectVote {
        session_id,
        session_number: session.number,
        votes_for: own.0,
        votes_against: own.1,
        votes_abstain: own.2,
        deputies,
        ballots_issued: issued,
        ballots_returned: returned,
        void: o.void,
        rank,
        adopted: me.is_some_and(|i| o.elected.contains(&i)),
    })
}

/// Vote, milestones, reports, state and checks, as of `today` (late milestones).
fn complete(conn: &Connection, raw: Raw, today: NaiveDate) -> Result<LivelihoodProject> {
    let mut p = raw.project;
    if let (Some(sid), Some(own)) = (raw.session_id, raw.counts) {
        p.vote = Some(counted_vote(conn, p.year, p.id, sid, own)?);
    }
    let mut stmt = conn.prepare_cached(
        "SELECT kind, planned_on, done_on, amount, note FROM project_milestones WHERE project_id = ?1",
    )?;
    let mut milestones = stmt
        .query_map([p.id], |r| {
            let planned_on = date(r, 1)?;
            let done_on = date(r, 2)?;
            Ok(Milestone {
                kind: r.get(0)?,
                planned_on,
                done_on,
                amount: r.get(3)?,
                note: r.get(4)?,
                late: done_on.is_none() && planned_on.is_some_and(|d| d < today),
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    milestones.sort_by_key(|m| m.kind);
    p.milestones = milestones;
    let mut stmt = conn.prepare_cached(
        "SELECT r.id, r.date, r.kind, r.text, r.activity_id, a.number, r.actor,
                r.voided_at IS NOT NULL, r.void_reason
         FROM project_reports r LEFT JOIN group_activities a ON a.id = r.activity_id
         WHERE r.project_id = ?1 ORDER BY r.date, r.id",
    )?;
    p.reports = stmt
        .query_map([p.id], |r| {
            let activity_id: Option<i64> = r.get(4)?;
            Ok(ProjectReport {
                id: r.get(0)?,
                date: date(r, 1)?.unwrap_or_default(),
                kind: r.get(2)?,
                text: r.get(3)?,
                activity: match activity_id {
                    Some(id) => Some(CaseLink {
                        id,
                        number: r.get::<_, Option<String>>(5)?.unwrap_or_default(),
                    }),
                    None => None,
                },
                actor: r.get(6)?,
                voided: r.get(7)?,
                void_reason: r.get(8)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let done = |k: MilestoneKind| {
        p.milestones
            .iter()
            .any(|m| m.kind == k && m.done_on.is_some())
    };
    p.state = match &p.vote {
        None => ProjectState::Candidate,
        Some(v) if !v.adopted => ProjectState::NotAdopted,
        Some(_) if done(MilestoneKind::Acceptance) => ProjectState::Accepted,
        Some(_) if done(MilestoneKind::Completion) => ProjectState::Completed,
        Some(_) if p.milestones.iter().any(|m| m.done_on.is_some()) => ProjectState::Underway,
        Some(_) => ProjectState::Adopted,
    };
    p.state_label = p.state.label();
    for m in p.milestones.iter().filter(|m| m.late) {
        p.checks.push(format!(
            "{}计划于{}，已过期 {} 天仍未登记完成",
            m.kind.label(),
            m.planned_on.map(dates::chinese).unwrap_or_default(),
            (today - m.planned_on.unwrap_or(today)).num_days()
        ));
    }
    if let Some(v) = &p.vote {
        if v.void {
            p.checks.push(format!(
                "票决收回选票 {} 张，多于发出的 {} 张，票决无效",
                v.ballots_returned, v.ballots_issued
            ));
        }
    }
    let year_over = NaiveDate::from_ymd_opt(p.year, 12, 31).is_some_and(|d| d < today);
    if year_over
        && matches!(p.state, ProjectState::Adopted | ProjectState::Underway)
        && p.carried_to.is_none()
    {
        p.checks.push(format!(
            "{}年已过，项目尚未完工，可结转下一年继续跟踪",
            p.year
        ));
    }
    Ok(p)
}

pub fn get(conn: &Connection, id: i64, today: NaiveDate) -> Result<LivelihoodProject> {
    let raw = conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM {FROM} WHERE p.id = ?1"),
            [id],
            from_row,
        )
        .optional()?
        .ok_or(Error::NotFound {
            what: "民生实事项目",
            id,
        })?;
    complete(conn, raw, today)
}

pub fn detail(conn: &Connection, id: i64, today: NaiveDate) -> Result<ProjectDetail> {
    Ok(ProjectDetail {
        project: get(conn, id, today)?,
        history: book::history::of::<LivelihoodProject>(conn, id)?,
    })
}

pub fn list(
    conn: &Connection,
    q: &ProjectQuery,
    today: NaiveDate,
) -> Result<Page<LivelihoodProject>> {
    let mut w = Where::default();
    if let Some(y) = q.year {
        dates::check_year(y)?;
        w.and_with("(p.year = ? OR p.carried_to = ?)", y);
    }
    if q.adopted_only == Some(true) {
        w.and("p.votes_for IS NOT NULL");
    }
    if !q.include_voided {
        w.and("p.voided_at IS NULL");
    }
    if let Some(text) = q.search.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        w.and_with(
            "(p.number LIKE ? OR p.title LIKE ? OR p.description LIKE ?)",
            format!("%{}%", text.replace(['%', '_'], "")),
        );
    }
    let sql = ListSql {
        columns: COLUMNS,
        from: FROM,
        count_from: "livelihood_projects p",
        order: "p.year DESC, p.seq",
    };
    if q.adopted_only != Some(true) {
        let page = Page::query(conn, &sql, w, q.page, q.page_size, from_row)?;
        return page.try_map(|raw| complete(conn, raw, today));
    }
    // Adoption is counted, not stored: every voted project is read (a year holds a dozen, twenty
    // years a few hundred), the adopted kept, and the page cut from those, so the total is right.
    let (cond, params) = w.into_parts();
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM {FROM} WHERE {cond} ORDER BY {}",
        sql.order
    ))?;
    let raws = stmt
        .query_map(rusqlite::params_from_iter(params), from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut adopted = Vec::new();
    for raw in raws {
        let p = complete(conn, raw, today)?;
        if p.vote.as_ref().is_some_and(|v| v.adopted) {
            adopted.push(p);
        }
    }
    let (page, page_size) = crate::store::paging(q.page, q.page_size);
    let total = adopted.len();
    let items = adopted
        .into_iter()
        .skip((page - 1).saturating_mul(page_size))
        .take(page_size)
        .collect();
    Ok(Page {
        items,
        total,
        page,
        page_size,
    })
}

/// Milestones of live adopted projects planned before `today` and not reached, most late first.
pub fn late_milestones(conn: &Connection, today: NaiveDate) -> Result<Vec<LateMilestone>> {
    let mut stmt = conn.prepare_cached(
        "SELECT DISTINCT m.project_id FROM project_milestones m
         JOIN livelihood_projects p ON p.id = m.project_id
         WHERE p.voided_at IS NULL AND m.done_on IS NULL AND m.planned_on < ?1",
    )?;
    let ids = stmt
        .query_map([today.to_string()], |r| r.get::<_, i64>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut out = Vec::new();
    for id in ids {
        let p = get(conn, id, today)?;
        if !p.vote.as_ref().is_some_and(|v| v.adopted) {
            continue;
        }
        for m in p.milestones.iter().filter(|m| m.late) {
            let planned_on = m.planned_on.expect("a late milestone has a plan");
            out.push(LateMilestone {
                project_id: p.id,
                number: p.number.clone(),
                title: p.title.clone(),
                kind: m.kind,
                planned_on,
                days_late: (today - planned_on).num_days(),
                unit: p.unit.clone(),
            });
        }
    }
    out.sort_by_key(|m| (-m.days_late, m.project_id));
    Ok(out)
}
