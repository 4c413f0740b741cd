//! 民生实事项目 (livelihood projects voted by the deputies): the candidates of a year, numbered in
//! it (民生实事〔2026〕第3号), where each came from (voters, a deputy's suggestion, the
//! government), the vote at a session and the projects it adopts, and each adopted project
//! followed like a case: milestones with planned and actual dates, progress reports and
//! inspections, the deputies' year-end evaluation, carried into the next year when unfinished.
//!
//! Who is adopted is never stored: it follows from the numbers (each candidate's votes for, the
//! deputies holding a mandate at the session, the profile's rule), counted by the same function
//! as an election at the session ([`crate::sessions::count`]).

mod read;
mod write;

use chrono::NaiveDate;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use crate::book::Book;
use crate::history::{Entity, HistoryEntry};
use crate::units::UnitRef;
use crate::vocab::*;
use crate::Result;

pub use read::{detail, get, late_milestones, list};
pub use write::{
    add_report, carry, create, evaluate, set_milestone, update, void, void_report, vote,
};

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, ts_rs::TS)]
#[ts(export)]
pub struct ProjectInput {
    /// The year the project is for (its number's year).
    pub year: i32,
    pub title: String,
    #[serde(default)]
    pub description: String,
    #[serde(default = "voters")]
    pub source: ProjectSource,
    /// The deputy's suggestion it came from (source 代表建议).
    #[serde(default)]
    pub suggestion_id: Option<i64>,
    /// 估算投资, in yuan.
    #[serde(default)]
    pub estimated_cost: Option<i64>,
    /// The responsible unit.
    #[serde(default)]
    pub unit_id: Option<i64>,
    #[serde(default)]
    pub planned_completion: Option<String>,
    #[serde(default)]
    pub notes: String,
}

fn voters() -> ProjectSource {
    ProjectSource::Voters
}

/// One candidate's counts in a vote.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, ts_rs::TS)]
#[ts(export)]
pub struct CandidateVote {
    pub project_id: i64,
    pub votes_for: i64,
    pub votes_against: i64,
    pub votes_abstain: i64,
}

/// The vote on a year's candidates at a session: the ballots, and every candidate's counts.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, ts_rs::TS)]
#[ts(export)]
pub struct VoteInput {
    pub year: i32,
    pub session_id: i64,
    pub ballots_issued: i64,
    pub ballots_returned: i64,
    pub candidates: Vec<CandidateVote>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, ts_rs::TS)]
#[ts(export)]
pub struct MilestoneInput {
    pub kind: MilestoneKind,
    #[serde(default)]
    pub planned_on: Option<String>,
    #[serde(default)]
    pub done_on: Option<String>,
    /// 中标价 (tender), in yuan.
    #[serde(default)]
    pub amount: Option<i64>,
    /// 中标单位, what was done.
    #[serde(default)]
    pub note: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, ts_rs::TS)]
#[ts(export)]
pub struct ReportInput {
    pub date: String,
    pub kind: ReportKind,
    pub text: String,
    /// The group activity an inspection was (代表小组活动记录).
    #[serde(default)]
    pub activity_id: Option<i64>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, ts_rs::TS)]
#[ts(export)]
pub struct EvaluationInput {
    pub date: String,
    pub satisfied: i64,
    pub basically: i64,
    pub unsatisfied: i64,
}

#[derive(Debug, Clone, Serialize, PartialEq, ts_rs::TS)]
#[ts(export)]
pub struct Milestone {
    pub kind: MilestoneKind,
    pub planned_on: Option<NaiveDate>,
    pub done_on: Option<NaiveDate>,
    pub amount: Option<i64>,
    pub note: String,
    /// Planned before today and not done.
    pub late: bool,
}

#[derive(Debug, Clone, Serialize, PartialEq, ts_rs::TS)]
#[ts(export)]
pub struct ProjectReport {
    pub id: i64,
    pub date: NaiveDate,
    pub kind: ReportKind,
    pub text: String,
    pub activity: Option<crate::activities::CaseLink>,
    pub actor: String,
    pub voided: bool,
    pub void_reason: Option<String>,
}

#[derive(Debug, Clone, Serialize, PartialEq, ts_rs::TS)]
#[ts(export)]
pub struct Evaluation {
    pub evaluated_on: NaiveDate,
    pub satisfied: i64,
    pub basically: i64,
    pub unsatisfied: i64,
    /// 满意率 (满意 and 基本满意 of all rated), as numerator and denominator.
    pub numerator: i64,
    pub denominator: i64,
}

/// Where a project stands, from its vote and milestones.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq, ts_rs::TS)]
#[ts(export)]
#[serde(rename_all = "snake_case")]
pub enum ProjectState {
    /// Not voted yet.
    Candidate,
    /// Voted, not adopted.
    NotAdopted,
    Adopted,
    Underway,
    Completed,
    Accepted,
}

impl ProjectState {
    pub fn label(self) -> &'static str {
        match self {
            ProjectState::Candidate => "候选（未票决）",
            ProjectState::NotAdopted => "未入选",
            ProjectState::Adopted => "已入选",
            ProjectState::Underway => "实施中",
            ProjectState::Completed => "已完工",
            ProjectState::Accepted => "已验收",
        }
    }
}

