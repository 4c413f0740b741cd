//! Group activity commands, and the opinions turned into suggestions or petitions.

use serde_json::Value;
use tauri::State;

use crate::state::AppState;
use taizhang_core::activities::{
    self, ActivityDetail, ActivityInput, ActivityMember, ActivityQuery, GroupActivity,
    OpinionSource,
};
use taizhang_core::petitions::{Petition, PetitionInput};
use taizhang_core::store::Page;
use taizhang_core::suggestions::{Suggestion, SuggestionInput};
use taizhang_core::{dates, fields, input, Result};

#[tauri::command]
pub fn activities_list(
    state: State<AppState>,
    query: ActivityQuery,
) -> Result<Page<GroupActivity>> {
    state.with(|s, _| activities::list(s.conn(), &query))
}

#[tauri::command]
pub fn activity_get(state: State<AppState>, id: i64) -> Result<ActivityDetail> {
    state.with(|s, _| activities::detail(s.conn(), id))
}

#[tauri::command]
pub fn activity_members(
    state: State<AppState>,
    group_id: i64,
    date: String,
) -> Result<Vec<ActivityMember>> {
    state.with(|s, _| {
        activities::draft_members(
            s.conn(),
            group_id,
            dates::parse_iso("date", "活动日期", &date)?,
        )
    })
}

#[tauri::command]
pub fn activity_create(state: State<AppState>, input: Value) -> Result<GroupActivity> {
    let input: ActivityInput = input::from_value(&fields::ACTIVITY, input)?;
    state.with(|s, stamp| activities::create(s, stamp, &input))
}

#[tauri::command]
pub fn activity_update(state: State<AppState>, id: i64, input: Value) -> Result<GroupActivity> {
    let input: ActivityInput = input::from_value(&fields::ACTIVITY, input)?;
    state.with(|s, stamp| activities::update(s, stamp, id, &input))
}

#[tauri::command]
pub fn activity_void(state: State<AppState>, id: i64, reason: String) -> Result<GroupActivity> {
    state.with(|s, stamp| activities::void(s, stamp, id, &reason))
}

#[tauri::command]
pub fn opinion_suggestion_draft(
    state: State<AppState>,
    opinion_id: i64,
) -> Result<SuggestionInput> {
    state.with(|s, _| activities::suggestion_draft(s.conn(), opinion_id))
}

#[tauri::command]
pub fn opinion_to_suggestion(
    state: State<AppState>,
    opinion_id: i64,
    input: Value,
) -> Result<Suggestion> {
    let input: SuggestionInput = input::from_value(&fields::SUGGESTION, input)?;
    state.with(|s, stamp| activities::to_suggestion(s, stamp, opinion_id, &input))
}

#[tauri::command]
pub fn opinion_petition_draft(state: State<AppState>, opinion_id: i64) -> Result<PetitionInput> {
    state.with(|s, _| activities::petition_draft(s.conn(), opinion_id))
}

#[tauri::command]
pub fn opinion_to_petition(
    state: State<AppState>,
    opinion_id: i64,
    input: Value,
) -> Result<Petition> {
    let input: PetitionInput = input::from_value(&fields::PETITION, input)?;
    state.with(|s, stamp| activities::to_petition(s, stamp, opinion_id, &input))
}

#[tauri::command]
pub fn opinion_source(
    state: State<AppState>,
    entity: String,
    id: i64,
) -> Result<Option<OpinionSource>> {
    state.with(|s, _| activities::source_of(s.conn(), &entity, id))
}
