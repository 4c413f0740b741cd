use serde_json::Value;
use std::path::PathBuf;
use tauri::State;

use crate::state::AppState;
use taizhang_core::roster::export::{self, ExportOptions, ExportResult};
use taizhang_core::roster::import::{self, ImportPreview, ImportResult};
use taizhang_core::roster::org::{self, *};
use taizhang_core::roster::stats::{self, RosterStats};
use taizhang_core::roster::status::{self, *};
use taizhang_core::roster::{deputy, Deputy, DeputyDetail, DeputyInput, DeputyQuery};
use taizhang_core::store::Page;
use taizhang_core::vocab::RosterOrder;
use taizhang_core::{fields, input, Result};

#[tauri::command]
pub fn terms_list(state: State<AppState>) -> Result<Vec<Term>> {
    state.with(|s, _| org::terms(s.conn()))
}

#[tauri::command]
pub fn term_create(state: State<AppState>, input: Value) -> Result<Term> {
    let input: TermInput = input::from_value(&fields::TERM, input)?;
    state.with(|s, stamp| org::create_term(s, stamp, &input))
}

#[tauri::command]
pub fn constituencies_list(state: State<AppState>) -> Result<Vec<Constituency>> {
    state.with(|s, _| org::constituencies(s.conn()))
}

#[tauri::command]
pub fn constituency_create(state: State<AppState>, input: Value) -> Result<Constituency> {
    let input: ConstituencyInput = input::from_value(&fields::CONSTITUENCY, input)?;
    state.with(|s, stamp| org::create_constituency(s, stamp, &input))
}

#[tauri::command]
pub fn constituency_update(state: State<AppState>, id: i64, input: Value) -> Result<Constituency> {
    let input: ConstituencyInput = input::from_value(&fields::CONSTITUENCY, input)?;
    state.with(|s, stamp| org::update_constituency(s, stamp, id, &input))
}

#[tauri::command]
pub fn stations_list(state: State<AppState>) -> Result<Vec<LiaisonStation>> {
    state.with(|s, _| org::stations(s.conn()))
}

#[tauri::command]
pub fn station_create(state: State<AppState>, input: Value) -> Result<LiaisonStation> {
    let input: LiaisonStationInput = input::from_value(&fields::STATION, input)?;
    state.with(|s, stamp| org::create_station(s, stamp, &input))
}

#[tauri::command]
pub fn station_update(state: State<AppState>, id: i64, input: Value) -> Result<LiaisonStation> {
    let input: LiaisonStationInput = input::from_value(&fields::STATION, input)?;
    state.with(|s, stamp| org::update_station(s, stamp, id, &input))
}

#[tauri::command]
pub fn groups_list(state: State<AppState>) -> Result<Vec<DeputyGroup>> {
    state.with(|s, stamp| org::groups(s.conn(), stamp.today()))
}

#[tauri::command]
pub fn group_create(state: State<AppState>, input: Value) -> Result<DeputyGroup> {
    let input: DeputyGroupInput = input::from_value(&fields::GROUP, input)?;
    state.with(|s, stamp| org::create_group(s, stamp, &input))
}

#[tauri::command]
pub fn group_update(state: State<AppState>, id: i64, input: Value) -> Result<DeputyGroup> {
    let input: DeputyGroupInput = input::from_value(&fields::GROUP, input)?;
    state.with(|s, stamp| org::update_group(s, stamp, id, &input))
}

#[tauri::command]
pub fn deputies_list(state: State<AppState>, query: DeputyQuery) -> Result<Page<Deputy>> {
    state.with(|s, stamp| deputy::list(s.conn(), &query, stamp.today()))
}

#[tauri::command]
pub fn deputy_get(state: State<AppState>, id: i64) -> Result<DeputyDetail> {
    state.with(|s, stamp| deputy::detail(s.conn(), id, stamp.today()))
}

