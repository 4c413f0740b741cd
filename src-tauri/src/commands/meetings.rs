//! Presidium meeting commands: one core call each.

use serde_json::Value;
use tauri::State;

use crate::state::AppState;
use taizhang_core::meetings::{
    self, MeetingDetail, MeetingDraft, MeetingInput, MeetingQuery, PresidiumMeeting, QuarterGap,
};
use taizhang_core::store::Page;
use taizhang_core::{dates, fields, input, Result};

#[tauri::command]
pub fn meetings_list(
    state: State<AppState>,
    query: MeetingQuery,
) -> Result<Page<PresidiumMeeting>> {
    state.with(|s, _| meetings::list(s.conn(), &query))
}

#[tauri::command]
pub fn meeting_get(state: State<AppState>, id: i64) -> Result<MeetingDetail> {
    state.with(|s, _| meetings::detail(s.conn(), id))
}

#[tauri::command]
pub fn meeting_draft(state: State<AppState>, date: String) -> Result<MeetingDraft> {
    state.with(|s, _| meetings::draft(s.conn(), dates::parse_iso("date", "会议日期", &date)?))
}

#[tauri::command]
pub fn meeting_create(state: State<AppState>, input: Value) -> Result<PresidiumMeeting> {
    let input: MeetingInput = input::from_value(&fields::MEETING, input)?;
    state.with(|s, stamp| meetings::create(s, stamp, &input))
}

#[tauri::command]
pub fn meeting_update(state: State<AppState>, id: i64, input: Value) -> Result<PresidiumMeeting> {
    let input: MeetingInput = input::from_value(&fields::MEETING, input)?;
    state.with(|s, stamp| meetings::update(s, stamp, id, &input))
}

#[tauri::command]
pub fn meeting_void(state: State<AppState>, id: i64, reason: String) -> Result<PresidiumMeeting> {
    state.with(|s, stamp| meetings::void(s, stamp, id, &reason))
}

/// `term_id` None: the current term.
#[tauri::command]
pub fn meeting_gaps(state: State<AppState>, term_id: Option<i64>) -> Result<Vec<QuarterGap>> {
    state.with(|s, stamp| match term_id {
        Some(t) => meetings::quarters_without_meeting(s.conn(), t, stamp.today()),
        None => meetings::gaps_in_current_term(s.conn(), stamp.today()),
    })
}
