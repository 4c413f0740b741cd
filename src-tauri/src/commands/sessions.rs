//! Sessions of the congress (人代会) commands: one core call each.

use serde_json::Value;
use tauri::State;

use crate::state::AppState;
use taizhang_core::sessions::{
    self, CongressSession, SessionChecks, SessionDetail, SessionDraft, SessionInput, SessionQuery,
    SessionRef,
};
use taizhang_core::store::Page;
use taizhang_core::{dates, fields, input, Result};

#[tauri::command]
pub fn sessions_list(state: State<AppState>, query: SessionQuery) -> Result<Page<CongressSession>> {
    state.with(|s, _| sessions::list(s.conn(), &query))
}

#[tauri::command]
pub fn session_get(state: State<AppState>, id: i64) -> Result<SessionDetail> {
    state.with(|s, _| sessions::detail(s.conn(), id))
}

#[tauri::command]
pub fn session_draft(state: State<AppState>, date: String) -> Result<SessionDraft> {
    state.with(|s, _| sessions::draft(s.conn(), dates::parse_iso("date", "开幕日期", &date)?))
}

#[tauri::command]
pub fn session_create(state: State<AppState>, input: Value) -> Result<CongressSession> {
    let input: SessionInput = input::from_value(&fields::SESSION, input)?;
    state.with(|s, stamp| sessions::create(s, stamp, &input))
}

#[tauri::command]
pub fn session_update(state: State<AppState>, id: i64, input: Value) -> Result<CongressSession> {
    let input: SessionInput = input::from_value(&fields::SESSION, input)?;
    state.with(|s, stamp| sessions::update(s, stamp, id, &input))
}

#[tauri::command]
pub fn session_void(state: State<AppState>, id: i64, reason: String) -> Result<CongressSession> {
    state.with(|s, stamp| sessions::void(s, stamp, id, &reason))
}

/// The session running today, if any: the suggestion form opens on 会议期间 under its number.
#[tauri::command]
pub fn session_in_progress(state: State<AppState>) -> Result<Option<SessionRef>> {
    state.with(|s, stamp| sessions::in_progress(s.conn(), stamp.today()))
}

/// What the home page and the roster flag: deputies absent twice without approval, and ended
/// years with fewer sessions than the rules expect.
#[tauri::command]
pub fn session_checks(state: State<AppState>) -> Result<SessionChecks> {
    state.with(|s, stamp| sessions::checks(s.conn(), stamp.today()))
}

#[tauri::command]
pub fn session_dismiss_absence(
    state: State<AppState>,
    deputy_id: i64,
    reason: String,
) -> Result<()> {
    state.with(|s, stamp| sessions::dismiss_absence(s, stamp, deputy_id, &reason))
}
