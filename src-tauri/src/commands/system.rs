use serde::Serialize;
use tauri::State;

use crate::state::AppState;
use taizhang_core::backup::{self, BackupContents, BackupInfo, CopyStatus};
use taizhang_core::history::{Entity, HistoryEntry};
use taizhang_core::registry;
use taizhang_core::settings::{self, Settings};
use taizhang_core::store::{Page, SCHEMA_VERSION};
use taizhang_core::vocab::{self, Vocabulary};
use taizhang_core::Result;

#[derive(Serialize)]
pub struct AppInfo {
    app_version: &'static str,
    db_path: String,
    backup_dir: String,
    schema_version: i64,
    township: String,
    operator: String,
}

#[tauri::command]
pub fn app_info(state: State<AppState>) -> Result<AppInfo> {
    state.with(|store, _| {
        let s = settings::load(store.conn())?;
        Ok(AppInfo {
            app_version: env!("CARGO_PKG_VERSION"),
            db_path: store.path().display().to_string(),
            backup_dir: backup::dir_for(store.path()).display().to_string(),
            schema_version: SCHEMA_VERSION,
            township: s.township,
            operator: s.operator,
        })
    })
}

/// The option lists; the reply categories are the office's rule profile's.
#[tauri::command]
pub fn vocabulary(state: State<AppState>) -> Result<Vocabulary> {
    state.with(|store, _| vocab::vocabulary_for(store.conn()))
}

#[tauri::command]
pub fn settings_get(state: State<AppState>) -> Result<Settings> {
    state.with(|store, _| settings::load(store.conn()))
}

#[tauri::command]
pub fn settings_save(state: State<AppState>, settings: Settings) -> Result<Settings> {
    state.with(|store, stamp| settings::save(store, stamp, &settings))
}

#[tauri::command]
pub fn history_list(
    state: State<AppState>,
    entity: Option<String>,
    id: Option<i64>,
    page: Option<usize>,
) -> Result<Page<HistoryEntry>> {
    let entity = match entity.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(code) => Some(Entity::parse(code)?),
    };
    state.with(|store, _| registry::history(store.conn(), entity, id, page.unwrap_or(1), 20))
}

#[tauri::command]
pub fn backup_now(state: State<AppState>) -> Result<BackupInfo> {
    state.with(|store, stamp| backup::backup_now(store, stamp))
}

/// What a backup holds, before a restore replaces anything.
#[tauri::command(async)]
pub fn backup_contents(path: String) -> Result<BackupContents> {
    backup::contents(std::path::Path::new(&path))
}

/// Replaces the data with a backup; returns where the data before it was kept.
#[tauri::command(async)]
pub fn backup_restore(state: State<'_, AppState>, path: String) -> Result<Option<BackupInfo>> {
    state.restore(std::path::Path::new(&path))
}

#[tauri::command]
pub fn backup_copy_status(state: State<AppState>) -> Result<CopyStatus> {
    state.with(|store, stamp| backup::copy_status(store, stamp.today()))
}

/// Chooses the second place backups are copied to ("" for none); copies once at once.
#[tauri::command(async)]
pub fn backup_copy_dir_set(state: State<'_, AppState>, dir: String) -> Result<CopyStatus> {
    state.with(|store, stamp| backup::set_copy_dir(store, stamp, &dir))
}

#[tauri::command]
pub fn backups_list(state: State<AppState>) -> Result<Vec<BackupInfo>> {
    state.with(|store, _| backup::list(store))
}
