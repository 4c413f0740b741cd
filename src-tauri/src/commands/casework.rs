//! Casework commands: handling units, rule profiles, the suggestions and petitions books,
//! follow-up and statistics. Each one calls one core function; `today` is the office PC's date.

use serde_json::Value;
use tauri::State;

use crate::state::AppState;
use taizhang_core::followup::{self, Dashboard, ProfileSwitchPreview};
use taizhang_core::petitions::similar::{self, PetitionProbe, SimilarPetition};
use taizhang_core::petitions::stats::PetitionStats;
use taizhang_core::petitions::{
    self, Petition, PetitionDetail, PetitionIdentity, PetitionInput, PetitionQuery,
};
use taizhang_core::rules::{self, RuleProfile, RuleProfileSummary};
use taizhang_core::store::Page;
use taizhang_core::suggestions::stats::{StatsQuery, SuggestionStats};
use taizhang_core::suggestions::{
    self, AssignmentInput, Suggestion, SuggestionDetail, SuggestionInput, SuggestionQuery,
};
use taizhang_core::units::{self, HandlingUnit, HandlingUnitInput};
use taizhang_core::{fields, input, Result};

#[tauri::command]
pub fn handling_units_list(
    state: State<AppState>,
    include_inactive: Option<bool>,
) -> Result<Vec<HandlingUnit>> {
    state.with(|s, _| units::list(s.conn(), include_inactive.unwrap_or(false)))
}

#[tauri::command]
pub fn handling_unit_create(state: State<AppState>, input: Value) -> Result<HandlingUnit> {
    let input: HandlingUnitInput = input::from_value(&fields::UNIT, input)?;
    state.with(|s, stamp| units::create(s, stamp, &input))
}

#[tauri::command]
pub fn handling_unit_update(state: State<AppState>, id: i64, input: Value) -> Result<HandlingUnit> {
    let input: HandlingUnitInput = input::from_value(&fields::UNIT, input)?;
    state.with(|s, stamp| units::update(s, stamp, id, &input))
}

#[tauri::command]
pub fn rule_profiles(state: State<AppState>) -> Result<Vec<RuleProfileSummary>> {
    state.with(|s, _| rules::summaries(s.conn()))
}

#[tauri::command]
pub fn rule_profile_get(state: State<AppState>, id: Option<String>) -> Result<RuleProfile> {
    state.with(|s, _| match id {
        Some(id) => rules::get(&id).cloned(),
        None => rules::current(s.conn()).cloned(),
    })
}

#[tauri::command]
pub fn rule_profile_preview(
    state: State<AppState>,
    id: String,
    apply_to_open: bool,
) -> Result<ProfileSwitchPreview> {
    state.with(|s, stamp| followup::preview_switch(s.conn(), &id, apply_to_open, stamp.today()))
}

#[tauri::command]
pub fn rule_profile_switch(
    state: State<AppState>,
    id: String,
    apply_to_open: bool,
) -> Result<ProfileSwitchPreview> {
    state.with(|s, stamp| followup::switch(s, stamp, &id, apply_to_open))
}

#[tauri::command]
pub fn suggestions_list(
    state: State<AppState>,
    query: SuggestionQuery,
) -> Result<Page<Suggestion>> {
    state.with(|s, stamp| suggestions::list(s.conn(), &query, stamp.today()))
}

#[tauri::command]
pub fn suggestion_get(state: State<AppState>, id: i64) -> Result<SuggestionDetail> {
    state.with(|s, stamp| suggestions::detail(s.conn(), id, stamp.today()))
}

#[tauri::command]
pub fn suggestion_create(state: State<AppState>, input: Value) -> Result<Suggestion> {
    let input: SuggestionInput = input::from_value(&fields::SUGGESTION, input)?;
    state.with(|s, stamp| suggestions::create(s, stamp, &input))
}

#[tauri::command]
pub fn suggestion_update(state: State<AppState>, id: i64, input: Value) -> Result<Suggestion> {
    let input: SuggestionInput = input::from_value(&fields::SUGGESTION, input)?;
    state.with(|s, stamp| suggestions::update(s, stamp, id, &input))
}

#[tauri::command]
pub fn suggestion_void(state: State<AppState>, id: i64, reason: String) -> Result<Suggestion> {
    state.with(|s, stamp| suggestions::void(s, stamp, id, &reason))
}

