//! Exemplary deeds commands: one core call each.

use serde_json::Value;
use tauri::State;

use crate::state::AppState;
use taizhang_core::deeds::{self, Deed, DeedDetail, DeedInput, DeedQuery};
use taizhang_core::store::Page;
use taizhang_core::{fields, input, Result};

#[tauri::command]
pub fn deeds_list(state: State<AppState>, query: DeedQuery) -> Result<Page<Deed>> {
    state.with(|s, _| deeds::list(s.conn(), &query))
}

#[tauri::command]
pub fn deed_get(state: State<AppState>, id: i64) -> Result<DeedDetail> {
    state.with(|s, _| deeds::detail(s.conn(), id))
}

#[tauri::command]
pub fn deed_create(state: State<AppState>, input: Value) -> Result<Deed> {
    let input: DeedInput = input::from_value(&fields::DEED, input)?;
    state.with(|s, stamp| deeds::create(s, stamp, &input))
}

#[tauri::command]
pub fn deed_update(state: State<AppState>, id: i64, input: Value) -> Result<Deed> {
    let input: DeedInput = input::from_value(&fields::DEED, input)?;
    state.with(|s, stamp| deeds::update(s, stamp, id, &input))
}

#[tauri::command]
pub fn deed_void(state: State<AppState>, id: i64, reason: String) -> Result<Deed> {
    state.with(|s, stamp| deeds::void(s, stamp, id, &reason))
}

#[tauri::command]
pub fn deed_draft_from_suggestion(state: State<AppState>, suggestion_id: i64) -> Result<DeedInput> {
    state.with(|s, stamp| deeds::draft_from_suggestion(s.conn(), suggestion_id, stamp.today()))
}
