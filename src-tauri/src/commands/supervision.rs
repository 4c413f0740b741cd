//! Supervision between sessions: review opinions and their rectification, evaluations, deputies'
//! duty reports, liaison station duty. One core call each.

use chrono::NaiveDate;
use serde_json::Value;
use tauri::State;

use crate::state::AppState;
use taizhang_core::activities::GroupActivity;
use taizhang_core::duty_reports::{
    self, DutyReport, DutyReportDetail, DutyReportInput, DutyReportQuery, ReportOwed,
};
use taizhang_core::evaluations::{
    self, EvaluationDetail, EvaluationEvent, EvaluationEventInput, EvaluationQuery,
};
use taizhang_core::fields::{DUTY_REPORT, EVALUATION, RECTIFICATION, STATION_DUTY};
use taizhang_core::rectifications::{
    self, AssessmentInput, Rectification, RectificationDetail, RectificationInput,
    RectificationQuery, RectificationReportInput,
};
use taizhang_core::stations::{self, DutyCounts, DutyInput, RotaDay, RotaInput, RotaQuery};
use taizhang_core::store::Page;
use taizhang_core::{dates, input, Result};

#[tauri::command]
pub fn rectifications_list(
    state: State<AppState>,
    query: RectificationQuery,
) -> Result<Page<Rectification>> {
    state.with(|s, stamp| rectifications::list(s.conn(), &query, stamp.today()))
}

#[tauri::command]
pub fn rectification_get(state: State<AppState>, id: i64) -> Result<RectificationDetail> {
    state.with(|s, stamp| rectifications::detail(s.conn(), id, stamp.today()))
}

#[tauri::command]
pub fn rectification_create(state: State<AppState>, input: Value) -> Result<Rectification> {
    let input: RectificationInput = input::from_value(&RECTIFICATION, input)?;
    state.with(|s, stamp| rectifications::create(s, stamp, &input))
}

#[tauri::command]
pub fn rectification_report(
    state: State<AppState>,
    id: i64,
    input: Value,
) -> Result<Rectification> {
    let input: RectificationReportInput = input::from_value(&RECTIFICATION, input)?;
    state.with(|s, stamp| rectifications::report(s, stamp, id, &input))
}

#[tauri::command]
pub fn rectification_assess(
    state: State<AppState>,
    id: i64,
    input: Value,
) -> Result<Rectification> {
    let input: AssessmentInput = input::from_value(&RECTIFICATION, input)?;
    state.with(|s, stamp| rectifications::assess(s, stamp, id, &input))
}

#[tauri::command]
pub fn rectification_void(
    state: State<AppState>,
    id: i64,
    reason: String,
) -> Result<Rectification> {
    state.with(|s, stamp| rectifications::void(s, stamp, id, &reason))
}

#[tauri::command]
pub fn evaluations_list(
    state: State<AppState>,
    query: EvaluationQuery,
) -> Result<Page<EvaluationEvent>> {
    state.with(|s, _| evaluations::list(s.conn(), &query))
}

#[tauri::command]
pub fn evaluation_get(state: State<AppState>, id: i64) -> Result<EvaluationDetail> {
    state.with(|s, _| evaluations::detail(s.conn(), id))
}

#[tauri::command]
pub fn evaluation_create(state: State<AppState>, input: Value) -> Result<EvaluationEvent> {
    let input: EvaluationEventInput = input::from_value(&EVALUATION, input)?;
    state.with(|s, stamp| evaluations::create(s, stamp, &input))
}

#[tauri::command]
pub fn evaluation_void(state: State<AppState>, id: i64, reason: String) -> Result<EvaluationEvent> {
    state.with(|s, stamp| evaluations::void(s, stamp, id, &reason))
}

#[tauri::command]
pub fn duty_reports_list(
    state: State<AppState>,
    query: DutyReportQuery,
) -> Result<Page<DutyReport>> {
    state.with(|s, _| duty_reports::list(s.conn(), &query))
}

#[tauri::command]
pub fn duty_report_get(state: State<AppState>, id: i64) -> Result<DutyReportDetail> {
    state.with(|s, _| duty_reports::detail(s.conn(), id))
}

#[tauri::command]
pub fn duty_report_create(state: State<AppState>, input: Value) -> Result<DutyReport> {
    let input: DutyReportInput = input::from_value(&DUTY_REPORT, input)?;
    state.with(|s, stamp| duty_reports::create(s, stamp, &input))
}

#[tauri::command]
pub fn duty_report_void(state: State<AppState>, id: i64, reason: String) -> Result<DutyReport> {
    state.with(|s, stamp| duty_reports::void(s, stamp, id, &reason))
}

/// Deputies who have not yet reported to their voters as often as the profile asks this term.
#[tauri::command]
pub fn duty_reports_owed(state: State<AppState>) -> Result<Vec<ReportOwed>> {
    state.with(|s, stamp| duty_reports::not_reported(s.conn(), stamp.today()))
}

#[tauri::command]
pub fn station_rota(state: State<AppState>, query: RotaQuery) -> Result<Vec<RotaDay>> {
    state.with(|s, stamp| stations::rota(s.conn(), &query, stamp.today()))
}

#[tauri::command]
pub fn station_rota_set(state: State<AppState>, input: Value) -> Result<RotaDay> {
    let input: RotaInput = input::from_value(&STATION_DUTY, input)?;
    state.with(|s, stamp| stations::set_rota(s, stamp, &input))
}

#[tauri::command]
pub fn station_duty(state: State<AppState>, input: Value) -> Result<GroupActivity> {
    let input: DutyInput = input::from_value(&STATION_DUTY, input)?;
    state.with(|s, stamp| stations::record_duty(s, stamp, &input))
}

#[tauri::command]
pub fn station_duty_counts(state: State<AppState>, from: String, to: String) -> Result<DutyCounts> {
    let from: NaiveDate = dates::parse_iso("from", "开始日期", &from)?;
    let to: NaiveDate = dates::parse_iso("to", "结束日期", &to)?;
    state.with(|s, stamp| stations::counts(s.conn(), from, to, stamp.today()))
}

/// Supervision's figures for a period (default: this year), as the statistics page shows them.
#[tauri::command]
pub fn supervision_stats(
    state: State<AppState>,
    from: Option<String>,
    to: Option<String>,
) -> Result<taizhang_core::supervision::SupervisionStats> {
    let from = dates::parse_optional("from", "开始日期", &from)?;
    let to = dates::parse_optional("to", "结束日期", &to)?;
    state.with(|s, stamp| taizhang_core::supervision::compute(s.conn(), from, to, stamp.today()))
}