#[tauri::command]
pub fn suggestion_step(state: State<AppState>, id: i64, step: Value) -> Result<SuggestionDetail> {
    let step: suggestions::Step = input::from_value(&fields::SUGGESTION_STEP, step)?;
    state.with(|s, stamp| suggestions::step(s, stamp, id, &step))
}

#[tauri::command]
pub fn suggestion_step_void(
    state: State<AppState>,
    step_id: i64,
    reason: String,
) -> Result<SuggestionDetail> {
    state.with(|s, stamp| suggestions::void_step(s, stamp, step_id, &reason))
}

#[tauri::command]
pub fn suggestions_assign_many(
    state: State<AppState>,
    date: String,
    assignments: Value,
) -> Result<Vec<Suggestion>> {
    let assignments: Vec<AssignmentInput> = input::from_value(&fields::ASSIGNMENTS, assignments)?;
    state.with(|s, stamp| suggestions::assign_many(s, stamp, &date, &assignments))
}

#[tauri::command]
pub fn petitions_list(state: State<AppState>, query: PetitionQuery) -> Result<Page<Petition>> {
    state.with(|s, stamp| petitions::list(s.conn(), &query, stamp.today()))
}

#[tauri::command]
pub fn petition_get(state: State<AppState>, id: i64) -> Result<PetitionDetail> {
    state.with(|s, stamp| petitions::detail(s.conn(), id, stamp.today()))
}

#[tauri::command]
pub fn petition_create(state: State<AppState>, input: Value) -> Result<Petition> {
    let input: PetitionInput = input::from_value(&fields::PETITION, input)?;
    state.with(|s, stamp| petitions::create(s, stamp, &input))
}

#[tauri::command]
pub fn petition_update(state: State<AppState>, id: i64, input: Value) -> Result<Petition> {
    let input: PetitionInput = input::from_value(&fields::PETITION, input)?;
    state.with(|s, stamp| petitions::update(s, stamp, id, &input))
}

#[tauri::command]
pub fn petition_void(state: State<AppState>, id: i64, reason: String) -> Result<Petition> {
    state.with(|s, stamp| petitions::void(s, stamp, id, &reason))
}

#[tauri::command]
pub fn petition_step(state: State<AppState>, id: i64, step: Value) -> Result<PetitionDetail> {
    let step: petitions::Step = input::from_value(&fields::PETITION_STEP, step)?;
    state.with(|s, stamp| petitions::step(s, stamp, id, &step))
}

#[tauri::command]
pub fn petition_step_void(
    state: State<AppState>,
    step_id: i64,
    reason: String,
) -> Result<PetitionDetail> {
    state.with(|s, stamp| petitions::void_step(s, stamp, step_id, &reason))
}

#[tauri::command]
pub fn petitions_similar(
    state: State<AppState>,
    probe: PetitionProbe,
) -> Result<Vec<SimilarPetition>> {
    state.with(|s, stamp| similar::find(s.conn(), &probe, stamp.today()))
}

#[tauri::command]
pub fn petition_link(
    state: State<AppState>,
    id: i64,
    other_id: i64,
    note: String,
) -> Result<PetitionDetail> {
    state.with(|s, stamp| petitions::link(s, stamp, id, other_id, &note))
}

#[tauri::command]
pub fn petition_reveal(
    state: State<AppState>,
    id: i64,
    reason: String,
) -> Result<PetitionIdentity> {
    state.with(|s, stamp| petitions::reveal(s, stamp, id, &reason))
}

#[tauri::command]
pub fn dashboard(state: State<AppState>, within: Option<i64>) -> Result<Dashboard> {
    state.with(|s, stamp| followup::dashboard(s.conn(), stamp.today(), within.unwrap_or(7)))
}

#[tauri::command]
pub fn suggestion_stats(state: State<AppState>, query: StatsQuery) -> Result<SuggestionStats> {
    state.with(|s, stamp| suggestions::stats::compute(s.conn(), &query, stamp.today()))
}

#[tauri::command]
pub fn petition_stats(state: State<AppState>, query: StatsQuery) -> Result<PetitionStats> {
    state.with(|s, stamp| petitions::stats::compute(s.conn(), &query, stamp.today()))
}
