//! Attachment commands. Opening hands the stored copy (checked against its hash by the core) to
//! the system's viewer through the opener plugin.

use std::path::Path;
use tauri::{AppHandle, Runtime, State};
use tauri_plugin_opener::OpenerExt;

use crate::state::AppState;
use taizhang_core::attachments::{self, Attachment};
use taizhang_core::{Error, Result};

#[tauri::command]
pub fn attachments_list(
    state: State<AppState>,
    entity: String,
    entity_id: i64,
    include_voided: bool,
) -> Result<Vec<Attachment>> {
    state.with(|s, _| attachments::list(s.conn(), &entity, entity_id, include_voided))
}

#[tauri::command]
pub fn attachment_add(
    state: State<AppState>,
    entity: String,
    entity_id: i64,
    path: String,
) -> Result<Attachment> {
    state.with(|s, stamp| attachments::add(s, stamp, &entity, entity_id, Path::new(&path), None))
}

#[tauri::command]
pub fn attachment_open<R: Runtime>(
    app: AppHandle<R>,
    state: State<AppState>,
    id: i64,
) -> Result<()> {
    let path = state.with(|s, _| attachments::file(s, id))?;
    app.opener()
        .open_path(path.to_string_lossy(), None::<&str>)
        .map_err(|e| Error::Import(format!("无法用系统程序打开附件：{e}")))
}

#[tauri::command]
pub fn attachment_void(state: State<AppState>, id: i64, reason: String) -> Result<Attachment> {
    state.with(|s, stamp| attachments::void(s, stamp, id, &reason))
}
