//! Printing: preview pages, save as PDF, record a printout sent to the printer. The model comes
//! from the core and the pages from taizhang-typeset, exactly as `taizhang-cli print` makes them.
//! Typesetting takes a second or more, so these run off the main thread (`async`).

use std::path::Path;
use std::sync::OnceLock;
use tauri::{AppHandle, Manager, Runtime, State};

use crate::state::AppState;
use taizhang_core::print::{self, PrintRequest, Printout};
use taizhang_core::Result;
use taizhang_typeset::{Fonts, PreviewPage, Typesetter};

/// Fonts are loaded once: the office's, then those bundled as resources (`fonts/`).
pub(crate) fn typesetter<R: Runtime>(app: &AppHandle<R>) -> &'static Typesetter {
    static T: OnceLock<Typesetter> = OnceLock::new();
    T.get_or_init(|| {
        let bundled: Vec<_> = app
            .path()
            .resource_dir()
            .map(|d| vec![d.join("fonts")])
            .unwrap_or_default();
        Typesetter::new(Fonts::standard_with(&bundled))
    })
}

/// One page of the preview (1-based), with the page count.
#[tauri::command(async)]
pub fn print_preview<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    request: PrintRequest,
    page: usize,
) -> Result<PreviewPage> {
    let doc = state.with(|s, stamp| print::model(s.conn(), &request, stamp.today()))?;
    typesetter(&app).page(&doc, page)
}

/// Every page, for the system print dialog (the UI lays them out one per sheet).
#[tauri::command(async)]
pub fn print_pages<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    request: PrintRequest,
) -> Result<Vec<PreviewPage>> {
    let doc = state.with(|s, stamp| print::model(s.conn(), &request, stamp.today()))?;
    let t = typesetter(&app);
    let first = t.page(&doc, 1)?;
    let mut pages = vec![first.clone()];
    for n in 2..=first.pages {
        pages.push(t.page(&doc, n)?);
    }
    Ok(pages)
}

/// Saves the PDF to `path` and records the printout.
#[tauri::command(async)]
pub fn print_save<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    request: PrintRequest,
    path: String,
) -> Result<Printout> {
    let t = typesetter(&app);
    state.with(|s, stamp| t.save(s, stamp, &request, Path::new(&path)).map(|(_, p)| p))
}

/// Workflow 9, one book at a time so the screen shows progress: the year's `book` as an archival
/// PDF saved into `folder` under the core's file name.
#[tauri::command(async)]
pub fn print_year_book<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    year: i32,
    book: String,
    folder: String,
) -> Result<Printout> {
    let (name, request) = print::year_book(year, print::BookKind::parse(&book)?);
    let out = Path::new(&folder).join(name);
    let t = typesetter(&app);
    state.with(|s, stamp| t.save(s, stamp, &request, &out).map(|(_, p)| p))
}

/// Records a printout sent to the printer (after the system print dialog).
#[tauri::command(async)]
pub fn print_record<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    request: PrintRequest,
) -> Result<Printout> {
    let t = typesetter(&app);
    state.with(|s, stamp| t.record_printed(s, stamp, &request))
}

#[tauri::command]
pub fn printouts_list(state: State<AppState>, limit: Option<usize>) -> Result<Vec<Printout>> {
    state.with(|s, _| print::printouts(s.conn(), limit.unwrap_or(100).min(1000)))
}