#[derive(Debug, Clone, Serialize, PartialEq, ts_rs::TS)]
#[ts(export)]
pub struct ProjectVote {
    pub session_id: i64,
    pub session_number: String,
    pub votes_for: i64,
    pub votes_against: i64,
    pub votes_abstain: i64,
    /// The deputies holding a mandate at the session (the base of the majority).
    pub deputies: i64,
    pub ballots_issued: i64,
    pub ballots_returned: i64,
    /// More ballots returned than issued: nothing adopted by this vote.
    pub void: bool,
    /// Place by votes for among the candidates of the vote (1 = most).
    pub rank: usize,
    pub adopted: bool,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct LivelihoodProject {
    pub id: i64,
    pub number: String,
    pub year: i32,
    pub seq: i64,
    pub title: String,
    pub description: String,
    pub source: ProjectSource,
    pub suggestion: Option<crate::activities::CaseLink>,
    pub estimated_cost: Option<i64>,
    pub unit: Option<UnitRef>,
    pub planned_completion: Option<NaiveDate>,
    pub vote: Option<ProjectVote>,
    pub milestones: Vec<Milestone>,
    pub reports: Vec<ProjectReport>,
    pub evaluation: Option<Evaluation>,
    pub state: ProjectState,
    pub state_label: &'static str,
    /// Carried into this year, unfinished.
    pub carried_to: Option<i32>,
    /// What the rules or the dates say, in the office's words; empty when all is well.
    pub checks: Vec<String>,
    pub notes: String,
    pub voided: bool,
    pub void_reason: Option<String>,
}

impl LivelihoodProject {
    fn snapshot(&self) -> Value {
        let mut v = json!(self);
        v["suggestion"] = json!(self.suggestion.as_ref().map(|s| s.number.clone()));
        v["unit"] = json!(self.unit.as_ref().map(|u| u.name.clone()));
        v["vote"] = json!(self.vote.as_ref().map(|x| format!(
            "{}：赞成{}，反对{}，弃权{}{}",
            x.session_number,
            x.votes_for,
            x.votes_against,
            x.votes_abstain,
            if x.adopted { "，入选" } else { "" }
        )));
        v["milestones"] = json!(self
            .milestones
            .iter()
            .map(|m| format!(
                "{}：计划{} 实际{}",
                m.kind.label(),
                m.planned_on.map(crate::dates::chinese).unwrap_or_default(),
                m.done_on.map(crate::dates::chinese).unwrap_or_default()
            ))
            .collect::<Vec<_>>());
        v["reports"] = json!(self
            .reports
            .iter()
            .filter(|r| !r.voided)
            .map(|r| format!("{} {}", r.date, r.text))
            .collect::<Vec<_>>());
        if let Some(o) = v.as_object_mut() {
            o.remove("checks");
            o.remove("state_label");
        }
        v
    }
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct ProjectDetail {
    pub project: LivelihoodProject,
    pub history: Vec<HistoryEntry>,
}

#[derive(Debug, Clone, Default, Deserialize, ts_rs::TS)]
#[ts(export, optional_fields = nullable)]
#[serde(default)]
pub struct ProjectQuery {
    pub search: Option<String>,
    /// The year's list: its own candidates and those carried into it.
    pub year: Option<i32>,
    pub adopted_only: Option<bool>,
    #[ts(as = "Option<bool>", optional)]
    pub include_voided: bool,
    pub page: Option<usize>,
    pub page_size: Option<usize>,
}

/// A milestone planned before today and not reached, for the home page beside overdue cases.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct LateMilestone {
    pub project_id: i64,
    pub number: String,
    pub title: String,
    pub kind: MilestoneKind,
    pub planned_on: NaiveDate,
    pub days_late: i64,
    pub unit: Option<UnitRef>,
}

impl Book for LivelihoodProject {
    const ENTITY: Entity = Entity::LivelihoodProject;
    const TABLE: &'static str = "livelihood_projects";
    const NAME: &'static str = "民生实事项目";
    fn load(conn: &Connection, id: i64) -> Result<Self> {
        get(conn, id, chrono::NaiveDate::MIN)
    }
    fn is_voided(&self) -> bool {
        self.voided
    }
    fn snapshot(&self) -> Value {
        LivelihoodProject::snapshot(self)
    }
    fn label(&self) -> String {
        self.number.clone()
    }
    fn value_label(field: &str, code: &str) -> Option<&'static str> {
        match field {
            "source" => ProjectSource::from_code(code).map(|s| s.label()),
            "state" => match code {
                "candidate" => Some(ProjectState::Candidate.label()),
                "not_adopted" => Some(ProjectState::NotAdopted.label()),
                "adopted" => Some(ProjectState::Adopted.label()),
                "underway" => Some(ProjectState::Underway.label()),
                "completed" => Some(ProjectState::Completed.label()),
                "accepted" => Some(ProjectState::Accepted.label()),
                _ => None,
            },
            _ => None,
        }
    }
}
