//! 民生实事项目 commands: one core call each.

use serde_json::Value;
use tauri::State;

use crate::state::AppState;
use taizhang_core::fields::{PROJECT, PROJECT_EVALUATION, PROJECT_REPORT};
use taizhang_core::projects::{
    self, EvaluationInput, LateMilestone, LivelihoodProject, MilestoneInput, ProjectDetail,
    ProjectInput, ProjectQuery, ReportInput, VoteInput,
};
use taizhang_core::store::Page;
use taizhang_core::{input, Result};

#[tauri::command]
pub fn projects_list(
    state: State<AppState>,
    query: ProjectQuery,
) -> Result<Page<LivelihoodProject>> {
    state.with(|s, stamp| projects::list(s.conn(), &query, stamp.today()))
}

#[tauri::command]
pub fn project_get(state: State<AppState>, id: i64) -> Result<ProjectDetail> {
    state.with(|s, stamp| projects::detail(s.conn(), id, stamp.today()))
}

#[tauri::command]
pub fn project_create(state: State<AppState>, input: Value) -> Result<LivelihoodProject> {
    let input: ProjectInput = input::from_value(&PROJECT, input)?;
    state.with(|s, stamp| projects::create(s, stamp, &input))
}

#[tauri::command]
pub fn project_update(state: State<AppState>, id: i64, input: Value) -> Result<LivelihoodProject> {
    let input: ProjectInput = input::from_value(&PROJECT, input)?;
    state.with(|s, stamp| projects::update(s, stamp, id, &input))
}

#[tauri::command]
pub fn project_vote(state: State<AppState>, input: Value) -> Result<Vec<LivelihoodProject>> {
    let input: VoteInput = input::from_value(&PROJECT, input)?;
    state.with(|s, stamp| projects::vote(s, stamp, &input))
}

#[tauri::command]
pub fn project_milestone(
    state: State<AppState>,
    id: i64,
    input: Value,
) -> Result<LivelihoodProject> {
    let input: MilestoneInput = input::from_value(&PROJECT, input)?;
    state.with(|s, stamp| projects::set_milestone(s, stamp, id, &input))
}

#[tauri::command]
pub fn project_report(state: State<AppState>, id: i64, input: Value) -> Result<LivelihoodProject> {
    let input: ReportInput = input::from_value(&PROJECT_REPORT, input)?;
    state.with(|s, stamp| projects::add_report(s, stamp, id, &input))
}

#[tauri::command]
pub fn project_report_void(
    state: State<AppState>,
    report_id: i64,
    reason: String,
) -> Result<LivelihoodProject> {
    state.with(|s, stamp| projects::void_report(s, stamp, report_id, &reason))
}

#[tauri::command]
pub fn project_evaluate(
    state: State<AppState>,
    id: i64,
    input: Value,
) -> Result<LivelihoodProject> {
    let input: EvaluationInput = input::from_value(&PROJECT_EVALUATION, input)?;
    state.with(|s, stamp| projects::evaluate(s, stamp, id, &input))
}

#[tauri::command]
pub fn project_carry(state: State<AppState>, id: i64) -> Result<LivelihoodProject> {
    state.with(|s, stamp| projects::carry(s, stamp, id))
}

#[tauri::command]
pub fn project_void(state: State<AppState>, id: i64, reason: String) -> Result<LivelihoodProject> {
    state.with(|s, stamp| projects::void(s, stamp, id, &reason))
}

/// Milestones past their planned date, for the home page beside overdue cases.
#[tauri::command]
pub fn projects_late(state: State<AppState>) -> Result<Vec<LateMilestone>> {
    state.with(|s, stamp| projects::late_milestones(s.conn(), stamp.today()))
}
