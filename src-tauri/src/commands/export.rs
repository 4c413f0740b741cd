//! Export to the county (a USB stick) and county mode: one core call each.

use std::path::Path;
use tauri::State;

use crate::state::AppState;
use taizhang_core::county::{self, CountyStats, Imported};
use taizhang_core::package::{self, Drive, ExportLogEntry, ExportOptions, Exported, Manifest};
use taizhang_core::Result;

#[tauri::command]
pub fn export_drives() -> Vec<Drive> {
    package::drives()
}

/// Writing and reading back a package takes a few seconds on a slow stick: off the main thread.
#[tauri::command(async)]
pub fn export_package<R: tauri::Runtime>(
    app: tauri::AppHandle<R>,
    state: State<'_, AppState>,
    dest: String,
    options: ExportOptions,
) -> Result<Exported> {
    let t = crate::commands::printing::typesetter(&app);
    state.with(|s, stamp| t.export(s, stamp, Path::new(&dest), &options))
}

#[tauri::command]
pub fn exports_list(state: State<AppState>) -> Result<Vec<ExportLogEntry>> {
    state.with(|s, _| package::exports(s.conn()))
}

#[tauri::command(async)]
pub fn package_verify(path: String) -> Result<Manifest> {
    use taizhang_core::clock::Clock;
    package::verify(Path::new(&path), taizhang_core::clock::SystemClock.today())
}

#[tauri::command(async)]
pub fn county_import(
    state: State<'_, AppState>,
    path: String,
    allow_removal: Option<bool>,
) -> Result<Imported> {
    state
        .with(|s, stamp| county::import(s, stamp, Path::new(&path), allow_removal.unwrap_or(false)))
}

#[tauri::command]
pub fn county_stats(state: State<AppState>) -> Result<CountyStats> {
    state.with(|s, _| county::stats(s.conn()))
}
