//! Document register commands: one core call each.

use serde_json::Value;
use tauri::State;

use crate::state::AppState;
use taizhang_core::documents::{
    self, ArchiveInput, Document, DocumentDetail, DocumentInput, DocumentQuery, DocumentReadInput,
};
use taizhang_core::store::Page;
use taizhang_core::{fields, input, Result};

#[tauri::command]
pub fn documents_list(state: State<AppState>, query: DocumentQuery) -> Result<Page<Document>> {
    state.with(|s, _| documents::list(s.conn(), &query))
}

#[tauri::command]
pub fn document_get(state: State<AppState>, id: i64) -> Result<DocumentDetail> {
    state.with(|s, _| documents::detail(s.conn(), id))
}

#[tauri::command]
pub fn document_create(state: State<AppState>, input: Value) -> Result<Document> {
    let input: DocumentInput = input::from_value(&fields::DOCUMENT, input)?;
    state.with(|s, stamp| documents::create(s, stamp, &input))
}

#[tauri::command]
pub fn document_update(state: State<AppState>, id: i64, input: Value) -> Result<Document> {
    let input: DocumentInput = input::from_value(&fields::DOCUMENT, input)?;
    state.with(|s, stamp| documents::update(s, stamp, id, &input))
}

#[tauri::command]
pub fn document_void(state: State<AppState>, id: i64, reason: String) -> Result<Document> {
    state.with(|s, stamp| documents::void(s, stamp, id, &reason))
}

#[tauri::command]
pub fn document_read(state: State<AppState>, id: i64, input: Value) -> Result<DocumentDetail> {
    let input: DocumentReadInput = input::from_value(&fields::DOCUMENT_READ, input)?;
    state.with(|s, stamp| documents::read(s, stamp, id, &input))
}

#[tauri::command]
pub fn document_archive(state: State<AppState>, id: i64, input: Value) -> Result<DocumentDetail> {
    let input: ArchiveInput = input::from_value(&fields::ARCHIVE, input)?;
    state.with(|s, stamp| documents::archive(s, stamp, id, &input))
}

#[tauri::command]
pub fn document_read_void(
    state: State<AppState>,
    read_id: i64,
    reason: String,
) -> Result<DocumentDetail> {
    state.with(|s, stamp| documents::void_read(s, stamp, read_id, &reason))
}