#[tauri::command]
pub fn deputy_create(state: State<AppState>, input: Value) -> Result<Deputy> {
    let input: DeputyInput = input::from_value(&fields::DEPUTY, input)?;
    state.with(|s, stamp| deputy::create(s, stamp, &input))
}

#[tauri::command]
pub fn deputy_update(state: State<AppState>, id: i64, input: Value) -> Result<Deputy> {
    let input: DeputyInput = input::from_value(&fields::DEPUTY, input)?;
    state.with(|s, stamp| deputy::update(s, stamp, id, &input))
}

#[tauri::command]
pub fn deputy_void(state: State<AppState>, id: i64, reason: String) -> Result<Deputy> {
    state.with(|s, stamp| deputy::void(s, stamp, id, &reason))
}

#[tauri::command]
pub fn deputy_reveal_id(state: State<AppState>, id: i64) -> Result<Option<String>> {
    state.with(|s, stamp| deputy::reveal_id_number(s, stamp, id))
}

#[tauri::command]
pub fn deputy_event_add(state: State<AppState>, input: Value) -> Result<DeputyEvent> {
    let input: DeputyEventInput = input::from_value(&fields::DEPUTY_EVENT, input)?;
    state.with(|s, stamp| status::add_event(s, stamp, &input))
}

#[tauri::command]
pub fn deputy_event_void(state: State<AppState>, id: i64, reason: String) -> Result<DeputyEvent> {
    state.with(|s, stamp| status::void_event(s, stamp, id, &reason))
}

#[tauri::command]
pub fn presidium_post_add(state: State<AppState>, input: Value) -> Result<PresidiumPost> {
    let input: PresidiumPostInput = input::from_value(&fields::PRESIDIUM_POST, input)?;
    state.with(|s, stamp| status::add_post(s, stamp, &input))
}

#[tauri::command]
pub fn presidium_post_end(state: State<AppState>, id: i64, date: String) -> Result<PresidiumPost> {
    state.with(|s, stamp| status::end_post(s, stamp, id, &date))
}

#[tauri::command]
pub fn roster_stats(
    state: State<AppState>,
    on: Option<String>,
    term: Option<i64>,
) -> Result<RosterStats> {
    state.with(|s, stamp| stats::roster_stats_on(s.conn(), term, on.as_deref(), stamp.today()))
}

#[tauri::command]
pub fn roster_import_preview(
    state: State<AppState>,
    path: PathBuf,
    term: Option<i64>,
) -> Result<ImportPreview> {
    state.with(|s, _| import::preview(s.conn(), &path, term))
}

#[tauri::command]
pub fn roster_import_commit(
    state: State<AppState>,
    path: PathBuf,
    term: Option<i64>,
    skip_bad: bool,
) -> Result<ImportResult> {
    state.with(|s, stamp| import::commit(s, stamp, &path, term, skip_bad))
}

#[tauri::command]
pub fn roster_export(
    state: State<AppState>,
    path: PathBuf,
    order: RosterOrder,
) -> Result<ExportResult> {
    state.with(|s, stamp| {
        let opts = ExportOptions {
            term_id: None,
            on: stamp.today(),
            order,
            with_id_numbers: false,
        };
        export::export_roster(s.conn(), &path, &opts)
    })
}

/// The deputy's duty record for a period (default: the deputy's term).
#[tauri::command]
pub fn deputy_record(
    state: State<AppState>,
    id: i64,
    from: Option<String>,
    to: Option<String>,
) -> Result<taizhang_core::duty_record::DutyRecord> {
    state.with(|s, stamp| {
        let d = |t: Option<String>, f: &'static str| {
            t.filter(|t| !t.is_empty())
                .map(|t| taizhang_core::dates::parse_iso(f, "日期", &t))
                .transpose()
        };
        taizhang_core::duty_record::record(
            s.conn(),
            id,
            d(from, "from")?,
            d(to, "to")?,
            stamp.today(),
        )
    })
}
