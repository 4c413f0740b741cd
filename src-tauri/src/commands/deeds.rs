//! Exemplary deeds commands: one core call each.

use tauri::State;

use crate::state::AppState;
use taizhang_core::deeds::{self, Deed, DeedDetail, DeedInput, DeedQuery};
use taizhang_core::store::Page;
use taizhang_core::Result;

#[tauri::command]
pub fn deeds_list(state: State<AppState>, query: DeedQuery) -> Result<Page<Deed>> {
    state.with(|s, _| deeds::list(s.conn(), &query))
}

#[tauri::command]
pub fn deed_get(state: State<AppState>, id: i64) -> Result<DeedDetail> {
    state.with(|s, _| deeds::detail(s.conn(), id))
}

#[tauri::command]
pub fn deed_create(state: State<AppState>, input: DeedInput) -> Result<Deed> {
    state.with(|s, stamp| deeds::create(s, stamp, &input))
}

#[tauri::command]
pub fn deed_update(state: State<AppState>, id: i64, input: DeedInput) -> Result<Deed> {
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
